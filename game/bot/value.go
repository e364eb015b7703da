package bot

import (
	"slices"
	"sync"

	"zerosum/game"
)

// Values are in milli-points of the bot's own final score (1000 = one
// point); quantities are in hundredths of a unit, so that the rules of thumb
// below can carry fractions in integers.

// driftTurns is how many turns of the Strait's drift a bot counts when it
// judges the risk of a crisis.
const driftTurns = 3

// risk[t] is roughly the chance, in percent, that a Strait sitting at
// tension t tips into crisis before the game ends.
var risk = [...]int{0, 0, 0, 1, 3, 6, 12, 22, 40, 70, 100}

// capitalValue is what one unspent point of capital is worth to a bot.
const capitalValue = 40

// evaluator values orders for one actor from its view.
type evaluator struct {
	sc        *game.Scenario
	v         *game.State
	actor     int
	b         Bot
	turnsLeft int
	score     int // the bot's current score, in points
	// crisisLoss is what a Strait crisis would cost the bot, in
	// milli-points.
	crisisLoss int
	roles      [game.NumRoles]int
	focus      []int // per objective, percent weight for this game's plan
	margs      []int // per objective, its margin under the plan (margin)
	objs       []objective
	// shared caches, per targeted action, the worth of its effects that do
	// not depend on the target.
	shared memoInts
	opts   []game.Option // reused between turns
	cands  []scored
	// leastAP is the fewest action points a candidate takes (see weigh).
	leastAP int
	used    []int        // actions in the orders being chosen
	orders  []game.Order // the orders being chosen

	m    *model         // the rules as measured from the engine
	aims []actionAims   // the actions as a bot values them
	msc  *game.Scenario // the scenario m and aims belong to
	// up and down are, per number the bot's objectives read (the model's
	// measured[actor], in order), the direct worth of one unit more and one
	// unit less of it (see directUnits); ud holds them, up then down, for
	// the model's unitCells.
	up, down, ud []int
	rows         []sparseRows // the model's toMeasured[actor], per horizon

	// The Strait as this decision sees it, for crisisWorth: the tension it
	// is heading for, in hundredths, the risk there, and the weight the
	// personality gives a crisis.
	crisisBase, crisisRisk, riskWeight int

	// strain is strainNow's, or -1 until it is first needed.
	strain int

	// news is the total weight of the events that could be drawn now, or
	// -1 until exposeOdds first needs it (see drawable); newsHolds says,
	// per event, whether its conditions hold, for the drawn events that
	// have not fired (or may repeat), once news is worked out; newsVals is
	// room for the numbers their conditions read (newsTable.refs).
	news      int
	newsHolds []bool
	newsVals  []int
	nt        *newsTable // the scenario's drawn events, as msc's
	// newsMemo is what the last worked-out news was worked out from: the
	// same numbers and the same events fired give the same news and
	// newsHolds, so seats of a turn whose views agree on those numbers
	// (a view hides some of them: others' hidden stats, covert uses)
	// work it out once.
	newsMemo struct {
		nt    *newsTable
		vals  []int
		fired []int
		news  int
	}

	// blame keeps the crisis shares of the blame accounts last seen, so
	// that the seats of one turn, whose views hold the same accounts (a
	// view keeps them whole: they are public), work them out once.
	blame blameMemo

	// plans keeps, per actor, the plan (Plan) of the bot last seen in its
	// seat: a bot's plan is fixed for the game, and a pooled evaluator
	// serves the seats of a game turn after turn.
	plans []planMemo

	// units keeps, per actor, the direct worths (ud) last worked out in
	// its seat (see directUnits).
	units []unitsMemo
}

// unitsMemo is the direct worth of one unit of each number a seat's
// objectives read, up then down (evaluator.ud), and what it was worked out
// from: the model, and each objective's margins either way (with, against,
// in key). Without a linkBloc among the seat's units nothing else goes
// into it, so while those are the same it is the same, turn after turn
// (an objective's margins change only when its progress reaches either
// end).
type unitsMemo struct {
	m   *model
	key []int
	ud  []int
}

