package forecast

import (
	"math"
	"slices"
)

// z is the normal quantile of a 95% interval: a figure's margin is the
// distance within which the true figure lies 19 times in 20.
const z = 1.959964

// Share is a probability estimated from a number of futures.
type Share struct {
	Count, N int
}

// P is the share, 0 to 1.
func (s Share) P() float64 {
	if s.N == 0 {
		return 0
	}
	return float64(s.Count) / float64(s.N)
}

// Margin is the half-width of the 95% interval of the share, 0 to 1 (the
// Wilson score interval, which stays honest near 0 and 1: no futures with
// a crisis among 200 does not prove a crisis impossible). It is at least
// the distance from P to the far end of the interval.
func (s Share) Margin() float64 {
	if s.N == 0 {
		return 1
	}
	n, p := float64(s.N), s.P()
	d := 1 + z*z/n
	centre := (p + z*z/(2*n)) / d
	half := z * math.Sqrt(p*(1-p)/n+z*z/(4*n*n)) / d
	return max(centre+half-p, p-(centre-half))
}

// Shares counts, per index, the futures whose key is that index: the
// share of each world outcome, say.
func Shares(fs []Future, n int, key func(*Future) int) []Share {
	out := make([]Share, n)
	for i := range out {
		out[i].N = len(fs)
	}
	for i := range fs {
		if k := key(&fs[i]); k >= 0 && k < n {
			out[k].Count++
		}
	}
	return out
}

// Count is the share of the futures where ok holds.
func Count(fs []Future, ok func(*Future) bool) Share {
	s := Share{N: len(fs)}
	for i := range fs {
		if ok(&fs[i]) {
			s.Count++
		}
	}
	return s
}

// Crisis is the share of futures that end in a Strait crisis.
func Crisis(fs []Future) Share { return Count(fs, crisis) }

func crisis(f *Future) bool { return f.CrisisTurn > 0 }

// CrisisTurn is the median turn of a crisis among the futures that have
// one, 0 if none does.
func CrisisTurn(fs []Future) int {
	var turns []int
	for i := range fs {
		if fs[i].CrisisTurn > 0 {
			turns = append(turns, fs[i].CrisisTurn)
		}
	}
	return percentile(turns, 50)
}

// Endings is the share of each of the scenario's n world outcomes.
func Endings(fs []Future, n int) []Share {
	return Shares(fs, n, func(f *Future) int { return f.Ending })
}

// Actor sums up one actor's futures.
type Actor struct {
	Win           Share // it has the best total (a tie counts); nobody wins a crisis
	P10, P50, P90 int   // its final score: a tenth of futures end below P10, half below P50...
	Rank          int   // its median rank, 1 for the best
}

// ActorStats sums up actor a's futures.
func ActorStats(fs []Future, a int) Actor {
	scores := make([]int, len(fs))
	ranks := make([]int, len(fs))
	for i := range fs {
		scores[i], ranks[i] = fs[i].Scores[a], fs[i].Ranks[a]
	}
	return Actor{
		Win: Count(fs, func(f *Future) bool { return slices.Contains(f.Winners, a) }),
		P10: percentile(scores, 10), P50: percentile(scores, 50), P90: percentile(scores, 90),
		Rank: percentile(ranks, 50),
	}
}

// percentile is the nearest-rank percentile of xs (sorted in place), 0 for
// none.
func percentile(xs []int, pct int) int {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	k := (pct*len(xs) + 99) / 100 // ceil(pct/100 * n), the nearest rank
	return xs[max(k, 1)-1]
}

// Change is the difference the draft orders make to a figure, measured in
// the same futures played both ways (common random numbers): Before is
// the figure with no orders, After with the draft, Diff = After - Before,
// and Margin the half-width of Diff's 95% interval, from the spread of
// the future-by-future differences. A difference no larger than its
// margin is no clear difference.
type Change struct {
	Before, After, Diff, Margin float64
	N                           int
}

// Clear reports whether the difference is larger than its margin.
func (c Change) Clear() bool { return math.Abs(c.Diff) > c.Margin && c.Diff != 0 }

// Paired is the Change of the mean of x between the futures with nothing
// and with the draft (the same futures, future by future).
func Paired(with, nothing []Future, x func(*Future) float64) Change {
	n := min(len(with), len(nothing))
	c := Change{N: n}
	if n == 0 {
		return c
	}
	var sa, sb, sd, sdd float64
	for i := range n {
		a, b := x(&with[i]), x(&nothing[i])
		sa += a
		sb += b
		d := a - b
		sd += d
		sdd += d * d
	}
	fn := float64(n)
	c.After, c.Before, c.Diff = sa/fn, sb/fn, sd/fn
	if n > 1 {
		variance := (sdd - sd*sd/fn) / (fn - 1)
		c.Margin = z * math.Sqrt(max(variance, 0)/fn)
	}
	if c.Margin == 0 && n < 30 {
		// Too few futures to read anything into "always the same".
		c.Margin = math.Abs(c.Diff)
	}
	return c
}

// PairedShare is the Change of the share of futures where ok holds.
func PairedShare(with, nothing []Future, ok func(*Future) bool) Change {
	return Paired(with, nothing, func(f *Future) float64 {
		if ok(f) {
			return 1
		}
		return 0
	})
}

// CrisisChange is the Change of the chance of a Strait crisis.
func CrisisChange(r *Result) Change { return PairedShare(r.With, r.Nothing, crisis) }

// ScoreChange is the Change of actor a's mean final score.
func ScoreChange(r *Result, a int) Change {
	return Paired(r.With, r.Nothing, func(f *Future) float64 { return float64(f.Scores[a]) })
}

// WinChange is the Change of actor a's chance to win.
func WinChange(r *Result, a int) Change {
	return PairedShare(r.With, r.Nothing, func(f *Future) bool { return slices.Contains(f.Winners, a) })
}
