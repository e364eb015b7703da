package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/game/match"
	"zerosum/text"
)

// paneID names the dashboard's panes, in tab order.
type paneID int

// The panes.
const (
	paneOrders paneID = iota
	paneWorld
	paneNews
	paneWhy
	paneCharts
	paneEncyclopedia
	paneForecast
	numPanes
)

var paneNames = [numPanes]string{"Orders", "World", "News", "Why", "Charts", "Encyclopedia", "Forecast"}

// paneTitle is a pane's name as the player reads it, in the interface's
// language (paneNames are the English ones, for tests and ids).
func paneTitle(p paneID) string {
	switch p {
	case paneOrders:
		return text.T("Orders")
	case paneWorld:
		return text.T("World")
	case paneNews:
		return text.T("News")
	case paneWhy:
		return text.T("Why")
	case paneCharts:
		return text.T("Charts")
	case paneEncyclopedia:
		return text.T("Encyclopedia")
	case paneForecast:
		return text.T("Forecast")
	}
	return paneNames[p]
}

// pane is one tab of the dashboard. It reads the game through the
// dashboard's caches and draws itself into the space it is given.
type pane interface {
	// update handles a key the dashboard did not take.
	update(k tea.KeyPressMsg)
	// view renders w x h cells.
	view(w, h int) string
	// keys are the pane's bindings for the footer; help is its group in
	// the help overlay.
	keys() []key.Binding
	help() []key.Binding
}

// wideWidth is the width from which the Orders pane sits beside another.
const wideWidth = 120

// dashboard is the turn dashboard: the header with the world's tracks and
// the player's numbers, always visible, and seven panes below it. Read-only,
// it is the body of the replay viewer: the same header and panes for a
// past turn, without the Orders pane and without ending turns.
type dashboard struct {
	ctx      *Context
	readOnly bool
	focus    paneID // the pane keys go to
	right    paneID // the pane beside Orders in the wide layout
	panes    [numPanes]pane
	orders   *ordersPane

	// Caches, rebuilt when the turn or the orders change (see sync).
	match   *match.Match
	states  int
	seat    int        // the player the caches were built for
	gen     int        // bumped on every new turn, for the panes' caches
	view    game.State // the world as the player may know it, with history
	rep     game.Report
	repTurn int // the turn rep resolved; 0 for the opening news
	ordKey  string
	opts    []game.Option
	apLeft  int
	capLeft int
	valid   int // orders that pass validation
	head    []string
	headKey [3]any // what head was drawn for: turn, orders, width
}

// newDashboard opens the turn dashboard for the session in ctx.
func newDashboard(ctx *Context) Screen {
	d := &dashboard{ctx: ctx, focus: paneOrders, right: paneNews, ordKey: "\x00"}
	d.orders = newOrdersPane(d)
	d.panes = [numPanes]pane{d.orders, &textPane{d: d, build: d.worldText}, &textPane{d: d, build: d.newsText},
		&textPane{d: d, build: d.whyText}, newChartsPane(d), newEncyclopediaPane(d), newForecastPane(d)}
	d.sync()
	return d
}

// newReadOnlyDashboard shows the game in ctx (the replay viewer's turn)
// with the News pane on the left where the Orders pane would be.
func newReadOnlyDashboard(ctx *Context) *dashboard {
	d := newDashboard(ctx).(*dashboard)
	d.readOnly, d.focus, d.right = true, paneNews, paneWhy
	return d
}

// revealed reports whether the dashboard shows the whole truth (the
// replay of a finished game) rather than the player's view.
func (d *dashboard) revealed() bool { return d.ctx.Game.Reveal }

func (d *dashboard) sc() *game.Scenario { return d.ctx.Game.Scenario() }
func (d *dashboard) player() int        { return d.ctx.Game.Player }

// sync rebuilds what the panes read when the turn or the orders changed.
func (d *dashboard) sync() {
	g := d.ctx.Game
	m := g.Match
	sc := m.Scenario
	if d.match != m || d.states != len(m.States) || d.seat != g.Player {
		d.match, d.states, d.seat = m, len(m.States), g.Player
		d.gen++
		d.view = g.View()
		d.repTurn = len(m.Turns)
		d.rep = g.Report(d.repTurn)
		d.ordKey = "\x00"
	}
	var kb strings.Builder
	orders := g.Orders()
	for _, o := range orders {
		kb.WriteString(o.Action + ">" + o.Target + ";")
	}
	if k := kb.String(); k != d.ordKey {
		d.ordKey = k
		d.opts = sc.Options(&d.view, g.Player, orders)
		d.apLeft = sc.Actors[g.Player].AP
		d.capLeft = d.view.Stat(g.Player, game.StatCapital)
		d.valid = 0
		for i, err := range sc.Validate(&d.view, g.Player, orders) {
			if err != nil {
				continue
			}
			ai, _ := sc.ActionIndex(orders[i].Action)
			d.apLeft -= sc.Actions[ai].AP
			d.capLeft -= sc.Cost(&d.view, ai)
			d.valid++
		}
	}
}

