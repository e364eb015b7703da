package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
	"zerosum/text"
)

// Options are the choices of a report beyond the match itself.
type Options struct {
	// Brief asks for the one-page handout (see Brief) instead of the full
	// debrief.
	Brief bool
	// Lines are the other lines of the same game, what-if branches or the
	// main line a branch left, to set side by side with this one.
	Lines []Line
}

// Line is another line of the same game: its match and the name of the
// save that holds it.
type Line struct {
	Save  string
	Match *match.Match
}

// Write writes the full debrief, or the brief one, of a match.
func Write(p *content.Pack, m *match.Match, o Options) string {
	if o.Brief {
		return brief(p, m, o.Lines)
	}
	return full(p, m, o.Lines)
}

// Brief writes the one-page class handout of a match: the outcome, who won
// and why, the turning points, "Was it zero-sum?" and the questions, in
// plain Markdown of at most BriefLines lines of at most BriefWidth
// characters, to print.
func Brief(p *content.Pack, m *match.Match) string { return brief(p, m, nil) }

// The brief's page.
const (
	BriefLines = 70
	BriefWidth = 100
)

// briefTarget is the length the brief aims at: the most it keeps that
// fits in it is used, and at worst the least it keeps.
const briefTarget = 66

// briefCuts are how much the brief keeps, most first: turning points,
// questions and link totals. The first that fits on the page is used.
var briefCuts = [][3]int{{4, 4, 3}, {3, 4, 3}, {3, 4, 2}, {3, 3, 2}, {2, 3, 2}, {2, 3, 1}, {1, 3, 1}, {1, 2, 1}}

func brief(p *content.Pack, m *match.Match, lines []Line) string {
	var out string
	for _, cut := range briefCuts {
		d := newDoc(p, m)
		d.brief, d.cut = true, cut
		d.briefHeader()
		d.briefOutcome()
		d.briefWinner()
		d.briefTurningPoints()
		d.zeroSum(true)
		d.branches(lines)
		d.briefQuestions()
		out = wrapMarkdown(strings.TrimRight(d.b.String(), "\n")+"\n", BriefWidth)
		if strings.Count(out, "\n") <= briefTarget {
			break
		}
	}
	return out
}

func (d *doc) briefHeader() {
	sc := d.sc
	d.heading(1, text.F("Debrief in brief: %s", d.title()))
	status := text.F("Finished: all %d turns played.", d.played())
	switch {
	case d.st.Crisis.Turn > 0:
		status = text.F("Ended by a Strait crisis in %s, after %d turns.", d.date(d.st.Crisis.Turn), d.played())
	case !d.over:
		status = text.F("**In progress:** %d of %d turns played; scores are what each actor would get if it ended now.", d.played(), sc.Turns)
	}
	s := text.F("Scenario `%s`, seed %d, %d turns of half a year (%s to %s). %s", sc.ID, d.m.Seed,
		sc.Turns, d.date(1), d.date(sc.Turns), status)
	if d.m.Branch != "" {
		s += text.F(" A what-if branch: %s.", oneLine(d.m.Branch))
	}
	var humans []string
	for a := range sc.Actors {
		if st := d.m.Seats[a]; st.Human {
			who := text.T("human")
			if st.Name != "" {
				who = text.Truncate(oneLine(st.Name), 24)
			}
			humans = append(humans, text.F("%[1]s (%[2]s)", d.actor(a), who))
		}
	}
	if len(humans) > 0 {
		s += text.F(" Played by people: %s; bots played the rest.", text.AndList(humans))
	} else {
		s += text.T(" Bots played every seat.")
	}
	d.para("%s", s)
}

