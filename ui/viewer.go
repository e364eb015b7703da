package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
	"zerosum/saves"
	"zerosum/text"
)

// viewSource is a game to look back on: the game in play, a save or a
// kept replay.
type viewSource struct {
	pack   *content.Pack
	match  *match.Match
	player int
	// reveal shows the whole truth at every turn (a finished game);
	// otherwise each turn is shown as the player saw it then.
	reveal bool
	label  string // what is shown: "this game", `the save "x"`
	// pending and settings go into the save that keeps the original line
	// when the player rewinds from the viewer.
	pending  []game.Order
	settings saves.Settings
	// from is the session the match is played in, if any (see planRewind).
	from *Session
}

// viewerBar is how many lines the viewer's own bar takes above the
// dashboard.
const viewerBar = 2

// viewer is the replay viewer: a game turn by turn, read-only, with the
// dashboard's header and panes (news, why, charts, world, encyclopedia)
// for the turn in view. ←/→ step through the turns; R rewinds to the turn
// in view and plays on from there as a what-if branch.
type viewer struct {
	ctx  *Context
	src  viewSource
	step int // the world at the start of turn step+1; len(Turns) is now (or the end)
	back Screen
	// rctx is what the read-only dashboard draws with: the App's theme,
	// keys and size (less the bar), with the turn in view as its game.
	rctx Context
	dash *dashboard
}

// newViewer opens a game in the viewer: a finished game from its first
// turn, a game in progress at its current turn.
func newViewer(ctx *Context, src viewSource, back Screen) *viewer {
	v := &viewer{ctx: ctx, src: src, back: back}
	if !src.match.Over() {
		v.step = len(src.match.Turns)
	}
	v.rctx = Context{Theme: ctx.Theme, Keys: ctx.Keys, Opts: ctx.Opts}
	v.show()
	v.dash = newReadOnlyDashboard(&v.rctx)
	return v
}

// last is the last step: the current turn of a game in progress, or the
// end of a finished one.
func (v *viewer) last() int { return len(v.src.match.Turns) }

// show puts the turn in view into the dashboard's context: the match as
// it stood then (sharing the full match's turns and states, which are
// never changed).
func (v *viewer) show() {
	m := v.src.match
	at := &match.Match{Scenario: m.Scenario, Seed: m.Seed, Seats: m.Seats, Branch: m.Branch, Setup: m.Setup,
		States: m.States[: v.step+1 : v.step+1], Turns: m.Turns[:v.step:v.step]}
	v.rctx.Game = &Session{Pack: v.src.pack, Match: at, Player: v.src.player, Reveal: v.src.reveal}
	v.size()
}

// size gives the dashboard the terminal less the viewer's bar (and less
// the guide of a guided game).
func (v *viewer) size() {
	v.rctx.Width, v.rctx.Height = v.ctx.Width, max(v.ctx.Height-viewerBar-v.ctx.coachHeight(), 0)
}

// Resize follows the terminal.
func (v *viewer) Resize() { v.size() }

// Update steps through the turns, rewinds, goes back, and gives every
// other key to the dashboard (panes and scrolling).
func (v *viewer) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	km := v.ctx.Keys
	switch {
	case key.Matches(k, km.PrevTurn):
		if v.step > 0 {
			v.step--
			v.show()
		}
	case key.Matches(k, km.NextTurn):
		if v.step < v.last() {
			v.step++
			v.show()
		}
	case key.Matches(k, km.Back):
		v.ctx.SwitchTo(v.back)
	case key.Matches(k, km.Rewind):
		v.askRewind()
	default:
		v.dash.Update(k)
	}
	return v, nil
}

// askRewind confirms a rewind to the start of the turn in view.
func (v *viewer) askRewind() {
	m := v.src.match
	if v.step >= v.last() {
		if m.Over() {
			v.ctx.Flash(text.T("This is the end of the game: step back (←) to the turn to rewind to."))
		} else {
			v.ctx.Flash(text.T("This is the current turn: step back (←) to an earlier turn to rewind to it."))
		}
		return
	}
	plan, err := v.ctx.planRewind(v.src.pack, m, v.src.player, v.src.pending, v.src.settings, v.step+1, v.src.from)
	if err != nil {
		v.ctx.Open(NewNotice(v.ctx, text.T("Cannot rewind"), err.Error()))
		return
	}
	v.ctx.confirmRewind(plan)
}

