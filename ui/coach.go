package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"zerosum/content"
	"zerosum/game/bot"
	"zerosum/text"
)

// This file is the guided first game: a real game of the short
// "flashpoint" scenario, with a fixed seat and seed against normal bots,
// and a coach: a strip of a few lines between the screen and the footer
// that says what to read and why, one step at a time. Steps follow what
// the player does (opening the pane a step names moves it on), never stop
// them from playing, and can be skipped (c) or hidden (C). Every word the
// coach says is here: the steps (coachSteps), the alerts that break in
// when the world calls for them (coachAlerts) and the reminders shown
// between steps (coachReminder).

// The guided game: the classroom scenario, one seat, one seed, so that a
// class playing it together sees the same world (the orders make each
// game its own). Seed 108 was chosen by playing the guided seat many ways
// against these bots: no orders, the first or second row every turn, both
// of them, easing and talks, and 60 games of random orders all end without
// a crisis (tension still reaches 7 or 8), while ordering every squeeze on
// Beijing there is brings a crisis in turn 4 (TestGuidedGameCrisisEndsEarly
// plays it).
const (
	guidedScenario = "flashpoint"
	guidedActor    = "washington"
	guidedSeed     = 108
)

// guidedDifficulty is the bots' level in the guided game: the default one.
const guidedDifficulty = bot.Normal

// coachTextLines is how many lines of text the coach's strip holds under
// its title line; every step is written to fit them at 80 columns.
const coachTextLines = 3

// coachMaxWidth is the widest the coach's text runs on a large terminal,
// to stay readable.
const coachMaxWidth = 110

// coachScreen is the kind of screen the player is on, as the coach sees it.
type coachScreen int

const (
	onOther coachScreen = iota
	onBriefing
	onDashboard
	onReport
	onEnd
)

// coachObs is what the coach watches: where the player is and what they
// have done. It is read after every message.
type coachObs struct {
	screen   coachScreen
	turn     int // the turn being played (the last one once the game is over)
	last     int // the scenario's last turn
	resolved int // turns resolved so far
	over     bool
	focus    paneID // the dashboard's pane in focus
	moved    bool   // the Orders pane's cursor has left the first row
	orders   int    // orders chosen this turn
	endTab   endTab
	tension  int
	ap       int // the player's action points a turn
}

// coachStep is one step of the guide: when it may show, what it says, and
// what the player does that moves it on.
type coachStep struct {
	// title is the step's name, in the interface's language.
	title func() string
	// text is what the step says; it may read the observation (the
	// tension now, the action points).
	text func(o coachObs) string
	// due reports whether the step may show now.
	due func(o coachObs) bool
	// done reports whether the player has done what the step asks.
	done func(o coachObs) bool
	// past reports whether the step's moment has gone (a later turn, the
	// end of the game): it is skipped.
	past func(o coachObs) bool
}

// onTurnDash is "the dashboard of the n-th turn".
func onTurnDash(n int) func(o coachObs) bool {
	return func(o coachObs) bool { return o.screen == onDashboard && o.resolved == n-1 && !o.over }
}

// fromTurnDash is "the dashboard of the n-th turn or a later one, before
// the last": steps a player who has not yet done them meets again.
func fromTurnDash(n int) func(o coachObs) bool {
	return func(o coachObs) bool {
		return o.screen == onDashboard && o.resolved >= n-1 && o.turn < o.last && !o.over
	}
}

// lastTurn is "the last turn has come, or the game has ended".
func lastTurn(o coachObs) bool { return o.turn >= o.last || o.over }

// after is "the game has gone past the n-th turn, or ended".
func after(n int) func(o coachObs) bool {
	return func(o coachObs) bool { return o.resolved >= n || o.over }
}

