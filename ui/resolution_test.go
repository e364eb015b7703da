package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/text"
)

// TestResolutionScreen is a golden of the report after the first turn,
// driven through a real program.
func TestResolutionScreen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			a := runDash(t, size[0], size[1], "space", "E", "y")
			if _, ok := a.screen.(*resolution); !ok {
				t.Fatalf("after E y the screen is %T, want the resolution report", a.screen)
			}
			requireScreen(t, a)
		})
	}
}

// TestResolutionReport checks what the report says after a turn with a
// refused order: the refusal and its reason, every change to the player's
// numbers and to the tracks, and the next turn's news.
func TestResolutionReport(t *testing.T) {
	a := dashApp(t, 120, 40)
	g := a.ctx.Game
	sc := g.Scenario()
	// The dashboard never submits an illegal order; a save or a script
	// might, so play one directly.
	orders := []game.Order{{Actor: "washington", Action: "tighten_controls"}, {Actor: "washington", Action: "huawei_blockade"}}
	if _, err := g.Match.Play(map[int][]game.Order{g.Player: orders}); err != nil {
		t.Fatal(err)
	}
	r := newResolution(a.ctx, 1).(*resolution)
	a.screen = r
	page := strings.Join(strings.Fields(ansi.Strip(r.content(100))), " ")
	rep := sc.ReportFor(g.State(), g.Match.Report(1), g.Player)
	if len(rep.Refused) != 1 {
		t.Fatalf("expected one refusal, got %v", rep.Refused)
	}
	for _, want := range []string{"Your refused orders", "Blockade Huawei: " + rep.Refused[0].Reason, "Washington (you): Tighten chip and tool controls"} {
		if !strings.Contains(page, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	for _, ch := range rep.Changes {
		if ch.Target.Kind == game.RefTrack || (ch.Target.Kind == game.RefStat && ch.Target.Actor == g.Player) {
			for _, c := range ch.Causes {
				if want := text.Change(c.Delta) + " " + CauseText(g.Pack, c.Cause); !strings.Contains(page, want) {
					t.Errorf("the report lacks the cause %q of %s", want, sc.Label(ch.Target, g.Player))
				}
			}
		}
	}
	for _, e := range rep.Events {
		if !strings.Contains(page, sc.Events[e].Name) {
			t.Errorf("the report lacks the news %q", sc.Events[e].Name)
		}
	}
	// It scrolls, and enter goes back to the dashboard.
	before := screen(a)
	press(a, "pgdown")
	if screen(a) == before {
		t.Errorf("pgdown did not scroll the report")
	}
	press(a, "enter")
	if _, ok := a.screen.(*dashboard); !ok {
		t.Errorf("enter led to %T, want the dashboard", a.screen)
	}
}

// TestResolutionWarnsOfTension checks the loud warning when Strait tension
// rises.
func TestResolutionWarnsOfTension(t *testing.T) {
	a := dashApp(t, 80, 24)
	g := a.ctx.Game
	for turn := 1; turn <= 12 && !g.Match.Over(); turn++ {
		press(a, "E", "y")
		rep := g.Match.Report(turn)
		if ch, ok := rep.ChangeOf(trackRef(game.TrackTension)); ok && ch.After > ch.Before {
			if s := screen(a); !strings.Contains(s, fmt.Sprintf("⚠ Strait tension rose %d → %d", ch.Before, ch.After)) {
				t.Errorf("turn %d: tension rose %d→%d but the report does not warn:\n%s", turn, ch.Before, ch.After, s)
			}
			return
		}
		press(a, "enter")
	}
	t.Skip("tension never rose in this game")
}

// TestGameEndsOnTheEndScreen plays every turn with no orders: after the
// last report, enter leaves for the end screen.
func TestGameEndsOnTheEndScreen(t *testing.T) {
	a := dashApp(t, 80, 24)
	g := a.ctx.Game
	for range 12 {
		if g.Match.Over() {
			break
		}
		press(a, "E", "y")
		if _, ok := a.screen.(*resolution); !ok {
			t.Fatalf("turn %d: after E y the screen is %T", g.State().Turn, a.screen)
		}
		dashFits(t, a, "resolution")
		press(a, "enter")
	}
	if !g.Match.Over() {
		t.Fatal("the game is not over after 12 turns")
	}
	switch a.screen.(type) {
	case *dashboard, *resolution:
		t.Errorf("after the last report the screen is %T, want the end screen", a.screen)
	}
}
