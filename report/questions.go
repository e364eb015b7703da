package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"zerosum/game"
	"zerosum/game/match"
	"zerosum/text"
)

// question is one discussion question drawn from the game.
type question struct {
	turn   int // the turn it is about, for the order of the list
	weight int // how much it matters; the heaviest are kept
	title  string
	facts  string // what happened, with dates and numbers
	ask    string // the question itself
	links  []int  // the source links it illustrates
}

// Questions come 4 to 6 to a report.
const (
	minQuestions = 4
	maxQuestions = 6
)

// questions writes discussion questions drawn from what happened: the
// heaviest few of every kind the game offers, in the order of the game.
func (d *doc) questions() {
	d.heading(2, text.T("Questions for discussion"))
	d.para("%s", text.T("Drawn from what happened in this game. Each cites the half-year to look at and the causal link of the source it illustrates (listed at the end)."))
	for i, q := range d.pickQuestions(maxQuestions) {
		d.heading(3, text.F("%[1]d. %[2]s", i+1, q.title))
		d.para("%s", q.facts)
		d.para("%s", text.F("**Discuss:** %s", q.ask))
		var ls []string
		for _, l := range q.links {
			ls = append(ls, linkText(l))
		}
		d.para("%s", text.F("*Source:* %s.", join(ls, "; ")))
	}
}

// pickQuestions draws the heaviest n questions of every kind the game
// offers, in the order of the game.
func (d *doc) pickQuestions(n int) []question {
	var qs []question
	for _, gen := range []func() (question, bool){
		d.crisisQuestion, d.tensionQuestion, d.controlsQuestion, d.quotasQuestion, d.blocQuestion,
		d.exposedQuestion, d.bigMoveQuestion, d.diffusionQuestion, d.gapQuestion, d.winnerQuestion, d.blocsQuestion,
	} {
		if q, ok := gen(); ok {
			qs = append(qs, q)
		}
	}
	slices.SortStableFunc(qs, func(x, y question) int { return cmp.Compare(y.weight, x.weight) })
	qs = qs[:min(len(qs), n)]
	slices.SortStableFunc(qs, func(x, y question) int { return cmp.Compare(x.turn, y.turn) })
	return qs
}

// endTurn orders questions about the game as a whole after the others.
func (d *doc) endTurn() int { return d.played() + 1 }

// brakes lists the orders that lowered Strait tension over the game, by
// the ledger: the sum of every share of a tension change caused by an
// order (its immediate effect, a delayed one, and the fallout of its
// exposure), kept where it is below zero, largest first: "Washington:
// Back-channel talks (given twice; tension -2)". An order's tags say what
// it is meant to do; this says what it did.
func (d *doc) brakes() []string {
	sc := d.sc
	uses := make([]int, len(sc.Actions))
	for _, t := range d.m.Turns {
		for _, o := range t.Report.Orders {
			if ai, ok := sc.ActionIndex(o.Action); ok {
				uses[ai]++
			}
		}
	}
	eased := d.tensionByAction()
	var order []int
	for ai, v := range eased {
		if v < 0 {
			order = append(order, ai)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(eased[x], eased[y]) })
	var out []string
	for _, ai := range order {
		out = append(out, text.F("%s: %s (given %s; tension %s)", d.actor(sc.Actions[ai].Actor), d.action(ai), times(max(uses[ai], 1)), text.Signed(eased[ai])))
	}
	return out
}

// tensionByAction sums, per action, the shares of Strait tension's changes
// that orders of it caused over the game.
func (d *doc) tensionByAction() []int {
	out := make([]int, len(d.sc.Actions))
	tension := game.Ref{Kind: game.RefTrack, Track: game.TrackTension}
	for t := 1; t <= d.played(); t++ {
		rep := d.m.Report(t)
		ch, ok := rep.ChangeOf(tension)
		if !ok {
			continue
		}
		for _, c := range ch.Causes {
			switch c.Kind {
			case game.CauseAction, game.CauseDelayed, game.CauseExposed:
				if c.Source >= 0 && c.Source < len(out) {
					out[c.Source] += c.Delta
				}
			}
		}
	}
	return out
}

func (d *doc) brakesSentence() string {
	if b := d.brakes(); len(b) > 0 {
		return text.F(" Orders that eased tension (by the ledger, over the game): %s.", join(b, "; "))
	}
	return text.T(" No order lowered Strait tension in this game.")
}

