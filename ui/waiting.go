package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zerosum/text"
)

// waitingRoom is what the room sees while a turn waits for the
// facilitator: every player's orders are in (or the bots' turn is next
// when they play alone), and the facilitator resolves it from their own
// screen, behind their key. It shows nothing anyone could not see: no
// orders, no queued news, no hidden numbers. The turn never opens the
// facilitator's screen by itself, not even when the order timer runs out.
type waitingRoom struct {
	ctx  *Context
	note string // said on the page: the timer submitted the last player's orders
}

// newWaitingRoom is the page of a turn that waits for the facilitator.
func newWaitingRoom(ctx *Context, note string) *waitingRoom {
	ctx.Game.Facil.Waiting = true
	return &waitingRoom{ctx: ctx, note: note}
}

// Update has nothing to do: the facilitator's key is the App's.
func (r *waitingRoom) Update(tea.Msg) (Screen, tea.Cmd) { return r, nil }

// Name is shown in the help overlay.
func (r *waitingRoom) Name() string { return text.T("Waiting for the facilitator") }

// Keys are the page's keys for the footer.
func (r *waitingRoom) Keys() []key.Binding {
	f := r.ctx.Keys.Facilitator
	f.SetHelp("F2", text.T("facilitator: resolve the turn"))
	return []key.Binding{f}
}

// KeyGroups are the page's keys for the help overlay.
func (r *waitingRoom) KeyGroups() [][]key.Binding { return [][]key.Binding{r.Keys()} }

// View draws the page: the turn, who has handed in orders, and what
// happens next.
func (r *waitingRoom) View() string {
	ctx, t, g := r.ctx, r.ctx.Theme, r.ctx.Game
	iw, center := roomColumn(ctx)
	sc := g.Scenario()
	turn := min(g.State().Turn, sc.Turns)
	head := text.T("ALL ORDERS ARE IN")
	if g.Spectating() {
		head = text.T("THE BOTS' TURN IS READY")
	}
	lines := []string{
		center.Render(t.Muted.Render(text.F("Turn %d of %d · %s", turn, sc.Turns, text.Half(sc.HalfYear(turn))))), "",
		center.Render(t.Title.Render(head)), "",
	}
	if !g.Spectating() {
		lines = append(lines, center.Render(strings.Join(docFlow(ctx.seatStatus(text.T("to give orders")), "   ", iw), "\n")), "")
	}
	lines = append(lines, center.Render(wrap(text.T("The turn waits for the facilitator, who resolves it when the room is ready. Every order is resolved at the same time."), iw)))
	if r.note != "" {
		lines = append(lines, "", center.Render(t.Warn.Render(wrap(r.note, iw))))
	}
	lines = append(lines, "", center.Render(t.Key.Render("F2")+" "+t.Bold.Render(text.T("facilitator only: the facilitator's screen"))))
	return roomPage(ctx, lines)
}
