package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/report"
	"zerosum/text"
)

// facOf is the facilitator's screen, or a failure.
func facOf(t testing.TB, a *App) *facilitatorScreen {
	t.Helper()
	f, ok := a.screen.(*facilitatorScreen)
	if !ok {
		t.Fatalf("the screen is %s, not the facilitator's:\n%s", a.screen.Name(), screen(a))
	}
	return f
}

// facRowTo moves the facilitator's menu to a row.
func facRowTo(t testing.TB, a *App, r facRow) {
	t.Helper()
	f := facOf(t, a)
	for f.cursor != r {
		press(a, "down")
	}
}

// bothSubmit plays the first turn of a two-human game to the point where
// both players have handed in their orders (Ana tightens controls, Bo
// stockpiles chips in secret).
func bothSubmit(t testing.TB, a *App) {
	t.Helper()
	press(a, "enter", "enter")
	chooseOrder(t, a, "tighten_controls")
	press(a, "E", "y", "enter", "enter")
	chooseOrder(t, a, "stockpile_chips")
	press(a, "E", "y")
}

// F2 opens the facilitator's screen only in a game run with a facilitator;
// esc and F2 go back to the players' screen it came from, unchanged.
func TestFacilitatorKey(t *testing.T) {
	a := hotSeatApp(t, twoSeats, 9, false, 80, 24)
	press(a, "f2")
	if _, ok := a.screen.(*handover); !ok || !strings.Contains(screen(a), "This game has no facilitator") {
		t.Errorf("F2 without a facilitator says so and stays:\n%s", screen(a))
	}
	a = hotSeatApp(t, twoSeats, 9, true, 80, 24)
	press(a, "enter", "enter")
	dash := a.screen
	press(a, "f2")
	f := facOf(t, a)
	if f.back != dash || !strings.Contains(screen(a), "FACILITATOR") {
		t.Fatalf("F2 opens the facilitator's screen over the dashboard:\n%s", screen(a))
	}
	press(a, "?")
	if !strings.Contains(screen(a), "F2/ctrl+f") {
		t.Errorf("help lists the facilitator's key:\n%s", screen(a))
	}
	press(a, "?", "esc")
	if a.screen != dash {
		t.Fatalf("esc goes back to the dashboard, got %s", a.screen.Name())
	}
	press(a, "ctrl+f")
	facOf(t, a)
	press(a, "f2")
	if a.screen != dash {
		t.Fatalf("F2 again goes back, got %s", a.screen.Name())
	}
}

// With pausing on, the last player's submission leaves the turn waiting
// on a page the room may see (who has handed in orders, nothing else);
// F2 opens the facilitator's screen over it and esc goes back to it; enter
// on Resolve and y resolve the turn with every player's orders, and the
// hand-overs follow.
func TestFacilitatorPausesBeforeResolution(t *testing.T) {
	a := hotSeatApp(t, twoSeats, 9, true, 80, 24)
	g := a.ctx.Game
	bothSubmit(t, a)
	room, ok := a.screen.(*waitingRoom)
	if !ok || len(g.Match.Turns) != 0 || !g.Facil.Waiting {
		t.Fatalf("the turn waits for the facilitator on the room's page, not on %s:\n%s", a.screen.Name(), screen(a))
	}
	if !strings.Contains(screen(a), "ALL ORDERS ARE IN") || !strings.Contains(screen(a), "Beijing (Bo) ✓ orders in") || strings.Contains(screen(a), "FACILITATOR") {
		t.Errorf("the room's page says every order is in, and no more:\n%s", screen(a))
	}
	press(a, "f2")
	if f := facOf(t, a); f.back != room {
		t.Fatalf("F2 opens the facilitator's screen over the room's page")
	}
	for _, s := range []string{"Tighten chip and tool controls", "Stockpile chips"} {
		if strings.Contains(screen(a), s) {
			t.Errorf("the facilitator's main screen shows a player's order %q", s)
		}
	}
	press(a, "esc")
	if a.screen != room {
		t.Fatalf("esc goes back to the room's page, got %s", a.screen.Name())
	}
	press(a, "f2")
	facRowTo(t, a, facResolve)
	press(a, "enter")
	if q, d := dialogText(a); q != "Resolve turn 1 (H1 2025) now?" || !strings.Contains(d, "Every player's orders are in") {
		t.Errorf("resolving asks first: %q %q", q, d)
	}
	press(a, "y")
	if len(g.Match.Turns) != 1 || g.Facil.Waiting || handoverOf(t, a).seat != actorOf(t, a, "washington") {
		t.Fatalf("y resolves the turn and passes the keyboard to Ana")
	}
	orders := g.Match.Turns[0].Orders
	if !containsOrder(orders, "washington", "tighten_controls") || !containsOrder(orders, "beijing", "stockpile_chips") {
		t.Errorf("the turn resolved without the players' orders: %v", orders)
	}
	// With pausing off the last submission resolves at once.
	b := hotSeatApp(t, twoSeats, 9, true, 80, 24)
	b.ctx.Game.Facil.Pause = false
	bothSubmit(t, b)
	if len(b.ctx.Game.Match.Turns) != 1 {
		t.Error("without pausing the turn resolves when the last player submits")
	}
}