func (d *doc) crisisQuestion() (question, bool) {
	st := d.st
	if st.Crisis.Turn == 0 || d.played() == 0 {
		return question{}, false
	}
	h := d.history()
	var path []string
	for _, sn := range h[max(len(h)-5, 0):] {
		path = append(path, fmt.Sprint(sn.Tracks[game.TrackTension]))
	}
	rep := d.m.Report(d.played())
	tension := game.Ref{Kind: game.RefTrack, Track: game.TrackTension}
	title := text.F("A crisis nobody ordered (%s)", d.date(st.Crisis.Turn))
	who := text.T("No player's orders put the pressure there: it came from the news and the situation at the start.")
	switch len(st.Crisis.Culprits) {
	case 0:
	case 1:
		title = text.F("A crisis driven by %s (%s)", d.actors(st.Crisis.Culprits), d.date(st.Crisis.Turn))
		who = text.F("Over the game, the pressure came from %s: %s scores 0.", d.blame(st.Crisis.Shares), d.actors(st.Crisis.Culprits))
	default:
		title = text.F("A crisis driven by %s (%s)", d.actors(st.Crisis.Culprits), d.date(st.Crisis.Turn))
		who = text.F("Over the game, the pressure came from %s: %s score 0.", d.blame(st.Crisis.Shares), d.actors(st.Crisis.Culprits))
	}
	last := text.F("the last push: %s", d.causes(&rep, tension, 4))
	if d.crisisByNews() {
		last = text.F("the news that opened %s gave the last push", d.date(st.Crisis.Turn))
	}
	facts := text.F("In %s Strait tension reached %d and the game ended in a crisis. %s Nobody won; %s. Over the last half-years tension read %s.",
		d.date(st.Crisis.Turn), game.TrackTension.Max(), who, last, series(path)) + d.brakesSentence()
	return question{
		turn: st.Crisis.Turn, weight: 1000, title: title, facts: facts,
		ask:   text.T("When was the last real chance to stop the spiral, and who could have taken it? What would braking (talks, a thaw, lighter controls) have cost them, and why did nobody pay that price in time?"),
		links: []int{11, 4},
	}, true
}

func (d *doc) tensionQuestion() (question, bool) {
	st := d.st
	if st.Crisis.Turn > 0 {
		return question{}, false
	}
	h := d.history()
	lo, hi, peakAt := h[0].Tracks[game.TrackTension], h[0].Tracks[game.TrackTension], 0
	for i, sn := range h {
		v := sn.Tracks[game.TrackTension]
		lo = min(lo, v)
		if v > hi {
			hi, peakAt = v, i
		}
	}
	// The sharpest rise.
	rise, riseAt := 0, 0
	for t := 1; t <= d.played(); t++ {
		if r := d.m.States[t].Tension() - d.m.States[t-1].Tension(); r > rise {
			rise, riseAt = r, t
		}
	}
	if hi >= 6 || rise >= 2 {
		facts := text.F("Strait tension started at %d and peaked at %d %s; it never reached %d.", h[0].Tracks[game.TrackTension], hi, d.snapWhen(peakAt), game.TrackTension.Max())
		ask := text.T("What was Beijing answering when the Strait heated up? What pulled it back from the edge, who paid for that, and what would it have taken to tip it over?")
		if peakAt == len(h)-1 {
			ask = text.T("What was Beijing answering when the Strait heated up? Who could still have pulled it back, at what cost, and what might one more half-year have brought?")
		}
		turn := h[peakAt].Turn
		if rise >= 2 {
			rep := d.m.Report(riseAt)
			facts += text.F(" Its sharpest rise came in %s, from %d to %d: %s.", d.date(riseAt), d.m.States[riseAt-1].Tension(), d.m.States[riseAt].Tension(),
				d.causes(&rep, game.Ref{Kind: game.RefTrack, Track: game.TrackTension}, 3))
			turn = riseAt
		}
		if peakAt != len(h)-1 {
			if d.over {
				facts += text.F(" It stood at %d at the end.", st.Tension())
			} else {
				facts += text.F(" It stood at %d so far.", st.Tension())
			}
		}
		facts += d.brakesSentence()
		return question{
			turn: turn, weight: 200 + 40*(hi-h[0].Tracks[game.TrackTension]), title: text.F("Close to the edge (%s)", d.date(turn)), facts: facts,
			ask: ask, links: []int{4, 11},
		}, true
	}
	facts := text.F("Strait tension stayed between %d and %d the whole game and stood at %d so far.", lo, hi, st.Tension())
	if d.over {
		facts = text.F("Strait tension stayed between %d and %d the whole game and stood at %d at the end.", lo, hi, st.Tension())
	}
	facts += d.brakesSentence()
	return question{
		turn: d.endTurn(), weight: 120, title: text.T("A calm Strait"), facts: facts,
		ask:   text.T("What kept the Strait calm? Which moves would have raised tension, who held back from them, and what did holding back cost?"),
		links: []int{4, 11},
	}, true
}

