package ui

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/saves"
)

// The hot-seat game of these tests: Washington (Ana), Beijing (Bo) and
// Abu Dhabi (Cy) at one keyboard, bots elsewhere.
const (
	threeSeats = "washington=human:Ana,beijing=human:Bo,abudhabi=human:Cy,all=bot"
	twoSeats   = "washington=human:Ana,beijing=human:Bo,all=bot"
	// leakSeed is a seed in which some of the covert orders below stay
	// secret through both turns (the test checks that it does).
	leakSeed = 8
)

// hotSeatApp is an App at the first hand-over of a hot-seat game.
func hotSeatApp(t testing.TB, seats string, seed uint64, facilitator bool, w, h int) *App {
	t.Helper()
	a := sized(Options{Start: &StartOptions{Seats: seats, Seed: seed, Facilitator: facilitator}, Tick: noTick}, w, h)
	if a.ctx.Game == nil {
		t.Fatalf("no game started: %v", a.err)
	}
	return a
}

// noTick stands in for tea.Tick: tests send the timer's ticks themselves.
func noTick(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }

// handoverOf is the hand-over page on screen, or a failure.
func handoverOf(t testing.TB, a *App) *handover {
	t.Helper()
	h, ok := a.screen.(*handover)
	if !ok {
		t.Fatalf("the screen is %s, not a hand-over:\n%s", a.screen.Name(), screen(a))
	}
	return h
}

// actorOf is an actor's index by id.
func actorOf(t testing.TB, a *App, id string) int {
	t.Helper()
	i, ok := a.ctx.Game.Scenario().ActorIndex(id)
	if !ok {
		t.Fatalf("no actor %s", id)
	}
	return i
}

// chooseOrder adds an action to the player's orders with the keys a
// player would press: the Orders pane, the cursor moved to the action's
// row, space.
func chooseOrder(t testing.TB, a *App, action string) {
	t.Helper()
	press(a, "1")
	d := dash(a)
	rows := d.orders.rows()
	want := slices.IndexFunc(rows, func(r orderRow) bool { return d.sc().Actions[r.action].ID == action })
	if want < 0 {
		t.Fatalf("%s has no action %s", d.sc().Actors[d.player()].ID, action)
	}
	for d.orders.cursor < want {
		press(a, "down")
	}
	for d.orders.cursor > want {
		press(a, "up")
	}
	press(a, "space")
	if !slices.ContainsFunc(a.ctx.Game.Orders(), func(o game.Order) bool { return o.Action == action }) {
		t.Fatalf("space did not add %s:\n%s", action, screen(a))
	}
}

// seatTexts is every text a seat can reach from its dashboard, by name:
// each pane's frame at this size and at 80x24, the full text of the
// scrolling panes, the end-turn confirmation, the help overlay, the
// replay viewer at this turn and the one before, the rewind picker and
// the quit confirmation. The keys pressed leave the game as it was
// (checked), back on the Orders pane.
func seatTexts(t testing.TB, a *App) map[string]string {
	t.Helper()
	g := a.ctx.Game
	before, orders := g.State().Hash(), ordersKey(g.Orders())
	out := map[string]string{}
	w, h := a.ctx.Width, a.ctx.Height
	for _, size := range [][2]int{{w, h}, {80, 24}} {
		a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for i, name := range paneNames {
			press(a, fmt.Sprint(i+1))
			out[fmt.Sprintf("%s pane %dx%d", name, size[0], size[1])] = screen(a)
		}
	}
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	d := dash(a)
	out["World text"], out["News text"], out["Why text"] = ansi.Strip(d.worldText(100)), ansi.Strip(d.newsText(100)), ansi.Strip(d.whyText(100))
	out["Charts text"] = ansi.Strip(d.panes[paneCharts].view(100, 80))
	press(a, "E")
	out["end-turn confirmation"] = screen(a)
	press(a, "n", "?")
	out["help"] = screen(a)
	press(a, "?", "v")
	out["viewer now"] = screen(a)
	if v, ok := a.screen.(*viewer); ok {
		out["viewer now: world"] = ansi.Strip(v.dash.worldText(100)) + ansi.Strip(v.dash.whyText(100)) + ansi.Strip(v.dash.newsText(100))
		press(a, "left")
		out["viewer before"] = screen(a)
		out["viewer before: world"] = ansi.Strip(v.dash.worldText(100)) + ansi.Strip(v.dash.whyText(100)) + ansi.Strip(v.dash.newsText(100))
	}
	press(a, "esc", "R")
	out["rewind picker"] = screen(a)
	press(a, "esc", "q")
	out["quit confirmation"] = screen(a)
	press(a, "n", "1")
	if g.State().Hash() != before || ordersKey(g.Orders()) != orders {
		t.Fatal("looking around changed the game")
	}
	if _, ok := a.screen.(*dashboard); !ok {
		t.Fatalf("looking around left the dashboard for %s", a.screen.Name())
	}
	return out
}

