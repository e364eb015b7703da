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
	d.heading(2, "Questions for discussion")
	d.para("Drawn from what happened in this game. Each cites the half-year to look at and the causal link of the source it illustrates (listed at the end).")
	for i, q := range d.pickQuestions(maxQuestions) {
		d.heading(3, fmt.Sprintf("%d. %s", i+1, q.title))
		d.para("%s", q.facts)
		d.para("**Discuss:** %s", q.ask)
		var ls []string
		for _, l := range q.links {
			ls = append(ls, linkText(l))
		}
		d.para("*Source:* %s.", strings.Join(ls, "; "))
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

func (d *doc) atEnd() string {
	if d.over {
		return "at the end"
	}
	return "so far"
}

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
		out = append(out, fmt.Sprintf("%s: %s (given %s; tension %s)", d.actor(sc.Actions[ai].Actor), d.action(ai), times(max(uses[ai], 1)), text.Signed(eased[ai])))
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
		return " Orders that eased tension (by the ledger, over the game): " + strings.Join(b, "; ") + "."
	}
	return " No order lowered Strait tension in this game."
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
	title := "A crisis nobody ordered"
	who := "No player's orders put the pressure there: it came from the news and the situation at the start."
	if len(st.Crisis.Culprits) > 0 {
		title = "A crisis driven by " + d.actors(st.Crisis.Culprits)
		who = fmt.Sprintf("Over the game, the pressure came from %s: %s score%s 0.", d.blame(st.Crisis.Shares),
			d.actors(st.Crisis.Culprits), pluralVerb(len(st.Crisis.Culprits)))
	}
	last := "the last push: " + d.causes(&rep, tension, 4)
	if d.crisisByNews() {
		last = "the news that opened " + d.date(st.Crisis.Turn) + " gave the last push"
	}
	facts := fmt.Sprintf("In %s Strait tension reached %d and the game ended in a crisis. %s Nobody won; %s. Over the last half-years tension read %s.",
		d.date(st.Crisis.Turn), game.TrackTension.Max(), who, last, strings.Join(path, ", ")) + d.brakesSentence()
	return question{
		turn: st.Crisis.Turn, weight: 1000, title: fmt.Sprintf("%s (%s)", title, d.date(st.Crisis.Turn)), facts: facts,
		ask:   "When was the last real chance to stop the spiral, and who could have taken it? What would braking (talks, a thaw, lighter controls) have cost them, and why did nobody pay that price in time?",
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
		facts := fmt.Sprintf("Strait tension started at %d and peaked at %d %s; it never reached %d.", h[0].Tracks[game.TrackTension], hi, d.snapWhen(peakAt), game.TrackTension.Max())
		ask := "What was Beijing answering when the Strait heated up? What pulled it back from the edge, who paid for that, and what would it have taken to tip it over?"
		if peakAt == len(h)-1 {
			ask = "What was Beijing answering when the Strait heated up? Who could still have pulled it back, at what cost, and what might one more half-year have brought?"
		}
		turn := h[peakAt].Turn
		if rise >= 2 {
			rep := d.m.Report(riseAt)
			facts += fmt.Sprintf(" Its sharpest rise came in %s, from %d to %d: %s.", d.date(riseAt), d.m.States[riseAt-1].Tension(), d.m.States[riseAt].Tension(),
				d.causes(&rep, game.Ref{Kind: game.RefTrack, Track: game.TrackTension}, 3))
			turn = riseAt
		}
		if peakAt != len(h)-1 {
			facts += fmt.Sprintf(" It stood at %d %s.", st.Tension(), d.atEnd())
		}
		facts += d.brakesSentence()
		return question{
			turn: turn, weight: 200 + 40*(hi-h[0].Tracks[game.TrackTension]), title: fmt.Sprintf("Close to the edge (%s)", d.date(turn)), facts: facts,
			ask: ask, links: []int{4, 11},
		}, true
	}
	facts := fmt.Sprintf("Strait tension stayed between %d and %d the whole game and stood at %d %s.", lo, hi, st.Tension(), d.atEnd()) + d.brakesSentence()
	return question{
		turn: d.endTurn(), weight: 120, title: "A calm Strait", facts: facts,
		ask:   "What kept the Strait calm? Which moves would have raised tension, who held back from them, and what did holding back cost?",
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
		case len(parts) == 0:
			parts = append(parts, fmt.Sprintf("%s %s %s", text.Possessive(d.actor(a)), d.statName(s), fromTo(b, e)))
		case b == e:
			parts = append(parts, fmt.Sprintf("its %s stayed at %d", d.statName(s), b))
		default:
			parts = append(parts, fmt.Sprintf("its %s from %d to %d", d.statName(s), b, e))
		}
	}
	if len(parts) == 0 {
		return ""
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
	verb := "eased"
	if ls.tightened {
		verb = "tightened"
	}
	rep := d.m.Report(t)
	ls.facts = fmt.Sprintf("In %s %s were %s from level %d to %s. Why: %s.", d.date(t), strings.ToLower(d.track(tr)), verb, b, d.level(tr, a),
		d.causes(&rep, game.Ref{Kind: game.RefTrack, Track: tr}, 3))
	return ls, true
}

