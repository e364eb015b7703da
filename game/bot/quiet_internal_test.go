package bot

import (
	"fmt"
	"slices"
	"testing"

	"zerosum/content"
	"zerosum/game"
)

// playFull is rolloutStates.play as it was before play-outs resolved
// quietly: every turn with AdvanceInto, the full resolution the simulator
// uses (a report, and a snapshot of every turn in the history).
func playFull(sc *game.Scenario, start *game.State, seats []Bot, actor int, orders []game.Order) game.State {
	st := start.Clone()
	var view, next game.State
	first := true
	for !st.Over {
		var all []game.Order
		for a := range sc.Actors {
			if first && a == actor {
				all = append(all, orders...)
				continue
			}
			sc.ViewInto(&view, &st, a, false)
			all = append(all, seats[a].Choose(sc, &view, a)...)
		}
		first = false
		sc.AdvanceInto(&next, &st, all)
		st, next = next, st
	}
	return st
}

// TestQuietPlayOutsMatch plays many play-outs from real game states (games
// of normal bots in both scenarios, several seeds, every turn; worlds
// sampled from the public view and from seats' views, with a seat's own
// orders, with none, and with bots everywhere) both ways: quietly, as
// PlayOut and the hard bot's rollouts do, and with full resolutions. The
// final states must agree on everything but the history: scores, outcome,
// crisis turn, culprits and shares, blame, and every stat, track, swing
// state, carry, pending effect and use (the hash of the state with its
// history set aside covers them all). The quiet history must be the
// start's, untouched, and PlayOutRead must read PlayOut's final state.
func TestQuietPlayOutsMatch(t *testing.T) {
	played := 0
	for _, id := range content.ScenarioIDs() {
		p, err := content.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		sc := p.Scenario
		for seed := uint64(1); seed <= 3; seed++ {
			real := sc.StartGame(seed)
			bots := make([]Bot, len(sc.Actors))
			for a := range bots {
				bots[a] = Bot{Personality: Personality((int(seed) + a) % int(NumPersonalities)), Difficulty: Normal, Seed: seed*100 + uint64(a)}
			}
			var view game.State
			for !real.Over {
				var orders []game.Order
				for a := range sc.Actors {
					sc.ViewInto(&view, &real, a, false)
					orders = append(orders, bots[a].Choose(sc, &view, a)...)
				}
				for _, seat := range []int{-1, int(seed) % len(sc.Actors), (int(seed) + 3) % len(sc.Actors)} {
					sc.ViewInto(&view, &real, seat, false)
					rng := game.NewStream(seed, real.Turn, game.PurposeSearch, seat+1)
					for w := range 2 {
						world, seats := SampleWorld(&view, len(sc.Actors), &rng)
						cases := []playCase{{-1, nil}}
						if seat >= 0 {
							var v game.State
							sc.ViewInto(&v, &world, seat, false)
							cases = append(cases, playCase{seat, nil}, playCase{seat, seats[seat].Choose(sc, &v, seat)})
						}
						for _, c := range cases {
							name := fmt.Sprintf("%s seed %d turn %d seat %d world %d actor %d orders %v",
								id, seed, real.Turn, seat, w, c.actor, c.orders)
							before := world.Hash()
							quiet := PlayOut(sc, &world, seats, c.actor, c.orders)
							if world.Hash() != before {
								t.Fatalf("%s: PlayOut changed its start", name)
							}
							PlayOutRead(sc, &world, seats, c.actor, c.orders, func(end *game.State) {
								if end.Hash() != quiet.Hash() {
									t.Fatalf("%s: PlayOutRead and PlayOut end apart", name)
								}
							})
							full := playFull(sc, &world, seats, c.actor, c.orders)
							compareEnds(t, name, sc, &world, &quiet, &full)
							played++
						}
					}
				}
				next, _ := sc.Resolve(&real, orders)
				real = next
			}
		}
	}
	t.Logf("%d play-outs compared", played)
	if played < 500 {
		t.Fatalf("only %d play-outs compared", played)
	}
}

// playCase is who gives the first turn's orders of a play-out, and which.
type playCase struct {
	actor  int
	orders []game.Order
}