// planMemo is the plan of one bot in one seat of a scenario, and the
// margins it gives the seat's objectives (see margin).
type planMemo struct {
	sc           *game.Scenario
	seed         uint64
	d            Difficulty
	focus, margs []int
}

// plan is Plan for the bot in actor's seat into e.focus, and the margins
// of its objectives into e.margs, from e.plans when it holds that bot's
// plan (it is the same: Plan depends on nothing else). They are the memo's
// own, not copies: nothing changes them.
func (e *evaluator) plan(sc *game.Scenario, b Bot, actor int) {
	for len(e.plans) <= actor {
		e.plans = append(e.plans, planMemo{})
	}
	m := &e.plans[actor]
	if m.sc != sc || m.seed != b.Seed || m.d != b.Difficulty || m.focus == nil {
		m.sc, m.seed, m.d = sc, b.Seed, b.Difficulty
		m.focus = plan(m.focus[:0], sc, b.Seed, actor, b.Difficulty)
		m.margs = m.margs[:0]
		for i := range sc.Actors[actor].Objectives {
			m.margs = append(m.margs, margin(&sc.Actors[actor].Objectives[i], m.focus[i]))
		}
	}
	e.focus, e.margs = m.focus, m.margs
}

// margin is what one unit of an objective's measure is worth to a bot
// whose plan gives it focus percent weight, in milli-points, signed (the
// objective's span, To - From, may run either way).
func margin(o *game.ObjectiveDef, focus int) int {
	return o.Weight * focus * 10 / (o.To - o.From)
}

// blameMemo is every actor's crisis share and culprit flag
// (Scenario.CrisisSharesInto) for one scenario's blame accounts as they
// stood in a view. It is reused only for accounts equal number for
// number, so it gives exactly what working them out again would.
type blameMemo struct {
	sc      *game.Scenario
	tension []int // a copy of the accounts (Blame.Tension)
	shares  []int
	culprit []bool
}

// share is CrisisShare(v, actor), from the memo when v's accounts are the
// ones it holds.
func (m *blameMemo) share(sc *game.Scenario, v *game.State, actor int) (int, bool) {
	if m.sc != sc || m.shares == nil || !slices.Equal(m.tension, v.Blame.Tension) {
		m.sc = sc
		m.tension = append(m.tension[:0], v.Blame.Tension...)
		m.shares, m.culprit = sc.CrisisSharesInto(m.shares, m.culprit, v)
	}
	return m.shares[actor], m.culprit[actor]
}

// memoInts is a table of numbers worked out on demand. Emptying it between
// decisions costs nothing: a generation count says which cells are current.
type memoInts struct {
	cells []memoCell
	gen   uint32
}

// memoCell is one number of a memoInts and the generation it was worked
// out in, side by side: a lookup reads one place in memory, not two.
type memoCell struct {
	val int
	gen uint32
}

// reset empties the table and makes room for n cells.
func (m *memoInts) reset(n int) {
	m.gen++
	if m.gen == 0 { // wrapped around: old stamps could look current
		clear(m.cells)
		m.gen = 1
	}
	if len(m.cells) < n {
		m.cells = make([]memoCell, n)
	}
}

// get returns cell i and whether it is current.
func (m *memoInts) get(i int) (int, bool) {
	if c := &m.cells[i]; c.gen == m.gen {
		return c.val, true
	}
	return 0, false
}

// set stores cell i.
func (m *memoInts) set(i, v int) {
	m.cells[i] = memoCell{v, m.gen}
}

// objective is one of the bot's objectives as this turn's valuation sees it.
type objective struct {
	measure *game.Ref // the model's measures[actor]
	span    int       // To - From
	marg    int       // milli-points per unit of the measure, signed, with the plan's weight
	done    int       // progress now, 0-100
	// with and against are marg as worth has it for a move of the
	// measure the way of span and the other way.
	with, against int
}

// evaluators are reused: a bot chooses once per actor per turn, and
// building its tables from scratch each time costs more than the choice.
var evaluators = sync.Pool{New: func() any { return new(evaluator) }}

