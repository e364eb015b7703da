package forecast

import "math"

// Percent rounds a share to whole percent.
func Percent(p float64) int { return int(math.Round(p * 100)) }

// Points is a margin in whole percentage points, rounded up (a margin is
// never understated).
func Points(margin float64) int { return int(math.Ceil(margin*100 - 1e-9)) }

// Worst is the largest margin among shares, in points.
func Worst(shares ...Share) int {
	w := 0
	for _, s := range shares {
		w = max(w, Points(s.Margin()))
	}
	return w
}
