package ui

import (
	"fmt"
	"os"
	"testing"
	"time"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/saves"
)

// goldenSizes are the terminal sizes every new screen is pinned at.
var goldenSizes = [][2]int{{80, 24}, {120, 40}}

// savesFixture fills a data directory with what a player might have after
// a few games: three autosaves of a Beijing game, a named save with
// pending orders, a named save of a what-if branch, and a named save that
// was cut short on disk. Times are fixed, so the list's order is too.
func savesFixture(t *testing.T) *saves.Store {
	t.Helper()
	st := tempStore(t)
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewSession(p, 7, "beijing", bot.Normal, nil)
	if err != nil {
		t.Fatal(err)
	}
	settings := saves.Settings{Theme: "default", Difficulty: "normal"}
	at := func(min int) string { return testNow().Add(time.Duration(min-120) * time.Minute).Format(time.RFC3339) }
	for turn := 1; turn <= 3; turn++ {
		if err := st.Autosave(saves.FromMatch(g.Match, g.Player, nil, settings, at(turn*7))); err != nil {
			t.Fatal(err)
		}
		if turn < 3 {
			g.Match.Play(nil)
		}
	}
	sc := g.Scenario()
	pending := []game.Order{{Actor: "beijing", Action: "state_chip_fund"}, {Actor: "beijing", Action: "compute_pooling"}}
	for _, o := range pending {
		if _, ok := sc.ActionIndex(o.Action); !ok {
			t.Fatalf("no action %q in the scenario", o.Action)
		}
	}
	write := func(name string, sv *saves.Save, mod time.Time) {
		t.Helper()
		if err := st.SaveSlot(name, sv); err != nil {
			t.Fatal(err)
		}
		e, _ := st.Load(name)
		os.Chtimes(e.Path, mod, mod)
	}
	write("before the vote", saves.FromMatch(g.Match, g.Player, pending, settings, at(40)), testNow())
	branch, err := g.Match.Rewind(2)
	if err != nil {
		t.Fatal(err)
	}
	write("what-if talks", saves.FromMatch(branch, g.Player, nil, settings, at(75)), testNow().Add(-time.Hour))
	write("broken", saves.FromMatch(g.Match, g.Player, nil, settings, at(90)), testNow().Add(-2*time.Hour))
	e, _ := st.Load("broken")
	data, _ := os.ReadFile(e.Path)
	if err := os.WriteFile(e.Path, data[:len(data)*2/3], 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(e.Path, testNow().Add(-2*time.Hour), testNow().Add(-2*time.Hour))
	return st
}

// The load screen: the list of saves (named saves first, then autosaves),
// with the preview of the one under the cursor, including a save that
// cannot be read with its error and the autosave offered instead.
func TestLoadScreenGolden(t *testing.T) {
	st := savesFixture(t)
	cases := []struct {
		name string
		size [2]int
		keys []string
	}{
		{"80x24", goldenSizes[0], nil},
		{"120x40", goldenSizes[1], nil},
		{"branch-80x24", goldenSizes[0], []string{"down"}},
		{"broken-120x40", goldenSizes[1], []string{"down", "down"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The title's cursor starts on Continue: three down to Load
			// game (past the guided game and New game).
			keys := append([]string{"down", "down", "down", "enter"}, c.keys...)
			a := runIO(t, withStore(Options{}, st), c.size[0], c.size[1], keys...)
			if _, ok := a.screen.(*savesScreen); !ok {
				t.Fatalf("not on the load screen: %s", a.screen.Name())
			}
			requireScreen(t, a)
		})
	}
}

// The save dialog over the turn screen, with its suggested name.
func TestSaveDialogGolden(t *testing.T) {
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			a := runIO(t, withStore(saveStart, tempStore(t)), size[0], size[1], "enter", "space", "s")
			if len(a.dialogs) == 0 {
				t.Fatal("no dialog open")
			}
			requireScreen(t, a)
		})
	}
}

// The replay viewer on turn 2 of a game at turn 3.
func TestReplayViewerGolden(t *testing.T) {
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			a := runIO(t, withStore(saveStart, tempStore(t)), size[0], size[1],
				"enter", "E", "y", "enter", "E", "y", "enter", "v", "left")
			viewerOf(t, a)
			requireScreen(t, a)
		})
	}
}

// The rewind picker over the turn screen at turn 3.
func TestRewindPickerGolden(t *testing.T) {
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			a := runIO(t, withStore(saveStart, tempStore(t)), size[0], size[1],
				"enter", "space", "E", "y", "enter", "E", "y", "enter", "R")
			if len(a.dialogs) == 0 {
				t.Fatal("no picker open")
			}
			requireScreen(t, a)
		})
	}
}