// Update handles the dashboard's own keys and hands the rest to the pane
// in focus.
func (d *dashboard) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	d.sync()
	keys := &d.ctx.Keys
	tabKeys := []key.Binding{keys.Orders, keys.World, keys.News, keys.Why, keys.Charts, keys.Encyclopedia, keys.Forecast}
	for i, b := range tabKeys {
		if key.Matches(k, b) {
			if !d.hidden(paneID(i)) {
				d.setFocus(paneID(i))
			}
			return d, nil
		}
	}
	switch {
	case key.Matches(k, keys.NextTab):
		d.setFocus(d.step(1))
	case key.Matches(k, keys.PrevTab):
		d.setFocus(d.step(-1))
	case d.readOnly:
		d.panes[d.focus].update(k)
	case key.Matches(k, keys.EndTurn):
		d.askEndTurn()
	case d.ctx.Opts.Table != nil && key.Matches(k, keys.Save, keys.Rewind):
		d.ctx.Flash(text.T("At a shared table the server keeps the game; saving and rewinding are not open to players."))
	case key.Matches(k, keys.Save):
		d.askSave()
	case key.Matches(k, keys.ViewReplay):
		g := d.ctx.Game
		src := viewSource{pack: g.Pack, match: g.Match, player: g.Player, label: text.T("this game"),
			pending: g.Orders(), settings: g.settings(), from: g}
		d.ctx.SwitchTo(newViewer(d.ctx, src, d))
	case key.Matches(k, keys.Rewind):
		if len(d.ctx.Game.Match.Turns) == 0 {
			d.ctx.Flash(text.T("Nothing to rewind to yet: this is the first turn of the game."))
			return d, nil
		}
		d.ctx.Open(newRewindPicker(d.ctx))
	default:
		d.panes[d.focus].update(k)
		d.sync()
	}
	return d, nil
}

func (d *dashboard) setFocus(p paneID) {
	d.focus = p
	if p != paneOrders && !(d.readOnly && p == paneNews) {
		d.right = p
	}
}

// hidden reports whether a pane is left out: read-only, the Orders and
// the Forecast (a past turn has no orders to give nor futures to play).
func (d *dashboard) hidden(p paneID) bool {
	return d.readOnly && (p == paneOrders || p == paneForecast)
}

// step is the pane by steps away from the focus in tab order (read-only,
// the Orders pane is skipped).
func (d *dashboard) step(by int) paneID {
	p := d.focus
	for {
		p = (p + paneID(by) + numPanes) % numPanes
		if !d.hidden(p) {
			return p
		}
	}
}

// askSave opens the save dialog, or says why there is nowhere to save.
func (d *dashboard) askSave() {
	if d.ctx.Game.Store == nil {
		d.ctx.Open(NewNotice(d.ctx, text.T("Saving is off"), text.F("%s. The game goes on; it cannot be resumed after quitting.", text.Capitalize(errSavingOff.Error()))))
		return
	}
	d.ctx.Open(newSaveDialog(d.ctx))
}

// askEndTurn opens the confirmation that lists the orders.
func (d *dashboard) askEndTurn() {
	g := d.ctx.Game
	if g.Match.Over() {
		d.ctx.SwitchTo(newEnd(d.ctx))
		return
	}
	sc := d.sc()
	turn := d.view.Turn
	var b strings.Builder
	if len(g.Orders()) == 0 {
		b.WriteString(text.T("You have given no orders this turn.") + "\n")
	} else {
		b.WriteString(text.T("Your orders:") + "\n")
		for _, o := range g.Orders() {
			ai, _ := sc.ActionIndex(o.Action)
			b.WriteString(text.F("• %s — %d AP, %d capital", orderName(sc, o), sc.Actions[ai].AP, sc.Cost(&d.view, ai)) + "\n")
		}
	}
	if d.apLeft > 0 {
		b.WriteString("\n" + text.F("⚠ %d action points left unused.", d.apLeft) + "\n")
	}
	date := text.Half(sc.HalfYear(turn))
	q := text.F("End turn %d (%s)?", turn, date)
	if g.HotSeat() {
		q = text.F("End turn %d (%s) for %s?", turn, date, g.Who(g.Player))
		waiting := 0
		for _, a := range g.Humans() {
			if a != g.Player && !g.Submitted(a) {
				waiting++
			}
		}
		if waiting > 0 {
			b.WriteString("\n" + text.F("Your orders are sealed, then the keyboard passes on: %d more players to give orders. The turn resolves once everyone has, all orders at the same time.", waiting))
		} else {
			b.WriteString("\n" + text.T("You are the last: every player's orders are resolved at the same time."))
		}
	} else {
		b.WriteString("\n" + text.T("Every other actor's orders are resolved at the same time."))
	}
	d.ctx.Open(NewConfirm(d.ctx, q, b.String(), d.endTurn, nil))
}

// endTurn hands in the player's orders. With one player the turn resolves
// at once and the report follows (the start of the next turn is autosaved,
// and the replay of a game that has ended is kept); in a hot-seat game the
// keyboard passes to the next player first (see submit).
func (d *dashboard) endTurn() tea.Cmd { return d.ctx.submit("") }

