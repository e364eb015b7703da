package game

import (
	"math"
	"testing"
)

// IntN's bound on rejection sampling is worked out with one division; it
// must draw exactly what the plain formula draws, for small, power-of-two
// and huge bounds alike, or every game with dice would change.
func TestIntNMatchesThePlainFormula(t *testing.T) {
	plain := func(s *Stream, n int) int {
		bound := uint64(n)
		limit := ^uint64(0) - (^uint64(0)%bound+1)%bound
		for {
			if v := s.pcg.Uint64(); v <= limit {
				return int(v % bound)
			}
		}
	}
	// 1<<62 + 1<<61 + 1 rejects a quarter of all draws.
	bounds := []int{1, 2, 3, 7, 64, 100, 101, 1 << 20, math.MaxInt32 - 5, math.MaxInt / 3, math.MaxInt/2 + 1, 1<<62 + 1<<61 + 1, math.MaxInt}
	for seed := uint64(1); seed <= 20; seed++ {
		a, b := NewStream(seed, 1, PurposeBot, 0), NewStream(seed, 1, PurposeBot, 0)
		for i := range 2000 {
			n := bounds[i%len(bounds)]
			if got, want := a.IntN(n), plain(&b, n); got != want {
				t.Fatalf("seed %d, draw %d: IntN(%d) = %d, the plain formula %d", seed, i, n, got, want)
			}
		}
	}
}