func (d *doc) briefOutcome() {
	st := d.st
	h := d.history()
	d.heading(2, text.T("Outcome"))
	var items []string
	if line := d.outcomeLine(true); line != "" {
		items = append(items, line)
	}
	items = append(items, text.F("**%s:** %s.", d.track(game.TrackTension), d.trackPath(game.TrackTension, false)))
	var levels []string
	for _, t := range []game.Track{game.TrackControls, game.TrackQuotas} {
		var s string
		n := d.p.Level(t, st.Tracks[t])
		switch {
		case d.over && n != "":
			s = text.F("**%s:** level %d at the start, %d at the end (%s)", d.track(t), h[0].Tracks[t], st.Tracks[t], n)
		case d.over:
			s = text.F("**%s:** level %d at the start, %d at the end", d.track(t), h[0].Tracks[t], st.Tracks[t])
		case n != "":
			s = text.F("**%s:** level %d at the start, %d now (%s)", d.track(t), h[0].Tracks[t], st.Tracks[t], n)
		default:
			s = text.F("**%s:** level %d at the start, %d now", d.track(t), h[0].Tracks[t], st.Tracks[t])
		}
		levels = append(levels, s)
	}
	items = append(items, join(levels, "; ")+stop())
	if d.us >= 0 && d.cn >= 0 {
		g0, g1, believed := text.Signed(h[0].Gap), text.Signed(d.sc.Gap(st)), text.Signed(st.Tracks[game.TrackPerceivedGap])
		if d.over {
			items = append(items, text.F("**US-China gap:** %s at the start, %s at the end (%s believed %s).", g0, g1, d.actor(d.us), believed))
		} else {
			items = append(items, text.F("**US-China gap:** %s at the start, %s now (%s believed %s).", g0, g1, d.actor(d.us), believed))
		}
	}
	if len(d.sc.Swing) > 0 {
		if d.over {
			items = append(items, text.F("**Swing states:** %s at the end.", d.blocCounts(alignsOf(st))))
		} else {
			items = append(items, text.F("**Swing states:** %s now.", d.blocCounts(alignsOf(st))))
		}
	}
	d.bullets(items)
}

func (d *doc) briefWinner() {
	sc, st := d.sc, d.st
	d.heading(2, text.T("Who won and why"))
	var s string
	if st.Crisis.Turn > 0 {
		s = text.T("Nobody won: a Strait crisis has no winner.")
		switch len(st.Crisis.Culprits) {
		case 0:
		case 1:
			s += text.F(" %s drove it (blame: %s) and scores 0; the others keep %d%% of their score, less their share of the blame.",
				d.actors(st.Crisis.Culprits), d.blame(st.Crisis.Shares), sc.CrisisScorePct)
		default:
			s += text.F(" %s drove it (blame: %s) and score 0; the others keep %d%% of their score, less their share of the blame.",
				d.actors(st.Crisis.Culprits), d.blame(st.Crisis.Shares), sc.CrisisScorePct)
		}
	} else if q, ok := d.winnerQuestion(); ok {
		s = q.facts
	}
	d.para("%s", text.F("%s The ranks are in the table below.", s))
}

func (d *doc) briefTurningPoints() {
	d.heading(2, text.T("Turning points"))
	tps := match.TurningPoints(d.m)
	if len(tps) == 0 {
		d.para("%s", text.T("Nothing stood out: a quiet game."))
		return
	}
	keep := slices.Clone(tps)
	slices.SortStableFunc(keep, func(x, y match.TurningPoint) int { return cmp.Compare(y.Weight, x.Weight) })
	keep = keep[:min(len(keep), d.cut[0])]
	var items []string
	for _, tp := range tps {
		if !slices.ContainsFunc(keep, func(k match.TurningPoint) bool { return sameTurningPoint(k, tp) }) {
			continue
		}
		label, line := d.turningPoint(d.m, tp)
		items = append(items, text.F("**%s, %s.** %s", d.date(tp.Turn), label, line))
	}
	d.bullets(items)
}

func sameTurningPoint(a, b match.TurningPoint) bool {
	return a.Turn == b.Turn && a.Kind == b.Kind && a.Action == b.Action && a.Swing == b.Swing && a.Track == b.Track &&
		a.Before == b.Before && a.After == b.After && slices.Equal(a.Actors, b.Actors)
}

