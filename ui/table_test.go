package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
)

// tableSeatFor is Washington's seat at a table of Flashpoint (seed 9)
// where Beijing is held by another player: the App's copy names
// Washington alone as human. submitted receives what Submit is given.
func tableSeatFor(t *testing.T, submitted *[][]game.Order) (*TableSeat, *match.Match) {
	t.Helper()
	p, err := content.Load("flashpoint")
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	seats := make([]match.Seat, len(sc.Actors))
	for a, b := range sim.BotsFor(sc, 9, bot.Normal) {
		seats[a] = match.Seat{Bot: b}
	}
	seats[0] = match.Seat{Human: true, Name: "Ana"}
	m, err := match.New(sc, 9, seats)
	if err != nil {
		t.Fatal(err)
	}
	return &TableSeat{Pack: p, Match: m, Seat: 0, Submit: func(o []game.Order) { *submitted = append(*submitted, o) }}, m
}

// drain runs a command and those it returns, as a program would, and
// hands their messages back to the App.
func drain(a *App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch m := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			drain(a, c)
		}
	default:
		_, next := a.Update(m)
		drain(a, next)
	}
}

// TestTableSeat plays a seat of a shared table: the briefing, an order,
// the end of the turn hands the orders to the table and waits (with who
// else has submitted), and the table's next turn opens the report, then
// the dashboard of turn 2. Saving and rewinding are not the player's.
func TestTableSeat(t *testing.T) {
	var submitted [][]game.Order
	ts, m := tableSeatFor(t, &submitted)
	a := sized(Options{Table: ts}, 100, 30)
	if _, ok := a.screen.(*briefing); !ok {
		t.Fatalf("a seat opens on its briefing, got %s", a.screen.Name())
	}
	press(a, "esc")
	if _, ok := a.screen.(*briefing); !ok {
		t.Fatalf("esc on a table's briefing should stay there (no setup to go back to), got %s", a.screen.Name())
	}
	press(a, "enter", "space", "s")
	if !strings.Contains(screen(a), "At a shared table the server keeps the game") {
		t.Fatalf("s should say saving is the server's:\n%s", screen(a))
	}
	press(a, "E")
	_, cmd := a.Update(keyMsg("y"))
	drain(a, cmd)
	if len(submitted) != 1 || len(submitted[0]) != 1 || submitted[0][0].Actor != "washington" {
		t.Fatalf("the table was handed %v, want Washington's one order", submitted)
	}
	if _, ok := a.screen.(*tableWait); !ok {
		t.Fatalf("after submitting, the seat waits for the table; got %s", a.screen.Name())
	}
	a.Update(TableStatusMsg{Lines: []string{"Washington (Ana) ✓ orders in", "Beijing (Bo) … giving orders"}})
	requireScreen(t, a)
	if n := len(m.Turns); n != 0 {
		t.Fatalf("the App played a turn itself (%d turns)", n)
	}

	// The table resolves the turn and sends the next copy.
	next := *m
	next.States, next.Turns = slices.Clone(m.States), slices.Clone(m.Turns)
	if _, err := next.Play(map[int][]game.Order{0: submitted[0]}); err != nil {
		t.Fatal(err)
	}
	a.Update(TableTurnMsg{Match: &next})
	if _, ok := a.screen.(*resolution); !ok {
		t.Fatalf("the table's turn should open the report, got %s", a.screen.Name())
	}
	press(a, "enter")
	if _, ok := a.screen.(*dashboard); !ok || !strings.Contains(screen(a), "Turn 2/6") {
		t.Fatalf("after the report, the dashboard of turn 2:\n%s", screen(a))
	}
	if len(a.ctx.Game.Orders()) != 0 || a.ctx.Game.Submitted(0) {
		t.Fatal("turn 2 starts with the orders of turn 1")
	}
	orders, done := a.TableSeatOrders()
	if len(orders) != 0 || done {
		t.Fatalf("TableSeatOrders: %v %v", orders, done)
	}
}
