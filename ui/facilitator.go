package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/game/forecast"
	"zerosum/text"
)

// facMode is what the facilitator's screen shows.
type facMode int

const (
	facMain     facMode = iota // the turn's state and the facilitator's menu
	facEvents                  // the scenario's events, to inject one
	facCustom                  // a form for custom news with chosen effects
	facReveal                  // the whole truth, for the room
	facForecast                // the room's forecast, from the public view
)

// facRow is a row of the facilitator's menu.
type facRow int

const (
	facResolve facRow = iota
	facPause
	facTimer
	facInjectEvent
	facInjectCustom
	facClearNews
	facForecastRow
	facRevealRow
	facExport
	numFacRows
)

// timerSteps are the order timer's settings in minutes (0: off).
var timerSteps = []int{0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30}

// Limits of the custom news form.
const (
	headlineLimit = 80
	effectsLimit  = 160
)

// facilitatorScreen is the facilitator's screen, behind its own key (F2)
// in a game run with a facilitator: who has handed in orders, resolving
// the turn (the turn waits here once every player has submitted, when
// pausing is on), injecting a content event or custom news, the order
// timer, revealing the whole truth to the room, and exporting the
// debrief. It never shows a player's orders; the reveal page, which shows
// everything, is clearly marked as the facilitator's.
type facilitatorScreen struct {
	ctx    *Context
	back   Screen // the screen it was opened from; nil while the turn waits here
	mode   facMode
	cursor facRow

	ev, evTop int // the event under the cursor, and the first listed

	headline, effects textinput.Model
	field             int    // 0: the headline, 1: the effects
	note              string // why the custom news was refused

	doc docView // the reveal page

	fcScroll int // the forecast page's scroll
}

func newFacilitator(ctx *Context, back Screen) *facilitatorScreen {
	f := &facilitatorScreen{ctx: ctx, back: back, doc: newDocView(),
		headline: newTextField(ctx, headlineLimit, text.T("e.g. Typhoon shuts TSMC's fabs for a week")),
		effects:  newTextField(ctx, effectsLimit, text.T("e.g. tension=+1; taipei.security=-2")),
	}
	if ctx.Game.Match.Over() {
		f.cursor = facRevealRow
	}
	ctx.warmReport()
	return f
}

func (f *facilitatorScreen) game() *Session { return f.ctx.Game }

// Capturing is true while the custom news is being typed.
func (f *facilitatorScreen) Capturing() bool { return f.mode == facCustom }

// Resize lays the reveal page out again.
func (f *facilitatorScreen) Resize() {
	if f.mode == facReveal {
		f.layoutReveal()
	}
}

// leave goes back to the players' screen it was opened from. While the
// turn waits for the facilitator there is none: it says what to do.
func (f *facilitatorScreen) leave() {
	switch {
	case f.back != nil:
		f.ctx.SwitchTo(f.back)
	case f.game().Facil.Waiting:
		f.ctx.Flash(text.T("Every player's orders are in: the turn waits for you. Choose Resolve the turn (enter) when the room is ready."))
	default:
		f.ctx.SwitchTo(f.ctx.beginTurn())
	}
}

// Update handles the keys of the page in view.
func (f *facilitatorScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if p, ok := msg.(tea.PasteMsg); ok && f.mode == facCustom {
		f.note = ""
		f.input().SetValue(f.input().Value() + strings.ReplaceAll(p.Content, "\n", " "))
		f.input().CursorEnd()
		return f, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return f, nil
	}
	km := f.ctx.Keys
	switch f.mode {
	case facMain:
		return f, f.updateMain(k)
	case facEvents:
		f.updateEvents(k)
	case facCustom:
		f.updateCustom(k)
	case facForecast:
		switch {
		case key.Matches(k, km.Back):
			if f.ctx.stopForecast(fcRoom) {
				f.ctx.Flash(text.T("Forecast stopped; enter plays it again, esc goes back."))
			} else {
				f.mode = facMain
			}
		case key.Matches(k, km.Select):
			f.ctx.restartForecast(fcRoom)
		case key.Matches(k, km.Up):
			f.fcScroll = max(f.fcScroll-1, 0)
		case key.Matches(k, km.Down):
			f.fcScroll++
		case key.Matches(k, km.PageUp):
			f.fcScroll = max(f.fcScroll-10, 0)
		case key.Matches(k, km.PageDown):
			f.fcScroll += 10
		case key.Matches(k, km.Top):
			f.fcScroll = 0
		}
	case facReveal:
		switch {
		case key.Matches(k, km.Back):
			f.mode = facMain
		case key.Matches(k, km.Export):
			return f, f.ctx.exportReport()
		default:
			f.doc.scroll(k, km)
		}
	}
	return f, nil
}

