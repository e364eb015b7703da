package game

import "slices"

// View returns what one actor may know of the world: other actors' hidden
// stats are replaced by public estimates, covert actions of others that have
// not been exposed are removed (with their delayed effects and use counts),
// the real gap is replaced by Washington's perception where that is what
// the actor would read, and the seed is 0, since the seed decides the dice
// of the turns to come (a bot draws on a seed of its own). Once the game is
// over everything is revealed.
// Without history the View is cheaper (bots need no history).
func (sc *Scenario) View(st *State, actor int, history bool) State {
	var v State
	sc.ViewInto(&v, st, actor, history)
	return v
}

// ViewInto is View writing into dst, reusing its slices.
func (sc *Scenario) ViewInto(v *State, st *State, actor int, history bool) {
	st.CloneInto(v)
	if !history {
		v.History = nil
	}
	if st.Over {
		return
	}
	v.Seed = 0
	for b := range v.Actors {
		if b != actor {
			v.Actors[b] = sc.publicRow(st, b)
		}
	}
	if history {
		v.History = make([]Snapshot, len(st.History))
		for i, sn := range st.History {
			sn.Stats = slices.Clone(sn.Stats)
			for b := range sn.Stats {
				if b == actor {
					continue
				}
				for s := range NumStats {
					if sc.Actors[b].Hidden[s] {
						sn.Stats[b][s] = -1
					}
				}
			}
			if sc.hidesGap(actor) {
				sn.Gap = sn.Tracks[TrackPerceivedGap]
			}
			// Scores too are as far as the actor can tell: a score read
			// from the real state would leak what the view hides.
			sn.Scores = sc.snapshotScores(st, &sn, actor)
			v.History[i] = sn
		}
	}
	secret := func(actorOf, action, turn int) bool {
		return actorOf != actor && sc.Actions[action].Covert && secretIn(st, actorOf, action, turn)
	}
	v.Covert = slices.DeleteFunc(v.Covert, func(c CovertRecord) bool { return c.Actor != actor && c.Exposed == 0 })
	v.Pending = slices.DeleteFunc(v.Pending, func(p Pending) bool {
		if p.Cause.Kind == CauseDelayed && secret(p.Cause.Actor, p.Cause.Source, p.Cause.Turn) {
			return true
		}
		return p.Target.Kind == RefStat && p.Target.Actor != actor && sc.Actors[p.Target.Actor].Hidden[p.Target.Stat]
	})
	for _, ai := range sc.covertActions() {
		if sc.Actions[ai].Actor != actor {
			v.Uses[ai] = sc.exposedUse(st, ai)
		}
	}
}

// snapshotScores recomputes every actor's score at a past turn from a
// masked snapshot, the way the viewer would estimate it: hidden stats read
// as their public estimates at that time.
func (sc *Scenario) snapshotScores(st *State, sn *Snapshot, viewer int) []int {
	past := State{Turn: sn.Turn, Tracks: sn.Tracks, Actors: make([]ActorState, len(sn.Stats)),
		Swing: make([]SwingState, len(sn.Align)), Uses: st.Uses, Fired: st.Fired, Crisis: Crisis{}}
	for b := range sn.Stats {
		past.Actors[b].Stats = sn.Stats[b]
	}
	for b := range sn.Stats {
		for s := range NumStats {
			if b != viewer && sc.Actors[b].Hidden[s] {
				past.Actors[b].Stats[s] = sc.estimate(&past, b, s)
			}
		}
	}
	for i := range sn.Align {
		past.Swing[i] = SwingState{Align: sn.Align[i], Sovereign: sn.Sovereign[i]}
	}
	out := make([]int, len(sn.Stats))
	for b := range out {
		out[b] = sc.total(&past, b)
	}
	return out
}

// Estimated reports whether a viewer reads a measure through a public
// estimate while the game goes on (owner resolves "self", as in an
// objective): the capability gap when China's frontier is hidden from the
// viewer (it reads Washington's perceived gap), or another actor's hidden
// stat. A score built on such a measure is an estimate too.
func (sc *Scenario) Estimated(r Ref, owner, viewer int) bool {
	switch r.Kind {
	case RefGap:
		return sc.hidesGap(viewer)
	case RefStat:
		a := r.Actor
		if a == ActorSelf {
			a = owner
		}
		return a >= 0 && a != viewer && sc.Actors[a].Hidden[r.Stat]
	}
	return false
}

// hidesGap reports whether an actor reads Washington's perceived gap in
// place of the real one (because China's frontier is hidden from it).
func (sc *Scenario) hidesGap(actor int) bool {
	cn := sc.roles[RoleChinaGov]
	return cn >= 0 && cn != actor && sc.Actors[cn].Hidden[StatFrontier]
}