// forecastCmd starts the player's forecast when the Forecast pane is in
// view and the turn or the draft has changed (see forecaster).
func (d *dashboard) forecastCmd() tea.Cmd {
	if d.readOnly {
		return nil
	}
	if !(d.focus == paneForecast || d.ctx.Width >= wideWidth && d.right == paneForecast) {
		d.ctx.dropForecast(fcPlayer) // last turn's, or another draft's
		return nil
	}
	return d.ctx.ensureForecast(fcPlayer)
}

// Opened starts the order timer when a facilitator has set one.
func (d *dashboard) Opened() tea.Cmd {
	if d.readOnly {
		return nil
	}
	return d.ctx.startClock()
}

// orderName is an order as a player reads it: "Court a swing state (India)".
func orderName(sc *game.Scenario, o game.Order) string {
	ai, ok := sc.ActionIndex(o.Action)
	if !ok {
		return o.Action
	}
	s := sc.Actions[ai].Name
	if ti, ok := sc.SwingIndex(o.Target); ok {
		s = text.F("%s (%s)", s, sc.Swing[ti].Name)
	}
	return s
}

// Name is shown in the help overlay.
func (d *dashboard) Name() string { return text.F("Turn dashboard: %s", paneTitle(d.focus)) }

// Keys are the footer's keys: the pane's own, then ending the turn and
// saving.
func (d *dashboard) Keys() []key.Binding {
	if d.readOnly {
		keys := slices.Clone(d.panes[d.focus].keys())
		for i, k := range keys {
			if k.Help() == d.ctx.Keys.PaneKeys.Help() {
				keys[i].SetHelp("2-6", text.T("pane")) // no Orders, no Forecast
			}
		}
		return keys
	}
	return append(slices.Clone(d.panes[d.focus].keys()), d.ctx.Keys.EndTurn, d.ctx.Keys.Save)
}

// KeyGroups are the help overlay's columns.
func (d *dashboard) KeyGroups() [][]key.Binding {
	k := d.ctx.Keys
	if d.readOnly {
		return [][]key.Binding{
			d.panes[d.focus].help(),
			{k.World, k.News, k.Why, k.Charts, k.Encyclopedia, k.NextTab, k.PrevTab},
		}
	}
	return [][]key.Binding{
		d.panes[d.focus].help(),
		{k.Orders, k.World, k.News, k.Why, k.Charts, k.Encyclopedia, k.Forecast, k.NextTab, k.PrevTab, k.EndTurn, k.Save, k.ViewReplay, k.Rewind},
	}
}

// Resize has nothing to do: every frame is laid out from the current size.
func (d *dashboard) Resize() {}

// View draws the header, the tab bar and the panes.
func (d *dashboard) View() string {
	d.sync()
	w, h := d.ctx.Width, d.ctx.BodyHeight()
	if w <= 0 || h <= 0 {
		return ""
	}
	if d.headKey != [3]any{d.gen, d.ordKey, w} {
		d.headKey, d.head = [3]any{d.gen, d.ordKey, w}, d.header(w)
	}
	lines := append(slices.Clone(d.head), d.tabBar(w))
	ph := max(h-len(lines), 3)
	var body string
	if w >= wideWidth {
		lw := min(max(w*45/100, 56), 92)
		lp := paneOrders
		if d.readOnly {
			lp = paneNews
		}
		left := box(d.ctx.Theme, fmt.Sprintf("%d %s", lp+1, paneTitle(lp)), d.panes[lp].view(lw-4, ph-2), lw, ph, d.focus == lp)
		rw := w - lw
		right := box(d.ctx.Theme, fmt.Sprintf("%d %s", d.right+1, paneTitle(d.right)),
			d.panes[d.right].view(rw-4, ph-2), rw, ph, d.focus == d.right)
		for i := range left {
			left[i] += right[i]
		}
		body = strings.Join(left, "\n")
	} else {
		body = d.panes[d.focus].view(w, ph)
	}
	lines = append(lines, body)
	return strings.Join(lines, "\n")
}

// box draws content in a bordered pane of w x h cells with a title in its
// top border; the focused pane has the focus border (thicker in mono). It
// returns the lines. (Built by hand: lipgloss would measure every line
// again, and this is drawn every frame.)
func box(t Theme, title, content string, w, h int, focused bool) []string {
	st := t.Pane
	if focused {
		st = t.PaneFocused
		title = "▸ " + title
	}
	b := st.GetBorderStyle()
	bs := lipgloss.NewStyle().Foreground(st.GetBorderTopForeground())
	pl, pr := st.GetPaddingLeft(), st.GetPaddingRight()
	iw, ih := max(w-2-pl-pr, 1), max(h-2, 1)
	tt := " " + ansi.Truncate(title, max(w-6, 1), "…") + " "
	fill := max(w-3-ansi.StringWidth(tt), 0)
	ts := t.Heading
	if focused {
		ts = t.Title
	}
	out := make([]string, 0, h)
	out = append(out, bs.Render(b.TopLeft+b.Top)+ts.Render(tt)+bs.Render(strings.Repeat(b.Top, fill)+b.TopRight))
	left := bs.Render(b.Left) + strings.Repeat(" ", pl)
	right := strings.Repeat(" ", pr) + bs.Render(b.Right)
	for _, l := range strings.Split(fit(content, iw, ih), "\n") {
		out = append(out, left+l+right)
	}
	return append(out, bs.Render(b.BottomLeft+strings.Repeat(b.Bottom, max(w-2, 0))+b.BottomRight))
}

