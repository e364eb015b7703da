package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/saves"
	"zerosum/text"
)

// The screens in Chinese at 80x24: a Chinese character takes two cells,
// so a line that fits in English may not. Each helper that puts screens
// into Chinese checks them in a function of its own here.

// fitsIn fails when a line of s is wider than w cells.
func fitsIn(t *testing.T, what, s string, w int) {
	t.Helper()
	noEnglish(t, what, s)
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

// The dashboard (zh-dash).

// chinese sets the interface's language to Chinese for the rest of the
// test, and back to English after it (tests that use it must not run in
// parallel: the language is the program's).
func chinese(t testing.TB) {
	t.Helper()
	if err := text.SetLang("zh"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { text.SetLang("en") })
}

// overflow reports the first line of s wider than w cells, with its
// width; "" when every line fits.
func overflow(s string, w int) string {
	for i, l := range strings.Split(s, "\n") {
		if lw := text.Width(l); lw > w {
			return fmt.Sprintf("line %d is %d cells wide, more than %d:\n%s", i+1, lw, w, l)
		}
	}
	return ""
}

// TestChineseWidthZhDash plays up to six turns of a game in Chinese with
// orders every turn (this one ends in a Strait crisis in the fifth) and
// checks, at every turn, that nothing of the dashboard is
// wider than the terminal at 80x24 and 120x40: the frame of every pane,
// the header, and the whole text of each pane before it is fitted to its
// box (so that no Chinese line is silently cut), at the widths the panes
// get; the Orders pane's detail page; the Forecast with and without a
// draft; every chart and every encyclopedia article; the end-of-turn
// confirmation; the facilitator's full view.
func TestChineseWidthZhDash(t *testing.T) {
	chinese(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			a := sized(Options{Start: &StartOptions{Seats: "washington=human:Ana,all=bot", Seed: 1}, Tick: noTick, ForecastFutures: fcFutures}, w, h)
			a.screen = newDashboard(a.ctx)
			g := a.ctx.Game
			check := func(what, s string, w int) {
				t.Helper()
				if o := overflow(s, w); o != "" {
					t.Errorf("turn %d, %s: %s", g.State().Turn, what, o)
				}
			}
			for turn := 1; turn <= 6 && !g.Match.Over(); turn++ {
				// Orders: the first rows that can be taken, then the frame
				// of every pane.
				press(a, "1", "space", "down", "down", "space", "down", "down", "down", "space", "down", "right", "space")
				for p := 1; p <= int(numPanes); p++ {
					press(a, fmt.Sprint(p))
					if p == int(paneForecast)+1 {
						pump(t, a, fcPlayer)
					}
					check(fmt.Sprintf("pane %s", paneNames[p-1]), screen(a), w)
				}
				d := dash(a)
				d.sync()
				check("header", strings.Join(d.header(w), "\n"), w)
				for _, pw := range []int{w, w - 4, 52, 60} {
					check(fmt.Sprintf("World at %d", pw), d.worldText(pw), pw)
					check(fmt.Sprintf("News at %d", pw), d.newsText(pw), pw)
					check(fmt.Sprintf("Why at %d", pw), d.whyText(pw), pw)
					check(fmt.Sprintf("Forecast at %d", pw), strings.Join(forecastLines(a.ctx, a.ctx.currentForecast(fcPlayer), d.player(), pw), "\n"), pw)
					check(fmt.Sprintf("full view at %d", pw), fullView(a.ctx, pw), pw)
				}
				// The detail of every order, on its own page at 80x24.
				rows := d.orders.rows()
				for i := range rows {
					check(fmt.Sprintf("order %d detail", i), strings.Join(d.orders.describe(rows[i], w-4), "\n"), w-4)
				}
				press(a, "1", "enter")
				check("order page", screen(a), w)
				press(a, "esc")
				// Every chart and every article.
				press(a, "5")
				for range d.panes[paneCharts].(*chartsPane).specs() {
					check("chart", screen(a), w)
					press(a, "right")
				}
				press(a, "6")
				for range d.panes[paneEncyclopedia].(*encyclopediaPane).list() {
					check("article", screen(a), w)
					press(a, "down")
				}
				// The confirmation, then the turn.
				press(a, "E")
				check("end of turn", screen(a), w)
				press(a, "y")
				press(a, "enter")
				if _, ok := a.screen.(*dashboard); !ok && !g.Match.Over() {
					t.Fatalf("turn %d: after the report the screen is %T", turn, a.screen)
				}
			}
			if got := len(g.Match.Turns); got < 4 {
				t.Fatalf("the game played %d turns, want at least 4", got)
			}
			// Read-only, as the replay viewer shows a turn: every pane it has.
			ro := newReadOnlyDashboard(a.ctx)
			for _, p := range []paneID{paneWorld, paneNews, paneWhy, paneCharts, paneEncyclopedia} {
				ro.setFocus(p)
				check(fmt.Sprintf("read-only %s", paneNames[p]), ro.View(), w)
			}
			if s := ansi.Strip(ro.View()); !strings.Contains(s, "每回合") || !strings.Contains(s, "tab/2-6 切换") && w >= wideWidth {
				t.Errorf("the read-only header or tab bar is not in Chinese:\n%s", s)
			}
			// The loudest header: the Strait at 9 with capital fleeing and
			// the blame so far, Beijing's grievance high, a what-if branch.
			st := &g.Match.States[len(g.Match.States)-1]
			sc := g.Scenario()
			st.Tracks[game.TrackTension] = 9
			if cn := sc.RoleActor(game.RoleChinaGov); cn >= 0 {
				st.Actors[cn].Stats[game.StatGrievance] = 90
			}
			g.Match.Branch = "Washington eases controls"
			d := newDashboard(a.ctx).(*dashboard)
			lines := d.header(w)
			if !strings.Contains(ansi.Strip(strings.Join(lines, "\n")), "⚠ 台海紧张度9") {
				t.Errorf("no warning of the Strait at 9 in the header:\n%s", ansi.Strip(strings.Join(lines, "\n")))
			}
			check("loud header", strings.Join(lines, "\n"), w)
		})
	}
}