// levelChange finds the first change of a stepped track, preferring a
// tightening; it returns the turn (0 if none).
func (d *doc) levelChange(tr game.Track) int {
	first := 0
	for t := 1; t <= d.played(); t++ {
		b, a := d.m.States[t-1].Tracks[tr], d.m.States[t].Tracks[tr]
		if a > b {
			return t
		}
		if a != b && first == 0 {
			first = t
		}
	}
	return first
}

// levelChanges counts the turns in which a stepped track changed level.
func (d *doc) levelChanges(tr game.Track) int {
	n := 0
	for t := 1; t <= d.played(); t++ {
		if d.m.States[t-1].Tracks[tr] != d.m.States[t].Tracks[tr] {
			n++
		}
	}
	return n
}

// statPath is "Beijing's chip supply went from 50 to 38 and its grievance
// from 40 to 66" between two snapshots, for the stats the actor has ("" if
// none).
func (d *doc) statPath(a int, stats []game.Stat, from, to game.Snapshot) string {
	if a < 0 {
		return ""
	}
	var parts []string
	for _, s := range stats {
		if !d.sc.Actors[a].Has[s] {
			continue
		}
		b, e := from.Stats[a][s], to.Stats[a][s]
		switch {
		case len(parts) == 0 && b == e:
			parts = append(parts, text.F("%s stayed at %d", possessed(d.actor(a), d.statName(s)), b))
		case len(parts) == 0:
			parts = append(parts, text.F("%s went from %d to %d", possessed(d.actor(a), d.statName(s)), b, e))
		case b == e:
			parts = append(parts, text.F("its %s stayed at %d", d.statName(s), b))
		default:
			parts = append(parts, text.F("its %s from %d to %d", d.statName(s), b, e))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if text.Chinese() {
		return strings.Join(parts, "，")
	}
	return text.AndList(parts)
}

// levelStep is the first change of a stepped track (export controls,
// chip quotas), told in words, with the world then and at the end.
type levelStep struct {
	turn      int
	tightened bool
	facts     string // "In H2 2025 export controls were tightened ... Why: ..."
	from, to  game.Snapshot
}

func (d *doc) levelStep(tr game.Track) (levelStep, bool) {
	t := d.levelChange(tr)
	if t == 0 {
		return levelStep{}, false
	}
	h := d.history()
	ls := levelStep{turn: t, from: h[t-1], to: h[len(h)-1]}
	b, a := ls.from.Tracks[tr], d.m.States[t].Tracks[tr]
	ls.tightened = a > b
	rep := d.m.Report(t)
	why := d.causes(&rep, game.Ref{Kind: game.RefTrack, Track: tr}, 3)
	if ls.tightened {
		ls.facts = text.F("In %s %s were tightened from level %d to %s. Why: %s.", d.date(t), strings.ToLower(d.track(tr)), b, d.level(tr, a), why)
	} else {
		ls.facts = text.F("In %s %s were eased from level %d to %s. Why: %s.", d.date(t), strings.ToLower(d.track(tr)), b, d.level(tr, a), why)
	}
	return ls, true
}

func (d *doc) controlsQuestion() (question, bool) {
	tr := game.TrackControls
	ls, ok := d.levelStep(tr)
	if !ok {
		return question{}, false
	}
	title := text.F("Controls tightened (%s)", d.date(ls.turn))
	ask := text.T("Did the controls do what Washington wanted? Did they slow China down, or push it to build its own? Who paid for them, at home and among partners?")
	links := []int{1, 4}
	if !ls.tightened {
		title = text.F("Controls eased (%s)", d.date(ls.turn))
		ask = text.T("Why were the controls eased, and what did easing buy? Who gained from it, and who in Washington would have argued against it?")
		links = []int{1, 3}
	}
	var after []string
	if p := d.statPath(d.cn, []game.Stat{game.StatChips, game.StatSelfReliance, game.StatGrievance}, ls.from, ls.to); p != "" {
		after = append(after, p)
	}
	if p := d.statPath(d.sc.RoleActor(game.RoleChipDesigner), []game.Stat{game.StatMarket}, ls.from, ls.to); p != "" {
		after = append(after, p)
	}
	if b, e := ls.from.Tracks[game.TrackTension], ls.to.Tracks[game.TrackTension]; b == e {
		after = append(after, text.F("Strait tension stayed at %d", b))
	} else {
		after = append(after, text.F("Strait tension went from %d to %d", b, e))
	}
	facts := ls.facts
	if d.over {
		facts += text.F(" From then to the end: %s.", join(after, "; "))
	} else {
		facts += text.F(" From then to now: %s.", join(after, "; "))
	}
	if n := d.levelChanges(tr); n > 1 && d.over {
		facts += text.F(" In all, controls changed level %s and stood at level %d at the end.", times(n), d.st.Tracks[tr])
	} else if n > 1 {
		facts += text.F(" In all, controls changed level %s and stood at level %d so far.", times(n), d.st.Tracks[tr])
	}
	return question{turn: ls.turn, weight: 400, title: title, facts: facts, ask: ask, links: links}, true
}

func (d *doc) quotasQuestion() (question, bool) {
	ls, ok := d.levelStep(game.TrackQuotas)
	if !ok {
		return question{}, false
	}
	weight := 280
	ask := text.T("Why would a country capped on US chips look to China? Did the quotas protect the US lead, or spend the leverage that partners' dependence gave Washington?")
	if !ls.tightened {
		weight = 200
		ask = text.T("Why did Washington ease the quotas, and did the partners it capped come back toward it? What did Washington give up, and who gained from the change?")
	}
	facts := ls.facts
	var capped []string
	for i, s := range d.sc.Swing {
		if s.Tier == 2 {
			capped = append(capped, text.F("%s %s to %s", d.swing(i), text.Signed(ls.from.Align[i]), text.Signed(ls.to.Align[i])))
		}
	}
	if len(capped) > 0 && d.over {
		facts += text.F(" The alignment of the partners that quotas cap (tier 2), from then to the end: %s.", text.AndList(capped))
	} else if len(capped) > 0 {
		facts += text.F(" The alignment of the partners that quotas cap (tier 2), from then to now: %s.", text.AndList(capped))
	}
	return question{
		turn: ls.turn, weight: weight, title: text.F("Quotas on partners (%s)", d.date(ls.turn)), facts: facts, ask: ask,
		links: []int{2, 7},
	}, true
}

// blocChange is one swing state changing bloc in one turn.
type blocChange struct{ turn, swing, before, after int }

func (d *doc) blocChanges() []blocChange {
	var out []blocChange
	for t := 1; t <= d.played(); t++ {
		for s := range d.sc.Swing {
			b, a := d.m.States[t-1].Swing[s].Align, d.m.States[t].Swing[s].Align
			if game.AlignBloc(a) != game.AlignBloc(b) {
				out = append(out, blocChange{t, s, b, a})
			}
		}
	}
	return out
}

func (d *doc) blocQuestion() (question, bool) {
	all := d.blocChanges()
	if len(all) == 0 {
		return question{}, false
	}
	// A change that an order drove, that lasted to the end, in a big
	// market, that moved furthest; the earliest on a tie. A wobble across
	// the line by a point or two teaches little.
	best := all[0]
	weight := func(c blocChange) int {
		w := 20*d.sc.Swing[c.swing].Weight + 4*min(text.Abs(c.after-c.before), 20)
		if game.AlignBloc(d.st.Swing[c.swing].Align) == game.AlignBloc(c.after) {
			w += 60
		}
		rep := d.m.Report(c.turn)
		if ch, ok := rep.ChangeOf(game.Ref{Kind: game.RefSwing, Swing: c.swing, Field: game.FieldAlign}); ok {
			for _, cd := range ch.Causes {
				if cd.Actor >= 0 && text.Abs(cd.Delta) >= 3 {
					w += 80
					break
				}
			}
		}
		return w
	}
	for _, c := range all[1:] {
		if weight(c) > weight(best) {
			best = c
		}
	}
	rep := d.m.Report(best.turn)
	ref := game.Ref{Kind: game.RefSwing, Swing: best.swing, Field: game.FieldAlign}
	name := d.swing(best.swing)
	facts := text.F("In %s %s (alignment %s to %s). What moved it: %s.", d.date(best.turn), blocMove(name, best.before, best.after),
		text.Signed(best.before), text.Signed(best.after), d.causes(&rep, ref, 3))
	if len(all) > 1 {
		facts += text.F(" In all, swing states changed bloc %s in this game.", times(len(all)))
	}
	endAlign := text.Signed(d.st.Swing[best.swing].Align)
	switch game.AlignBloc(d.st.Swing[best.swing].Align) {
	case game.BlocUS:
		facts += text.F(" %s ended in the US bloc at %s.", name, endAlign)
	case game.BlocChina:
		facts += text.F(" %s ended in the China bloc at %s.", name, endAlign)
	default:
		facts += text.F(" %s ended non-aligned at %s.", name, endAlign)
	}
	from, to := game.AlignBloc(best.before), game.AlignBloc(best.after)
	var ask, title string
	date := d.date(best.turn)
	switch {
	case from == game.BlocUS:
		title = text.F("%s leaves the US bloc (%s)", name, date)
		ask = text.F("What pushed %s away from Washington? Could Washington have kept it without giving up something else it wanted, and what does %s gain by keeping its options open?", name, name)
	case to == game.BlocUS:
		title = text.F("%s joins the US bloc (%s)", name, date)
		ask = text.F("What drew %s into the US bloc, and what did it accept in return (conditions on chips, clouds and partners)? Who lost by it?", name)
	case to == game.BlocChina:
		title = text.F("%s joins the China bloc (%s)", name, date)
		ask = text.F("What drew %s toward Beijing, and what risk does it run with Washington's conditions on US chips?", name)
	default:
		title = text.F("%s leaves the China bloc (%s)", name, date)
		ask = text.F("Why did %s step back from Beijing? What does a middle power gain by not choosing a side?", name)
	}
	links := d.causeLinks(&rep, ref)
	if len(links) == 0 {
		links = []int{2, 7}
	}
	return question{turn: best.turn, weight: 350, title: title, facts: facts, ask: ask, links: links[:min(len(links), 2)]}, true
}

func (d *doc) exposedQuestion() (question, bool) {
	recs := slices.Clone(d.st.Covert)
	recs = slices.DeleteFunc(recs, func(c game.CovertRecord) bool { return c.Exposed == 0 })
	if len(recs) == 0 {
		return question{}, false
	}
	slices.SortStableFunc(recs, func(x, y game.CovertRecord) int { return cmp.Compare(x.Exposed, y.Exposed) })
	r := recs[0]
	what := d.action(r.Action)
	if r.Target >= 0 {
		what = d.targeted(what, r.Target)
	}
	secret := len(d.st.Covert) - len(recs)
	facts := text.F("%s covert order %s, given in %s, came to light in %s.", text.Possessive(d.actor(r.Actor)), what, d.date(r.Turn), d.date(r.Exposed))
	if r.Exposed == r.Turn {
		facts = text.F("%s covert order %s came to light in %s, the half-year it was given.", text.Possessive(d.actor(r.Actor)), what, d.date(r.Turn))
	}
	switch {
	case len(recs) > 1 && d.over:
		facts += text.F(" In all, %d covert orders came to light during play; %d others stayed secret until this debrief.", len(recs), secret)
	case len(recs) > 1:
		facts += text.F(" In all, %d covert orders came to light during play; %d others stayed secret so far.", len(recs), secret)
	case d.over:
		facts += text.F(" It was the only secret to come out during play; %d others stayed secret until this debrief.", secret)
	default:
		facts += text.F(" It was the only secret to come out during play; %d others stayed secret so far.", secret)
	}
	return question{
		turn: r.Exposed, weight: 250, title: text.F("A secret comes out (%s)", d.date(r.Exposed)), facts: facts,
		ask:   text.F("What did acting in secret buy %s, and what did exposure cost it? When is a covert move worth the risk of being found out?", d.actor(r.Actor)),
		links: d.actionLinks(r.Action, 1)[:min(len(d.actionLinks(r.Action, 1)), 2)],
	}, true
}

func (d *doc) bigMoveQuestion() (question, bool) {
	var best *match.TurningPoint
	for _, tp := range match.TurningPoints(d.m) {
		if tp.Kind == match.TurnBigAction && (best == nil || tp.Weight > best.Weight) {
			best = &tp
		}
	}
	if best == nil {
		return question{}, false
	}
	a := best.Actors[0]
	what := d.action(best.Action)
	if best.Swing >= 0 {
		what = d.targeted(what, best.Swing)
	}
	facts := text.F("In %s %s took a step that can be taken only once: %s.", d.date(best.Turn), d.actor(a), what)
	if desc := d.prose(d.text("actions."+d.sc.Actions[best.Action].ID+".desc", "")); desc != "" {
		facts += " " + desc
	}
	links := d.actionLinks(best.Action, 12)
	return question{
		turn: best.Turn, weight: 150, title: text.F("A move that cannot be repeated (%s)", d.date(best.Turn)), facts: facts,
		ask:   text.F("Why did %s choose that moment? What did the move change for it and for the others, and was it worth its price?", d.actor(a)),
		links: links[:min(len(links), 2)],
	}, true
}

func (d *doc) diffusionQuestion() (question, bool) {
	sc := d.sc
	h := d.history()
	tr := game.TrackDiffusion
	start, end := h[0].Tracks[tr], d.st.Tracks[tr]
	uses := make([]int, len(sc.Actions))
	releases := 0
	for _, t := range d.m.Turns {
		for _, o := range t.Report.Orders {
			if ai, ok := sc.ActionIndex(o.Action); ok && sc.Actions[ai].Tags.Has(game.TagOpenness) {
				uses[ai]++
				releases++
			}
		}
	}
	var rel []string
	for ai, n := range uses {
		if n > 0 {
			rel = append(rel, text.F("%s: %s (%s)", d.actor(sc.Actions[ai].Actor), d.action(ai), times(n)))
		}
	}
	facts := text.F("%s went from %d to %d so far.", d.track(tr), start, end)
	if d.over {
		facts = text.F("%s went from %d to %d at the end.", d.track(tr), start, end)
	}
	if len(rel) > 0 {
		facts += text.F(" Orders that spread open models: %s.", join(rel, "; "))
	} else {
		facts += text.T(" Nobody ordered an open release.")
	}
	if d.us >= 0 && d.cn >= 0 {
		facts += text.F(" Meanwhile the real US-China gap went from %s to %s.", text.Signed(h[0].Gap), text.Signed(sc.Gap(d.st)))
	}
	weight := 100 + 5*text.Abs(end-start) + 20*releases
	if releases == 0 {
		weight = 40 + 2*text.Abs(end-start) // little to discuss
	}
	return question{
		turn: d.endTurn(), weight: weight, title: text.T("Open models"), facts: facts,
		ask:   text.T("Who gained most from models anyone could download: laggards, middle powers building sovereign AI, or Beijing? Are open weights a security risk, soft power, or both?"),
		links: []int{6},
	}, true
}

// leadWords is "led by 12", "trailed by 3", "was level".
func leadWords(v int) string {
	switch {
	case v > 0:
		return text.F("led by %d", v)
	case v < 0:
		return text.F("trailed by %d", -v)
	}
	return text.T("was level")
}

func (d *doc) gapQuestion() (question, bool) {
	if d.us < 0 || d.cn < 0 {
		return question{}, false
	}
	sc, st := d.sc, d.st
	h := d.history()
	real, believed := sc.Gap(st), st.Tracks[game.TrackPerceivedGap]
	worst, worstAt := -1, 0
	for i, sn := range h {
		if m := text.Abs(sn.Tracks[game.TrackPerceivedGap] - sn.Gap); m > worst {
			worst, worstAt = m, i
		}
	}
	us := d.actor(d.us)
	var facts string
	if d.over {
		facts = text.F("At the end %s believed the US %s; in fact it %s.", us, leadWords(believed), leadWords(real))
	} else {
		facts = text.F("Now %s believes the US %s; in fact it %s.", us, leadWords(believed), leadWords(real))
	}
	if worst > 0 {
		sn := h[worstAt]
		facts += text.F(" The misreading was widest %s: believed %s, real %s.", d.snapWhen(worstAt), text.Signed(sn.Tracks[game.TrackPerceivedGap]), text.Signed(sn.Gap))
	}
	var news []string
	for t := 0; t <= d.played(); t++ {
		for _, e := range d.m.Report(t).Events {
			if slices.Contains(sc.Events[e].Links, 3) {
				news = append(news, text.F("%[1]s (%[2]s)", strings.TrimSuffix(d.event(e), "。"), d.date(t+1)))
			}
		}
	}
	if len(news) > 0 {
		facts += text.F(" News that bore on it: %s.", join(news, "; "))
	}
	controls := 0
	for _, t := range d.m.Turns {
		for _, o := range t.Report.Orders {
			if ai, ok := sc.ActionIndex(o.Action); ok && sc.Actions[ai].Actor == d.us && sc.Actions[ai].Tags.Has(game.TagControls) {
				controls++
			}
		}
	}
	facts += text.F(" %s gave %d orders on export controls or chip quotas.", us, controls)
	return question{
		turn: d.endTurn(), weight: 300 + 10*worst, title: text.T("What Washington believed"), facts: facts,
		ask:   text.F("How did %s's belief about the gap shape its choices? Would it have acted differently had it seen the real gap, and which signs should have warned it?", us),
		links: []int{3},
	}, true
}

// roleLinks is the source link that best frames each role's game.
var roleLinks = [game.NumRoles]int{
	game.RoleUSGov: 1, game.RoleChinaGov: 4, game.RoleRegulator: 8, game.RoleMiddlePower: 7,
	game.RoleOpenLab: 6, game.RoleChipDesigner: 1, game.RoleChinaChampion: 10, game.RoleFoundry: 11,
}

func (d *doc) winnerQuestion() (question, bool) {
	sc, st := d.sc, d.st
	winners := sc.Winners(st)
	if len(winners) == 0 {
		return question{}, false // a crisis: nobody won
	}
	w := winners[0]
	card := sc.Score(st, w)
	parts := slices.Clone(card.Parts)
	slices.SortStableFunc(parts, func(x, y game.ObjectiveScore) int { return cmp.Compare(y.Points, x.Points) })
	var best []string
	for _, p := range parts[:min(len(parts), 2)] {
		if p.Points > 0 {
			best = append(best, text.F("*%s* (%d of %d)", d.objective(w, p.Objective), p.Points, sc.Actors[w].Objectives[p.Objective].Weight))
		}
	}
	title := text.T("Who won, and what winning meant")
	if !d.over {
		title = text.T("Who leads, and why")
	}
	var facts string
	switch {
	case d.over && len(best) > 0:
		facts = text.F("%s won with %d points, above all from %s.", d.actors(winners), card.Total, text.AndList(best))
	case d.over:
		facts = text.F("%s won with %d points.", d.actors(winners), card.Total)
	case len(best) > 0:
		facts = text.F("%s leads with %d points, above all from %s.", d.actors(winners), card.Total, text.AndList(best))
	default:
		facts = text.F("%s leads with %d points.", d.actors(winners), card.Total)
	}
	cards := d.ranking()
	if len(cards) > len(winners) {
		next := cards[len(winners)]
		facts += text.F(" Next came %s with %d.", d.actor(next.Actor), next.Total)
	}
	links := []int{}
	if r := sc.Actors[w].Role; r != game.RoleNone && roleLinks[r] > 0 {
		links = append(links, roleLinks[r])
	}
	links = append(links, 12)
	return question{
		turn: d.endTurn() + 1, weight: 500, title: title, facts: facts,
		ask:   text.F("Is that what \"winning\" the AI race means? What did %s give up along the way, and who paid for its gains? Would the others agree it won?", d.actor(w)),
		links: links,
	}, true
}

func (d *doc) blocsQuestion() (question, bool) {
	if len(d.sc.Swing) == 0 {
		return question{}, false
	}
	var none []string
	for i, s := range d.st.Swing {
		if game.AlignBloc(s.Align) == game.BlocNone {
			none = append(none, d.swing(i))
		}
	}
	facts := text.F("The swing states so far: %s.", d.blocCounts(alignsOf(d.st)))
	if d.over {
		facts = text.F("The swing states at the end: %s.", d.blocCounts(alignsOf(d.st)))
	}
	if len(none) > 0 {
		facts += text.F(" Non-aligned: %s.", text.AndList(none))
	}
	return question{
		turn: d.endTurn(), weight: 50, title: text.T("The countries in between"), facts: facts,
		ask:   text.T("Why do middle powers hesitate to pick a side? What does sovereign AI really depend on, and who can attach conditions to it?"),
		links: []int{7, 2},
	}, true
}
