package game

import "slices"

// resolver carries one resolution (or the set-up of a new game).
type resolver struct {
	sc         *Scenario
	st         *State
	l          ledger
	report     Report
	keepLedger bool
	// quiet says the caller reads only the next state, and of it not the
	// history: no report is written (not even its lists of orders,
	// refusals, news and exposures) and no snapshot of the new turn is
	// taken (see AdvanceQuiet).
	quiet      bool
	injections []Injection // a facilitator's news for the next turn
}

func (r *resolver) init(sc *Scenario, st, prev *State, orders int, keepLedger bool) {
	*r = resolver{sc: sc, st: st, keepLedger: keepLedger}
	r.l.init(sc, st, prev)
	r.l.keep = keepLedger
	r.report = Report{
		Turn: st.Turn, Orders: make([]Order, 0, orders), Refused: []Refusal{}, Events: []int{},
		Exposed: []CovertRecord{},
	}
}

// initQuiet is init for a quiet resolution: no ledger lines, no report.
func (r *resolver) initQuiet(sc *Scenario, st, prev *State) {
	*r = resolver{sc: sc, st: st, quiet: true}
	r.l.init(sc, st, prev)
}

// accepted is an order that passed validation, with its names resolved.
type accepted struct {
	actor, action, target int
	cost                  int
}

// Resolve plays one turn: every actor's orders are applied together and the
// world moves on (see the package documentation for the phases). prev is not
// modified. Orders may come in any order and mix actors; each actor's orders
// are checked in the order given. Illegal orders are refused with a reason
// and change nothing.
func (sc *Scenario) Resolve(prev *State, orders []Order) (State, Report) {
	var st State
	rep := sc.resolveWith(&st, prev, orders, nil, true)
	return st, rep
}

// Advance is Resolve without the ledger lines of the report (the report
// still lists orders, refusals, events, exposures and the crisis): the same
// next state, for the simulator, which never reads the ledger.
func (sc *Scenario) Advance(prev *State, orders []Order) (State, Report) {
	var st State
	rep := sc.resolveWith(&st, prev, orders, nil, false)
	return st, rep
}

// AdvanceInto is Advance writing the next state into next, reusing its
// slices, for loops that play many turns (the simulator, a searching bot):
// two states taking turns need no new ones. Whatever next held is
// overwritten, so nothing else may still read it or share its slices (a
// Clone or a state Resolve returned shares none; the history, which no
// resolution modifies, may be shared). next must not be prev.
func (sc *Scenario) AdvanceInto(next, prev *State, orders []Order) Report {
	if next == prev {
		panic("game: AdvanceInto needs a state to write to other than its input")
	}
	return sc.resolveWith(next, prev, orders, nil, false)
}

// AdvanceQuiet is AdvanceInto for a play-out that reads only where the
// game ends up (scores, outcome, crisis, blame), as a searching bot and a
// forecast do: it writes no report, and next's history is prev's, without
// a snapshot of the new turn (the snapshots are for charts and the
// debrief; nothing in a resolution, a score or a bot's view without
// history reads them). Every other field of next is exactly what
// AdvanceInto would leave there. The same rules as AdvanceInto apply to
// next; next must not be prev.
func (sc *Scenario) AdvanceQuiet(next, prev *State, orders []Order) {
	if next == prev {
		panic("game: AdvanceQuiet needs a state to write to other than its input")
	}
	prev.CloneInto(next)
	var r resolver
	r.initQuiet(sc, next, prev)
	r.resolve(orders)
}

// AdvanceOwned is AdvanceQuiet that keeps the history: next's history is
// prev's with a snapshot of the new turn, exactly as AdvanceInto leaves it,
// and nothing else differs from AdvanceInto's next but that no report is
// written. The snapshot is added in place when prev's history has room
// beyond its length, so a caller that plays one line of a game turn by turn
// (the simulator) can give the history room for the whole game once instead
// of copying it every turn. That is only safe for a caller that owns the
// history's array: no other state may hold a longer slice of it, since the
// new snapshot is written just past prev's last. Every state the engine
// makes (Resolve, Advance, a Clone) holds its history at its exact length,
// so this never writes over a state it made. next must not be prev.
func (sc *Scenario) AdvanceOwned(next, prev *State, orders []Order) {
	if next == prev {
		panic("game: AdvanceOwned needs a state to write to other than its input")
	}
	prev.CloneInto(next)
	var r resolver
	r.initQuiet(sc, next, prev)
	r.resolve(orders)
	h := prev.History
	if n := len(h); n < cap(h) {
		// Room past the end: filled in place, in the lists GrowHistory
		// left there if they fit.
		h = h[:n+1]
		if sp := &h[n]; len(sp.Stats) == len(next.Actors) && len(sp.Align) == 2*len(next.Swing)+len(next.Actors) {
			*sp = sc.snapshotIn(next, sp.Stats, sp.Align)
		} else {
			*sp = sc.snapshot(next)
		}
		next.History = h
		return
	}
	next.History = append(h, sc.snapshot(next))
}