func (f *facilitatorScreen) updateMain(k tea.KeyPressMsg) tea.Cmd {
	km := f.ctx.Keys
	switch {
	case key.Matches(k, km.Up):
		f.cursor = (f.cursor + numFacRows - 1) % numFacRows
	case key.Matches(k, km.Down):
		f.cursor = (f.cursor + 1) % numFacRows
	case key.Matches(k, km.Top):
		f.cursor = 0
	case key.Matches(k, km.Bottom):
		f.cursor = numFacRows - 1
	case key.Matches(k, km.Back):
		f.leave()
	case key.Matches(k, km.Export):
		return f.ctx.exportReport()
	case key.Matches(k, km.Left):
		f.change(-1)
	case key.Matches(k, km.Right):
		f.change(1)
	case key.Matches(k, km.Select):
		return f.choose()
	}
	return nil
}

// over says the game is over when a row needs a game in progress.
func (f *facilitatorScreen) over() bool {
	if f.game().Match.Over() {
		f.ctx.Flash(text.T("The game is over: reveal and export still work."))
		return true
	}
	return false
}

// change steps the value of the pause or timer row.
func (f *facilitatorScreen) change(step int) {
	g := f.game()
	switch f.cursor {
	case facPause:
		if !f.over() {
			g.Facil.Pause = !g.Facil.Pause
		}
	case facTimer:
		if f.over() {
			return
		}
		i := 0
		for j, m := range timerSteps {
			if m <= g.Facil.TimerMinutes {
				i = j
			}
		}
		i = (i + step + len(timerSteps)) % len(timerSteps)
		g.Facil.TimerMinutes = timerSteps[i]
		if g.Facil.TimerMinutes == 0 {
			g.clock.stop()
		}
	}
}

// choose acts on the row under the cursor.
func (f *facilitatorScreen) choose() tea.Cmd {
	g := f.game()
	switch f.cursor {
	case facResolve:
		if !f.over() {
			f.askResolve()
		}
	case facPause, facTimer:
		f.change(1)
	case facInjectEvent:
		if !f.over() {
			f.mode = facEvents
		}
	case facInjectCustom:
		if !f.over() {
			f.mode, f.field, f.note = facCustom, 0, ""
			f.headline.SetValue("")
			f.effects.SetValue("")
			f.focus()
		}
	case facClearNews:
		if n := len(g.Facil.Inject); n == 0 {
			f.ctx.Flash(text.T("No news is queued for this turn."))
		} else {
			g.Facil.Inject = nil
			f.ctx.Flash(text.F("Cleared the %d queued items of news.", n))
		}
	case facForecastRow:
		if !f.over() {
			f.mode, f.fcScroll = facForecast, 0
		}
	case facRevealRow:
		f.mode = facReveal
		f.layoutReveal()
		f.doc.vp.GotoTop()
	case facExport:
		return f.ctx.exportReport()
	}
	return nil
}

