package ui

import (
	"context"
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/game/forecast"
	"zerosum/text"
)

// The Forecast plays many possible futures from the turn being played,
// away from the screen, and shows them as they come in: on the
// dashboard, the player's, with the orders they have drafted against no
// orders at all; on the facilitator's screen, the room's, from the public
// view with nothing drafted, so that it gives away no one's secrets or
// plans.

// Which forecast: the player's at the keyboard, or the room's.
type forecastKind int

const (
	fcPlayer forecastKind = iota
	fcRoom
	numForecastKinds
)

// forecastRun is one forecast being played or played: what it is of, and
// what has come in.
type forecastRun struct {
	key     string // what it forecasts (see forecastKey); a new key starts a new run
	id      int
	cancel  context.CancelFunc
	ch      chan forecastMsg
	res     forecast.Result
	target  int
	draft   []game.Order // the orders forecast (player's kind)
	done    bool         // every future is in
	stopped bool         // esc stopped it
	err     error
}

// running reports whether futures are still being played.
func (r *forecastRun) running() bool { return r != nil && !r.done && !r.stopped && r.err == nil }

// forecastMsg brings the futures played so far; end is the last message
// of a run.
type forecastMsg struct {
	kind forecastKind
	id   int
	res  forecast.Result
	has  bool
	end  bool
	err  error
}

// forecaster is a screen showing a forecast: after every message the App
// asks it for the command that starts one when what it shows has changed.
type forecaster interface {
	forecastCmd() tea.Cmd
}

// forecastFutures is how many futures a forecast on screen plays (a
// test makes it small).
func (c *Context) forecastFutures() int {
	if c.Opts.ForecastFutures > 0 {
		return c.Opts.ForecastFutures
	}
	return forecast.ScreenFutures
}

