package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zerosum/game"
	"zerosum/text"
)

// resolution is the report after a turn: warnings first, then what
// everyone did, the player's refused orders, what changed for the player
// and for the world with the causes, and the news the next turn opens
// with. enter goes back to the dashboard, or to the end once the game is
// over.
type resolution struct {
	ctx  *Context
	turn int
	rep  game.Report // filtered for the player
	sc   scroller
}

// newResolution shows the report of a resolved turn (1-based).
func newResolution(ctx *Context, turn int) Screen {
	g := ctx.Game
	m := g.Match
	turn = min(max(turn, 0), len(m.Turns))
	rep := m.Scenario.ReportFor(&m.States[turn], m.Report(turn), g.Player)
	return &resolution{ctx: ctx, turn: turn, rep: rep}
}

func (r *resolution) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, nil
	}
	if key.Matches(k, r.ctx.Keys.ReportContinue) {
		if r.ctx.Game.Match.Over() {
			r.ctx.SwitchTo(newEnd(r.ctx))
		} else {
			r.ctx.SwitchTo(newDashboard(r.ctx))
		}
		return r, nil
	}
	r.sc.update(&r.ctx.Keys, k)
	return r, nil
}

func (r *resolution) Name() string { return text.T("Turn report") }

func (r *resolution) Keys() []key.Binding {
	return []key.Binding{r.ctx.Keys.ReportContinue, r.ctx.Keys.PaneScroll, r.ctx.Keys.PageDown}
}

func (r *resolution) KeyGroups() [][]key.Binding {
	k := &r.ctx.Keys
	return [][]key.Binding{{k.ReportContinue, k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}

func (r *resolution) Resize() {}

func (r *resolution) View() string {
	t := r.ctx.Theme
	w, h := r.ctx.Width, r.ctx.BodyHeight()
	if w <= 0 || h <= 0 {
		return ""
	}
	sc := r.ctx.Game.Scenario()
	cw := min(w, 110)
	g := r.ctx.Game
	title := t.Title.Render(text.F("Turn %d of %d resolved: %s", r.turn, sc.Turns, text.Half(sc.HalfYear(r.turn))))
	if g.HotSeat() && !g.Match.Over() {
		title += " " + t.Accent.Render("· "+g.Who(g.Player))
	}
	if b := g.Match.Branch; b != "" {
		title += " " + t.Warn.Render(text.F("· WHAT-IF: %s", branchLabel(b)))
	}
	next := text.T("enter: back to the dashboard")
	switch {
	case g.Match.Over():
		next = text.T("enter: the end of the game")
	case g.HotSeat():
		next = text.T("enter: your orders")
	}
	head := spread(title, t.Key.Render(next), w)
	body := r.sc.render(t, 0, cw, h-2, r.content)
	lines := strings.Split(body, "\n")
	if cw < w {
		for i := range lines {
			lines[i] = pad("", (w-cw)/2) + lines[i]
		}
	}
	return fit(head+"\n"+t.Muted.Render(strings.Repeat("─", w))+"\n"+strings.Join(lines, "\n"), w, h)
}

// content is the whole report at width w.
func (r *resolution) content(w int) string {
	ctx := r.ctx
	t := ctx.Theme
	g := ctx.Game
	sc := g.Scenario()
	st := &g.Match.States[r.turn]
	p := g.Player
	var out []string

	// Warnings first, loud.
	if r.rep.Crisis {
		msg := text.F("⚠ STRAIT CRISIS. Tension reached %d and the game is over. ", st.Tension())
		if b := BlameText(sc, st.Crisis.Shares); b != "" {
			msg += text.F("Who drove it there, over the whole game: %s. ", b)
		} else {
			msg += text.T("No player's orders put the pressure there. ")
		}
		msg += CrisisRule(sc)
		out = append(out, t.Danger.Render(wrap(msg, w)), "")
	}
	if ch, ok := r.rep.ChangeOf(trackRef(game.TrackTension)); ok && ch.After != ch.Before {
		var causes []string
		for _, c := range ch.Causes {
			causes = append(causes, CauseText(g.Pack, c.Cause)+" "+text.Change(c.Delta))
		}
		d := ch.After - ch.Before
		st := t.Warn
		msg := text.F("Strait tension rose %d → %d (%s), now %s: %s", ch.Before, ch.After, text.Change(d),
			TensionWord(ch.After), endJoin(causes))
		if d < 0 {
			st = t.Good
			msg = text.F("Strait tension eased %d → %d (%s), now %s: %s", ch.Before, ch.After, text.Change(d),
				TensionWord(ch.After), endJoin(causes))
		}
		if d > 0 {
			msg = "⚠ " + msg
		}
		if ch.After >= 6 && !r.rep.Crisis {
			st = t.Danger
			msg += text.F(". At %d a crisis ends the game; nobody wins it, and whoever drove it there scores 0.", game.TrackTension.Max())
		}
		out = append(out, st.Render(wrap(msg, w)))
		out = append(out, "", TensionGauge(t, ch.After), "")
	}
	if st.Over && !r.rep.Crisis {
		name := st.Outcome
		if oi := sc.OutcomeIndex(st); oi >= 0 {
			if n := g.Pack.T("outcomes." + sc.Outcomes[oi].ID + ".name"); n != "" {
				name = n
			}
		}
		out = append(out, t.Title.Render(wrap(text.F("The game is over. The world outcome: %s. Press enter for the scores and the debrief.", name), w)), "")
	}

	// What everyone did.
	out = append(out, publicResults(ctx, &r.rep, p, w)...)

	// What changed, and why.
	out = append(out, "", t.Heading.Render(text.T("What changed, and why")))
	out = append(out, ledger(ctx, &r.rep, p, w, ledgerYou, ledgerTracks, ledgerSwing)...)
	out = append(out, "", t.Muted.Render(wrap(text.T("The other actors' public numbers are in the Why pane of the dashboard."), w)))

	// The next turn's news.
	if len(r.rep.Events) > 0 || len(r.rep.Injected) > 0 {
		out = append(out, "", t.Heading.Render(text.F("News for %s", text.Half(sc.HalfYear(r.turn+1)))))
		for _, e := range r.rep.Events {
			out = append(out, eventText(ctx, g.Pack, e, w, false)...)
		}
		out = append(out, injectedNews(ctx, &r.rep, w)...)
	}
	return strings.Join(out, "\n")
}

// endJoin joins the items of a list that needs no "and": "a, b, c" in
// English, "a、b、c" in Chinese.
func endJoin(items []string) string {
	if text.Chinese() {
		return strings.Join(items, "、")
	}
	return strings.Join(items, ", ")
}
