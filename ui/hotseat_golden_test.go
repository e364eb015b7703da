package ui

import "testing"

// Goldens of the hot-seat and classroom screens at 80x24 and 120x40,
// reached with the keys in a real program: the hand-over page after Ana
// has submitted, the facilitator's screen while the turn waits with an
// event queued, and the setup with two named players and a facilitator.
func TestHandoverGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := run(t, Options{Start: &StartOptions{Seats: twoSeats, Seed: 9}}, size[0], size[1],
				"enter", "enter", "space", "E", "y")
			handoverOf(t, a)
			requireScreen(t, a)
		})
	}
}

func TestFacilitatorGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := run(t, Options{Start: &StartOptions{Seats: twoSeats, Seed: 9, Facilitator: true}}, size[0], size[1],
				"enter", "enter", "space", "E", "y", "enter", "enter", "space", "E", "y", "f2",
				"down", "down", "down", "enter", "down", "enter", "up", "right", "right", "right", "right", "right")
			if f := facOf(t, a); len(a.ctx.Game.Facil.Inject) != 1 || f.cursor != facTimer {
				t.Fatalf("want the waiting turn with one event queued, the cursor on the timer")
			}
			requireScreen(t, a)
		})
	}
}

func TestSeatSetupGolden(t *testing.T) {
	pinSeed(t, 271828)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := run(t, Options{}, size[0], size[1],
				"enter", "space", "space", "A", "n", "a", "enter", "down", "space", "B", "o", "enter",
				"down", "down", "down", "down", "down", "down", "down", "right", "G")
			s := setupOf(t, a)
			if s.humanCount() != 2 || !s.facilitator {
				t.Fatalf("want two humans and a facilitator: %v %v", s.humans, s.facilitator)
			}
			requireScreen(t, a)
		})
	}
}