// resolveWith resolves a turn from prev into st, reusing st's slices.
func (sc *Scenario) resolveWith(st, prev *State, orders []Order, injections []Injection, ledger bool) Report {
	prev.CloneInto(st)
	var r resolver
	r.init(sc, st, prev, len(orders), ledger)
	r.injections = injections
	r.resolve(orders)
	return r.report
}

// resolve plays the turn in r.st, which starts as a copy of the state
// before (r.l.prev).
func (r *resolver) resolve(orders []Order) {
	sc, st := r.sc, r.st
	acc := r.validate(orders)
	if st.Over {
		r.finish()
		return
	}

	// Costs (to the ledger by slot, as add would find it).
	for _, a := range acc {
		if sc.Actors[a.actor].Has[StatCapital] {
			r.l.addAt(statSlot(a.actor, StatCapital), -a.cost,
				Cause{Kind: CauseCost, Source: a.action, Actor: a.actor, Turn: st.Turn, Target: a.target})
		}
	}
	r.l.apply()

	// Actions, and delayed effects falling due.
	for _, a := range acc {
		r.act(a)
	}
	r.dueEffects()
	r.l.apply()

	// Dynamics: the standing causal links.
	r.dynamics()
	r.l.apply()

	// Thresholds.
	if st.Tracks[TrackTension] >= TrackTension.Max() {
		r.crisis()
	}

	// Advance and read the next turn's news.
	st.Turn++
	if !st.Over && st.Turn > sc.Turns {
		r.end()
	}
	if !st.Over {
		r.news()
	}
	r.finish()
	if !r.quiet {
		st.History = withSnapshot(st.History, sc.snapshot(st))
	}
}

// withSnapshot adds a turn's snapshot to a history. The history is
// shared with the state before (see CloneInto) and so always copied; the
// copy is made at its exact length, rather than with the room append would
// leave, which the next turn's copy would never use.
func withSnapshot(h []Snapshot, sn Snapshot) []Snapshot {
	out := make([]Snapshot, len(h)+1)
	copy(out, h)
	out[len(h)] = sn
	return out
}

// taking is what validate has taken so far: the orders accepted, and the
// current actor's action points, capital and actions.
type taking struct {
	acc         []accepted
	ap, capital int
	picked      []int
}

// next starts on another actor's orders.
func (t *taking) next() { t.ap, t.capital, t.picked = 0, 0, t.picked[:0] }

// take checks one of an actor's orders (o.Actor names it) after those it
// has taken, and takes it or records its refusal.
func (r *resolver) take(t *taking, actor int, o *Order) {
	sc, st := r.sc, r.st
	ai, ti, reason := sc.lookup(actor, *o)
	if reason == "" {
		reason = sc.why(ai, ti, sc.refusal(st, actor, ai, ti, t.ap, t.capital, t.picked))
	}
	if reason != "" {
		if !r.quiet {
			r.report.Refused = append(r.report.Refused, Refusal{Order: *o, Reason: reason})
		}
		return
	}
	cost := sc.Cost(st, ai)
	t.ap += sc.Actions[ai].AP
	t.capital += cost
	t.picked = append(t.picked, ai)
	t.acc = append(t.acc, accepted{actor: actor, action: ai, target: ti, cost: cost})
	if !r.quiet {
		r.report.Orders = append(r.report.Orders, *o)
	}
}

// validate sorts orders by actor, checks each and records the result.
func (r *resolver) validate(orders []Order) []accepted {
	sc, st := r.sc, r.st
	acc, picked := r.l.buf.accepted[:0], r.l.buf.picked
	// Each order's actor is found once (-1 for none in play), so that
	// taking the orders actor by actor compares numbers, not names. Orders
	// usually come actor by actor, so the search starts at the last one
	// found.
	who := slices.Grow(r.l.buf.who[:0], len(orders))[:len(orders)]
	last := 0
	for i := range orders {
		id := orders[i].Actor
		if last >= len(sc.Actors) || sc.Actors[last].ID != id {
			last = -1
			for a := range sc.Actors {
				if sc.Actors[a].ID == id {
					last = a
					break
				}
			}
		}
		who[i] = last
		last = max(last, 0)
	}
	r.l.buf.who = who
	// Actor by actor, each actor's orders in the order given. Orders
	// usually come grouped so already (every bot's after the last's): one
	// pass then takes them in that order.
	grouped, prev := true, -1
	for _, a := range who {
		if a >= 0 {
			grouped = grouped && a >= prev
			prev = a
		}
	}
	t := taking{acc: acc, picked: picked}
	if grouped {
		cur := -1
		for i := range orders {
			if who[i] < 0 {
				continue
			}
			if who[i] != cur {
				cur = who[i]
				t.next()
			}
			r.take(&t, cur, &orders[i])
		}
	} else {
		for actor := range sc.Actors {
			t.next()
			for i := range orders {
				if who[i] == actor {
					r.take(&t, actor, &orders[i])
				}
			}
		}
	}
	acc, picked = t.acc, t.picked
	// Orders for actors not in play (they change nothing: only the report
	// lists them).
	for _, o := range orders {
		if r.quiet {
			break
		}
		if _, ok := sc.actorIndex[o.Actor]; !ok {
			r.report.Refused = append(r.report.Refused, Refusal{Order: o,
				Reason: sc.orderRefusal(st, -1, o, 0, 0, nil)})
		}
	}
	r.l.buf.accepted, r.l.buf.picked = acc, picked // kept for the next resolution
	return acc
}