// tabBar lists the panes with their keys; the one in focus is bracketed.
func (d *dashboard) tabBar(w int) string {
	t := d.ctx.Theme
	var parts []string
	for i := range numPanes {
		if d.hidden(i) {
			continue
		}
		label := fmt.Sprintf("%d %s", i+1, paneTitle(i))
		if i == d.focus {
			parts = append(parts, t.TabActive.Render("["+label+"]"))
		} else {
			parts = append(parts, t.Tab.Render(" "+label+" "))
		}
	}
	s := strings.Join(parts, "")
	hint := t.Muted.Render(text.T("tab/1-7 switch · E end turn"))
	if d.readOnly {
		hint = t.Muted.Render(text.T("tab/2-6 switch"))
	} else if left, ok := d.ctx.clockLeft(); ok {
		// The order timer, where every player looks: it always shows, the
		// tabs give way to it on a narrow terminal.
		g := d.ctx.Game
		long, short := t.Accent.Render(text.F("Timer %s left", clockText(left)))+t.Muted.Render(text.T(" · E end turn")), t.Accent.Render(text.F("Timer %s", clockText(left)))
		if left <= g.clock.warnAt() {
			long, short = t.Warn.Render(text.F("⚠ %s left: orders go in at 0:00", clockText(left))), t.Warn.Render(text.F("⚠ %s left", clockText(left)))
		}
		hint = firstFit(max(w-ansi.StringWidth(s)-2, ansi.StringWidth(short)), long, short)
		return spread(ansi.Truncate(s, max(w-ansi.StringWidth(hint)-2, 1), "…"), hint, w)
	}
	if ansi.StringWidth(s)+2+ansi.StringWidth(hint) <= w {
		return spread(s, hint, w)
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	// Seven tabs at 80 columns: without their padding.
	parts = parts[:0]
	for i := range numPanes {
		if d.hidden(i) {
			continue
		}
		label := fmt.Sprintf("%d %s", i+1, paneTitle(i))
		if i == d.focus {
			parts = append(parts, t.TabActive.UnsetPadding().Render("["+label+"]"))
		} else {
			parts = append(parts, t.Tab.UnsetPadding().Render(label))
		}
	}
	return ansi.Truncate(strings.Join(parts, " "), w, "…")
}

// trackShort is a track's short name for a narrow header: its id as a
// word in English ("Controls"), the shortest name in Chinese.
func trackShort(tr game.Track) string {
	switch tr {
	case game.TrackTension:
		return text.T("Tension")
	case game.TrackControls:
		return text.T("Controls")
	case game.TrackQuotas:
		return text.T("Quotas")
	case game.TrackDiffusion:
		return text.T("Diffusion")
	case game.TrackRegulation:
		return text.T("Regulation")
	case game.TrackFragmentation:
		return text.T("Fragmentation")
	case game.TrackMomentum:
		return text.T("Momentum")
	}
	return text.Capitalize(tr.String())
}

// firstFit returns the first candidate no wider than w, or the last one
// truncated to w.
func firstFit(w int, candidates ...string) string {
	for _, c := range candidates {
		if ansi.StringWidth(c) <= w {
			return c
		}
	}
	return ansi.Truncate(candidates[len(candidates)-1], w, "…")
}

// spread puts left at the left edge and right at the right edge of w
// cells, truncating left if they do not both fit.
func spread(left, right string, w int) string {
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	if lw+1+rw > w {
		if rw+2 > w {
			return ansi.Truncate(left, w, "…")
		}
		left = ansi.Truncate(left, w-rw-1, "…")
		lw = ansi.StringWidth(left)
	}
	return left + strings.Repeat(" ", max(w-lw-rw, 1)) + right
}

// pad makes s exactly w cells wide.
func pad(s string, w int) string {
	sw := ansi.StringWidth(s)
	switch {
	case sw > w:
		return ansi.Truncate(s, w, "…")
	case sw < w:
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}

// padLeft right-aligns s in w cells.
func padLeft(s string, w int) string {
	sw := ansi.StringWidth(s)
	if sw >= w {
		return s
	}
	return strings.Repeat(" ", w-sw) + s
}

// delta writes a change for a header or table: " +3", " -2", or "" when
// nothing changed.
func (d *dashboard) delta(r game.Ref) int {
	if ch, ok := d.rep.ChangeOf(r); ok {
		return ch.After - ch.Before
	}
	return 0
}

func (d *dashboard) deltaText(n int) string {
	if n == 0 {
		return ""
	}
	return d.ctx.Theme.Accent.Render(text.Change(n))
}

// levelGlyph is a one-cell meter: ▁ to █ for v in [0, hi].
func levelGlyph(v, hi int) string {
	const glyphs = "▁▂▃▄▅▆▇█"
	rs := []rune(glyphs)
	i := min(max(v, 0)*len(rs)/(hi+1), len(rs)-1)
	return string(rs[i])
}

// trackRef names a global track as a Ref.
func trackRef(t game.Track) game.Ref { return game.Ref{Kind: game.RefTrack, Track: t} }

// statRef names an actor's stat as a Ref.
func statRef(a int, s game.Stat) game.Ref { return game.Ref{Kind: game.RefStat, Actor: a, Stat: s} }

// gapKnown reports whether the player can read the real capability gap
// (it is hidden from everyone but Beijing while China's frontier is
// secret).
func gapKnown(sc *game.Scenario, st *game.State, player int) bool {
	cn := sc.RoleActor(game.RoleChinaGov)
	return st.Over || cn < 0 || cn == player || !sc.Actors[cn].Hidden[game.StatFrontier]
}

// header is the part of the dashboard that is always visible: the date and
// budget, the global tracks, warnings, the player's stats and score.
func (d *dashboard) header(w int) []string {
	t := d.ctx.Theme
	sc, p, v := d.sc(), d.player(), &d.view
	pack := d.ctx.Game.Pack
	ad := &sc.Actors[p]
	var lines []string

	// The date, the actor and what is left to spend.
	turn := min(v.Turn, sc.Turns) // a finished game stays on its last turn
	capital := v.Stat(p, game.StatCapital)
	apS := t.Bold.Render(itoa(d.apLeft))
	capS := t.Bold.Render(itoa(d.capLeft))
	if d.apLeft == 0 {
		apS = t.Warn.Render("0")
	}
	ordersS := text.T("no orders yet")
	if n := len(d.ctx.Game.Orders()); n > 0 {
		ordersS = text.F("%d orders", n)
	}
	name := t.Title.Render("ZERO SUM")
	var branch, branchShort string
	if b := d.ctx.Game.Match.Branch; b != "" {
		// A what-if branch says so on every screen, in words.
		branch, branchShort = t.Warn.Render(text.F("WHAT-IF: %s", b))+" · ", t.Warn.Render(text.T("WHAT-IF"))+" · "
	}
	who := t.Title.Render(ad.Name)
	if n := d.ctx.Game.playerName(p); n != "" {
		who += t.Accent.Render(text.F(" (%s)", n))
	}
	date := text.Half(sc.HalfYear(turn))
	compact := t.Bold.Render(date) + text.F(" · Turn %d/%d · ", turn, sc.Turns) + who
	left := firstFit(w/2+8,
		name+" · "+branch+t.Bold.Render(date)+text.F(" · Turn %d of %d · ", turn, sc.Turns)+
			who+t.Muted.Render(" — "+pack.T("actors."+ad.ID+".title")),
		branch+compact, branchShort+compact)
	right := firstFit(w-text.Width(left)-1,
		text.F("Action points %s of %d left · Capital %s of %d left · %s", apS, ad.AP, capS, capital, ordersS),
		text.F("%s of %d AP left · %s of %d capital left", apS, ad.AP, capS, capital),
		text.F("AP %s/%d · Capital %s/%d", apS, ad.AP, capS, capital))
	if d.readOnly {
		right = firstFit(w-text.Width(left)-1, text.F("Capital %s · Action points %d a turn", t.Bold.Render(itoa(capital)), ad.AP),
			text.F("Capital %s", t.Bold.Render(itoa(capital))))
	}
	lines = append(lines, spread(left, right, w))

	// Strait tension, unmistakable, and the capability gap.
	tension := v.Tension()
	tDelta := d.delta(trackRef(game.TrackTension))
	tLabel := text.T("Strait tension") + " "
	if tension >= 6 {
		tLabel = t.Warn.Render(text.T("STRAIT TENSION") + " ")
	}
	gauge := tLabel + TensionGauge(t, tension)
	if tDelta != 0 {
		st := t.Good
		if tDelta > 0 {
			st = t.Warn
		}
		gauge += " " + st.Render("("+text.Change(tDelta)+")")
	}
	perceived := v.Tracks[game.TrackPerceivedGap]
	pd := ""
	if dt := d.delta(trackRef(game.TrackPerceivedGap)); dt != 0 {
		pd = " (" + d.deltaText(dt) + ")"
	}
	var gapLong, gapShort string
	if d.revealed() || gapKnown(sc, v, p) {
		real := sc.Gap(v)
		gapLong = text.F("Real US-China gap %s · Washington perceives %s%s", t.Bold.Render(itoa(real)), t.Bold.Render(itoa(perceived)), pd)
		gapShort = text.F("Gap %s real · %s perceived%s", t.Bold.Render(itoa(real)), t.Bold.Render(itoa(perceived)), pd)
	} else {
		known := sc.Gap(v)
		who := text.T("Washington's estimate")
		if sc.RoleActor(game.RoleUSGov) == p {
			who = text.T("your estimate")
		}
		gapLong = text.F("Perceived US-China gap %s%s (%s; the real gap is hidden)", t.Bold.Render(itoa(known)), pd, who)
		gapShort = text.F("Perceived gap %s%s · real gap hidden", t.Bold.Render(itoa(known)), pd)
	}
	lines = append(lines, firstFit(w, gauge+"   "+gapLong, gauge+"   "+gapShort, gauge+"  "+text.F("Gap %d", sc.Gap(v))))

	// Export controls and quotas, with their level names.
	ctl := v.Tracks[game.TrackControls]
	qta := v.Tracks[game.TrackQuotas]
	ctlS := fmt.Sprintf("%s %s/%d %s%s", sc.TrackName(game.TrackControls), t.Bold.Render(itoa(ctl)), game.TrackControls.Max(),
		pack.Level(game.TrackControls, ctl), d.deltaParen(game.TrackControls))
	qtaS := fmt.Sprintf("%s %s/%d %s%s", sc.TrackName(game.TrackQuotas), t.Bold.Render(itoa(qta)), game.TrackQuotas.Max(),
		pack.Level(game.TrackQuotas, qta), d.deltaParen(game.TrackQuotas))
	if ansi.StringWidth(ctlS)+5+ansi.StringWidth(qtaS) > w {
		// Compact: the tracks' ids read as short names.
		ctlS = fmt.Sprintf("%s %s/%d %s%s", trackShort(game.TrackControls), t.Bold.Render(itoa(ctl)),
			game.TrackControls.Max(), pack.Level(game.TrackControls, ctl), d.deltaParen(game.TrackControls))
		qtaS = fmt.Sprintf("%s %s/%d %s%s", trackShort(game.TrackQuotas), t.Bold.Render(itoa(qta)),
			game.TrackQuotas.Max(), pack.Level(game.TrackQuotas, qta), d.deltaParen(game.TrackQuotas))
	}
	if ansi.StringWidth(ctlS)+5+ansi.StringWidth(qtaS) <= w {
		lines = append(lines, ctlS+"  │  "+qtaS)
	} else if ansi.StringWidth(ctlS)+3+ansi.StringWidth(qtaS) <= w {
		lines = append(lines, ctlS+" │ "+qtaS)
	} else {
		half := (w - 3) / 2
		lines = append(lines, pad(ctlS, half)+" │ "+ansi.Truncate(qtaS, w-half-3, "…"))
	}

	// The 0-100 tracks.
	rest := []game.Track{game.TrackDiffusion, game.TrackRegulation, game.TrackFragmentation, game.TrackMomentum}
	variant := func(full bool, meter int, deltas bool) string {
		var items []string
		for _, tr := range rest {
			name := sc.TrackName(tr)
			if !full {
				name = trackShort(tr)
			}
			s := name + " " + t.Bold.Render(itoa(v.Tracks[tr]))
			if meter > 0 {
				s += " " + Meter(t, v.Tracks[tr], tr.Min(), tr.Max(), meter)
			}
			if dt := d.delta(trackRef(tr)); deltas && dt != 0 {
				s += " " + d.deltaText(dt)
			}
			items = append(items, s)
		}
		return strings.Join(items, "  ·  ")
	}
	lines = append(lines, firstFit(w, variant(true, 10, true), variant(true, 6, true), variant(true, 0, true),
		variant(false, 0, true), variant(false, 0, false)))

	// Warnings.
	if tension >= 6 {
		word := TensionWord(tension)
		blame := ""
		if shares, _, _ := sc.CrisisBlame(v); BlameText(sc, shares) != "" {
			blame = text.F(" Pressure so far: %s.", BlameText(sc, shares))
		}
		first := text.F("⚠ STRAIT TENSION %d %s: at 10 a crisis ends the game; nobody wins it, and whoever drove it there scores 0.%s", tension, word, blame)
		if fl := sc.Rules.FlightLevel; fl > 0 && tension >= fl {
			first = text.F("⚠ STRAIT TENSION %d %s: capital is fleeing Taiwan; at 10 a crisis ends the game; nobody wins it, and whoever drove it there scores 0.%s", tension, word, blame)
		}
		lines = append(lines, t.Danger.Render(firstFit(w, first,
			text.F("⚠ STRAIT TENSION %d %s: at 10 a crisis ends the game; nobody wins it, and whoever drove it there scores 0.", tension, word),
			text.F("⚠ STRAIT TENSION %d %s: at 10 a crisis ends the game; nobody wins it.", tension, word),
			text.F("⚠ TENSION %d %s: a crisis at 10 ends the game", tension, word))))
	}
	if cn := sc.RoleActor(game.RoleChinaGov); cn >= 0 && sc.Actors[cn].Has[game.StatGrievance] {
		g := v.Stat(cn, game.StatGrievance)
		R := sc.Rules
		if p := sc.GreyZonePressure(v); p > 0 {
			add := fmt.Sprintf("+%d.%02d", p/100, p%100)
			name := sc.Actors[cn].Name
			lines = append(lines, t.Warn.Render(firstFit(w,
				text.F("⚠ %s's grievance is %d (above %d): grey-zone pressure will add %s Strait tension when this turn ends, unless it falls.", name, g, R.GreyZoneLevel, add),
				text.F("⚠ %s grievance %d: grey-zone pressure, Strait tension %s at turn end", name, g, add))))
		}
	}

	lines = append(lines, d.statsBlock(w)...)
	lines = append(lines, d.scoreLine(w)...)
	return lines
}

func (d *dashboard) deltaParen(tr game.Track) string {
	if dt := d.delta(trackRef(tr)); dt != 0 {
		return " (" + d.deltaText(dt) + ")"
	}
	return ""
}

// statsBlock shows the player's stats with meters and last turn's change:
// a grid of named meters when there is room, a compact flow otherwise.
func (d *dashboard) statsBlock(w int) []string {
	t := d.ctx.Theme
	sc, p, v := d.sc(), d.player(), &d.view
	pack := d.ctx.Game.Pack
	var stats []game.Stat
	nameW := 0
	for s := range game.NumStats {
		if sc.Actors[p].Has[s] {
			stats = append(stats, s)
			nameW = max(nameW, ansi.StringWidth(sc.StatName(s)))
		}
	}
	if w >= wideWidth {
		nameW = min(nameW, 20)
		mw := 10
		colW := nameW + 1 + 3 + 1 + mw + 4
		if (len(stats)+(w+2)/(colW+2)-1)/((w+2)/(colW+2)) > 3 {
			mw = 6
			colW = nameW + 1 + 3 + 1 + mw + 4
		}
		cols := max((w+2)/(colW+2), 1)
		var lines []string
		for r := 0; r*cols < len(stats); r++ {
			var cells []string
			for _, s := range stats[r*cols : min((r+1)*cols, len(stats))] {
				val := v.Stat(p, s)
				meter := strings.Repeat(" ", mw)
				if s != game.StatCapital {
					meter = Meter(t, val, 0, s.Max(), mw)
				}
				cell := pad(sc.StatName(s), nameW) + " " + t.Bold.Render(padLeft(itoa(val), 3)) + " " + meter +
					padLeft(d.deltaText(d.delta(statRef(p, s))), 4)
				cells = append(cells, pad(cell, colW))
			}
			lines = append(lines, strings.Join(cells, "  "))
		}
		return lines
	}
	item := func(s game.Stat, name string) string {
		val := v.Stat(p, s)
		it := name + " "
		if s != game.StatCapital {
			it += t.BarFill.Render(levelGlyph(val, s.Max()))
		}
		it += t.Bold.Render(itoa(val))
		if dt := d.delta(statRef(p, s)); dt != 0 {
			it += " " + d.deltaText(dt)
		}
		return it
	}
	// worst is an item as wide as it can get ("Capital ▇100 +10"), so the
	// choice of layout does not flip from turn to turn with the numbers.
	worst := func(name string) string { return name + " ▇100 +10" }
	var named, short, namedW, shortW []string
	for _, s := range stats {
		named = append(named, item(s, sc.StatName(s)))
		namedW = append(namedW, worst(sc.StatName(s)))
		sh := pack.T("stats." + s.String() + ".short")
		if sh == "" {
			sh = s.String()
		}
		short = append(short, item(s, sh))
		shortW = append(shortW, worst(sh))
	}
	// Full names on one line, else abbreviations (the World pane and the
	// encyclopedia spell them out), else full names on two lines, else
	// abbreviations on as many as they need.
	for _, try := range []struct {
		items, worst []string
		lines        int
	}{{named, namedW, 1}, {short, shortW, 1}, {named, namedW, 2}} {
		if len(flow(try.worst, "  ", w)) <= try.lines {
			return flow(try.items, "  ", w)
		}
	}
	return flow(short, "  ", w)
}

// scoreLine is the player's score now with its objective breakdown; names
// are shortened to fit. A score read through an estimate says so (≈), and
// the replay of a finished game puts what the player read then beside the
// truth.
func (d *dashboard) scoreLine(w int) []string {
	t := d.ctx.Theme
	sc, p := d.sc(), d.player()
	card := scoreAsRead(sc, &d.view, p, p, d.revealed())
	var seen readScore
	if d.revealed() {
		seen = seenScore(sc, d.ctx.Game.State(), p)
	}
	ad := &sc.Actors[p]
	var head string
	switch {
	case card.any:
		head = text.F("%s (an estimate): ", t.Bold.Render(text.F("Score ≈%d/100", card.Total)))
	case seen.any:
		head = text.F("%s (the truth; ≈%d on your screen then): ", t.Bold.Render(text.F("Score %d/100", card.Total)), seen.Total)
	default:
		head = text.F("%s: ", t.Bold.Render(text.F("Score %d/100", card.Total)))
	}
	var parts []string
	for i, part := range card.Parts {
		o := &ad.Objectives[part.Objective]
		s := o.Name + " " + t.Bold.Render(approx(part.Points, card.est[i])) + "/" + itoa(o.Weight)
		if seen.any && seen.est[i] && seen.Parts[i].Points != part.Points {
			s += text.F(" (≈%d then)", seen.Parts[i].Points)
		}
		parts = append(parts, s)
	}
	lines := flow(append([]string{head + parts[0]}, parts[1:]...), " · ", w)
	if len(lines) > 2 {
		lines = append(lines[:1], ansi.Truncate(strings.Join(lines[1:], " · "), w, "…"))
	}
	return lines
}

// wrap wraps text to w cells, keeping its styles. It breaks lines at
// spaces only: a hyphen stays with its word ("self-reliance", a path such
// as "zerosum-data/reports"), a minus sign with its number, and a signed
// number with the words it qualifies ("grey-zone drills +1" never leaves
// "+1" alone on a line); a word longer than the line is cut at its end.
func wrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	if !strings.ContainsAny(s, "-+±") {
		return text.Wrap(s, w)
	}
	out := text.Wrap(glue(s), w)
	return strings.NewReplacer("\u2011", "-", "\u00a0", " ").Replace(out)
}

// glue makes the hyphens and spaces that must not break a line
// non-breaking: a hyphen inside a word or before a digit becomes U+2011,
// a space before a signed number U+00A0. wrap turns them back.
func glue(s string) string {
	rs := []rune(s)
	signed := func(i int) bool { // a sign at i, then a digit
		return i+1 < len(rs) && (rs[i] == '+' || rs[i] == '-' || rs[i] == '±' || rs[i] == '\u2011') && unicode.IsDigit(rs[i+1])
	}
	for i, r := range rs {
		switch {
		case r == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) && (i > 0 && !unicode.IsSpace(rs[i-1]) || unicode.IsDigit(rs[i+1])):
			rs[i] = '\u2011'
		case r == ' ' && signed(i+1):
			rs[i] = '\u00a0'
		}
	}
	return string(rs)
}

