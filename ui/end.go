package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
	"zerosum/text"
)

// endTab is a section of the debrief.
type endTab int

const (
	tabOutcome endTab = iota
	tabScores
	tabTurning
	tabCharts
	tabSecrets
	numEndTabs
)

// endTabName names a tab of the debrief.
func endTabName(t endTab) string {
	switch t {
	case tabOutcome:
		return text.T("Outcome")
	case tabScores:
		return text.T("Scores")
	case tabTurning:
		return text.T("Turning points")
	case tabCharts:
		return text.T("Charts")
	}
	return text.T("Secrets")
}

// endScreen is the end of the game and its debrief: the world outcome (a
// crisis said loudly, with its culprits), every actor's score with its
// breakdown, the turning points, the history charts and every secret
// action, in tabs that scroll. Everything is revealed: the game is over.
type endScreen struct {
	ctx     *Context
	tab     endTab
	doc     docView
	turning []match.TurningPoint
}

// newEnd is the end screen of the game in ctx.Game.
func newEnd(ctx *Context) Screen {
	e := &endScreen{ctx: ctx, doc: newDocView()}
	if ctx.Game != nil {
		e.turning = match.TurningPoints(ctx.Game.Match)
	}
	ctx.warmReport()
	e.Resize()
	return e
}

// Resize lays the debrief out again.
func (e *endScreen) Resize() {
	w, h := e.ctx.Width, e.ctx.BodyHeight()
	if w <= 0 || h <= 0 || e.ctx.Game == nil {
		return
	}
	e.doc.setSize(w, max(h-lipgloss.Height(e.header()), 1))
	e.doc.setContent(e.content(w))
}

// Update switches tabs and scrolls; enter or esc go back to the title.
func (e *endScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || e.ctx.Game == nil {
		return e, nil
	}
	km := e.ctx.Keys
	switch {
	case key.Matches(k, km.Select, km.Back) && e.ctx.Opts.Table != nil:
		return e, tea.Quit
	case key.Matches(k, km.Select, km.Back):
		e.ctx.Game = nil
		e.ctx.SwitchTo(newTitle(e.ctx))
	case key.Matches(k, km.ViewReplay):
		g := e.ctx.Game
		src := viewSource{pack: g.Pack, match: g.Match, player: g.Player, reveal: true, label: text.T("this game"), settings: g.settings(), from: g}
		e.ctx.SwitchTo(newViewer(e.ctx, src, e))
	case key.Matches(k, km.Export):
		return e, e.ctx.exportReport()
	case key.Matches(k, km.NextTab, km.Right):
		e.setTab((e.tab + 1) % numEndTabs)
	case key.Matches(k, km.PrevTab, km.Left):
		e.setTab((e.tab + numEndTabs - 1) % numEndTabs)
	default:
		e.doc.scroll(k, km)
	}
	return e, nil
}

func (e *endScreen) setTab(t endTab) {
	e.tab = t
	e.Resize()
	e.doc.vp.GotoTop()
}

// header is the outcome line (a banner for a crisis), the tabs and a rule
// with the scroll position.
func (e *endScreen) header() string {
	th := e.ctx.Theme
	g := e.ctx.Game
	sc := g.Scenario()
	st := g.State()
	w := e.ctx.Width
	var top string
	if st.Crisis.Turn > 0 {
		msg := text.F(" STRAIT CRISIS · %s · ", text.Half(sc.HalfYear(st.Crisis.Turn)))
		if len(st.Crisis.Culprits) > 0 {
			msg += text.F("driven by %s · ", strings.ToUpper(endActorNames(sc, st.Crisis.Culprits)))
		}
		msg += text.T("NOBODY WINS ")
		top = th.Danger.Render(docPad(msg, w))
	} else {
		left := th.Title.Render(text.T("GAME OVER")) + "  " + th.Bold.Render(e.outcomeName())
		top = docSpread(left, th.Muted.Render(text.F("%s · seed %d", sc.Title, g.Match.Seed)), w)
	}
	if b := g.Match.Branch; b != "" {
		// A what-if branch says so here too, in place of the tabs' left
		// margin (the tabs keep their line).
		whatIf := text.F("WHAT-IF: %s", branchLabel(b))
		top = text.Truncate(top, max(w-text.Width(" "+whatIf)-1, 20))
		top = docSpread(top, th.Warn.Render(whatIf), w)
	}
	var tabs []string
	for t := range numEndTabs {
		if t == e.tab {
			tabs = append(tabs, th.TabActive.Render(endTabName(t)))
		} else {
			tabs = append(tabs, th.Tab.Render(endTabName(t)))
		}
	}
	bar := strings.Join(tabs, "")
	pos := th.Muted.Render(e.doc.position())
	rule := th.Muted.Render(strings.Repeat("─", max(w-lipgloss.Width(pos)-1, 0)))
	return top + "\n" + ansi.Truncate(bar, w, "…") + "\n" + docSpread(rule, pos, w)
}

