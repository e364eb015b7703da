package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// With a hard bot at the table, ending the turn lets the bots think away
// from the screen: the screen says so, keys wait, and the turn is played
// when their orders arrive, exactly as it would have been at once.
func TestHardBotsThinkAwayFromTheScreen(t *testing.T) {
	opts := Options{Start: &StartOptions{Seats: "washington=human:Ana,beijing=bot:hard,all=bot", Seed: 3}}
	a := sized(opts, 100, 30)
	if a.ctx.Game == nil {
		t.Fatalf("no game: %v", a.err)
	}
	a.screen = newDashboard(a.ctx)
	g := a.ctx.Game
	want := g.Match.BotOrders() // what the bots would order, thought about at once
	cmd := endTurn(t, a)
	if !a.ctx.thinking || !strings.Contains(screen(a), "The bots are thinking") {
		t.Fatalf("the screen should say the bots are thinking:\n%s", screen(a))
	}
	if len(g.Match.Turns) != 0 {
		t.Fatal("the turn was played before the bots had thought")
	}
	press(a, "tab", "E", "y") // keys wait while the bots think
	if len(g.Match.Turns) != 0 || !a.ctx.thinking {
		t.Fatal("a key played the turn while the bots were thinking")
	}
	msg := cmd()
	th, ok := msg.(botsThoughtMsg)
	if !ok {
		t.Fatalf("the command brought %T, not the bots' orders", msg)
	}
	a.Update(th)
	if a.ctx.thinking || len(g.Match.Turns) != 1 {
		t.Fatalf("the bots' orders should play the turn (thinking %v, turns %d)", a.ctx.thinking, len(g.Match.Turns))
	}
	played := g.Match.Turns[0].Orders
	for _, o := range want {
		found := false
		for _, p := range played {
			found = found || p == o
		}
		if !found {
			t.Errorf("the bots' order %v is not among the turn's orders %v", o, played)
		}
	}
	// A late answer for a turn already played changes nothing.
	a.Update(th)
	if len(g.Match.Turns) != 1 {
		t.Error("an answer for an old turn played it again")
	}
}

// endTurn ends the turn on the dashboard and returns the command that
// brings the bots' orders (out of the batch the key gave).
func endTurn(t *testing.T, a *App) func() tea.Msg {
	t.Helper()
	a.Update(keyMsg("E"))
	_, cmd := a.Update(keyMsg("y"))
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch m := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, m...)
		case botsThoughtMsg:
			return func() tea.Msg { return m }
		}
	}
	t.Fatal("ending the turn started no thinking")
	return nil
}
