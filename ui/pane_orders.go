package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/text"
)

// ordersPane lists every action of the player's actor, one row each
// (targeted actions choose their swing state on the row), with a detail
// panel for the highlighted one. Orders change freely until the turn ends.
type ordersPane struct {
	d      *dashboard
	cursor int    // row
	top    int    // first row shown
	scroll int    // first line of the detail panel shown
	flash  string // why the last key did nothing, until the next key
	// flashWhat and flashWhy are a refusal's order and reason, so that a
	// narrow status line can shorten the order and keep the reason.
	flashWhat, flashWhy string
	// compact is set when the pane is too small for the list and the
	// detail together (80x24): the list takes the pane with a short
	// summary of the highlighted order, and enter opens the detail on a
	// page of its own (open), which enter or esc close.
	compact, open bool

	detailKey   string // what detailLines describe
	detailLines []string
}

func newOrdersPane(d *dashboard) *ordersPane {
	return &ordersPane{d: d}
}

// orderRow is one action with its options (one per swing state when
// targeted).
type orderRow struct {
	action int
	opts   []game.Option
}

// rows groups the options by action, in the actor's content order.
func (o *ordersPane) rows() []orderRow {
	var rows []orderRow
	for _, op := range o.d.opts {
		if n := len(rows); n > 0 && rows[n-1].action == op.Action {
			rows[n-1].opts = append(rows[n-1].opts, op)
			continue
		}
		rows = append(rows, orderRow{action: op.Action, opts: []game.Option{op}})
	}
	return rows
}

// chosen is the index of the order for an action in the session's
// orders, or -1.
func (o *ordersPane) chosen(action int) int {
	id := o.d.sc().Actions[action].ID
	return slices.IndexFunc(o.d.ctx.Game.Orders(), func(ord game.Order) bool { return ord.Action == id })
}

// targets is where the player's targeted rows point, by action (see
// seatTurn.targets).
func (o *ordersPane) targets() map[int]int {
	st := o.d.ctx.Game.seat(o.d.player())
	if st.targets == nil {
		st.targets = map[int]int{}
	}
	return st.targets
}

// target is the swing state a targeted row points at: the chosen order's,
// else the one the row was last moved to (this turn or an earlier one),
// else the first the action could reach when the row was first shown,
// which is then kept: a row never moves by itself when orders or capital
// change what is open.
func (o *ordersPane) target(r orderRow) int {
	sc := o.d.sc()
	if !sc.Actions[r.action].Targeted {
		return -1
	}
	if i := o.chosen(r.action); i >= 0 {
		if ti, ok := sc.SwingIndex(o.d.ctx.Game.Orders()[i].Target); ok {
			return ti
		}
	}
	ts := o.targets()
	if t, ok := ts[r.action]; ok && t >= 0 && t < len(sc.Swing) {
		return t
	}
	t := 0
	for _, op := range r.opts {
		if op.Available {
			t = op.Target
			break
		}
	}
	ts[r.action] = t
	return t
}

// option is the row's option for its current target.
func (o *ordersPane) option(r orderRow) game.Option {
	t := o.target(r)
	for _, op := range r.opts {
		if op.Target == t {
			return op
		}
	}
	return r.opts[0]
}

