package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/text"
)

// briefing is the actor's briefing before the first turn: the situation,
// the objectives and where they stand, what every number means, the
// mutual-loss rule and what the model simplifies. It scrolls.
type briefing struct {
	ctx *Context
	doc docView
}

func newBriefing(ctx *Context) *briefing {
	b := &briefing{ctx: ctx, doc: newDocView()}
	b.Resize()
	return b
}

// Resize lays the briefing out again for the terminal's size.
func (b *briefing) Resize() {
	w, h := b.ctx.Width, b.ctx.BodyHeight()
	if w <= 0 || h <= 0 || b.ctx.Game == nil {
		return
	}
	head := b.header()
	b.doc.setSize(w, max(h-lipgloss.Height(head), 1))
	b.doc.setContent(b.content(w))
}

// Update scrolls; enter starts the turn dashboard, esc goes back to the
// setup with the same choices.
func (b *briefing) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || b.ctx.Game == nil {
		return b, nil
	}
	km := b.ctx.Keys
	switch {
	case key.Matches(k, km.Select):
		g := b.ctx.Game
		b.ctx.SwitchTo(newDashboard(b.ctx))
		if g.HotSeat() && g.Player != g.Humans()[0] {
			return b, nil
		}
		return b, b.ctx.autosave(g) // the game starts: its first autosave
	case key.Matches(k, km.Back) && b.ctx.Opts.Table != nil:
		return b, nil // a seat at a table has no setup to go back to
	case key.Matches(k, km.Back) && b.ctx.Game.coach != nil:
		// The guided game has no setup to go back to.
		b.ctx.Game = nil
		b.ctx.SwitchTo(newTitle(b.ctx))
	case key.Matches(k, km.Back):
		if !b.canGoBack() {
			b.ctx.Flash(text.T("Another player has given orders already: the game has begun, there is no going back to the setup."))
			return b, nil
		}
		s := newSetupFrom(b.ctx, b.ctx.Game)
		b.ctx.Game = nil
		b.ctx.SwitchTo(s)
	default:
		b.doc.scroll(k, km)
	}
	return b, nil
}

// backWhere is where esc goes: the setup, or the title from the guided
// game.
func (b *briefing) backWhere() string {
	if b.ctx.Game != nil && b.ctx.Game.coach != nil {
		return text.T("back to the title screen")
	}
	return text.T("back to the setup")
}

// canGoBack reports whether esc may drop the game for the setup: not once
// another player of a hot-seat game has handed in orders.
func (b *briefing) canGoBack() bool {
	g := b.ctx.Game
	for _, a := range g.Humans() {
		if g.Submitted(a) {
			return false
		}
	}
	return true
}

// header is the briefing's title bar: who you are, when, and the seed.
func (b *briefing) header() string {
	th := b.ctx.Theme
	g := b.ctx.Game
	sc := g.Scenario()
	w := b.ctx.Width
	a := sc.Actors[g.Player]
	left := th.Title.Render(text.T("BRIEFING")) + "  " + th.Bold.Render(g.Who(g.Player)) + th.Muted.Render(" · ") +
		th.Text.Render(g.Pack.T("actors."+a.ID+".title"))
	right := th.Muted.Render(text.F("%s · %s · seed %d", sc.Title, text.Half(sc.HalfYear(g.State().Turn)), g.Match.Seed))
	pos := th.Muted.Render(b.doc.position())
	line := docSpread(left, right, w)
	if lipgloss.Width(left)+lipgloss.Width(right)+2 > w {
		line = left + "\n" + right
	}
	return line + "\n" + docSpread(th.Muted.Render(strings.Repeat("─", max(w-lipgloss.Width(pos)-1, 0))), pos, w)
}

// content is the whole briefing, in one column on narrow terminals and two
// side by side from 110 columns.
func (b *briefing) content(w int) string {
	if w >= 110 {
		lw := (w - 3) / 2
		rw := w - 3 - lw
		left := strings.Join([]string{b.situation(lw), b.objectives(lw), b.mutualLoss(lw)}, "\n\n")
		right := strings.Join([]string{b.numbers(rw), b.world(rw), b.simplifies(rw), b.startKeys(rw)}, "\n\n")
		return lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(lw).Render(left), "   ", right) // each part wrapped to its width already
	}
	cw := min(w-1, 100)
	return strings.Join([]string{b.situation(cw), b.objectives(cw), b.mutualLoss(cw), b.numbers(cw),
		b.world(cw), b.simplifies(cw), b.startKeys(cw)}, "\n\n")
}

