package report

import (
	"fmt"
	"strings"

	"zerosum/text"
)

// Text charts for Markdown: each is a block of plain lines, meant for a
// fenced code block, so it reads the same in a terminal, an editor and a
// rendered page. Bars and sparklines use Unicode block characters; every
// row also prints its number, so nothing rests on the drawing alone.

// chartRow is one row of a chart: a label (a date) and its values.
type chartRow struct {
	label  string
	values []int
	note   string // printed after the bar
}

// eighths draws partial cells, from an empty cell to a full one.
var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// bar is v on a lo..hi scale as a horizontal bar of at most width cells,
// with eighth-cell precision.
func bar(v, lo, hi, width int) string {
	if hi <= lo {
		return ""
	}
	v = min(max(v, lo), hi)
	n := (v - lo) * width * 8 / (hi - lo)
	return strings.Repeat("█", n/8) + eighths[n%8]
}

// barChart draws one number over time, one row per date: the label, the
// value and a bar on the lo..hi scale.
func barChart(title string, rows []chartRow, lo, hi, width int) []string {
	lw, vw := labelWidth(rows), 0
	for _, r := range rows {
		vw = max(vw, len(signedIf(r.values[0], lo < 0)))
	}
	out := []string{title, ""}
	for _, r := range rows {
		line := text.PadRight(r.label, lw) + "  " + text.PadLeft(signedIf(r.values[0], lo < 0), vw) + "  " + bar(r.values[0], lo, hi, width)
		if r.note != "" {
			line = text.PadRight(line, lw+vw+4+width) + "  " + r.note
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	return out
}

func signedIf(v int, sign bool) string {
	if sign {
		return text.Signed(v)
	}
	return fmt.Sprint(v)
}

func labelWidth(rows []chartRow) int {
	w := 0
	for _, r := range rows {
		w = max(w, text.Width(r.label))
	}
	return w
}

// dotSeries is one series of a dot chart: its mark and its name for the
// legend.
type dotSeries struct {
	mark rune
	name string
}

// dotChart draws several numbers over time on one scale, one row per date:
// each series is a letter on a number line, and a '|' marks zero. Where two
// series meet, '*' marks both.
func dotChart(title string, series []dotSeries, rows []chartRow, width int) []string {
	lo, hi := 0, 0
	for _, r := range rows {
		for _, v := range r.values {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	// Round the scale out to tens, with room on both sides.
	lo, hi = floorTo(lo-1, 10), ceilTo(hi+1, 10)
	col := func(v int) int { return (v - lo) * (width - 1) / (hi - lo) }
	lw := labelWidth(rows)
	var legend []string
	for _, s := range series {
		legend = append(legend, fmt.Sprintf("%c %s", s.mark, s.name))
	}
	legend = append(legend, text.T("* both"))
	out := []string{title, "", strings.Join(legend, "   "), ""}

	// The scale: a label every ten (or more, so they do not crowd), each
	// centred on its column.
	step := 10
	for (width-1)*step/(hi-lo) < 6 {
		step *= 2
	}
	scale := []rune(strings.Repeat(" ", width+4))
	for v := ceilTo(lo, step); v <= hi; v += step {
		s := []rune(text.Signed(v))
		at := min(max(col(v)-len(s)/2, 0), len(scale)-len(s))
		copy(scale[at:], s)
	}
	out = append(out, strings.TrimRight(strings.Repeat(" ", lw+2)+string(scale), " "))

	for _, r := range rows {
		line := []rune(strings.Repeat("·", width))
		if lo < 0 && hi > 0 {
			line[col(0)] = '|'
		}
		for i, v := range r.values {
			c := col(v)
			if i > 0 && line[c] != '·' && line[c] != '|' {
				line[c] = '*'
				continue
			}
			line[c] = series[i].mark
		}
		s := text.PadRight(r.label, lw) + "  " + string(line)
		if r.note != "" {
			s += "  " + r.note
		}
		out = append(out, s)
	}
	return out
}

func floorTo(v, step int) int {
	if v >= 0 {
		return v / step * step
	}
	return -((-v + step - 1) / step * step)
}

func ceilTo(v, step int) int { return -floorTo(-v, step) }

// sparkTicks draw a sparkline, from the lowest eighth to a full cell.
var sparkTicks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws values on a lo..hi scale as one line of block
// characters, one per value.
func sparkline(values []int, lo, hi int) string {
	var b strings.Builder
	for _, v := range values {
		v = min(max(v, lo), hi)
		i := (v - lo) * len(sparkTicks) / (hi - lo + 1)
		b.WriteRune(sparkTicks[i])
	}
	return b.String()
}

// fence wraps lines in a fenced code block.
func fence(lines []string) string {
	return "```text\n" + strings.Join(lines, "\n") + "\n```\n"
}