// forecastKey names what a forecast is of: the match, the turn, the seat
// and its draft (the room's has neither seat nor draft).
func forecastKey(g *Session, kind forecastKind) string {
	if kind == fcRoom {
		return fmt.Sprintf("%p/%d/room", g.Match, len(g.Match.States))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%p/%d/%d:", g.Match, len(g.Match.States), g.Player)
	for _, o := range g.Orders() {
		b.WriteString(o.Action + ">" + o.Target + ";")
	}
	return b.String()
}

// ensureForecast starts the forecast of the game as it stands, unless it
// is already there (running, done or stopped by the player); it cancels
// the forecast of what no longer stands.
func (c *Context) ensureForecast(kind forecastKind) tea.Cmd {
	g := c.Game
	if g == nil || g.Match.Over() || g.Reveal {
		return nil
	}
	k := forecastKey(g, kind)
	if r := c.forecasts[kind]; r != nil && r.key == k {
		return nil
	}
	return c.startForecast(kind, k)
}

// currentForecast is the run of a kind if it is of the game as it stands,
// else nil (a player's forecast is never shown to the next player of a
// hot-seat game, nor last turn's as this one's).
func (c *Context) currentForecast(kind forecastKind) *forecastRun {
	r := c.forecasts[kind]
	if r == nil || c.Game == nil || r.key != forecastKey(c.Game, kind) {
		return nil
	}
	return r
}

// dropForecast cancels a run that is no longer of the game as it stands.
func (c *Context) dropForecast(kind forecastKind) {
	if r := c.forecasts[kind]; r != nil && c.currentForecast(kind) == nil {
		if r.cancel != nil {
			r.cancel()
		}
		c.forecasts[kind] = nil
	}
}

// startForecast starts a run of the forecast, in place of any other of the
// same kind.
func (c *Context) startForecast(kind forecastKind, k string) tea.Cmd {
	g := c.Game
	if old := c.forecasts[kind]; old != nil && old.cancel != nil {
		old.cancel()
	}
	c.forecastID++
	cfg := forecast.Config{Seat: forecast.Public, Futures: c.forecastFutures()}
	if kind == fcPlayer {
		cfg.Seat = g.Player
		cfg.Draft = append([]game.Order(nil), g.Orders()...)
		cfg.Compare = len(cfg.Draft) > 0
	}
	cfg.Seed = forecast.DefaultSeed(cfg.Seat)
	ctx, cancel := context.WithCancel(context.Background())
	r := &forecastRun{key: k, id: c.forecastID, cancel: cancel, ch: make(chan forecastMsg), target: cfg.Futures, draft: cfg.Draft}
	c.forecasts[kind] = r
	sc, st := g.Scenario(), g.State().Clone()
	id, ch := r.id, r.ch
	go func() {
		defer close(ch)
		send := func(m forecastMsg) bool {
			select {
			case ch <- m:
				return true
			case <-ctx.Done():
				return false
			}
		}
		err := forecast.Stream(ctx, sc, &st, cfg, func(res forecast.Result) {
			send(forecastMsg{kind: kind, id: id, res: res, has: true})
		})
		if ctx.Err() == nil {
			send(forecastMsg{kind: kind, id: id, end: true, err: err})
		}
	}()
	return waitForecast(ch)
}

// waitForecast waits for the next message of a run.
func waitForecast(ch chan forecastMsg) tea.Cmd {
	return func() tea.Msg {
		m, ok := <-ch
		if !ok {
			return nil
		}
		return m
	}
}

// forecastGot takes in what a run has played, and waits for more.
func (c *Context) forecastGot(m forecastMsg) tea.Cmd {
	r := c.forecasts[m.kind]
	if r == nil || r.id != m.id || r.stopped {
		return nil // a run superseded or stopped: its goroutine ends
	}
	if m.has {
		r.res = m.res
	}
	if m.end {
		r.done, r.err = true, m.err
		r.cancel()
		return nil
	}
	return waitForecast(r.ch)
}

// stopForecast stops a run where it stands (esc); it reports whether one
// was running.
func (c *Context) stopForecast(kind forecastKind) bool {
	r := c.forecasts[kind]
	if !r.running() {
		return false
	}
	r.stopped = true
	r.cancel()
	return true
}

// restartForecast plays a stopped forecast again from the start (the
// same futures: it is deterministic): the screen's forecastCmd starts it.
func (c *Context) restartForecast(kind forecastKind) {
	if r := c.forecasts[kind]; r != nil && r.stopped {
		c.forecasts[kind] = nil
	}
}

// forecastPane is the dashboard's Forecast pane: the player's forecast.
type forecastPane struct {
	d      *dashboard
	scroll int
}

func newForecastPane(d *dashboard) *forecastPane { return &forecastPane{d: d} }

func (p *forecastPane) update(k tea.KeyPressMsg) {
	c, km := p.d.ctx, &p.d.ctx.Keys
	switch {
	case key.Matches(k, km.Back):
		if c.stopForecast(fcPlayer) {
			c.Flash(text.T("Forecast stopped; enter plays it again."))
		}
	case key.Matches(k, km.Select):
		c.restartForecast(fcPlayer)
	case key.Matches(k, km.Up):
		p.scroll = max(p.scroll-1, 0)
	case key.Matches(k, km.Down):
		p.scroll++
	case key.Matches(k, km.PageUp):
		p.scroll = max(p.scroll-10, 0)
	case key.Matches(k, km.PageDown):
		p.scroll += 10
	case key.Matches(k, km.Top):
		p.scroll = 0
	}
}

func (p *forecastPane) keys() []key.Binding {
	km := p.d.ctx.Keys
	stop := km.Back
	stop.SetHelp("esc", text.T("stop"))
	again := km.Select
	again.SetHelp("enter", text.T("play again"))
	if p.d.ctx.forecasts[fcPlayer].running() {
		return []key.Binding{km.PaneScroll, stop}
	}
	return []key.Binding{km.PaneScroll, again}
}

func (p *forecastPane) help() []key.Binding {
	km := p.d.ctx.Keys
	stop := km.Back
	stop.SetHelp("esc", text.T("stop the forecast"))
	again := km.Select
	again.SetHelp("enter", text.T("play a stopped forecast again"))
	return []key.Binding{km.Up, km.Down, km.PageUp, km.PageDown, stop, again}
}

func (p *forecastPane) view(w, h int) string {
	d := p.d
	var lines []string
	switch {
	case d.readOnly || d.ctx.Game.Reveal:
		lines = []string{wrap(text.T("The Forecast plays futures from the turn being played; it is not part of the replay viewer."), w)}
	case d.ctx.Game.Match.Over():
		lines = []string{wrap(text.T("The game is over: there is nothing left to forecast."), w)}
	default:
		lines = forecastLines(d.ctx, d.ctx.currentForecast(fcPlayer), d.player(), w)
	}
	var out []string
	out, p.scroll = clip(d.ctx.Theme, strings.Split(strings.Join(lines, "\n"), "\n"), p.scroll, h)
	return strings.Join(out, "\n")
}

// forecastLines draws a forecast in w cells: for a seat (its draft against
// no orders), or for the room (seat forecast.Public).
func forecastLines(c *Context, r *forecastRun, seat, w int) []string {
	t := c.Theme
	sc := c.Game.Scenario()
	if r == nil {
		return []string{t.Muted.Render(text.T("Starting the forecast…"))}
	}
	res := &r.res
	n := res.Done()
	var out []string

	// Progress.
	var status string
	switch {
	case r.err != nil:
		return []string{t.Warn.Render(wrap(text.F("The forecast could not be played: %s", r.err.Error()), w))}
	case r.done:
		status = text.F("%s futures played", thousands(n))
	case r.stopped:
		status = text.F("Stopped at %s of %s futures (enter: play again)", thousands(n), thousands(r.target))
	default:
		status = text.F("Playing futures: %s of %s (esc stops)", thousands(n), thousands(r.target))
	}
	turn := c.Game.State().Turn
	head := t.Heading.Render(text.F("FORECAST · turn %d (%s)", turn, text.Half(sc.HalfYear(turn))))
	out = append(out, head)
	bar := ""
	if !r.done {
		bw := min(20, max(w-text.Width(status)-3, 0))
		if bw >= 6 {
			bar = " " + Meter(t, n, 0, r.target, bw)
		}
	}
	out = append(out, status+bar)
	if est := ForecastEstimates(sc, seat); len(est) > 0 {
		built := text.F("Built on what you see: %s. The real game may go otherwise.", text.AndList(est))
		if seat == forecast.Public {
			built = text.F("Built on what everyone sees: %s. The real game may go otherwise.", text.AndList(est))
		}
		out = append(out, t.Warn.Render(wrap(built, w)))
	}
	if n == 0 {
		return append(out, t.Muted.Render(text.T("The first futures are being played…")))
	}

	compare := res.Compare
	with, nothing := res.With, res.Nothing
	if seat != forecast.Public {
		if compare {
			out = append(out, "", t.Bold.Render(text.T("Your orders, against giving none:")))
			for _, s := range []string{
				changeWords(text.T("Strait crisis"), forecast.CrisisChange(res)),
				scoreWords(text.T("your score"), forecast.ScoreChange(res, seat)),
				changeWords(text.T("your chance to win"), forecast.WinChange(res, seat)),
			} {
				out = append(out, hang("• "+s, w, 2))
			}
			out = append(out, t.Muted.Render(wrap(text.F("±: with %s futures played both ways, the true difference is within this margin 19 times in 20.", thousands(n)), w)))
		} else {
			out = append(out, "", wrap(text.T("You have drafted no orders: these futures are what follows if you give none. Draft orders (1) to see the difference they make."), w))
		}
	}

	// The table: a column for the draft and one for nothing, or one.
	cols := []string{text.T("Chance")}
	arms := [][]forecast.Future{with}
	if compare {
		cols = []string{text.T("Your orders"), text.T("No orders")}
		arms = append(arms, nothing)
	}
	cw := 12
	tw := min(w, 64) // the table's width: the numbers near their labels
	lw := max(tw-cw*len(cols), 10)
	row := func(label string, cells ...string) string {
		s := pad(label, lw)
		for _, c := range cells {
			s += padLeft(c, cw)
		}
		return ansi.Truncate(s, w, "…")
	}
	cells := func(f func(fs []forecast.Future) string) []string {
		var out []string
		for _, fs := range arms {
			out = append(out, f(fs))
		}
		return out
	}
	pct := func(s forecast.Share) string { return fmt.Sprintf("%d%%", forecast.Percent(s.P())) }
	out = append(out, "", t.Bold.Render(row("", cols...)))
	out = append(out, row(text.T("Strait crisis"), cells(func(fs []forecast.Future) string { return pct(forecast.Crisis(fs)) })...))
	out = append(out, row("  "+text.T("typical turn (median)"), cells(func(fs []forecast.Future) string {
		if ct := forecast.CrisisTurn(fs); ct > 0 {
			return itoa(ct)
		}
		return "—"
	})...))
	var shares []forecast.Share
	if seat != forecast.Public {
		out = append(out, row(text.T("Your score: low·middle·high"), cells(func(fs []forecast.Future) string {
			s := forecast.ActorStats(fs, seat)
			return fmt.Sprintf("%d·%d·%d", s.P10, s.P50, s.P90)
		})...))
		out = append(out, row(text.T("Your rank (middle)"), cells(func(fs []forecast.Future) string {
			return text.F("%s of %d", text.Ordinal(forecast.ActorStats(fs, seat).Rank), len(sc.Actors))
		})...))
		out = append(out, row(text.T("Your chance to win"), cells(func(fs []forecast.Future) string {
			s := forecast.ActorStats(fs, seat).Win
			shares = append(shares, s)
			return pct(s)
		})...))
	}
	out = append(out, t.Bold.Render(text.T("World outcome")))
	for i := range sc.Outcomes {
		if sc.Outcomes[i].Crisis {
			continue // the crisis row above
		}
		out = append(out, row("  "+sc.Outcomes[i].Name, cells(func(fs []forecast.Future) string {
			s := forecast.Endings(fs, len(sc.Outcomes))[i]
			shares = append(shares, s)
			return pct(s)
		})...))
	}
	shares = append(shares, forecast.Crisis(with))
	// Everyone's chances and scores, with the draft (or as things stand).
	who := text.T("Who wins")
	if compare {
		who = text.T("Who wins, with your orders")
	}
	wlw := max(tw-2*cw, 10)
	wrow := func(label, a, b string) string {
		return ansi.Truncate(pad(label, wlw)+padLeft(a, cw)+padLeft(b, cw), w, "…")
	}
	out = append(out, "", t.Bold.Render(wrow(who, text.T("Chance"), text.T("Score"))))
	for a := range sc.Actors {
		s := forecast.ActorStats(with, a)
		shares = append(shares, s.Win)
		name := sc.Actors[a].Name
		if a == seat {
			name = text.F("%s (you)", name)
		}
		out = append(out, wrow("  "+name, pct(s.Win), fmt.Sprintf("%d·%d·%d", s.P10, s.P50, s.P90)))
	}

	out = append(out, "", wrap(text.F("Chances are %s A difference within its ± is no clear difference.", forecastMargin(forecast.Worst(shares...), n)), w))
	note := text.T("Each future is the game played to its end by bots in every seat; what cannot be seen (the dice to come, rivals' characters, plans and secret moves) is guessed, never read. Scores: a tenth of futures end below low, half below middle, nine tenths below high. Nobody wins a crisis.")
	if seat != forecast.Public {
		note = text.T("Each future is the game played to its end by bots in every seat, yours from next turn; what cannot be seen (the dice to come, rivals' characters, plans and secret moves) is guessed, never read. Scores: a tenth of futures end below low, half below middle, nine tenths below high. Nobody wins a crisis.")
	}
	out = append(out, t.Muted.Render(wrap(note, w)))
	return out
}

// ForecastEstimates says what a seat's forecast reads through an estimate
// (see forecast.Estimates), in the interface's language: "the perceived
// gap stands in for the real one".
func ForecastEstimates(sc *game.Scenario, seat int) []string {
	var out []string
	for _, e := range forecast.Estimates(sc, seat) {
		switch e.Kind {
		case forecast.EstimateGap:
			out = append(out, text.T("the perceived gap stands in for the real one"))
		case forecast.EstimateHidden:
			out = append(out, text.F("%s's hidden numbers start from what was known of them", sc.Actors[e.Actor].Name))
		}
	}
	return out
}

// forecastMargin says what a margin means, for a student: "±3 points:
// with 1,000 futures the true figure is within 3 points 19 times in 20."
func forecastMargin(points, futures int) string {
	if futures == 1 {
		return text.F("±%d points: with %s future the true figure is within %d points 19 times in 20.", points, thousands(futures), points)
	}
	return text.F("±%d points: with %s futures the true figure is within %d points 19 times in 20.", points, thousands(futures), points)
}

// changeWords says what a Change of a chance means: "Strait crisis 18% →
// 31% (+13 points, ±4)" or, when the difference is within its margin, "no
// clear difference".
func changeWords(what string, c forecast.Change) string {
	before, after := forecast.Percent(c.Before), forecast.Percent(c.After)
	if !c.Clear() {
		if before == after {
			return text.F("%s %d%% either way", what, after)
		}
		return text.F("%s %d%% → %d%%: no clear difference (±%d)", what, before, after, forecast.Points(c.Margin))
	}
	return text.F("%s %d%% → %d%% (%+d points, ±%d)", what, before, after, forecast.Percent(c.Diff), forecast.Points(c.Margin))
}

// scoreWords is changeWords for a mean score: "your score 41 → 44 on
// average (+3.0, ±1)".
func scoreWords(what string, c forecast.Change) string {
	before, after := int(math.Round(c.Before)), int(math.Round(c.After))
	m := int(math.Ceil(c.Margin - 1e-9))
	if !c.Clear() {
		if before == after {
			return text.F("%s %d on average either way", what, after)
		}
		return text.F("%s %d → %d on average: no clear difference (±%d)", what, before, after, m)
	}
	// The difference as fmt writes it (the printer would group its digits).
	return text.F("%s %d → %d on average (%s, ±%d)", what, before, after, fmt.Sprintf("%+.1f", c.Diff), max(m, 1))
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int) string {
	s := itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