func (b *briefing) situation(w int) string {
	th := b.ctx.Theme
	g := b.ctx.Game
	a := g.Scenario().Actors[g.Player]
	return th.Heading.Render(text.T("THE SITUATION")) + "\n" + Prose(b.ctx, g.Pack.Summary, w) + "\n\n" +
		th.Heading.Render(text.F("YOU LEAD %s", strings.ToUpper(a.Name))) + "\n" +
		Prose(b.ctx, g.Pack.T("actors."+a.ID+".pitch"), w)
}

func (b *briefing) objectives(w int) string {
	th := b.ctx.Theme
	g := b.ctx.Game
	sc := g.Scenario()
	view := g.View()
	card := scoreAsRead(sc, &view, g.Player, g.Player, g.Reveal)
	a := sc.Actors[g.Player]
	var out []string
	out = append(out, th.Heading.Render(text.T("YOUR OBJECTIVES")),
		wrap(text.T("Your final score, 0 to 100, is the sum of these. Each pays its weight in full once its measure reaches the far end of its range, and part of it on the way."), w))
	for i, p := range card.Parts {
		o := a.Objectives[p.Objective]
		head := th.Bold.Render(text.F("%2d pts  %s", o.Weight, o.Name))
		pts := th.Muted.Render(text.F("now %s of %d", approx(p.Points, card.est[i]), o.Weight))
		out = append(out, "", docSpread(head, pts, w))
		desc := g.Pack.T("objectives." + a.ID + "." + o.ID + ".desc")
		if desc == "" {
			desc = text.F("%s, from %d (nothing) to %d (all).", sc.Label(o.Measure, g.Player), o.From, o.To)
		}
		out = append(out, docIndent(Prose(b.ctx, desc, w-8), 8))
		now := text.F("%s %3d%%  now: %s %s", Meter(th, p.Progress, 0, 100, 10), p.Progress,
			sc.Label(o.Measure, g.Player), approx(p.Value, card.est[i]))
		if card.est[i] {
			now += th.Muted.Render(text.T(" (an estimate: as far as you can tell)"))
		}
		out = append(out, docIndent(wrap(now, w-8), 8))
	}
	if card.any {
		out = append(out, "", th.Bold.Render(text.F("Score if the game ended now: ≈%d of 100", card.Total)),
			th.Muted.Render(wrap(text.F("An estimate, like the score on your dashboard: %s. The end of the game shows the real score beside it.", estimateWhy(sc, card, g.Player, false)), w)))
	} else {
		out = append(out, "", th.Bold.Render(text.F("Score if the game ended now: %d of 100", card.Total)))
	}
	return strings.Join(out, "\n")
}

func (b *briefing) mutualLoss(w int) string {
	th := b.ctx.Theme
	g := b.ctx.Game
	sc := g.Scenario()
	t := g.State().Tension()
	rule := text.F("If Strait tension reaches %d, the game ends at once in a Strait crisis. "+
		"The game keeps count of who put the pressure there: the orders that raised tension, and those that fed "+
		"the grievance behind Beijing's grey-zone pressure. ", game.TrackTension.Max()) + CrisisRule(sc)
	return th.Heading.Render(text.T("THE MUTUAL-LOSS RULE")) + "\n" + wrap(rule, w) + "\n" +
		text.T("Strait tension now: ") + TensionGauge(th, t)
}

