package game

import (
	"fmt"
	"slices"
)

// Order is one action an actor commits to for the turn. It names things by
// id so that replays and saves stay readable.
type Order struct {
	Actor  string `json:"actor"`
	Action string `json:"action"`
	Target string `json:"target,omitempty"` // swing state id, for targeted actions
}

// Option is one thing an actor could order now, with its price and, when it
// is not available, why not (Scenario.Reason puts that in words a player
// can act on).
type Option struct {
	Action    int  // index into Scenario.Actions
	Target    int  // swing index, or -1
	AP        int  // action points it takes
	Cost      int  // capital it takes now (escalation included)
	Available bool // whether it can be added to the orders chosen so far
	Why       Why  // why not, when unavailable
}

// whyKind is the kind of obstacle to an order.
type whyKind uint8

const (
	whyNone whyKind = iota
	whyOver
	whyTwice
	whyOnce
	whyCooldown
	whyNeeds
	whyHappened
	whyAP
	whyCapital
	whyBanned
	whyWith
)

// Why is the reason an order cannot be given, kept as plain numbers and put
// into words only when someone reads it: bots weigh hundreds of options a
// turn and never do.
type Why struct {
	kind  whyKind
	cond  int32 // index into the action's Requires
	value int32 // the value a condition read, or a turn
	need  int32 // action points or capital the action takes
	have  int32 // what is left of them
	limit int32 // the actor's action points
}

// Reason says in words why an option is unavailable ("" if it is not),
// naming the option's swing state where a requirement reads it (as
// Validate does).
func (sc *Scenario) Reason(o Option) string { return sc.why(o.Action, o.Target, o.Why) }

// Budget reports whether what stops an option is the action points or
// capital left this turn, which stop every target of an action alike.
func (o Option) Budget() bool { return o.Why.kind == whyAP || o.Why.kind == whyCapital }

// why puts an obstacle into words; target (-1: none) names the swing state
// a requirement on "the target state" reads.
func (sc *Scenario) why(action, target int, w Why) string {
	if w.kind == whyNone {
		return ""
	}
	wd := sc.words()
	if w.kind == whyOver {
		return wd.Over
	}
	a := &sc.Actions[action]
	switch w.kind {
	case whyTwice:
		return fmt.Sprintf(wd.Twice, a.Name)
	case whyOnce:
		return fmt.Sprintf(wd.Once, a.Name, sc.Date(int(w.value)))
	case whyCooldown:
		return fmt.Sprintf(wd.Cooldown, a.Name, sc.Date(int(w.value)))
	case whyNeeds:
		c := a.Requires[w.cond]
		if target >= 0 {
			c.Ref = concrete(c.Ref, a.Actor, target)
		}
		return fmt.Sprintf(wd.Needs, sc.Describe(c, a.Actor), w.value)
	case whyHappened:
		r := a.Requires[w.cond].Ref
		if r.Kind == RefFired {
			return fmt.Sprintf(wd.Happened, sc.Events[r.Index].Name)
		}
		return fmt.Sprintf(wd.Done, sc.Actions[r.Index].Name, sc.Date(int(w.value)))
	case whyAP:
		return fmt.Sprintf(wd.AP[min(max(int(w.need), 1), 2)-1], w.need, w.have, w.limit)
	case whyCapital:
		return fmt.Sprintf(wd.Capital, w.need, w.have)
	case whyBanned:
		return fmt.Sprintf(wd.Banned, a.Name)
	case whyWith:
		return fmt.Sprintf(wd.With, sc.Actions[a.Requires[w.cond].Ref.Index].Name)
	}
	return "?"
}

// Order builds the Order for an option.
func (sc *Scenario) OrderFor(o Option) Order {
	a := &sc.Actions[o.Action]
	ord := Order{Actor: sc.Actors[a.Actor].ID, Action: a.ID}
	if o.Target >= 0 {
		ord.Target = sc.Swing[o.Target].ID
	}
	return ord
}

// Cost is what an action costs its owner now: the base cost plus the
// escalation for each earlier use.
func (sc *Scenario) Cost(st *State, action int) int {
	a := &sc.Actions[action]
	return a.Cost + a.Escalate*st.Uses[action].Count
}

