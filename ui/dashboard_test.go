package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/text"
)

// dashStart is the game the dashboard tests play: Washington, seed 1,
// bots of normal difficulty.
var dashStart = Options{Start: &StartOptions{Actor: "washington", Seed: 1}}

// dashApp is an App showing the dashboard of a fresh game at w x h.
func dashApp(t testing.TB, w, h int) *App {
	t.Helper()
	a := sized(dashStart, w, h)
	if a.ctx.Game == nil {
		t.Fatalf("no game started: %v", a.err)
	}
	a.screen = newDashboard(a.ctx)
	return a
}

// runDash drives the real program (teatest) at w x h from the start of a
// game: enter leaves the briefing for the dashboard, then the keys.
func runDash(t *testing.T, w, h int, keys ...string) *App {
	t.Helper()
	a := run(t, dashStart, w, h, append([]string{"enter"}, keys...)...)
	if a.ctx.Game == nil {
		t.Fatalf("no game started: %v", a.err)
	}
	return a
}

func dash(a *App) *dashboard { return a.screen.(*dashboard) }

// TestDashboardPanes is a golden of every pane at 80x24 and 120x40, after
// one order has been chosen.
func TestDashboardPanes(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for i, name := range paneNames {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				keys := []string{"space", "down", "down", "down", "down", "down", "down", "down", fmt.Sprint(i + 1)}
				var a *App
				if i == 0 {
					a = runDash(t, size[0], size[1], keys...)
				} else {
					a = dashApp(t, size[0], size[1])
					press(a, keys...)
				}
				requireScreen(t, a)
			})
		}
	}
}

func TestSpaceAddsAnOrder(t *testing.T) {
	a := dashApp(t, 80, 24)
	d := dash(a)
	g := a.ctx.Game
	sc := g.Scenario()
	ap, capital := d.apLeft, d.capLeft
	press(a, "space")
	if len(g.Orders()) != 1 || g.Orders()[0].Action != "tighten_controls" {
		t.Fatalf("orders after space: %v", g.Orders())
	}
	ai, _ := sc.ActionIndex("tighten_controls")
	if d.apLeft != ap-sc.Actions[ai].AP || d.capLeft != capital-sc.Cost(&d.view, ai) {
		t.Errorf("AP %d→%d, capital %d→%d; want them to drop by the action's cost", ap, d.apLeft, capital, d.capLeft)
	}
	if !strings.Contains(screen(a), fmt.Sprintf("%d of %d AP left", d.apLeft, sc.Actors[g.Player].AP)) {
		t.Errorf("the header does not show the AP left:\n%s", screen(a))
	}
	press(a, "space")
	if len(g.Orders()) != 0 || d.apLeft != ap || d.capLeft != capital {
		t.Errorf("space again should remove the order: %v, AP %d, capital %d", g.Orders(), d.apLeft, d.capLeft)
	}
}

func TestUnavailableOptionCannotBeAdded(t *testing.T) {
	a := dashApp(t, 80, 24)
	d := dash(a)
	g := a.ctx.Game
	rows := d.orders.rows()
	idx := -1
	for i, r := range rows {
		if op := d.orders.option(r); !op.Available {
			idx = i
			break
		}
	}
	if idx < 0 {
		t.Fatal("no unavailable option at the start")
	}
	for range idx {
		press(a, "down")
	}
	reason := a.ctx.Game.Scenario().Reason(d.orders.option(rows[idx]))
	press(a, "space")
	if len(g.Orders()) != 0 {
		t.Fatalf("an unavailable option was added: %v", g.Orders())
	}
	if s := screen(a); !strings.Contains(s, "Cannot add") {
		t.Errorf("no explanation on screen after refusing %q:\n%s", reason, s)
	}
	// Every order the dashboard accepts is legal.
	press(a, "up", "space", "down", "space", "down", "space", "down", "space", "down", "space")
	for i, err := range g.Scenario().Validate(&d.view, g.Player, g.Orders()) {
		if err != nil {
			t.Errorf("order %v is illegal: %v", g.Orders()[i], err)
		}
	}
}