// untilNow is "the end" or "now".
func (d *doc) untilNow() string {
	if d.over {
		return "the end"
	}
	return "now"
}

func (d *doc) controlsQuestion() (question, bool) {
	tr := game.TrackControls
	ls, ok := d.levelStep(tr)
	if !ok {
		return question{}, false
	}
	title, ask := "Controls tightened", "Did the controls do what Washington wanted? Did they slow China down, or push it to build its own? Who paid for them, at home and among partners?"
	links := []int{1, 4}
	if !ls.tightened {
		title, ask = "Controls eased", "Why were the controls eased, and what did easing buy? Who gained from it, and who in Washington would have argued against it?"
		links = []int{1, 3}
	}
	var after []string
	if p := d.statPath(d.cn, []game.Stat{game.StatChips, game.StatSelfReliance, game.StatGrievance}, ls.from, ls.to); p != "" {
		after = append(after, p)
	}
	if p := d.statPath(d.sc.RoleActor(game.RoleChipDesigner), []game.Stat{game.StatMarket}, ls.from, ls.to); p != "" {
		after = append(after, p)
	}
	after = append(after, fmt.Sprintf("Strait tension %s", fromTo(ls.from.Tracks[game.TrackTension], ls.to.Tracks[game.TrackTension])))
	facts := ls.facts + fmt.Sprintf(" From then to %s: %s.", d.untilNow(), strings.Join(after, "; "))
	if n := d.levelChanges(tr); n > 1 {
		facts += fmt.Sprintf(" In all, controls changed level %s and stood at level %d %s.", times(n), d.st.Tracks[tr], d.atEnd())
	}
	return question{turn: ls.turn, weight: 400, title: fmt.Sprintf("%s (%s)", title, d.date(ls.turn)), facts: facts, ask: ask, links: links}, true
}

