package report

import (
	"fmt"
	"slices"
	"strings"

	"zerosum/game"
	"zerosum/game/match"
	"zerosum/text"
)

// charts draws the tracks and scores over the game.
func (d *doc) charts() {
	sc, h := d.sc, d.history()
	d.heading(2, text.T("The game in charts"))
	if d.over {
		d.para("%s", text.T("Each row is the world at the start of a half-year, after its news; the last row is the end of the game. The numbers behind the charts are in the table at the end of this section."))
	} else {
		d.para("%s", text.T("Each row is the world at the start of a half-year, after its news; the last row is the turn now awaiting orders. The numbers behind the charts are in the table at the end of this section."))
	}
	rows := func(get func(sn game.Snapshot) int, note func(sn game.Snapshot) string) []chartRow {
		out := make([]chartRow, len(h))
		for i, sn := range h {
			out[i] = chartRow{label: d.snapLabel(i), values: []int{get(sn)}}
			if note != nil {
				out[i].note = note(sn)
			}
		}
		return out
	}
	track := func(t game.Track) func(sn game.Snapshot) int {
		return func(sn game.Snapshot) int { return sn.Tracks[t] }
	}

	ten := game.TrackTension
	d.b.WriteString(fence(barChart(text.F("%s (0 to %d; at %d a crisis ends the game)", d.track(ten), ten.Max(), ten.Max()),
		rows(track(ten), func(sn game.Snapshot) string {
			if v := sn.Tracks[ten]; v >= 6 {
				return strings.ToUpper(tensionWord(v))
			}
			return ""
		}), 0, ten.Max(), 20)))
	d.b.WriteString("\n")
	for _, t := range []game.Track{game.TrackControls, game.TrackQuotas} {
		d.b.WriteString(fence(barChart(text.F("%s (levels 0 to %d)", d.track(t), t.Max()),
			rows(track(t), func(sn game.Snapshot) string { return d.p.Level(t, sn.Tracks[t]) }), 0, t.Max(), 4*t.Max())))
		d.b.WriteString("\n")
	}
	if d.us >= 0 && d.cn >= 0 {
		gap := make([]chartRow, len(h))
		for i, sn := range h {
			real, believed := sn.Gap, sn.Tracks[game.TrackPerceivedGap]
			gap[i] = chartRow{label: d.snapLabel(i), values: []int{real, believed},
				note: text.F("real %s, believed %s", text.Signed(real), text.Signed(believed))}
		}
		d.b.WriteString(fence(dotChart(text.F("US-China capability gap: the real one and what %s believed (above 0: the US leads)", d.actor(d.us)),
			[]dotSeries{{'R', text.T("real gap")}, {'W', text.F("%s believed", d.actor(d.us))}}, gap, 41)))
		d.b.WriteString("\n")
	}
	for _, t := range []game.Track{game.TrackFragmentation, game.TrackDiffusion, game.TrackMomentum, game.TrackRegulation} {
		title := text.F("%[1]s (%[2]d to %[3]d)", d.track(t), t.Min(), t.Max())
		if t == game.TrackRegulation {
			title = text.F("%s (0 light-touch to 100 precautionary)", d.track(t))
		}
		d.b.WriteString(fence(barChart(title, rows(track(t), nil), t.Min(), t.Max(), 40)))
		d.b.WriteString("\n")
	}

	// Scores: a sparkline per actor.
	lines := []string{text.T("Scores (0 to 100), one mark per row of the charts above"), ""}
	nw := 0
	for a := range sc.Actors {
		nw = max(nw, text.Width(d.actor(a)))
	}
	for a := range sc.Actors {
		var vs []int
		best, bestAt := -1, 0
		for i, sn := range h {
			v := sn.Scores[a]
			vs = append(vs, v)
			if v > best {
				best, bestAt = v, i
			}
		}
		lines = append(lines, text.F("%s  %s  %3d to %3d, highest %d (%s)", text.PadRight(d.actor(a), nw), sparkline(vs, 0, 100),
			vs[0], vs[len(vs)-1], best, d.snapLabel(bestAt)))
	}
	d.b.WriteString(fence(lines))
	d.b.WriteString("\n")

	// The numbers.
	head := []string{"", text.T("Tension"), text.T("Controls"), text.T("Quotas")}
	if d.us >= 0 && d.cn >= 0 {
		head = append(head, text.T("Real gap"), text.T("Believed gap"))
	}
	head = append(head, text.T("Fragmentation"), text.T("Diffusion"), text.T("Momentum"), text.T("Regulation"), text.T("US bloc"), text.T("China bloc"))
	var trows [][]string
	for i, sn := range h {
		r := []string{d.snapLabel(i), fmt.Sprint(sn.Tracks[game.TrackTension]), fmt.Sprint(sn.Tracks[game.TrackControls]), fmt.Sprint(sn.Tracks[game.TrackQuotas])}
		if d.us >= 0 && d.cn >= 0 {
			r = append(r, text.Signed(sn.Gap), text.Signed(sn.Tracks[game.TrackPerceivedGap]))
		}
		var n [3]int
		for _, a := range sn.Align {
			n[game.AlignBloc(a)]++
		}
		r = append(r, fmt.Sprint(sn.Tracks[game.TrackFragmentation]), fmt.Sprint(sn.Tracks[game.TrackDiffusion]),
			fmt.Sprint(sn.Tracks[game.TrackMomentum]), fmt.Sprint(sn.Tracks[game.TrackRegulation]), fmt.Sprint(n[game.BlocUS]), fmt.Sprint(n[game.BlocChina]))
		trows = append(trows, r)
	}
	d.table(head, "l"+strings.Repeat("r", len(head)-1), trows)

	shead := []string{""}
	for a := range sc.Actors {
		shead = append(shead, d.actor(a))
	}
	var srows [][]string
	for i, sn := range h {
		r := []string{d.snapLabel(i)}
		for a := range sc.Actors {
			r = append(r, fmt.Sprint(sn.Scores[a]))
		}
		srows = append(srows, r)
	}
	d.para("%s", text.T("Scores at the start of each half-year:"))
	d.table(shead, "l"+strings.Repeat("r", len(sc.Actors)), srows)
}

