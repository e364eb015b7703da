package game

// Value reads the number a Ref names. actor resolves "self"; target resolves
// "target" (a swing index, or -1 when there is none). Group selectors read
// the average over the group.
func (sc *Scenario) Value(st *State, r Ref, actor, target int) int {
	return sc.value(st, &r, actor, target)
}

// value is Value reading the reference where it is, for the loops over
// conditions (a reference is several words).
func (sc *Scenario) value(st *State, r *Ref, actor, target int) int {
	switch r.Kind {
	case RefStat:
		a := r.Actor
		if a == ActorSelf {
			a = actor
		}
		if a < 0 || a >= len(st.Actors) {
			return 0
		}
		return st.Actors[a].Stats[r.Stat]
	case RefTrack:
		return st.Tracks[r.Track]
	case RefSwing:
		switch r.Swing {
		case SwingTarget:
			if target < 0 {
				return 0
			}
			return swingField(&st.Swing[target], r.Field)
		case SwingAll, SwingTier2:
			sum, n := 0, 0
			for i := range st.Swing {
				if r.Swing == SwingTier2 && sc.Swing[i].Tier != 2 {
					continue
				}
				sum += swingField(&st.Swing[i], r.Field)
				n++
			}
			if n == 0 {
				return 0
			}
			return sum / n
		default:
			return swingField(&st.Swing[r.Swing], r.Field)
		}
	case RefGap:
		return sc.gap(st)
	case RefTurn:
		return st.Turn
	case RefBloc:
		n := 0
		for i := range st.Swing {
			if AlignBloc(st.Swing[i].Align) == r.Bloc {
				n++
			}
		}
		return n
	case RefDone:
		return st.Uses[r.Index].Count
	case RefLast:
		if u := st.Uses[r.Index]; u.Count > 0 && u.Last == st.Turn-1 {
			return 1
		}
		return 0
	case RefFired:
		return st.Fired[r.Index]
	}
	return 0
}

func swingField(s *SwingState, f SwingField) int {
	if f == FieldSovereign {
		return s.Sovereign
	}
	return s.Align
}

// AlignBloc says which bloc an alignment value puts a state in.
func AlignBloc(align int) Bloc {
	switch {
	case align >= BlocLimit:
		return BlocUS
	case align <= -BlocLimit:
		return BlocChina
	}
	return BlocNone
}

// gap is the real capability gap: the US government's frontier minus
// China's. Without both actors in play it is 0.
func (sc *Scenario) gap(st *State) int {
	us, cn := sc.roles[RoleUSGov], sc.roles[RoleChinaGov]
	if us < 0 || cn < 0 {
		return 0
	}
	return st.Actors[us].Stats[StatFrontier] - st.Actors[cn].Stats[StatFrontier]
}

// Gap is the real US-China capability gap in a state.
func (sc *Scenario) Gap(st *State) int { return sc.gap(st) }

// holds reports whether every condition is true.
func (sc *Scenario) holds(st *State, cs []Condition, actor, target int) bool {
	for i := range cs {
		if c := &cs[i]; !c.Holds(sc.value(st, &c.Ref, actor, target)) {
			return false
		}
	}
	return true
}

// Holds reports whether every condition is true in st for an actor and an
// optional target (-1 for none).
func (sc *Scenario) Holds(st *State, cs []Condition, actor, target int) bool {
	return sc.holds(st, cs, actor, target)
}