func (d *doc) quotasQuestion() (question, bool) {
	ls, ok := d.levelStep(game.TrackQuotas)
	if !ok {
		return question{}, false
	}
	weight := 280
	ask := "Why would a country capped on US chips look to China? Did the quotas protect the US lead, or spend the leverage that partners' dependence gave Washington?"
	if !ls.tightened {
		weight = 200
		ask = "Why did Washington ease the quotas, and did the partners it capped come back toward it? What did Washington give up, and who gained from the change?"
	}
	facts := ls.facts
	var capped []string
	for i, s := range d.sc.Swing {
		if s.Tier == 2 {
			capped = append(capped, fmt.Sprintf("%s %s to %s", d.swing(i), text.Signed(ls.from.Align[i]), text.Signed(ls.to.Align[i])))
		}
	}
	if len(capped) > 0 {
		facts += " The alignment of the partners that quotas cap (tier 2), from then to " + d.untilNow() + ": " + text.AndList(capped) + "."
	}
	return question{
		turn: ls.turn, weight: weight, title: fmt.Sprintf("Quotas on partners (%s)", d.date(ls.turn)), facts: facts, ask: ask,
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
	facts := fmt.Sprintf("In %s %s %s (alignment %s to %s). What moved it: %s.", d.date(best.turn), name, blocMove(best.before, best.after),
		text.Signed(best.before), text.Signed(best.after), d.causes(&rep, ref, 3))
	if len(all) > 1 {
		facts += fmt.Sprintf(" In all, swing states changed bloc %s in this game.", times(len(all)))
	}
	facts += fmt.Sprintf(" %s ended %s at %s.", name, map[game.Bloc]string{game.BlocUS: "in the US bloc", game.BlocNone: "non-aligned", game.BlocChina: "in the China bloc"}[game.AlignBloc(d.st.Swing[best.swing].Align)],
		text.Signed(d.st.Swing[best.swing].Align))
	from, to := game.AlignBloc(best.before), game.AlignBloc(best.after)
	var ask, title string
	switch {
	case from == game.BlocUS:
		title = name + " leaves the US bloc"
		ask = fmt.Sprintf("What pushed %s away from Washington? Could Washington have kept it without giving up something else it wanted, and what does %s gain by keeping its options open?", name, name)
	case to == game.BlocUS:
		title = name + " joins the US bloc"
		ask = fmt.Sprintf("What drew %s into the US bloc, and what did it accept in return (conditions on chips, clouds and partners)? Who lost by it?", name)
	case to == game.BlocChina:
		title = name + " joins the China bloc"
		ask = fmt.Sprintf("What drew %s toward Beijing, and what risk does it run with Washington's conditions on US chips?", name)
	default:
		title = name + " leaves the China bloc"
		ask = fmt.Sprintf("Why did %s step back from Beijing? What does a middle power gain by not choosing a side?", name)
	}
	links := d.causeLinks(&rep, ref)
	if len(links) == 0 {
		links = []int{2, 7}
	}
	return question{turn: best.turn, weight: 350, title: fmt.Sprintf("%s (%s)", title, d.date(best.turn)), facts: facts, ask: ask, links: links[:min(len(links), 2)]}, true
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
		what += " (" + d.swing(r.Target) + ")"
	}
	secret := len(d.st.Covert) - len(recs)
	facts := fmt.Sprintf("%s covert order %s, given in %s, came to light in %s.", text.Possessive(d.actor(r.Actor)), what, d.date(r.Turn), d.date(r.Exposed))
	if r.Exposed == r.Turn {
		facts = fmt.Sprintf("%s covert order %s came to light in %s, the half-year it was given.", text.Possessive(d.actor(r.Actor)), what, d.date(r.Turn))
	}
	if len(recs) > 1 {
		facts += fmt.Sprintf(" In all, %d covert orders came to light during play", len(recs))
	} else {
		facts += " It was the only secret to come out during play"
	}
	kept := map[bool]string{true: "until this debrief", false: "so far"}[d.over]
	switch secret {
	case 0:
		facts += "; none stayed secret " + kept + "."
	default:
		facts += fmt.Sprintf("; %s stayed secret %s.", text.Count(secret, "other", "others"), kept)
	}
	return question{
		turn: r.Exposed, weight: 250, title: fmt.Sprintf("A secret comes out (%s)", d.date(r.Exposed)), facts: facts,
		ask:   fmt.Sprintf("What did acting in secret buy %s, and what did exposure cost it? When is a covert move worth the risk of being found out?", d.actor(r.Actor)),
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
		what += " (" + d.swing(best.Swing) + ")"
	}
	facts := fmt.Sprintf("In %s %s took a step that can be taken only once: %s.", d.date(best.Turn), d.actor(a), what)
	if desc := d.prose(d.text("actions."+d.sc.Actions[best.Action].ID+".desc", "")); desc != "" {
		facts += " " + desc
	}
	links := d.actionLinks(best.Action, 12)
	return question{
		turn: best.Turn, weight: 150, title: fmt.Sprintf("A move that cannot be repeated (%s)", d.date(best.Turn)), facts: facts,
		ask:   fmt.Sprintf("Why did %s choose that moment? What did the move change for it and for the others, and was it worth its price?", d.actor(a)),
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
			rel = append(rel, fmt.Sprintf("%s: %s (%s)", d.actor(sc.Actions[ai].Actor), d.action(ai), times(n)))
		}
	}
	facts := fmt.Sprintf("%s went from %d to %d %s.", d.track(tr), start, end, d.atEnd())
	if len(rel) > 0 {
		facts += " Orders that spread open models: " + strings.Join(rel, "; ") + "."
	} else {
		facts += " Nobody ordered an open release."
	}
	if d.us >= 0 && d.cn >= 0 {
		facts += fmt.Sprintf(" Meanwhile the real US-China gap went from %s to %s.", text.Signed(h[0].Gap), text.Signed(sc.Gap(d.st)))
	}
	weight := 100 + 5*text.Abs(end-start) + 20*releases
	if releases == 0 {
		weight = 40 + 2*text.Abs(end-start) // little to discuss
	}
	return question{
		turn: d.endTurn(), weight: weight, title: "Open models", facts: facts,
		ask:   "Who gained most from models anyone could download: laggards, middle powers building sovereign AI, or Beijing? Are open weights a security risk, soft power, or both?",
		links: []int{6},
	}, true
}

