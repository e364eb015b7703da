package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/game/bot"
)

// guidedKeys are the keys from the title screen into the guided game's
// briefing: the guided game is the first item of the menu when there is
// nothing to continue.
var guidedKeys = []string{"home", "enter"}

// guidedApp is an App at w x h on the briefing of the guided game.
func guidedApp(t *testing.T, opts Options, w, h int) *App {
	t.Helper()
	a := boot(opts, w, h)
	drive(a, guidedKeys...)
	if a.ctx.Game == nil || a.ctx.Game.coach == nil {
		t.Fatalf("the title did not start the guided game: %s\n%s", a.screen.Name(), screen(a))
	}
	return a
}

// coachStep is the step the guide shows, or -1.
func coachStepOn(a *App) int { return a.ctx.Game.coach.current() }

// requireFits checks every line of the frame is exactly the terminal's
// width and the frame its height.
func requireFits(t *testing.T, a *App, when string) {
	t.Helper()
	lines := strings.Split(screen(a), "\n")
	if len(lines) != a.ctx.Height {
		t.Fatalf("%s: the frame is %d lines, the terminal %d", when, len(lines), a.ctx.Height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != a.ctx.Width {
			t.Fatalf("%s: line %d is %d cells wide, the terminal %d:\n%s", when, i+1, w, a.ctx.Width, screen(a))
		}
	}
}

// The title lists the guided game and says how long it takes; choosing it
// starts the flashpoint scenario as Washington, seed 100, against normal
// bots, with the guide on the briefing.
func TestGuidedGameStartsFromTheTitle(t *testing.T) {
	a := boot(Options{}, 80, 24)
	s := screen(a)
	if !strings.Contains(s, "Guided first game") || !strings.Contains(s, "about 15 minutes") {
		t.Fatalf("the title should offer the guided game and its length:\n%s", s)
	}
	drive(a, guidedKeys...)
	g := a.ctx.Game
	if g == nil || g.coach == nil {
		t.Fatalf("no guided game: %s", a.screen.Name())
	}
	sc := g.Scenario()
	if sc.ID != guidedScenario || sc.Actors[g.Player].ID != guidedActor || g.Match.Seed != guidedSeed || !g.Settings.Guided {
		t.Errorf("the guided game is %s as %s, seed %d (guided %v)", sc.ID, sc.Actors[g.Player].ID, g.Match.Seed, g.Settings.Guided)
	}
	if g.HotSeat() || g.Spectating() || len(g.Humans()) != 1 {
		t.Errorf("the guided game should seat one human, got %v", g.Humans())
	}
	for a, seat := range g.Match.Seats {
		if a != g.Player && (seat.Human || seat.Bot.Difficulty != bot.Normal) {
			t.Errorf("seat %d is %+v; want a normal bot", a, seat)
		}
	}
	if _, ok := a.screen.(*briefing); !ok || coachStepOn(a) != 0 {
		t.Errorf("the guided game should open on its briefing with the first step, got %s, step %d", a.screen.Name(), coachStepOn(a))
	}
	// esc leaves for the title: there is no setup behind the guided game.
	drive(a, "esc")
	if _, ok := a.screen.(*title); !ok || a.ctx.Game != nil {
		t.Errorf("esc on the guided briefing should go back to the title, got %s", a.screen.Name())
	}
}

// Goldens of the guided game at 80x24, step by step, driven through the
// real program from the title screen.
func TestGuidedGolden(t *testing.T) {
	steps := []struct {
		name string
		keys []string
	}{
		{"1_briefing", nil},
		{"2_header", []string{"enter"}},
		{"3_orders", []string{"enter", "down"}},
		{"4_side_effects", []string{"enter", "down", "space"}},
		{"4b_confirm", []string{"enter", "down", "space", "E"}},
		{"5_report", []string{"enter", "down", "space", "E", "y"}},
		{"6_news_asked", []string{"enter", "down", "space", "E", "y", "enter"}},
		{"7_news", []string{"enter", "down", "space", "E", "y", "enter", "3"}},
		{"8_why", []string{"enter", "down", "space", "E", "y", "enter", "3", "4"}},
		{"9_strait", []string{"enter", "down", "space", "E", "y", "enter", "3", "4", "1"}},
		{"hidden", []string{"enter", "C"}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			a := run(t, Options{}, 80, 24, append(slices.Clone(guidedKeys), s.keys...)...)
			requireScreen(t, a)
		})
	}
}

