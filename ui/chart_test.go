package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestLineChartRows(t *testing.T) {
	th := NewTheme(ThemeMono)
	c := LineChart{
		Series: []Series{
			{Name: "Tension", Values: []int{0, 5, 10, NoValue}},
			{Name: "Controls", Values: []int{2, 2, 3, 4}},
		},
		XLabels: []string{"T1", "T2", "T3", "T4"},
		Min:     0, Max: 10,
	}
	const w, h = 40, 14
	out := ansi.Strip(c.Render(th, w, h))
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) != w {
			t.Errorf("line %d is %d wide, want %d", i, ansi.StringWidth(l), w)
		}
	}
	// 14 lines: 11 plot rows, the axis, the x labels and the legend (one line);
	// with 11 rows for 0..10 each value has its own row.
	const rows = 11
	axisAt := strings.Index(lines[0], "┤")
	if axisAt < 0 {
		t.Fatalf("no y axis on the top row: %q", lines[0])
	}
	plot := func(r int) []rune { return []rune(lines[r])[len([]rune(lines[r][:axisAt]))+1:] }
	for i, v := range []int{0, 5, 10} {
		r := rows - 1 - v
		if got := c.Row(v, rows); got != r {
			t.Errorf("Row(%d) = %d, want %d", v, got, r)
		}
		x := col(i, 4, len(plot(r)))
		if g := string(plot(r)[x]); g != SeriesGlyph(0) {
			t.Errorf("value %d at x %d: row %d has %q there, want %s\n%s", v, i, r, g, SeriesGlyph(0), out)
		}
	}
	// The second series has its own glyph, on its own rows.
	if g := string(plot(rows - 1 - 4)[col(3, 4, len(plot(0)))]); g != SeriesGlyph(1) {
		t.Errorf("Controls 4 at T4: got %q, want %s\n%s", g, SeriesGlyph(1), out)
	}
	// The y labels name the top and the bottom.
	if !strings.HasPrefix(strings.TrimSpace(lines[0]), "10 ┤") || !strings.HasPrefix(strings.TrimSpace(lines[rows-1]), "0 ┤") {
		t.Errorf("y labels missing:\n%s", out)
	}
	// The x labels and the legend, with each series' glyph and last value.
	if !strings.Contains(lines[rows+1], "T1") || !strings.Contains(lines[rows+1], "T4") {
		t.Errorf("x labels missing: %q", lines[rows+1])
	}
	legend := lines[h-1]
	for _, want := range []string{SeriesGlyph(0) + " Tension 10", SeriesGlyph(1) + " Controls 4"} {
		if !strings.Contains(legend, want) {
			t.Errorf("legend %q lacks %q", legend, want)
		}
	}
	if SeriesGlyph(0) == SeriesGlyph(1) {
		t.Error("two series share a glyph")
	}
}

func TestLineChartAutoRangeAndSmallSizes(t *testing.T) {
	th := NewTheme(ThemeDefault)
	c := LineChart{Title: "Gap", Series: []Series{{Name: "gap", Values: []int{-5, 12, 30}}}}
	if lo, hi := c.Range(); lo != -5 || hi != 30 {
		t.Errorf("range %d..%d, want -5..30", lo, hi)
	}
	flat := LineChart{Series: []Series{{Name: "x", Values: []int{7}}}}
	if lo, hi := flat.Range(); lo != 2 || hi != 12 {
		t.Errorf("flat range %d..%d, want 2..12 (the minimum span)", lo, hi)
	}
	for _, size := range [][2]int{{80, 20}, {30, 6}, {12, 4}, {8, 3}} {
		out := c.Render(th, size[0], size[1])
		lines := strings.Split(out, "\n")
		if len(lines) != size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) != size[0] {
				t.Errorf("%dx%d: a line is %d wide", size[0], size[1], ansi.StringWidth(l))
			}
		}
	}
}

func TestLineChartSharedPoints(t *testing.T) {
	c := LineChart{Series: []Series{{Name: "a", Values: []int{5, 6}}, {Name: "b", Values: []int{5, 1}}}, Min: 0, Max: 10}
	out := ansi.Strip(c.Render(NewTheme(ThemeMono), 30, 16))
	if !strings.Contains(out, sharedGlyph) || !strings.Contains(out, sharedGlyph+" several at once") {
		t.Errorf("two series on one cell should show %s and explain it:\n%s", sharedGlyph, out)
	}
	c.Series[1].Values[0] = 0
	if out := ansi.Strip(c.Render(NewTheme(ThemeMono), 30, 16)); strings.Contains(out, sharedGlyph) {
		t.Errorf("no shared cell, yet %s is drawn:\n%s", sharedGlyph, out)
	}
}

// X labels in a wide script take their cells: each sits under its tick,
// and no line of the chart is wider than the chart.
func TestLineChartWideLabels(t *testing.T) {
	th := NewTheme(ThemeMono)
	c := LineChart{
		Series:  []Series{{Name: "华盛顿", Values: []int{1, 5, 9}}, {Name: "Émirats 🚀", Values: []int{2, 3, 4}}},
		XLabels: []string{"上半年", "下半年", "终局"},
		Min:     0, Max: 10,
	}
	const w, h = 40, 12
	lines := strings.Split(ansi.Strip(c.Render(th, w, h)), "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) != w {
			t.Errorf("line %d is %d cells wide, want %d: %q", i, ansi.StringWidth(l), w, l)
		}
	}
	var axis, labels string
	for i, l := range lines {
		if strings.Contains(l, "└") {
			axis, labels = l, lines[i+1]
		}
	}
	for _, l := range c.XLabels {
		at := strings.Index(labels, l)
		if at < 0 {
			t.Fatalf("label %q missing from %q", l, labels)
		}
		// The tick is within the label's cells.
		start := ansi.StringWidth(labels[:at])
		ticks := []rune(axis)
		found := false
		for x := start; x < start+ansi.StringWidth(l) && x < len(ticks); x++ {
			if ticks[x] == '┬' {
				found = true
			}
		}
		if !found {
			t.Errorf("no tick over label %q (cells %d-%d): %q / %q", l, start, start+ansi.StringWidth(l)-1, axis, labels)
		}
	}
}