// secrets are what a seat must not see: the other human seats' orders not
// yet resolved, and every covert order of another actor that has not come
// to light, as the action names the screens would print.
func secrets(a *App, viewer int) map[string]string {
	g := a.ctx.Game
	sc := g.Scenario()
	st := g.State()
	out := map[string]string{}
	// Names the viewer has seen in a report: an action taken in public
	// before may show again (it is its own pending order that is secret).
	public := map[string]bool{}
	for turn := 1; turn <= len(g.Match.Turns); turn++ {
		rep := sc.ReportFor(&g.Match.States[turn], g.Match.Report(turn), viewer)
		for _, o := range rep.Orders {
			public[o.Action] = true
		}
	}
	for _, h := range g.Humans() {
		if h == viewer {
			continue
		}
		for _, o := range g.seat(h).orders {
			if !public[o.Action] {
				ai, _ := sc.ActionIndex(o.Action)
				out[sc.Actions[ai].Name] = fmt.Sprintf("%s's order not yet resolved", sc.Actors[h].Name)
			}
		}
	}
	for _, c := range st.Covert {
		// A covert action exposed another time is named in public then:
		// its name alone cannot tell this secret order from that one.
		if c.Actor != viewer && c.Exposed == 0 && !public[sc.Actions[c.Action].ID] {
			out[sc.Actions[c.Action].Name] = fmt.Sprintf("%s's covert order of %s, never exposed", sc.Actors[c.Actor].Name, sc.Date(c.Turn))
		}
	}
	return out
}

// requireNoSecrets fails for every secret a text shows.
func requireNoSecrets(t testing.TB, who string, texts map[string]string, secret map[string]string) {
	t.Helper()
	names := make([]string, 0, len(texts))
	for n := range texts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		flat := unhyphen(strings.Join(strings.Fields(strings.NewReplacer("║", " ", "│", " ").Replace(texts[n])), " "))
		for s, what := range secret {
			if strings.Contains(flat, s) {
				t.Errorf("%s: the %s shows %q (%s):\n%s", who, n, s, what, texts[n])
			}
		}
	}
}

// requireHiddenStats checks that the World pane of a seat shows every
// other actor's secret stats as the public estimate (marked ?), never the
// real value, and that only Beijing reads the real capability gap.
func requireHiddenStats(t testing.TB, a *App, who string, texts map[string]string) {
	t.Helper()
	g := a.ctx.Game
	sc, st, pack := g.Scenario(), g.State(), g.Pack
	v := sc.View(st, g.Player, false)
	lines := strings.Split(texts["World text"], "\n")
	for b, ad := range sc.Actors {
		if b == g.Player {
			continue
		}
		// The actor's rows: its name, then the indented rows below it.
		var rows []string
		for i, l := range lines {
			if strings.HasPrefix(l, ad.Name+" ") {
				rows = append(rows, l)
				for _, m := range lines[i+1:] {
					if !strings.HasPrefix(m, " ") {
						break
					}
					rows = append(rows, m)
				}
				break
			}
		}
		block := strings.Join(rows, "\n")
		for s := range game.NumStats {
			if !ad.Has[s] || !ad.Hidden[s] {
				continue
			}
			short := pack.T("stats." + s.String() + ".short")
			est, real := v.Stat(b, s), st.Stat(b, s)
			if !strings.Contains(block, fmt.Sprintf("%s %d?", short, est)) {
				t.Errorf("%s: the World pane should show %s's secret %s as the estimate %d?:\n%s", who, ad.Name, short, est, block)
			}
			if real != est && regexp.MustCompile(fmt.Sprintf(`%s %d([^?\d]|$)`, short, real)).MatchString(block) {
				t.Errorf("%s: the World pane shows %s's real %s %d:\n%s", who, ad.Name, short, real, block)
			}
		}
	}
	if !gapKnown(sc, st, g.Player) {
		for n, text := range texts {
			if strings.Contains(text, "Real US-China gap") || regexp.MustCompile(`Gap -?\d+ real`).MatchString(text) {
				t.Errorf("%s: the %s shows the real capability gap", who, n)
			}
		}
	}
}