func containsOrder(orders []game.Order, actor, action string) bool {
	for _, o := range orders {
		if o.Actor == actor && o.Action == action {
			return true
		}
	}
	return false
}

// Resolving before everyone has submitted asks, names who has not, and
// their orders go in as they stand.
func TestFacilitatorResolvesEarly(t *testing.T) {
	a := hotSeatApp(t, twoSeats, 9, true, 80, 24)
	g := a.ctx.Game
	press(a, "enter", "enter")
	chooseOrder(t, a, "tighten_controls")
	press(a, "f2", "enter")
	if _, d := dialogText(a); !strings.Contains(d, "Washington (Ana), Beijing (Bo). Their orders go in as they stand now") {
		t.Errorf("resolving early names the players still giving orders: %q", d)
	}
	press(a, "y")
	if len(g.Match.Turns) != 1 || !containsOrder(g.Match.Turns[0].Orders, "washington", "tighten_controls") {
		t.Fatal("the turn resolves with Ana's orders as they stood")
	}
}

// An event picked from the scenario's list, and custom news written in the
// form (checked by the engine's own reader: a bad effect is refused with
// the reason), are queued and fire when the turn resolves: the turn
// records them, the event is in the news, the custom headline in every
// player's report and News pane, and its effects in the ledger.
func TestFacilitatorInjectsNews(t *testing.T) {
	a := hotSeatApp(t, twoSeats, 9, true, 120, 40)
	g := a.ctx.Game
	sc := g.Scenario()
	bothSubmit(t, a)
	press(a, "f2")
	facRowTo(t, a, facInjectEvent)
	press(a, "enter")
	f := facOf(t, a)
	if f.mode != facEvents || !strings.Contains(screen(a), "Inject a news event") {
		t.Fatalf("enter opens the list of events:\n%s", screen(a))
	}
	want, _ := sc.EventIndex("trade_truce")
	for f.ev != want {
		press(a, "down")
	}
	if !strings.Contains(screen(a), "Washington and Beijing agree a trade truce") || !strings.Contains(screen(a), "Effects:") {
		t.Errorf("the list shows headlines and the effects of the one under the cursor:\n%s", screen(a))
	}
	press(a, "enter")
	if f.mode != facMain || len(g.Facil.Inject) != 1 || g.Facil.Inject[0].Event != want {
		t.Fatalf("enter queues the event: %+v", g.Facil.Inject)
	}
	if !strings.Contains(screen(a), "■ Washington and Beijing agree a trade truce (event)") {
		t.Errorf("the queued news is listed:\n%s", screen(a))
	}

	facRowTo(t, a, facInjectCustom)
	press(a, "enter")
	if !f.Capturing() {
		t.Fatal("the custom news form takes typing")
	}
	typeText(a, "Typhoon shuts TSMC fabs")
	press(a, "enter")
	typeText(a, "tension=+1, taipei.sekurity=-2")
	press(a, "enter")
	if !strings.Contains(screen(a), `"sekurity" is not a stat; did you mean "security"?`) || len(g.Facil.Inject) != 1 {
		t.Fatalf("a bad effect is refused with the reason:\n%s", screen(a))
	}
	for range len("sekurity=-2") {
		press(a, "backspace")
	}
	typeText(a, "security=-2")
	press(a, "enter")
	if len(g.Facil.Inject) != 2 || g.Facil.Inject[1].Headline != "Typhoon shuts TSMC fabs" || len(g.Facil.Inject[1].Effects) != 2 {
		t.Fatalf("the custom news is queued: %+v", g.Facil.Inject)
	}
	if !strings.Contains(screen(a), "Typhoon shuts TSMC fabs (Strait tension +1, Taipei Security -2)") {
		t.Errorf("the queued custom news shows its effects:\n%s", screen(a))
	}
	facRowTo(t, a, facResolve)
	press(a, "enter", "y")
	turn := g.Match.Turns[0]
	if len(turn.Inject) != 2 || !strings.Contains(strings.Join(turn.Report.Injected, ","), "Typhoon shuts TSMC fabs") {
		t.Fatalf("the turn records the injections: %+v", turn.Inject)
	}
	if !slicesContains(turn.Report.Events, want) {
		t.Errorf("the injected event fired: %v", turn.Report.Events)
	}
	if len(g.Facil.Inject) != 0 {
		t.Error("the queue empties once the turn resolves")
	}
	for range 2 {
		press(a, "enter")
		r := a.screen.(*resolution)
		page := strings.Join(strings.Fields(r.content(110)), " ")
		for _, s := range []string{"Typhoon shuts TSMC fabs", "News added by the facilitator.", "+1 news added by the facilitator", "Washington and Beijing agree a trade truce"} {
			if !strings.Contains(page, s) {
				t.Errorf("%s's report lacks %q", g.Who(g.Player), s)
			}
		}
		press(a, "enter", "3")
		if news := ansi.Strip(dash(a).newsText(100)); !strings.Contains(news, "■ Typhoon shuts TSMC fabs") {
			t.Errorf("%s's News pane lacks the custom headline:\n%s", g.Who(g.Player), news)
		}
		press(a, "E", "y")
	}
}