func (e *endScreen) outcomeName() string {
	g := e.ctx.Game
	st := g.State()
	if n := g.Pack.T("outcomes." + st.Outcome + ".name"); n != "" {
		return n
	}
	if i := g.Scenario().OutcomeIndex(st); i >= 0 {
		return g.Scenario().Outcomes[i].Name
	}
	return st.Outcome
}

func (e *endScreen) content(w int) string {
	cw := min(w-1, 110)
	switch e.tab {
	case tabOutcome:
		if w >= 110 {
			lw := (w - 4) * 3 / 5
			return lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(lw).Render(e.outcome(lw)),
				"    ", e.standings(w-4-lw))
		}
	case tabScores:
		return e.scores(min(w-1, 140))
	case tabTurning:
		return e.turningPoints(cw)
	case tabCharts:
		return e.charts(w - 1)
	case tabSecrets:
		return e.secrets(cw)
	}
	return e.outcome(cw)
}

// ranking lists the actors best first, the culprits of a crisis last.
func (e *endScreen) ranking() []game.ScoreCard {
	return e.ctx.Game.Scenario().Ranking(e.ctx.Game.State())
}

// endActorNames joins actor names: "Washington", "Washington and Beijing",
// "A, B and C".
func endActorNames(sc *game.Scenario, actors []int) string {
	if len(actors) == 0 {
		return text.T("nobody")
	}
	ns := make([]string, len(actors))
	for i, a := range actors {
		ns[i] = sc.Actors[a].Name
	}
	return text.AndList(ns)
}

