package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zerosum/saves"
	"zerosum/text"
)

// The screens in Chinese at 80x24: a Chinese character takes two cells,
// so a line that fits in English may not. Each helper that puts screens
// into Chinese checks them in a function of its own here.

// fitsIn fails when a line of s is wider than w cells.
func fitsIn(t *testing.T, what, s string, w int) {
	t.Helper()
	for i, l := range strings.Split(s, "\n") {
		if lw := text.Width(l); lw > w {
			t.Errorf("%s: line %d is %d cells wide, more than %d: %q", what, i+1, lw, w, ansi.Strip(l))
			return
		}
	}
}

// footerKeeps fails when the footer lost help or quit.
func footerKeeps(t *testing.T, a *App) {
	t.Helper()
	lines := strings.Split(screen(a), "\n")
	foot := lines[len(lines)-1]
	if a.ctx.flash == "" && (!strings.Contains(foot, "? 帮助") || !strings.Contains(foot, "q 退出")) {
		t.Errorf("%s: the footer lost help or quit: %q", a.Screen().Name(), foot)
	}
}

// TestChineseWidthZhFront: the title, how to play, the setup (every row,
// and while editing), the briefing, the load screen, the save dialog, the
// dialogs, the waiting room, the guide's strip and the keys' help, in
// Chinese at 80x24: nothing is wider than the terminal, nothing is cut
// with "…" where the English is whole, and the footer keeps help and quit.
func TestChineseWidthZhFront(t *testing.T) {
	inChinese(t)
	pinSeed(t, 271828)
	const w, h = 80, 24

	// The title: the menu's notes are cut with "…" when too wide.
	st := savesFixture(t)
	a := sized(withStore(Options{}, st), w, h)
	a.Update(a.ctx.scanSaves()())
	if s := screen(a); strings.Contains(s, "…") {
		t.Errorf("the title cuts a line at %d columns:\n%s", w, s)
	}
	checkFits(t, a)
	footerKeeps(t, a)

	// How to play: every line of the page within its column.
	cw := min(w-4, 96)
	fitsIn(t, "how to play", guideText(a.ctx, cw), cw)

	// The setup: every row's form and detail, and the editing modes.
	b := newSetupApp(t, w, h)
	s := setupOf(t, b)
	lw, rw := s.columns()
	for i := range s.rows() {
		s.cursor = i
		s.refresh()
		fitsIn(t, "setup form", s.form(lw), lw)
		fitsIn(t, "setup detail of row "+itoa(i), s.detailText(s.row(), rw), rw)
		fitsIn(t, "setup detail head", s.detailHead(rw), rw)
		checkFits(t, b)
		footerKeeps(t, b)
	}
	press(b, "g", "space") // a second human seat, typing a name
	fitsIn(t, "setup form, naming", s.form(lw), lw)
	footerKeeps(t, b)
	press(b, "esc", "G", "up", "up", "enter", "right") // personalities one by one
	fitsIn(t, "setup personalities", s.detailText(s.row(), rw), rw)
	footerKeeps(t, b)
	press(b, "esc", "down", "x") // the seed, with a refused key
	fitsIn(t, "setup seed", s.detailText(s.row(), rw), rw)
	footerKeeps(t, b)
	press(b, "esc")
	// Two humans and a facilitator: the ready row's summary.
	s.humans[1], s.facilitator = true, true
	fitsIn(t, "setup ready, hot seat", s.detailText(setupRow{kind: rowStart}, rw), rw)
	s.humans = make([]bool, len(s.humans))
	fitsIn(t, "setup ready, spectating", s.detailText(setupRow{kind: rowStart}, rw), rw)

	// The briefing, all of it, and its header.
	c := briefingApp(t, w, h)
	br := c.Screen().(*briefing)
	fitsIn(t, "briefing", br.content(w), w)
	fitsIn(t, "briefing header", br.header(), w)
	footerKeeps(t, c)

	// The help overlay over the setup and the briefing.
	for _, app := range []*App{b, c} {
		app.showHelp = true
		fitsIn(t, "help over "+app.Screen().Name(), app.helpView(), w)
		app.showHelp = false
	}

	// The load screen: list and preview of every save, and the replays.
	d := sized(withStore(Options{}, st), w, h)
	d.Update(d.ctx.scanSaves()())
	for _, kind := range []listKind{listSaves, listReplays} {
		ls := newSavesScreen(d.ctx, kind, nil)
		for i := 0; i < max(ls.count(), 1); i++ {
			ls.cursor = i
			fitsIn(t, "load list", ls.list(w, 8), w)
			fitsIn(t, "load preview", ls.preview(w), w)
			fitsIn(t, "load summary", spread(ls.summary(), "", w), w)
		}
	}

	// The save dialog, a confirmation and a notice.
	e := sized(withStore(saveStart, tempStore(t)), w, h)
	press(e, "enter", "space", "s")
	if len(e.dialogs) == 0 {
		t.Fatal("no save dialog")
	}
	fitsIn(t, "save dialog", e.dialogs[0].View(), w)
	sd := e.dialogs[0].(*saveDialog)
	sd.note = slotProblem("北京", saves.ValidSlot("北京"))
	fitsIn(t, "save dialog, refused", sd.View(), w)
	fitsIn(t, "confirm", NewConfirm(e.ctx, text.F("Delete the save %q?", "Beijing H1 2025"), text.T("This cannot be undone."), nil, nil).View(), w)
	fitsIn(t, "notice", NewNotice(e.ctx, text.T("Cannot start that game"), text.F("there is no actor %q in %s; choose one of: %s%s", "x", "race2025", "washington, beijing", "")).View(), w)

	// The guide's strip: every step, alert and reminder within its lines.
	tw := coachWidth(w)
	for _, o := range []coachObs{{tension: 10, ap: 3, turn: 6, last: 6}, {tension: 0, ap: 12, turn: 12, last: 12}} {
		for i, st := range append(slices.Clone(coachSteps), coachAlerts...) {
			if n := strings.Count(wrap(st.text(o), tw), "\n") + 1; n > coachTextLines {
				t.Errorf("guide step %d (%s) takes %d lines at %d columns; the strip holds %d", i+1, st.title(), n, w, coachTextLines)
			}
		}
		for sc := onOther; sc <= onEnd; sc++ {
			o.screen = sc
			_, body := coachReminder(o)
			if n := strings.Count(wrap(body, tw), "\n") + 1; n > coachTextLines {
				t.Errorf("the guide's reminder for screen %d takes %d lines", sc, n)
			}
		}
	}
	f := sized(withStore(Options{}, tempStore(t)), w, h)
	titleOf(t, f).cursor = itemGuided
	press(f, "enter")
	if f.ctx.Game == nil || f.ctx.Game.coach == nil {
		t.Fatal("no guided game")
	}
	strip := f.ctx.Game.coach.view(f.ctx, w)
	fitsIn(t, "guide strip", strip, w)
	if strings.Contains(strip, "…") {
		t.Errorf("the guide's strip is cut:\n%s", strip)
	}
}
