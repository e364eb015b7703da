package ui

import (
	"math"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/text"
)

// NoValue marks a point a series does not have (a turn not played yet, or
// a number the viewer cannot know); the line skips it.
const NoValue = math.MinInt

// Series is one line of a LineChart: a name for the legend and one value
// per position on the x axis.
type Series struct {
	Name   string
	Values []int
}

// LineChart draws several series over turns in the terminal. Each series
// has its own glyph (and colour, where there is colour) and a legend entry
// with its latest value, so it reads without colour. Points are joined by
// dotted lines.
type LineChart struct {
	Title  string
	Series []Series
	// XLabels name the positions on the x axis (dates or turn numbers);
	// the axis spans max(len(XLabels), longest series).
	XLabels []string
	// Min and Max fix the y range; when Min >= Max it is taken from the
	// data.
	Min, Max int
}

// seriesGlyphs mark the points of each series, in order.
var seriesGlyphs = []string{"●", "■", "▲", "◆", "○", "□", "△", "◇"}

// SeriesGlyph is the glyph of the i-th series of a chart.
func SeriesGlyph(i int) string { return seriesGlyphs[i%len(seriesGlyphs)] }

func seriesStyle(t Theme, i int) lipgloss.Style {
	styles := []lipgloss.Style{t.Accent, t.Warn, t.Good, t.Bad, t.Neutral, t.Title, t.US, t.China}
	return styles[i%len(styles)]
}

// Range is the y range the chart draws: Min and Max if set, else the data's
// extent, widened to at least minSpan.
func (c LineChart) Range() (lo, hi int) {
	if c.Min < c.Max {
		return c.Min, c.Max
	}
	lo, hi = math.MaxInt, math.MinInt
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v == NoValue {
				continue
			}
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if lo > hi {
		return 0, 1
	}
	// Small moves should look small: the range spans at least minSpan.
	if span := hi - lo; span < minSpan {
		lo -= (minSpan - span) / 2
		hi = lo + minSpan
	}
	return lo, hi
}

// minSpan is the smallest y range an automatic range takes.
const minSpan = 10

// Row is the plot row (0 at the top) a value falls on in a plot of height
// rows, rounding to the nearest row.
func (c LineChart) Row(v, rows int) int {
	lo, hi := c.Range()
	if rows <= 1 {
		return 0
	}
	v = min(max(v, lo), hi)
	span := hi - lo
	return ((hi-v)*(rows-1)*2 + span) / (2 * span)
}

func (c LineChart) slots() int {
	n := len(c.XLabels)
	for _, s := range c.Series {
		n = max(n, len(s.Values))
	}
	return max(n, 1)
}

// col is the plot column of x position i.
func col(i, slots, width int) int {
	if slots <= 1 || width <= 1 {
		return 0
	}
	return (i*(width-1)*2 + (slots - 1)) / (2 * (slots - 1))
}

// legend is the chart's legend, wrapped to width.
func (c LineChart) legend(t Theme, width int, shared bool) []string {
	var items []string
	for i, s := range c.Series {
		item := seriesStyle(t, i).Render(SeriesGlyph(i)) + " " + s.Name
		for k := len(s.Values) - 1; k >= 0; k-- {
			if s.Values[k] != NoValue {
				item += " " + t.Bold.Render(itoa(s.Values[k]))
				break
			}
		}
		items = append(items, item)
	}
	if shared {
		items = append(items, t.Bold.Render(sharedGlyph)+" "+text.T("several at once"))
	}
	return flow(items, "   ", width)
}

// sharedGlyph marks a cell where points of several series fall.
const sharedGlyph = "✱"

// cell is one cell of a chart's plot: the series drawn there, and whether
// it is a point (glyph), a joining dot, or points of several series.
type cell struct {
	series int
	point  bool
	shared bool
}

// plot is a chart laid out for a size.
type plot struct {
	legend []string
	labels []string // y label per row
	lw, pw int      // label and plot widths
	grid   [][]cell
	shared bool // some cell holds points of several series
}

// layout places everything in width x height (title excluded); withShared
// makes room in the legend for the mark of shared cells.
func (c LineChart) layout(t Theme, width, height int, withShared bool) plot {
	var p plot
	p.legend = c.legend(t, width, withShared)
	rows := height - 2 - len(p.legend)
	if rows < 2 {
		p.legend = p.legend[:min(len(p.legend), 1)]
		rows = height - 2 - len(p.legend)
	}
	rows = max(rows, 2)
	lo, hi := c.Range()

	// Y labels: the top, the bottom and round values between, each on the
	// row its value is drawn on, never on neighbouring rows.
	p.labels = make([]string, rows)
	place := func(v int) {
		r := c.Row(v, rows)
		for k := max(r-1, 0); k <= min(r+1, rows-1); k++ {
			if p.labels[k] != "" {
				return
			}
		}
		p.labels[r] = itoa(v)
	}
	place(hi)
	place(lo)
	step := niceStep(hi-lo, max(rows/3, 1))
	for v := ceilDiv(lo, step) * step; v <= hi; v += step {
		place(v)
	}
	for _, l := range p.labels {
		p.lw = max(p.lw, ansi.StringWidth(l))
	}
	p.pw = max(width-p.lw-2, 1)
	slots := c.slots()

	p.grid = make([][]cell, rows)
	for r := range p.grid {
		p.grid[r] = make([]cell, p.pw)
		for x := range p.grid[r] {
			p.grid[r][x].series = -1
		}
	}
	// Dots join the points of each series, then the points go on top.
	for si, s := range c.Series {
		prev := -1
		for i, v := range s.Values {
			if v == NoValue {
				prev = -1
				continue
			}
			if prev >= 0 {
				x0, x1 := col(prev, slots, p.pw), col(i, slots, p.pw)
				y0, y1 := c.Row(s.Values[prev], rows), c.Row(v, rows)
				for x := x0 + 1; x < x1; x++ {
					y := y0 + ((y1-y0)*(x-x0)*2+(x1-x0)*sign(y1-y0))/(2*(x1-x0))
					if p.grid[y][x].series < 0 {
						p.grid[y][x] = cell{series: si}
					}
				}
			}
			prev = i
		}
	}
	for si, s := range c.Series {
		for i, v := range s.Values {
			if v == NoValue {
				continue
			}
			g := &p.grid[c.Row(v, rows)][col(i, slots, p.pw)]
			if g.point && g.series != si {
				g.shared, p.shared = true, true
				continue
			}
			*g = cell{series: si, point: true}
		}
	}
	return p
}