func newEvaluator(sc *game.Scenario, v *game.State, actor int, b Bot) *evaluator {
	e := evaluators.Get().(*evaluator)
	// Field by field rather than as one new value: the tables and buffers
	// it keeps (most of its size) stay where they are instead of being
	// copied out and back. Every other field is set below.
	e.sc, e.v, e.actor, e.b, e.turnsLeft, e.score, e.news = sc, v, actor, b, sc.Turns-v.Turn+1, 0, -1
	e.strain = -1
	e.objs = e.objs[:0]
	e.opts, e.cands, e.used, e.orders = e.opts[:0], e.cands[:0], e.used[:0], e.orders[:0]
	if e.msc != sc {
		// The model is the scenario's; a pooled evaluator keeps the last one
		// it used, since looking it up costs more than most of a decision.
		e.m, e.aims, e.nt, e.msc = modelFor(sc), aimsFor(sc), newsFor(sc), sc
		for r := range game.NumRoles {
			e.roles[r] = sc.RoleActor(r)
		}
	}
	e.rows = e.m.toMeasured[actor]
	// The objectives as this turn sees them; the bot's score is theirs
	// (Scenario.RawScore, from the same progress: the measures read here
	// are the objectives' own, with "self" made the actor).
	e.plan(sc, b, actor)
	measures, defs := e.m.measures[actor], sc.Actors[actor].Objectives
	for i := range defs {
		o, m := &defs[i], &measures[i]
		span := o.To - o.From
		done := o.Progress(sc.Value(v, *m, actor, -1))
		e.score += o.Weight * done / 100
		ob := objective{measure: m, span: span, marg: e.margs[i], done: done}
		// worth's margins, one way and the other.
		ob.with, ob.against = ob.marg, ob.marg
		if done >= 100 {
			ob.with /= 4
		}
		if done <= 0 {
			ob.against /= 4
		}
		e.objs = append(e.objs, ob)
	}
	// What a crisis would cost: everything, for an actor that would be
	// named a culprit on the blame so far; otherwise all but what the
	// others keep.
	share, culprit := e.blame.share(sc, v, actor)
	keep := sc.CrisisScorePct * (100 - share) / 100
	if culprit || share >= sc.Rules.CulpritSharePct {
		keep = 0
	}
	e.crisisLoss = e.score * 1000 * (100 - keep) / 100
	e.shared.reset(len(sc.Actions))
	e.directUnits()
	e.riskWeight = e.personalityRisk()
	e.crisisBase = v.Tension()*100 + sc.GreyZonePressure(v)*min(e.turnsLeft, driftTurns)
	e.crisisRisk = riskAt(e.crisisBase)
	return e
}

// release returns the evaluator to the pool.
func (e *evaluator) release() {
	e.v = nil
	evaluators.Put(e)
}

// Plan is the line a bot follows in one game, drawn from its seed so the
// same bot does not play every game alike: it leans on one of its
// objectives and away from another (130% and 70%; an easy bot 150% and
// 60%). It is fixed for the whole game.
func Plan(sc *game.Scenario, seed uint64, actor int, d Difficulty) (focus []int) {
	return plan(nil, sc, seed, actor, d)
}

// plan is Plan appending to a reusable slice.
func plan(focus []int, sc *game.Scenario, seed uint64, actor int, d Difficulty) []int {
	n := len(sc.Actors[actor].Objectives)
	for range n {
		focus = append(focus, 100)
	}
	rng := game.NewStream(seed, 0, game.PurposeBot, actor)
	if n >= 2 {
		up := rng.IntN(n)
		down := (up + 1 + rng.IntN(n-1)) % n
		focus[up], focus[down] = 130, 70
		if d == Easy {
			focus[up], focus[down] = 150, 60
		}
	}
	return focus
}