// The guided game at 160x48: the guide keeps to its strip and the
// dashboard has its wide layout.
func TestGuidedGoldenLarge(t *testing.T) {
	a := run(t, Options{}, 160, 48, append(slices.Clone(guidedKeys), "enter", "down", "space")...)
	requireScreen(t, a)
}

// playGuided plays the guided game from its briefing to the end screen
// through the real model, choosing each turn's orders with order(turn),
// and reading the News and the Why pane on turn 2 as the guide asks. It
// returns the steps the guide showed, in order, and checks every frame
// fits the terminal.
func playGuided(t *testing.T, a *App, order func(turn int) []string) guidedRun {
	t.Helper()
	var run guidedRun
	look := func(when string) {
		requireFits(t, a, when)
		seen := run.steps
		if s := coachStepOn(a); s >= 0 && (len(seen) == 0 || seen[len(seen)-1] != s) {
			run.steps = append(run.steps, s)
		}
		if c := a.ctx.Game.coach; c.alert >= 0 && len(a.dialogs) == 0 && !strings.Contains(screen(a), coachAlerts[c.alert].title()) {
			t.Fatalf("%s: the alert is on but not on screen:\n%s", when, screen(a))
		} else if c.alert >= 0 {
			run.alerts++
		}
		if _, ok := a.screen.(*dashboard); ok {
			run.maxTension = max(run.maxTension, a.ctx.Game.State().Tension())
		}
	}
	step := func(when string, keys ...string) {
		for _, k := range keys {
			drive(a, k)
			look(when + " " + k)
		}
	}
	look("briefing")
	step("leaving the briefing", "enter")
	for turn := 1; turn <= 6 && !a.ctx.Game.Match.Over(); turn++ {
		if _, ok := a.screen.(*dashboard); !ok {
			t.Fatalf("turn %d: not on the dashboard but %s", turn, a.screen.Name())
		}
		if turn == 2 {
			step("turn 2 panes", "3", "4", "1")
		}
		step(fmt.Sprintf("turn %d orders", turn), order(turn)...)
		step(fmt.Sprintf("turn %d end", turn), "E", "y")
		if _, ok := a.screen.(*resolution); !ok {
			t.Fatalf("turn %d: after E y the screen is %s, not the report", turn, a.screen.Name())
		}
		step(fmt.Sprintf("turn %d report", turn), "enter")
	}
	if _, ok := a.screen.(*endScreen); !ok {
		t.Fatalf("the game did not reach the end screen: %s", a.screen.Name())
	}
	step("the debrief", "tab", "tab", "tab", "tab")
	return run
}

// guidedRun is what the guide showed in a game played by playGuided: its
// steps in order, how many frames showed an alert, and the highest Strait
// tension a dashboard showed.
type guidedRun struct {
	steps      []int
	alerts     int
	maxTension int
}

// The guided game played to its end through the real model: six turns of
// a real game (the bots give orders, the world moves), the guide's steps
// shown in order as the player does what they ask, every frame inside
// 80x24, and enter on the end screen back to the title.
func TestGuidedGamePlaysToTheEnd(t *testing.T) {
	a := guidedApp(t, Options{}, 80, 24)
	// One order each turn: the first row the player can take.
	run := playGuided(t, a, func(int) []string { return []string{"down", "space"} })
	seen := run.steps
	g := a.ctx.Game
	m := g.Match
	if !m.Over() || len(m.Turns) != 6 || m.State().Crisis.Turn != 0 {
		t.Fatalf("the guided game should run its six turns; over %v after %d turns, crisis %d", m.Over(), len(m.Turns), m.State().Crisis.Turn)
	}
	botOrders := 0
	for _, tr := range m.Turns {
		for _, o := range tr.Orders {
			if o.Actor != g.Scenario().Actors[g.Player].ID {
				botOrders++
			}
		}
	}
	if botOrders == 0 {
		t.Errorf("the bots gave no orders in six turns: not a real game")
	}
	want := make([]int, len(coachSteps))
	for i := range want {
		want[i] = i
	}
	if !slices.Equal(seen, want) {
		t.Errorf("the guide showed steps %v; want every step in order %v", seen, want)
	}
	if run.maxTension >= 8 || run.alerts > 0 {
		t.Errorf("this game should stay clear of the Strait alert: tension up to %d, %d frames with the alert", run.maxTension, run.alerts)
	}
	drive(a, "enter")
	if _, ok := a.screen.(*title); !ok || a.ctx.Game != nil || a.ctx.coachHeight() != 0 {
		t.Errorf("enter on the end screen should go back to the title without the guide, got %s", a.screen.Name())
	}
}

