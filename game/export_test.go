package game

import (
	"fmt"
	"slices"
)

// CheckEffectSlots records every effect of every action, for its owner and
// each target it may have, once through push and once through the
// scenario's effect slots, in two ledgers of a state of the scenario, and
// reports the first difference in what they hold (sums, touched numbers,
// blame inputs, entries).
func CheckEffectSlots(sc *Scenario, st *State) error {
	fxs := sc.effectSlotsOf()
	for ai := range sc.Actions {
		def := &sc.Actions[ai]
		targets := []int{-1}
		if def.Targeted {
			targets = targets[:0]
			for t := range sc.Swing {
				targets = append(targets, t)
			}
		}
		for _, t := range targets {
			for i, e := range def.Effects {
				f := &fxs[ai][i]
				if !f.plain || (f.target && t < 0) {
					continue // act asks push
				}
				c := Cause{Kind: CauseAction, Source: ai, Actor: def.Actor, Turn: st.Turn, Target: t}
				var want, got ledger
				want.init(sc, st, st)
				got.init(sc, st, st)
				want.keep, got.keep = true, true
				want.add(concrete(e.Target, def.Actor, t), e.Add, c)
				got.addSlots(f, t, e.Add, c)
				same := slices.Equal(want.sums, got.sums) && slices.Equal(want.touched, got.touched) &&
					slices.Equal(want.blameIn, got.blameIn) && slices.Equal(want.entries, got.entries)
				want.release()
				got.release()
				if !same {
					return fmt.Errorf("action %s, target %d, effect %d (%+v): the slots record otherwise than push", def.ID, t, i, e.Target)
				}
			}
		}
	}
	return nil
}
