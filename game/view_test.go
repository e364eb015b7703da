package game_test

import (
	"testing"

	"pgregory.net/rapid"

	"zerosum/game"
)

// TestViewsMatchView plays random games and checks, at every turn and at
// the end, that the view Views gives each seat (and the public) hashes
// like View's, whatever order the seats are viewed in, and that making the
// views leaves the state as it was.
func TestViewsMatchView(t *testing.T) {
	sc := withDelayedCovertEffects(t, scenario(t))
	var vs game.Views // reused from turn to turn and game to game, as the simulator does
	rapid.Check(t, func(t *rapid.T) {
		seed := rapid.Uint64().Draw(t, "seed")
		st, _ := sc.NewGame(seed)
		for {
			before := st.Hash()
			vs.Of(sc, &st)
			seats := rapid.SliceOfN(rapid.IntRange(-1, len(sc.Actors)-1), 1, 3*len(sc.Actors)).Draw(t, "seats")
			for _, a := range seats {
				want := sc.View(&st, a, false)
				if got := vs.For(a); got.Hash() != want.Hash() {
					t.Fatalf("turn %d, seat %d: Views gives %+v\nView gives %+v", st.Turn, a, *got, want)
				}
			}
			if st.Hash() != before {
				t.Fatalf("turn %d: making the views changed the state", st.Turn)
			}
			if st.Over {
				return
			}
			st, _ = sc.Resolve(&st, randomOrders(t, sc, &st))
		}
	})
}

// withDelayedCovertEffects is a copy of the scenario in which every covert
// action's effects also arrive a turn late, so that views must hide the
// delayed effects of secret orders (the default scenario has none). The
// copy is indexed anew, so that what is derived from the original's
// effects is not shared with it.
func withDelayedCovertEffects(tb testing.TB, sc *game.Scenario) *game.Scenario {
	c := *sc
	c.Actions = append([]game.ActionDef(nil), sc.Actions...)
	for i := range c.Actions {
		a := &c.Actions[i]
		if !a.Covert {
			continue
		}
		a.Effects = append([]game.Effect(nil), a.Effects...)
		for _, e := range a.Effects {
			e.Delay = 1
			a.Effects = append(a.Effects, e)
		}
	}
	if err := c.Index(); err != nil {
		tb.Fatal(err)
	}
	return &c
}