// TestHotSeatHidesEverySecret plays a three-human game through two turns
// with the keys, and at every step renders every screen the seat at the
// keyboard can reach (hand-over pages, briefings, reports, every pane at
// two sizes and in full, dialogs, help, the replay viewer): no seat ever
// sees another's orders before they resolve, another's covert orders that
// have not come to light (Beijing stockpiles chips and tolerates the grey
// market, Abu Dhabi hedges with a Chinese cloud), another's secret
// numbers or, but for Beijing, the real capability gap. Each seat does see
// its own.
func TestHotSeatHidesEverySecret(t *testing.T) {
	a := hotSeatApp(t, threeSeats, leakSeed, false, 120, 40)
	g := a.ctx.Game
	sc := g.Scenario()
	ana, bo, cy := actorOf(t, a, "washington"), actorOf(t, a, "beijing"), actorOf(t, a, "abudhabi")
	plans := map[int][][]string{
		ana: {{"tighten_controls"}, {"net_assessment"}},
		bo:  {{"stockpile_chips", "grey_market_chips"}, {"state_chip_fund"}},
		cy:  {{"hedge_chinese_cloud"}, {"arabic_models"}},
	}
	for turn := 1; turn <= 2; turn++ {
		for _, seat := range []int{ana, bo, cy} {
			who := fmt.Sprintf("turn %d, %s", turn, g.Who(seat))
			h := handoverOf(t, a)
			if h.seat != seat {
				t.Fatalf("%s: the hand-over is to %s", who, g.Who(h.seat))
			}
			page := screen(a)
			if !strings.Contains(strings.Join(strings.Fields(page), " "), "Pass to "+g.Who(seat)) {
				t.Errorf("%s: the hand-over page should say whom to pass to:\n%s", who, page)
			}
			// The page is seen by whoever had the keyboard and whoever
			// takes it: it shows nobody's secrets.
			for _, viewer := range g.Humans() {
				requireNoSecrets(t, who+" (hand-over page)", map[string]string{"hand-over page": page}, secrets(a, viewer))
			}
			press(a, "?")
			requireNoSecrets(t, who+" (hand-over help)", map[string]string{"help": screen(a)}, secrets(a, seat))
			press(a, "?", "enter")
			if g.Player != seat {
				t.Fatalf("%s: enter on the hand-over should give the screens to %s", who, g.Who(seat))
			}
			switch s := a.screen.(type) {
			case *briefing:
				requireNoSecrets(t, who, map[string]string{"briefing": ansi.Strip(s.content(110)) + screen(a)}, secrets(a, seat))
				press(a, "enter")
			case *resolution:
				text := ansi.Strip(s.content(110)) + screen(a)
				requireNoSecrets(t, who, map[string]string{"report": text}, secrets(a, seat))
				// Its own covert orders are in its own report.
				for _, o := range g.Match.Turns[len(g.Match.Turns)-1].Orders {
					if ai, _ := sc.ActionIndex(o.Action); o.Actor == sc.Actors[seat].ID && sc.Actions[ai].Covert &&
						!strings.Contains(strings.Join(strings.Fields(text), " "), sc.Actions[ai].Name+" (covert)") {
						t.Errorf("%s: the report should show its own covert order %s", who, sc.Actions[ai].Name)
					}
				}
				press(a, "enter")
			}
			if _, ok := a.screen.(*dashboard); !ok {
				t.Fatalf("%s: after the hand-over the dashboard should follow, got %s", who, a.screen.Name())
			}
			if len(g.Orders()) != 0 {
				t.Fatalf("%s: the seat starts its turn with orders %v", who, g.Orders())
			}
			texts := seatTexts(t, a)
			requireNoSecrets(t, who, texts, secrets(a, seat))
			requireHiddenStats(t, a, who, texts)
			for _, action := range plans[seat][turn-1] {
				chooseOrder(t, a, action)
			}
			texts = seatTexts(t, a)
			requireNoSecrets(t, who+" with orders", texts, secrets(a, seat))
			press(a, "E", "y")
		}
		if got := len(g.Match.Turns); got != turn {
			t.Fatalf("after every seat submitted, %d turns are resolved, want %d", got, turn)
		}
		// Every human seat's orders were resolved together.
		resolved := g.Match.Turns[turn-1].Orders
		for seat, plan := range plans {
			for _, action := range plan[turn-1] {
				if !slices.ContainsFunc(resolved, func(o game.Order) bool { return o.Actor == sc.Actors[seat].ID && o.Action == action }) {
					t.Errorf("turn %d: %s's order %s was not resolved", turn, sc.Actors[seat].ID, action)
				}
			}
		}
	}
	// The test would prove nothing if everything had come to light.
	secret := 0
	for _, c := range g.State().Covert {
		if c.Exposed == 0 {
			secret++
		}
	}
	if secret == 0 {
		t.Fatalf("seed %d: every covert order came to light; pick a seed that keeps some secret", leakSeed)
	}
	// And the first seat of turn 3 sees none of them.
	h := handoverOf(t, a)
	requireNoSecrets(t, "turn 3 hand-over", map[string]string{"hand-over page": screen(a)}, secrets(a, h.seat))
	press(a, "enter")
	if r, ok := a.screen.(*resolution); ok {
		requireNoSecrets(t, "turn 3 report", map[string]string{"report": ansi.Strip(r.content(110))}, secrets(a, h.seat))
	}
}

