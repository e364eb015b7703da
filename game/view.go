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
		if b == actor || sc.Actors[b].Hidden == [NumStats]bool{} {
			continue
		}
		for s := range NumStats {
			if sc.Actors[b].Hidden[s] {
				v.Actors[b].Stats[s] = sc.estimate(st, b, s)
			}
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
		if actorOf == actor || !sc.Actions[action].Covert {
			return false
		}
		for _, c := range st.Covert {
			if c.Actor == actorOf && c.Action == action && c.Turn == turn {
				return c.Exposed == 0
			}
		}
		return true
	}
	v.Covert = slices.DeleteFunc(v.Covert, func(c CovertRecord) bool { return c.Actor != actor && c.Exposed == 0 })
	v.Pending = slices.DeleteFunc(v.Pending, func(p Pending) bool {
		if p.Cause.Kind == CauseDelayed && secret(p.Cause.Actor, p.Cause.Source, p.Cause.Turn) {
			return true
		}
		return p.Target.Kind == RefStat && p.Target.Actor != actor && sc.Actors[p.Target.Actor].Hidden[p.Target.Stat]
	})
	for _, ai := range sc.covertActions() {
		if sc.Actions[ai].Actor == actor {
			continue
		}
		u := Use{}
		for _, c := range st.Covert {
			if c.Action == ai && c.Exposed != 0 {
				u.Count++
				u.Last = max(u.Last, c.Turn)
			}
		}
		v.Uses[ai] = u
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