// Name is shown in the help overlay.
func (v *viewer) Name() string { return text.F("Replay viewer: %s", paneNames[v.dash.focus]) }

// Keys are the viewer's keys for the footer.
func (v *viewer) Keys() []key.Binding {
	km := v.ctx.Keys
	rewind := km.Rewind
	rewind.SetHelp("R", text.T("rewind here"))
	return append([]key.Binding{km.TurnStep, rewind, km.Back}, v.dash.Keys()...)
}

// KeyGroups are the viewer's keys for the help overlay: its own with the
// dashboard's pane keys (two columns, to fit 80 cells).
func (v *viewer) KeyGroups() [][]key.Binding {
	km := v.ctx.Keys
	rewind := km.Rewind
	rewind.SetHelp("R", text.T("rewind here (what-if)"))
	back := km.Back
	back.SetHelp("esc", text.T("leave the viewer"))
	groups := v.dash.KeyGroups()
	own := []key.Binding{km.PrevTurn, km.NextTurn, rewind, back}
	return [][]key.Binding{groups[0], append(own, groups[len(groups)-1]...)}
}

// View draws the viewer's bar above the read-only dashboard.
func (v *viewer) View() string {
	v.size()
	w, h := v.ctx.Width, v.ctx.BodyHeight()
	if w <= 0 || h <= 0 {
		return ""
	}
	return fit(strings.Join(v.bar(w), "\n")+"\n"+v.dash.View(), w, h)
}

// bar is what is being viewed, and where in the game: "REPLAY · this
// game · Beijing's view · main line", then the turn with a timeline.
func (v *viewer) bar(w int) []string {
	t := v.ctx.Theme
	m := v.src.match
	sc := m.Scenario
	who := text.F("%s's view as it was then", sc.Actors[v.src.player].Name)
	if v.src.reveal {
		who = text.T("everything revealed")
	}
	line := t.Title.Render(text.T("REPLAY")) + " · " + v.src.label + " · " + who
	if m.Branch != "" {
		line += " · " + t.Warn.Render(text.F("WHAT-IF: %s", branchLabel(m.Branch)))
	} else {
		line += " · " + t.Muted.Render(text.T("main line"))
	}
	date := text.Half(sc.HalfYear(v.step + 1))
	where := text.F("◂ Turn %d of %d · %s ▸", v.step+1, sc.Turns, date)
	switch {
	case v.step == v.last() && m.Over():
		where = text.F("◂ The end · %s ▸", v.outcome())
	case v.step == v.last():
		where = text.F("◂ Turn %d of %d · %s (now) ▸", v.step+1, sc.Turns, date)
	}
	var dots strings.Builder
	for i := 0; i <= v.last(); i++ {
		switch {
		case i == v.step:
			dots.WriteString("●")
		case i < v.step:
			dots.WriteString("━")
		default:
			dots.WriteString("─")
		}
	}
	hint := text.T("←/→ turn · R rewind here · esc back")
	second := firstFit(w,
		t.Title.Render(where)+"  "+t.Accent.Render(dots.String())+"  "+t.Muted.Render(hint),
		t.Title.Render(where)+"  "+t.Accent.Render(dots.String()),
		t.Title.Render(where))
	return []string{text.Truncate(line, w), second}
}

// outcome names the world outcome of the finished game.
func (v *viewer) outcome() string {
	st := v.src.match.State()
	if n := v.src.pack.T("outcomes." + st.Outcome + ".name"); n != "" {
		return n
	}
	if i := v.src.match.Scenario.OutcomeIndex(st); i >= 0 {
		return v.src.match.Scenario.Outcomes[i].Name
	}
	return st.Outcome
}
