package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
)

// fitsWidth fails when a line of s is wider than w cells. It is given the
// text of a screen before the frame clips it, so that a line too wide for
// the terminal is found rather than cut.
func fitsWidth(t *testing.T, what, s string, w int) {
	t.Helper()
	noEnglish(t, what, s)
	for i, l := range strings.Split(s, "\n") {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: line %d is %d cells wide, more than %d:\n%s", what, i+1, lw, w, ansi.Strip(l))
		}
	}
}

// The turn report, the end of the game (every tab, a normal ending and a
// crisis), the facilitator's pages, the hand-over, rewind, the replay
// viewer, spectating, the table's waiting page, the key help and the quit
// confirmation, in Chinese at 80x24: no line is wider than 80 cells.
func TestChineseWidthZhEnd(t *testing.T) {
	inChinese(t)
	const w, h = 80, 24

	// The turn report, after a turn.
	a := dashApp(t, w, h)
	g := a.ctx.Game
	if _, err := g.Match.Play(nil); err != nil {
		t.Fatal(err)
	}
	r := newResolution(a.ctx, 1).(*resolution)
	a.screen = r
	fitsWidth(t, "turn report", r.content(min(w, 110)), w)
	fitsWidth(t, "turn report frame", r.View(), w)

	// Rewind: the picker, and the confirmation it opens.
	if _, err := g.Match.Play(nil); err != nil {
		t.Fatal(err)
	}
	p := newRewindPicker(a.ctx)
	fitsWidth(t, "rewind picker", p.View(), w)

	// The quit confirmation and the key help.
	press(a, "q")
	fitsWidth(t, "quit confirmation", a.View().Content, w)
	press(a, "esc")
	a.showHelp = true
	fitsWidth(t, "key help", a.helpView(), w)
	a.showHelp = false

	// The replay viewer.
	src := viewSource{pack: g.Pack, match: g.Match, player: g.Player, reveal: true, label: "本局", from: g}
	v := newViewer(a.ctx, src, a.screen)
	fitsWidth(t, "replay viewer bar", strings.Join(v.bar(w), "\n"), w)

	// The end of the game, every tab, normal and crisis.
	for _, crisis := range []bool{false, true} {
		a := endApp(t, w, h, crisis)
		e := endOf(t, a)
		for tab := range numEndTabs {
			e.setTab(tab)
			fitsWidth(t, "end: "+endTabName(tab), e.header()+"\n"+e.content(w), w)
		}
	}

	// The hand-over, and the facilitator's pages while the turn waits.
	a = hotSeatApp(t, twoSeats, 9, true, w, h)
	press(a, "enter", "enter", "space", "E", "y")
	fitsWidth(t, "hand-over", handoverOf(t, a).View(), w)
	press(a, "enter", "enter", "space", "E", "y", "f2")
	f := facOf(t, a)
	fitsWidth(t, "facilitator header", strings.Join(f.header(w), "\n"), w)
	for r := range numFacRows {
		f.cursor = r
		fitsWidth(t, "facilitator menu", f.mainView(w), w)
	}
	f.mode = facEvents
	for i := range f.events() {
		f.ev = i
		fitsWidth(t, "facilitator events", f.eventsView(w, h-3), w)
	}
	f.mode, f.field = facCustom, 1
	f.note = "效果“foo”无法识别"
	fitsWidth(t, "facilitator custom news", f.customView(w), w)
	f.note = ""
	fitsWidth(t, "facilitator custom news", f.customView(w), w)
	f.mode = facReveal
	f.layoutReveal()
	fitsWidth(t, "facilitator reveal", strings.Join(f.revealHeader(w), "\n")+"\n"+fullView(f.ctx, min(w-1, 110)), w)
	f.mode = facMain
	g = a.ctx.Game
	news, err := g.Scenario().ParseInjection("news:台风致台积电晶圆厂停工一周|tension=+1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Match.PlayWith(nil, []game.Injection{news}); err != nil {
		t.Fatal(err)
	}
	fitsWidth(t, "facilitator history", f.history(w, 40), w)

	// Spectating, and the table's waiting page.
	a = sized(Options{Start: &StartOptions{Seats: "all=bot", Seed: 5}, Tick: noTick}, w, h)
	press(a, "enter")
	s, ok := a.screen.(*spectate)
	if !ok {
		t.Fatalf("a bots-only game shows %s, not the spectator's screen", a.screen.Name())
	}
	fitsWidth(t, "spectating", s.header()+"\n"+s.content(w-1), w)
	fitsWidth(t, "table", newTableWait(a.ctx).View(), w)

	// A spectator of a table (zerosum serve).
	pack, m, secret := watchedMatch(t)
	a = sized(Options{Watch: &TableWatch{Pack: pack, Match: m}}, w, h)
	tw, ok := a.screen.(*tableWatch)
	if !ok {
		t.Fatalf("a spectator of a table shows %s", a.screen.Name())
	}
	page := tw.header() + "\n" + tw.content(w-1)
	fitsWidth(t, "table spectator", page, w)
	for _, s := range secret {
		if strings.Contains(page, s) {
			t.Errorf("the spectator's page shows the secret order %q", s)
		}
	}
}
