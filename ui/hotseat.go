package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/text"
)

// This file is the turn's flow between seats. Orders are simultaneous:
// each human at the keyboard composes their own in turn, on their own
// dashboard, and the turn resolves once every one of them has submitted.
// Between two humans stands a full-screen hand-over page that shows
// nothing of anyone's orders or secrets; after it the next player sees
// only what their actor may know. After the resolution each player reads
// their own report, behind a hand-over, then gives their next orders.

// submit hands in the orders of the seat at the keyboard and moves the
// room on: to the next player's hand-over, to the page that waits for the
// facilitator when pausing is on (never to the facilitator's own screen),
// or to the resolution. note is said on the next
// hand-over page (the timer ran out).
func (c *Context) submit(note string) tea.Cmd {
	if c.Opts.Table != nil {
		return c.submitToTable()
	}
	g := c.Game
	g.seat(g.Player).submitted = true
	g.clock.stop()
	c.flash = ""
	if next, ok := g.nextToSubmit(g.Player); ok {
		c.SwitchTo(newHandover(c, next, note))
		return nil
	}
	if f := g.Facil; f != nil && f.Pause {
		// The room waits: only the facilitator's key opens their screen.
		c.SwitchTo(newWaitingRoom(c, note))
		return nil
	}
	return c.resolveTurn()
}

// resolveTurn resolves the turn with every human seat's orders, the bots'
// and the facilitator's queued news, then shows the reports: at once to a
// single player, behind hand-overs in a hot-seat game, on the spectator's
// screen when bots play alone. The start of the next turn is autosaved.
func (c *Context) resolveTurn() tea.Cmd {
	if f := c.Opts.TableFacil; f != nil && f.Resolve != nil {
		resolve := f.Resolve // the table resolves it
		return func() tea.Msg { resolve(); return nil }
	}
	g := c.Game
	if g.Match.Searching() {
		// Hard bots play out futures before they answer: let them think
		// away from the screen, which says so and waits (see botsThought).
		c.thinking = true
		c.Flash(text.T("The bots are thinking: the hard ones play out possible futures…"))
		m, turn := g.Match, len(g.Match.Turns)
		return func() tea.Msg { return botsThoughtMsg{turn: turn, orders: m.BotOrders()} }
	}
	return c.playTurn(g.Match.BotOrders())
}

// botsThoughtMsg carries the bots' orders for a turn, chosen away from the
// screen.
type botsThoughtMsg struct {
	turn   int
	orders []game.Order
}

// botsThought plays the turn the bots have thought about, if it is still
// the turn they thought about.
func (c *Context) botsThought(m botsThoughtMsg) tea.Cmd {
	c.thinking = false
	c.flash = ""
	if c.Game == nil || len(c.Game.Match.Turns) != m.turn {
		return nil
	}
	return c.playTurn(m.orders)
}

// playTurn resolves the turn with the bots' orders given.
func (c *Context) playTurn(bots []game.Order) tea.Cmd {
	g := c.Game
	var inject []game.Injection
	if g.Facil != nil {
		inject = g.Facil.Inject
	}
	rep, err := g.Match.PlayBots(g.AllOrders(), bots, inject)
	if err != nil {
		c.Open(NewNotice(c, text.T("The turn could not be played"), err.Error()))
		return nil
	}
	g.clearTurn()
	g.Saved, g.Kept = false, ""
	switch {
	case g.Spectating():
		c.SwitchTo(newSpectate(c))
	case g.HotSeat() && !g.Match.Over():
		first := g.Humans()[0]
		c.SwitchTo(newHandover(c, first, ""))
	default:
		// One player, or the end of a hot-seat game: nothing is secret any
		// more, so the report is read together.
		if g.HotSeat() {
			g.Player = g.Humans()[0]
			for _, a := range g.Humans() {
				g.seat(a).seen = len(g.Match.Turns)
			}
		}
		c.SwitchTo(newResolution(c, rep.Turn))
	}
	return c.turnDone(g)
}