func (e *endScreen) outcome(w int) string {
	th := e.ctx.Theme
	g := e.ctx.Game
	sc, st := g.Scenario(), g.State()
	wrap := func(s string) string { return wrap(s, w) }
	var out []string

	if st.Crisis.Turn > 0 {
		out = append(out, th.Danger.Render(text.T(" THE STRAIT WENT INTO CRISIS ")), "")
		who := text.T("No player's orders put the pressure there; it came from the news and the situation at the start.")
		if len(st.Crisis.Culprits) > 0 {
			who = text.F("Driven there by %s.", th.Bad.Render(strings.ToUpper(endActorNames(sc, st.Crisis.Culprits))))
		}
		if b := BlameText(sc, st.Crisis.Shares); b != "" {
			who += text.F(" Who put the pressure into the Strait over the game, through their own moves and the grievance they fed: %s.", b)
		}
		if st.Crisis.NoOne > 0 {
			who += text.F(" %d%% of the tension at the top was nobody's doing (the news and the situation at the start).", st.Crisis.NoOne)
		}
		if causes := e.crisisCauses(); causes != "" {
			who += text.F(" %s", causes)
		}
		out = append(out, wrap(text.F("In %s Strait tension reached %d and the game ended at once. ", text.Half(sc.HalfYear(st.Crisis.Turn)), game.TrackTension.Max())+who))
		out = append(out, wrap(CrisisRule(sc)), "")
	}

	out = append(out, th.Heading.Render(text.F("WORLD OUTCOME: %s", strings.ToUpper(e.outcomeName()))))
	if d := g.Pack.T("outcomes." + st.Outcome + ".desc"); d != "" {
		out = append(out, Prose(e.ctx, d, w))
	}
	out = append(out, "")

	winners := sc.Winners(st)
	label := text.T("WINNER")
	if len(winners) > 1 {
		label = text.T("WINNERS (tied)")
	}
	lw := max(text.Width(text.T("WINNERS (tied)")), text.Width(text.T("NO WINNER")), text.Width(text.T("PLAYERS")), text.Width(text.T("YOU"))) + 2
	if len(winners) == 0 {
		out = append(out, th.Title.Render(docPad(text.T("NO WINNER"), lw))+th.Bold.Render(text.T("Nobody wins a Strait crisis.")))
	} else {
		out = append(out, th.Title.Render(docPad(label, lw))+text.F("%s with %d points", th.Bold.Render(endActorNames(sc, winners)), sc.Score(st, winners[0]).Total))
	}
	ranking := e.ranking()
	place := func(a int) string {
		rank := slices.IndexFunc(ranking, func(c game.ScoreCard) bool { return c.Actor == a })
		c := sc.Score(st, a)
		return text.F("%d points: %s of %d.", c.Total, text.Ordinal(rank+1), len(sc.Actors))
	}
	switch {
	case g.Spectating():
		out = append(out, th.Muted.Render(wrap(text.T("Bots played every seat."))), "")
	case g.HotSeat():
		for i, a := range g.Humans() {
			label := ""
			if i == 0 {
				label = text.T("PLAYERS")
			}
			line := text.F("%s, %s", g.Who(a), place(a))
			switch c := sc.Score(st, a); {
			case c.Culprit:
				line += text.F(" Drove the Strait into crisis (%d%% of the blame): scores 0.", c.Blame)
			case slices.Contains(winners, a):
				line += text.T(" Won.")
			}
			out = append(out, docRow(th.Bold.Render(docPad(label, lw-1)), lw-1, line, w))
			if n := truthNote(sc, st, a); n != "" {
				out = append(out, docRow("", lw-1, th.Muted.Render(n), w))
			}
		}
		out = append(out, "")
	default:
		you := sc.Score(st, g.Player)
		youLine := text.F("%s, %s", sc.Actors[g.Player].Name, place(g.Player))
		switch {
		case you.Culprit:
			youLine += text.F(" You drove the Strait into crisis (%d%% of the blame) and score 0.", you.Blame)
		case st.Crisis.Turn > 0 && you.Blame > 0:
			youLine += text.F(" Your share of the blame for the crisis: %d%%.", you.Blame)
		case slices.Contains(winners, g.Player):
			youLine += text.T(" You won.")
		}
		out = append(out, docRow(th.Bold.Render(docPad(text.T("YOU"), lw-1)), lw-1, youLine, w))
		if n := truthNote(sc, st, g.Player); n != "" {
			out = append(out, docRow("", lw-1, th.Muted.Render(n), w))
		}
		out = append(out, "")
	}

	out = append(out, th.Heading.Render(text.T("THE WORLD AT THE END")))
	for _, t := range []game.Track{game.TrackTension, game.TrackControls, game.TrackQuotas, game.TrackFragmentation, game.TrackDiffusion} {
		v := docTrackValue(e.ctx, t, st.Tracks[t])
		if t == game.TrackTension {
			v = TensionGauge(th, st.Tracks[t])
		}
		out = append(out, docPad(sc.TrackName(t), 22)+v)
	}
	out = append(out, docPad(text.T("US-China gap"), 22)+text.F("real %s, Washington believed %s",
		text.Change(sc.Gap(st)), text.Change(st.Tracks[game.TrackPerceivedGap])))
	var blocs [3][]string
	for i, s := range st.Swing {
		b := game.AlignBloc(s.Align)
		blocs[b] = append(blocs[b], sc.Swing[i].Name)
	}
	for _, b := range []game.Bloc{game.BlocUS, game.BlocNone, game.BlocChina} {
		list := endJoin(blocs[b])
		if list == "" {
			list = th.Muted.Render(text.T("none"))
		}
		out = append(out, docRow(endBlocCount(b, len(blocs[b])), 21, list, w)) // 21 and a space: under the tracks' values
	}
	out = append(out, "", th.Muted.Render(wrap(text.F("Seed %d. The same scenario, seed and orders replay this game exactly.", g.Match.Seed))))
	if b := g.Match.Branch; b != "" {
		out = append(out, th.Warn.Render(wrap(text.F("This game is a what-if branch (%s): it left the main line, which was kept as a save.", branchLabel(b)))))
	}
	switch {
	case g.ReplayPath != "" && g.ReplayErr == nil:
		out = append(out, th.Muted.Render(wrap(text.T("The replay of this game is kept (Replays on the title screen; v watches it now):"))),
			th.Muted.Render(wrap(g.ReplayPath)))
	case g.ReplayErr != nil:
		out = append(out, th.Warn.Render(wrap(text.F("⚠ The replay of this game could not be kept: %v. v still watches it now.", g.ReplayErr))))
	case g.Store == nil:
		out = append(out, th.Muted.Render(wrap(text.T("Saving is off, so no replay is kept; v watches this game turn by turn now."))))
	}
	switch {
	case g.ReportPath != "":
		out = append(out, th.Muted.Render(wrap(text.T("The debrief report (Markdown) is written:"))), th.Muted.Render(wrap(g.ReportPath)))
	case g.Store != nil:
		out = append(out, th.Muted.Render(wrap(text.T("e writes the debrief report (Markdown, with charts and discussion questions) into the data directory."))))
	}
	return strings.Join(out, "\n")
}