func (d *doc) turningPoints() {
	d.heading(2, text.T("Turning points"))
	tps := match.TurningPoints(d.m)
	if len(tps) == 0 {
		d.para("%s", text.T("Nothing stood out: no sharp rise in tension, no change of control level, no state changing bloc, no secret exposed. A quiet game."))
		return
	}
	d.para("%s", text.F("The moments that mattered most, picked by the game (at most %d), in order.", match.MaxTurningPoints))
	var items []string
	for _, tp := range tps {
		label, line := d.turningPoint(d.m, tp)
		items = append(items, text.F("**%s, %s.** %s", d.date(tp.Turn), label, line))
	}
	d.bullets(items)
}

func (d *doc) scores() {
	sc, st := d.sc, d.st
	if d.over {
		d.heading(2, text.T("Final scores"))
	} else {
		d.heading(2, text.T("Scores so far"))
		d.para("%s", text.T("The game is not over: these are the scores each actor would get if it ended now."))
	}
	d.para("%s", text.F("Each actor scores 0 to 100 from its own weighted objectives. An objective's progress is where its measure stands between the value worth nothing (0%%) and the value worth everything (100%%); its points are its weight times its progress."))
	if st.Crisis.Turn > 0 {
		s := d.crisisRule()
		if len(st.Crisis.Culprits) > 0 {
			s += text.F(" The blame, from the orders that raised tension and those that fed the grievance behind the grey-zone pressure: %s.", d.blame(st.Crisis.Shares))
		}
		d.para("%s", s)
	}
	cards := d.ranking()
	winners := sc.Winners(st)
	var rows [][]string
	for i, c := range cards {
		note := ""
		switch {
		case c.Culprit:
			note = text.F("drove the Strait into crisis (%d%% of the blame): 0 (had %d)", c.Blame, c.Raw)
		case st.Crisis.Turn > 0 && c.Blame > 0:
			note = text.F("%d before the crisis; %d%% of the blame", c.Raw, c.Blame)
		case st.Crisis.Turn > 0:
			note = text.F("%d before the crisis", c.Raw)
		}
		if slices.Contains(winners, c.Actor) {
			mark := text.T("winner")
			if !d.over {
				mark = text.T("leading")
			}
			if note == "" {
				note = mark
			} else {
				note = text.F("%[1]s; %[2]s", note, mark)
			}
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), d.actor(c.Actor), fmt.Sprint(c.Total), note})
	}
	d.table([]string{text.T("Rank"), text.T("Actor"), text.T("Score"), text.T("Note")}, "rlrl", rows)
	for i, c := range cards {
		a := c.Actor
		d.heading(3, text.F("%d. %s: %d points", i+1, d.actor(a), c.Total))
		var prows [][]string
		for _, part := range c.Parts {
			o := sc.Actors[a].Objectives[part.Objective]
			prows = append(prows, []string{d.objective(a, part.Objective), d.measure(o.Measure, a), d.value(o.Measure, part.Value),
				text.F("%[1]s to %[2]s", d.value(o.Measure, o.From), d.value(o.Measure, o.To)), fmt.Sprintf("%d%%", part.Progress), text.F("%[1]d of %[2]d", part.Points, o.Weight)})
		}
		now := text.T("At the end")
		if !d.over {
			now = text.T("Now")
		}
		d.table([]string{text.T("Objective"), text.T("Measure"), now, text.F("Worth 0%% to 100%%"), text.T("Progress"), text.T("Points")}, "lllrrr", prows)
		d.estimateNote(a, c)
		if st.Crisis.Turn > 0 {
			switch {
			case c.Culprit:
				d.para("%s", text.F("Total before the crisis %d; with %d%% of the blame, %s is a culprit of the crisis and scores 0.", c.Raw, c.Blame, d.actor(a)))
			case c.Blame > 0:
				d.para("%s", text.F("Total before the crisis %d; after it, %d%% of that, less %d%% for its share of the blame: %d.", c.Raw, sc.CrisisScorePct, c.Blame, c.Total))
			default:
				d.para("%s", text.F("Total before the crisis %d; after it, %d%% of that: %d.", c.Raw, sc.CrisisScorePct, c.Total))
			}
		}
	}
}