// coachSteps is the guide, in order. Each step explains what the player
// is looking at after the previous one and asks for the next thing to do.
var coachSteps = []coachStep{
	{
		title: func() string { return text.T("Your briefing") },
		text: func(coachObs) string {
			return text.T("A guided first game: Washington for six half-year turns against three bots, about 15 minutes. " +
				"Read the first three pages of this briefing (pgdn): who you are, what you score for, the one rule " +
				"that matters. Then press enter.")
		},
		due:  func(o coachObs) bool { return o.screen == onBriefing },
		done: func(o coachObs) bool { return o.screen == onDashboard },
		past: after(1),
	},
	{
		title: func() string { return text.T("The numbers at the top") },
		text: func(coachObs) string {
			return text.T("At the top, the world: Strait tension (a crisis at 10), export controls, quotas and four global tracks; " +
				"then your own numbers and your score (≈ marks an estimate). Top right: what you can still spend. Press ↓.")
		},
		due:  onTurnDash(1),
		done: func(o coachObs) bool { return o.moved || o.orders > 0 },
		past: after(1),
	},
	{
		title: func() string { return text.T("Orders and their price") },
		text: func(o coachObs) string {
			return text.F("Each row is an action with its price: AP (action points, %d a turn) and cap (capital). "+
				"Under the list, its effects; enter opens its detail, which says why a ✗ row is barred. space adds an order.", o.ap)
		},
		due:  onTurnDash(1),
		done: func(o coachObs) bool { return o.orders > 0 },
		past: after(1),
	},
	{
		title: func() string { return text.T("Side effects, then end the turn") },
		text: func(coachObs) string {
			return text.T("The top right now shows what is left to spend. Orders have side effects: tighter controls feed Beijing's " +
				"grievance, and grievance pushes Strait tension up. Pick what you want (space), then press E to end the turn.")
		},
		due:  onTurnDash(1),
		done: func(o coachObs) bool { return o.screen == onReport },
		past: after(1),
	},
	{
		title: func() string { return text.T("What happened, and why") },
		text: func(coachObs) string {
			return text.T("Everyone's orders resolved at the same time. The first page says what moved the Strait and what " +
				"each actor did; below come every change to your numbers with its cause and the next news. Then press enter.")
		},
		due:  func(o coachObs) bool { return o.screen == onReport && o.resolved == 1 && !o.over },
		done: func(o coachObs) bool { return o.screen == onDashboard },
		past: after(2),
	},
	{
		title: func() string { return text.T("The news") },
		text: func(coachObs) string {
			return text.T("A new turn. Before choosing orders, see what the world did: press 3 for the News pane.")
		},
		due:  fromTurnDash(2),
		done: func(o coachObs) bool { return o.focus == paneNews },
		past: lastTurn,
	},
	{
		title: func() string { return text.T("Events") },
		text: func(coachObs) string {
			return text.T("The News pane lists the events that opened this turn: read the headlines (■) and what each changed. " +
				"Events fire when the world meets their conditions, with a roll of the seed's dice. Now press 4.")
		},
		due:  fromTurnDash(2),
		done: func(o coachObs) bool { return o.focus == paneWhy },
		past: lastTurn,
	},
	{
		title: func() string { return text.T("The ledger of causes") },
		text: func(coachObs) string {
			return text.T("The Why pane is the ledger: first what moved the Strait and your score, then every change by its cause, " +
				"your own orders among them. ↓ scrolls. When you have read it, press 1 for your orders.")
		},
		due:  fromTurnDash(2),
		done: func(o coachObs) bool { return o.focus != paneWhy || o.orders > 0 },
		past: lastTurn,
	},
	{
		title: func() string { return text.T("What a crisis costs") },
		text: func(o coachObs) string {
			return text.F("Strait tension is %d of 10. At 10 the game ends at once in a crisis and nobody wins: whoever "+
				"drove it there scores 0, the others keep only a part. Brakes exist: talks, easing controls. Choose, then E.", o.tension)
		},
		due:  fromTurnDash(2),
		done: func(o coachObs) bool { return o.screen == onReport },
		past: lastTurn,
	},
	{
		title: func() string { return text.T("On your own") },
		text: func(coachObs) string {
			return text.T("From here the guide steps back. Each turn: read the report, the News (3) and the Why pane (4), choose, " +
				"press E. Charts (5) show how the numbers moved; the Encyclopedia (6) explains every term.")
		},
		due:  func(o coachObs) bool { return o.resolved >= 2 && o.turn < o.last && !o.over },
		done: func(o coachObs) bool { return o.turn >= o.last },
		past: lastTurn,
	},
	{
		title: func() string { return text.T("The last turn") },
		text: func(coachObs) string {
			return text.T("The last turn: the game ends when it resolves, so an order whose effect comes later pays nothing. " +
				"Look at what each part of your score still needs (the Score line), choose, then press E.")
		},
		due:  func(o coachObs) bool { return o.screen == onDashboard && o.turn == o.last && !o.over },
		done: func(o coachObs) bool { return o.over },
		past: func(o coachObs) bool { return o.over },
	},
	{
		title: func() string { return text.T("The end of the game") },
		text: func(coachObs) string {
			return text.T("The game is over: this last report says how it ended and what the final turn changed. " +
				"↓ scrolls; press enter for the debrief: the scores, the turning points and the secrets.")
		},
		due:  func(o coachObs) bool { return o.screen == onReport && o.over },
		done: func(o coachObs) bool { return o.screen == onEnd },
		past: func(o coachObs) bool { return o.screen == onEnd },
	},
	{
		title: func() string { return text.T("The debrief") },
		text: func(coachObs) string {
			return text.T("Outcome says how the world ended and where you came. Press tab (or →) for Scores: every player's real " +
				"score and how its own objectives made it. Then Turning points, Charts and Secrets.")
		},
		due:  func(o coachObs) bool { return o.screen == onEnd },
		done: func(o coachObs) bool { return o.endTab != tabOutcome },
		past: func(coachObs) bool { return false },
	},
	{
		title: func() string { return text.T("What next") },
		text: func(coachObs) string {
			return text.T("The Secrets tab reveals every covert order; e exports the debrief as a report. enter returns to " +
				"the title, where New game offers the other seats, the 12-turn scenario and harder bots.")
		},
		due:  func(o coachObs) bool { return o.screen == onEnd },
		done: func(coachObs) bool { return false },
		past: func(coachObs) bool { return false },
	},
}