// Render draws the chart in exactly width x height cells: the title, the
// plot with its y axis labels, the x axis with its labels, and the legend.
// Where points of several series fall on one cell it draws ✱ and says so
// in the legend.
func (c LineChart) Render(t Theme, width, height int) string {
	if width < 10 || height < 4 {
		return fit(strings.Join(c.legend(t, width, false), "\n"), width, height)
	}
	var out []string
	if c.Title != "" {
		out = append(out, t.Heading.Render(ansi.Truncate(c.Title, width, "…")))
	}
	p := c.layout(t, width, height-len(out), false)
	if p.shared {
		p = c.layout(t, width, height-len(out), true)
	}
	for r, l := range p.labels {
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", p.lw-ansi.StringWidth(l)))
		b.WriteString(t.Muted.Render(l))
		if l != "" {
			b.WriteString(t.Muted.Render(" ┤"))
		} else {
			b.WriteString(t.Muted.Render(" │"))
		}
		// Runs of cells drawn by the same series in the same way are styled
		// together.
		row := p.grid[r]
		for x := 0; x < p.pw; {
			cl := row[x]
			e := x
			var run strings.Builder
			for e < p.pw && row[e] == cl {
				switch {
				case cl.series < 0:
					run.WriteByte(' ')
				case cl.shared:
					run.WriteString(sharedGlyph)
				case cl.point:
					run.WriteString(SeriesGlyph(cl.series))
				default:
					run.WriteString("·")
				}
				e++
			}
			switch {
			case cl.series < 0:
				b.WriteString(run.String())
			case cl.shared:
				b.WriteString(t.Bold.Render(run.String()))
			default:
				b.WriteString(seriesStyle(t, cl.series).Render(run.String()))
			}
			x = e
		}
		out = append(out, b.String())
	}

	// The x axis: a tick under every labelled position, labels that fit.
	// Labels are placed by cells (a wide character takes two, the second
	// left empty), so dates in any script line up with their ticks.
	pw, slots := p.pw, c.slots()
	axis := []rune(strings.Repeat("─", pw))
	under := make([]string, pw)
	for i := range under {
		under[i] = " "
	}
	next := 0
	for i := 0; i < slots; i++ {
		x := col(i, slots, pw)
		if i >= len(c.XLabels) || c.XLabels[i] == "" {
			continue
		}
		l := c.XLabels[i]
		lw := text.Width(l)
		start := min(max(x-lw/2, 0), pw-lw)
		if start < next || start < 0 {
			continue
		}
		axis[x] = '┬'
		under[start] = l
		for k := start + 1; k < start+lw; k++ {
			under[k] = ""
		}
		next = start + lw + 1
	}
	out = append(out, strings.Repeat(" ", p.lw+1)+t.Muted.Render("└"+string(axis)))
	out = append(out, strings.Repeat(" ", p.lw+2)+t.Muted.Render(strings.Join(under, "")))
	out = append(out, p.legend...)
	return fit(strings.Join(out, "\n"), width, height)
}

// Sparkline draws values on a lo..hi scale as one line of block
// characters, one per value, so that several series can sit on rows of
// their own (small multiples) rather than tangle in one chart.
func Sparkline(values []int, lo, hi int) string {
	ticks := []rune("▁▂▃▄▅▆▇█")
	var b strings.Builder
	for _, v := range values {
		v = min(max(v, lo), hi)
		b.WriteRune(ticks[(v-lo)*len(ticks)/(hi-lo+1)])
	}
	return b.String()
}

func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}

// flow lays items out left to right, separated by sep, starting a new line
// when the next item would pass width. An item wider than width is
// truncated.
func flow(items []string, sep string, width int) []string {
	var lines []string
	cur, cw := "", 0
	sw := ansi.StringWidth(sep)
	for _, it := range items {
		w := ansi.StringWidth(it)
		if w > width {
			it, w = ansi.Truncate(it, width, "…"), width
		}
		switch {
		case cw == 0:
			cur, cw = it, w
		case cw+sw+w <= width:
			cur += sep + it
			cw += sw + w
		default:
			lines = append(lines, cur)
			cur, cw = it, w
		}
	}
	if cw > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// niceStep is the smallest of 1, 2, 5, 10, 20, 50... that splits span
// into at most n steps.
func niceStep(span, n int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if span/(m*p) <= n {
				return m * p
			}
		}
	}
}

// ceilDiv divides rounding toward +infinity.
func ceilDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a > 0) == (b > 0) {
		q++
	}
	return q
}