// takeSeat gives the screens to a human seat after its hand-over: its
// briefing before its first orders, the report of the last turn if it has
// not read it, else its dashboard.
func (c *Context) takeSeat(a int) {
	g := c.Game
	g.Player = a
	c.flash = ""
	st := g.seat(a)
	switch {
	case !st.briefed && len(g.Match.Turns) == 0:
		st.briefed = true
		c.SwitchTo(newBriefing(c))
	case st.seen < len(g.Match.Turns):
		st.seen = len(g.Match.Turns)
		c.SwitchTo(newResolution(c, len(g.Match.Turns)))
	default:
		c.SwitchTo(newDashboard(c))
	}
}

// firstScreen is the screen a new game opens on: the briefing of a
// single player, the hand-over to the first of several, the spectator's
// screen when bots play alone.
func (c *Context) firstScreen() Screen {
	g := c.Game
	switch {
	case g.Spectating():
		return newSpectate(c)
	case g.HotSeat():
		return newHandover(c, g.Humans()[0], "")
	}
	g.seat(g.Player).briefed = true
	return newBriefing(c)
}

// beginTurn shows the game in ctx as a turn opens on it (after a load or a
// rewind): the end of a finished game, the spectator's screen, the
// facilitator's when every order is in and the turn waits for them, the
// hand-over to the next player in a hot-seat game, else the dashboard.
func (c *Context) beginTurn() Screen {
	g := c.Game
	switch {
	case g.Match.Over():
		return newEnd(c)
	case g.Spectating():
		return newSpectate(c)
	}
	next, ok := g.nextToSubmit(-1)
	switch {
	case !ok && g.Facil != nil:
		return newWaitingRoom(c, "")
	case !ok:
		// Every order is in but nobody waits to resolve the turn (a save
		// taken then): the players look at their orders again.
		for _, a := range g.Humans() {
			g.seat(a).submitted = false
		}
		next = g.Humans()[0]
	}
	if g.HotSeat() {
		return newHandover(c, next, "")
	}
	g.Player = next
	return newDashboard(c)
}

// handover is the full-screen page between two human players: whose turn
// it is, and nothing of anyone's orders or secrets. enter gives the
// screens to that player.
type handover struct {
	ctx  *Context
	seat int
	note string // said on the page: the timer submitted the last player's orders
}

func newHandover(ctx *Context, seat int, note string) *handover {
	return &handover{ctx: ctx, seat: seat, note: note}
}

// Update takes enter: the player has the keyboard.
func (h *handover) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, h.ctx.Keys.HandOver) {
		h.ctx.takeSeat(h.seat)
	}
	return h, nil
}

// Name is shown in the help overlay.
func (h *handover) Name() string { return text.T("Hand-over") }

// Keys are the hand-over's keys for the footer.
func (h *handover) Keys() []key.Binding {
	keys := []key.Binding{h.ctx.Keys.HandOver}
	if h.ctx.Game.Facil != nil {
		keys = append(keys, h.ctx.Keys.Facilitator)
	}
	return keys
}

// KeyGroups are the hand-over's keys for the help overlay.
func (h *handover) KeyGroups() [][]key.Binding { return [][]key.Binding{h.Keys()} }