// coachAlerts are steps outside the sequence: each shows, once a game,
// whenever the world calls for it, ahead of the step in sequence (which
// waits), until the player has done what it asks.
var coachAlerts = []coachStep{
	{
		title: func() string { return text.T("The Strait is near a crisis") },
		text: func(o coachObs) string {
			return text.F("Strait tension is %d of 10: one more bad turn can end the game in a crisis, for everyone. "+
				"The ⚠ lines at the top say what pushes it; talks and easing controls brake it. Choose, then E.", o.tension)
		},
		due:  func(o coachObs) bool { return o.screen == onDashboard && o.tension >= 8 && !o.over },
		done: func(o coachObs) bool { return o.screen == onReport || o.over },
		past: func(o coachObs) bool { return o.over },
	},
}

// coachReminder is what the strip says when no step is due: what to do on
// this screen.
func coachReminder(o coachObs) (title, body string) {
	switch o.screen {
	case onBriefing:
		return text.T("Your briefing"), text.T("Read the briefing (↓ scrolls), then press enter to give your first orders.")
	case onDashboard:
		return text.F("Turn %d of %d", o.turn, o.last),
			text.T("Read the News (3) and the Why pane (4), choose orders (space), then end the turn (E). ? lists every key.")
	case onReport:
		return text.T("The turn report"), text.T("Read what happened and why (↓ scrolls), then press enter.")
	case onEnd:
		return text.T("The debrief"), text.T("tab or ←/→ moves between the sections; enter returns to the title screen.")
	}
	return text.T("Guide"), text.T("esc goes back; ? lists the keys of this screen.")
}

// coach is the guide of a guided game: the step it is on and whether the
// player has hidden it.
type coach struct {
	step   int  // index in coachSteps; len(coachSteps) once all are done
	shown  bool // the current step has been on screen
	hidden bool
	// alert is the alert on screen (an index in coachAlerts), or -1;
	// alerted marks those already shown.
	alert   int
	alerted []bool
	obs     coachObs
}

func newCoach() *coach { return &coach{alert: -1, alerted: make([]bool, len(coachAlerts))} }

// observe moves the guide on after a message: a step whose moment has
// passed is skipped, and one the player has done (after it was shown)
// gives way to the next.
func (c *coach) observe(o coachObs) {
	c.obs = o
	for c.step < len(coachSteps) {
		s := coachSteps[c.step]
		switch {
		case s.past(o):
			c.advance()
			continue
		case s.done(o) && (c.shown || !s.due(o)):
			// Done after it was read, or done while it was not even
			// due (a game resumed from a save).
			c.advance()
			continue
		}
		break
	}
	if c.alert >= 0 {
		if a := coachAlerts[c.alert]; a.done(o) || a.past(o) {
			c.alert = -1
		}
	}
	for i, a := range coachAlerts {
		if c.alert < 0 && !c.alerted[i] && a.due(o) {
			c.alert, c.alerted[i] = i, true
		}
	}
	if c.alert < 0 && c.step < len(coachSteps) && coachSteps[c.step].due(o) {
		c.shown = true
	}
}

