package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
	"zerosum/saves"
	"zerosum/text"
)

// This file puts the App beside a shared table (zerosum serve) without a
// seat: a spectator follows the game from the public view, what every seat
// may know, and the facilitator has their own screen (facilitatorScreen)
// on the table's match, with the public view as the page behind it. The
// table, not the App, plays the turns: the facilitator's controls are
// handed to it.

// TableWatch is a spectator's place at a table.
type TableWatch struct {
	Pack *content.Pack
	// Match is the table's match; the spectator's screen shows only the
	// public view of it.
	Match *match.Match
}

// TableFacilitator is the facilitator's place at a table.
type TableFacilitator struct {
	Pack *content.Pack
	// Match is the table's match, every seat a player plays human and
	// named.
	Match *match.Match
	// Store is where the debrief is exported (nil: exporting is off).
	Store *saves.Store
	// Pause, TimerMinutes and Inject are the table's settings when the
	// screen opens; the table learns of every change from
	// TableFacilSettings and sends the settings back in TableFacilMsg.
	Pause        bool
	TimerMinutes int
	Inject       []game.Injection
	// Resolve asks the table to resolve the turn now, the players' orders
	// going in as they stand. It is called away from the program's own
	// goroutine.
	Resolve func()
	// Leave is what quitting asks first ("" quits at once).
	Leave, LeaveDetail string
}

// TableFacilMsg tells the facilitator's App how the table stands: its
// match, the seats whose orders are in, and the facilitator's settings
// (which another facilitator may have changed).
type TableFacilMsg struct {
	Match        *match.Match
	Submitted    []int
	Pause        bool
	TimerMinutes int
	Inject       []game.Injection
	Waiting      bool
}

// TableClockMsg gives a seat's App the time its orders are due this turn
// (zero: no timer): the dashboard counts down to it, and at 0:00 the
// orders go in as they stand.
type TableClockMsg struct{ Deadline time.Time }

// TableCollectMsg asks a seat's App for its orders as they stand (the
// facilitator resolved the turn, or the time ran out); Note says why.
type TableCollectMsg struct{ Note string }

// TableFacilSettings are the facilitator's settings as the facilitator's
// App holds them, for the table to follow.
func (a *App) TableFacilSettings() (pause bool, minutes int, inject []game.Injection, ok bool) {
	g := a.ctx.Game
	if g == nil || g.Facil == nil || a.ctx.Opts.TableFacil == nil {
		return false, 0, nil, false
	}
	return g.Facil.Pause, g.Facil.TimerMinutes, slices.Clone(g.Facil.Inject), true
}

// watchSession is the session of a spectator: no seat is played from it.
func watchSession(p *content.Pack, m *match.Match) (*Session, error) {
	if p == nil || m == nil {
		return nil, fmt.Errorf("the table gave this screen no game to show")
	}
	return &Session{Pack: p, Match: m, Saved: true}, nil
}

// tableFacilSession is the facilitator's session at a table.
func tableFacilSession(f *TableFacilitator) (*Session, error) {
	g, err := watchSession(f.Pack, f.Match)
	if err != nil {
		return nil, err
	}
	if hs := g.Match.Humans(); len(hs) > 0 {
		g.Player = hs[0]
	}
	g.Store = f.Store
	g.Facil = &Facilitator{Pause: f.Pause, TimerMinutes: f.TimerMinutes, Inject: slices.Clone(f.Inject)}
	return g, nil
}

// tableFacil follows the table's news to the facilitator's App.
func (c *Context) tableFacil(m TableFacilMsg) {
	g := c.Game
	if g == nil || g.Facil == nil {
		return
	}
	if m.Match != nil {
		g.Match = m.Match
	}
	g.seats = nil
	for _, a := range m.Submitted {
		g.seat(a).submitted = true
	}
	g.Facil.Pause, g.Facil.TimerMinutes, g.Facil.Waiting = m.Pause, m.TimerMinutes, m.Waiting
	g.Facil.Inject = slices.Clone(m.Inject)
}

