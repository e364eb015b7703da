package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"zerosum/text"
)

// The order timer a facilitator may set for classes: each player has so
// many minutes for their orders each turn, counted from when their
// dashboard opens, with a countdown on the dashboard and a warning near
// the end; when it runs out, the orders are submitted as they stand. The
// clock is the App's (Options.Now) and the ticks are commands
// (Options.Tick), so tests pin the time and send the ticks themselves.

// orderClock is the order timer of the seat at the keyboard.
type orderClock struct {
	running  bool
	seat     int // the seat it counts for
	states   int // len(Match.States) when it started: the turn
	deadline time.Time
	total    time.Duration
	warned   bool // the warning near the end has been given
	gen      int  // the live chain of ticks; older ticks are dropped
}

// stop stops the clock; ticks already on their way are dropped.
func (k *orderClock) stop() {
	k.running = false
	k.gen++
}

// warnAt is how long before the end the warning comes: a minute, or half
// the time of a shorter timer.
func (k *orderClock) warnAt() time.Duration { return min(time.Minute, k.total/2) }

// clockTickMsg is one tick of the order timer.
type clockTickMsg struct{ gen int }

// startClock starts the order timer of the seat at the keyboard when a
// facilitator has set one: once per seat and turn (going back to the
// dashboard from another screen does not restart it).
func (c *Context) startClock() tea.Cmd {
	g := c.Game
	if g == nil || g.Facil == nil || g.Facil.TimerMinutes <= 0 || g.Match.Over() || g.Spectating() || g.Submitted(g.Player) {
		return nil
	}
	k := &g.clock
	if k.running && k.seat == g.Player && k.states == len(g.Match.States) {
		return nil
	}
	total := time.Duration(g.Facil.TimerMinutes) * time.Minute
	*k = orderClock{running: true, seat: g.Player, states: len(g.Match.States), deadline: c.now().Add(total), total: total, gen: k.gen + 1}
	return c.tick(k.gen)
}

// tick is the next tick of the order timer, a second from now.
func (c *Context) tick(gen int) tea.Cmd {
	f := c.Opts.Tick
	if f == nil {
		f = tea.Tick
	}
	return f(time.Second, func(time.Time) tea.Msg { return clockTickMsg{gen: gen} })
}

// clockLeft is the time the seat at the keyboard has left, and whether a
// timer runs for it.
func (c *Context) clockLeft() (time.Duration, bool) {
	g := c.Game
	if g == nil || !g.clock.running || g.clock.seat != g.Player || g.clock.states != len(g.Match.States) {
		return 0, false
	}
	return max(g.clock.deadline.Sub(c.now()), 0), true
}

// clockTick follows a tick: the warning near the end, and at the end the
// orders submitted as they stand (closing any dialog or help on the way).
// While the facilitator's screen is open the clock runs on but does not
// submit: that waits until the facilitator goes back.
func (a *App) clockTick(m clockTickMsg) tea.Cmd {
	ctx := a.ctx
	g := ctx.Game
	if g == nil || !g.clock.running || m.gen != g.clock.gen || g.Match.Over() {
		return nil
	}
	left, ok := ctx.clockLeft()
	if !ok {
		g.clock.stop() // the turn or the seat changed under it
		return nil
	}
	if _, fac := a.screen.(*facilitatorScreen); fac {
		return ctx.tick(m.gen)
	}
	if left <= 0 {
		a.dialogs, a.showHelp = nil, false
		n := len(g.Orders())
		note := text.F("Time was up: %s's %d orders went in as they stood.", g.Who(g.Player), n)
		return ctx.submit(note)
	}
	if left <= g.clock.warnAt() && !g.clock.warned {
		g.clock.warned = true
		ctx.FlashError(text.F("⚠ %s left for %s's orders: at 0:00 they are submitted as they stand.", clockText(left), g.Who(g.Player)))
	}
	return ctx.tick(m.gen)
}

// clockText writes a time left as m:ss.
func clockText(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
