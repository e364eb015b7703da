package ui

import (
	"strings"
	"testing"
	"time"
)

// When the order timer runs out, the orders go in and the room sees the
// page that waits for the facilitator: never the facilitator's screen, its
// queued news or anything else private, whatever was open on the screen
// (the help, a dialog). Only the facilitator's key opens their screen.
func TestTimerNeverOpensTheFacilitatorsScreen(t *testing.T) {
	for _, c := range []struct {
		name  string
		start StartOptions
		keys  []string // from the start to the last player's dashboard
		open  []string // opened on the dashboard before the time runs out
	}{
		{"one player", StartOptions{Actor: "huawei", Seed: 7, Facilitator: true}, []string{"enter"}, nil},
		{"one player reading the help", StartOptions{Actor: "huawei", Seed: 7, Facilitator: true}, []string{"enter"}, []string{"?"}},
		{"one player at the end-turn question", StartOptions{Actor: "huawei", Seed: 7, Facilitator: true}, []string{"enter"}, []string{"E"}},
		{"the last of two players", StartOptions{Seats: twoSeats, Seed: 9, Facilitator: true},
			[]string{"enter", "enter", "E", "y", "enter", "enter"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			now := testNow()
			start := c.start
			a := sized(Options{Start: &start, Now: func() time.Time { return now }, Tick: noTick}, 80, 24)
			g := a.ctx.Game
			sc := g.Scenario()
			g.Facil.TimerMinutes = 1
			in, err := sc.ParseInjection("event:trade_truce")
			if err != nil {
				t.Fatal(err)
			}
			g.Facil.Inject = append(g.Facil.Inject, in)
			ev, _ := sc.EventIndex("trade_truce")
			headline := g.Pack.T("events." + sc.Events[ev].ID + ".headline")
			press(a, c.keys...)
			if _, ok := a.screen.(*dashboard); !ok || !g.clock.running {
				t.Fatalf("want the last player's dashboard with the clock running, got %s", a.screen.Name())
			}
			press(a, c.open...)
			now = now.Add(61 * time.Second)
			a.Update(clockTickMsg{gen: g.clock.gen})
			if _, ok := a.screen.(*waitingRoom); !ok {
				t.Fatalf("when the time ran out the screen became %s:\n%s", a.screen.Name(), screen(a))
			}
			s := screen(a)
			for _, private := range []string{"FACILITATOR", "not for the players' eyes", headline, "queued"} {
				if strings.Contains(s, private) {
					t.Errorf("the room's page shows %q:\n%s", private, s)
				}
			}
			if !strings.Contains(s, "ALL ORDERS ARE IN") || !strings.Contains(stripped(s), "Time was up") {
				t.Errorf("the page should say every order is in and that the time was up:\n%s", s)
			}
			// More ticks, or any key but the facilitator's, change nothing.
			a.Update(clockTickMsg{gen: g.clock.gen})
			press(a, "enter", "esc", "space", "E")
			if _, ok := a.screen.(*waitingRoom); !ok {
				t.Fatalf("the page gave way to %s without the facilitator's key", a.screen.Name())
			}
			press(a, "f2")
			if f := facOf(t, a); !strings.Contains(screen(a), headline) || f.back == nil {
				t.Errorf("F2 opens the facilitator's screen with the queued news:\n%s", screen(a))
			}
		})
	}
}

// The page the room waits on, at 80x24 and 120x40.
func TestWaitingRoomGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := run(t, Options{Start: &StartOptions{Seats: twoSeats, Seed: 9, Facilitator: true}, Tick: noTick}, size[0], size[1],
				"enter", "enter", "space", "E", "y", "enter", "enter", "space", "E", "y")
			if _, ok := a.screen.(*waitingRoom); !ok {
				t.Fatalf("want the room's page, got %s", a.screen.Name())
			}
			requireScreen(t, a)
		})
	}
}