func (o *ordersPane) update(k tea.KeyPressMsg) {
	keys := &o.d.ctx.Keys
	rows := o.rows()
	if len(rows) == 0 {
		return
	}
	o.flash, o.flashWhat, o.flashWhy = "", "", ""
	o.cursor = min(o.cursor, len(rows)-1)
	r := rows[o.cursor]
	switch {
	case key.Matches(k, keys.Left):
		o.retarget(r, -1)
		return
	case key.Matches(k, keys.Right):
		o.retarget(r, 1)
		return
	case key.Matches(k, keys.Toggle):
		o.toggle(r)
		return
	}
	if o.open {
		// The detail page: the movement keys scroll it.
		switch {
		case key.Matches(k, keys.Select, keys.Back):
			o.open, o.scroll = false, 0
		case key.Matches(k, keys.Up):
			o.scroll = max(o.scroll-1, 0)
		case key.Matches(k, keys.Down):
			o.scroll++
		case key.Matches(k, keys.PageUp):
			o.scroll = max(o.scroll-10, 0)
		case key.Matches(k, keys.PageDown):
			o.scroll += 10
		case key.Matches(k, keys.Top):
			o.scroll = 0
		}
		return
	}
	switch {
	case key.Matches(k, keys.Select):
		o.open, o.scroll = true, 0
	case key.Matches(k, keys.Up):
		o.move(-1, len(rows))
	case key.Matches(k, keys.Down):
		o.move(1, len(rows))
	case key.Matches(k, keys.Top):
		o.move(-len(rows), len(rows))
	case key.Matches(k, keys.Bottom):
		o.move(len(rows), len(rows))
	case key.Matches(k, keys.PageUp):
		o.scroll = max(o.scroll-5, 0)
	case key.Matches(k, keys.PageDown):
		o.scroll += 5
	case key.Matches(k, keys.Clear):
		if len(o.d.ctx.Game.Orders()) > 0 {
			o.d.ctx.Game.SetOrders(nil)
			o.flash = text.T("Orders cleared.")
		}
	}
}

func (o *ordersPane) move(by, n int) {
	c := min(max(o.cursor+by, 0), n-1)
	if c != o.cursor {
		o.cursor, o.scroll = c, 0
	}
}

// toggle adds the row's order, if the rules allow it, or removes it. A
// refusal names the order, its target, and the real reason.
func (o *ordersPane) toggle(r orderRow) {
	g := o.d.ctx.Game
	sc := o.d.sc()
	if i := o.chosen(r.action); i >= 0 {
		g.SetOrders(slices.Delete(slices.Clone(g.Orders()), i, i+1))
		return
	}
	op := o.option(r)
	if !op.Available {
		o.refuse(o.rowName(r), o.refusal(op))
		return
	}
	next := append(slices.Clone(g.Orders()), sc.OrderFor(op))
	if err := sc.Validate(&o.d.view, g.Player, next)[len(next)-1]; err != nil {
		o.refuse(o.rowName(r), err.Error())
		return
	}
	g.SetOrders(next)
	if op.Target >= 0 {
		o.targets()[r.action] = op.Target
	}
}

// refuse says an order cannot be added, and why.
func (o *ordersPane) refuse(what, why string) {
	o.flash, o.flashWhat, o.flashWhy = text.F("Cannot add %s: %s", what, why), what, why
}

// flashIn is the flash in w cells: a refusal too long for them shortens
// the order's name, never the reason.
func (o *ordersPane) flashIn(w int) string {
	if text.Width(o.flash) <= w || o.flashWhy == "" {
		return o.flash
	}
	room := w - text.Width(text.F("Cannot add %s: %s", "", o.flashWhy))
	if room < 8 {
		return o.flash
	}
	return text.F("Cannot add %s: %s", text.Truncate(o.flashWhat, room), o.flashWhy)
}

// rowName is a row's action with its target: "Export clusters to a swing
// state → Saudi Arabia".
func (o *ordersPane) rowName(r orderRow) string {
	sc := o.d.sc()
	name := sc.Actions[r.action].Name
	if t := o.target(r); t >= 0 {
		name += " → " + sc.Swing[t].Name
	}
	return name
}

// refusal says why an option cannot be added: the rules' reason for it,
// and, when that is not already the budget, what the budget would say as
// well (it stops every target alike).
func (o *ordersPane) refusal(op game.Option) string {
	reason := o.d.sc().Reason(op)
	if op.Budget() {
		return reason
	}
	var also []string
	if op.AP > o.d.apLeft {
		also = append(also, needsAP(op.AP, o.d.apLeft, false))
	}
	if op.Cost > o.d.capLeft {
		also = append(also, text.F("it costs %d capital and %d is left", op.Cost, o.d.capLeft))
	}
	if len(also) > 0 {
		reason = text.F("%s; and %s", reason, text.AndList(also))
	}
	return reason
}