func (d *doc) briefQuestions() {
	d.heading(2, text.T("Questions for discussion"))
	qs := d.pickQuestions(d.cut[1])
	var items []string
	for i, q := range qs {
		ls := make([]string, len(q.links))
		for j, l := range q.links {
			ls[j] = fmt.Sprint(l)
		}
		if len(ls) == 1 {
			items = append(items, text.F("%d. **%s.** %s *(Link %s.)*", i+1, q.title, q.ask, ls[0]))
		} else {
			items = append(items, text.F("%d. **%s.** %s *(Links %s.)*", i+1, q.title, q.ask, text.AndList(ls)))
		}
	}
	for _, it := range items {
		d.b.WriteString(it + "\n")
	}
	d.b.WriteString("\n")
}

// branches sets the other lines of the game beside this one: where each
// ended, its tension, its winner and the table's combined score.
func (d *doc) branches(lines []Line) {
	if len(lines) == 0 {
		return
	}
	d.heading(2, text.T("What-if branches"))
	if !d.brief {
		d.para("%s", text.T("This game has other lines in the same data directory: it was rewound to an earlier turn and played on differently, or this line is such a branch. Side by side, at the last turn each reached:"))
	}
	row := func(save string, m *match.Match) []string {
		st := m.State()
		save, line := oneLine(save), oneLine(m.Branch)
		if line == "" {
			line = text.T("main line")
		}
		if d.brief {
			save, line = text.Truncate(save, 24), text.Truncate(line, 36)
		}
		outcome := text.T("in progress")
		switch {
		case st.Crisis.Turn > 0:
			outcome = text.T("Strait crisis")
		case m.Over():
			outcome = d.outcomeName(st.Outcome)
		}
		cards := d.sc.Ranking(st)
		winner := text.T("nobody")
		total := 0
		for _, c := range cards {
			total += c.Total
		}
		if ws := d.sc.Winners(st); len(ws) > 0 && st.Crisis.Turn == 0 {
			winner = text.F("%[1]s %[2]d", d.actors(ws), cards[0].Total)
		}
		return []string{save, line, fmt.Sprint(len(m.Turns)), outcome, fmt.Sprint(st.Tension()), winner, fmt.Sprint(total)}
	}
	rows := [][]string{row(text.T("this report"), d.m)}
	for _, l := range lines {
		rows = append(rows, row(l.Save, l.Match))
	}
	d.table([]string{text.T("Save"), text.T("Line"), text.T("Turns"), text.T("Outcome"), text.T("Tension"), text.T("Winner"), text.T("Table")}, "llrlrlr", rows)
}

// wrapMarkdown breaks prose lines wider than width at spaces: a list
// item's continuation is indented under its text. Headings, table rows
// and fenced blocks are left as they are.
func wrapMarkdown(md string, width int) string {
	var out []string
	fenced := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if fenced || text.Width(line) <= width || strings.HasPrefix(line, "|") || strings.HasPrefix(line, "#") {
			out = append(out, line)
			continue
		}
		indent := ""
		switch {
		case strings.HasPrefix(line, "- "):
			indent = "  "
		case len(line) > 3 && line[0] >= '1' && line[0] <= '9' && line[1] == '.' && line[2] == ' ':
			indent = "   "
		}
		if text.Chinese() {
			// Chinese has no spaces to break at: text.Wrap breaks between
			// characters, never before closing punctuation.
			body := strings.Split(text.Wrap(line[len(indent):], width-len(indent)), "\n")
			for i, l := range body {
				l = strings.TrimRight(l, " ")
				if i == 0 {
					out = append(out, line[:len(indent)]+l)
				} else if l != "" {
					out = append(out, indent+l)
				}
			}
			continue
		}
		cur := ""
		for _, w := range strings.Fields(line) {
			switch {
			case cur == "":
				cur = w
			case text.Width(cur)+1+text.Width(w) > width:
				out = append(out, cur)
				cur = indent + w
			default:
				cur += " " + w
			}
		}
		if line != "" && cur != "" {
			out = append(out, cur)
		}
	}
	return strings.Join(out, "\n")
}

// oneLine makes text from a file fit on one line of Markdown: control
// characters (line breaks included) become spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