// askResolve confirms resolving the turn now; players who have not handed
// in their orders have them go in as they stand.
func (f *facilitatorScreen) askResolve() {
	g := f.game()
	sc := g.Scenario()
	turn := g.State().Turn
	var missing []string
	for _, a := range g.Humans() {
		if !g.Submitted(a) {
			missing = append(missing, g.Who(a))
		}
	}
	var detail string
	switch {
	case g.Spectating():
		detail = text.T("The bots give their orders and the turn resolves.")
	case len(missing) == 0:
		detail = text.T("Every player's orders are in.")
	default:
		detail = text.F("Not every player has handed in orders: %s. Their orders go in as they stand now.", endJoin(missing))
	}
	if n := len(g.Facil.Inject); n > 0 {
		detail += text.F(" %d items of news you queued fire with the next turn's news.", n)
	}
	q := text.F("Resolve turn %d (%s) now?", turn, text.Half(sc.HalfYear(turn)))
	f.ctx.Open(NewConfirm(f.ctx, q, detail, func() tea.Cmd {
		for _, a := range g.Humans() {
			g.seat(a).submitted = true
		}
		g.clock.stop()
		return f.ctx.resolveTurn()
	}, nil))
}

// events are the scenario's events, for the list.
func (f *facilitatorScreen) events() []game.EventDef { return f.game().Scenario().Events }

func (f *facilitatorScreen) updateEvents(k tea.KeyPressMsg) {
	km := f.ctx.Keys
	if c, ok := moveCursor(&km, k, f.ev, len(f.events()), 10); ok {
		f.ev = c
		return
	}
	switch {
	case key.Matches(k, km.Back):
		f.mode = facMain
	case key.Matches(k, km.Select):
		g := f.game()
		ev := f.events()[f.ev]
		in, err := g.Scenario().ParseInjection("event:" + ev.ID)
		if err != nil {
			f.ctx.FlashError(text.F("⚠ %v", err))
			return
		}
		g.Facil.Inject = append(g.Facil.Inject, in)
		f.mode = facMain
		f.ctx.Flash(text.F("Queued: %s. It fires with the news of %s, when this turn resolves.", f.headlineOf(f.ev), text.Half(g.Scenario().HalfYear(g.State().Turn+1))))
	}
}

// headlineOf is an event's headline as players read it.
func (f *facilitatorScreen) headlineOf(e int) string {
	ev := f.events()[e]
	if h := f.game().Pack.T("events." + ev.ID + ".headline"); h != "" {
		return h
	}
	return ev.Name
}

// input is the field being typed.
func (f *facilitatorScreen) input() *textinput.Model {
	if f.field == 0 {
		return &f.headline
	}
	return &f.effects
}

func (f *facilitatorScreen) focus() {
	f.headline.Blur()
	f.effects.Blur()
	f.input().Focus()
	f.input().CursorEnd()
}

func (f *facilitatorScreen) updateCustom(k tea.KeyPressMsg) {
	km := f.ctx.Keys
	switch {
	case key.Matches(k, km.Back):
		f.mode = facMain
		f.headline.Blur()
		f.effects.Blur()
	case key.Matches(k, km.NextTab, km.PrevTab, km.Up, km.Down) && k.Text == "":
		f.field = 1 - f.field
		f.focus()
	case key.Matches(k, km.Select):
		if f.field == 0 {
			f.field = 1
			f.focus()
			return
		}
		f.queueCustom()
	default:
		f.note = ""
		*f.input(), _ = f.input().Update(k)
	}
}

// queueCustom checks the form with the engine's own reader of injections
// and queues the news, or says what is wrong.
func (f *facilitatorScreen) queueCustom() {
	g := f.game()
	sc := g.Scenario()
	head := strings.TrimSpace(strings.ReplaceAll(f.headline.Value(), "|", "/"))
	effects := strings.ReplaceAll(f.effects.Value(), ",", ";")
	in, err := sc.ParseInjection("news:" + head + "|" + effects)
	if err != nil {
		f.note = text.Sentence(err.Error())
		if head == "" {
			f.field = 0
			f.focus()
		}
		return
	}
	g.Facil.Inject = append(g.Facil.Inject, in)
	f.mode = facMain
	f.headline.Blur()
	f.effects.Blur()
	f.ctx.Flash(text.F("Queued: %q (%s). It fires when this turn resolves.", in.Headline, f.effectsText(in)))
}

// effectsText writes an injection's effects: "Strait tension +1, Taipei
// Security -2".
func (f *facilitatorScreen) effectsText(in game.Injection) string {
	sc := f.game().Scenario()
	var parts []string
	for _, e := range in.Effects {
		if e.Target.Kind == game.RefStat && e.Target.Actor < 0 {
			continue
		}
		parts = append(parts, EffectText(sc, e, 0, -1))
	}
	return endJoin(parts)
}