// leadWords is "led by 12", "trailed by 3", "was level".
func leadWords(v int) string {
	switch {
	case v > 0:
		return fmt.Sprintf("led by %d", v)
	case v < 0:
		return fmt.Sprintf("trailed by %d", -v)
	}
	return "was level"
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
	facts := fmt.Sprintf("%s %s, %s believed the US %s; in fact it %s.", text.Capitalize(d.atEnd()), d.date(min(st.Turn, sc.Turns)), us, leadWords(believed), leadWords(real))
	if d.over {
		facts = fmt.Sprintf("At the end %s believed the US %s; in fact it %s.", us, leadWords(believed), leadWords(real))
	} else {
		facts = fmt.Sprintf("Now %s believes the US %s; in fact it %s.", us, leadWords(believed), leadWords(real))
	}
	if worst > 0 {
		sn := h[worstAt]
		facts += fmt.Sprintf(" The misreading was widest %s: believed %s, real %s.", d.snapWhen(worstAt), text.Signed(sn.Tracks[game.TrackPerceivedGap]), text.Signed(sn.Gap))
	}
	var news []string
	for t := 0; t <= d.played(); t++ {
		for _, e := range d.m.Report(t).Events {
			if slices.Contains(sc.Events[e].Links, 3) {
				news = append(news, fmt.Sprintf("%s (%s)", d.event(e), d.date(t+1)))
			}
		}
	}
	if len(news) > 0 {
		facts += " News that bore on it: " + strings.Join(news, "; ") + "."
	}
	controls := 0
	for _, t := range d.m.Turns {
		for _, o := range t.Report.Orders {
			if ai, ok := sc.ActionIndex(o.Action); ok && sc.Actions[ai].Actor == d.us && sc.Actions[ai].Tags.Has(game.TagControls) {
				controls++
			}
		}
	}
	facts += fmt.Sprintf(" %s gave %s on export controls or chip quotas.", us, text.Count(controls, "order", "orders"))
	return question{
		turn: d.endTurn(), weight: 300 + 10*worst, title: "What Washington believed", facts: facts,
		ask:   fmt.Sprintf("How did %s's belief about the gap shape its choices? Would it have acted differently had it seen the real gap, and which signs should have warned it?", us),
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
			best = append(best, fmt.Sprintf("*%s* (%d of %d)", d.objective(w, p.Objective), p.Points, sc.Actors[w].Objectives[p.Objective].Weight))
		}
	}
	verb := "won"
	title := "Who won, and what winning meant"
	if !d.over {
		verb, title = "leads", "Who leads, and why"
	}
	facts := fmt.Sprintf("%s %s with %d points", d.actors(winners), verb, card.Total)
	from := ", above all from " + text.AndList(best)
	if len(best) > 0 {
		facts += from
	}
	facts += "."
	cards := d.ranking()
	if len(cards) > len(winners) {
		next := cards[len(winners)]
		facts += fmt.Sprintf(" Next came %s with %d.", d.actor(next.Actor), next.Total)
	}
	links := []int{}
	if r := sc.Actors[w].Role; r != game.RoleNone && roleLinks[r] > 0 {
		links = append(links, roleLinks[r])
	}
	links = append(links, 12)
	return question{
		turn: d.endTurn() + 1, weight: 500, title: title, facts: facts,
		ask:   fmt.Sprintf("Is that what \"winning\" the AI race means? What did %s give up along the way, and who paid for its gains? Would the others agree it won?", d.actor(w)),
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
	facts := fmt.Sprintf("The swing states %s: %s.", d.atEnd(), d.blocCounts(alignsOf(d.st)))
	if len(none) > 0 {
		facts += " Non-aligned: " + text.AndList(none) + "."
	}
	return question{
		turn: d.endTurn(), weight: 50, title: "The countries in between", facts: facts,
		ask:   "Why do middle powers hesitate to pick a side? What does sovereign AI really depend on, and who can attach conditions to it?",
		links: []int{7, 2},
	}, true
}