func TestEndTurnAdvances(t *testing.T) {
	a := dashApp(t, 80, 24)
	g := a.ctx.Game
	press(a, "space", "E")
	if len(a.dialogs) != 1 || !strings.Contains(screen(a), "Tighten chip and tool controls") {
		t.Fatalf("E should ask to confirm, listing the orders:\n%s", screen(a))
	}
	press(a, "y")
	if got := g.State().Turn; got != 2 {
		t.Fatalf("turn after E y = %d, want 2", got)
	}
	if len(g.Orders()) != 0 || g.Saved {
		t.Errorf("after the turn: orders %v, saved %v; want none and unsaved", g.Orders(), g.Saved)
	}
	if _, ok := a.screen.(*resolution); !ok {
		t.Fatalf("screen after the turn is %T", a.screen)
	}
	press(a, "enter")
	if _, ok := a.screen.(*dashboard); !ok {
		t.Fatalf("enter on the report should go back to the dashboard, got %T", a.screen)
	}
	if s := screen(a); !strings.Contains(s, "Turn 2/12") && !strings.Contains(s, "Turn 2 of 12") {
		t.Errorf("the dashboard does not show turn 2:\n%s", s)
	}
	// n keeps the turn open.
	press(a, "E", "n")
	if got := g.State().Turn; got != 2 {
		t.Errorf("E n resolved the turn (turn %d)", got)
	}
}

func TestTabCyclesPanes(t *testing.T) {
	a := dashApp(t, 80, 24)
	d := dash(a)
	for i := 1; i <= int(numPanes); i++ {
		press(a, "tab")
		if want := paneID(i % int(numPanes)); d.focus != want {
			t.Fatalf("after %d tabs the pane is %v, want %v", i, d.focus, want)
		}
		if s := screen(a); !strings.Contains(s, "["+fmt.Sprint(int(d.focus)+1)+" "+paneNames[d.focus]+"]") {
			t.Errorf("tab bar does not mark %s:\n%s", paneNames[d.focus], s)
		}
	}
	press(a, "shift+tab")
	if d.focus != paneForecast {
		t.Errorf("shift+tab from Orders went to %v", d.focus)
	}
	press(a, "3")
	if d.focus != paneNews {
		t.Errorf("3 went to %v", d.focus)
	}
}

// TestWhyListsEveryCause checks that the Why pane leads with the Strait and
// the player's score, then gives every change of the ledger under its
// cause, after the opening news and after a turn.
func TestWhyListsEveryCause(t *testing.T) {
	a := dashApp(t, 120, 40)
	check := func() {
		t.Helper()
		d := dash(a)
		d.sync()
		sc := d.sc()
		lines := strings.Split(ansi.Strip(d.whyText(100)), "\n")
		short := strings.Join(lines[:min(12, len(lines))], " ")
		if ch, ok := d.rep.ChangeOf(trackRef(game.TrackTension)); ok && ch.After != ch.Before {
			if !strings.Contains(short, fmt.Sprintf("Strait tension %d→%d", ch.Before, ch.After)) {
				t.Errorf("the Why pane should open with the Strait's change %d→%d:\n%s", ch.Before, ch.After, short)
			}
		} else if !strings.Contains(short, "Strait tension held at") {
			t.Errorf("the Why pane should open with the Strait:\n%s", short)
		}
		if !strings.Contains(short, "Your score") {
			t.Errorf("the Why pane should open with the player's score:\n%s", short)
		}
		// What is listed under each cause ("  cause" then "    items").
		under := map[string]string{}
		cause := ""
		for _, l := range lines {
			switch {
			case strings.HasPrefix(l, "    "):
				under[cause] += " " + strings.TrimSpace(l)
			case strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "   "):
				cause = strings.TrimSpace(l)
			}
		}
		n := 0
		for _, ch := range d.rep.Changes {
			label := sc.Label(ch.Target, d.player())
			if ch.Target.Kind == game.RefStat && ch.Target.Actor == d.player() {
				label = "your " + text.Uncapitalize(sc.StatName(ch.Target.Stat))
			}
			for _, c := range ch.Causes {
				n++
				key, want := c.Cause, label+" "+text.Change(c.Delta)
				if key.Kind == game.CauseCost {
					key.Kind, want = game.CauseAction, want+" (its cost)"
				}
				heading := CauseText(a.ctx.Game.Pack, key)
				if got, ok := under[heading]; !ok || !strings.Contains(got, want) {
					t.Errorf("the Why pane should list %q under %q, it lists %q", want, heading, got)
				}
			}
		}
		if n == 0 {
			t.Errorf("nothing changed, nothing was checked")
		}
	}
	check()
	press(a, "space", "E", "y", "enter")
	check()
}