// injectionText is a queued item of news for the list.
func (f *facilitatorScreen) injectionText(in game.Injection) string {
	if in.Event >= 0 {
		return text.F("%s (event)", f.headlineOf(in.Event))
	}
	return text.F("%s (%s)", in.Headline, f.effectsText(in))
}

// layoutReveal sizes the reveal page and fills it.
func (f *facilitatorScreen) layoutReveal() {
	w, h := f.ctx.Width, f.ctx.BodyHeight()
	if w <= 0 || h <= 0 {
		return
	}
	f.doc.setSize(w, max(h-3, 1))
	f.doc.setContent(fullView(f.ctx, min(w-1, 110)))
}

// Name is shown in the help overlay.
func (f *facilitatorScreen) Name() string {
	switch f.mode {
	case facEvents:
		return text.T("Facilitator: inject an event")
	case facCustom:
		return text.T("Facilitator: custom news")
	case facReveal:
		return text.T("Facilitator: the whole truth")
	case facForecast:
		return text.T("Facilitator: forecast for the room")
	}
	return text.T("Facilitator")
}

// Keys are the facilitator's keys for the footer.
func (f *facilitatorScreen) Keys() []key.Binding {
	km := f.ctx.Keys
	back := km.Back
	back.SetHelp("esc", text.T("back"))
	switch f.mode {
	case facEvents:
		inject := km.Select
		inject.SetHelp("enter", text.T("inject"))
		return []key.Binding{km.ListMove, inject, back}
	case facCustom:
		typing := km.NameType
		typing.SetHelp("a-z", text.T("type"))
		next := km.NextTab
		next.SetHelp("tab", text.T("field"))
		queue := km.Select
		queue.SetHelp("enter", text.T("next/queue"))
		cancel := km.Back
		cancel.SetHelp("esc", text.T("cancel"))
		return []key.Binding{typing, next, queue, cancel}
	case facReveal:
		return []key.Binding{km.PaneScroll, km.Export, back}
	case facForecast:
		if f.ctx.forecasts[fcRoom].running() {
			stop := km.Back
			stop.SetHelp("esc", text.T("stop"))
			return []key.Binding{km.PaneScroll, stop}
		}
		again := km.Select
		again.SetHelp("enter", text.T("play again"))
		return []key.Binding{km.PaneScroll, again, back}
	}
	choose := km.Select
	choose.SetHelp("enter", text.T("choose"))
	change := km.Right
	change.SetHelp("←/→", text.T("change"))
	export := km.Export
	export.SetHelp("e", text.T("export"))
	keys := []key.Binding{km.ListMove, choose, change, export}
	if f.back != nil {
		ret := km.Back
		ret.SetHelp("esc", text.T("back"))
		keys = append(keys, ret)
	}
	return keys
}

// KeyGroups are the facilitator's keys for the help overlay.
func (f *facilitatorScreen) KeyGroups() [][]key.Binding {
	km := f.ctx.Keys
	if f.mode == facMain {
		return [][]key.Binding{f.Keys()}
	}
	return [][]key.Binding{f.Keys(), {km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom}}
}

// View draws the page in view.
func (f *facilitatorScreen) View() string {
	w, h := f.ctx.Width, f.ctx.BodyHeight()
	if w <= 0 || h <= 0 {
		return ""
	}
	head := f.header(w)
	var body string
	switch f.mode {
	case facEvents:
		body = f.eventsView(w, h-len(head))
	case facCustom:
		body = f.customView(w)
	case facReveal:
		return fit(strings.Join(f.revealHeader(w), "\n")+"\n"+f.doc.view(), w, h)
	case facForecast:
		body = f.forecastView(w, h-len(head))
	default:
		if w >= 110 {
			lw := min(w*55/100, 90)
			left := fit(f.mainView(lw), lw, h-len(head))
			right := fit(f.history(w-lw-3, h-len(head)), w-lw-3, h-len(head))
			sep := strings.TrimSuffix(strings.Repeat(f.ctx.Theme.Muted.Render("│")+"\n", h-len(head)), "\n")
			body = lipgloss.JoinHorizontal(lipgloss.Top, left, " ", sep, " ", right)
		} else {
			body = f.mainView(w)
		}
	}
	return fit(strings.Join(head, "\n")+"\n"+body, w, h)
}