// act applies one accepted order: immediate effects now, delayed ones
// queued; a covert order may be exposed.
func (r *resolver) act(a accepted) {
	sc, st := r.sc, r.st
	def := &sc.Actions[a.action]
	cause := Cause{Kind: CauseAction, Source: a.action, Actor: a.actor, Turn: st.Turn, Target: a.target}
	// The immediate effects go to the ledger by the slots worked out for
	// the scenario when those apply: the order is its owner's (as validate
	// ensures), its target a swing state, the state numbered as the
	// scenario's.
	fx := sc.effectSlotsOf()[a.action]
	bySlot := len(fx) == len(def.Effects) && a.actor == def.Actor && a.target < len(sc.Swing) &&
		len(st.Actors) == len(sc.Actors) && len(st.Swing) == len(sc.Swing)
	for i := range def.Effects {
		e := &def.Effects[i]
		if len(e.When) > 0 && !sc.holds(r.l.prev, e.When, a.actor, a.target) {
			continue
		}
		if e.Delay == 0 {
			if bySlot && fx[i].plain && (!fx[i].target || a.target >= 0) {
				r.l.addSlots(&fx[i], a.target, e.Add, cause)
			} else {
				r.l.add(concrete(e.Target, a.actor, a.target), e.Add, cause)
			}
			continue
		}
		t := concrete(e.Target, a.actor, a.target)
		dc := cause
		dc.Kind = CauseDelayed
		st.Pending = append(st.Pending, Pending{Due: st.Turn + e.Delay, Target: t, Add: e.Add, Cause: dc})
	}
	u := &st.Uses[a.action]
	u.Count++
	u.Last = st.Turn
	if def.Covert {
		rec := CovertRecord{Turn: st.Turn, Actor: a.actor, Action: a.action, Target: a.target}
		st.Covert = append(st.Covert, rec)
		rng := NewStream(st.Seed, st.Turn, PurposeExpose, a.action)
		if rng.Percent(def.ExposePct) {
			r.expose(len(st.Covert) - 1)
		}
	}
}

// expose brings a covert record to light and applies its consequences.
func (r *resolver) expose(i int) {
	sc, st := r.sc, r.st
	rec := &st.Covert[i]
	if rec.Exposed != 0 {
		return
	}
	rec.Exposed = st.Turn
	if !r.quiet {
		r.report.Exposed = append(r.report.Exposed, *rec)
	}
	cause := Cause{Kind: CauseExposed, Source: rec.Action, Actor: rec.Actor, Turn: st.Turn, Target: rec.Target}
	for _, e := range sc.Actions[rec.Action].ExposedEffects {
		r.l.add(concrete(e.Target, rec.Actor, rec.Target), e.Add, cause)
	}
}

// concrete replaces "self" and "target" in a reference.
func concrete(t Ref, actor, target int) Ref {
	if t.Kind == RefStat && t.Actor == ActorSelf {
		t.Actor = actor
	}
	if t.Kind == RefSwing && t.Swing == SwingTarget {
		t.Swing = target
	}
	return t
}

// dueEffects moves delayed effects that fall due this turn into the ledger.
func (r *resolver) dueEffects() {
	st := r.st
	kept := st.Pending[:0]
	for i := range st.Pending {
		if p := &st.Pending[i]; p.Due <= st.Turn {
			r.l.add(p.Target, p.Add, p.Cause)
			continue
		}
		kept = append(kept, st.Pending[i]) // at or before i: nothing still to read is written over
	}
	st.Pending = kept
}

// crisis ends the game in a Strait crisis, laid at the doors of the actors
// who drove the Strait there (see Scenario.CrisisBlame).
func (r *resolver) crisis() {
	st := r.st
	st.Over = true
	shares, noOne, culprits := r.sc.CrisisBlame(st)
	st.Crisis = Crisis{Turn: st.Turn, Culprits: culprits, Shares: shares, NoOne: noOne}
	r.report.Crisis = true
	r.report.Over = true
	for _, o := range r.sc.Outcomes {
		if o.Crisis {
			st.Outcome = o.ID
		}
	}
}

// end closes a game that ran its course and names the world outcome.
func (r *resolver) end() {
	st := r.st
	st.Over = true
	r.report.Over = true
	for _, o := range r.sc.Outcomes {
		if !o.Crisis && r.sc.holds(st, o.When, -1, -1) {
			st.Outcome = o.ID
			return
		}
	}
}

// finish writes the ledger into the report and frees its buffers.
func (r *resolver) finish() {
	if r.keepLedger {
		r.report.Changes = r.l.changes()
	}
	r.l.release()
}