// Options lists everything an actor could order, given the orders it has
// already chosen this turn: every action it owns (targeted ones once per
// swing state), in content order, available or not.
func (sc *Scenario) Options(st *State, actor int, chosen []Order) []Option {
	return sc.OptionsInto(nil, st, actor, chosen)
}

// OptionsInto is Options appending to dst[:0], for callers that list
// options every turn (bots).
func (sc *Scenario) OptionsInto(dst []Option, st *State, actor int, chosen []Order) []Option {
	if actor < 0 || actor >= len(sc.Actors) {
		return dst[:0]
	}
	spentAP, spentCap, picked := sc.spent(st, actor, chosen)
	n := 0
	for _, ai := range sc.Actors[actor].Actions {
		if sc.Actions[ai].Targeted {
			n += len(sc.Swing)
		} else {
			n++
		}
	}
	// The options are written in place (an option is a few words, and a
	// bot lists every one of them each turn). What does not depend on the
	// target (see refusal) is checked once per action.
	out := slices.Grow(dst[:0], n)[:n]
	i := 0
	for _, ai := range sc.Actors[actor].Actions {
		a := &sc.Actions[ai]
		o := Option{Action: ai, Target: -1, AP: a.AP, Cost: sc.Cost(st, ai)}
		before := sc.refusalBefore(st, ai, picked)
		after := Why{}
		if before.kind == whyNone {
			after = sc.refusalAfter(st, actor, ai, spentAP, spentCap)
		}
		targets := 1
		if a.Targeted {
			targets = len(sc.Swing)
		}
		for t := range targets {
			if a.Targeted {
				o.Target = t
			}
			o.Why = before
			if before.kind == whyNone {
				if o.Why = sc.refusalNeeds(st, actor, ai, o.Target); o.Why.kind == whyNone {
					o.Why = after
				}
			}
			o.Available = o.Why.kind == whyNone
			out[i] = o
			i++
		}
	}
	return out
}

