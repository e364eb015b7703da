package game_test

import (
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"zerosum/game"
)

// randomOrders draws a turn's orders: for each actor a few picks from its
// options (available or not) plus occasional nonsense.
func randomOrders(t *rapid.T, sc *game.Scenario, st *game.State) []game.Order {
	var orders []game.Order
	for a := range sc.Actors {
		opts := sc.Options(st, a, nil)
		n := rapid.IntRange(0, 4).Draw(t, fmt.Sprintf("n%d", a))
		for k := range n {
			switch rapid.IntRange(0, 9).Draw(t, fmt.Sprintf("kind%d.%d", a, k)) {
			case 0: // an action of another actor
				ai := rapid.IntRange(0, len(sc.Actions)-1).Draw(t, "foreign")
				orders = append(orders, game.Order{Actor: sc.Actors[a].ID, Action: sc.Actions[ai].ID})
			case 1: // nonsense names
				orders = append(orders, game.Order{
					Actor:  rapid.SampledFrom([]string{sc.Actors[a].ID, "bejing", ""}).Draw(t, "actor"),
					Action: rapid.SampledFrom([]string{"", "nuke", sc.Actions[0].ID}).Draw(t, "action"),
					Target: rapid.SampledFrom([]string{"", "atlantis", sc.Swing[0].ID}).Draw(t, "target"),
				})
			default:
				o := opts[rapid.IntRange(0, len(opts)-1).Draw(t, "opt")]
				orders = append(orders, sc.OrderFor(o))
			}
		}
	}
	return orders
}

func checkRanges(t *rapid.T, sc *game.Scenario, st *game.State) {
	for a := range st.Actors {
		for s := range game.NumStats {
			v := st.Actors[a].Stats[s]
			if v < 0 || v > s.Max() {
				t.Fatalf("turn %d: %s %s = %d, outside 0..%d", st.Turn, sc.Actors[a].ID, s, v, s.Max())
			}
			if !sc.Actors[a].Has[s] && v != 0 {
				t.Fatalf("%s has no %s but it holds %d", sc.Actors[a].ID, s, v)
			}
		}
	}
	for tr := range game.NumTracks {
		if v := st.Tracks[tr]; v < tr.Min() || v > tr.Max() {
			t.Fatalf("turn %d: track %s = %d, outside %d..%d", st.Turn, tr, v, tr.Min(), tr.Max())
		}
	}
	for _, s := range st.Swing {
		if s.Align < game.AlignMin || s.Align > game.AlignMax || s.Sovereign < 0 || s.Sovereign > 100 {
			t.Fatalf("swing state %s out of range: %+v", s.ID, s)
		}
	}
}

// TestRandomPlayInvariants plays random, partly illegal order sequences and
// checks after every turn that numbers stay in range, budgets hold, illegal
// orders are refused with a reason and change nothing, and the ledger adds up.
func TestRandomPlayInvariants(t *testing.T) {
	sc := scenario(t)
	rapid.Check(t, func(t *rapid.T) {
		seed := rapid.Uint64().Draw(t, "seed")
		st, _ := sc.NewGame(seed)
		checkRanges(t, sc, &st)
		for !st.Over {
			orders := randomOrders(t, sc, &st)
			next, rep := sc.Resolve(&st, orders)
			checkRanges(t, sc, &next)
			if next.Turn != st.Turn+1 {
				t.Fatalf("turn went from %d to %d", st.Turn, next.Turn)
			}
			if len(rep.Orders)+len(rep.Refused) != len(orders) {
				t.Fatalf("%d orders in, %d accepted + %d refused out", len(orders), len(rep.Orders), len(rep.Refused))
			}
			for _, r := range rep.Refused {
				if r.Reason == "" {
					t.Fatalf("order %+v refused without a reason", r.Order)
				}
			}
			// Budgets: accepted orders fit each actor's action points and capital.
			for a := range sc.Actors {
				ap, cost := 0, 0
				for _, o := range rep.Orders {
					if o.Actor != sc.Actors[a].ID {
						continue
					}
					ai, _ := sc.ActionIndex(o.Action)
					ap += sc.Actions[ai].AP
					cost += sc.Cost(&st, ai)
				}
				if ap > sc.Actors[a].AP {
					t.Fatalf("%s: accepted orders use %d action points of %d", sc.Actors[a].ID, ap, sc.Actors[a].AP)
				}
				if cost > st.Stat(a, game.StatCapital) {
					t.Fatalf("%s: accepted orders cost %d with %d capital", sc.Actors[a].ID, cost, st.Stat(a, game.StatCapital))
				}
			}
			// Refused orders change nothing.
			clean, _ := sc.Resolve(&st, rep.Orders)
			if clean.Hash() != next.Hash() {
				t.Fatalf("turn %d: refused orders changed the outcome", st.Turn)
			}
			// The ledger: causes sum to the change, and every change is in it.
			for _, ch := range rep.Changes {
				sum := 0
				for _, c := range ch.Causes {
					sum += c.Delta
				}
				if sum != ch.After-ch.Before {
					t.Fatalf("ledger for %s: causes sum to %d, change is %d", sc.Format(ch.Target), sum, ch.After-ch.Before)
				}
			}
			for a := range sc.Actors {
				for s := range game.NumStats {
					if d := next.Stat(a, s) - st.Stat(a, s); d != 0 {
						if got := delta(rep, stat(a, s)); got != d {
							t.Fatalf("%s %s moved %d but the ledger says %d", sc.Actors[a].ID, s, d, got)
						}
					}
				}
			}
			st = next
		}
	})
}