// estimateNote says, for an actor who could only estimate its own score
// during play (Washington reads the gap it perceives), what the estimate
// was at the end beside the real score.
func (d *doc) estimateNote(a int, real game.ScoreCard) {
	sc := d.sc
	live := d.st.Clone()
	live.Over = false
	v := sc.View(&live, a, false)
	seen := sc.Score(&v, a)
	var parts []string
	for i, p := range seen.Parts {
		o := sc.Actors[a].Objectives[p.Objective]
		if !sc.Estimated(o.Measure, a, a) {
			continue
		}
		what := text.F("the public estimate of %s", d.measure(o.Measure, a))
		if o.Measure.Kind == game.RefGap {
			what = text.F("the gap %s perceived", d.actor(a))
		}
		parts = append(parts, text.F("%s counted %s, %s (worth %d of %d), where the truth is %s (worth %d)", d.objective(a, p.Objective),
			what, d.value(o.Measure, p.Value), p.Points, o.Weight, d.value(o.Measure, real.Parts[i].Value), real.Parts[i].Points))
	}
	if len(parts) == 0 || !d.over {
		return
	}
	if d.st.Crisis.Turn > 0 {
		d.para("%s", text.F("During play %s could only estimate this score: ≈%d before the crisis, where the truth is %d. %s.",
			d.actor(a), seen.Raw, real.Raw, text.Capitalize(clauses(parts))))
		return
	}
	d.para("%s", text.F("During play %s could only estimate this score: ≈%d, where the truth is %d. %s.",
		d.actor(a), seen.Total, real.Total, text.Capitalize(clauses(parts))))
}

// measure names what an objective measures.
func (d *doc) measure(r game.Ref, actor int) string {
	switch r.Kind {
	case game.RefTrack:
		return d.track(r.Track)
	case game.RefStat:
		a := r.Actor
		if a == game.ActorSelf {
			a = actor
		}
		return possessed(d.actor(a), d.statName(r.Stat))
	}
	return d.sc.Label(r, actor)
}

// value writes a measure's value, signed where it can be negative.
func (d *doc) value(r game.Ref, v int) string {
	if r.Kind == game.RefGap || (r.Kind == game.RefTrack && r.Track.Min() < 0) || (r.Kind == game.RefSwing && r.Field == game.FieldAlign) {
		return text.Signed(v)
	}
	return fmt.Sprint(v)
}

