// Package report writes the debrief of a ZERO SUM match as Markdown, for a
// teacher to read, print or share: who played, every order turn by turn
// (covert ones marked), the news with its teaching notes, text charts of the
// tracks and scores, the turning points, the scores with their breakdowns,
// the world outcome and discussion questions drawn from what happened;
// "Was it zero-sum?", which sets every actor's score and the table's
// combined score against the start and against a typical game of the
// scenario (see Typical), with the ledger's totals by causal link; and,
// given other lines of the same game, the what-if branches side by side.
// Brief writes the one-page handout of the same.
//
// The report is a pure function of the match: no clock, no map order, no
// terminal styling, so the same scenario, seed and orders always give the
// same bytes.
package report

import (
	"fmt"
	"slices"
	"strings"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/text"
)

// Markdown writes the debrief report of a match, finished or in progress.
// It reveals everything, covert orders included: it is the facilitator's
// view, and the players' once the game is over.
func Markdown(p *content.Pack, m *match.Match) string { return full(p, m, nil) }

func full(p *content.Pack, m *match.Match, lines []Line) string {
	d := newDoc(p, m)
	d.header()
	d.summary()
	d.seats()
	d.turns()
	d.charts()
	d.turningPoints()
	d.scores()
	d.zeroSum(false)
	d.branches(lines)
	d.outcome()
	d.secrets()
	d.questions()
	d.links()
	return strings.TrimRight(d.b.String(), "\n") + "\n"
}

// doc is one report being written.
type doc struct {
	words
	m    *match.Match
	st   *game.State // the world now: the end, or the turn awaiting orders
	over bool
	b    strings.Builder
	us   int // the actor in the US government's role, or -1
	cn   int // the actor in China's government's role, or -1

	greyZoneTold bool // the rule of grey-zone pressure has been explained

	brief bool     // writing the one-page handout
	cut   [3]int   // in the brief: how many turning points, questions and link totals
	ty    *Typical // the typical game of the scenario, once played
}

// typical is the typical game of the scenario (see TypicalOf).
func (d *doc) typical() Typical {
	if d.ty == nil {
		t := TypicalOf(d.sc)
		d.ty = &t
	}
	return *d.ty
}

func newDoc(p *content.Pack, m *match.Match) *doc {
	sc := m.Scenario
	return &doc{
		words: words{p: p, sc: sc}, m: m, st: m.State(), over: m.Over(),
		us: sc.RoleActor(game.RoleUSGov), cn: sc.RoleActor(game.RoleChinaGov),
	}
}

// heading writes a Markdown heading of a level.
func (d *doc) heading(level int, title string) {
	fmt.Fprintf(&d.b, "%s %s\n\n", strings.Repeat("#", level), title)
}

// para writes a paragraph.
func (d *doc) para(format string, args ...any) {
	fmt.Fprintf(&d.b, format, args...)
	d.b.WriteString("\n\n")
}

// bullets writes a list.
func (d *doc) bullets(items []string) {
	for _, it := range items {
		d.b.WriteString("- " + it + "\n")
	}
	d.b.WriteString("\n")
}

// table writes a Markdown table; align holds "l" or "r" per column.
func (d *doc) table(head []string, align string, rows [][]string) {
	d.b.WriteString("| " + strings.Join(head, " | ") + " |\n|")
	for i := range head {
		if i < len(align) && align[i] == 'r' {
			d.b.WriteString("---:|")
		} else {
			d.b.WriteString("---|")
		}
	}
	d.b.WriteString("\n")
	for _, r := range rows {
		cs := make([]string, len(r))
		for i, c := range r {
			cs[i] = cell(c)
		}
		d.b.WriteString("| " + strings.Join(cs, " | ") + " |\n")
	}
	d.b.WriteString("\n")
}

// played is the number of turns resolved.
func (d *doc) played() int { return len(d.m.Turns) }

// history is the world at the start of every turn played, and now.
func (d *doc) history() []game.Snapshot { return d.st.History }

// snapLabel names a snapshot: the half-year it opened, or "end".
func (d *doc) snapLabel(i int) string {
	h := d.history()
	if i == len(h)-1 {
		if d.over {
			return text.T("end")
		}
		return text.F("%[1]s (now)", d.date(h[i].Turn))
	}
	return d.date(h[i].Turn)
}