// youTag marks a seat in the rankings: "you" for the single player, the
// player's name (or "human") in a hot-seat game, nothing when bots played
// alone.
func (e *endScreen) youTag(a int) string {
	g := e.ctx.Game
	switch {
	case !g.Match.Seats[a].Human:
		return ""
	case g.HotSeat():
		if n := g.Match.Seats[a].Name; n != "" {
			return n
		}
		return text.T("human")
	case a == g.Player:
		return text.T("you")
	}
	return ""
}

// standings is the final ranking at a glance, for the side of the outcome
// on wide terminals.
func (e *endScreen) standings(w int) string {
	th := e.ctx.Theme
	g := e.ctx.Game
	sc, st := g.Scenario(), g.State()
	winners := sc.Winners(st)
	out := []string{th.Heading.Render(text.T("FINAL SCORES")), ""}
	bar := max(w-32, 6)
	for i, c := range e.ranking() {
		line := fmt.Sprintf("%d. %s %3d ", i+1, docPad(sc.Actors[c.Actor].Name, 11), c.Total) + Meter(th, c.Total, 0, 100, bar)
		var tags []string
		if slices.Contains(winners, c.Actor) {
			tags = append(tags, th.Good.Render("★"))
		}
		if tag := e.youTag(c.Actor); tag != "" {
			tags = append(tags, th.Accent.Render(tag))
		}
		if c.Culprit {
			tags = append(tags, th.Danger.Render(text.F("CULPRIT %d%%", c.Blame)))
		}
		out = append(out, line+" "+strings.Join(tags, " "))
	}
	out = append(out, "", th.Muted.Render(wrap(text.T("The Scores tab shows how each was made."), w)))
	return strings.Join(out, "\n")
}