// value is what an option is worth; ok is false when the bot refuses to
// consider it at all (it could tip the Strait into crisis by its own hand).
func (e *evaluator) value(o *game.Option) (int, bool) {
	aims := &e.aims[o.Action]
	// The mutual-loss rule: never raise tension where this order, the
	// standing drift, effects already on their way, and the pushes others
	// might give in the same turn (strainMargin) could reach the top in one
	// turn.
	if aims.tensionNow > 0 && aims.tensionNow+e.strainNow() >= game.TrackTension.Max() {
		return 0, false
	}
	total := 0
	if aims.targeted {
		// The effects that do not name the target are the same for every
		// target: value them once per action.
		shared, ok := e.shared.get(o.Action)
		if !ok {
			shared = e.effectsWorth(aims.effects, -1)
			e.shared.set(o.Action, shared)
		}
		total = shared + e.effectsWorth(aims.aimed, o.Target)
	} else {
		total = e.effectsWorth(aims.effects, -1)
	}
	if aims.covert {
		// What exposure would cost, at the odds of it (not worked out
		// when it would cost nothing).
		if x := e.effectsWorth(aims.exposed, o.Target); x != 0 {
			if odds := e.exposeOdds(&e.sc.Actions[o.Action], aims); odds > 0 {
				total += x * odds / 100
			}
		}
	}
	total -= o.Cost * capitalValue
	if p := e.b.Personality; p < NumPersonalities { // tilt, with the aims at hand
		total += aims.tilt[p]
	}
	if len(aims.unlocks) > 0 && e.v.Uses[o.Action].Count == 0 {
		total += e.unlockWorth(aims.unlocks)
	}
	return total, true
}

// strainNow is the tension the mutual-loss rule sees before an order's
// own: the Strait's now, the drift, what is on its way and strainMargin
// (worked out once per decision, in e.strain).
func (e *evaluator) strainNow() int {
	if e.strain < 0 {
		e.strain = e.v.Tension() + e.drift() + e.pendingTension() + strainMargin
	}
	return e.strain
}

// strainMargin is the tension, in points, a bot allows for others' pushes
// in the turn it gives an order, and the drift those might set off. It was
// 2 (one push by someone else) until the bots learned to hold their
// partners and Washington pushed harder: then others' pushes in the same
// turn took the Strait over a Beijing drill that looked safe in 2 of the
// games TestBotsNeverPushTheStraitOver plays.
const strainMargin = 3

// unlockWorth is what taking an action for the first time is worth for
// the actions it opens: unlockShare percent of what each of them would be
// worth now (it comes later, and costs an order of its own).
func (e *evaluator) unlockWorth(us []unlock) int {
	w := 0
	for _, u := range us {
		b := &e.sc.Actions[u.action]
		if b.Banned || (b.Once && e.v.Uses[u.action].Count > 0) || !e.sc.Holds(e.v, u.others, e.actor, -1) {
			continue
		}
		v := e.effectsWorth(e.aims[u.action].effects, -1) - e.sc.Cost(e.v, u.action)*capitalValue + e.tilt(u.action)
		if v > 0 {
			w += v * unlockShare / 100
		}
	}
	return w
}

// unlockShare is the share, in percent, of an unlocked action's worth that
// the order unlocking it is credited with.
const unlockShare = 50

// effectsWorth values aims (an action's effects, those at its target, or
// what its exposure would bring) at the order's target (-1 for none).
func (e *evaluator) effectsWorth(aims []aim, target int) int {
	total := 0
	for i := range aims {
		total += e.aimWorth(&aims[i], target)
	}
	return total
}