// snapWhen says when a snapshot was, inside a sentence: "in H1 2027", "at
// the end", "now".
func (d *doc) snapWhen(i int) string {
	if i == len(d.history())-1 {
		if d.over {
			return text.T("at the end")
		}
		return text.T("now")
	}
	return text.F("in %[1]s", d.date(d.history()[i].Turn))
}

// crisisByNews reports whether the crisis came with the news that opened a
// turn rather than with the orders of one.
func (d *doc) crisisByNews() bool {
	return d.st.Crisis.Turn > 0 && d.st.Crisis.Turn > d.played()
}

// lastDate is the half-year of the last turn played, or of the first one.
func (d *doc) lastDate() string { return d.date(max(d.played(), 1)) }

func (d *doc) header() {
	sc := d.sc
	d.heading(1, text.F("Debrief: %s", d.title()))
	items := []string{
		text.F("**Scenario:** %s (`%s`), %d turns of half a year each, %s to %s.", d.title(), sc.ID, sc.Turns, d.date(1), d.date(sc.Turns)),
		text.F("**Seed:** %d. The same scenario, seed and orders always give the same game, so groups that play the same seed can compare their worlds.", d.m.Seed),
	}
	if d.m.Branch != "" {
		items = append(items, text.F("**Branch:** %s. This is a what-if line: the game was rewound and played on differently from there.", oneLine(d.m.Branch)))
	}
	switch {
	case d.st.Crisis.Turn > 0:
		items = append(items, text.F("**Status:** over after %d turns, ended by a Strait crisis in %s.", d.played(), d.date(d.st.Crisis.Turn)))
	case d.over:
		items = append(items, text.F("**Status:** finished: all %d turns played.", d.played()))
	default:
		items = append(items, text.F("**Status:** in progress: %d of %d turns played; the game is waiting for the orders of %s.",
			d.played(), sc.Turns, d.date(d.st.Turn)))
	}
	d.bullets(items)
	if d.over {
		d.para("%s", text.T("This debrief shows everything that happened, including covert orders that stayed secret during play. Each turn is half a year. "+
			"The questions for discussion near the end are drawn from this game."))
	} else {
		d.para("%s", text.T("> **Game in progress.** This report covers the turns played so far, and its scores are what each actor would get if the game ended now. "+
			"It shows everything, including covert orders that are still secret in the game: keep it from the players until the game is over."))
	}
}

// ranking lists the actors' score cards, best first (ties in scenario
// order).
func (d *doc) ranking() []game.ScoreCard { return d.sc.Ranking(d.st) }

// outcomeNow is the world outcome: the one named at the end, or the one that
// would apply if the game ended now (and whether it is the real one).
func (d *doc) outcomeNow() (id string, final bool) {
	if d.over {
		return d.st.Outcome, true
	}
	for _, o := range d.sc.Outcomes {
		if !o.Crisis && d.sc.Holds(d.st, o.When, -1, -1) {
			return o.ID, false
		}
	}
	return "", false
}

// outcomeLine is the world outcome as a list item: the crisis with its
// date, the final outcome, or, for a game still going, what it would be
// (the brief says "as things stand", the full report "if the game ended
// now"); empty when there is none to name.
func (d *doc) outcomeLine(brief bool) string {
	id, final := d.outcomeNow()
	switch {
	case d.st.Crisis.Turn > 0:
		return text.F("**World outcome:** %s, in %s.", d.outcomeName(id), d.date(d.st.Crisis.Turn))
	case final:
		return text.F("**World outcome:** %s.", d.outcomeName(id))
	case id != "" && brief:
		return text.F("**World outcome:** none yet; as things stand it would be %s.", d.outcomeName(id))
	case id != "":
		return text.F("**World outcome:** none yet; if the game ended now it would be %s.", d.outcomeName(id))
	}
	return ""
}

