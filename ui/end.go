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

var endTabNames = [numEndTabs]string{"Outcome", "Scores", "Turning points", "Charts", "Secrets"}

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
		src := viewSource{pack: g.Pack, match: g.Match, player: g.Player, reveal: true, label: "this game", settings: g.settings(), from: g}
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
		msg := fmt.Sprintf(" STRAIT CRISIS · %s · ", sc.Date(st.Crisis.Turn))
		if len(st.Crisis.Culprits) > 0 {
			msg += "driven by " + strings.ToUpper(endActorNames(sc, st.Crisis.Culprits)) + " · "
		}
		msg += "NOBODY WINS "
		top = th.Danger.Render(docPad(msg, w))
	} else {
		left := th.Title.Render("GAME OVER") + "  " + th.Bold.Render(e.outcomeName())
		top = docSpread(left, th.Muted.Render(fmt.Sprintf("%s · seed %d", sc.Title, g.Match.Seed)), w)
	}
	if b := g.Match.Branch; b != "" {
		// A what-if branch says so here too, in place of the tabs' left
		// margin (the tabs keep their line).
		top = ansi.Truncate(top, max(w-lipgloss.Width(" WHAT-IF: "+b)-1, 20), "…")
		top = docSpread(top, th.Warn.Render("WHAT-IF: "+b), w)
	}
	var tabs []string
	for t := range numEndTabs {
		if t == e.tab {
			tabs = append(tabs, th.TabActive.Render(endTabNames[t]))
		} else {
			tabs = append(tabs, th.Tab.Render(endTabNames[t]))
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
		return "nobody"
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
		out = append(out, th.Danger.Render(" THE STRAIT WENT INTO CRISIS "), "")
		who := "No player's orders put the pressure there; it came from the news and the situation at the start."
		if len(st.Crisis.Culprits) > 0 {
			who = "Driven there by " + th.Bad.Render(strings.ToUpper(endActorNames(sc, st.Crisis.Culprits))) + "."
		}
		if b := BlameText(sc, st.Crisis.Shares); b != "" {
			who += fmt.Sprintf(" Who put the pressure into the Strait over the game, through their own moves and the grievance they fed: %s.", b)
		}
		if st.Crisis.NoOne > 0 {
			who += fmt.Sprintf(" %d%% of the tension at the top was nobody's doing (the news and the situation at the start).", st.Crisis.NoOne)
		}
		if causes := e.crisisCauses(); causes != "" {
			who += " " + causes
		}
		out = append(out, wrap(fmt.Sprintf("In %s Strait tension reached %d and the game ended at once. ", sc.Date(st.Crisis.Turn), game.TrackTension.Max())+who))
		out = append(out, wrap(CrisisRule(sc)), "")
	}

	out = append(out, th.Heading.Render("WORLD OUTCOME: "+strings.ToUpper(e.outcomeName())))
	if d := g.Pack.T("outcomes." + st.Outcome + ".desc"); d != "" {
		out = append(out, Prose(e.ctx, d, w))
	}
	out = append(out, "")

	winners := sc.Winners(st)
	label := "WINNER"
	if len(winners) > 1 {
		label = "WINNERS (tied)"
	}
	lw := len("WINNERS (tied)") + 2
	if len(winners) == 0 {
		out = append(out, th.Title.Render(docPad("NO WINNER", lw))+th.Bold.Render("Nobody wins a Strait crisis."))
	} else {
		out = append(out, th.Title.Render(docPad(label, lw))+th.Bold.Render(endActorNames(sc, winners))+
			fmt.Sprintf(" with %d points", sc.Score(st, winners[0]).Total))
	}
	ranking := e.ranking()
	place := func(a int) string {
		rank := slices.IndexFunc(ranking, func(c game.ScoreCard) bool { return c.Actor == a })
		c := sc.Score(st, a)
		return fmt.Sprintf("%d points: %s of %d.", c.Total, text.Ordinal(rank+1), len(sc.Actors))
	}
	switch {
	case g.Spectating():
		out = append(out, th.Muted.Render(wrap("Bots played every seat.")), "")
	case g.HotSeat():
		for i, a := range g.Humans() {
			label := ""
			if i == 0 {
				label = "PLAYERS"
			}
			line := g.Who(a) + ", " + place(a)
			switch c := sc.Score(st, a); {
			case c.Culprit:
				line += fmt.Sprintf(" Drove the Strait into crisis (%d%% of the blame): scores 0.", c.Blame)
			case slices.Contains(winners, a):
				line += " Won."
			}
			out = append(out, docRow(th.Bold.Render(docPad(label, lw-1)), lw-1, line, w))
			if n := truthNote(sc, st, a); n != "" {
				out = append(out, docRow("", lw-1, th.Muted.Render(n), w))
			}
		}
		out = append(out, "")
	default:
		you := sc.Score(st, g.Player)
		youLine := sc.Actors[g.Player].Name + ", " + place(g.Player)
		switch {
		case you.Culprit:
			youLine += fmt.Sprintf(" You drove the Strait into crisis (%d%% of the blame) and score 0.", you.Blame)
		case st.Crisis.Turn > 0 && you.Blame > 0:
			youLine += fmt.Sprintf(" Your share of the blame for the crisis: %d%%.", you.Blame)
		case slices.Contains(winners, g.Player):
			youLine += " You won."
		}
		out = append(out, docRow(th.Bold.Render(docPad("YOU", lw-1)), lw-1, youLine, w))
		if n := truthNote(sc, st, g.Player); n != "" {
			out = append(out, docRow("", lw-1, th.Muted.Render(n), w))
		}
		out = append(out, "")
	}

	out = append(out, th.Heading.Render("THE WORLD AT THE END"))
	for _, t := range []game.Track{game.TrackTension, game.TrackControls, game.TrackQuotas, game.TrackFragmentation, game.TrackDiffusion} {
		v := docTrackValue(e.ctx, t, st.Tracks[t])
		if t == game.TrackTension {
			v = TensionGauge(th, st.Tracks[t])
		}
		out = append(out, docPad(sc.TrackName(t), 22)+v)
	}
	out = append(out, docPad("US-China gap", 22)+fmt.Sprintf("real %s, Washington believed %s",
		text.Change(sc.Gap(st)), text.Change(st.Tracks[game.TrackPerceivedGap])))
	var blocs [3][]string
	for i, s := range st.Swing {
		b := game.AlignBloc(s.Align)
		blocs[b] = append(blocs[b], sc.Swing[i].Name)
	}
	for _, b := range []game.Bloc{game.BlocUS, game.BlocNone, game.BlocChina} {
		name := map[game.Bloc]string{game.BlocUS: "US bloc", game.BlocNone: "Non-aligned", game.BlocChina: "China bloc"}[b]
		list := strings.Join(blocs[b], ", ")
		if list == "" {
			list = th.Muted.Render("none")
		}
		out = append(out, docRow(fmt.Sprintf("%s (%d)", name, len(blocs[b])), 22, list, w))
	}
	out = append(out, "", th.Muted.Render(wrap(fmt.Sprintf("Seed %d. The same scenario, seed and orders replay this game exactly.", g.Match.Seed))))
	if b := g.Match.Branch; b != "" {
		out = append(out, th.Warn.Render(wrap("This game is a what-if branch ("+b+"): it left the main line, which was kept as a save.")))
	}
	switch {
	case g.ReplayPath != "" && g.ReplayErr == nil:
		out = append(out, th.Muted.Render(wrap("The replay of this game is kept (Replays on the title screen; v watches it now):")),
			th.Muted.Render(wrap(g.ReplayPath)))
	case g.ReplayErr != nil:
		out = append(out, th.Warn.Render(wrap(fmt.Sprintf("⚠ The replay of this game could not be kept: %v. v still watches it now.", g.ReplayErr))))
	case g.Store == nil:
		out = append(out, th.Muted.Render(wrap("Saving is off, so no replay is kept; v watches this game turn by turn now.")))
	}
	switch {
	case g.ReportPath != "":
		out = append(out, th.Muted.Render(wrap("The debrief report (Markdown) is written:")), th.Muted.Render(wrap(g.ReportPath)))
	case g.Store != nil:
		out = append(out, th.Muted.Render(wrap("e writes the debrief report (Markdown, with charts and discussion questions) into the data directory.")))
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
		return "human"
	case a == g.Player:
		return "you"
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
	out := []string{th.Heading.Render("FINAL SCORES"), ""}
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
			tags = append(tags, th.Danger.Render(fmt.Sprintf("CULPRIT %d%%", c.Blame)))
		}
		out = append(out, line+" "+strings.Join(tags, " "))
	}
	out = append(out, "", th.Muted.Render(wrap("The Scores tab shows how each was made.", w)))
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
	return "Tension rose by: " + strings.Join(parts, ", ") + "."
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
	out := []string{wrap("Every player's final score, 0 to 100, and how it was made: each objective's points and progress, its measure at the end, and the range of that measure, from worth nothing (0%) to worth all its points (100%).", w)}
	if st.Crisis.Turn > 0 {
		out = append(out, th.Bad.Render(wrap(CrisisRule(sc), w)))
	}
	nw := 0
	for _, a := range sc.Actors {
		for _, o := range a.Objectives {
			nw = max(nw, ansi.StringWidth(o.Name))
		}
	}
	const figW = 22 // "  15/30  ████████  50%"
	oneLine := 2+nw+figW+2+40 <= w
	for i, c := range e.ranking() {
		a := sc.Actors[c.Actor]
		head := th.Bold.Render(fmt.Sprintf("%d. %s", i+1, a.Name)) + "  " + th.Title.Render(fmt.Sprintf("%d", c.Total))
		var tags []string
		if slices.Contains(winners, c.Actor) {
			tags = append(tags, th.Good.Render("★ winner"))
		}
		if tag := e.youTag(c.Actor); tag != "" {
			tags = append(tags, th.Accent.Render(tag))
		}
		if c.Culprit {
			tags = append(tags, th.Danger.Render(fmt.Sprintf(" CULPRIT: drove the Strait into crisis (%d%% of the blame), scores 0 ", c.Blame)))
		} else if st.Crisis.Turn > 0 {
			note := fmt.Sprintf("%d before the crisis", c.Raw)
			if c.Blame > 0 {
				note += fmt.Sprintf(", %d%% of the blame", c.Blame)
			}
			tags = append(tags, th.Bad.Render(note))
		}
		if len(tags) > 0 {
			head += "  " + strings.Join(tags, " · ")
		}
		out = append(out, "", docSpread(head, th.Muted.Render(g.Match.SeatName(c.Actor)), w))
		for _, p := range c.Parts {
			o := a.Objectives[p.Objective]
			fig := fmt.Sprintf("  %2d/%-2d  ", p.Points, o.Weight) + Meter(th, p.Progress, 0, 100, 8) + fmt.Sprintf(" %3d%%", p.Progress)
			measure := th.Muted.Render(fmt.Sprintf("%s %s, from %s (0%%) to %s (100%%)", endMeasureLabel(sc, o.Measure, c.Actor),
				measureValue(o.Measure, p.Value), measureValue(o.Measure, o.From), measureValue(o.Measure, o.To)))
			if oneLine {
				out = append(out, hang("  "+docPad(o.Name, nw)+fig+"  "+measure, w, 2+nw+figW+2))
				continue
			}
			out = append(out, "  "+docPad(ansi.Truncate(o.Name, w-2-figW, "…"), w-2-figW)+fig, hang("    "+measure, w, 6))
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
		what := "alignment"
		if m.Field == game.FieldSovereign {
			what = "sovereign AI"
		}
		group := "the swing states"
		if m.Swing == game.SwingTier2 {
			group = "the tier-2 states"
		}
		return "average " + what + " of " + group
	}
	return sc.Label(m, owner)
}

