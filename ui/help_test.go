package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// The help overlay shows every key of the screen and the keys that work
// everywhere, whole, even at 80x24: no column is dropped, no description
// cut.
func TestHelpOverlayShowsEveryKey(t *testing.T) {
	for _, c := range []struct {
		name string
		app  func(t *testing.T, w, h int) *App
	}{
		{"dashboard", func(t *testing.T, w, h int) *App {
			return dashApp(t, w, h)
		}},
		{"dashboard with a facilitator", func(t *testing.T, w, h int) *App {
			a := sized(Options{Start: &StartOptions{Actor: "washington", Seed: 1, Facilitator: true}, Tick: noTick}, w, h)
			a.screen = newDashboard(a.ctx)
			return a
		}},
		{"setup", func(t *testing.T, w, h int) *App {
			a := sized(Options{}, w, h)
			press(a, "enter")
			setupOf(t, a)
			return a
		}},
		{"end", func(t *testing.T, w, h int) *App { return endApp(t, w, h, false) }},
	} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(c.name+"_"+itoa(size[0]), func(t *testing.T) {
				a := c.app(t, size[0], size[1])
				press(a, "?")
				if !a.showHelp {
					t.Fatalf("? did not open the help:\n%s", screen(a))
				}
				s := ansi.Strip(a.helpView())
				flat := strings.Join(strings.Fields(s), " ")
				groups := append(a.screen.KeyGroups(), []key.Binding{a.ctx.Keys.Help, a.ctx.Keys.Quit, a.ctx.Keys.ForceQuit})
				for _, g := range groups {
					for _, b := range g {
						want := b.Help().Key + " " + b.Help().Desc
						if !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
							t.Errorf("the help lacks %q:\n%s", want, s)
						}
					}
				}
				if strings.Contains(s, "…") {
					t.Errorf("the help cuts something:\n%s", s)
				}
				if a.ctx.Game != nil && a.ctx.Game.Facil != nil && !strings.Contains(flat, "F2/ctrl+f facilitator's screen") {
					t.Errorf("the help lacks the facilitator's key:\n%s", s)
				}
			})
		}
	}
}

// A golden of the help overlay over the dashboard at 80x24.
func TestHelpOverlayGolden(t *testing.T) {
	a := runDash(t, 80, 24, "?")
	requireScreen(t, a)
}

// The footer always ends with ? help and q quit: when the screen's keys do
// not all fit at 80 columns, its last ones give way (the help lists them).
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	for _, keys := range [][]string{nil, {"down", "enter"}, {"4"}, {"5"}} {
		a := dashApp(t, 80, 24)
		press(a, keys...)
		lines := strings.Split(screen(a), "\n")
		footer := strings.TrimSpace(lines[len(lines)-1])
		if !strings.HasSuffix(footer, "? help • q quit") || strings.Contains(footer, "…") {
			t.Errorf("after %v the footer is %q", keys, footer)
		}
	}
}