// scroller is a scrollable text pane: a bubbles viewport whose content is
// rebuilt only when the turn or the width changes.
type scroller struct {
	vp     viewport.Model
	gen, w int
	built  bool
	key    [4]int // what out was drawn for: turn, width, height, offset
	out    string
}

// render draws the content in w x h cells, with a scroll hint on the last
// line when it does not all fit.
func (s *scroller) render(t Theme, gen, w, h int, build func(w int) string) string {
	if !s.built || s.gen != gen || s.w != w {
		if s.gen != gen {
			s.vp.SetYOffset(0)
		}
		s.vp.SetWidth(w)
		s.vp.SetContent(build(w))
		s.gen, s.w, s.built = gen, w, true
	}
	if s.key == [4]int{gen, w, h, s.vp.YOffset()} && s.out != "" {
		return s.out
	}
	s.vp.SetWidth(w)
	total := s.vp.TotalLineCount()
	if total <= h {
		s.vp.SetHeight(h)
		s.vp.SetYOffset(0)
		s.key, s.out = [4]int{gen, w, h, 0}, fit(s.vp.View(), w, h)
		return s.out
	}
	s.vp.SetHeight(h - 1)
	s.vp.SetYOffset(s.vp.YOffset()) // clamp after a resize
	first := s.vp.YOffset() + 1
	last := min(s.vp.YOffset()+h-1, total)
	hint := text.F("lines %d-%d of %d · ↑/↓ pgup/pgdn scroll", first, last, total)
	if !s.vp.AtBottom() {
		hint = "↓ " + hint
	}
	s.key = [4]int{gen, w, h, s.vp.YOffset()}
	s.out = fit(s.vp.View(), w, h-1) + "\n" + t.Muted.Render(pad(hint, w))
	return s.out
}