// exposeOdds is the chance, in percent, that a covert order given now comes
// to light before the game ends: at once, at the action's own odds, or with
// the news of any later turn that reveals it (the bot knows the content's
// events, as a player can read them in the encyclopedia). Each turn's news
// draws EventsPerTurn events, weighted, among those that could happen; the
// bot takes the events that could happen now as its guide to the turns
// ahead. Counting only the first, as bots did until December 2026, made a
// repeated covert deal look three times safer than it was: one leak exposes
// every deal at once.
func (e *evaluator) exposeOdds(def *game.ActionDef, aims *actionAims) int {
	hidden := 100 - def.ExposePct // percent: still hidden so far
	if len(aims.revealedBy) == 0 || hidden <= 0 || e.turnsLeft <= 1 {
		return 100 - max(hidden, 0)
	}
	w := 0
	for _, i := range aims.revealedBy {
		if ev := &e.sc.Events[i]; ev.Repeat || e.v.Fired[i] == 0 {
			w += ev.Weight
		}
	}
	if w == 0 {
		return 100 - hidden
	}
	if e.news < 0 {
		e.drawable()
	}
	// The revealing events may not be eligible yet (they need the deal
	// done): they join the draw once it is.
	total := e.news
	for _, i := range aims.revealedBy {
		if ev := &e.sc.Events[i]; (ev.Repeat || e.v.Fired[i] == 0) && !e.newsHolds[i] {
			total += ev.Weight
		}
	}
	perTurn := min(100, e.sc.EventsPerTurn*w*100/max(total, 1))
	for range e.turnsLeft - 1 { // the news of each turn after this one
		hidden = hidden * (100 - perTurn) / 100
	}
	return 100 - hidden
}

// drawable works out e.news, the total weight of the events that could
// be drawn now (not triggers, not fired unless they repeat, their
// conditions holding in the view), and, for each of those it looks at,
// whether its conditions hold (e.newsHolds). Each number the conditions
// read is read once (newsTable), not once per condition that reads it.
func (e *evaluator) drawable() {
	nt := e.nt
	vals := e.newsVals[:0]
	for i := range nt.refs {
		vals = append(vals, e.sc.Value(e.v, nt.refs[i], -1, -1))
	}
	e.newsVals = vals
	memo := &e.newsMemo
	if memo.nt == nt && slices.Equal(memo.vals, vals) && slices.Equal(memo.fired, e.v.Fired) {
		// newsHolds is as that decision left it: the same events were
		// looked at, with the same numbers.
		e.news = memo.news
		return
	}
	if len(e.newsHolds) < len(e.sc.Events) {
		e.newsHolds = make([]bool, len(e.sc.Events))
	}
	e.news = 0
	for k := range nt.events {
		ev := &nt.events[k]
		if !ev.repeat && e.v.Fired[ev.index] != 0 {
			continue
		}
		holds := true
		for j := ev.start; j < ev.end; j++ {
			if c := &nt.conds[j]; !c.cond.Holds(vals[c.ref]) {
				holds = false
				break
			}
		}
		e.newsHolds[ev.index] = holds
		if holds {
			e.news += ev.weight
		}
	}
	memo.nt, memo.news = nt, e.news
	memo.fired = append(memo.fired[:0], e.v.Fired...)
	memo.vals, e.newsVals = vals, memo.vals // the old key is the next scratch
}

// aimWorth values one aim of an order on target (-1 for none): nothing if
// its conditions do not hold or it is on a target the order does not have,
// and otherwise the worth of a change of a.d hundredths in its number that
// arrives a.delay turns from now: by what it makes of the bot's objectives
// at the end of the game, once the standing causal links have worked on it
// (as the model measured them), by the risk of a Strait crisis from the
// tension it adds along the way, and, for the bot's own capital, by what
// the money can still buy. (Every aim of every option a bot weighs comes
// through here, so the worth is worked out in place, not in a call of its
// own.)
func (e *evaluator) aimWorth(a *aim, target int) int {
	h := e.turnsLeft - a.delay // the resolutions left when it arrives
	if !a.liveAt(h) {
		return 0 // worth nothing at this horizon (or after the end), whatever the conditions
	}
	if a.plain && a.owner == e.actor {
		// Most aims: no conditions, nothing but the number and the
		// Strait, and the bot's own (as below, in short).
		i := h
		if a.onTarget {
			if target < 0 {
				return 0
			}
			i = h*a.targets + target
		}
		at := &a.at[i]
		w := 0
		for _, c := range at.cells {
			w += e.ud[c.at] * int(c.abs) / 100
		}
		v := w * a.size / 100
		if at.tension != 0 {
			v += e.crisisWorth(at.tension)
		}
		return v
	}
	if len(a.when) > 0 && !e.sc.Holds(e.v, a.when, e.actor, target) {
		return 0
	}
	if a.onTarget && target < 0 {
		return 0
	}
	// endWorth, in place: the row of the aim's number, the way it moves
	// it, and the tension it adds, read from the aim itself when the bot
	// is its owner, as it always is (a bot values its own actor's
	// actions); otherwise worked out from the bot's own rows, as before
	// the aims kept them.
	var cells []unitCell
	tension := 0
	if a.owner == e.actor {
		i := h
		if a.onTarget {
			i = h*a.targets + target
		}
		at := &a.at[i]
		cells, tension = at.cells, at.tension
	} else {
		slot := a.slot
		if a.onTarget {
			slot += 2 * target
		}
		r := &e.rows[h]
		cells = r.worth[0]
		if a.d < 0 {
			cells = r.worth[1]
		}
		cells = cells[r.start[slot]:r.start[slot+1]]
		tension = int(r.peak[slot]) * a.d / 100
	}
	w := 0
	for _, c := range cells {
		w += e.ud[c.at] * int(c.abs) / 100
	}
	v := w * abs(a.d) / 100
	crisis := 0 // what crisisWorth gives a number that does not move the Strait
	if tension != 0 {
		crisis = e.crisisWorth(tension)
	}
	if a.grievance {
		crisis = min(crisis, e.pressureWorth(a.d))
	}
	v += crisis
	if a.capital {
		v += a.d * capitalValue / 100
	}
	return v
}

