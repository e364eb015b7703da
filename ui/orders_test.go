package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
)

// huaweiDash is the dashboard of Huawei's first turn, seed 7, at w x h,
// with its capital set to capital (-1: as dealt).
func huaweiDash(t *testing.T, w, h, capital int) *App {
	t.Helper()
	a := sized(Options{Start: &StartOptions{Actor: "huawei", Seed: 7}}, w, h)
	if a.ctx.Game == nil {
		t.Fatalf("no game started: %v", a.err)
	}
	if capital >= 0 {
		g := a.ctx.Game
		g.State().Actors[g.Player].Stats[game.StatCapital] = capital
	}
	a.screen = newDashboard(a.ctx)
	return a
}

// rowOf moves the Orders pane's cursor to an action's row and returns it.
func rowOf(t *testing.T, a *App, action string) orderRow {
	t.Helper()
	d := dash(a)
	sc := d.sc()
	ai, ok := sc.ActionIndex(action)
	if !ok {
		t.Fatalf("no action %s", action)
	}
	press(a, "home")
	for range len(d.orders.rows()) {
		if r := d.orders.rows()[d.orders.cursor]; r.action == ai {
			return r
		}
		press(a, "down")
	}
	t.Fatalf("no row for %s", action)
	return orderRow{}
}

// pointAt moves a targeted row to a swing state with →.
func pointAt(t *testing.T, a *App, action, swing string) {
	t.Helper()
	d := dash(a)
	want, _ := d.sc().SwingIndex(swing)
	for range len(d.sc().Swing) {
		if d.orders.target(rowOf(t, a, action)) == want {
			return
		}
		press(a, "right")
	}
	t.Fatalf("the row of %s never points at %s", action, swing)
}

