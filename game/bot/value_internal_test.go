package bot

import (
	"testing"

	"zerosum/game"
)

// The evaluator's shortcuts (the model's rows cut down to the numbers a bot
// values, each number's worth per unit worked out once, the Strait's risk
// read once per decision) must give exactly what the plain formulas give,
// for every number, horizon and size of change, in states along real games.
func TestEvaluatorShortcutsMatchThePlainFormulas(t *testing.T) {
	sc := defaultScenario(t)
	m := modelFor(sc)
	n := m.slots
	sizes := []int{100, -100, 1, -1, 37, -250, 2000}
	for seed := uint64(1); seed <= 3; seed++ {
		st, _ := sc.NewGame(seed)
		for !st.Over {
			var orders []game.Order
			for a := range sc.Actors {
				v := sc.View(&st, a, false)
				for d := range NumDifficulties - 1 { // easy and normal: the searching bot values as a normal one
					b := Bot{Personality: Personality((int(seed) + a) % int(NumPersonalities)), Difficulty: d, Seed: seed}
					e := newEvaluator(sc, &v, a, b)
					checkShortcuts(t, e, n, sizes)
					e.release()
				}
				orders = append(orders, Bot{Difficulty: Normal, Seed: seed}.Choose(sc, &v, a)...)
			}
			st, _ = sc.Advance(&st, orders)
		}
	}
}

func checkShortcuts(t *testing.T, e *evaluator, n int, sizes []int) {
	t.Helper()
	base := e.v.Tension()*100 + e.sc.GreyZonePressure(e.v)*min(e.turnsLeft, driftTurns)
	for _, d := range sizes {
		want := -(riskAt(base+d) - riskAt(base)) * e.crisisLoss / 10000 * e.personalityRisk() / 100
		if got := e.crisisWorth(d); got != want {
			t.Fatalf("turn %d, actor %d: crisisWorth(%d) = %d, the plain formula %d", e.v.Turn, e.actor, d, got, want)
		}
	}
	for h := 1; h <= e.turnsLeft; h++ {
		for slot := range n {
			for _, d := range sizes {
				if got, want := e.endWorth(h, slot, d), plainEndWorth(e, n, h, slot, d); got != want {
					t.Fatalf("turn %d, actor %d: endWorth(%d, %d, %d) = %d, the plain formula %d", e.v.Turn, e.actor, h, slot, d, got, want)
				}
			}
		}
	}
}

// plainEndWorth is endWorth read straight off the whole model: every
// number the bot's objectives read, through the full table, valued from
// scratch.
func plainEndWorth(e *evaluator, n, h, slot, d int) int {
	unit := 100
	if d < 0 {
		unit = -100
	}
	w := 0
	for _, to := range e.m.measured[e.actor] {
		s := int(e.m.sens[h][slot*n+to])
		if s == 0 {
			continue
		}
		dd := s * unit / 100
		one := 100
		if dd < 0 {
			one = -100
		}
		w += e.directFull(slotRef(e.sc, to), one) * abs(dd) / 100
	}
	return w * abs(d) / 100
}