// TestPanesFitTheTerminal checks every pane at three sizes for lines wider
// than the terminal, after playing a turn (so every pane has content).
func TestPanesFitTheTerminal(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}, {160, 50}, {200, 60}} {
		a := dashApp(t, size[0], size[1])
		press(a, "space", "E", "y")
		dashFits(t, a, "resolution")
		press(a, "enter")
		for i := range numPanes {
			press(a, fmt.Sprint(int(i)+1))
			dashFits(t, a, paneNames[i])
			press(a, "down", "right", "pgdown", "G")
			dashFits(t, a, paneNames[i]+" moved")
		}
	}
}

func dashFits(t *testing.T, a *App, what string) {
	t.Helper()
	body := a.screen.View()
	lines := strings.Split(body, "\n")
	if len(lines) > a.ctx.BodyHeight() {
		t.Errorf("%s at %dx%d: %d lines, the body has %d", what, a.ctx.Width, a.ctx.Height, len(lines), a.ctx.BodyHeight())
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > a.ctx.Width {
			t.Errorf("%s at %dx%d: line %d is %d cells wide: %q", what, a.ctx.Width, a.ctx.Height, i+1, w, ansi.Strip(l))
		}
	}
}

func BenchmarkDashboardView(b *testing.B) {
	for _, size := range [][2]int{{120, 40}, {200, 60}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			a := dashApp(b, size[0], size[1])
			press(a, "space")
			a.View()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				a.View()
			}
		})
	}
}

// TestWorldMarksEstimates checks that the others' secret stats are shown
// as estimates and public ones as plain numbers.
func TestWorldMarksEstimates(t *testing.T) {
	a := dashApp(t, 120, 40)
	d := dash(a)
	sc := d.sc()
	page := ansi.Strip(d.worldText(100))
	cn, _ := sc.ActorIndex("beijing")
	for s := range game.NumStats {
		if !sc.Actors[cn].Has[s] {
			continue
		}
		short := a.ctx.Game.Pack.T("stats." + s.String() + ".short")
		val := fmt.Sprintf("%s %d", short, d.view.Stat(cn, s))
		if sc.Actors[cn].Hidden[s] {
			val += "?"
		}
		if !strings.Contains(page, val) {
			t.Errorf("World pane lacks Beijing's %q", val)
		}
	}
	for i, sw := range sc.Swing {
		if !strings.Contains(page, sw.Name) || !strings.Contains(page, text.Change(d.view.Swing[i].Align)) {
			t.Errorf("World pane lacks %s at %s", sw.Name, text.Change(d.view.Swing[i].Align))
		}
	}
}

// TestChartsAndEncyclopediaBrowse checks that left/right pick a chart and
// jump between encyclopedia sections.
func TestChartsAndEncyclopediaBrowse(t *testing.T) {
	a := dashApp(t, 80, 24)
	press(a, "5", "right")
	if s := screen(a); !strings.Contains(s, "2/") || !strings.Contains(s, "Capability gap") {
		t.Errorf("right in Charts should show the second chart:\n%s", s)
	}
	press(a, "left", "left")
	if s := screen(a); !strings.Contains(s, "Alignment:") {
		t.Errorf("left from the first chart should wrap to the last:\n%s", s)
	}
	press(a, "6", "right")
	e := dash(a).panes[paneEncyclopedia].(*encyclopediaPane)
	if got := e.entries[e.cursor].section; got != "Glossary" {
		t.Errorf("right from the first section went to %q", got)
	}
	press(a, "right")
	if got := e.entries[e.cursor]; got.section != "Actors" || got.title != "Washington" {
		t.Errorf("right again went to %s/%s", got.section, got.title)
	}
	if s := screen(a); !strings.Contains(s, "The US government") {
		t.Errorf("the actor profile is not shown:\n%s", s)
	}
	body := ansi.Strip(strings.Join(e.entries[e.cursor].body(70), "\n"))
	for _, o := range a.ctx.Game.Scenario().Actors[0].Objectives {
		if !strings.Contains(body, o.Name) {
			t.Errorf("the actor profile lacks the objective %q:\n%s", o.Name, body)
		}
	}
	press(a, "left")
	if got := e.entries[e.cursor].section; got != "Glossary" {
		t.Errorf("left from the start of Actors went to %q", got)
	}
}