// AvailableOptionsInto is OptionsInto keeping only the available options,
// in the same order, for a caller that weighs nothing else (a bot): it
// spares listing the rest, and checking the requirements of an action that
// the action points or capital left rule out anyway. dst is reused as in
// OptionsInto.
func (sc *Scenario) AvailableOptionsInto(dst []Option, st *State, actor int, chosen []Order) []Option {
	out := dst[:0]
	if actor < 0 || actor >= len(sc.Actors) {
		return out
	}
	if st.Over {
		return out // refusalBefore refuses everything
	}
	spentAP, spentCap, picked := sc.spent(st, actor, chosen)
	// The checks of refusalBefore and refusalAfter, written out: only
	// whether they pass matters here, not which fails first or why
	// (TestOptionsMatchValidate compares this with Options).
	apLeft := sc.Actors[actor].AP - spentAP
	capLeft := st.Actors[actor].Stats[StatCapital] - spentCap
	for _, ai := range sc.Actors[actor].Actions {
		a := &sc.Actions[ai]
		u := st.Uses[ai]
		if a.Banned || a.AP > apLeft ||
			(a.Once && u.Count > 0) ||
			(a.Cooldown > 0 && u.Count > 0 && st.Turn-u.Last <= a.Cooldown) ||
			a.Cost+a.Escalate*u.Count > capLeft ||
			(len(picked) > 0 && (slices.Contains(picked, ai) || sc.ruledOutBy(ai, picked) >= 0)) {
			continue
		}
		o := Option{Action: ai, Target: -1, AP: a.AP, Cost: sc.Cost(st, ai), Available: true}
		if !a.Targeted {
			if sc.allHold(st, a.Requires, actor) {
				out = append(out, o)
			}
			continue
		}
		// Whether an option may be taken does not depend on which of its
		// requirements fails first: those that do not read the target are
		// checked once, then those that do, for each target (the one, when
		// there is one, as there usually is).
		onTarget, ok := 0, true
		var one *Condition
		for i := range a.Requires {
			if c := &a.Requires[i]; readsTarget(c.Ref) {
				onTarget++
				one = c
			} else if !c.Holds(sc.value(st, &c.Ref, actor, -1)) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for t := range sc.Swing {
			switch {
			case onTarget == 1 && !one.Holds(sc.value(st, &one.Ref, actor, t)):
				continue
			case onTarget > 1 && !sc.targetHolds(st, a.Requires, actor, t):
				continue
			}
			o.Target = t
			out = append(out, o)
		}
	}
	return out
}

// readsTarget reports whether Value reads r at the target (only "target"
// swing references do).
func readsTarget(r Ref) bool { return r.Kind == RefSwing && r.Swing == SwingTarget }

// allHold reports whether every condition holds for an order without a
// target (refusalNeeds finds no reason).
func (sc *Scenario) allHold(st *State, cs []Condition, actor int) bool {
	return sc.holds(st, cs, actor, -1)
}

// targetHolds reports whether the conditions that read the target hold for
// target t.
func (sc *Scenario) targetHolds(st *State, cs []Condition, actor, t int) bool {
	for i := range cs {
		if c := &cs[i]; readsTarget(c.Ref) && !c.Holds(sc.value(st, &c.Ref, actor, t)) {
			return false
		}
	}
	return true
}

// spent adds up the action points and capital of the valid orders among
// chosen, in order, and lists the actions they use.
func (sc *Scenario) spent(st *State, actor int, chosen []Order) (ap, capital int, picked []int) {
	for _, o := range chosen {
		ai, ti, reason := sc.lookup(actor, o)
		if reason != "" {
			continue
		}
		if sc.refusal(st, actor, ai, ti, ap, capital, picked).kind != whyNone {
			continue
		}
		ap += sc.Actions[ai].AP
		capital += sc.Cost(st, ai)
		picked = append(picked, ai)
	}
	return ap, capital, picked
}

// lookup resolves an order's names for an actor.
func (sc *Scenario) lookup(actor int, o Order) (action, target int, reason string) {
	ai, ok := sc.actionIndex[o.Action]
	if !ok {
		return -1, -1, fmt.Sprintf("there is no action %q%s", o.Action, suggest(o.Action, sc.actionIDs()))
	}
	a := &sc.Actions[ai]
	if a.Actor != actor {
		return -1, -1, fmt.Sprintf("%s is an action of %s, not of %s", a.Name, sc.Actors[a.Actor].Name, sc.Actors[actor].Name)
	}
	if !a.Targeted {
		if o.Target != "" {
			return -1, -1, fmt.Sprintf("%s does not take a target", a.Name)
		}
		return ai, -1, ""
	}
	if o.Target == "" {
		return -1, -1, fmt.Sprintf("%s needs a swing state as its target", a.Name)
	}
	ti, ok := sc.swingIndex[o.Target]
	if !ok {
		return -1, -1, fmt.Sprintf("there is no swing state %q%s", o.Target, suggest(o.Target, sc.swingIDs()))
	}
	return ai, ti, ""
}

// refusal says why an actor may not take an action now (kind whyNone if it
// may). The checks come in this order: the game, the action itself, its
// requirements (which may read the target), then action points and capital.
func (sc *Scenario) refusal(st *State, actor, action, target, spentAP, spentCap int, picked []int) Why {
	if w := sc.refusalBefore(st, action, picked); w.kind != whyNone {
		return w
	}
	if w := sc.refusalNeeds(st, actor, action, target); w.kind != whyNone {
		return w
	}
	return sc.refusalAfter(st, actor, action, spentAP, spentCap)
}

// refusalBefore is refusal's first checks: the game is over, the action is
// banned, already picked or ruled out by an action already picked, used up
// or cooling down.
func (sc *Scenario) refusalBefore(st *State, action int, picked []int) Why {
	if st.Over {
		return Why{kind: whyOver}
	}
	a := &sc.Actions[action]
	u := st.Uses[action]
	switch {
	case a.Banned:
		return Why{kind: whyBanned}
	case slices.Contains(picked, action):
		return Why{kind: whyTwice}
	}
	if i := sc.ruledOutBy(action, picked); i >= 0 {
		return Why{kind: whyWith, cond: int32(i)}
	}
	switch {
	case a.Once && u.Count > 0:
		return Why{kind: whyOnce, value: int32(u.Last)}
	case a.Cooldown > 0 && u.Count > 0 && st.Turn-u.Last <= a.Cooldown:
		return Why{kind: whyCooldown, value: int32(u.Last + a.Cooldown + 1)}
	}
	return Why{}
}

// ruledOutBy gives the index of the requirement by which an action already
// picked this turn rules the action out, or -1. A requirement that an
// action was never taken ("done.x == 0") holds at the start of the turn
// even when x is in the same turn's orders; but ordering x is taking it,
// so the two cannot be ordered together either (Meta cannot sign and
// decline the EU code in one turn).
func (sc *Scenario) ruledOutBy(action int, picked []int) int {
	if len(picked) == 0 {
		return -1
	}
	for i, c := range sc.Actions[action].Requires {
		if c.Ref.Kind == RefDone && c.ruledOut() && slices.Contains(picked, c.Ref.Index) {
			return i
		}
	}
	return -1
}

// RuledOut reports whether an action already picked this turn (picked
// holds action indices) rules the action out, for a caller that picks
// from a list of options made before it picked (a bot).
func (sc *Scenario) RuledOut(action int, picked []int) bool {
	return sc.ruledOutBy(action, picked) >= 0
}

// refusalNeeds is refusal's check of the action's requirements, the only
// one that may read the target.
func (sc *Scenario) refusalNeeds(st *State, actor, action, target int) Why {
	for i, c := range sc.Actions[action].Requires {
		if v := sc.Value(st, c.Ref, actor, target); !c.Holds(v) {
			if c.ruledOut() {
				// Something that happens once has happened: say what and
				// when, rather than "needs ... = 0 (now 1)".
				turn := 0
				if c.Ref.Kind == RefDone {
					turn = st.Uses[c.Ref.Index].Last
				}
				return Why{kind: whyHappened, cond: int32(i), value: int32(turn)}
			}
			return Why{kind: whyNeeds, cond: int32(i), value: int32(v)}
		}
	}
	return Why{}
}

// refusalAfter is refusal's last checks: action points and capital.
func (sc *Scenario) refusalAfter(st *State, actor, action, spentAP, spentCap int) Why {
	a := &sc.Actions[action]
	ap := sc.Actors[actor].AP
	if spentAP+a.AP > ap {
		return Why{kind: whyAP, need: int32(a.AP), have: int32(ap - spentAP), limit: int32(ap)}
	}
	cost := sc.Cost(st, action)
	capital := st.Actors[actor].Stats[StatCapital]
	if spentCap+cost > capital {
		return Why{kind: whyCapital, need: int32(cost), have: int32(capital - spentCap)}
	}
	return Why{}
}

// Validate checks one actor's orders for the turn, in order, as Resolve
// will: each result is nil or the reason that order would be refused.
func (sc *Scenario) Validate(st *State, actor int, orders []Order) []error {
	errs := make([]error, len(orders))
	ap, capital := 0, 0
	var picked []int
	for i, o := range orders {
		reason := sc.orderRefusal(st, actor, o, ap, capital, picked)
		if reason != "" {
			errs[i] = fmt.Errorf("%s", reason)
			continue
		}
		ai, _, _ := sc.lookup(actor, o)
		ap += sc.Actions[ai].AP
		capital += sc.Cost(st, ai)
		picked = append(picked, ai)
	}
	return errs
}

func (sc *Scenario) orderRefusal(st *State, actor int, o Order, ap, capital int, picked []int) string {
	_, _, reason := sc.checkOrder(st, actor, o, ap, capital, picked)
	return reason
}

// checkOrder is orderRefusal that also returns the action and target the
// order names (when it names them), so that a caller need not look them up
// again.
func (sc *Scenario) checkOrder(st *State, actor int, o Order, ap, capital int, picked []int) (action, target int, reason string) {
	if actor < 0 || actor >= len(sc.Actors) {
		return -1, -1, fmt.Sprintf("actor %q is not in play%s", o.Actor, suggest(o.Actor, sc.actorIDs()))
	}
	if o.Actor != sc.Actors[actor].ID {
		return -1, -1, fmt.Sprintf("the order is for %q, not for %s", o.Actor, sc.Actors[actor].ID)
	}
	ai, ti, reason := sc.lookup(actor, o)
	if reason != "" {
		return ai, ti, reason
	}
	return ai, ti, sc.why(ai, ti, sc.refusal(st, actor, ai, ti, ap, capital, picked))
}