// TestChineseTimerZhDash: in Chinese, the order timer of a hot-seat game
// counts down in the tab bar, warns near the end, the confirmation names
// the player, and the hand-over says the time ran out; every frame fits
// 80 columns.
func TestChineseTimerZhDash(t *testing.T) {
	chinese(t)
	now := testNow()
	opts := Options{Start: &StartOptions{Seats: twoSeats, Seed: 9, Facilitator: true}, Now: func() time.Time { return now },
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
	a := sized(opts, 80, 24)
	g := a.ctx.Game
	press(a, "f2")
	facRowTo(t, a, facTimer)
	press(a, "right", "esc", "enter", "enter")
	if !g.clock.running {
		t.Fatal("the dashboard did not start the clock")
	}
	frame := func(want string) {
		t.Helper()
		s := screen(a)
		if !strings.Contains(stripped(s), want) {
			t.Errorf("the screen does not say %q:\n%s", want, s)
		}
		if o := overflow(s, 80); o != "" {
			t.Error(o)
		}
	}
	chooseOrder(t, a, "tighten_controls")
	gen := g.clock.gen
	now = now.Add(10 * time.Second)
	a.Update(clockTickMsg{gen: gen})
	frame("计时")
	frame("0:50")
	now = now.Add(25 * time.Second)
	a.Update(clockTickMsg{gen: gen})
	frame("⚠ 剩余0:25")
	press(a, "E")
	who := g.Who(actorOf(t, a, "washington")) // the content's name, then the player's
	if !strings.HasSuffix(who, "（Ana）") {
		t.Errorf("the player's name in Chinese brackets: %q", who)
	}
	frame(who)
	frame("为" + who + "结束第1回合（2025年上半年）？")
	frame("还有1名玩家要下")
	now = now.Add(30 * time.Second)
	a.Update(clockTickMsg{gen: gen})
	frame("时间到：" + who + "的1条指令已按原样提交。")
}

// TestHangChinese: a hanging indent re-wraps Chinese without putting
// spaces between its characters, and English with the spaces it had.
func TestHangChinese(t *testing.T) {
	zh := "• 你的指令将被封存，随后键盘交给下一位：还有两名玩家要下达指令。所有人下达完毕后，全部指令同时结算。"
	out := hang(zh, 20, 2)
	if got := strings.ReplaceAll(strings.ReplaceAll(out, "\n", ""), "  ", ""); got != zh {
		t.Errorf("hang changed the Chinese:\n%s\n%q", out, got)
	}
	if o := overflow(out, 20); o != "" {
		t.Error(o)
	}
	en := "• Your orders are sealed, then the keyboard passes on to the next player at the table."
	out = hang(en, 20, 2)
	if got := strings.Join(strings.Fields(out), " "); got != en {
		t.Errorf("hang changed the English: %q", got)
	}
}

// TestChineseWidthZhSaves: in Chinese at 80x24, the load screen's preview
// of every kind of file that cannot be loaded (cut short, damaged, made by
// a newer ZERO SUM, not a save, too large, and replays that
// cannot be read), and the dialog that says why a save cannot be loaded,
// fit the terminal and are in Chinese.
func TestChineseWidthZhSaves(t *testing.T) {
	inChinese(t)
	const w, h = 80, 24
	st := brokenSavesFixture(t)
	a := sized(withStore(Options{}, st), w, h)
	a.Update(a.ctx.scanSaves()())
	bad := 0
	for _, e := range st.List() {
		if e.Err != nil {
			bad++
			a.ctx.open = nil
			a.loaded(loadedMsg{entry: e, err: e.Err})
			if len(a.ctx.open) == 0 {
				t.Fatalf("%s: no dialog says why it cannot be loaded", e.Name)
			}
			fitsIn(t, "cannot load "+e.Name, a.ctx.open[len(a.ctx.open)-1].View(), w)
		}
	}
	if bad != 5 { // the fixture's and four more; the folder is not listed
		t.Errorf("%d saves cannot be loaded, want 5", bad)
	}
	a.ctx.open = nil
	for _, kind := range []listKind{listSaves, listReplays} {
		ls := newSavesScreen(a.ctx, kind, nil)
		if ls.count() == 0 {
			t.Fatalf("list %v is empty", kind)
		}
		for i := 0; i < ls.count(); i++ {
			ls.cursor = i
			fitsIn(t, fmt.Sprintf("load preview %d of list %v", i, kind), ls.preview(w), w)
		}
	}
}