// TestOptionsMatchValidate: an option marked available is accepted by
// Validate and one marked unavailable is refused with the same reason;
// AvailableOptionsInto lists exactly the available ones, in order.
func TestOptionsMatchValidate(t *testing.T) {
	// Also in a copy with some actions banned (the checks read Banned only
	// in such a copy).
	plain := scenario(t)
	banned, err := plain.Ban("fund_tranche", "state_chip_fund", "yield_push")
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		sc := plain
		if rapid.Bool().Draw(t, "banned") {
			sc = banned
		}
		st, _ := sc.NewGame(rapid.Uint64().Draw(t, "seed"))
		for range rapid.IntRange(0, 6).Draw(t, "turns") {
			if st.Over {
				return
			}
			st, _ = sc.Resolve(&st, randomOrders(t, sc, &st))
		}
		if st.Over {
			return
		}
		for a := range sc.Actors {
			// Orders already given (some perhaps refused) use up action
			// points, capital and the actions themselves.
			var given []game.Order
			all := sc.Options(&st, a, nil)
			for range rapid.IntRange(0, 3).Draw(t, "given") {
				given = append(given, sc.OrderFor(all[rapid.IntRange(0, len(all)-1).Draw(t, "option")]))
			}
			// The available ones alone, as bots list them, written over a
			// list that held other options.
			listed := sc.Options(&st, a, given)
			want := slices.DeleteFunc(slices.Clone(listed), func(o game.Option) bool { return !o.Available })
			if got := sc.AvailableOptionsInto(slices.Clone(all), &st, a, given); !slices.Equal(got, want) {
				t.Fatalf("actor %d: AvailableOptionsInto gives %v, want %v", a, got, want)
			}
			for _, o := range listed {
				errs := sc.Validate(&st, a, append(slices.Clone(given), sc.OrderFor(o)))
				err := errs[len(errs)-1]
				if o.Available != (err == nil) {
					t.Fatalf("%s: option available=%v but Validate says %v", sc.Actions[o.Action].ID, o.Available, err)
				}
				if err != nil && err.Error() != sc.Reason(o) {
					t.Fatalf("reasons differ: %q vs %q", sc.Reason(o), err.Error())
				}
			}
		}
	})
}

// TestAdvanceIntoMatchesResolve plays random games twice: with Resolve,
// which makes a new state each turn, and with AdvanceInto, two states
// taking turns so that every resolution writes over the slices of the one
// before last. The states must hash alike every turn, the input must come
// out untouched, and resolving the same state again into reused buffers
// must give the same state.
func TestAdvanceIntoMatchesResolve(t *testing.T) {
	sc := scenario(t)
	rapid.Check(t, func(t *rapid.T) {
		st, _ := sc.NewGame(rapid.Uint64().Draw(t, "seed"))
		cur := st.Clone()
		var next, again game.State
		for !st.Over {
			orders := randomOrders(t, sc, &st)
			want, wantRep := sc.Resolve(&st, orders)
			before := cur.Hash()
			rep := sc.AdvanceInto(&next, &cur, orders)
			if cur.Hash() != before {
				t.Fatalf("turn %d: AdvanceInto changed its input", st.Turn)
			}
			if next.Hash() != want.Hash() {
				t.Fatalf("turn %d: AdvanceInto and Resolve disagree", st.Turn)
			}
			if fmt.Sprint(rep.Orders, rep.Refused, rep.Events, rep.Exposed, rep.Crisis, rep.Over) !=
				fmt.Sprint(wantRep.Orders, wantRep.Refused, wantRep.Events, wantRep.Exposed, wantRep.Crisis, wantRep.Over) {
				t.Fatalf("turn %d: the reports differ", st.Turn)
			}
			sc.AdvanceInto(&again, &cur, orders)
			if again.Hash() != want.Hash() {
				t.Fatalf("turn %d: resolving the same state again gives another state", st.Turn)
			}
			cur, next = next, cur
			st = want
		}
	})
}

// TestAdvanceQuietMatchesAdvanceInto plays random games (random orders,
// legal or not, from every actor) with AdvanceInto and, from the same
// state each turn, with AdvanceQuiet: the next states must agree on
// everything but the history, which AdvanceQuiet leaves as it was, and the
// input must come out untouched.
func TestAdvanceQuietMatchesAdvanceInto(t *testing.T) {
	sc := scenario(t)
	rapid.Check(t, func(t *rapid.T) {
		st, _ := sc.NewGame(rapid.Uint64().Draw(t, "seed"))
		var full, quiet game.State
		for !st.Over {
			orders := randomOrders(t, sc, &st)
			before := st.Hash()
			sc.AdvanceInto(&full, &st, orders)
			sc.AdvanceQuiet(&quiet, &st, orders)
			if st.Hash() != before {
				t.Fatalf("turn %d: AdvanceQuiet changed its input", st.Turn)
			}
			if len(quiet.History) != len(st.History) {
				t.Fatalf("turn %d: AdvanceQuiet's history has %d snapshots, want %d", st.Turn, len(quiet.History), len(st.History))
			}
			f, q := full.Clone(), quiet.Clone()
			f.History, q.History = nil, nil
			if f.Hash() != q.Hash() {
				t.Fatalf("turn %d: AdvanceQuiet and AdvanceInto disagree", st.Turn)
			}
			st = full.Clone()
		}
	})
}