// drift is the tension the standing links will add next turn on their own
// (grey-zone pressure), in whole points, rounded.
func (e *evaluator) drift() int {
	return (e.sc.GreyZonePressure(e.v) + 50) / 100
}

// pendingTension is tension already on its way (delayed effects due next
// turn that this actor can see).
func (e *evaluator) pendingTension() int {
	t := 0
	for _, p := range e.v.Pending {
		if p.Due == e.v.Turn && p.Target.Kind == game.RefTrack && p.Target.Track == game.TrackTension {
			t += p.Add
		}
	}
	return t
}

// taste is how much a personality likes an action with a tag.
type taste struct {
	tag game.Tag
	v   int
}

// tastes are each personality's likes and dislikes.
var tastes = [NumPersonalities][]taste{
	Hawk:   {{game.TagEscalation, 1500}, {game.TagControls, 1200}, {game.TagSecurity, 600}, {game.TagDeescalation, -1000}},
	Dove:   {{game.TagEscalation, -2500}, {game.TagDeescalation, 1500}, {game.TagDiplomacy, 1000}},
	Hedger: {{game.TagHedging, 1500}, {game.TagDiplomacy, 800}, {game.TagInvestment, 800}, {game.TagEscalation, -1000}, {game.TagControls, -500}},
}

// tilt is the personality's taste for an action (worked out once per
// scenario, in its aims: see tiltOf).
func (e *evaluator) tilt(action int) int {
	if e.b.Personality >= NumPersonalities {
		return 0
	}
	return e.aims[action].tilt[e.b.Personality]
}

// tiltOf is a personality's taste for kinds of action: the sum of its
// likes and dislikes among an action's tags.
func tiltOf(p Personality, tags game.Tags) int {
	v := 0
	for _, t := range tastes[p] {
		if tags.Has(t.tag) {
			v += t.v
		}
	}
	return v
}

// personalityRisk scales the fear of a crisis by personality.
func (e *evaluator) personalityRisk() int {
	switch e.b.Personality {
	case Hawk:
		return 50
	case Dove:
		return 150
	}
	return 100
}

// endWorth is what d hundredths in a number now are worth to the bot's
// objectives h resolutions later: the model's sensitivity of every number
// the bot values to this one, times what each is worth. It is linear on
// each side of zero: it is worked out for one unit up or down and scaled.
// (aimWorth works it out in place.)
func (e *evaluator) endWorth(h, slot, d int) int {
	// The sensitivities of the measured numbers to this one (those that
	// are not zero), each valued as direct values it: a change of s
	// hundredths is worth up (or down) times |s| / 100. A fall moves each
	// the other way. The model's unitCells say which, and |s|.
	r := &e.rows[h]
	cells := r.worth[0]
	if d < 0 {
		cells = r.worth[1]
	}
	w := 0
	for _, c := range cells[r.start[slot]:r.start[slot+1]] {
		w += e.ud[c.at] * int(c.abs) / 100
	}
	return w * abs(d) / 100
}

