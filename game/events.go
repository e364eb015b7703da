package game

import "slices"

// news fires the events of the turn that is starting: first every trigger
// whose conditions hold, then EventsPerTurn random draws, weighted, among the
// other eligible events. Eligibility is judged on the world before any of
// this turn's news, so the events of one turn are simultaneous too.
func (r *resolver) news() {
	sc, st := r.sc, r.st
	// The state's own copy of last turn's news makes room for this turn's
	// (never nil: a state with no news encodes [] in JSON).
	if st.News == nil {
		st.News = []int{}
	}
	st.News = st.News[:0]
	b := r.l.buf
	weights := slices.Grow(b.weights[:0], len(sc.Events))[:len(sc.Events)]
	clear(weights)
	triggers := b.triggers[:0]
	for i := range sc.Events {
		ev := &sc.Events[i]
		if (!ev.Repeat && st.Fired[i] > 0) || !sc.holds(st, ev.When, -1, -1) {
			continue
		}
		if ev.Trigger {
			triggers = append(triggers, i)
		} else {
			weights[i] = ev.Weight
		}
	}
	for _, i := range triggers {
		r.fire(i)
	}
	b.triggers = triggers // kept for the next resolution
	// A facilitator's injections: content events fire whatever their
	// conditions (and leave the draw); custom news carries its own effects.
	for k, in := range r.injections {
		if in.Event >= 0 {
			weights[in.Event] = 0 // not drawn again this turn
			if !slices.Contains(st.News, in.Event) {
				r.fire(in.Event)
			}
			continue
		}
		r.report.Injected = append(r.report.Injected, in.Headline)
		cause := Cause{Kind: CauseInjected, Source: k, Actor: -1, Turn: st.Turn, Target: -1}
		for _, e := range in.Effects {
			r.l.add(e.Target, e.Add, cause)
		}
	}
	rng := NewStream(st.Seed, st.Turn, PurposeEvents, 0)
	for range sc.EventsPerTurn {
		i := rng.Pick(weights)
		if i < 0 {
			break
		}
		weights[i] = 0
		r.fire(i)
	}
	b.weights = weights
	r.l.apply()
	if !st.Over && st.Tracks[TrackTension] >= TrackTension.Max() {
		r.crisis()
	}
}

func (r *resolver) fire(i int) {
	sc, st := r.sc, r.st
	ev := &sc.Events[i]
	st.Fired[i]++
	st.News = append(st.News, i)
	if !r.quiet {
		r.report.Events = append(r.report.Events, i)
	}
	cause := Cause{Kind: CauseEvent, Source: i, Actor: -1, Turn: st.Turn, Target: -1}
	for k := range ev.Effects {
		e := &ev.Effects[k]
		if e.Delay == 0 {
			r.l.add(e.Target, e.Add, cause)
			continue
		}
		st.Pending = append(st.Pending, Pending{Due: st.Turn + e.Delay, Target: e.Target, Add: e.Add, Cause: cause})
	}
	for _, a := range ev.Reveal {
		for k := range st.Covert {
			if st.Covert[k].Action == a {
				r.expose(k)
			}
		}
	}
}