// tableClock sets the order timer of a seat at a table to the table's
// deadline.
func (c *Context) tableClock(m TableClockMsg) tea.Cmd {
	g := c.Game
	if g == nil || c.Opts.Table == nil {
		return nil
	}
	if m.Deadline.IsZero() || g.Match.Over() || g.Submitted(g.Player) {
		g.clock.stop()
		return nil
	}
	total := max(m.Deadline.Sub(c.now()), 0)
	g.clock = orderClock{running: true, seat: g.Player, states: len(g.Match.States), deadline: m.Deadline, total: total, gen: g.clock.gen + 1}
	return c.tick(g.clock.gen)
}

// tableCollect hands in the seat's orders as they stand, if they are not
// in yet.
func (a *App) tableCollect(m TableCollectMsg) tea.Cmd {
	g := a.ctx.Game
	if g == nil || a.ctx.Opts.Table == nil || !g.InProgress() || g.Submitted(g.Player) {
		return nil
	}
	a.dialogs, a.showHelp = nil, false
	cmd := a.ctx.submitToTable()
	a.ctx.Flash(m.Note)
	return cmd
}

// tableWatch is the public view of a table's game, turn by turn: who holds
// each seat and whose orders are in, what everyone did last turn as the
// public knows it (covert orders only once they came to light), the news,
// and the world with every hidden number replaced by its public estimate.
// It is the spectator's screen, and the page behind the facilitator's.
type tableWatch struct {
	ctx *Context
	doc docView
	at  int // len(Match.Turns) the page was laid out for
	key string
}

func newTableWatch(ctx *Context) *tableWatch {
	w := &tableWatch{ctx: ctx, doc: newDocView(), at: -1}
	w.Resize()
	return w
}

// Resize lays the page out again.
func (s *tableWatch) Resize() {
	w, h := s.ctx.Width, s.ctx.BodyHeight()
	if w <= 0 || h <= 0 || s.ctx.Game == nil {
		return
	}
	s.doc.setSize(w, max(h-2, 1))
	s.doc.setContent(s.content(min(w-1, 110)))
	s.key = s.layoutKey()
	if n := len(s.ctx.Game.Match.Turns); n != s.at {
		s.at = n
		s.doc.vp.GotoTop()
	}
}

// layoutKey changes when the page needs laying out again.
func (s *tableWatch) layoutKey() string {
	return fmt.Sprintf("%d|%d|%s", len(s.ctx.Game.Match.Turns), s.ctx.Width, strings.Join(s.ctx.tableStatus, "|"))
}

// Update scrolls.
func (s *tableWatch) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		s.doc.scroll(k, s.ctx.Keys)
	}
	return s, nil
}

// header says what is watched.
func (s *tableWatch) header() string {
	t := s.ctx.Theme
	g := s.ctx.Game
	sc := g.Scenario()
	w := s.ctx.Width
	turn := min(g.State().Turn, sc.Turns)
	left := t.Title.Render(text.T("WATCHING")) + " · " + t.Bold.Render(text.F("Turn %d of %d · %s", turn, sc.Turns, text.Half(sc.HalfYear(turn))))
	if g.Match.Over() {
		left = t.Title.Render(text.T("WATCHING")) + " · " + t.Bold.Render(text.T("the game is over"))
	}
	right := t.Muted.Render(text.T("the public view: what every seat may know"))
	if g.Facil != nil {
		right = t.Key.Render(text.T("F2: the facilitator's screen"))
	}
	right = firstFit(max(w-lipgloss.Width(left)-2, 10), right, "")
	pos := t.Muted.Render(s.doc.position())
	return spread(left, right, w) + "\n" + docSpread(t.Muted.Render(strings.Repeat("─", max(w-lipgloss.Width(pos)-1, 0))), pos, w)
}

// publicReport is a turn's report as the public may know it: every public
// order, covert ones only once they came to light (st is the world now),
// no refusals, no changes.
func publicReport(sc *game.Scenario, st *game.State, rep game.Report) game.Report {
	if st.Over {
		return rep
	}
	out := rep
	out.Orders = slices.DeleteFunc(slices.Clone(rep.Orders), func(o game.Order) bool {
		ai, ok := sc.ActionIndex(o.Action)
		a, _ := sc.ActorIndex(o.Actor)
		if !ok || !sc.Actions[ai].Covert {
			return false
		}
		return !slices.ContainsFunc(st.Covert, func(c game.CovertRecord) bool {
			return c.Actor == a && c.Action == ai && c.Turn == rep.Turn && c.Exposed != 0
		})
	})
	out.Refused, out.Changes = nil, nil
	return out
}

