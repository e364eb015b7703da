package forecast

import (
	"fmt"
	"math"
)

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

// MarginSentence says what a margin means, for a student: "±3 points: with
// 1,000 futures the true figure is within 3 points 19 times in 20."
func MarginSentence(points, futures int) string {
	return fmt.Sprintf("±%d point%s: with %s future%s the true figure is within %d point%s 19 times in 20.",
		points, plural(points), thousands(futures), plural(futures), points, plural(points))
}

// ChangeWords says what a Change of a chance means: "crisis 18% → 31%
// (+13 points, ±4)" or, when the difference is within its margin, "no
// clear difference".
func ChangeWords(what string, c Change) string {
	before, after := Percent(c.Before), Percent(c.After)
	if !c.Clear() {
		if before == after {
			return fmt.Sprintf("%s %d%% either way", what, after)
		}
		return fmt.Sprintf("%s %d%% → %d%%: no clear difference (±%d)", what, before, after, Points(c.Margin))
	}
	return fmt.Sprintf("%s %d%% → %d%% (%+d points, ±%d)", what, before, after, Percent(c.Diff), Points(c.Margin))
}

// ScoreWords is ChangeWords for a mean score: "your score 41 → 44 (+3,
// ±1)".
func ScoreWords(what string, c Change) string {
	before, after := int(math.Round(c.Before)), int(math.Round(c.After))
	m := int(math.Ceil(c.Margin - 1e-9))
	if !c.Clear() {
		if before == after {
			return fmt.Sprintf("%s %d on average either way", what, after)
		}
		return fmt.Sprintf("%s %d → %d on average: no clear difference (±%d)", what, before, after, m)
	}
	return fmt.Sprintf("%s %d → %d on average (%+.1f, ±%d)", what, before, after, c.Diff, max(m, 1))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