// history is the game so far as the room knows it, for the side of the
// wide screen: each resolved turn's news, the facilitator's marked (no
// orders, no secrets).
func (f *facilitatorScreen) history(w, h int) string {
	t := f.ctx.Theme
	g := f.game()
	sc := g.Scenario()
	out := []string{t.Heading.Render(text.T("THE GAME SO FAR")) + t.Muted.Render(text.T(" — the news, as every player read it"))}
	if len(g.Match.Turns) == 0 {
		out = append(out, t.Muted.Render(wrap(text.T("No turn has been played yet."), w)))
	}
	var turns []string
	for i := len(g.Match.Turns) - 1; i >= 0; i-- {
		tn := g.Match.Turns[i]
		var news []string
		for _, e := range tn.Report.Events {
			marked := ""
			for _, in := range tn.Inject {
				if in.Event == e {
					marked = t.Accent.Render(text.T(" (yours)"))
				}
			}
			news = append(news, "■ "+f.headlineOf(e)+marked)
		}
		for _, hd := range tn.Report.Injected {
			news = append(news, "■ "+hd+t.Accent.Render(text.T(" (yours)")))
		}
		if len(news) == 0 {
			news = append(news, t.Muted.Render(text.T("no news")))
		}
		block := t.Bold.Render(text.F("After %s", text.Half(sc.HalfYear(i+1))))
		for _, n := range news {
			block += "\n" + hang(n, w, 2)
		}
		turns = append(turns, block)
	}
	out = append(out, turns...)
	page := strings.Join(out, "\n")
	if lines := strings.Split(page, "\n"); len(lines) > h {
		page = strings.Join(append(lines[:h-1], t.Muted.Render("…")), "\n")
	}
	return page
}

// header is the screen's title bar: whose screen it is, the game, the turn.
func (f *facilitatorScreen) header(w int) []string {
	t := f.ctx.Theme
	g := f.game()
	sc := g.Scenario()
	turn := min(g.State().Turn, sc.Turns)
	date := text.Half(sc.HalfYear(turn))
	left := t.Title.Render(text.T("FACILITATOR")) + t.Muted.Render(text.T(" · not for the players' eyes"))
	right := text.F("%s · seed %d · Turn %d of %d · %s", sc.Title, g.Match.Seed, turn, sc.Turns, date)
	if g.Match.Over() {
		right = text.F("%s · seed %d · the game is over", sc.Title, g.Match.Seed)
	}
	right = firstFit(max(w-text.Width(left)-2, 10), t.Muted.Render(right), t.Muted.Render(text.F("Turn %d/%d · %s", turn, sc.Turns, date)))
	return []string{spread(left, right, w), t.Muted.Render(strings.Repeat("─", w))}
}

// revealHeader marks the reveal page as the facilitator's full view.
func (f *facilitatorScreen) revealHeader(w int) []string {
	t := f.ctx.Theme
	g := f.game()
	turn := min(g.State().Turn, g.Scenario().Turns)
	banner := firstFit(w,
		text.F(" THE FACILITATOR'S VIEW · %s · every hidden number and secret action, revealed to the room ", text.Half(g.Scenario().HalfYear(turn))),
		text.T(" THE FACILITATOR'S VIEW · everything hidden, revealed "),
		text.T(" FACILITATOR'S VIEW "))
	pos := t.Muted.Render(f.doc.position())
	hint := t.Muted.Render(text.T("esc: back to the facilitator's screen · e: export the debrief"))
	return []string{t.Danger.Render(pad(banner, w)), docSpread(hint, pos, w), t.Muted.Render(strings.Repeat("─", w))}
}

