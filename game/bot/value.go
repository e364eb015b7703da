package bot

import (
	"math"
	"slices"
	"sync"

	"zerosum/game"
)

// Values are in milli-points of the bot's own final score (1000 = one
// point); quantities are in hundredths of a unit, so that the rules of thumb
// below can carry fractions in integers.

// risk[t] is roughly the chance, in percent, that a Strait sitting at
// tension t tips into crisis before the game ends.
var risk = [...]int{0, 0, 0, 1, 2, 4, 8, 15, 30, 60, 100}

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
	roles     [game.NumRoles]int
	focus     []int // per objective, percent weight for this game's plan
	skip      []int // actions this game's plan leaves out
	objs      []objective
	// direct1 caches the direct worth of +1 and -1 of each number (see
	// direct); shared caches, per targeted action, the worth of its effects
	// that do not depend on the target.
	direct1 []int
	shared  []int
	opts    []game.Option // reused between turns
	cands   []scored
}

// objective is one of the bot's objectives as this turn's valuation sees it.
type objective struct {
	measure game.Ref
	span    int // To - From
	marg    int // milli-points per unit of the measure, signed, with the plan's weight
	done    int // progress now, 0-100
}

// evaluators are reused: a bot chooses once per actor per turn, and
// building its tables from scratch each time costs more than the choice.
var evaluators = sync.Pool{New: func() any { return new(evaluator) }}

func newEvaluator(sc *game.Scenario, v *game.State, actor int, b Bot) *evaluator {
	e := evaluators.Get().(*evaluator)
	*e = evaluator{
		sc: sc, v: v, actor: actor, b: b, turnsLeft: sc.Turns - v.Turn + 1,
		objs: e.objs[:0], direct1: e.direct1[:0], shared: e.shared[:0],
		focus: e.focus[:0], skip: e.skip[:0], opts: e.opts[:0], cands: e.cands[:0],
	}
	e.score = sc.RawScore(v, actor)
	for r := range game.NumRoles {
		e.roles[r] = sc.RoleActor(r)
	}
	e.focus, e.skip = plan(e.focus, e.skip, sc, v.Seed, actor, b.Difficulty)
	for i := range sc.Actors[actor].Objectives {
		o := &sc.Actors[actor].Objectives[i]
		m := concrete(o.Measure, actor, -1)
		span := o.To - o.From
		e.objs = append(e.objs, objective{measure: m, span: span,
			marg: o.Weight * e.focus[i] * 10 / span, done: o.Progress(sc.Value(v, m, actor, -1))})
	}
	n := 2 * (len(sc.Actors)*int(game.NumStats) + int(game.NumTracks) + 2*len(sc.Swing))
	for range n {
		e.direct1 = append(e.direct1, unknown)
	}

	for range len(sc.Actions) {
		e.shared = append(e.shared, unknown)
	}
	return e
}

// release returns the evaluator to the pool.
func (e *evaluator) release() {
	e.sc, e.v = nil, nil
	evaluators.Put(e)
}

// unknown marks a cache cell not yet computed.
const unknown = math.MinInt

// Plan is the line a bot follows in one game, drawn from the game seed so
// the same bot does not play every game alike: it leans on one of its
// objectives (200%) and neglects another (25%), and it has blind spots,
// actions it never considers that game (two when easy, one otherwise), as
// human players do. It is fixed for the whole game.
func Plan(sc *game.Scenario, seed uint64, actor int, d Difficulty) (focus, skip []int) {
	return plan(nil, nil, sc, seed, actor, d)
}

// plan is Plan appending to reusable slices.
func plan(focus, skip []int, sc *game.Scenario, seed uint64, actor int, d Difficulty) ([]int, []int) {
	n := len(sc.Actors[actor].Objectives)
	for range n {
		focus = append(focus, 100)
	}
	rng := game.NewStream(seed, 0, game.PurposeBot, actor)
	if n >= 2 {
		up := rng.IntN(n)
		down := (up + 1 + rng.IntN(n-1)) % n
		focus[up], focus[down] = 200, 25
	}
	own := sc.Actors[actor].Actions
	blind := 1
	if d == Easy {
		blind = 2
	}
	for len(skip) < min(blind, len(own)-1) {
		a := own[rng.IntN(len(own))]
		if !slices.Contains(skip, a) {
			skip = append(skip, a)
		}
	}
	return focus, skip
}