func slicesContains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Reveal shows the whole truth, marked as the facilitator's view: every
// actor's real numbers (Beijing's secret chips after stockpiling), the
// real gap and every covert order; going back to the players shows none
// of it.
func TestFacilitatorReveal(t *testing.T) {
	a := hotSeatApp(t, twoSeats, leakSeed, true, 120, 40)
	g := a.ctx.Game
	sc := g.Scenario()
	bothSubmit(t, a)
	press(a, "f2")
	facRowTo(t, a, facResolve)
	press(a, "enter", "y")
	bj := actorOf(t, a, "beijing")
	rec := g.State().Covert
	if len(rec) == 0 || rec[0].Exposed != 0 {
		t.Fatalf("seed %d: Bo's stockpiling should still be secret: %+v", leakSeed, rec)
	}
	press(a, "f2")
	facRowTo(t, a, facRevealRow)
	press(a, "enter")
	f := facOf(t, a)
	full := strings.Join(strings.Fields(f.doc.vp.GetContent()), " ")
	if !strings.Contains(screen(a), "THE FACILITATOR'S VIEW") {
		t.Errorf("the reveal page is marked as the facilitator's view:\n%s", screen(a))
	}
	chips := g.State().Stat(bj, game.StatChips)
	for _, want := range []string{"real " + text.Change(sc.Gap(g.State())), "Beijing: Stockpile chips and memory", "still secret",
		"CHP " + itoa(chips) + "*"} {
		if !strings.Contains(stripped(full), want) {
			t.Errorf("the reveal page lacks %q:\n%s", want, full)
		}
	}
	press(a, "esc", "esc")
	handoverOf(t, a)
	press(a, "enter", "enter")
	if g.Player == bj {
		t.Fatal("Ana's turn comes first")
	}
	texts := seatTexts(t, a)
	requireNoSecrets(t, "Ana after the reveal", texts, map[string]string{"Stockpile chips and memory": "Bo's covert order", "THE FACILITATOR'S VIEW": "the reveal page"})
}

// stripped is a frame's page without styles, box borders or line breaks,
// to find sentences a box wraps.
func stripped(s string) string {
	s = strings.NewReplacer("║", " ", "│", " ").Replace(ansi.Strip(s))
	return unhyphen(strings.Join(strings.Fields(s), " "))
}

// unhyphen joins words the wrapper broke after a hyphen ("grey- market"),
// so that a name wrapped at its hyphen is still found.
func unhyphen(s string) string { return hyphenBreak.ReplaceAllString(s, "$1-") }

var hyphenBreak = regexp.MustCompile(`(\pL)- `)