// retarget moves a targeted row to the next or previous swing state; a
// chosen order follows if it stays legal.
func (o *ordersPane) retarget(r orderRow, by int) {
	sc := o.d.sc()
	if !sc.Actions[r.action].Targeted {
		o.flash = text.T("This action has no target to choose.")
		return
	}
	n := len(sc.Swing)
	t := (o.target(r) + by + n) % n
	i := o.chosen(r.action)
	if i < 0 {
		o.targets()[r.action] = t
		return
	}
	g := o.d.ctx.Game
	next := slices.Clone(g.Orders())
	next[i].Target = sc.Swing[t].ID
	if err := sc.Validate(&o.d.view, g.Player, next)[i]; err != nil {
		o.flash = text.F("Cannot move the order to %s: %v", sc.Swing[t].Name, err)
		return
	}
	g.SetOrders(next)
	o.targets()[r.action] = t
}

func (o *ordersPane) keys() []key.Binding {
	k := &o.d.ctx.Keys
	switch {
	case o.open:
		return []key.Binding{k.Toggle, k.OrderTarget, k.PaneScroll, k.DetailClose}
	case o.compact:
		return []key.Binding{k.Toggle, k.OrderTarget, k.DetailOpen}
	}
	return []key.Binding{k.Toggle, k.OrderTarget}
}

func (o *ordersPane) help() []key.Binding {
	k := &o.d.ctx.Keys
	if o.open {
		return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Toggle, k.OrderTarget, k.DetailClose}
	}
	return []key.Binding{k.Up, k.Down, k.Toggle, k.OrderTarget, k.Clear, k.DetailOpen, k.DetailScroll, k.Top, k.Bottom}
}

// view lays the list and the detail side by side when the pane is wide,
// one above the other when it is tall, and in a small pane (80x24) the
// list alone with a summary of the highlighted order, the detail on its
// own page behind enter.
func (o *ordersPane) view(w, h int) string {
	rows := o.rows()
	o.cursor = min(o.cursor, max(len(rows)-1, 0))
	listH := len(rows) + 2
	o.compact = false
	switch {
	case w >= 96:
		lw := min(max(w*56/100, 40), 58)
		dw := w - lw - 3
		list := o.list(rows, lw, h)
		detail := o.detail(rows, dw, h)
		ll, dl := strings.Split(list, "\n"), strings.Split(detail, "\n")
		sep := o.d.ctx.Theme.Muted.Render(" │ ")
		out := make([]string, h)
		for i := range h {
			out[i] = ll[i] + sep + dl[i]
		}
		return strings.Join(out, "\n")
	case h >= listH+12:
		o.open = false
		return o.list(rows, w, listH) + "\n" + o.d.ctx.Theme.Muted.Render(strings.Repeat("─", w)) + "\n" + o.detail(rows, w, h-listH-1)
	}
	o.compact = true
	if o.open && len(rows) > 0 {
		return o.page(rows, w, h)
	}
	const summaryH = 2
	return o.list(rows, w, h-summaryH) + "\n" + o.summary(rows, w, summaryH)
}