// A guided game that ends early in a Strait crisis skips the steps of the
// turns it did not reach and still guides the player through the end.
func TestGuidedGameCrisisEndsEarly(t *testing.T) {
	a := guidedApp(t, Options{}, 80, 24)
	sc := func() *game.Scenario { return a.ctx.Game.Scenario() }
	// Squeeze as hard as the orders allow: every order that raises
	// Beijing's grievance, whatever the Strait.
	run := playGuided(t, a, func(int) []string { return squeezeKeys(t, a, sc()) })
	seen := run.steps
	m := a.ctx.Game.Match
	if m.State().Crisis.Turn == 0 {
		t.Fatalf("the guided seed was chosen so that squeezing Beijing this hard brings a crisis; none came (tension %d)", m.State().Tension())
	}
	if len(m.Turns) >= 6 {
		t.Errorf("the crisis came on the last turn; the test wants an early end")
	}
	last := len(coachSteps) - 1
	if !slices.Contains(seen, last-2) || !slices.Contains(seen, last-1) || !slices.Contains(seen, last) {
		t.Errorf("after a crisis the guide should still show its last three steps; showed %v", seen)
	}
	if slices.Contains(seen, last-3) {
		t.Errorf("the last turn's step showed, but the game ended at turn %d", len(m.Turns))
	}
	if run.maxTension >= 8 && run.alerts == 0 {
		t.Errorf("a dashboard showed Strait tension %d, but the guide never warned of the crisis", run.maxTension)
	}
	if !strings.Contains(screen(a), "STRAIT CRISIS") {
		t.Errorf("the end screen should say there was a crisis:\n%s", screen(a))
	}
}

// squeezeKeys are the keys that order every available action of the
// player that raises Beijing's grievance (the Orders pane's rows, from the
// top).
func squeezeKeys(t *testing.T, a *App, sc *game.Scenario) []string {
	t.Helper()
	d, ok := a.screen.(*dashboard)
	if !ok {
		t.Fatalf("not on the dashboard: %s", a.screen.Name())
	}
	d.sync()
	keys := []string{"g"}
	for i, r := range d.orders.rows() {
		act := sc.Actions[r.action]
		if !r.opts[0].Available || act.Targeted {
			keys = append(keys, "down")
			continue
		}
		if slices.Contains([]string{"tighten_controls", "expand_fdpr", "entity_list_champions", "huawei_blockade", "outbound_limits", "arm_taiwan"}, act.ID) {
			keys = append(keys, "space")
		}
		if i < len(d.orders.rows())-1 {
			keys = append(keys, "down")
		}
	}
	return keys
}

// The guide never blocks play: c moves to the next tip, C hides the strip
// and gives its lines back to the screen (and shows it again), and the
// game's keys work the same with the guide on or off.
func TestGuideSkipsAndHides(t *testing.T) {
	a := guidedApp(t, Options{}, 80, 24)
	drive(a, "enter")
	if coachStepOn(a) != 1 {
		t.Fatalf("the dashboard should open on step 2, got %d", coachStepOn(a)+1)
	}
	drive(a, "c")
	if coachStepOn(a) != 2 {
		t.Errorf("c should move to step 3, got %d", coachStepOn(a)+1)
	}
	body := a.ctx.BodyHeight()
	drive(a, "C")
	if a.ctx.BodyHeight() != body+1+coachTextLines || strings.Contains(screen(a), "GUIDE") {
		t.Errorf("C should hide the guide and give its %d lines back: body %d → %d\n%s", 1+coachTextLines, body, a.ctx.BodyHeight(), screen(a))
	}
	if !strings.Contains(screen(a), "press C to show it again") {
		t.Errorf("hiding the guide should say how to show it:\n%s", screen(a))
	}
	requireFits(t, a, "hidden")
	// Hidden, the guide still follows the game.
	drive(a, "space")
	if a.ctx.Game.coach.step != 3 {
		t.Errorf("an order should move the hidden guide on to step 4, it is on %d", a.ctx.Game.coach.step+1)
	}
	drive(a, "C")
	if a.ctx.BodyHeight() != body || !strings.Contains(screen(a), "GUIDE 4/") {
		t.Errorf("C should show the guide again on step 4:\n%s", screen(a))
	}
	// ? still opens the help, which lists the guide's keys.
	drive(a, "?")
	help := strings.Join(strings.Fields(ansi.Strip(a.helpView())), " ")
	if !a.showHelp || !strings.Contains(help, "c guide: next tip") || !strings.Contains(help, "C hide/show the guide") || strings.Contains(help, "…") {
		t.Errorf("the help should open and list the guide's keys whole:\n%s", ansi.Strip(a.helpView()))
	}
	requireFits(t, a, "help")
	drive(a, "esc", "E", "y")
	if _, ok := a.screen.(*resolution); !ok {
		t.Errorf("E y should end the turn with the guide on, got %s", a.screen.Name())
	}
	// c and C belong to the guided game: elsewhere they do nothing.
	b := dashApp(t, 80, 24)
	before := screen(b)
	press(b, "c", "C")
	if screen(b) != before {
		t.Errorf("c and C changed a game without a guide")
	}
}