// estimate is the public estimate of another actor's hidden stat: for
// China's frontier, Washington's frontier minus the perceived gap; for
// anything else, the value everyone knew at the start.
func (sc *Scenario) estimate(st *State, actor int, s Stat) int {
	us := sc.roles[RoleUSGov]
	if actor == sc.roles[RoleChinaGov] && s == StatFrontier && us >= 0 {
		return min(max(st.Actors[us].Stats[StatFrontier]-st.Tracks[TrackPerceivedGap], 0), 100)
	}
	return sc.Actors[actor].Start[s]
}

// ReportFor filters a report for one actor: its own refusals only, others'
// covert orders only once exposed, no lines about others' hidden stats, and
// covert causes of others shown as undisclosed (Source -1, Actor -1). st is
// the state after the resolution. Once the game is over nothing is hidden.
func (sc *Scenario) ReportFor(st *State, rep Report, actor int) Report {
	if st.Over {
		return rep
	}
	out := rep
	exposed := func(a, action, turn int) bool {
		for _, c := range st.Covert {
			if c.Actor == a && c.Action == action && c.Turn == turn {
				return c.Exposed != 0
			}
		}
		return false
	}
	out.Orders = slices.DeleteFunc(slices.Clone(rep.Orders), func(o Order) bool {
		ai, ok := sc.actionIndex[o.Action]
		a, _ := sc.actorIndex[o.Actor]
		return ok && a != actor && sc.Actions[ai].Covert && !exposed(a, ai, rep.Turn)
	})
	out.Refused = slices.DeleteFunc(slices.Clone(rep.Refused), func(r Refusal) bool {
		return r.Order.Actor != sc.Actors[actor].ID
	})
	out.Changes = nil
	for _, ch := range rep.Changes {
		t := ch.Target
		if t.Kind == RefStat && t.Actor != actor && sc.Actors[t.Actor].Hidden[t.Stat] {
			continue
		}
		ch.Causes = slices.Clone(ch.Causes)
		for i, c := range ch.Causes {
			switch c.Kind {
			case CauseAction, CauseCost, CauseDelayed:
				if c.Actor != actor && sc.Actions[c.Source].Covert && !exposed(c.Actor, c.Source, c.Turn) {
					ch.Causes[i].Cause = Cause{Kind: c.Kind, Source: -1, Actor: -1, Turn: c.Turn, Target: -1}
				}
			}
		}
		out.Changes = append(out.Changes, ch)
	}
	return out
}

// Views makes the views of one state for each seat in turn (View without
// history), for a loop that asks every seat of a turn for its orders (the
// simulator, a play-out). What the seats' views have in common is worked
// out once per state, and each view shares with the state every list the
// view does not change (the swing states, fired events, news, carries,
// blame and crisis, and the covert records and pending effects when the
// seat may see them all): the eight views of a turn cost little more than
// one.
//
// A view For returns is equal, field for field, to View(st, actor, false)
// (TestViewsMatchView compares them). It shares lists with the state and
// with the Views, so it must not be written to, and it holds only until
// the state changes or For or Of is called again. The state is never
// written to.
type Views struct {
	sc *Scenario
	st *State
	v  State // the view For returns
	// actors and uses are every actor's stats and every action's uses as
	// the public view has them (hidden stats at their public estimates,
	// covert actions' uses as far as they are exposed), but for those of
	// the seat viewed last, which are its own (see seat).
	actors []ActorState
	uses   []Use
	seat   int        // the actor whose rows are its own in actors and uses, or none
	pubRow ActorState // the seat's public row, while its own is in actors
	// pubUses are the public uses of the covert actions, indexed like
	// Scenario.covertActions.
	pubUses []Use
	// readers say, per pending effect of the state, who may see it (see
	// pendingReaders).
	readers []pendingReaders
	pending []Pending
	covert  []CovertRecord
}

// pendingReaders restricts a pending effect to one viewer, for each of the
// two reasons View hides one: a covert order still secret (only its author
// sees what it set on its way), and a target among an actor's hidden stats
// (only that actor sees it). An effect is in the view of a viewer that
// each field is anyone or names.
type pendingReaders struct{ author, owner int }

// anyone is a pendingReaders field that restricts nothing: no viewer,
// not even the public one (-1), has that index.
const anyone = -1 << 31