// summary is the highlighted order in short, under the list of a small
// pane: what stops it or what it costs, and its effects; the refusal of
// the last key, when there is one, comes first.
func (o *ordersPane) summary(rows []orderRow, w, h int) string {
	if len(rows) == 0 {
		return fit("", w, h)
	}
	t := o.d.ctx.Theme
	sc := o.d.sc()
	r := rows[o.cursor]
	a := &sc.Actions[r.action]
	op := o.option(r)
	if o.flash != "" {
		// What the last key could not do takes the whole summary.
		lines := strings.Split(wrap("⚠ "+o.flash, w), "\n")
		if len(lines) > h {
			lines = append(lines[:h-1], ansi.Truncate(strings.Join(lines[h-1:], " "), w, "…"))
		}
		return fit(t.Warn.Render(strings.Join(lines, "\n")), w, h)
	}
	var first string
	switch {
	case o.chosen(r.action) >= 0:
		first = t.Good.Render(text.T("✓ In your orders")) + t.Muted.Render(text.F(" · %d AP, %d capital left", o.d.apLeft, o.d.capLeft))
	case op.Available:
		first = t.Good.Render(text.T("○ Available")) + t.Muted.Render(text.F(" · %d AP, %d capital left", o.d.apLeft, o.d.capLeft))
	default:
		first = t.Bad.Render("✗ " + o.refusal(op))
	}
	var effects []string
	for _, e := range a.Effects {
		effects = append(effects, EffectText(sc, e, o.d.player(), o.target(r)))
	}
	effectsS := text.F("Effects: %s", strings.Join(effects, text.T(", ")))
	second := t.Muted.Render(effectsS) + t.Key.Render(text.T(" · enter: details"))
	if text.Width(second) > w {
		more := t.Key.Render(text.T("… enter: details"))
		second = ansi.Truncate(t.Muted.Render(effectsS), w-text.Width(more), "") + more
	}
	return fit(text.Truncate(first, w)+"\n"+second, w, h)
}

// page is the detail of the highlighted order on a page of its own, in a
// small pane: the whole width, scrolled with the movement keys.
func (o *ordersPane) page(rows []orderRow, w, h int) string {
	t := o.d.ctx.Theme
	head := t.Muted.Render(text.F("Order %d of %d · ", o.cursor+1, len(rows))) + t.Key.Render("enter/esc") + t.Muted.Render(text.T(" back to the list"))
	bodyH := h - 1
	if o.flash != "" {
		bodyH--
	}
	var out []string
	out, o.scroll = clip(t, o.described(rows[o.cursor], w), o.scroll, bodyH)
	page := fit(ansi.Truncate(head, w, "…")+"\n"+strings.Join(out, "\n"), w, bodyH+1)
	if o.flash != "" {
		page += "\n" + t.Warn.Render(ansi.Truncate("⚠ "+o.flash, w, "…"))
	}
	return fit(page, w, h)
}