// content is the page at width w.
func (s *tableWatch) content(w int) string {
	ctx := s.ctx
	t := ctx.Theme
	g := ctx.Game
	sc := g.Scenario()
	st := g.State()
	v := sc.View(st, -1, false)
	var out []string
	intro := text.T("You are watching the game: you see what every seat may know, and nothing of any seat's secrets. The page follows the game turn by turn.")
	if g.Facil != nil {
		intro = text.T("The public view: what every seat may know, safe for the projector. F2 opens the facilitator's screen.")
	}
	out = append(out, t.Muted.Render(wrap(intro, w)), "")
	out = append(out, t.Heading.Render(text.T("The table")))
	if len(ctx.tableStatus) == 0 {
		out = append(out, t.Muted.Render("…"))
	}
	for _, l := range ctx.tableStatus {
		out = append(out, hang(l, w, 2))
	}

	last := len(g.Match.Turns)
	out = append(out, "")
	if last == 0 {
		out = append(out, t.Heading.Render(text.T("Last turn")), t.Muted.Render(text.T("The game has just begun: nobody has given orders yet.")))
	} else {
		rep := publicReport(sc, st, g.Match.Report(last))
		date := text.Half(sc.HalfYear(last))
		head := t.Heading.Render(text.F("What everyone did in %s", date)) + t.Muted.Render(text.T(" — public orders; covert ones only if exposed"))
		if st.Over {
			head = t.Heading.Render(text.F("Every order of %s", date)) + t.Muted.Render(text.T(" — the game is over: nothing is secret now"))
		}
		out = append(out, head)
		for _, ad := range sc.Actors {
			names := orderNames(sc, &rep, ad.ID, func() string { return text.T(" (covert, exposed)") })
			var line string
			if len(names) == 0 {
				line = text.F("%s: %s", t.Bold.Render(ad.Name), t.Muted.Render(text.T("no public orders")))
			} else {
				line = text.F("%s: %s", t.Bold.Render(ad.Name), watchJoin(names))
			}
			out = append(out, hang(line, w, 2))
		}
		out = append(out, "", t.Heading.Render(text.T("Covert actions that came to light")))
		if len(rep.Exposed) == 0 {
			out = append(out, t.Muted.Render(text.T("None last turn.")))
		}
		for _, c := range rep.Exposed {
			out = append(out, hang(exposedText(sc, c, -1, rep.Turn), w, 2))
		}
	}
	rep := g.Match.Report(last)
	if len(rep.Events) > 0 || len(rep.Injected) > 0 {
		out = append(out, "", t.Heading.Render(text.F("News for %s", text.Half(sc.HalfYear(min(last+1, sc.Turns))))))
		for _, e := range rep.Events {
			out = append(out, eventText(ctx, g.Pack, e, w, false)...)
		}
		out = append(out, injectedNews(ctx, &rep, w)...)
	}
	if st.Over {
		out = append(out, "", t.Title.Render(wrap(text.F("The game is over. %s", outcomeName(g, st)), w)))
	}
	out = append(out, "", publicWorld(ctx, sc, &v, w))
	return strings.Join(out, "\n")
}

// outcomeName says how the world ended.
func outcomeName(g *Session, st *game.State) string {
	sc := g.Scenario()
	name := st.Outcome
	if oi := sc.OutcomeIndex(st); oi >= 0 {
		if n := g.Pack.T("outcomes." + sc.Outcomes[oi].ID + ".name"); n != "" {
			name = n
		}
	}
	if name == "" {
		return ""
	}
	return text.F("The world outcome: %s.", name)
}