// Every step, and every reminder, fits its strip at 80 and 160 columns
// without being cut, with the widest numbers it can show.
func TestCoachTextFits(t *testing.T) {
	for _, w := range []int{80, 160} {
		tw := coachWidth(w)
		for _, o := range []coachObs{{tension: 10, ap: 3, turn: 6, last: 6}, {tension: 0, ap: 12, turn: 12, last: 12}} {
			for i, s := range append(slices.Clone(coachSteps), coachAlerts...) {
				if n := strings.Count(wrap(s.text(o), tw), "\n") + 1; n > coachTextLines {
					t.Errorf("step %d (%s) takes %d lines at %d columns; the strip holds %d", i+1, s.title(), n, w, coachTextLines)
				}
			}
			for sc := onOther; sc <= onEnd; sc++ {
				o.screen = sc
				_, text := coachReminder(o)
				if n := strings.Count(wrap(text, tw), "\n") + 1; n > coachTextLines {
					t.Errorf("the reminder for screen %d takes %d lines at %d columns", sc, n, w)
				}
			}
		}
	}
}

// A save of the guided game resumes guided, at the step of its turn: the
// autosave of turn 2 opens on the News step.
func TestGuidedSaveResumesGuided(t *testing.T) {
	st := tempStore(t)
	a := guidedApp(t, withStore(Options{}, st), 80, 24)
	drive(a, "enter", "down", "space", "E", "y", "enter")
	if a.ctx.Game.State().Turn != 2 {
		t.Fatalf("not on turn 2")
	}
	b := boot(withStore(Options{}, st), 80, 24)
	if ti := titleOf(t, b); ti.cursor != itemContinue || !strings.Contains(screen(b), "Washington, turn 2 (H2 2025), guided") {
		t.Fatalf("the title should offer to continue the guided game:\n%s", screen(b))
	}
	drive(b, "enter")
	g := b.ctx.Game
	if g == nil || g.coach == nil || !g.Settings.Guided {
		t.Fatalf("the guided game resumed without its guide")
	}
	if got := coachSteps[coachStepOn(b)].title(); got != "The news" {
		t.Errorf("the resumed game should be on the News step, got %q:\n%s", got, screen(b))
	}
	requireFits(t, b, "resumed")
	// The save records it; a normal game's does not.
	if sv := g.toSave("x"); !sv.Settings.Guided {
		t.Errorf("the guided game's save does not say it is guided")
	}
	if sv := dashApp(t, 80, 24).ctx.Game.toSave("x"); sv.Settings.Guided {
		t.Errorf("a normal game's save says it is guided")
	}
}