// The order timer: set on the facilitator's screen, it starts when a
// player's dashboard opens, counts down on the dashboard, warns near the
// end, and at 0:00 submits the orders as they stand and passes the
// keyboard on, saying so; stale ticks do nothing. The clock is the test's.
func TestOrderTimer(t *testing.T) {
	now := testNow()
	var ticks int
	opts := Options{Start: &StartOptions{Seats: twoSeats, Seed: 9, Facilitator: true}, Now: func() time.Time { return now },
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { ticks++; return nil }}
	a := sized(opts, 80, 24)
	g := a.ctx.Game
	press(a, "f2")
	facRowTo(t, a, facTimer)
	press(a, "right")
	if g.Facil.TimerMinutes != 1 || !strings.Contains(screen(a), "‹ 1 min per player ›") {
		t.Fatalf("right sets the timer to a minute:\n%s", screen(a))
	}
	press(a, "esc")
	if !strings.Contains(stripped(screen(a)), "You have 1 minute for them") {
		t.Errorf("the hand-over says how long the player has:\n%s", screen(a))
	}
	press(a, "enter") // the briefing: the clock waits for the dashboard
	if g.clock.running {
		t.Fatal("the clock starts with the dashboard, not the briefing")
	}
	press(a, "enter")
	if !g.clock.running || ticks != 1 {
		t.Fatalf("the dashboard starts the clock (ticks %d)", ticks)
	}
	chooseOrder(t, a, "tighten_controls")
	gen := g.clock.gen
	now = now.Add(10 * time.Second)
	a.Update(clockTickMsg{gen: gen})
	if !strings.Contains(screen(a), "Timer 0:50") {
		t.Errorf("the dashboard counts down:\n%s", screen(a))
	}
	a.Update(clockTickMsg{gen: gen - 1})
	now = now.Add(25 * time.Second)
	a.Update(clockTickMsg{gen: gen})
	if !strings.Contains(screen(a), "⚠ 0:25 left") || !strings.Contains(stripped(screen(a)), "0:25 left for Washington (Ana)'s orders: at 0:00 they are submitted as they stand") {
		t.Errorf("the player is warned near the end:\n%s", screen(a))
	}
	press(a, "E") // the confirmation is open when time runs out
	now = now.Add(30 * time.Second)
	a.Update(clockTickMsg{gen: gen})
	if len(a.dialogs) != 0 || !g.Submitted(actorOf(t, a, "washington")) || handoverOf(t, a).seat != actorOf(t, a, "beijing") {
		t.Fatalf("at 0:00 the orders are submitted and the keyboard passes on:\n%s", screen(a))
	}
	if !strings.Contains(stripped(screen(a)), "Time was up: Washington (Ana)'s 1 order went in as they stood") {
		t.Errorf("the hand-over says the time ran out:\n%s", screen(a))
	}
	a.Update(clockTickMsg{gen: gen})
	if _, ok := a.screen.(*handover); !ok {
		t.Error("a tick of a stopped clock does nothing")
	}
	// Bo's clock starts afresh with his dashboard.
	press(a, "enter", "enter")
	if left, ok := a.ctx.clockLeft(); !ok || left != time.Minute {
		t.Errorf("Bo has a full minute: %v %v", left, ok)
	}
	// Off stops it.
	press(a, "f2")
	facRowTo(t, a, facTimer)
	press(a, "left")
	if g.Facil.TimerMinutes != 0 || g.clock.running {
		t.Error("setting the timer off stops the clock")
	}
}

// Exporting the debrief writes report.Markdown of the game into
// reports/ in the data directory, never over another report, and says
// where; with saving off it says there is nowhere to write.
func TestExportDebrief(t *testing.T) {
	st := tempStore(t)
	a := boot(withStore(Options{Start: &StartOptions{Seats: twoSeats, Seed: 9, Facilitator: true}, Tick: noTick}, st), 80, 24)
	g := a.ctx.Game
	drive(a, "f2", "e")
	files, _ := filepath.Glob(filepath.Join(st.Dir, "reports", "*.md"))
	if len(files) != 1 || g.ReportPath != files[0] {
		t.Fatalf("e on the facilitator's screen writes one report: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	if string(data) != report.Markdown(g.Pack, g.Match) {
		t.Error("the file is not the debrief report of the game")
	}
	if !strings.Contains(stripped(screen(a)), "Debrief report written to") {
		t.Errorf("the screen says where:\n%s", screen(a))
	}
	drive(a, "e")
	files, _ = filepath.Glob(filepath.Join(st.Dir, "reports", "*.md"))
	if len(files) != 2 {
		t.Errorf("a second export keeps the first: %v", files)
	}
	// The end screen's e, and saving off.
	e := endApp(t, 80, 24, false)
	press(e, "e")
	if q, d := dialogText(e); q != "Saving is off" || !strings.Contains(d, "the debrief report cannot be written") {
		t.Errorf("with saving off e says so: %q %q", q, d)
	}
}

// Every page of the facilitator's screen, the spectator's and the
// hand-over fit the terminal exactly, small and large.
func TestClassroomScreensFit(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		a := hotSeatApp(t, threeSeats, 9, true, size[0], size[1])
		checkFits(t, a)
		press(a, "f2")
		checkFits(t, a)
		for _, keys := range [][]string{{"down", "down", "down", "enter"}, {"esc", "down", "enter"}, {"esc", "down", "down", "enter"}} {
			press(a, keys...)
			checkFits(t, a)
		}
		press(a, "esc", "esc", "esc")
		b := sized(Options{Start: &StartOptions{Seats: "all=bot", Seed: 3}, Tick: noTick}, size[0], size[1])
		checkFits(t, b)
		press(b, "enter")
		checkFits(t, b)
	}
}

// The event list's detail reads as sentences: its effects, then whether it
// has fired.
func TestFacilitatorEventDetailReads(t *testing.T) {
	a := hotSeatApp(t, twoSeats, 9, true, 120, 40)
	press(a, "f2")
	facRowTo(t, a, facInjectEvent)
	press(a, "enter")
	s := stripped(screen(a))
	if !strings.Contains(s, ". Not fired yet this game.") && !strings.Contains(s, ". Fired ") {
		t.Errorf("the effects should end with a full stop before the next sentence:\n%s", s)
	}
}
