package game

import (
	"testing"

	"pgregory.net/rapid"
)

// TestCrowdedRiseMatchesPointByPoint compares crowdedRise, which counts the
// points below the crowding line at once, with the rule worked out point
// by point.
func TestCrowdedRiseMatchesPointByPoint(t *testing.T) {
	plain := func(v, rise, from int) int {
		got := 0
		for range rise {
			at := v + got/100
			if at < from {
				got += 100
				continue
			}
			got += max(0, 100-at) * 100 / (100 - from)
		}
		return (got + 50) / 100
	}
	rapid.Check(t, func(t *rapid.T) {
		v := rapid.IntRange(-10, 120).Draw(t, "v")
		rise := rapid.IntRange(-5, 150).Draw(t, "rise")
		from := rapid.IntRange(-10, 99).Draw(t, "from")
		if got, want := crowdedRise(v, rise, from), plain(v, rise, from); got != want {
			t.Fatalf("crowdedRise(%d, %d, %d) = %d, point by point %d", v, rise, from, got, want)
		}
	})
}
