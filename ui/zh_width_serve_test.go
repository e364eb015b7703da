package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/game/match"
	"zerosum/text"
)

// checkWidth fails for every line of s wider than w cells, or starting
// with punctuation that Chinese typesetting never puts at the start of a
// line.
func checkWidth(t *testing.T, what, s string, w int) {
	t.Helper()
	noEnglish(t, what, s)
	for i, l := range strings.Split(ansi.Strip(s), "\n") {
		if n := text.Width(l); n > w {
			t.Errorf("%s, line %d is %d cells wide, more than %d: %q", what, i+1, n, w, l)
		}
		if tl := strings.TrimLeft(l, " "); tl != "" && strings.ContainsRune("，。、；：？！）》」”", []rune(tl)[0]) {
			t.Errorf("%s, line %d starts with closing punctuation: %q", what, i+1, l)
		}
	}
}

// TestChineseWidthZhServe renders the shared table's screens of package
// ui in Chinese at 80x24 (the spectator's public view at the start, after
// a turn, at the end of the game, and behind the facilitator's screen):
// no line of the page, scrolled from top to bottom, nor of the frame, is
// wider than 80 cells.
func TestChineseWidthZhServe(t *testing.T) {
	text.SetLang("zh")
	t.Cleanup(func() { text.SetLang("en") })
	p, m, _ := watchedMatch(t)
	bj, _ := p.Scenario.ActorIndex("beijing")
	start := *m
	start.States, start.Turns = m.States[:1], nil
	over := *m
	over.States, over.Turns = append([]game.State(nil), m.States...), append([]match.Turn(nil), m.Turns...)
	for !over.Over() {
		if _, err := over.Play(map[int][]game.Order{bj: nil}); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name string
		opts Options
	}{
		{"the start", Options{Watch: &TableWatch{Pack: p, Match: &start}}},
		{"after a turn", Options{Watch: &TableWatch{Pack: p, Match: m}}},
		{"the end", Options{Watch: &TableWatch{Pack: p, Match: &over}}},
		{"behind the facilitator's screen", Options{TableFacil: &TableFacilitator{Pack: p, Match: m}, Tick: noTick}},
	}
	for _, c := range cases {
		a := sized(c.opts, 80, 24)
		a.Update(TableStatusMsg{Lines: zhStatus()})
		if c.opts.TableFacil != nil {
			press(a, "esc")
		}
		w, ok := a.screen.(*tableWatch)
		if !ok {
			t.Fatalf("%s: the public view is not shown (%s)", c.name, a.screen.Name())
		}
		page := w.doc.vp.GetContent()
		if !strings.Contains(stripped(page), "席位") {
			t.Fatalf("%s: the page is not in Chinese:\n%s", c.name, stripped(page))
		}
		checkWidth(t, c.name+": the page", page, 80)
		for range 12 {
			checkWidth(t, c.name+": the frame", screen(a), 80)
			press(a, "pgdown")
		}
	}
}