// compareEnds fails unless a quiet play-out's final state is the full
// one's but for the history, which must be the start's.
func compareEnds(t *testing.T, name string, sc *game.Scenario, start, quiet, full *game.State) {
	t.Helper()
	if !full.Over || !quiet.Over {
		t.Fatalf("%s: a play-out did not end (quiet %v, full %v)", name, quiet.Over, full.Over)
	}
	if len(quiet.History) != len(start.History) || len(full.History) <= len(start.History) {
		t.Fatalf("%s: histories: start %d, quiet %d, full %d snapshots", name,
			len(start.History), len(quiet.History), len(full.History))
	}
	for a := range sc.Actors {
		if q, f := sc.Score(quiet, a), sc.Score(full, a); q.Total != f.Total {
			t.Fatalf("%s: actor %d scores %d quietly, %d in full", name, a, q.Total, f.Total)
		}
	}
	if quiet.Outcome != full.Outcome || quiet.Crisis.Turn != full.Crisis.Turn ||
		!slices.Equal(quiet.Crisis.Culprits, full.Crisis.Culprits) || !slices.Equal(quiet.Crisis.Shares, full.Crisis.Shares) ||
		quiet.Crisis.NoOne != full.Crisis.NoOne {
		t.Fatalf("%s: endings differ: quiet %q %+v, full %q %+v", name, quiet.Outcome, quiet.Crisis, full.Outcome, full.Crisis)
	}
	if !slices.Equal(quiet.Blame.Tension, full.Blame.Tension) || !slices.Equal(quiet.Blame.Grievance, full.Blame.Grievance) {
		t.Fatalf("%s: blame differs: quiet %+v, full %+v", name, quiet.Blame, full.Blame)
	}
	q, f := quiet.Clone(), full.Clone()
	q.History, f.History = nil, nil
	if q.Hash() != f.Hash() {
		t.Fatalf("%s: the final states differ beyond the history:\nquiet %+v\nfull  %+v", name, q, f)
	}
}

// TestSampleDiceDrawsAsSampleWorld: SampleDice draws the seed and the
// seats SampleWorld draws, leaves the stream where SampleWorld leaves it,
// and SampleWorld's state is the view with that seed.
func TestSampleDiceDrawsAsSampleWorld(t *testing.T) {
	sc := defaultScenario(t)
	view := sc.View(new(sc.StartGame(5)), 2, false)
	for i := range 50 {
		a := game.NewStream(uint64(i), 3, game.PurposeForecast, i)
		b := a
		st, seatsA := SampleWorld(&view, len(sc.Actors), &a)
		seed, seatsB := SampleDice(len(sc.Actors), &b)
		if st.Seed != seed || !slices.Equal(seatsA, seatsB) {
			t.Fatalf("draw %d: SampleWorld gives seed %d and %v, SampleDice %d and %v", i, st.Seed, seatsA, seed, seatsB)
		}
		if a.Uint64() != b.Uint64() {
			t.Fatalf("draw %d: the streams are left apart", i)
		}
		w := view
		w.Seed = seed
		if st.Hash() != w.Hash() {
			t.Fatalf("draw %d: SampleWorld's state is not the view with its seed", i)
		}
	}
}

// TestAppendChoiceAppendsChoose: AppendChoice appends exactly what Choose
// returns, after what dst held, for every difficulty, along real games.
func TestAppendChoiceAppendsChoose(t *testing.T) {
	sc := defaultScenario(t)
	st := sc.StartGame(9)
	var view game.State
	prefix := []game.Order{{Actor: "x", Action: "y"}}
	for !st.Over && st.Turn <= 4 {
		var all []game.Order
		for a := range sc.Actors {
			sc.ViewInto(&view, &st, a, false)
			for d := range NumDifficulties {
				b := Bot{Personality: Personality(a % int(NumPersonalities)), Difficulty: d, Seed: uint64(a)}
				want := append(slices.Clone(prefix), b.Choose(sc, &view, a)...)
				if got := b.AppendChoice(slices.Clone(prefix), sc, &view, a); !slices.Equal(got, want) {
					t.Fatalf("turn %d, actor %d, %s: AppendChoice gives %v, want %v", st.Turn, a, d, got, want)
				}
				if d == Normal {
					all = append(all, b.Choose(sc, &view, a)...)
				}
			}
		}
		st, _ = sc.Resolve(&st, all)
	}
}