// View draws the page: the seat in large letters in a box, who has
// submitted, and what comes next for this player.
func (h *handover) View() string {
	ctx := h.ctx
	t := ctx.Theme
	g := ctx.Game
	sc := g.Scenario()
	turn := min(g.State().Turn, sc.Turns)
	iw, center := roomColumn(ctx)
	actor := sc.Actors[h.seat].Name
	var lines []string
	lines = append(lines, center.Render(t.Muted.Render(wrap(text.F("HOT SEAT · Turn %d of %d · %s", turn, sc.Turns, text.Half(sc.HalfYear(turn))), iw))), "")
	big := strings.ToUpper(actor)
	if n := g.playerName(h.seat); n != "" {
		big += "  ·  " + n
	}
	lines = append(lines, center.Render(t.Title.Render(big)), "")
	lines = append(lines, center.Render(wrap(text.F("Pass to %s. Everyone else, look away: the next screens are for %s alone.", g.Who(h.seat), h.addressee()), iw)), "")
	lines = append(lines, center.Render(strings.Join(docFlow(ctx.seatStatus(text.T("to give orders")), "   ", iw), "\n")), "")
	lines = append(lines, center.Render(t.Muted.Render(wrap(h.next(), iw))))
	if h.note != "" {
		lines = append(lines, "", center.Render(t.Warn.Render(wrap(h.note, iw))))
	}
	lines = append(lines, "", center.Render(t.Key.Render("enter")+" "+t.Bold.Render(wrap(text.F("when %s is at the keyboard", h.addressee()), iw-6))))
	return roomPage(ctx, lines)
}

// roomColumn is the width of the text on a page for the whole room (the
// hand-over, the wait for the facilitator) and the style that centres it.
func roomColumn(ctx *Context) (int, lipgloss.Style) {
	iw := min(ctx.Width-8, 64)
	return iw, lipgloss.NewStyle().Width(iw).Align(lipgloss.Center)
}

// roomPage draws the lines of a page for the whole room in a box in the
// middle of the screen; on a small terminal the blank lines go first.
func roomPage(ctx *Context, lines []string) string {
	t := ctx.Theme
	w, bh := ctx.Width, ctx.BodyHeight()
	body := strings.Join(lines, "\n")
	if lipgloss.Height(body)+t.Dialog.GetVerticalFrameSize() > bh {
		var tight []string
		for _, l := range lines {
			if strings.TrimSpace(ansi.Strip(l)) != "" {
				tight = append(tight, l)
			}
		}
		body = strings.Join(tight, "\n")
	}
	return fit(lipgloss.Place(w, bh, lipgloss.Center, lipgloss.Center, t.Dialog.Render(body)), w, bh)
}

// addressee is what the page calls the next player: their name, or their
// actor's.
func (h *handover) addressee() string {
	if n := h.ctx.Game.playerName(h.seat); n != "" {
		return n
	}
	return h.ctx.Game.Scenario().Actors[h.seat].Name
}

// next says what the player will see after enter, and the timer.
func (h *handover) next() string {
	g := h.ctx.Game
	sc := g.Scenario()
	st := g.seat(h.seat)
	turn := g.State().Turn
	var s string
	switch {
	case !st.briefed && len(g.Match.Turns) == 0:
		s = text.F("Next: %s's briefing, then your orders for %s.", sc.Actors[h.seat].Name, text.Half(sc.HalfYear(turn)))
	case st.seen < len(g.Match.Turns):
		s = text.F("Next: your report of %s, then your orders for %s.", text.Half(sc.HalfYear(len(g.Match.Turns))), text.Half(sc.HalfYear(turn)))
	default:
		s = text.F("Next: your orders for %s.", text.Half(sc.HalfYear(turn)))
	}
	if f := g.Facil; f != nil && f.TimerMinutes > 0 {
		s += text.F(" You have %d minutes for them, from when your dashboard opens.", f.TimerMinutes)
	}
	return s
}

// seatStatus says of each human seat whether it has handed in its orders
// ("Washington (Ana) ✓ orders in", "Beijing (Bo) … <waiting>"), and
// nothing of the orders themselves.
func (c *Context) seatStatus(waiting string) []string {
	t := c.Theme
	g := c.Game
	var status []string
	for _, a := range g.Humans() {
		mark := t.Muted.Render("… " + waiting)
		if g.Submitted(a) {
			mark = t.Good.Render(text.T("✓ orders in"))
		}
		status = append(status, g.Who(a)+" "+mark)
	}
	return status
}