// crisisCauses names what pushed tension up in the crisis turn: "Arm
// Taiwan +1, grey-zone pressure +1."
func (e *endScreen) crisisCauses() string {
	g := e.ctx.Game
	rep, _, ok := g.Match.CrisisReport()
	if !ok {
		return ""
	}
	ch, ok := rep.ChangeOf(game.Ref{Kind: game.RefTrack, Track: game.TrackTension})
	if !ok {
		return ""
	}
	var parts []string
	for _, c := range ch.Causes {
		if c.Delta > 0 {
			parts = append(parts, CauseText(g.Pack, c.Cause)+" "+text.Change(c.Delta))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return text.F("Tension rose by: %s.", endJoin(parts))
}

// scores is every actor's score card, best first: for each objective its
// name whole, its points and progress, what it measured at the end and
// the range of its measure, from worth nothing (0%) to worth all (100%).
// Wide, an objective takes one line; narrow, two.
func (e *endScreen) scores(w int) string {
	th := e.ctx.Theme
	g := e.ctx.Game
	sc, st := g.Scenario(), g.State()
	winners := sc.Winners(st)
	out := []string{wrap(text.F("Every player's final score, 0 to 100, and how it was made: each objective's points and progress, its measure at the end, and the range of that measure, from worth nothing (%d%%) to worth all its points (%d%%).", 0, 100), w)}
	if st.Crisis.Turn > 0 {
		out = append(out, th.Bad.Render(wrap(CrisisRule(sc), w)))
	}
	nw := 0
	for _, a := range sc.Actors {
		for _, o := range a.Objectives {
			nw = max(nw, text.Width(o.Name))
		}
	}
	const figW = 22 // "  15/30  ████████  50%"
	oneLine := 2+nw+figW+2+40 <= w
	for i, c := range e.ranking() {
		a := sc.Actors[c.Actor]
		head := th.Bold.Render(fmt.Sprintf("%d. %s", i+1, a.Name)) + "  " + th.Title.Render(fmt.Sprintf("%d", c.Total))
		var tags []string
		if slices.Contains(winners, c.Actor) {
			tags = append(tags, th.Good.Render(text.T("★ winner")))
		}
		if tag := e.youTag(c.Actor); tag != "" {
			tags = append(tags, th.Accent.Render(tag))
		}
		if c.Culprit {
			tags = append(tags, th.Danger.Render(text.F(" CULPRIT: drove the Strait into crisis (%d%% of the blame), scores 0 ", c.Blame)))
		} else if st.Crisis.Turn > 0 {
			note := text.F("%d before the crisis", c.Raw)
			if c.Blame > 0 {
				note = text.F("%d before the crisis, %d%% of the blame", c.Raw, c.Blame)
			}
			tags = append(tags, th.Bad.Render(note))
		}
		if len(tags) > 0 {
			head += "  " + strings.Join(tags, " · ")
		}
		out = append(out, "", docSpread(head, th.Muted.Render(seatLabel(g.Match, c.Actor)), w))
		for _, p := range c.Parts {
			o := a.Objectives[p.Objective]
			fig := fmt.Sprintf("  %2d/%-2d  ", p.Points, o.Weight) + Meter(th, p.Progress, 0, 100, 8) + fmt.Sprintf(" %3d%%", p.Progress)
			measure := th.Muted.Render(text.F("%s %s, from %s (0%%) to %s (100%%)", endMeasureLabel(sc, o.Measure, c.Actor),
				measureValue(o.Measure, p.Value), measureValue(o.Measure, o.From), measureValue(o.Measure, o.To)))
			if oneLine {
				out = append(out, hang("  "+docPad(o.Name, nw)+fig+"  "+measure, w, 2+nw+figW+2))
				continue
			}
			out = append(out, "  "+docPad(text.Truncate(o.Name, w-2-figW), w-2-figW)+fig, hang("    "+measure, w, 6))
		}
		if tag := e.youTag(c.Actor); tag != "" {
			if n := truthNote(sc, st, c.Actor); n != "" {
				out = append(out, th.Muted.Render(hang("  "+n, w, 2)))
			}
		}
	}
	return strings.Join(out, "\n")
}

// endMeasureLabel names what an objective measures, for the scores:
// "Abu Dhabi Sovereign AI", "average alignment of the swing states".
func endMeasureLabel(sc *game.Scenario, m game.Ref, owner int) string {
	if m.Kind == game.RefSwing && (m.Swing == game.SwingAll || m.Swing == game.SwingTier2) {
		sovereign := m.Field == game.FieldSovereign
		switch {
		case m.Swing == game.SwingTier2 && sovereign:
			return text.T("average sovereign AI of the tier-2 states")
		case m.Swing == game.SwingTier2:
			return text.T("average alignment of the tier-2 states")
		case sovereign:
			return text.T("average sovereign AI of the swing states")
		}
		return text.T("average alignment of the swing states")
	}
	return sc.Label(m, owner)
}

func (e *endScreen) turningPoints(w int) string {
	th := e.ctx.Theme
	g := e.ctx.Game
	sc := g.Scenario()
	out := []string{wrap(text.T("The moments that mattered most, in order."), w), ""}
	if len(e.turning) == 0 {
		return strings.Join(append(out, th.Muted.Render(text.T("Nothing stood out: a quiet game."))), "\n")
	}
	// The date column fits the longest half-year ("H1 2025", 2025年上半年),
	// the tag column the longest tag.
	dateW := max(8, text.Width(text.Half(2, 2025))+1)
	tagW := 8
	for _, tp := range e.turning {
		tag, _ := turningWords(g.Pack, g.Match, tp)
		tagW = max(tagW, text.Width(tag))
	}
	for _, tp := range e.turning {
		tag, line := turningWords(g.Pack, g.Match, tp)
		st := th.Accent
		switch tp.Kind {
		case match.TurnCrisis:
			st = th.Danger
		case match.TurnTensionRise, match.TurnExposed:
			st = th.Warn
		}
		when := tp.Turn
		if tp.Kind == match.TurnCrisis && g.State().Crisis.Turn > 0 {
			// Dated as the header dates it: a crisis the news set off
			// broke out in the half-year that news opened.
			when = g.State().Crisis.Turn
		}
		left := docPad(text.Half(sc.HalfYear(when)), dateW) + st.Render(docPad(tag, tagW))
		out = append(out, docRow(left, dateW+tagW+1, line, w))
	}
	return strings.Join(out, "\n")
}

// turningWords puts a turning point into words: a short tag and a sentence.
func turningWords(p *content.Pack, m *match.Match, tp match.TurningPoint) (tag, line string) {
	sc := m.Scenario
	rep := m.Report(tp.Turn)
	causes := func(r game.Ref) string {
		ch, ok := rep.ChangeOf(r)
		if !ok {
			return ""
		}
		cs := slices.Clone(ch.Causes)
		slices.SortStableFunc(cs, func(x, y game.CauseDelta) int { return cmp.Compare(text.Abs(y.Delta), text.Abs(x.Delta)) })
		var parts []string
		for _, c := range cs[:min(len(cs), 3)] {
			parts = append(parts, CauseText(p, c.Cause)+" "+text.Change(c.Delta))
		}
		return text.F(" Causes: %s.", endJoin(parts))
	}
	switch tp.Kind {
	case match.TurnCrisis:
		who := text.T("with no culprit: the pressure came from the news and the situation at the start")
		if len(tp.Actors) > 0 {
			who = text.F("driven there by %s", endActorNames(sc, tp.Actors))
			if b := BlameText(sc, m.State().Crisis.Shares); b != "" {
				who = text.F("driven there by %s (blame: %s)", endActorNames(sc, tp.Actors), b)
			}
		}
		return text.T("CRISIS"), text.F("Strait crisis: tension %d→%d, %s.", tp.Before, tp.After, who) +
			causes(game.Ref{Kind: game.RefTrack, Track: game.TrackTension})
	case match.TurnTensionRise:
		return text.T("TENSION"), text.F("Strait tension rose %d→%d (%s): now %s.", tp.Before, tp.After, text.Change(tp.Delta),
			strings.ToLower(TensionWord(tp.After))) + causes(game.Ref{Kind: game.RefTrack, Track: game.TrackTension})
	case match.TurnControlLevel:
		name, level := sc.TrackName(tp.Track), p.Level(tp.Track, tp.After)
		var s string
		switch {
		case tp.Delta < 0 && level != "":
			s = text.F("%s eased to level %d: %s.", name, tp.After, level)
		case tp.Delta < 0:
			s = text.F("%s eased to level %d.", name, tp.After)
		case level != "":
			s = text.F("%s tightened to level %d: %s.", name, tp.After, level)
		default:
			s = text.F("%s tightened to level %d.", name, tp.After)
		}
		return text.T("CONTROLS"), s + causes(game.Ref{Kind: game.RefTrack, Track: tp.Track})
	case match.TurnBlocShift:
		from, to := game.AlignBloc(tp.Before), game.AlignBloc(tp.After)
		name := sc.Swing[tp.Swing].Name
		var s string
		switch {
		case to == game.BlocUS:
			s = text.F("%s joined the US bloc (alignment %d→%d).", name, tp.Before, tp.After)
		case to == game.BlocChina:
			s = text.F("%s joined the China bloc (alignment %d→%d).", name, tp.Before, tp.After)
		case from == game.BlocUS:
			s = text.F("%s left the US bloc for non-alignment (alignment %d→%d).", name, tp.Before, tp.After)
		default:
			s = text.F("%s left the China bloc for non-alignment (alignment %d→%d).", name, tp.Before, tp.After)
		}
		return text.T("BLOC"), s + causes(game.Ref{Kind: game.RefSwing, Swing: tp.Swing, Field: game.FieldAlign})
	case match.TurnExposed:
		a := sc.Actions[tp.Action]
		who, since := text.Possessive(endActorNames(sc, tp.Actors)), text.Half(sc.HalfYear(tp.Since))
		if tp.Swing >= 0 {
			return text.T("EXPOSED"), text.F("%s secret came out: %s (%s), taken in %s.", who, a.Name, sc.Swing[tp.Swing].Name, since)
		}
		return text.T("EXPOSED"), text.F("%s secret came out: %s, taken in %s.", who, a.Name, since)
	case match.TurnBigAction:
		a := sc.Actions[tp.Action]
		if tp.Swing >= 0 {
			return text.T("MOVE"), text.F("%s: %s (%s), a step that can be taken only once.", endActorNames(sc, tp.Actors), a.Name, sc.Swing[tp.Swing].Name)
		}
		return text.T("MOVE"), text.F("%s: %s, a step that can be taken only once.", endActorNames(sc, tp.Actors), a.Name)
	case match.TurnScoreSwing:
		who := text.Possessive(endActorNames(sc, tp.Actors))
		if tp.Delta < 0 {
			return text.T("SCORE"), text.F("%s score fell %d→%d (%s).", who, tp.Before, tp.After, text.Change(tp.Delta))
		}
		return text.T("SCORE"), text.F("%s score rose %d→%d (%s).", who, tp.Before, tp.After, text.Change(tp.Delta))
	}
	return "?", ""
}

// charts draws the history: Strait tension, the real and the perceived
// gap, and every actor's score, turn by turn.
func (e *endScreen) charts(w int) string {
	th := e.ctx.Theme
	g := e.ctx.Game
	sc, st := g.Scenario(), g.State()
	hist := st.History
	var labels []string
	tension := Series{Name: text.T("Strait tension")}
	gap := Series{Name: text.T("real gap")}
	perceived := Series{Name: text.T("Washington's perceived gap")}
	scores := make([]Series, len(sc.Actors))
	for a := range sc.Actors {
		scores[a].Name = sc.Actors[a].Name
	}
	for i, sn := range hist {
		l := text.Half(sc.HalfYear(sn.Turn))
		if i == len(hist)-1 && st.Over {
			l = text.T("end")
		}
		labels = append(labels, l)
		tension.Values = append(tension.Values, sn.Tracks[game.TrackTension])
		gap.Values = append(gap.Values, sn.Gap)
		perceived.Values = append(perceived.Values, sn.Tracks[game.TrackPerceivedGap])
		for a := range sc.Actors {
			v := NoValue
			if a < len(sn.Scores) {
				v = sn.Scores[a]
			}
			scores[a].Values = append(scores[a].Values, v)
		}
	}
	tc := LineChart{Title: text.F("Strait tension (a crisis at %d)", game.TrackTension.Max()), Series: []Series{tension}, XLabels: labels, Min: 0, Max: game.TrackTension.Max()}
	gc := LineChart{Title: text.T("US-China capability gap: real and as Washington saw it"), Series: []Series{gap, perceived}, XLabels: labels}
	intro := wrap(text.T("How the game went, turn by turn (each point is the start of a turn; \"end\" is the final state)."), w)
	sp := e.scoreRows(scores, labels, w)
	if w >= 110 {
		half := (w - 2) / 2
		top := lipgloss.JoinHorizontal(lipgloss.Top, tc.Render(th, half, 12), "  ", gc.Render(th, w-2-half, 12))
		return intro + "\n\n" + top + "\n\n" + sp
	}
	return intro + "\n\n" + tc.Render(th, w, 11) + "\n\n" + gc.Render(th, w, 12) + "\n\n" + sp
}

// scoreRows draws every actor's score over the game as small multiples
// that stay readable with eight actors: one row each, best first, on the
// same scale (0 to 100): a sparkline of the turns, where it started and
// ended, its best, and a bar of the final score. The player's row is
// marked.
func (e *endScreen) scoreRows(scores []Series, labels []string, w int) string {
	th := e.ctx.Theme
	g := e.ctx.Game
	sc := g.Scenario()
	out := []string{th.Heading.Render(text.T("Scores, 0 to 100, turn by turn")), th.Muted.Render(wrap(
		text.F("One row per actor, best first; each mark is the start of a turn, from %s to %s, on the same scale for all.", labels[0], labels[len(labels)-1]), w))}
	nw := 0
	for _, a := range sc.Actors {
		nw = max(nw, text.Width(a.Name))
	}
	type row struct {
		c          game.ScoreCard
		known      []int
		note, head string
	}
	var rows []row
	noteW := 0
	for i, c := range e.ranking() {
		var known []int
		best, bestAt := -1, 0
		for k, v := range scores[c.Actor].Values {
			if v == NoValue {
				continue
			}
			known = append(known, v)
			if v > best {
				best, bestAt = v, k
			}
		}
		if len(known) == 0 {
			continue
		}
		note := text.F("best %d (%s)", best, labels[bestAt])
		if tag := e.youTag(c.Actor); tag != "" {
			note = tag + " · " + note
		}
		head := fmt.Sprintf("%d. ", i+1) + docPad(sc.Actors[c.Actor].Name, nw) + "  " + th.Accent.Render(Sparkline(known, 0, 100)) +
			fmt.Sprintf("  %3d → %3d", known[0], c.Total)
		noteW = max(noteW, text.Width(note))
		rows = append(rows, row{c, known, note, head})
	}
	// One bar width for every row, so that the bars compare.
	barW := 0
	if len(rows) > 0 {
		barW = min(w-text.Width(rows[0].head)-noteW-4, 20)
	}
	for _, r := range rows {
		line := r.head
		if barW >= 8 {
			line += "  " + Meter(th, r.c.Total, 0, 100, barW)
		}
		line += "  " + th.Muted.Render(r.note)
		if e.youTag(r.c.Actor) != "" {
			line = th.Bold.Render(line)
		}
		out = append(out, hang(line, w, 3+nw+2))
	}
	return strings.Join(out, "\n")
}

func (e *endScreen) secrets(w int) string { return secretsText(e.ctx, w, true) }

// View draws the header and the current tab.
func (e *endScreen) View() string {
	w, h := e.ctx.Width, e.ctx.BodyHeight()
	if e.ctx.Game == nil {
		return fit("", w, h)
	}
	return fit(e.header()+"\n"+e.doc.view(), w, h)
}

// Name is shown in the help overlay.
func (e *endScreen) Name() string { return text.T("Game over: debrief") }

// Keys are the end screen's keys for the footer.
func (e *endScreen) Keys() []key.Binding {
	km := e.ctx.Keys
	tab := km.NextTab
	tab.SetHelp("tab/←/→", text.T("section"))
	title := km.Select
	title.SetHelp("enter", text.T("title"))
	view := km.ViewReplay
	view.SetHelp("v", text.T("replay"))
	export := km.Export
	export.SetHelp("e", text.T("export report"))
	// Scrolling is in the help overlay and the header says where the page is.
	return []key.Binding{tab, view, export, title}
}

// KeyGroups are the end screen's keys for the help overlay.
func (e *endScreen) KeyGroups() [][]key.Binding {
	km := e.ctx.Keys
	next, prev := km.NextTab, km.PrevTab
	next.SetHelp("tab/→", text.T("next section"))
	prev.SetHelp("shift+tab/←", text.T("previous section"))
	title := km.Select
	title.SetHelp("enter/esc", text.T("back to the title screen"))
	view := km.ViewReplay
	view.SetHelp("v", text.T("watch the game turn by turn (and rewind)"))
	export := km.Export
	export.SetHelp("e", text.T("export the debrief report (Markdown)"))
	return [][]key.Binding{{next, prev, view, export, title}, {km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom}}
}

// endBlocCount heads a bloc's row at the end: "US bloc (3)".
func endBlocCount(b game.Bloc, n int) string {
	switch b {
	case game.BlocUS:
		return text.F("US bloc (%d)", n)
	case game.BlocChina:
		return text.F("China bloc (%d)", n)
	}
	return text.F("Non-aligned (%d)", n)
}
