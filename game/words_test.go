package game

import "testing"

// TestHalfYear: turns count half-years from the scenario's start, and a
// date can be asked for any turn, the one before the first included (a
// covert order never exposed has turn 0 for its exposure).
func TestHalfYear(t *testing.T) {
	sc := &Scenario{StartYear: 2025, StartHalf: 1}
	cases := []struct{ turn, half, year int }{{0, 2, 2024}, {1, 1, 2025}, {2, 2, 2025}, {3, 1, 2026}, {-1, 1, 2024}}
	for _, c := range cases {
		if h, y := sc.HalfYear(c.turn); h != c.half || y != c.year {
			t.Errorf("turn %d: H%d %d, want H%d %d", c.turn, h, y, c.half, c.year)
		}
	}
	if got := sc.Date(0); got != "H2 2024" {
		t.Errorf("Date(0) = %q", got)
	}
	sc.StartHalf = 2
	if h, y := sc.HalfYear(1); h != 2 || y != 2025 {
		t.Errorf("a scenario starting in H2: turn 1 is H%d %d", h, y)
	}
	if h, y := sc.HalfYear(0); h != 1 || y != 2025 {
		t.Errorf("a scenario starting in H2: turn 0 is H%d %d", h, y)
	}
}