// Screens the guided game opens from its dashboard (the replay viewer
// here) fit above the guide's strip, and the strip says how to go back.
func TestGuideAboveTheViewer(t *testing.T) {
	a := guidedApp(t, Options{}, 80, 24)
	drive(a, "enter", "E", "y", "enter", "v")
	if _, ok := a.screen.(*viewer); !ok {
		t.Fatalf("v should open the viewer, got %s", a.screen.Name())
	}
	for _, keys := range [][]string{nil, {"C"}, {"C"}} {
		drive(a, keys...)
		// The viewer's dashboard is laid out for the room left under its
		// bar and above the guide, so nothing of it is cut.
		v := a.screen.(*viewer)
		if n := strings.Count(v.dash.View(), "\n") + 1 + viewerBar; n != a.ctx.BodyHeight() {
			t.Errorf("after %v the viewer lays out %d lines; the body above the guide has %d", keys, n, a.ctx.BodyHeight())
		}
		requireFits(t, a, "viewer")
	}
	if s := screen(a); !strings.Contains(s, "GUIDE") || !strings.Contains(s, "esc goes back") {
		t.Errorf("the guide should stay under the viewer and say how to go back:\n%s", s)
	}
	drive(a, "esc")
	if _, ok := a.screen.(*dashboard); !ok {
		t.Errorf("esc should go back to the dashboard, got %s", a.screen.Name())
	}
}

// A what-if branch of the guided game (R) stays guided, and keeps the
// guide hidden if the player had hidden it.
func TestGuidedRewindStaysGuided(t *testing.T) {
	a := guidedApp(t, Options{}, 80, 24)
	drive(a, "enter", "E", "y", "enter", "C", "R", "enter", "y")
	g := a.ctx.Game
	if g.Match.Branch == "" || len(g.Match.Turns) != 0 {
		t.Fatalf("R enter y should rewind to turn 1 as a what-if, got branch %q at turn %d", g.Match.Branch, g.State().Turn)
	}
	if g.coach == nil || !g.coach.hidden || !g.Settings.Guided {
		t.Fatalf("the branch of a guided game should stay guided, its guide hidden as it was")
	}
	drive(a, "C")
	if s := screen(a); !strings.Contains(s, "GUIDE 2/") {
		t.Errorf("shown again, the guide should be on the first turn's step:\n%s", s)
	}
	requireFits(t, a, "branch")
}

// alertKeys play the guided game hawkishly for two turns (controls, the
// foreign direct product rule, arms for Taiwan, and more), until the
// Strait stands at 8 on the third turn's dashboard.
var alertKeys = []string{
	"enter",
	"space", "down", "space", "end", "space", "E", "y", "enter",
	"down", "down", "space", "down", "space", "end", "space", "E", "y", "enter",
}

// When the Strait nears a crisis, the guide breaks its sequence to say
// so, once; c dismisses it.
func TestGuideAlertsNearACrisis(t *testing.T) {
	a := guidedApp(t, Options{}, 80, 24)
	drive(a, alertKeys...)
	c := a.ctx.Game.coach
	if tn := a.ctx.Game.State().Tension(); tn < 8 || c.alert != 0 {
		t.Fatalf("at tension %d the guide should show the alert (alert %d):\n%s", tn, c.alert, screen(a))
	}
	if s := screen(a); !strings.Contains(s, "The Strait is near a crisis") || !strings.Contains(s, "Strait tension is 8 of 10") {
		t.Errorf("the alert should name the danger and the tension:\n%s", s)
	}
	drive(a, "c")
	if c.alert >= 0 || strings.Contains(screen(a), "near a crisis") {
		t.Errorf("c should dismiss the alert:\n%s", screen(a))
	}
	drive(a, "2", "1")
	if c.alert >= 0 {
		t.Errorf("a dismissed alert came back")
	}
}

func TestGuidedAlertGolden(t *testing.T) {
	a := run(t, Options{}, 80, 24, append(slices.Clone(guidedKeys), alertKeys...)...)
	requireScreen(t, a)
}

// A step the player has not done yet waits for them: whoever ends turn 2
// without reading the News meets the News step again on turn 3.
func TestGuideStepsWaitForThePlayer(t *testing.T) {
	a := guidedApp(t, Options{}, 80, 24)
	drive(a, "enter", "E", "y", "enter", "E", "y", "enter")
	if a.ctx.Game.State().Turn != 3 {
		t.Fatalf("not on turn 3")
	}
	if got := coachSteps[coachStepOn(a)].title(); got != "The news" {
		t.Errorf("turn 3 should still ask for the News, got %q", got)
	}
	drive(a, "3", "4", "1")
	if got := coachSteps[coachStepOn(a)].title(); got != "What a crisis costs" {
		t.Errorf("after the News and the Why pane the guide should come to the Strait, got %q", got)
	}
}