// rowLabel is a menu row's label and value.
func (f *facilitatorScreen) rowLabel(r facRow) (string, string) {
	g := f.game()
	fc := g.Facil
	switch r {
	case facResolve:
		return text.T("Resolve the turn now"), ""
	case facPause:
		v := text.T("off: the turn resolves when the last player submits")
		if fc.Pause {
			v = text.T("on: the turn waits for you")
		}
		return text.T("Pause before resolving"), "‹ " + v + " ›"
	case facTimer:
		v := text.T("off")
		if fc.TimerMinutes > 0 {
			v = text.F("%d min per player", fc.TimerMinutes)
		}
		return text.T("Order timer"), "‹ " + v + " ›"
	case facInjectEvent:
		return text.T("Inject a news event…"), ""
	case facInjectCustom:
		return text.T("Write custom news…"), ""
	case facClearNews:
		return text.T("Clear the queued news"), text.F("(%d queued)", len(fc.Inject))
	case facForecastRow:
		return text.T("Forecast for the room…"), ""
	case facRevealRow:
		return text.T("Reveal everything to the room…"), ""
	case facExport:
		return text.T("Export the debrief report"), "(e)"
	}
	return "", ""
}

// rowHelp explains the row under the cursor.
func (f *facilitatorScreen) rowHelp(r facRow) string {
	g := f.game()
	switch r {
	case facResolve:
		return text.T("Resolves the turn with every player's orders, the bots' and the news you queued. Players who have not handed in their orders yet have them go in as they stand (you are asked first).")
	case facPause:
		return text.T("With pausing on, when the last player submits the game waits here instead of resolving, so you can talk, inject news or reveal before the turn resolves.")
	case facTimer:
		if f.ctx.Opts.TableFacil != nil {
			return text.T("Minutes the players have for their orders each turn, counted from the start of the turn (from now, when you change it). Players see a countdown; at 0:00 their orders go in as they stand and the turn resolves, unless pausing is on.")
		}
		return text.T("Minutes each player has for their orders each turn, from when their dashboard opens. Players see a countdown and a warning near the end; at 0:00 their orders go in as they stand. A change counts from the next player's turn; off stops the clock at once.")
	case facInjectEvent:
		return text.T("Pick any event of the scenario: it fires with the next turn's news when this turn resolves, whatever its conditions, and is recorded in saves, replays and the debrief.")
	case facInjectCustom:
		return text.T("Write a headline and its effects (such as tension=+1; taipei.security=-2): they apply when this turn resolves, and the players read the headline in their news.")
	case facClearNews:
		if len(g.Facil.Inject) == 0 {
			return text.T("No news is queued for this turn.")
		}
		return text.T("Drops every item of news queued for this turn.")
	case facForecastRow:
		return text.T("Plays many possible futures from this turn with bots in every seat and shows how likely each outcome is. It starts from the public view with nothing drafted, so it gives away no one's secrets, orders or plans: safe to put on the projector.")
	case facRevealRow:
		return text.T("Shows the whole truth on this screen: every actor's real numbers, the real capability gap and every covert action so far. Only here, and only when you choose it; esc comes back.")
	case facExport:
		if g.Store == nil {
			return text.T("Saving is off (no data directory), so there is nowhere to write the report: start the game with a data directory (ZEROSUM_HOME or --data-dir).")
		}
		return text.T("Writes the debrief report (Markdown, with charts and discussion questions) of the game so far into the reports folder of the data directory.")
	}
	return ""
}

