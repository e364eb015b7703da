package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Meter draws a horizontal bar of width cells for v in [lo, hi]; the filled
// part uses a solid block and the rest a light shade, so it reads without
// colour too.
func Meter(t Theme, v, lo, hi, width int) string {
	if width <= 0 || hi <= lo {
		return ""
	}
	v = min(max(v, lo), hi)
	fill := (v - lo) * width / (hi - lo)
	return t.BarFill.Render(strings.Repeat("█", fill)) + t.BarEmpty.Render(strings.Repeat("░", width-fill))
}

// AlignBar draws a swing state's alignment from China (left) to the US
// (right) with a marker at its value, the bloc limits as ticks, and a
// letter for the bloc it sits in (C, -, U) so colour is not needed.
func AlignBar(t Theme, align, width int) string {
	if width < 5 {
		return ""
	}
	pos := (align + 100) * (width - 1) / 200
	cells := make([]string, width)
	// The ticks sit symmetrically around the centre whatever the width.
	left := (100 - 34) * (width - 1) / 200
	right := (width - 1) - left
	for i := range cells {
		switch {
		case i == pos:
			cells[i] = "●"
		case i == left || i == right:
			cells[i] = "┊"
		case i == (width-1)/2:
			cells[i] = "│"
		default:
			cells[i] = "─"
		}
	}
	var b strings.Builder
	for i, c := range cells {
		st := t.Muted
		if i == pos {
			switch {
			case align >= 34:
				st = t.US.Bold(true)
			case align <= -34:
				st = t.China.Bold(true)
			default:
				st = t.Neutral.Bold(true)
			}
		}
		b.WriteString(st.Render(c))
	}
	return b.String()
}

// BlocLetter is U, C or - for a swing state's alignment.
func BlocLetter(align int) string {
	switch {
	case align >= 34:
		return "U"
	case align <= -34:
		return "C"
	}
	return "-"
}

// TensionGauge draws Strait tension 0-10 as ten cells, with the level's
// word: "▮▮▮▯▯▯▯▯▯▯ 3 calm". It gets louder as it rises.
func TensionGauge(t Theme, v int) string {
	var b strings.Builder
	for i := 1; i <= 10; i++ {
		st := t.Muted
		if i <= v {
			switch {
			case i >= 8:
				st = t.Danger
			case i >= 6:
				st = t.Bad
			case i >= 4:
				st = t.Warn
			default:
				st = t.Good
			}
			b.WriteString(st.Render("▮"))
		} else {
			b.WriteString(st.Render("▯"))
		}
	}
	word := TensionWord(v)
	ws := t.Good
	switch {
	case v >= 8:
		ws = t.Danger
	case v >= 6:
		ws = t.Bad
	case v >= 4:
		ws = t.Warn
	}
	return b.String() + " " + lipgloss.NewStyle().Bold(true).Render(itoa(v)) + " " + ws.Render(word)
}