// value is what an option is worth; ok is false when the bot refuses to
// consider it at all (it could tip the Strait into crisis by its own hand).
func (e *evaluator) value(o game.Option) (int, bool) {
	if slices.Contains(e.skip, o.Action) {
		return 0, false
	}
	def := &e.sc.Actions[o.Action]
	tensionNow := 0
	for _, ef := range def.Effects {
		if t := ef.Target; t.Kind == game.RefTrack && t.Track == game.TrackTension && ef.Delay <= 1 {
			tensionNow += ef.Add
		}
	}
	// The mutual-loss rule: never raise tension where this order, the
	// standing drift, effects already on their way, one more push by someone
	// else and the drift that pushes might set off could reach the top in
	// one turn.
	if tensionNow > 0 && e.v.Tension()+tensionNow+e.drift()+e.pendingTension()+2 >= game.TrackTension.Max() {
		return 0, false
	}
	total := 0
	if def.Targeted {
		// The effects that do not name the target are the same for every
		// target: value them once per action.
		if e.shared[o.Action] == unknown {
			e.shared[o.Action] = e.effectsWorth(def, -1, false)
		}
		total = e.shared[o.Action] + e.effectsWorth(def, o.Target, true)
	} else {
		total = e.effectsWorth(def, -1, false)
	}
	total -= o.Cost * capitalValue
	total += e.tilt(def.Tags)
	return total, true
}

// effectsWorth values an action's effects: those aimed at the target only
// (targetOnly), or those that are not.
func (e *evaluator) effectsWorth(def *game.ActionDef, target int, targetOnly bool) int {
	total := 0
	for _, ef := range def.Effects {
		aimed := ef.Target.Kind == game.RefSwing && ef.Target.Swing == game.SwingTarget
		if aimed != targetOnly {
			continue
		}
		if ef.Delay > e.turnsLeft-1 && ef.Delay > 0 {
			continue // arrives after the game ends
		}
		total += e.worth(concrete(ef.Target, e.actor, target), ef.Add*100, 2)
	}
	return total
}