// mainView is the turn at a glance and the menu.
func (f *facilitatorScreen) mainView(w int) string {
	t := f.ctx.Theme
	g := f.game()
	sc := g.Scenario()
	cw := min(w, 100)
	var out []string
	switch {
	case g.Match.Over():
		out = append(out, t.Bold.Render(wrap(text.T("The game is over: reveal and export the debrief for the discussion."), cw)))
	case g.Facil.Waiting:
		out = append(out, t.Warn.Render(wrap(text.T("ALL ORDERS ARE IN: the turn waits for you. Resolve it when the room is ready."), cw)))
	}
	if g.Spectating() {
		out = append(out, wrap(text.T("Bots play every seat: the room is watching."), cw))
	} else {
		out = append(out, flow(append([]string{t.Bold.Render(text.T("Players:"))}, f.ctx.seatStatus(text.T("giving orders"))...), "  ", cw)...)
	}
	var bots []string
	for a, s := range g.Match.Seats {
		if !s.Human {
			bots = append(bots, sc.Actors[a].Name)
		}
	}
	if len(bots) > 0 && !g.Spectating() {
		out = append(out, hang(t.Muted.Render(text.F("Bots (%d): %s", len(bots), endJoin(bots))), cw, 2))
	}
	if left, ok := f.ctx.clockLeft(); ok {
		out = append(out, t.Muted.Render(wrap(text.F("%s's timer: %s left (it runs on, but submits only once you go back)", g.Who(g.Player), clockText(left)), cw)))
	}
	out = append(out, "")
	lw := 32
	for r := range numFacRows {
		label, value := f.rowLabel(r)
		line := "  " + pad(label, lw) + value
		if r == f.cursor {
			line = t.Selected.Render(pad("▸ "+pad(label, lw)+value, cw))
		} else if g.Match.Over() && r != facRevealRow && r != facExport {
			line = t.Disabled.Render(line)
		}
		out = append(out, text.Truncate(line, w))
	}
	out = append(out, "", t.Muted.Render(wrap(f.rowHelp(f.cursor), cw)), "")
	if len(g.Facil.Inject) == 0 {
		out = append(out, t.Bold.Render(text.T("News queued for this turn: "))+t.Muted.Render(text.T("none")))
	} else {
		out = append(out, t.Bold.Render(text.T("News queued for this turn:")))
	}
	for _, in := range g.Facil.Inject {
		out = append(out, hang("■ "+f.injectionText(in), cw, 2))
	}
	return strings.Join(out, "\n")
}

// eventsView lists the scenario's events with their headlines and, below,
// what the one under the cursor does.
func (f *facilitatorScreen) eventsView(w, h int) string {
	t := f.ctx.Theme
	g := f.game()
	sc, st := g.Scenario(), g.State()
	cw := min(w, 110)
	evs := f.events()
	ev := evs[f.ev]
	intro := t.Bold.Render(text.T("Inject a news event")) + t.Muted.Render(text.T(" — it fires with the next turn's news, whatever its conditions."))
	var detail []string
	var effects []string
	for _, e := range ev.Effects {
		if e.Target.Kind == game.RefStat && e.Target.Actor < 0 {
			continue
		}
		effects = append(effects, EffectText(sc, e, 0, -1))
	}
	if len(effects) == 0 {
		effects = append(effects, text.T("no direct effect"))
	}
	fired := text.T("Not fired yet this game.")
	if n := st.Fired[f.ev]; n > 0 {
		fired = text.F("Fired %d times so far.", n)
	}
	if st.Fired[f.ev] > 0 && !ev.Repeat {
		fired += text.T(" It would not fire again by itself; injected, it does.")
	}
	detail = append(detail, hang(text.F("%s%s. %s", t.Muted.Render(text.T("Effects: ")), endJoin(effects), t.Muted.Render(fired)), cw, 2))
	if note := g.Pack.T("events." + ev.ID + ".teaching"); note != "" {
		detail = append(detail, hang(t.Muted.Render(text.T("Why it matters: "))+plainProse(f.ctx, note), cw, 2))
	}
	if len(detail) > 4 {
		detail = detail[:4]
	}
	detailLines := strings.Split(strings.Join(detail, "\n"), "\n")
	if len(detailLines) > 6 {
		detailLines = append(detailLines[:5], t.Muted.Render("…"))
	}
	room := max(h-lipgloss.Height(wrap(intro, cw))-len(detailLines)-3, 3)
	if f.ev < f.evTop {
		f.evTop = f.ev
	}
	if f.ev >= f.evTop+room {
		f.evTop = f.ev - room + 1
	}
	f.evTop = min(f.evTop, max(len(evs)-room, 0))
	idW := 0
	for _, e := range evs {
		idW = max(idW, text.Width(e.ID))
	}
	idW = min(idW, cw/3)
	lw := max(cw-idW-4, 20)
	var list []string
	for i := f.evTop; i < min(f.evTop+room, len(evs)); i++ {
		left := pad(text.Truncate("■ "+f.headlineOf(i), lw), lw)
		id := text.Truncate(evs[i].ID, idW)
		line := "  " + left + "  " + t.Muted.Render(id)
		if i == f.ev {
			line = t.Selected.Render(pad("▸ "+left+"  "+id, cw))
		}
		list = append(list, text.Truncate(line, w))
	}
	pos := t.Muted.Render(text.F("%d of %d events", f.ev+1, len(evs)))
	return wrap(intro, cw) + "\n" + strings.Join(list, "\n") + "\n" + pos + "\n\n" + strings.Join(detailLines, "\n")
}