func (c *coach) advance() { c.step, c.shown = c.step+1, false }

// skip dismisses the step on screen (c): the next one shows when it is due.
func (c *coach) skip() {
	if c.alert >= 0 {
		c.alert = -1
		return
	}
	if c.current() >= 0 {
		c.advance()
		c.observe(c.obs)
	}
}

// current is the step on screen, or -1 when none is due.
func (c *coach) current() int {
	if c.alert >= 0 {
		return -1
	}
	if c.step < len(coachSteps) && coachSteps[c.step].due(c.obs) {
		return c.step
	}
	return -1
}

// height is how many lines the strip takes: none when hidden.
func (c *coach) height() int {
	if c == nil || c.hidden {
		return 0
	}
	return 1 + coachTextLines
}

// view draws the strip, w cells wide: a title rule with the step and the
// coach's keys, then the text.
func (c *coach) view(ctx *Context, w int) string {
	t := ctx.Theme
	var title, body string
	if c.alert >= 0 {
		a := coachAlerts[c.alert]
		title, body = text.F("GUIDE · ⚠ %s", a.title()), a.text(c.obs)
	} else if i := c.current(); i >= 0 {
		s := coachSteps[i]
		title = text.F("GUIDE %d/%d · %s", i+1, len(coachSteps), s.title())
		body = s.text(c.obs)
	} else {
		title, body = coachReminder(c.obs)
		title = text.F("GUIDE · %s", title)
	}
	keys := text.T("c next tip · C hide")
	if c.current() < 0 && c.alert < 0 {
		keys = text.T("C hide the guide")
	}
	head := "─ " + text.Truncate(title, max(w-text.Width(keys)-8, 10)) + " "
	tail := " " + keys + " ─"
	fill := max(w-ansi.StringWidth(head)-ansi.StringWidth(tail), 1)
	lines := []string{t.Accent.Render(head+strings.Repeat("─", fill)) + t.Muted.Render(tail)}
	tw := coachWidth(w)
	rows := strings.Split(wrap(body, tw), "\n")
	if len(rows) > coachTextLines {
		// Lines of Chinese break between characters: they join again
		// without a space.
		sep := " "
		if text.Chinese() {
			sep = ""
		}
		rows = append(rows[:coachTextLines-1], text.Truncate(strings.Join(rows[coachTextLines-1:], sep), tw))
	}
	for _, l := range rows {
		lines = append(lines, "  "+t.Text.Render(l))
	}
	return fit(strings.Join(lines, "\n"), w, c.height())
}

// coachWidth is how wide the coach's text runs on a terminal w cells
// wide, indented by two.
func coachWidth(w int) int { return min(w-3, coachMaxWidth) }

// coachHeight is how many lines the guide takes from the screens.
func (c *Context) coachHeight() int {
	if c.Game == nil {
		return 0
	}
	return c.Game.coach.height()
}

// observeCoach lets the guide see the screen after a message.
func (c *Context) observeCoach(s Screen) {
	g := c.Game
	if g == nil || g.coach == nil {
		return
	}
	sc := g.Scenario()
	st := g.State() // read for the turn and Strait tension, which every seat sees
	o := coachObs{turn: min(st.Turn, sc.Turns), last: sc.Turns, resolved: len(g.Match.Turns), over: g.Match.Over(),
		orders: len(g.Orders()), tension: st.Tension(), ap: sc.Actors[g.Player].AP, focus: paneOrders}
	switch s := s.(type) {
	case *briefing:
		o.screen = onBriefing
	case *dashboard:
		if !s.readOnly {
			o.screen, o.focus, o.moved = onDashboard, s.focus, s.orders.cursor > 0
		}
	case *resolution:
		o.screen = onReport
	case *endScreen:
		o.screen, o.endTab = onEnd, s.tab
	}
	g.coach.observe(o)
}

// coachKeys are the guide's keys, for the help overlay.
func (c *Context) coachKeys() []key.Binding {
	return []key.Binding{c.Keys.CoachNext, c.Keys.CoachHide}
}

// newGuidedSession starts the guided first game.
func newGuidedSession(ctx *Context) (*Session, error) {
	p, err := content.Load(guidedScenario)
	if err != nil {
		return nil, err
	}
	g, err := NewSession(p, guidedSeed, guidedActor, guidedDifficulty, nil)
	if err != nil {
		return nil, err
	}
	g.Settings.Guided = true
	g.coach = newCoach()
	return ctx.attach(g), nil
}