// update scrolls with the movement keys; it reports whether the key was
// one of them.
func (s *scroller) update(keys *KeyMap, k tea.KeyPressMsg) bool {
	return scrollViewport(&s.vp, keys, k)
}

// textPane is a pane of text that scrolls and is rebuilt once a turn: the
// World, News and Why panes.
type textPane struct {
	d     *dashboard
	sc    scroller
	build func(w int) string
}

func (p *textPane) update(k tea.KeyPressMsg) { p.sc.update(&p.d.ctx.Keys, k) }

func (p *textPane) keys() []key.Binding {
	return []key.Binding{p.d.ctx.Keys.PaneScroll, p.d.ctx.Keys.PaneKeys}
}

func (p *textPane) help() []key.Binding {
	k := &p.d.ctx.Keys
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

func (p *textPane) view(w, h int) string {
	return p.sc.render(p.d.ctx.Theme, p.d.gen, w, h, p.build)
}

// clip shows the lines from scroll on in h rows, saying how many are above
// and below; it returns the scroll clamped to what there is.
func clip(t Theme, lines []string, scroll, h int) ([]string, int) {
	out := slices.Clone(lines)
	scroll = min(scroll, max(len(out)-h+1, 0))
	if scroll > 0 {
		out = out[scroll:]
		out[0] = t.Muted.Render(text.F("↑ %d more (pgup)", scroll))
	}
	if len(out) > h {
		more := len(out) - h + 1
		out = out[:h]
		out[h-1] = t.Muted.Render(text.F("↓ %d more lines (pgdn)", more))
	}
	return out, scroll
}