// customView is the form for custom news: a headline and its effects, with
// what the effects may name.
func (f *facilitatorScreen) customView(w int) string {
	t := f.ctx.Theme
	g := f.game()
	sc := g.Scenario()
	cw := min(w, 100)
	label := func(i int, s string) string {
		if i == f.field {
			return t.Accent.Render("▸ " + s)
		}
		return t.Muted.Render("  " + s)
	}
	var out []string
	out = append(out, wrap(t.Bold.Render(text.T("Write custom news"))+t.Muted.Render(text.T(" — it applies when this turn resolves; players read the headline.")), cw), "")
	lw := max(text.Width(text.T("Headline")), text.Width(text.T("Effects")))
	out = append(out, label(0, text.PadRight(text.T("Headline"), lw)), "    "+ansi.Truncate(f.headline.View(), cw-4, ""), "")
	out = append(out, label(1, text.PadRight(text.T("Effects"), lw)), "    "+ansi.Truncate(f.effects.View(), cw-4, ""))
	if f.note != "" {
		out = append(out, t.Bad.Render(wrap("✗ "+f.note, cw)))
	} else {
		out = append(out, t.Muted.Render(wrap(text.F("Each effect is name=+n or name=-n (at most %d), separated by ; or ,", 100), cw)))
	}
	var tracks, actors, swing []string
	for tr := range game.NumTracks {
		tracks = append(tracks, tr.String())
	}
	for _, a := range sc.Actors {
		actors = append(actors, a.ID)
	}
	for _, s := range sc.Swing {
		swing = append(swing, s.ID)
	}
	var stats []string
	for s := range game.NumStats {
		stats = append(stats, s.String())
	}
	out = append(out, "", t.Heading.Render(text.T("What an effect may name")))
	out = append(out, hang(t.Muted.Render(text.T("Tracks: "))+strings.Join(tracks, ", "), cw, 2))
	out = append(out, hang(t.Muted.Render(text.T("An actor's number: "))+text.F("<actor>.<stat>, such as beijing.grievance; actors %s; stats %s", strings.Join(actors, ", "), strings.Join(stats, ", ")), cw, 2))
	out = append(out, hang(t.Muted.Render(text.T("A swing state: "))+text.F("<state>.align or <state>.sovereign (swing.align for every one); states %s", strings.Join(swing, ", ")), cw, 2))
	return strings.Join(out, "\n")
}

// forecastCmd starts the room's forecast while its page is in view (see
// forecaster).
func (f *facilitatorScreen) forecastCmd() tea.Cmd {
	if f.mode != facForecast {
		return nil
	}
	return f.ctx.ensureForecast(fcRoom)
}

// forecastView is the room's forecast: from the public view, with nothing
// drafted, so it shows the class nothing any player could not know.
func (f *facilitatorScreen) forecastView(w, h int) string {
	t := f.ctx.Theme
	cw := min(w, 100)
	lines := []string{t.Muted.Render(wrap(text.T("From the public view, with no one's orders: nothing here is secret."), cw))}
	lines = append(lines, forecastLines(f.ctx, f.ctx.currentForecast(fcRoom), forecast.Public, cw)...)
	var out []string
	out, f.fcScroll = clip(t, strings.Split(strings.Join(lines, "\n"), "\n"), f.fcScroll, h)
	return strings.Join(out, "\n")
}