func (b *briefing) numbers(w int) string {
	th := b.ctx.Theme
	g := b.ctx.Game
	sc := g.Scenario()
	a := sc.Actors[g.Player]
	view := g.View()
	out := []string{th.Heading.Render(text.T("YOUR NUMBERS")),
		wrap(text.F("Each turn you have %d action points to spend on orders, and earn about %d capital.", a.AP, a.Income), w)}
	lw := 0
	for s := range game.NumStats {
		if a.Has[s] {
			lw = max(lw, ansi.StringWidth(sc.StatName(s)))
		}
	}
	lw += 5
	for s := range game.NumStats {
		if !a.Has[s] {
			continue
		}
		desc := g.Pack.T("stats." + s.String() + ".desc")
		if ch, ok := g.Match.Setup.ChangeOf(statRef(g.Player, s)); ok && len(g.Match.Turns) == 0 {
			// The setup lists the numbers before the opening news.
			desc = th.Muted.Render(text.F("%d before the opening news (%s). ", ch.Before, topCauses(g.Pack, ch.Causes, 2))) + desc
		}
		if w-lw-1 < 40 {
			// Too narrow for a column of text beside the names: stack.
			out = append(out, th.Bold.Render(sc.StatName(s))+"  "+th.Bold.Render(itoa(view.Stat(g.Player, s))),
				docIndent(Prose(b.ctx, desc, w-2), 2))
			continue
		}
		left := docPad(sc.StatName(s), lw-4) + th.Bold.Render(fmt.Sprintf("%4d", view.Stat(g.Player, s)))
		out = append(out, docRow(left, lw, Prose(b.ctx, desc, 0), w))
	}
	return strings.Join(out, "\n")
}

// trackValue writes a track's value for a reader: the level's name for a
// stepped track, the gauge for tension.
func docTrackValue(ctx *Context, tr game.Track, v int) string {
	switch tr {
	case game.TrackTension:
		return fmt.Sprintf("%d %s", v, TensionWord(v))
	case game.TrackControls, game.TrackQuotas:
		if ctx.Game != nil {
			if l := ctx.Game.Pack.Level(tr, v); l != "" {
				return fmt.Sprintf("%d: %s", v, l)
			}
		}
	case game.TrackPerceivedGap:
		return text.Change(v)
	}
	return itoa(v)
}

func (b *briefing) world(w int) string {
	th := b.ctx.Theme
	g := b.ctx.Game
	sc := g.Scenario()
	view := g.View()
	out := []string{th.Heading.Render(text.T("THE WORLD")), wrap(text.T("Global tracks every player sees."), w)}
	for t := range game.NumTracks {
		name := th.Bold.Render(sc.TrackName(t))
		val := docTrackValue(b.ctx, t, view.Tracks[t])
		if t == game.TrackTension {
			val = TensionGauge(th, view.Tracks[t])
		}
		out = append(out, "", name+"  "+val)
		out = append(out, docIndent(Prose(b.ctx, g.Pack.T("tracks."+t.String()+".desc"), w-2), 2))
	}
	return strings.Join(out, "\n")
}

func (b *briefing) simplifies(w int) string {
	th := b.ctx.Theme
	return th.Heading.Render(text.T("WHAT THE MODEL SIMPLIFIES")) + "\n" + Prose(b.ctx, b.ctx.Game.Pack.Note, w)
}

func (b *briefing) startKeys(w int) string {
	th := b.ctx.Theme
	rows := [][2]string{
		{"enter", text.T("go to the turn dashboard and give your first orders")},
		{"↑/↓ pgup/pgdn", text.T("scroll this briefing")},
		{"esc", text.F("%s to choose again", b.backWhere())},
		{"?", text.T("the keys of any screen, at any time")},
	}
	out := []string{th.Heading.Render(text.T("TO START"))}
	for _, r := range rows {
		out = append(out, docRow(th.Key.Render(r[0]), 14, th.Text.Render(r[1]), w))
	}
	return strings.Join(out, "\n")
}

// View draws the header and the scrolling page.
func (b *briefing) View() string {
	w, h := b.ctx.Width, b.ctx.BodyHeight()
	if b.ctx.Game == nil {
		return fit("", w, h)
	}
	return fit(b.header()+"\n"+b.doc.view(), w, h)
}

// Name is shown in the help overlay.
func (b *briefing) Name() string { return text.T("Briefing") }

// Keys are the briefing's keys for the footer.
func (b *briefing) Keys() []key.Binding {
	km := b.ctx.Keys
	start := km.Select
	start.SetHelp("enter", text.T("start"))
	if b.ctx.Opts.Table != nil {
		return []key.Binding{start, km.Down, km.PageDown} // no setup to go back to
	}
	return []key.Binding{start, km.Down, km.PageDown, km.Back}
}

// KeyGroups are the briefing's keys for the help overlay.
func (b *briefing) KeyGroups() [][]key.Binding {
	km := b.ctx.Keys
	start := km.Select
	start.SetHelp("enter", text.T("start the first turn"))
	back := km.Back
	back.SetHelp("esc", b.backWhere())
	first := []key.Binding{start, back}
	if b.ctx.Opts.Table != nil {
		first = first[:1]
	}
	return [][]key.Binding{first, {km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom}}
}

