package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
	"zerosum/saves"
	"zerosum/text"
)

// This file puts the App at one seat of a table that several players
// share, each at their own terminal (zerosum serve). The table, not the
// App, owns the match: the App gets its own copy of it in which its seat is
// the only human one, so every screen shows that seat's view exactly as
// in a single-player game. Submitting hands the orders to the table and
// waits; the table sends the next copy when every seated player has
// submitted and the turn is resolved.

// TableSeat is the seat an App plays at a shared table.
type TableSeat struct {
	Pack *content.Pack
	// Match is the table's match as this seat's copy: this seat is its only
	// human seat. The App reads it and never plays a turn on it.
	Match *match.Match
	Seat  int
	// Orders are the seat's orders in progress (kept over a reconnect);
	// Submitted says they were handed in already this turn.
	Orders    []game.Order
	Submitted bool
	// Submit hands the seat's orders to the table. It is called away from
	// the program's own goroutine and may send the program messages.
	Submit func(orders []game.Order)
}

// TableTurnMsg tells a seat's App that the table resolved a turn: Match is
// its copy of the match after it.
type TableTurnMsg struct{ Match *match.Match }

// TableStatusMsg tells a seat's App who at the table has handed in orders,
// one line per seat, with nothing of the orders themselves.
type TableStatusMsg struct{ Lines []string }

// TableSeatOrders are the orders in progress of the seat an App plays at a
// table and whether they were submitted, for the table to keep when the
// player leaves. Call it only once the program has stopped.
func (a *App) TableSeatOrders() ([]game.Order, bool) {
	g := a.ctx.Game
	if g == nil || a.ctx.Opts.Table == nil {
		return nil, false
	}
	st := g.seat(g.Player)
	return slices.Clone(st.orders), st.submitted
}

// tableSession builds the session of a seat at a table.
func tableSession(t *TableSeat) (*Session, error) {
	if t.Pack == nil || t.Match == nil || t.Seat < 0 || t.Seat >= len(t.Match.Seats) || !t.Match.Seats[t.Seat].Human {
		return nil, fmt.Errorf("the table gave this screen no seat to play")
	}
	g := &Session{Pack: t.Pack, Match: t.Match, Player: t.Seat, Saved: true, Settings: saves.Settings{}}
	st := g.seat(t.Seat)
	st.orders, st.submitted = slices.Clone(t.Orders), t.Submitted
	st.briefed, st.seen = true, len(t.Match.Turns)
	return g, nil
}

// tableFirstScreen is the screen a seat opens on: the briefing before the
// first orders, the wait when its orders are in, else the dashboard.
func (c *Context) tableFirstScreen() Screen {
	g := c.Game
	switch {
	case g.Match.Over():
		return newEnd(c)
	case g.seat(g.Player).submitted:
		return newTableWait(c)
	case len(g.Match.Turns) == 0 && len(g.Orders()) == 0:
		return newBriefing(c)
	}
	return newDashboard(c)
}

// submitToTable hands the seat's orders to the table and waits for the
// others.
func (c *Context) submitToTable() tea.Cmd {
	g := c.Game
	g.seat(g.Player).submitted = true
	g.clock.stop()
	c.flash = ""
	c.SwitchTo(newTableWait(c))
	orders, submit := slices.Clone(g.Orders()), c.Opts.Table.Submit
	return func() tea.Msg {
		submit(orders)
		return nil
	}
}

// tableTurn shows the report of the turn the table resolved.
func (c *Context) tableTurn(m TableTurnMsg) {
	g := c.Game
	if g == nil || m.Match == nil {
		return
	}
	if c.Opts.Table == nil {
		g.Match = m.Match // a spectator: the page follows
		return
	}
	g.Match = m.Match
	g.clearTurn()
	g.seat(g.Player).seen = len(m.Match.Turns)
	c.SwitchTo(newResolution(c, len(m.Match.Turns)))
}

// tableWait is the page a seated player sees once their orders are in:
// who else has handed theirs in, and nothing of anyone's orders.
type tableWait struct{ ctx *Context }

func newTableWait(ctx *Context) *tableWait { return &tableWait{ctx: ctx} }

// Update has nothing to do: the table sends the next turn.
func (w *tableWait) Update(tea.Msg) (Screen, tea.Cmd) { return w, nil }

// Name is shown in the help overlay.
func (w *tableWait) Name() string { return text.T("Waiting for the table") }

// Keys are the page's keys for the footer.
func (w *tableWait) Keys() []key.Binding { return nil }

// KeyGroups are the page's keys for the help overlay.
func (w *tableWait) KeyGroups() [][]key.Binding { return nil }

// View draws the page.
func (w *tableWait) View() string {
	ctx, t, g := w.ctx, w.ctx.Theme, w.ctx.Game
	iw, center := roomColumn(ctx)
	sc := g.Scenario()
	turn := min(g.State().Turn, sc.Turns)
	lines := []string{
		center.Render(t.Muted.Render(text.F("Turn %d of %d · %s", turn, sc.Turns, text.Half(sc.HalfYear(turn))))), "",
		center.Render(t.Title.Render(text.T("YOUR ORDERS ARE IN"))), "",
	}
	if len(ctx.tableStatus) > 0 {
		lines = append(lines, center.Render(strings.Join(docFlow(ctx.tableStatus, "   ", iw), "\n")), "")
	}
	lines = append(lines, center.Render(wrap(text.T("The turn resolves when every seated player has submitted. Every order is resolved at the same time; your report opens here."), iw)))
	return roomPage(ctx, lines)
}
