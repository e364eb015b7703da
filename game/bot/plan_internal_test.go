package bot

import (
	"slices"
	"testing"

	"zerosum/game"
)

// A pooled evaluator's plans (kept per seat) must always be the plan of the
// bot it is set up for, whichever bots, seats and scenarios came before.
func TestEvaluatorPlansArePlan(t *testing.T) {
	sc := defaultScenario(t)
	other := *sc // a scenario of its own for the memo, with the same actors
	var e evaluator
	for i := range 500 {
		rng := game.NewStream(uint64(i), 0, game.PurposeSetup, 0)
		s := sc
		if rng.IntN(4) == 0 {
			s = &other
		}
		b := Bot{Difficulty: Difficulty(rng.IntN(int(NumDifficulties))), Seed: uint64(rng.IntN(3))}
		a := rng.IntN(len(sc.Actors))
		e.plan(s, b, a)
		want := Plan(s, b.Seed, a, b.Difficulty)
		if !slices.Equal(e.focus, want) {
			t.Fatalf("step %d: the evaluator's plan for %+v in seat %d is %v, Plan gives %v", i, b, a, e.focus, want)
		}
		for j, o := range s.Actors[a].Objectives {
			if m := o.Weight * want[j] * 10 / (o.To - o.From); e.margs[j] != m {
				t.Fatalf("step %d: seat %d's objective %s has margin %d under the plan, want %d", i, a, o.ID, e.margs[j], m)
			}
		}
	}
}