// crisisWorth is the expected loss from moving tension by d hundredths,
// judged on where the Strait is heading (the tension now and the grey-zone
// pressure of the turns to come).
func (e *evaluator) crisisWorth(d int) int {
	if d == 0 {
		return 0 // most numbers do not move the Strait at all
	}
	return -(riskAt(e.crisisBase+d) - e.crisisRisk) * e.crisisLoss / 10000 * e.riskWeight / 100
}

// riskAt is the risk table read at a tension in hundredths, in hundredths
// of a percent, between its points. Past the top it keeps rising: a Strait
// heading well beyond a crisis is a crisis sooner, and a bot must still
// see the worth of pulling it back.
func riskAt(p int) int {
	if p <= 0 {
		return 0
	}
	i, f := p/100, p%100
	if i >= len(risk)-1 {
		return risk[len(risk)-1]*100 + (p-(len(risk)-1)*100)*pastTop/100
	}
	return risk[i]*100 + (risk[i+1]-risk[i])*f
}

// pastTop is how fast riskAt rises past the top, in percent per point.
const pastTop = 30

// pressureWorth is the crisis risk of moving China's grievance by d
// hundredths: the grey-zone pressure it adds (or takes away) over the
// turns the bot counts.
func (e *evaluator) pressureWorth(d int) int {
	cn := e.roles[game.RoleChinaGov]
	g := e.v.Stat(cn, game.StatGrievance)
	dp := e.sc.GreyZonePressureAt(g+d/100) - e.sc.GreyZonePressureAt(g)
	return e.crisisWorth(dp * min(e.turnsLeft, driftTurns))
}

// directUnits works out e.up and e.down: the worth of one unit more and
// one unit less of each number the bot's objectives read (the model's
// measured[actor], in order) on those objectives, in milli-points. The worth of a change is linear on
// each side of zero: the evaluator scales these. A measure moves as far the
// other way when the number falls as when it rises (see measureDelta), so
// each is read once. The links say which objectives read the number and
// how, worked out once per scenario; measureDelta is the plain rule they
// follow (TestEvaluatorShortcutsMatchThePlainFormulas compares them).
// It reads the links in one list (the model's units), and each
// objective's worth (worth) through its margins one way and the other
// (objective.with, against); and it keeps what it works out for the seat
// (unitsMemo).
func (e *evaluator) directUnits() {
	for len(e.units) <= e.actor {
		e.units = append(e.units, unitsMemo{})
	}
	memo := &e.units[e.actor]
	n := len(e.m.measured[e.actor])
	objs := e.objs
	kept := !e.m.blocUnits[e.actor] && memo.m == e.m && len(memo.key) == 2*len(objs) && len(memo.ud) == 2*n
	for i := 0; kept && i < len(objs); i++ {
		kept = memo.key[2*i] == objs[i].with && memo.key[2*i+1] == objs[i].against
	}
	e.ud = slices.Grow(memo.ud[:0], 2*n)[:2*n]
	memo.ud = e.ud
	e.up, e.down = e.ud[:n:n], e.ud[n:]
	if kept {
		return
	}
	memo.m, memo.key = nil, memo.key[:0]
	if !e.m.blocUnits[e.actor] {
		memo.m = e.m
		for i := range objs {
			memo.key = append(memo.key, objs[i].with, objs[i].against)
		}
	}
	up, down := e.up, e.down
	clear(up)
	clear(down)
	units := e.m.units[e.actor]
	for k := range units {
		l := &units[k]
		delta := int(l.delta)
		if l.kind == linkBloc {
			delta = e.blocDelta(game.Bloc(l.n), int(l.swing), 100)
		}
		if delta == 0 {
			continue
		}
		o := &objs[l.obj]
		// worth(delta) and worth(-delta): a move the way of the
		// objective's span (from its From to its To) is one with it.
		with, against := o.with, o.against
		if (delta > 0) != (o.span > 0) {
			with, against = against, with
		}
		up[l.i] += with * delta
		down[l.i] += against * -delta
	}
	for i := range up {
		up[i] /= 100
	}
	for i := range down {
		down[i] /= 100
	}
}