// Orders are simultaneous: the first player's submission passes the
// keyboard without resolving anything, the second's resolves the turn
// with both players' orders, and each player then reads their own report
// behind a hand-over before giving their next orders. Names are on the
// screens.
func TestHotSeatTurnFlow(t *testing.T) {
	a := hotSeatApp(t, twoSeats, 9, false, 80, 24)
	g := a.ctx.Game
	ana, bo := actorOf(t, a, "washington"), actorOf(t, a, "beijing")
	if !g.HotSeat() || handoverOf(t, a).seat != ana {
		t.Fatalf("a two-human game opens on the hand-over to Ana:\n%s", screen(a))
	}
	press(a, "enter")
	if _, ok := a.screen.(*briefing); !ok || !strings.Contains(screen(a), "BRIEFING  Washington (Ana)") {
		t.Fatalf("Ana's briefing comes first, with her name:\n%s", screen(a))
	}
	press(a, "enter")
	if !strings.Contains(screen(a), "Washington (Ana)") {
		t.Errorf("the dashboard's header names the player:\n%s", screen(a))
	}
	chooseOrder(t, a, "tighten_controls")
	press(a, "E")
	if q, d := dialogText(a); q != "End turn 1 (H1 2025) for Washington (Ana)?" || !strings.Contains(d, "1 more player to give orders") {
		t.Errorf("the confirmation says whose turn ends and who is left: %q %q", q, d)
	}
	press(a, "y")
	if len(g.Match.Turns) != 0 || handoverOf(t, a).seat != bo || !g.Submitted(ana) {
		t.Fatalf("Ana's submission passes the keyboard to Bo without resolving: %d turns", len(g.Match.Turns))
	}
	if !strings.Contains(screen(a), "Washington (Ana) ✓ orders in") {
		t.Errorf("the hand-over says who has handed in orders:\n%s", screen(a))
	}
	press(a, "enter")
	if _, ok := a.screen.(*briefing); !ok {
		t.Fatalf("Bo reads his briefing first, got %s", a.screen.Name())
	}
	press(a, "esc")
	if _, ok := a.screen.(*briefing); !ok || a.ctx.Game == nil {
		t.Fatal("once Ana has given orders, esc on Bo's briefing cannot drop the game")
	}
	press(a, "enter")
	if len(g.Orders()) != 0 {
		t.Fatalf("Bo starts with Ana's orders: %v", g.Orders())
	}
	chooseOrder(t, a, "state_chip_fund")
	press(a, "E")
	if _, d := dialogText(a); !strings.Contains(d, "You are the last") {
		t.Errorf("the last player is told the turn resolves: %q", d)
	}
	press(a, "y")
	if len(g.Match.Turns) != 1 {
		t.Fatalf("the last submission resolves the turn")
	}
	orders := g.Match.Turns[0].Orders
	for _, want := range []game.Order{{Actor: "washington", Action: "tighten_controls"}, {Actor: "beijing", Action: "state_chip_fund"}} {
		if !slices.Contains(orders, want) {
			t.Errorf("the turn was resolved without %v: %v", want, orders)
		}
	}
	for _, seat := range []int{ana, bo} {
		h := handoverOf(t, a)
		if h.seat != seat || !strings.Contains(screen(a), "your report of H1 2025") {
			t.Fatalf("the report goes to %s behind a hand-over:\n%s", g.Who(seat), screen(a))
		}
		press(a, "enter")
		if r, ok := a.screen.(*resolution); !ok || g.Player != seat {
			t.Fatalf("%s reads the report, got %s", g.Who(seat), a.screen.Name())
		} else if !strings.Contains(screen(a), g.Who(seat)) || !strings.Contains(screen(a), "enter: your orders") {
			t.Errorf("the report names its reader:\n%s", screen(a))
		} else if r.rep.Orders == nil {
			t.Error("the report is empty")
		}
		press(a, "enter")
		if _, ok := a.screen.(*dashboard); !ok || g.State().Turn != 2 {
			t.Fatalf("then the orders of turn 2, got %s", a.screen.Name())
		}
		press(a, "E", "y")
	}
	if len(g.Match.Turns) != 2 {
		t.Fatalf("turn 2 resolves once both have submitted, %d turns", len(g.Match.Turns))
	}
}