func (e *endScreen) turningPoints(w int) string {
	th := e.ctx.Theme
	g := e.ctx.Game
	sc := g.Scenario()
	out := []string{wrap("The moments that mattered most, in order.", w), ""}
	if len(e.turning) == 0 {
		return strings.Join(append(out, th.Muted.Render("Nothing stood out: a quiet game.")), "\n")
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
		left := docPad(sc.Date(tp.Turn), 8) + st.Render(docPad(tag, 8))
		out = append(out, docRow(left, 17, line, w))
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
		return " Causes: " + strings.Join(parts, ", ") + "."
	}
	switch tp.Kind {
	case match.TurnCrisis:
		who := "with no culprit: the pressure came from the news and the situation at the start"
		if len(tp.Actors) > 0 {
			who = "driven there by " + endActorNames(sc, tp.Actors)
			if b := BlameText(sc, m.State().Crisis.Shares); b != "" {
				who += " (blame: " + b + ")"
			}
		}
		return "CRISIS", fmt.Sprintf("Strait crisis: tension %d→%d, %s.", tp.Before, tp.After, who) +
			causes(game.Ref{Kind: game.RefTrack, Track: game.TrackTension})
	case match.TurnTensionRise:
		return "TENSION", fmt.Sprintf("Strait tension rose %d→%d (%s): now %s.", tp.Before, tp.After, text.Change(tp.Delta),
			strings.ToLower(TensionWord(tp.After))) + causes(game.Ref{Kind: game.RefTrack, Track: game.TrackTension})
	case match.TurnControlLevel:
		verb := "tightened"
		if tp.Delta < 0 {
			verb = "eased"
		}
		level := p.Level(tp.Track, tp.After)
		if level != "" {
			level = ": " + level
		}
		return "CONTROLS", fmt.Sprintf("%s %s to level %d%s.", sc.TrackName(tp.Track), verb, tp.After, level) +
			causes(game.Ref{Kind: game.RefTrack, Track: tp.Track})
	case match.TurnBlocShift:
		blocName := map[game.Bloc]string{game.BlocUS: "the US bloc", game.BlocChina: "the China bloc"}
		from, to := game.AlignBloc(tp.Before), game.AlignBloc(tp.After)
		var what string
		if to == game.BlocNone {
			what = "left " + blocName[from] + " for non-alignment"
		} else {
			what = "joined " + blocName[to]
		}
		return "BLOC", fmt.Sprintf("%s %s (alignment %d→%d).", sc.Swing[tp.Swing].Name, what, tp.Before, tp.After) +
			causes(game.Ref{Kind: game.RefSwing, Swing: tp.Swing, Field: game.FieldAlign})
	case match.TurnExposed:
		a := sc.Actions[tp.Action]
		s := fmt.Sprintf("%s secret came out: %s", text.Possessive(endActorNames(sc, tp.Actors)), a.Name)
		if tp.Swing >= 0 {
			s += " (" + sc.Swing[tp.Swing].Name + ")"
		}
		return "EXPOSED", s + fmt.Sprintf(", taken in %s.", sc.Date(tp.Since))
	case match.TurnBigAction:
		a := sc.Actions[tp.Action]
		s := fmt.Sprintf("%s: %s", endActorNames(sc, tp.Actors), a.Name)
		if tp.Swing >= 0 {
			s += " (" + sc.Swing[tp.Swing].Name + ")"
		}
		return "MOVE", s + ", a step that can be taken only once."
	case match.TurnScoreSwing:
		verb := "rose"
		if tp.Delta < 0 {
			verb = "fell"
		}
		return "SCORE", fmt.Sprintf("%s score %s %d→%d (%s).", text.Possessive(endActorNames(sc, tp.Actors)), verb, tp.Before, tp.After, text.Change(tp.Delta))
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
	tension := Series{Name: "Strait tension"}
	gap := Series{Name: "real gap"}
	perceived := Series{Name: "Washington's perceived gap"}
	scores := make([]Series, len(sc.Actors))
	for a := range sc.Actors {
		scores[a].Name = sc.Actors[a].Name
	}
	for i, sn := range hist {
		l := sc.Date(sn.Turn)
		if i == len(hist)-1 && st.Over {
			l = "end"
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
	tc := LineChart{Title: "Strait tension (a crisis at 10)", Series: []Series{tension}, XLabels: labels, Min: 0, Max: 10}
	gc := LineChart{Title: "US-China capability gap: real and as Washington saw it", Series: []Series{gap, perceived}, XLabels: labels}
	intro := wrap("How the game went, turn by turn (each point is the start of a turn; \"end\" is the final state).", w)
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
	out := []string{th.Heading.Render("Scores, 0 to 100, turn by turn"), th.Muted.Render(wrap(
		fmt.Sprintf("One row per actor, best first; each mark is the start of a turn, from %s to %s, on the same scale for all.", labels[0], labels[len(labels)-1]), w))}
	nw := 0
	for _, a := range sc.Actors {
		nw = max(nw, ansi.StringWidth(a.Name))
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
		note := fmt.Sprintf("best %d (%s)", best, labels[bestAt])
		if tag := e.youTag(c.Actor); tag != "" {
			note = tag + " · " + note
		}
		head := fmt.Sprintf("%d. ", i+1) + docPad(sc.Actors[c.Actor].Name, nw) + "  " + th.Accent.Render(Sparkline(known, 0, 100)) +
			fmt.Sprintf("  %3d → %3d", known[0], c.Total)
		noteW = max(noteW, ansi.StringWidth(note))
		rows = append(rows, row{c, known, note, head})
	}
	// One bar width for every row, so that the bars compare.
	barW := 0
	if len(rows) > 0 {
		barW = min(w-ansi.StringWidth(rows[0].head)-noteW-4, 20)
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
func (e *endScreen) Name() string { return "Game over: debrief" }

// Keys are the end screen's keys for the footer.
func (e *endScreen) Keys() []key.Binding {
	km := e.ctx.Keys
	tab := km.NextTab
	tab.SetHelp("tab/←/→", "section")
	title := km.Select
	title.SetHelp("enter", "title")
	view := km.ViewReplay
	view.SetHelp("v", "replay")
	export := km.Export
	export.SetHelp("e", "export report")
	// Scrolling is in the help overlay and the header says where the page is.
	return []key.Binding{tab, view, export, title}
}

// KeyGroups are the end screen's keys for the help overlay.
func (e *endScreen) KeyGroups() [][]key.Binding {
	km := e.ctx.Keys
	next, prev := km.NextTab, km.PrevTab
	next.SetHelp("tab/→", "next section")
	prev.SetHelp("shift+tab/←", "previous section")
	title := km.Select
	title.SetHelp("enter/esc", "back to the title screen")
	view := km.ViewReplay
	view.SetHelp("v", "watch the game turn by turn (and rewind)")
	export := km.Export
	export.SetHelp("e", "export the debrief report (Markdown)")
	return [][]key.Binding{{next, prev, view, export, title}, {km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom}}
}