func (d *doc) summary() {
	sc, st := d.sc, d.st
	h := d.history()
	first := h[0]
	d.heading(2, text.T("Summary"))
	var items []string

	if line := d.outcomeLine(false); line != "" {
		items = append(items, line)
	}

	cards := d.ranking()
	if st.Crisis.Turn > 0 {
		line := text.T("**No winner:** nobody wins a Strait crisis.")
		switch len(st.Crisis.Culprits) {
		case 0:
		case 1:
			line += text.F(" Driven there by %s, who scores 0 (blame: %s).", d.actors(st.Crisis.Culprits), d.blame(st.Crisis.Shares))
		default:
			line += text.F(" Driven there by %s, who score 0 (blame: %s).", d.actors(st.Crisis.Culprits), d.blame(st.Crisis.Shares))
		}
		items = append(items, line)
	} else {
		winners := sc.Winners(st)
		var line string
		switch {
		case !d.over:
			line = text.F("**Leading so far:** %s with %d points", d.actors(winners), cards[0].Total)
		case len(winners) > 1:
			line = text.F("**Winners (tied):** %s with %d points", d.actors(winners), cards[0].Total)
		default:
			line = text.F("**Winner:** %s with %d points", d.actors(winners), cards[0].Total)
		}
		if len(cards) > len(winners) {
			next := cards[len(winners)]
			line += text.F("; next, %s with %d", d.actor(next.Actor), next.Total)
		}
		items = append(items, line+stop())
	}

	items = append(items, text.F("**%s:** %s.", d.track(game.TrackTension), d.trackPath(game.TrackTension, false)))
	for _, t := range []game.Track{game.TrackControls, game.TrackQuotas} {
		s := d.trackPath(t, true)
		if n := d.p.Level(t, st.Tracks[t]); n != "" {
			s = d.levelPath(t, n)
		}
		items = append(items, text.F("**%s:** %s.", d.track(t), s))
	}
	if d.us >= 0 && d.cn >= 0 {
		g0, g1, p0, p1 := text.Signed(first.Gap), text.Signed(sc.Gap(st)), text.Signed(first.Tracks[game.TrackPerceivedGap]), text.Signed(st.Tracks[game.TrackPerceivedGap])
		if d.over {
			items = append(items, text.F("**US-China capability gap:** really %s at the start and %s at the end; %s believed %s, then %s.", g0, g1, d.actor(d.us), p0, p1))
		} else {
			items = append(items, text.F("**US-China capability gap:** really %s at the start and %s now; %s believed %s, then %s.", g0, g1, d.actor(d.us), p0, p1))
		}
	}
	if len(sc.Swing) > 0 {
		s := text.F("**Swing states:** %s at the start; %s at the end.", d.blocCounts(first.Align), d.blocCounts(alignsOf(st)))
		if !d.over {
			s = text.F("**Swing states:** %s at the start; %s now.", d.blocCounts(first.Align), d.blocCounts(alignsOf(st)))
		}
		var moves []string
		for i := range sc.Swing {
			if b, a := first.Align[i], st.Swing[i].Align; game.AlignBloc(a) != game.AlignBloc(b) {
				moves = append(moves, blocMove(d.swing(i), b, a))
			}
		}
		if len(moves) > 0 {
			s += text.F(" %s.", text.Capitalize(clauses(moves)))
		}
		items = append(items, s)
	}
	exposed := 0
	for _, c := range st.Covert {
		if c.Exposed != 0 {
			exposed++
		}
	}
	if len(st.Covert) == 0 {
		items = append(items, text.T("**Covert orders:** none given."))
	} else {
		items = append(items, text.F("**Covert orders:** %d given, %d exposed during play.", len(st.Covert), exposed))
	}
	d.bullets(items)
}