// A hot-seat game saved in the middle of a turn keeps every seat's orders
// and who has submitted; loading it passes the keyboard to the next player
// to give orders, with theirs as they were, and the save lists both
// players.
func TestHotSeatSaveAndLoadMidTurn(t *testing.T) {
	st := tempStore(t)
	a := boot(withStore(Options{Start: &StartOptions{Seats: twoSeats, Seed: 9}, Tick: noTick}, st), 80, 24)
	g := a.ctx.Game
	ana, bo := actorOf(t, a, "washington"), actorOf(t, a, "beijing")
	drive(a, "enter", "enter")
	chooseOrder(t, a, "tighten_controls")
	drive(a, "E", "y", "enter", "enter")
	chooseOrder(t, a, "stockpile_chips")
	drive(a, "s", "ctrl+u")
	typeText(a, "class")
	drive(a, "enter")
	e := slotEntry(t, st, "class")
	if p := e.Save.Preview.Actor; p != "Washington (Ana), Beijing (Bo)" {
		t.Errorf("the save lists the players: %q", p)
	}
	drive(a, "q")
	if _, d := dialogText(a); !strings.Contains(d, `The players' orders for this turn are in the save "class"`) {
		t.Errorf("the quit confirmation knows the orders are saved: %q", d)
	}
	b := boot(withStore(Options{Resume: e.Save, Tick: noTick}, st), 80, 24)
	h := b.ctx.Game
	if h == nil {
		t.Fatalf("the save does not load: %v", b.err)
	}
	if !h.Submitted(ana) || h.Submitted(bo) || !slices.Equal(h.seat(ana).orders, g.seat(ana).orders) || !slices.Equal(h.seat(bo).orders, g.seat(bo).orders) {
		t.Fatalf("the loaded game's turn in progress differs: %+v %+v", *h.seat(ana), *h.seat(bo))
	}
	if handoverOf(t, b).seat != bo {
		t.Fatal("loading passes the keyboard to the player who has not submitted")
	}
	drive(b, "enter")
	if _, ok := b.screen.(*dashboard); !ok || b.ctx.Game.Player != bo || len(h.Orders()) != 1 {
		t.Fatalf("Bo's dashboard with his order follows, got %s", b.screen.Name())
	}
	drive(b, "E", "y")
	if len(h.Match.Turns) != 1 || !slices.Contains(h.Match.Turns[0].Orders, game.Order{Actor: "washington", Action: "tighten_controls"}) {
		t.Fatal("the loaded game resolves with Ana's saved orders")
	}
	// The load screen will not show a hot-seat game in progress turn by
	// turn: any seat's view would give that player's secrets away.
	c := boot(withStore(Options{Tick: noTick}, st), 80, 24)
	openLoadScreen(t, c)
	cursorTo(t, c, "class")
	if s := stripped(screen(c)); !strings.Contains(s, "Players Washington (Ana), Beijing (Bo)") || strings.Contains(s, "Score") {
		t.Errorf("the load screen lists the players and no one's score:\n%s", screen(c))
	}
	drive(c, "v")
	if q, _ := dialogText(c); q != "A hot-seat game in progress" {
		t.Errorf("v on a hot-seat game in progress is refused: %q\n%s", q, screen(c))
	}
}