// docView is a page of text that scrolls: a bubbles viewport driven by the
// key map's movement keys (not the viewport's own bindings, so the keys are
// the game's everywhere).
type docView struct {
	vp viewport.Model
}

func newDocView() docView {
	vp := viewport.New()
	vp.MouseWheelEnabled = false
	return docView{vp: vp}
}

func (d *docView) setSize(w, h int) {
	d.vp.SetWidth(max(w, 1))
	d.vp.SetHeight(max(h, 1))
}

func (d *docView) setContent(s string) { d.vp.SetContent(s) }

// scroll handles a movement key and reports whether it was one.
func (d *docView) scroll(k tea.KeyPressMsg, km KeyMap) bool { return scrollViewport(&d.vp, &km, k) }

// moveCursor moves a list cursor over n rows with the movement keys (up,
// down, top, bottom, and page keys when page > 0) and reports whether the
// key was one of them. Every list in the interface uses it.
func moveCursor(km *KeyMap, k tea.KeyPressMsg, cur, n, page int) (int, bool) {
	last := max(n-1, 0)
	switch {
	case key.Matches(k, km.Up):
		return max(cur-1, 0), true
	case key.Matches(k, km.Down):
		return min(cur+1, last), true
	case key.Matches(k, km.Top):
		return 0, true
	case key.Matches(k, km.Bottom):
		return last, true
	case page > 0 && key.Matches(k, km.PageUp):
		return max(cur-page, 0), true
	case page > 0 && key.Matches(k, km.PageDown):
		return min(cur+page, last), true
	}
	return cur, false
}

// scrollViewport moves a viewport with the movement keys (line, page, top,
// bottom) and reports whether the key was one of them. Every scrolling
// text in the interface goes through it, so the keys are the same
// everywhere.
func scrollViewport(vp *viewport.Model, km *KeyMap, k tea.KeyPressMsg) bool {
	switch {
	case key.Matches(k, km.Up):
		vp.ScrollUp(1)
	case key.Matches(k, km.Down):
		vp.ScrollDown(1)
	case key.Matches(k, km.PageUp):
		vp.PageUp()
	case key.Matches(k, km.PageDown):
		vp.PageDown()
	case key.Matches(k, km.Top):
		vp.GotoTop()
	case key.Matches(k, km.Bottom):
		vp.GotoBottom()
	default:
		return false
	}
	return true
}

func (d *docView) view() string { return d.vp.View() }

// position says where the page is: "all shown", "top ↓", "42% ↕", "end ↑".
func (d *docView) position() string {
	total, shown := d.vp.TotalLineCount(), d.vp.VisibleLineCount()
	switch {
	case total <= d.vp.Height() || total <= shown && d.vp.YOffset() == 0:
		return ""
	case d.vp.AtTop():
		return text.F("lines 1-%d of %d ↓", d.vp.Height(), total)
	case d.vp.AtBottom():
		return text.F("lines %d-%d of %d ↑", d.vp.YOffset()+1, total, total)
	}
	return text.F("lines %d-%d of %d ↕", d.vp.YOffset()+1, d.vp.YOffset()+d.vp.Height(), total)
}

// spread puts left at the start and right at the end of a line of width
// cells (right is dropped when both do not fit).
func docSpread(left, right string, width int) string {
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return left
	}
	return left + strings.Repeat(" ", gap) + right
}

// indent shifts every line of s right by n cells.
func docIndent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// padTo pads s with spaces to n cells.
func docPad(s string, n int) string {
	if w := ansi.StringWidth(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// docRow lays out a left column of leftW cells and text wrapped in the rest
// of the width, lined up under itself. When the rest is too narrow the text
// goes below, indented.
func docRow(left string, leftW int, text string, width int) string {
	tw := width - leftW - 1
	if tw < 24 {
		return left + "\n" + docIndent(wrap(text, max(width-4, 10)), 4)
	}
	lines := strings.Split(wrap(text, tw), "\n")
	out := docPad(left, leftW) + " " + lines[0]
	pad := strings.Repeat(" ", leftW+1)
	for _, l := range lines[1:] {
		out += "\n" + pad + l
	}
	return out
}