// Of prepares the views of st. st must not change while its views are in
// use.
func (vs *Views) Of(sc *Scenario, st *State) {
	vs.sc, vs.st, vs.seat = sc, st, anyone
	if st.Over {
		return // everything is revealed: the views are the state
	}
	vs.actors = append(vs.actors[:0], st.Actors...)
	for b := range vs.actors {
		vs.actors[b] = sc.publicRow(st, b)
	}
	vs.uses = append(vs.uses[:0], st.Uses...)
	vs.pubUses = vs.pubUses[:0]
	for _, ai := range sc.covertActions() {
		u := sc.exposedUse(st, ai)
		vs.pubUses = append(vs.pubUses, u)
		vs.uses[ai] = u
	}
	vs.readers = vs.readers[:0]
	for _, p := range st.Pending {
		r := pendingReaders{anyone, anyone}
		if p.Cause.Kind == CauseDelayed && sc.Actions[p.Cause.Source].Covert && secretIn(st, p.Cause.Actor, p.Cause.Source, p.Cause.Turn) {
			r.author = p.Cause.Actor
		}
		if p.Target.Kind == RefStat && sc.Actors[p.Target.Actor].Hidden[p.Target.Stat] {
			r.owner = p.Target.Actor
		}
		vs.readers = append(vs.readers, r)
	}
	// What every seat's view has alike, set once: For sets only what
	// differs from seat to seat (the views are never written to).
	vs.v = *st
	vs.v.History, vs.v.Seed = nil, 0
	vs.v.Actors, vs.v.Uses = vs.actors, vs.uses
}

// For returns actor's view of the state Of was given (actor -1: the public
// view).
func (vs *Views) For(actor int) *State {
	st, v := vs.st, &vs.v
	if st.Over {
		*v = *st
		v.History = nil
		return v
	}
	vs.becomeSeat(actor)
	v.Covert, v.Pending = st.Covert, st.Pending
	// The covert records and pending effects are the state's own lists
	// when the actor may see all of them (as it usually may), and filtered
	// copies otherwise.
	seen := func(c CovertRecord) bool { return c.Actor == actor || c.Exposed != 0 }
	if !allOf(st.Covert, seen) {
		vs.covert = vs.covert[:0]
		for _, c := range st.Covert {
			if seen(c) {
				vs.covert = append(vs.covert, c)
			}
		}
		v.Covert = vs.covert
	}
	reads := func(r pendingReaders) bool {
		return (r.author == anyone || r.author == actor) && (r.owner == anyone || r.owner == actor)
	}
	if !allOf(vs.readers, reads) {
		vs.pending = vs.pending[:0]
		for i, p := range st.Pending {
			if reads(vs.readers[i]) {
				vs.pending = append(vs.pending, p)
			}
		}
		v.Pending = vs.pending
	}
	return v
}

// allOf reports whether f holds for every element of s.
func allOf[T any](s []T, f func(T) bool) bool {
	for _, x := range s {
		if !f(x) {
			return false
		}
	}
	return true
}

// becomeSeat makes the rows of actors and uses those of actor's view: the
// last seat's own rows go back to the public ones, and actor's become its
// own.
func (vs *Views) becomeSeat(actor int) {
	if actor == vs.seat {
		return
	}
	sc, st := vs.sc, vs.st
	for _, b := range [2]int{vs.seat, actor} {
		if b < 0 || b >= len(st.Actors) {
			continue
		}
		own := b == actor
		if own {
			vs.pubRow = vs.actors[b] // kept for when the seat moves on
			vs.actors[b] = st.Actors[b]
		} else {
			vs.actors[b] = vs.pubRow
		}
		for k, ai := range sc.covertActions() {
			if sc.Actions[ai].Actor != b {
				continue
			}
			if own {
				vs.uses[ai] = st.Uses[ai]
			} else {
				vs.uses[ai] = vs.pubUses[k]
			}
		}
	}
	vs.seat = actor
}

// publicRow is actor b's stats as others see them: hidden stats at their
// public estimates.
func (sc *Scenario) publicRow(st *State, b int) ActorState {
	row := st.Actors[b]
	if sc.Actors[b].Hidden == [NumStats]bool{} {
		return row
	}
	for s := range NumStats {
		if sc.Actors[b].Hidden[s] {
			row.Stats[s] = sc.estimate(st, b, s)
		}
	}
	return row
}

// exposedUse is a covert action's uses as others know them: those exposed.
func (sc *Scenario) exposedUse(st *State, ai int) Use {
	u := Use{}
	for _, c := range st.Covert {
		if c.Action == ai && c.Exposed != 0 {
			u.Count++
			u.Last = max(u.Last, c.Turn)
		}
	}
	return u
}

// secretIn reports whether the covert order an actor gave for an action in
// a turn is still secret (or is not on record).
func secretIn(st *State, actor, action, turn int) bool {
	for _, c := range st.Covert {
		if c.Actor == actor && c.Action == action && c.Turn == turn {
			return c.Exposed == 0
		}
	}
	return true
}