// With three players and a note from the timer, the hand-over page still
// fits the smallest terminal with its instruction on screen.
func TestHandoverFits(t *testing.T) {
	a := hotSeatApp(t, threeSeats, 9, false, 80, 24)
	a.screen = newHandover(a.ctx, actorOf(t, a, "abudhabi"), "Time was up: Beijing (Bo)'s 2 orders went in as they stood.")
	checkFits(t, a)
	s := stripped(screen(a))
	for _, want := range []string{"Pass to Abu Dhabi (Cy)", "Washington (Ana) … to give orders", "Time was up", "enter when Cy is at the keyboard"} {
		if !strings.Contains(s, want) {
			t.Errorf("the page lacks %q:\n%s", want, screen(a))
		}
	}
}

// esc on the first player's briefing, before anyone has given orders,
// goes back to the setup with the seats and names as they were.
func TestHotSeatBackToSetup(t *testing.T) {
	a := hotSeatApp(t, "washington=human:Ana,beijing=human:Player 2,all=bot", 9, true, 80, 24)
	ana, bo := actorOf(t, a, "washington"), actorOf(t, a, "beijing")
	press(a, "enter", "esc")
	s := setupOf(t, a)
	if !s.humans[ana] || !s.humans[bo] || s.humanCount() != 2 || s.names[ana] != "Ana" || s.playerName(bo) != "Player 2" || !s.facilitator {
		t.Errorf("the setup keeps the seats: humans %v names %q facilitator %v", s.humans, s.names, s.facilitator)
	}
}

// A save of the format before hot seat (version 2, committed in saves/)
// still loads in the interface: the single player's dashboard with the
// orders they had chosen.
func TestOlderSaveLoadsInTheInterface(t *testing.T) {
	data, err := os.ReadFile("../saves/testdata/v2.zsave")
	if err != nil {
		t.Fatal(err)
	}
	sv, err := saves.DecodeSave(data)
	if err != nil {
		t.Fatal(err)
	}
	a := sized(Options{Resume: sv}, 80, 24)
	g := a.ctx.Game
	if g == nil {
		t.Fatalf("the version-2 save does not load: %v", a.err)
	}
	if _, ok := a.screen.(*dashboard); !ok || g.HotSeat() || len(g.Orders()) != len(sv.Pending) || len(g.Orders()) == 0 {
		t.Fatalf("want the player's dashboard with %d orders, got %s with %v", len(sv.Pending), a.screen.Name(), g.Orders())
	}
}

// Rewinding a hot-seat game starts the branch behind a hand-over to the
// first player, with nobody's orders, and the facilitator still there.
func TestHotSeatRewind(t *testing.T) {
	a := hotSeatApp(t, twoSeats, 9, false, 80, 24)
	g := a.ctx.Game
	press(a, "enter", "enter", "E", "y", "enter", "enter", "E", "y") // turn 1, both
	press(a, "enter", "enter")                                       // Ana reads her report
	chooseOrder(t, a, "tighten_controls")
	press(a, "R", "enter", "y")
	b := a.ctx.Game
	if b == g || b.Match.Branch == "" || len(b.Match.Turns) != 0 {
		t.Fatalf("R enter y rewinds to turn 1 as a branch")
	}
	if h := handoverOf(t, a); h.seat != actorOf(t, a, "washington") || b.PendingCount() != 0 {
		t.Fatalf("the branch opens on the hand-over to Ana with no orders")
	}
}