// trackPath tells a track's course: "4 at the start, 9 at its highest (H1
// 2029), 7 at the end"; with levels, "level 1 at the start, level 2 at
// the end (its highest)".
func (d *doc) trackPath(t game.Track, levels bool) string {
	h := d.history()
	start, now := h[0].Tracks[t], d.st.Tracks[t]
	peak, peakAt := start, 0
	for i, sn := range h {
		if sn.Tracks[t] > peak {
			peak, peakAt = sn.Tracks[t], i
		}
	}
	switch {
	case peak == start && now == start && d.over && levels:
		return text.F("level %d throughout", start)
	case peak == start && now == start && d.over:
		return text.F("%d throughout", start)
	case peak == start && now == start && levels:
		return text.F("level %d throughout so far", start)
	case peak == start && now == start:
		return text.F("%d throughout so far", start)
	case peak == now && d.over && levels:
		return text.F("level %d at the start, level %d at the end (its highest)", start, now)
	case peak == now && d.over:
		return text.F("%d at the start, %d at the end (its highest)", start, now)
	case peak == now && levels:
		return text.F("level %d at the start, level %d now (its highest)", start, now)
	case peak == now:
		return text.F("%d at the start, %d now (its highest)", start, now)
	case peak == start && d.over && levels:
		return text.F("level %d at the start (its highest), level %d at the end", start, now)
	case peak == start && d.over:
		return text.F("%d at the start (its highest), %d at the end", start, now)
	case peak == start && levels:
		return text.F("level %d at the start (its highest), level %d now", start, now)
	case peak == start:
		return text.F("%d at the start (its highest), %d now", start, now)
	case d.over && levels:
		return text.F("level %d at the start, level %d at its highest (%s), level %d at the end", start, peak, d.snapLabel(peakAt), now)
	case d.over:
		return text.F("%d at the start, %d at its highest (%s), %d at the end", start, peak, d.snapLabel(peakAt), now)
	case levels:
		return text.F("level %d at the start, level %d at its highest (%s), level %d now", start, peak, d.snapLabel(peakAt), now)
	}
	return text.F("%d at the start, %d at its highest (%s), %d now", start, peak, d.snapLabel(peakAt), now)
}

// levelPath is a stepped track's course with the name of its level now:
// "level 2 at the start, level 3 at the end (its highest): the December
// 2024 package", "level 1, Biden rules, throughout".
func (d *doc) levelPath(t game.Track, name string) string {
	start, now := d.history()[0].Tracks[t], d.st.Tracks[t]
	if peak := slices.MaxFunc(d.history(), func(x, y game.Snapshot) int { return x.Tracks[t] - y.Tracks[t] }).Tracks[t]; peak == start && now == start {
		if d.over {
			return text.F("level %d, %s, throughout", start, name)
		}
		return text.F("level %d, %s, throughout so far", start, name)
	}
	return text.F("%[1]s: %[2]s", d.trackPath(t, true), name)
}

func alignsOf(st *game.State) []int {
	out := make([]int, len(st.Swing))
	for i, s := range st.Swing {
		out[i] = s.Align
	}
	return out
}

// blocCounts is "3 in the US bloc, 4 non-aligned, 1 in the China bloc".
func (d *doc) blocCounts(align []int) string {
	var n [3]int
	for _, a := range align {
		n[game.AlignBloc(a)]++
	}
	return text.F("%d in the US bloc, %d non-aligned, %d in the China bloc", n[game.BlocUS], n[game.BlocNone], n[game.BlocChina])
}

func (d *doc) seats() {
	d.heading(2, text.T("Who played"))
	var rows [][]string
	for a, ad := range d.sc.Actors {
		s := d.m.Seats[a]
		who := text.F("bot: %s, %s difficulty", PersonalityName(s.Bot.Personality), DifficultyName(s.Bot.Difficulty))
		if s.Human {
			who = text.T("human")
			if s.Name != "" {
				who = text.F("%[1]s (human)", oneLine(s.Name))
			}
		}
		rows = append(rows, []string{d.actor(a), d.text("actors."+ad.ID+".title", ""), who})
	}
	d.table([]string{text.T("Actor"), text.T("Who they are"), text.T("Played by")}, "lll", rows)
}

// PersonalityName is a bot's personality in the interface's language:
// hawk, dove, hedger (the screens use it too).
func PersonalityName(p bot.Personality) string {
	switch p {
	case bot.Hawk:
		return text.T("hawk")
	case bot.Dove:
		return text.T("dove")
	case bot.Hedger:
		return text.T("hedger")
	}
	return p.String()
}

// DifficultyName is a bot's difficulty in the interface's language: easy,
// normal, hard (the screens use it too).
func DifficultyName(d bot.Difficulty) string {
	switch d {
	case bot.Easy:
		return text.T("easy")
	case bot.Normal:
		return text.T("normal")
	case bot.Hard:
		return text.T("hard")
	}
	return d.String()
}