// A refused order says why for the target the player chose, and the row
// keeps that target: whatever the budget, a row never jumps to another
// state by itself.
func TestRefusalGivesTheChosenTargetsReason(t *testing.T) {
	for _, c := range []struct {
		name    string
		capital int
		target  string
		want    []string // in the refusal
		not     []string
	}{
		{"short of capital", 7, "saudi", []string{"Cannot add Export clusters to a swing state → Saudi Arabia", "costs 10 capital; 7 left"},
			[]string{"France", "alignment"}},
		{"a requirement of the state", -1, "japan", []string{"→ Japan", "needs Japan alignment < "}, []string{"target state", "France"}},
		{"a requirement and short of capital", 7, "japan", []string{"→ Japan", "needs Japan alignment < ", "it costs 10 capital and 7 is left"}, []string{"France"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := huaweiDash(t, 120, 40, c.capital)
			g := a.ctx.Game
			pointAt(t, a, "export_clusters", c.target)
			press(a, "space")
			if len(g.Orders()) != 0 {
				t.Fatalf("the order was added: %v", g.Orders())
			}
			flash := dash(a).orders.flash
			for _, w := range c.want {
				if !strings.Contains(flash, w) {
					t.Errorf("the refusal %q should say %q", flash, w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(flash, w) {
					t.Errorf("the refusal %q should not say %q", flash, w)
				}
			}
			if s := screen(a); !strings.Contains(s, "Cannot add") {
				t.Errorf("the refusal is not on screen:\n%s", s)
			}
			want, _ := g.Scenario().SwingIndex(c.target)
			if got := dash(a).orders.target(rowOf(t, a, "export_clusters")); got != want {
				t.Errorf("after the refusal the row points at %s, not %s", g.Scenario().Swing[got].Name, g.Scenario().Swing[want].Name)
			}
		})
	}
}

// When the budget closes every target, the detail says so rather than
// "0 of 8 targets open".
func TestNoTargetOpenSaysWhy(t *testing.T) {
	a := huaweiDash(t, 160, 48, 7)
	r := rowOf(t, a, "export_clusters")
	s := ansi.Strip(strings.Join(dash(a).orders.describe(r, 500), "\n"))
	if !strings.Contains(s, "no target open: it costs 10 capital and 7 is left") || strings.Contains(s, "0 of") {
		t.Errorf("the detail should say the budget closes every target:\n%s", s)
	}
}

// The target a row points at stays through keys that change what is open
// (an order that spends the capital) and into the next turn.
func TestTargetKeptAcrossKeysAndTurns(t *testing.T) {
	a := huaweiDash(t, 120, 40, -1)
	g := a.ctx.Game
	sc := g.Scenario()
	india, _ := sc.SwingIndex("india")
	pointAt(t, a, "export_clusters", "india")

	// Spend what would open the row elsewhere: two other orders use up the
	// action points, so no target is open any more.
	rowOf(t, a, "ramp_ascend")
	press(a, "space")
	rowOf(t, a, "yield_push")
	press(a, "space")
	if len(g.Orders()) != 2 {
		t.Fatalf("orders: %v", g.Orders())
	}
	r := rowOf(t, a, "export_clusters")
	if got := dash(a).orders.target(r); got != india {
		t.Errorf("with no target open the row moved to %s", sc.Swing[got].Name)
	}
	press(a, "space")
	if f := dash(a).orders.flash; !strings.Contains(f, "→ India") || !strings.Contains(f, "action point") {
		t.Errorf("the refusal should name India and the action points: %q", f)
	}

	// The next turn.
	press(a, "E", "y")
	for range 3 {
		if _, ok := a.screen.(*dashboard); ok {
			break
		}
		press(a, "enter")
	}
	if _, ok := a.screen.(*dashboard); !ok || len(g.Match.Turns) != 1 {
		t.Fatalf("not on the dashboard of turn 2: %T, %d turns", a.screen, len(g.Match.Turns))
	}
	if got := dash(a).orders.target(rowOf(t, a, "export_clusters")); got != india {
		t.Errorf("in the next turn the row points at %s, not India", sc.Swing[got].Name)
	}
}

// Goldens at 80x24 of the dashboard with a long order name under the
// cursor: the list shows it whole with its target, the summary below it,
// and enter opens its detail on a page of its own.
func TestLongOrderNameGolden(t *testing.T) {
	for _, c := range []struct {
		name, whole string
		keys        []string
	}{
		{"list", "▸ [ ] Expand the foreign direct product rule ", []string{"down"}},
		{"target", "▸ [ ] Conditional chip deal → India ", []string{"down", "down", "down", "down", "down", "down", "down", "down", "right", "right", "right"}},
		{"detail", "Expand the foreign direct product rule", []string{"down", "enter"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := runDash(t, 80, 24, c.keys...)
			s := screen(a)
			if !strings.Contains(s, c.whole) {
				t.Errorf("the screen should show %q whole:\n%s", c.whole, s)
			}
			if c.name == "detail" && (!dash(a).orders.open || !strings.Contains(s, "enter/esc back to the list")) {
				t.Errorf("enter should open the detail page:\n%s", s)
			}
			requireScreen(t, a)
		})
	}
}

// A refusal keeps its reason whatever the width: in a small pane it takes
// the summary's two lines, in a narrow status line the order's name gives
// way.
func TestRefusalKeepsItsReason(t *testing.T) {
	a := huaweiDash(t, 80, 24, 7)
	pointAt(t, a, "export_clusters", "saudi")
	press(a, "space")
	s := strings.Join(strings.Fields(screen(a)), " ")
	if !strings.Contains(s, "Cannot add Export clusters to a swing state → Saudi Arabia: costs 10 capital; 7 left") {
		t.Errorf("the small pane should give the whole refusal:\n%s", screen(a))
	}
	o := dash(a).orders
	for _, w := range []int{50, 60, 70} {
		if got := o.flashIn(w); !strings.HasSuffix(got, ": costs 10 capital; 7 left") || ansi.StringWidth(got) > w {
			t.Errorf("in %d cells the refusal reads %q", w, got)
		}
	}
}