// list draws the rows with the cursor, a header and a status line, in
// exactly w x h cells. In a small pane there is no status line: the
// header says which rows are shown and the summary below takes the rest.
func (o *ordersPane) list(rows []orderRow, w, h int) string {
	t := o.d.ctx.Theme
	sc := o.d.sc()
	// The cost columns: action points and capital (" AP cap" over
	// "  1  20"), as wide as their headings.
	hAP, hCap := text.T("AP"), text.T("cap")
	apW, capW := max(2, text.Width(hAP)), max(3, text.Width(hCap))
	costW := 1 + apW + 1 + capW
	nameW := w - 6 - costW
	visible := max(h-2, 1)
	if o.compact {
		visible = max(h-1, 1)
	}
	if o.cursor < o.top {
		o.top = o.cursor
	}
	if o.cursor >= o.top+visible {
		o.top = o.cursor - visible + 1
	}
	o.top = min(o.top, max(len(rows)-visible, 0))
	title := "      " + text.T("Action")
	if o.compact && len(rows) > visible {
		title += text.F(" · %d-%d of %d", o.top+1, min(o.top+visible, len(rows)), len(rows))
		if o.top+visible < len(rows) {
			title += " ↓"
		}
	}
	lines := []string{t.Muted.Render(pad(title, nameW+6) + padLeft(hAP, apW+1) + " " + padLeft(hCap, capW))}
	for i := o.top; i < len(rows) && i < o.top+visible; i++ {
		r := rows[i]
		a := &sc.Actions[r.action]
		op := o.option(r)
		chosen := o.chosen(r.action) >= 0
		mark := "[ ]"
		switch {
		case chosen:
			mark = "[x]"
		case !op.Available:
			mark = " ✗ "
		}
		name := a.Name
		if a.Targeted {
			name += " → " + sc.Swing[o.target(r)].Name
		}
		if a.Covert {
			name = text.F("%s (covert)", name)
		}
		cost := padLeft(itoa(op.AP), apW) + " " + padLeft(itoa(op.Cost), capW)
		cur := "  "
		if i == o.cursor {
			cur = "▸ "
		}
		line := cur + mark + " " + pad(name, nameW) + padLeft(cost, costW)
		switch {
		case i == o.cursor:
			line = t.Selected.Render(line)
		case chosen:
			line = t.Good.Render(line)
		case !op.Available:
			line = t.Disabled.Render(line)
		}
		lines = append(lines, line)
	}
	if o.compact {
		return fit(strings.Join(lines, "\n"), w, h)
	}
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	status := o.flashIn(w)
	st := t.Warn
	if status == "" {
		st = t.Muted
		var names []string
		for _, ord := range o.d.ctx.Game.Orders() {
			names = append(names, orderName(sc, ord))
		}
		switch {
		case len(rows) > visible:
			status = text.F("%d-%d of %d actions · ", o.top+1, min(o.top+visible, len(rows)), len(rows))
		}
		if len(names) == 0 {
			status += text.F("No orders yet: %d AP and %d capital to spend.", o.d.apLeft, o.d.capLeft)
		} else {
			status += text.F("%d AP, %d capital left · ", o.d.apLeft, o.d.capLeft) + strings.Join(names, text.T(", "))
		}
	}
	lines = append(lines, st.Render(text.Truncate(status, w)))
	return fit(strings.Join(lines, "\n"), w, h)
}

// detail describes the highlighted action: its price, whether it can be
// taken (and why not), its target, its expected effects, its text and its
// basis in the source.
func (o *ordersPane) detail(rows []orderRow, w, h int) string {
	if len(rows) == 0 || w < 10 {
		return fit("", w, h)
	}
	var out []string
	out, o.scroll = clip(o.d.ctx.Theme, o.described(rows[o.cursor], w), o.scroll, h)
	return fit(strings.Join(out, "\n"), w, h)
}

// described is describe for a row at a width, kept until the turn, the
// orders, the row or its target change.
func (o *ordersPane) described(r orderRow, w int) []string {
	key := fmt.Sprint(o.d.gen, o.d.ordKey, r.action, o.target(r), w)
	if key != o.detailKey {
		o.detailKey, o.detailLines = key, o.describe(r, w)
	}
	return o.detailLines
}