// publicWorld is the world as the public view v shows it: the tracks,
// every actor's numbers (a hidden one as its public estimate, marked) and
// the swing states. Once the game is over, v is the whole truth and the
// scores are shown.
func publicWorld(ctx *Context, sc *game.Scenario, v *game.State, w int) string {
	t := ctx.Theme
	pack := ctx.Game.Pack
	var out []string
	out = append(out, t.Heading.Render(text.T("The world"))+t.Muted.Render(text.T(" — as everyone may know it")))
	out = append(out, text.F("Strait tension %s", TensionGauge(t, v.Tension())))
	for _, tr := range []game.Track{game.TrackControls, game.TrackQuotas} {
		out = append(out, wrap(sc.TrackName(tr)+" "+t.Bold.Render(docTrackValue(ctx, tr, v.Tracks[tr])), w))
	}
	var rest []string
	for _, tr := range []game.Track{game.TrackDiffusion, game.TrackRegulation, game.TrackFragmentation, game.TrackMomentum} {
		rest = append(rest, sc.TrackName(tr)+" "+t.Bold.Render(itoa(v.Tracks[tr])))
	}
	out = append(out, flow(rest, " · ", w)...)
	if v.Over {
		out = append(out, wrap(text.F("US-China capability gap %s", t.Bold.Render(text.Change(sc.Gap(v)))), w))
	} else {
		out = append(out, wrap(text.F("US-China capability gap as Washington perceives it %s", t.Bold.Render(text.Change(v.Tracks[game.TrackPerceivedGap]))), w))
	}

	head := t.Heading.Render(text.T("The actors")) + t.Muted.Render(text.T(" — ~ a public estimate of a secret number"))
	if v.Over {
		head = t.Heading.Render(text.T("The actors")) + t.Muted.Render(text.T(" — every real number, and the final scores"))
	}
	out = append(out, "", head)
	aw := 0
	for a := range sc.Actors {
		aw = max(aw, text.Width(sc.Actors[a].Name))
	}
	for a, ad := range sc.Actors {
		var items []string
		for st := range game.NumStats {
			if !ad.Has[st] {
				continue
			}
			sh := pack.T("stats." + st.String() + ".short")
			if sh == "" {
				sh = st.String()
			}
			val := itoa(v.Stat(a, st))
			if ad.Hidden[st] && !v.Over {
				val = t.Muted.Render("~") + val
			}
			items = append(items, t.Muted.Render(sh)+" "+val)
		}
		line := t.Bold.Render(pad(ad.Name, aw))
		if v.Over {
			line += text.F(" · score %s", t.Bold.Render(itoa(sc.Score(v, a).Total)))
		}
		out = append(out, text.Truncate(line, w))
		for _, l := range flow(items, "  ", max(w-2, 20)) {
			out = append(out, "  "+l)
		}
	}

	out = append(out, "", t.Heading.Render(text.T("Swing states"))+t.Muted.Render(text.T(" — alignment from the China bloc (-100) to the US bloc (+100)")))
	var swing []string
	for i, s := range v.Swing {
		name, align := sc.Swing[i].Name, text.Change(s.Align)
		switch game.AlignBloc(s.Align) {
		case game.BlocUS:
			swing = append(swing, text.F("%s %s (US bloc)", name, align))
		case game.BlocChina:
			swing = append(swing, text.F("%s %s (China bloc)", name, align))
		default:
			swing = append(swing, name+" "+align)
		}
	}
	out = append(out, flow(swing, " · ", w)...)
	return strings.Join(out, "\n")
}

// View draws the header and the page.
func (s *tableWatch) View() string {
	w, h := s.ctx.Width, s.ctx.BodyHeight()
	if s.ctx.Game == nil || w <= 0 || h <= 0 {
		return fit("", max(w, 0), max(h, 0))
	}
	if s.layoutKey() != s.key {
		s.Resize()
	}
	return fit(s.header()+"\n"+s.doc.view(), w, h)
}

// Name is shown in the help overlay.
func (s *tableWatch) Name() string { return text.T("Watching the table") }

// Keys are the page's keys for the footer.
func (s *tableWatch) Keys() []key.Binding {
	km := s.ctx.Keys
	keys := []key.Binding{km.PaneScroll, km.PageDown}
	if s.ctx.Game != nil && s.ctx.Game.Facil != nil {
		keys = append(keys, km.Facilitator)
	}
	return keys
}

// KeyGroups are the page's keys for the help overlay.
func (s *tableWatch) KeyGroups() [][]key.Binding {
	km := s.ctx.Keys
	return [][]key.Binding{{km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom}}
}

// watchJoin joins a seat's orders: "a; b" in English, "a；b" in Chinese.
func watchJoin(names []string) string {
	if text.Chinese() {
		return strings.Join(names, "；")
	}
	return strings.Join(names, "; ")
}