// drift is the tension the standing links will add next turn on their own.
func (e *evaluator) drift() int {
	cn := e.roles[game.RoleChinaGov]
	if cn < 0 || !e.sc.Actors[cn].Has[game.StatGrievance] {
		return 0
	}
	g := e.v.Stat(cn, game.StatGrievance)
	switch {
	case g >= e.sc.Rules.GreyZoneHigh:
		return 2
	case g >= e.sc.Rules.GreyZoneLevel:
		return 1
	}
	return 0
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

// tilt is the personality's taste for kinds of action.
func (e *evaluator) tilt(tags game.Tags) int {
	type pref struct {
		tag game.Tag
		v   int
	}
	var prefs []pref
	switch e.b.Personality {
	case Hawk:
		prefs = []pref{{game.TagEscalation, 2500}, {game.TagControls, 2000}, {game.TagSecurity, 800}, {game.TagDeescalation, -1500}}
	case Dove:
		prefs = []pref{{game.TagEscalation, -2500}, {game.TagDeescalation, 1500}, {game.TagDiplomacy, 1000}}
	case Hedger:
		prefs = []pref{{game.TagHedging, 1500}, {game.TagDiplomacy, 800}, {game.TagInvestment, 800}, {game.TagEscalation, -1000}, {game.TagControls, -500}}
	}
	v := 0
	for _, p := range prefs {
		if tags.Has(p.tag) {
			v += p.v
		}
	}
	return v
}

// riskWeight scales the fear of a crisis by personality.
func (e *evaluator) riskWeight() int {
	switch e.b.Personality {
	case Hawk:
		return 40
	case Dove:
		return 160
	}
	return 100
}

// worth values a change of d hundredths in the number r: directly through the
// bot's objectives, through crisis risk for tension, and through the
// standing causal links (to depth levels; options are valued to depth 2,
// with the long chains folded into single rules of thumb in knockOn).
func (e *evaluator) worth(r game.Ref, d int, depth int) int {
	if d == 0 {
		return 0
	}
	if r.Kind == game.RefSwing && (r.Swing == game.SwingAll || r.Swing == game.SwingTier2) {
		v := 0
		for i := range e.sc.Swing {
			if r.Swing == game.SwingTier2 && e.sc.Swing[i].Tier != 2 {
				continue
			}
			v += e.worth(game.Ref{Kind: game.RefSwing, Swing: i, Field: r.Field}, d, depth)
		}
		return v
	}
	v := e.direct(r, d)
	if r.Kind == game.RefTrack && r.Track == game.TrackTension {
		v += e.crisisWorth(d)
	}
	if depth > 0 {
		v += e.knockOn(r, d, depth-1)
	}
	return v
}

// crisisWorth is the expected loss from moving tension by d hundredths.
func (e *evaluator) crisisWorth(d int) int {
	t := e.v.Tension()
	lo := min(max(t, 0), 10)
	hi := min(max(t+(d+50)/100, 0), 10)
	if d < 0 {
		hi = min(max(t+(d-50)/100, 0), 10)
	}
	loss := e.score * 1000 * (100 - e.sc.CrisisScorePct) / 100
	return -(risk[hi] - risk[lo]) * loss / 100 * e.riskWeight() / 100
}

// direct is the worth of d hundredths on the bot's objective measures. It
// is linear in d on each side of zero, so the worth of one unit up and one
// unit down is computed once per number and scaled.
func (e *evaluator) direct(r game.Ref, d int) int {
	slot := e.slotOf(r)
	if slot < 0 {
		return e.directFull(r, d)
	}
	k := 2 * slot
	unit := 100
	if d < 0 {
		k, unit = k+1, -100
	}
	if e.direct1[k] == unknown {
		e.direct1[k] = e.directFull(r, unit)
	}
	return e.direct1[k] * abs(d) / 100
}

func (e *evaluator) directFull(r game.Ref, d int) int {
	v := 0
	for _, o := range e.objs {
		delta := e.measureDelta(o.measure, r, d)
		if delta == 0 {
			continue
		}
		marg := o.marg
		// Beyond the goal a margin is still worth a little; below the start
		// every step counts.
		if (o.done >= 100 && delta*o.span > 0) || (o.done <= 0 && delta*o.span < 0) {
			marg /= 4
		}
		v += marg * delta
	}
	return v / 100
}

// slotOf numbers the single numbers a bot values, or -1 for groups.
func (e *evaluator) slotOf(r game.Ref) int {
	na := len(e.sc.Actors) * int(game.NumStats)
	switch r.Kind {
	case game.RefStat:
		if r.Actor >= 0 {
			return r.Actor*int(game.NumStats) + int(r.Stat)
		}
	case game.RefTrack:
		return na + int(r.Track)
	case game.RefSwing:
		if r.Swing >= 0 {
			return na + int(game.NumTracks) + 2*r.Swing + int(r.Field)
		}
	}
	return -1
}

// measureDelta is how much (in hundredths) a measure moves when r moves by d.
func (e *evaluator) measureDelta(m, r game.Ref, d int) int {
	if m == r {
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
		a := e.v.Swing[r.Swing].Align
		// About 30 points of alignment near the line are worth one state.
		near := func(x int) bool { return x > game.BlocLimit-40 && x < game.BlocLimit+15 }
		switch m.Bloc {
		case game.BlocUS:
			if near(a) {
				return d / 30
			}
		case game.BlocChina:
			if near(-a) {
				return -d / 30
			}
		case game.BlocNone:
			if a > 0 && near(a) {
				return -d / 30
			}
			if a < 0 && near(-a) {
				return d / 30
			}
		}
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

func concrete(t game.Ref, actor, target int) game.Ref {
	if t.Kind == game.RefStat && t.Actor == game.ActorSelf {
		t.Actor = actor
	}
	if t.Kind == game.RefSwing && t.Swing == game.SwingTarget {
		t.Swing = target
	}
	return t
}