func (d *doc) outcome() {
	sc, st := d.sc, d.st
	id, final := d.outcomeNow()
	switch {
	case final:
		d.heading(2, text.F("World outcome: %s", d.outcomeName(id)))
	default:
		d.heading(2, text.T("The world so far"))
		if id != "" {
			d.para("%s", text.F("No world outcome yet. If the game ended now it would be **%s**.", d.outcomeName(id)))
		}
	}
	if id != "" {
		if desc := d.prose(d.text("outcomes."+id+".desc", "")); desc != "" {
			d.para("%s", desc)
		}
		if i := slices.IndexFunc(sc.Outcomes, func(o game.OutcomeDef) bool { return o.ID == id }); i >= 0 {
			o := sc.Outcomes[i]
			switch {
			case o.Crisis:
				d.para("%s", text.T("A crisis names this outcome whatever else the world looks like."))
			case len(o.When) > 0:
				var conds []string
				for _, c := range o.When {
					v := d.value(c.Ref, sc.Value(st, c.Ref, -1, -1))
					if d.over {
						conds = append(conds, text.F("%s (it was %s)", sc.Describe(c, -1), v))
					} else {
						conds = append(conds, text.F("%s (it is %s)", sc.Describe(c, -1), v))
					}
				}
				if d.over {
					d.para("%s", text.F("The outcome is the first in the scenario's list whose conditions all hold at the end. This one needs %s.", clauses(conds)))
				} else {
					d.para("%s", text.F("The outcome is the first in the scenario's list whose conditions all hold now. This one needs %s.", clauses(conds)))
				}
			default:
				d.para("%s", text.T("No other outcome's conditions held, so the world ends here: the scenario's outcome when nothing else applies."))
			}
		}
	}

	var items []string
	for _, t := range []game.Track{game.TrackTension, game.TrackControls, game.TrackQuotas, game.TrackFragmentation, game.TrackDiffusion, game.TrackRegulation, game.TrackMomentum} {
		v := fmt.Sprint(st.Tracks[t])
		switch t {
		case game.TrackTension:
			v = text.F("%[1]d, %[2]s", st.Tracks[t], tensionWord(st.Tracks[t]))
		case game.TrackControls, game.TrackQuotas:
			v = d.level(t, st.Tracks[t])
		}
		items = append(items, text.F("**%s:** %s", d.track(t), v))
	}
	if d.us >= 0 && d.cn >= 0 {
		items = append(items, text.F("**US-China capability gap:** really %s; %s believed %s.", text.Signed(sc.Gap(st)), d.actor(d.us), text.Signed(st.Tracks[game.TrackPerceivedGap])))
	}
	var blocs [3][]string
	for i, s := range st.Swing {
		b := game.AlignBloc(s.Align)
		blocs[b] = append(blocs[b], text.F("%[1]s (%[2]s)", d.swing(i), text.Signed(s.Align)))
	}
	for _, b := range []game.Bloc{game.BlocUS, game.BlocNone, game.BlocChina} {
		name := map[game.Bloc]string{game.BlocUS: text.T("In the US bloc"), game.BlocNone: text.T("Non-aligned"), game.BlocChina: text.T("In the China bloc")}[b]
		list := join(blocs[b], ", ")
		if text.Chinese() {
			list = strings.Join(blocs[b], "、")
		}
		if list == "" {
			list = text.T("none")
		}
		items = append(items, text.F("**%s:** %s", name, list))
	}
	if d.over {
		d.para("%s", text.F("The world at the end (a swing state's alignment runs from %d, China bloc, to %s, US bloc; %s or beyond puts it in a bloc):", game.AlignMin, text.Signed(game.AlignMax), text.Signed(game.BlocLimit)))
	} else {
		d.para("%s", text.F("The world now (a swing state's alignment runs from %d, China bloc, to %s, US bloc; %s or beyond puts it in a bloc):", game.AlignMin, text.Signed(game.AlignMax), text.Signed(game.BlocLimit)))
	}
	d.bullets(items)
}

func (d *doc) secrets() {
	st := d.st
	d.heading(2, text.T("Covert orders"))
	if len(st.Covert) == 0 {
		d.para("%s", text.T("Nobody acted in secret in this game."))
		return
	}
	recs := slices.Clone(st.Covert)
	slices.SortStableFunc(recs, func(x, y game.CovertRecord) int {
		if x.Turn != y.Turn {
			return x.Turn - y.Turn
		}
		return x.Actor - y.Actor
	})
	exposed := 0
	var rows [][]string
	for _, r := range recs {
		what := d.action(r.Action)
		if r.Target >= 0 {
			what = d.targeted(what, r.Target)
		}
		var status string
		switch {
		case r.Exposed != 0:
			exposed++
			status = text.F("exposed in %s", d.date(r.Exposed))
		case d.over:
			status = text.T("never exposed: secret until this debrief")
		default:
			status = text.T("still secret")
		}
		rows = append(rows, []string{d.date(r.Turn), d.actor(r.Actor), what, status})
	}
	d.para("%s", text.F("%d covert orders given, %d exposed during play. A covert order is hidden from the other actors unless news or bad luck brings it to light, and exposure has its own costs.",
		len(recs), exposed))
	d.table([]string{text.T("Given in"), text.T("Actor"), text.T("Order"), text.T("Exposed?")}, "llll", rows)
}
