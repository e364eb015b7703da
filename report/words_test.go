package report

import (
	"strings"
	"testing"

	"zerosum/text"
)

// Chart labels in any script line up: the bars start in the same cell
// whether the label is Latin, accented, CJK or has an emoji.
func TestChartLabelsLineUpInCells(t *testing.T) {
	rows := []chartRow{
		{label: "华盛顿", values: []int{5}},
		{label: "Meta", values: []int{5}},
		{label: "Émirats", values: []int{5}},
		{label: "🚀 Taipei", values: []int{5}},
	}
	for _, lines := range [][]string{
		barChart("bars", rows, 0, 10, 10),
		dotChart("dots", []dotSeries{{'R', "real"}}, rows, 21),
	} {
		start := -1
		for _, l := range lines {
			var label string
			for _, r := range rows {
				if strings.HasPrefix(l, r.label) {
					label = r.label
				}
			}
			if label == "" {
				continue
			}
			// The cell where the drawing starts: after the label and the
			// spaces that pad it.
			rest := l[len(label):]
			at := text.Width(label) + len(rest) - len(strings.TrimLeft(rest, " "))
			if start < 0 {
				start = at
			}
			if at != start {
				t.Errorf("%q: the drawing starts at cell %d, the first row's at %d", l, at, start)
			}
		}
		if start < 0 {
			t.Fatalf("no row found in %q", lines)
		}
	}
}

// A glossary link reads the same in the report whatever its spacing, and a
// common noun keeps its accents when it loses its capital.
func TestProseLinks(t *testing.T) {
	p := pack(t)
	w := words{p: p, sc: p.Scenario}
	term, ok := p.TermByID("export_controls")
	if !ok {
		t.Fatal("no glossary term export_controls")
	}
	want := "Washington widens " + text.Uncapitalize(term.Term) + " again."
	for _, in := range []string{
		"Washington widens [[export_controls]] again.",
		"Washington widens [[ export_controls ]] again.",
		"Washington  widens\n [[export_controls ]]   again.",
	} {
		if got := w.prose(in); got != want {
			t.Errorf("prose(%q) = %q, want %q", in, got, want)
		}
	}
	if got := w.prose("[[ chip_yield | yields ]] rose."); got != "yields rose." {
		t.Errorf("a link with its own words reads %q", got)
	}
}
