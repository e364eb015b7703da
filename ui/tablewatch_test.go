package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
)

// watchedMatch is a table of Flashpoint (seed 5) after one turn in which
// Beijing, held by a player, gave two covert orders.
func watchedMatch(t *testing.T) (*content.Pack, *match.Match, []string) {
	t.Helper()
	p, err := content.Load("flashpoint")
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	seats := make([]match.Seat, len(sc.Actors))
	for a, b := range sim.BotsFor(sc, 5, bot.Normal) {
		seats[a] = match.Seat{Bot: b}
	}
	bj, _ := sc.ActorIndex("beijing")
	seats[bj] = match.Seat{Human: true, Name: "Bo"}
	m, err := match.New(sc, 5, seats)
	if err != nil {
		t.Fatal(err)
	}
	covert := []game.Order{{Actor: "beijing", Action: "stockpile_chips"}, {Actor: "beijing", Action: "grey_market_chips"}}
	if _, err := m.Play(map[int][]game.Order{bj: covert}); err != nil {
		t.Fatal(err)
	}
	var secret []string
	for _, c := range m.State().Covert {
		if c.Actor == bj && c.Exposed == 0 {
			secret = append(secret, sc.Actions[c.Action].Name)
		}
	}
	if len(secret) == 0 {
		t.Fatal("seed 5: both covert orders came to light; pick a seed that keeps one secret")
	}
	return p, m, secret
}

// TestTableWatch is a spectator's screen: the table, the public orders of
// the last turn, the news and the world as everyone may know it; never a
// covert order that stayed secret, nor a secret number (Beijing's are
// public estimates, marked), nor the facilitator's full view.
func TestTableWatch(t *testing.T) {
	p, m, secret := watchedMatch(t)
	a := sized(Options{Watch: &TableWatch{Pack: p, Match: m}}, 100, 30)
	w, ok := a.screen.(*tableWatch)
	if !ok {
		t.Fatalf("a spectator opens on the public view, got %s", a.screen.Name())
	}
	a.Update(TableStatusMsg{Lines: []string{"Washington: a bot plays", "Beijing: Bo, connected … giving orders"}})
	requireScreen(t, a)
	page := stripped(w.doc.vp.GetContent())
	for _, want := range []string{"Beijing: Bo, connected … giving orders", "What everyone did in H1 2025", "Covert actions that came to light", "The world", "Swing states"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	for _, name := range secret {
		if strings.Contains(page, name) {
			t.Errorf("the spectator's page shows Beijing's secret covert order %q", name)
		}
	}
	for _, never := range []string{"Every actor's real numbers", "Covert actions so far", "real gap", "(covert)"} {
		if strings.Contains(page, never) {
			t.Errorf("the spectator's page shows the facilitator's %q", never)
		}
	}
	sc := p.Scenario
	bj, _ := sc.ActorIndex("beijing")
	pub := sc.View(m.State(), -1, false)
	for s := range game.NumStats {
		if sc.Actors[bj].Hidden[s] && m.State().Stat(bj, s) != pub.Stat(bj, s) {
			est := pub.Stat(bj, s)
			if !strings.Contains(page, "~"+itoa(est)) {
				t.Errorf("Beijing's secret %s should read as its public estimate ~%d:\n%s", s, est, page)
			}
		}
	}
	// Keys scroll; the facilitator's key is not a spectator's.
	press(a, "pgdown", "f2")
	if _, ok := a.screen.(*tableWatch); !ok || !strings.Contains(screen(a), "The facilitator's screen is your teacher's.") {
		t.Fatalf("F2 on a spectator's screen:\n%s", screen(a))
	}
	// The table's next turn: the page follows.
	next := *m
	next.States, next.Turns = append([]game.State(nil), m.States...), append([]match.Turn(nil), m.Turns...)
	if _, err := next.Play(map[int][]game.Order{bj: nil}); err != nil {
		t.Fatal(err)
	}
	a.Update(TableTurnMsg{Match: &next})
	if !strings.Contains(screen(a), "Turn 3 of 6") {
		t.Fatalf("the page did not follow the table to turn 3:\n%s", screen(a))
	}
	// A spectator has nothing to lose: q leaves at once.
	_, cmd := a.Update(keyMsg("q"))
	if cmd == nil || len(a.dialogs) > 0 {
		t.Fatal("q on a spectator's screen should quit at once")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q on a spectator's screen should quit at once")
	}
}

// TestTableFacilitator is the facilitator's screen of a table: it opens
// on the facilitator's screen with the public view behind it (esc, F2),
// follows the table (who has submitted, the settings another facilitator
// changed), hands its settings to the table, and resolving the turn now
// asks the table to.
func TestTableFacilitator(t *testing.T) {
	p, m, secret := watchedMatch(t)
	resolved := 0
	tf := &TableFacilitator{Pack: p, Match: m, TimerMinutes: 2, Resolve: func() { resolved++ }}
	a := sized(Options{TableFacil: tf, Tick: noTick}, 100, 30)
	if _, ok := a.screen.(*facilitatorScreen); !ok {
		t.Fatalf("the facilitator opens on their screen, got %s", a.screen.Name())
	}
	if txt := screen(a); !strings.Contains(txt, "Beijing (Bo)") || !strings.Contains(txt, "2 min per player") {
		t.Fatalf("the screen shows the player and the table's timer:\n%s", txt)
	}
	bj, _ := p.Scenario.ActorIndex("beijing")
	a.Update(TableFacilMsg{Submitted: []int{bj}, Pause: true, TimerMinutes: 2, Waiting: true})
	if txt := screen(a); !strings.Contains(txt, "Beijing (Bo) ✓ orders in") || !strings.Contains(txt, "ALL ORDERS ARE IN") {
		t.Fatalf("the table's news should show:\n%s", txt)
	}
	press(a, "down", "left") // pausing off
	pause, minutes, _, ok := a.TableFacilSettings()
	if !ok || pause || minutes != 2 {
		t.Fatalf("settings for the table: pause %v, %d minutes (%v)", pause, minutes, ok)
	}
	press(a, "esc")
	w, ok := a.screen.(*tableWatch)
	if !ok {
		t.Fatalf("esc shows the public view, got %s", a.screen.Name())
	}
	for _, name := range secret {
		if strings.Contains(stripped(w.doc.vp.GetContent()), name) {
			t.Errorf("the public view behind the facilitator's screen shows %q", name)
		}
	}
	press(a, "f2")
	if _, ok := a.screen.(*facilitatorScreen); !ok {
		t.Fatalf("F2 goes back to the facilitator's screen, got %s", a.screen.Name())
	}
	press(a, "enter") // Resolve the turn now (the screen opens on it)
	_, cmd := a.Update(keyMsg("y"))
	drain(a, cmd)
	if resolved != 1 {
		t.Fatalf("resolving the turn now asked the table %d times, want 1", resolved)
	}
	if n := len(m.Turns); n != 1 {
		t.Fatalf("the facilitator's App played a turn itself (%d turns)", n)
	}
}
