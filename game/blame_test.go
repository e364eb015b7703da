package game_test

import (
	"slices"
	"testing"

	"pgregory.net/rapid"

	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

// A crisis that comes through grievance, with nobody ordering a single
// push on the Strait, is laid at the doors of the actors whose orders fed
// the grievance, and of Beijing for its own grey-zone pressure; an actor
// that did nothing has no share; nobody wins; the culprits score 0 and the
// others keep the crisis share of their score less their own blame.
func TestCrisisFromGrievanceHasAuthors(t *testing.T) {
	sc := quiet(scenario(t))
	us, cn, eu := role(t, sc, game.RoleUSGov), role(t, sc, game.RoleChinaGov), role(t, sc, game.RoleRegulator)
	st, _ := sc.NewGame(5)
	for a := range st.Actors {
		st.Actors[a].Stats[game.StatCapital] = 900
	}
	// Washington turns every screw it has, turn after turn; nobody orders
	// anything that touches the Strait itself.
	pressure := []string{"tighten_controls", "expand_fdpr", "outbound_limits", "entity_list_champions"}
	var rep game.Report
	for turn := 0; turn < 12 && !st.Over; turn++ {
		var orders []game.Order
		for _, id := range pressure {
			o := game.Order{Actor: "washington", Action: id}
			if errs := sc.Validate(&st, us, append(orders, o)); errs[len(orders)] == nil {
				orders = append(orders, o)
			}
		}
		st, rep = sc.Resolve(&st, orders)
		for _, ch := range rep.Changes {
			if ch.Target == track(game.TrackTension) {
				for _, c := range ch.Causes {
					if (c.Kind == game.CauseAction || c.Kind == game.CauseDelayed) && c.Delta > 0 {
						t.Fatalf("turn %d: an order raised tension directly (%+v); the test wants a crisis through grievance", st.Turn-1, c)
					}
				}
			}
		}
	}
	if st.Crisis.Turn == 0 {
		t.Fatalf("no crisis after twelve turns of pressure (tension %d, grievance %d)", st.Tension(), st.Stat(cn, game.StatGrievance))
	}
	cr := st.Crisis
	if !slices.Contains(cr.Culprits, us) || !slices.Contains(cr.Culprits, cn) {
		t.Errorf("culprits %v: Washington fed the grievance and Beijing pressed the Strait; both drove it (shares %v)", cr.Culprits, cr.Shares)
	}
	if cr.Shares[eu] != 0 {
		t.Errorf("Brussels did nothing but has a share of %d%%", cr.Shares[eu])
	}
	total := 0
	for _, s := range cr.Shares {
		total += s
	}
	if total != 100 {
		t.Errorf("shares %v add up to %d, not 100", cr.Shares, total)
	}
	if w := sc.Winners(&st); len(w) != 0 {
		t.Errorf("nobody wins a crisis; winners %v", w)
	}
	for a := range sc.Actors {
		card := sc.Score(&st, a)
		want := card.Raw * sc.CrisisScorePct * (100 - cr.Shares[a]) / 10000
		if card.Culprit {
			want = 0
		}
		if card.Total != want || card.Blame != cr.Shares[a] {
			t.Errorf("%s: total %d (blame %d%%), want %d (raw %d, share %d%%)", sc.Actors[a].ID, card.Total, card.Blame, want, card.Raw, cr.Shares[a])
		}
	}
	rank := sc.Ranking(&st)
	for i, c := range rank {
		if c.Culprit && i < len(rank)-len(cr.Culprits) {
			t.Errorf("culprit %s ranks %d of %d: culprits rank last", sc.Actors[c.Actor].ID, i+1, len(rank))
		}
	}
}

// An order that raises tension is its author's; easing the Strait takes
// from every share alike, so the order of the shares stays.
func TestBlameFollowsOrdersAndEasesAlike(t *testing.T) {
	sc := quiet(scenario(t))
	us, cn := role(t, sc, game.RoleUSGov), role(t, sc, game.RoleChinaGov)
	st, _ := sc.NewGame(9)
	for a := range st.Actors {
		st.Actors[a].Stats[game.StatCapital] = 900
	}
	st.Actors[cn].Stats[game.StatGrievance] = 0 // no grey-zone pressure
	st, _ = sc.Resolve(&st, []game.Order{{Actor: "washington", Action: "arm_taiwan"}, {Actor: "beijing", Action: "grey_zone_drills"}})
	st, _ = sc.Resolve(&st, nil) // arms sales wait a turn between rounds
	st, rep := sc.Resolve(&st, []game.Order{{Actor: "washington", Action: "arm_taiwan"}})
	if len(rep.Refused) > 0 {
		t.Fatalf("refused: %v", rep.Refused)
	}
	shares, _, culprits := sc.CrisisBlame(&st)
	if shares[us] <= shares[cn] || shares[cn] == 0 {
		t.Fatalf("Washington pushed twice and Beijing once; shares %v", shares)
	}
	if culprits[0] != us {
		t.Errorf("the largest share leads the culprits: %v", culprits)
	}
	before := slices.Clone(st.Blame.Tension)
	st, _ = sc.Resolve(&st, []game.Order{{Actor: "taipei", Action: "calming_rhetoric"}})
	after := st.Blame.Tension
	// Proportions kept (to rounding): us/cn before == us/cn after.
	if before[us]*after[cn] != before[cn]*after[us] && abs(before[us]*after[cn]-before[cn]*after[us]) > before[us]+before[cn] {
		t.Errorf("a fall should take from every share alike: before %v, after %v", before, after)
	}
	if after[len(after)-1] > before[len(before)-1] {
		t.Errorf("no one's share grew from a calming order: before %v, after %v", before, after)
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// The blame accounts always add up to the numbers they follow, turn after
// turn, in whole bot games (a property of the bookkeeping, whatever
// happens).
func TestBlameAccountsAddUp(t *testing.T) {
	sc := scenario(t)
	cn := role(t, sc, game.RoleChinaGov)
	for seed := uint64(1); seed <= 40; seed++ {
		st, _ := sc.NewGame(seed)
		seats := sim.SeatsFor(sc, seed, bot.Normal)
		var v game.State
		for !st.Over {
			var orders []game.Order
			for a := range sc.Actors {
				sc.ViewInto(&v, &st, a, false)
				orders = append(orders, seats[a].Choose(sc, &v, a)...)
			}
			st, _ = sc.Advance(&st, orders)
			sumT, sumG := 0, 0
			for i := range st.Blame.Tension {
				sumT += st.Blame.Tension[i]
				sumG += st.Blame.Grievance[i]
				if st.Blame.Tension[i] < 0 || st.Blame.Grievance[i] < 0 {
					t.Fatalf("seed %d turn %d: a negative share %v %v", seed, st.Turn, st.Blame.Tension, st.Blame.Grievance)
				}
			}
			if sumT != st.Tension()*100 {
				t.Fatalf("seed %d turn %d: tension shares add up to %d, tension is %d", seed, st.Turn, sumT, st.Tension())
			}
			if want := max(0, st.Stat(cn, game.StatGrievance)-sc.Rules.CalmLevel) * 100; sumG != want {
				t.Fatalf("seed %d turn %d: grievance shares add up to %d, want %d", seed, st.Turn, sumG, want)
			}
		}
	}
}

// CrisisShare is CrisisBlame for one actor, and CrisisSharesInto for all
// of them, for any account: ties, an
// account nobody but the start filled, and shares around the culprit line.
func TestCrisisShareMatchesCrisisBlame(t *testing.T) {
	sc := scenario(t)
	rapid.Check(t, func(t *rapid.T) {
		st, _ := sc.NewGame(1)
		n := len(sc.Actors)
		st.Blame.Tension = rapid.SliceOfN(rapid.OneOf(rapid.IntRange(0, 3), rapid.IntRange(0, 400)), n+1, n+1).Draw(t, "tension")
		shares, _, culprits := sc.CrisisBlame(&st)
		all, allCulprit := sc.CrisisSharesInto(nil, nil, &st)
		for a := range n {
			share, culprit := sc.CrisisShare(&st, a)
			if share != shares[a] || culprit != slices.Contains(culprits, a) {
				t.Fatalf("actor %d: CrisisShare says %d%% (culprit %v), CrisisBlame %d%% (culprits %v)", a, share, culprit, shares[a], culprits)
			}
			if all[a] != share || allCulprit[a] != culprit {
				t.Fatalf("actor %d: CrisisSharesInto says %d%% (culprit %v), CrisisShare %d%% (culprit %v)", a, all[a], allCulprit[a], share, culprit)
			}
		}
	})
}