// describe writes the detail of a row's action at width w.
func (o *ordersPane) describe(r orderRow, w int) []string {
	t := o.d.ctx.Theme
	sc := o.d.sc()
	pack := o.d.ctx.Game.Pack
	p := o.d.player()
	a := &sc.Actions[r.action]
	op := o.option(r)
	target := o.target(r)
	var out []string
	add := func(s string) { out = append(out, strings.Split(s, "\n")...) }
	add(t.Title.Render(wrap(a.Name, w)))

	price := text.F("%d AP · %d capital", op.AP, op.Cost)
	if a.Escalate > 0 {
		price += text.F(" (+%d each later use)", a.Escalate)
	}
	add(t.Muted.Render(wrap(price, w)))
	var terms []string
	if a.Covert {
		terms = append(terms, text.F("covert: hidden unless exposed (%d%% chance this turn; some news can reveal it later)", a.ExposePct))
	} else {
		terms = append(terms, text.T("public"))
	}
	if a.Cooldown > 0 {
		terms = append(terms, text.F("then rests %d turns", a.Cooldown))
	}
	if a.Once {
		terms = append(terms, text.T("once per game"))
	}
	add(t.Muted.Render(wrap(strings.Join(terms, " · "), w)))

	switch {
	case o.chosen(r.action) >= 0:
		add(t.Good.Render(wrap(text.T("✓ In your orders (space removes it)"), w)))
	case op.Available:
		add(t.Good.Render(wrap(text.T("○ Available (space adds it)"), w)))
	default:
		add(t.Bad.Render(wrap(text.F("✗ Not available: %s", o.refusal(op)), w)))
	}
	if a.Targeted {
		align := o.d.view.Swing[target].Align
		line := text.F("Target ◂ %s ▸ (%d/%d, ←/→) · alignment %s, %s", t.Bold.Render(sc.Swing[target].Name),
			target+1, len(sc.Swing), text.Change(align), blocWord(align))
		if o.chosen(r.action) < 0 {
			line += " · " + o.targetsOpen(r, op)
		}
		add(wrap(line, w))
	}
	if len(a.Requires) > 0 {
		var conds []string
		for _, c := range a.Requires {
			if c.Ref.Kind == game.RefSwing && c.Ref.Swing == game.SwingTarget && target >= 0 {
				c.Ref.Swing = target
			}
			conds = append(conds, sc.Describe(c, p))
		}
		add(t.Muted.Render(wrap(text.F("Requires %s", strings.Join(conds, text.T(", "))), w)))
	}
	add(t.Heading.Render(text.T("Expected effects")))
	for _, e := range a.Effects {
		add(wrap("• "+EffectText(sc, e, p, target), w))
	}
	if len(a.ExposedEffects) > 0 {
		add(t.Heading.Render(text.T("If exposed")))
		for _, e := range a.ExposedEffects {
			add(wrap("• "+EffectText(sc, e, p, target), w))
		}
	}
	if desc := pack.T("actions." + a.ID + ".desc"); desc != "" {
		add("")
		add(Prose(o.d.ctx, desc, w))
	}
	if basis := pack.T("actions." + a.ID + ".basis"); basis != "" {
		add("")
		add(wrap(t.Muted.Render(text.T("Basis: "))+Prose(o.d.ctx, basis, 0), w))
	}
	return out
}

// targetsOpen says how many of a targeted action's swing states are open
// to it, and when the budget closes them all, says so: "5 of 8 targets
// open", "no target open: it costs 13 capital and 10 is left".
func (o *ordersPane) targetsOpen(r orderRow, op game.Option) string {
	open := 0
	for _, x := range r.opts {
		if x.Available {
			open++
		}
	}
	switch {
	case open > 0:
		return text.F("%d of %d targets open", open, len(r.opts))
	case op.Cost > o.d.capLeft:
		return text.F("no target open: it costs %d capital and %d is left", op.Cost, o.d.capLeft)
	case op.AP > o.d.apLeft:
		return needsAP(op.AP, o.d.apLeft, true)
	}
	return text.F("none of the %d targets open", len(r.opts))
}

// needsAP says an order needs more action points than are left: "it
// needs 2 action points and 1 is left" (noTarget: the same for every
// target of the action). The verb agrees with what is left, the noun
// with what is needed, so each count has its own message.
func needsAP(need, left int, noTarget bool) string {
	switch {
	case noTarget && left == 1:
		return text.F("no target open: it needs %d action points and %d is left", need, left)
	case noTarget:
		return text.F("no target open: it needs %d action points and %d are left", need, left)
	case left == 1:
		return text.F("it needs %d action points and %d is left", need, left)
	}
	return text.F("it needs %d action points and %d are left", need, left)
}

// blocWord names the bloc an alignment puts a swing state in.
func blocWord(align int) string {
	switch BlocLetter(align) {
	case "U":
		return text.T("US bloc")
	case "C":
		return text.T("China bloc")
	}
	return text.T("non-aligned")
}
