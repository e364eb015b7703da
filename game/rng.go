package game

import "math/rand/v2"

// Purposes of random streams. Each random decision draws from a stream
// derived from (seed, turn, purpose, index), so a decision never shifts
// another: a covert action taken in a what-if branch does not change which
// events fire, and a human replacing a bot does not change the world's dice.
const (
	PurposeEvents   uint64 = iota + 1 // the turn's random events
	PurposeExpose                     // exposure of covert actions (index: action)
	PurposeBot                        // a bot's choices (index: actor)
	PurposeSetup                      // choices made before turn 1 (secret agendas, seats)
	PurposeSeat                       // a seat's own seed, for a bot's randomness (index: actor)
	PurposeSearch                     // a searching bot's sampled futures, from its own seed (index: actor)
	PurposeForecast                   // the Forecast's sampled futures, from a seed of its own (index: future)
)

// Stream is a deterministic source of random numbers. The generator is
// math/rand/v2's PCG, whose output for a seed is fixed; every method here is
// written on Uint64 so that a Go release cannot change results.
type Stream struct {
	pcg rand.PCG
}

// NewStream derives the stream for one purpose in one turn of a game.
func NewStream(seed uint64, turn int, purpose uint64, index int) Stream {
	var s Stream
	s.pcg.Seed(mix(seed^mix(purpose<<32|uint64(uint32(index)))), mix(uint64(uint32(turn))<<8|purpose))
	return s
}

// mix is the SplitMix64 finaliser: it spreads nearby inputs far apart.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// Uint64 returns 64 random bits.
func (s *Stream) Uint64() uint64 { return s.pcg.Uint64() }

// IntN returns a uniform integer in [0, n). It panics if n <= 0, which is a
// programming error, never a content one.
func (s *Stream) IntN(n int) int {
	if n <= 0 {
		panic("game: IntN with n <= 0")
	}
	bound := uint64(n)
	// Rejection sampling: discard the top sliver that would bias the modulo,
	// the draws in the last block of bound values that does not fit below
	// 2^64. A draw v is in a whole block when the block's start, v - v%bound,
	// is at most 2^64 - bound (-bound in unsigned arithmetic): one division a
	// draw.
	for {
		v := s.pcg.Uint64()
		r := v % bound
		if v-r <= -bound {
			return int(r)
		}
	}
}

// Percent reports true with probability p/100.
func (s *Stream) Percent(p int) bool {
	if p <= 0 {
		return false
	}
	if p >= 100 {
		return true
	}
	return s.IntN(100) < p
}

// Pick returns an index chosen with probability proportional to its weight,
// or -1 if no weight is positive.
func (s *Stream) Pick(weights []int) int {
	total := 0
	for _, w := range weights {
		if w > 0 {
			total += w
		}
	}
	if total == 0 {
		return -1
	}
	r := s.IntN(total)
	for i, w := range weights {
		if w <= 0 {
			continue
		}
		if r < w {
			return i
		}
		r -= w
	}
	return -1 // unreachable
}

// Shuffle permutes n elements with the Fisher-Yates algorithm.
func (s *Stream) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, s.IntN(i+1))
	}
}