// worth is what a move of the measure by delta hundredths is worth, in
// hundredths of a milli-point (directUnits reads it through with and
// against).
func (o *objective) worth(delta int) int {
	marg := o.marg
	// Beyond the goal a margin is still worth a little; below the start
	// every step counts.
	if (o.done >= 100 && delta*o.span > 0) || (o.done <= 0 && delta*o.span < 0) {
		marg /= 4
	}
	return marg * delta
}

// measureDelta is how much (in hundredths) a measure moves when r moves by
// d: by d, -d or d divided by a count, so by exactly as much the other way
// when r moves by -d (division truncates toward zero).
func (e *evaluator) measureDelta(m, r *game.Ref, d int) int {
	if m.Kind == r.Kind && *m == *r { // the kinds first: most differ
		return d
	}
	switch m.Kind {
	case game.RefGap:
		if r.Kind == game.RefStat && r.Stat == game.StatFrontier {
			switch r.Actor {
			case e.roles[game.RoleUSGov]:
				return d
			case e.roles[game.RoleChinaGov]:
				return -d
			}
		}
	case game.RefBloc:
		if r.Kind != game.RefSwing || r.Field != game.FieldAlign {
			return 0
		}
		return e.blocDelta(m.Bloc, r.Swing, d)
	case game.RefSwing:
		if r.Kind == game.RefSwing && r.Field == m.Field && (m.Swing == game.SwingAll || (m.Swing == game.SwingTier2 && e.sc.Swing[r.Swing].Tier == 2)) {
			n := 0
			for i := range e.sc.Swing {
				if m.Swing == game.SwingAll || e.sc.Swing[i].Tier == 2 {
					n++
				}
			}
			return d / max(n, 1)
		}
	}
	return 0
}

// blocDelta is how much (in hundredths) the count of a bloc at the end of
// the game moves when a swing state's alignment moves by d: by the chance
// that this point of alignment decides which side of the bloc line the
// state ends on. That chance is a triangle centred on the line (it adds up
// to one state over all alignments), wide while many turns are left and
// narrowing as the end nears: a state far from the line is settled either
// way, one near it is in play, and more of them are in play early on.
func (e *evaluator) blocDelta(bloc game.Bloc, swing, d int) int {
	a := e.v.Swing[swing].Align
	switch bloc {
	case game.BlocUS:
		return d * e.lineDensity(a) / 1000
	case game.BlocChina:
		return -d * e.lineDensity(-a) / 1000
	case game.BlocNone:
		if a > 0 {
			return -d * e.lineDensity(a) / 1000
		}
		if a < 0 {
			return d * e.lineDensity(-a) / 1000
		}
	}
	return 0
}

// lineDensity is the chance, in thousandths, that one point of alignment
// at x (counted toward a bloc) decides whether the state ends in it.
func (e *evaluator) lineDensity(x int) int {
	w := blocSpread + blocSpreadPerTurn*e.turnsLeft
	// The line lies between BlocLimit-1 and BlocLimit: the step from one to
	// the other crosses it.
	dist := game.BlocLimit - x
	if x >= game.BlocLimit {
		dist = x - game.BlocLimit + 1
	}
	if dist >= w {
		return 0
	}
	return (w - dist) * 1000 / (w * w)
}

// blocSpread and blocSpreadPerTurn set how far from the bloc line, in
// points of alignment, a state is still in play: blocSpread at the last
// turn, and blocSpreadPerTurn more for each turn left.
const blocSpread, blocSpreadPerTurn = 20, 2

func concrete(t game.Ref, actor, target int) game.Ref {
	if t.Kind == game.RefStat && t.Actor == game.ActorSelf {
		t.Actor = actor
	}
	if t.Kind == game.RefSwing && t.Swing == game.SwingTarget {
		t.Swing = target
	}
	return t
}
