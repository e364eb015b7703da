package game_test

import (
	"testing"

	"zerosum/game"
)

// The twelve causal links at the end of the source brief. Each test sets up
// a world, applies the cause, and checks the direction of the effects
// against the same world without the cause. Events are switched off (quiet)
// so that only the cause moves things.

// pair resolves one turn of two worlds that differ only by setup, with the
// same orders, and returns both reports.
func pair(t *testing.T, sc *game.Scenario, seed uint64, setup func(*game.State), orders []game.Order) (base, cause game.Report, baseSt, causeSt game.State) {
	t.Helper()
	st, _ := sc.NewGame(seed)
	alt := st.Clone()
	setup(&alt)
	b, rb := sc.Resolve(&st, orders)
	c, rc := sc.Resolve(&alt, orders)
	return rb, rc, b, c
}

func mustHave(t *testing.T, sc *game.Scenario, st *game.State, o game.Order) {
	t.Helper()
	a, _ := sc.ActorIndex(o.Actor)
	if err := sc.Validate(st, a, []game.Order{o})[0]; err != nil {
		t.Fatalf("setup: %s cannot %s: %v", o.Actor, o.Action, err)
	}
}

// Link 1: tighter controls slow China's compute, raise its self-reliance
// spending and grievance, cost the US chip designer its China market, and,
// if too aggressive, strain partners.
func TestLink1ControlsSlowChinaAndFeedSelfRelianceAndGrievance(t *testing.T) {
	sc := quiet(scenario(t))
	cn, nv := role(t, sc, game.RoleChinaGov), role(t, sc, game.RoleChipDesigner)
	base, tight, _, _ := pair(t, sc, 1, func(s *game.State) { s.Tracks[game.TrackControls] = 5 }, nil)
	if !(delta(tight, stat(cn, game.StatChips)) < delta(base, stat(cn, game.StatChips))) {
		t.Errorf("China's chip supply should fall faster under tight controls: %d vs %d",
			delta(tight, stat(cn, game.StatChips)), delta(base, stat(cn, game.StatChips)))
	}
	if !(delta(tight, stat(cn, game.StatSelfReliance)) > delta(base, stat(cn, game.StatSelfReliance))) {
		t.Error("self-reliance should grow faster under tight controls")
	}
	if !(delta(tight, stat(cn, game.StatCapital)) < delta(base, stat(cn, game.StatCapital))) {
		t.Error("self-reliance spending should drain more of Beijing's capital")
	}
	if !(delta(tight, stat(cn, game.StatGrievance)) > delta(base, stat(cn, game.StatGrievance))) {
		t.Error("grievance should grow faster under tight controls")
	}
	if !(delta(tight, stat(nv, game.StatMarket)) < delta(base, stat(nv, game.StatMarket))) {
		t.Error("the chip designer should lose market share under tight controls")
	}
	strained := 0
	for i := range sc.Swing {
		if delta(tight, align(i)) < delta(base, align(i)) {
			strained++
		}
	}
	if strained == 0 {
		t.Error("controls at the top should strain at least one partner")
	}

	// Over several turns, China's compute grows less (or falls more).
	st, _ := sc.NewGame(1)
	alt := st.Clone()
	alt.Tracks[game.TrackControls] = 5
	for range 4 {
		st, _ = sc.Resolve(&st, nil)
		alt, _ = sc.Resolve(&alt, nil)
	}
	if !(alt.Stat(cn, game.StatCompute) < st.Stat(cn, game.StatCompute)) {
		t.Errorf("after 4 turns China's compute should be lower under tight controls: %d vs %d",
			alt.Stat(cn, game.StatCompute), st.Stat(cn, game.StatCompute))
	}

	// The action itself does the same, with its owner paying for it.
	st, _ = sc.NewGame(1)
	o := game.Order{Actor: "washington", Action: "tighten_controls"}
	mustHave(t, sc, &st, o)
	_, none := sc.Resolve(&st, nil)
	_, rep := sc.Resolve(&st, []game.Order{o})
	if !(delta(rep, track(game.TrackControls)) == 1 && delta(rep, stat(cn, game.StatGrievance)) > delta(none, stat(cn, game.StatGrievance))) {
		t.Error("tighten_controls should raise the control level and Beijing's grievance")
	}
}

// Link 2: chip quotas on partners push middle powers to hedge.
func TestLink2QuotasPushPartnersToHedge(t *testing.T) {
	sc := quiet(scenario(t))
	base, quota, _, _ := pair(t, sc, 2, func(s *game.State) { s.Tracks[game.TrackQuotas] = 2 },
		nil)
	hedged := 0
	for i, s := range sc.Swing {
		if s.Tier != 2 {
			if delta(quota, align(i)) != delta(base, align(i)) {
				t.Errorf("%s is tier 1 and should not feel quotas", s.ID)
			}
			continue
		}
		if delta(quota, align(i)) < delta(base, align(i)) {
			hedged++
		}
	}
	if hedged == 0 {
		t.Fatal("no tier-2 state drifted away from the US bloc under quotas")
	}
	// And the reverse: setting quotas to zero stops the drift.
	base0, noQuota, _, _ := pair(t, sc, 2, func(s *game.State) { s.Tracks[game.TrackQuotas] = 0 }, nil)
	for i, s := range sc.Swing {
		if s.Tier == 2 && delta(noQuota, align(i)) < delta(base0, align(i)) {
			t.Errorf("%s drifts more without quotas than with", s.ID)
		}
	}
}

// Link 3: Washington acts on the perceived gap, not the real one, and may
// misread it: low yields at the champion inflate its estimate.
func TestLink3PerceivedGapDrivesHarshMeasures(t *testing.T) {
	sc := quiet(scenario(t))
	us := role(t, sc, game.RoleUSGov)
	st, _ := sc.NewGame(3)
	st.Tracks[game.TrackControls] = 4
	st.Actors[us].Stats[game.StatCapital] = 200
	block := game.Order{Actor: "washington", Action: "huawei_blockade"}
	st.Tracks[game.TrackPerceivedGap] = 30
	if err := sc.Validate(&st, us, []game.Order{block})[0]; err == nil {
		t.Error("the blockade should be off the table while Washington believes it leads by 30")
	}
	real := sc.Gap(&st)
	st.Tracks[game.TrackPerceivedGap] = 15
	if sc.Gap(&st) != real {
		t.Fatal("the perceived gap must not change the real one")
	}
	if err := sc.Validate(&st, us, []game.Order{block})[0]; err != nil {
		t.Errorf("with the same real gap, a perceived gap of 15 should unlock the blockade: %v", err)
	}

	// Overconfidence: with a low champion yield the estimate drifts above the
	// real gap; with a high yield it does not.
	hw := role(t, sc, game.RoleChinaChampion)
	low, _ := sc.NewGame(3)
	low.Actors[hw].Stats[game.StatYield] = 10
	low.Tracks[game.TrackPerceivedGap] = sc.Gap(&low)
	high := low.Clone()
	high.Actors[hw].Stats[game.StatYield] = 80
	for range 3 {
		low, _ = sc.Resolve(&low, nil)
		high, _ = sc.Resolve(&high, nil)
	}
	if !(low.Tracks[game.TrackPerceivedGap]-sc.Gap(&low) > high.Tracks[game.TrackPerceivedGap]-sc.Gap(&high)) {
		t.Errorf("low yields should make Washington overrate its lead more: error %d vs %d",
			low.Tracks[game.TrackPerceivedGap]-sc.Gap(&low), high.Tracks[game.TrackPerceivedGap]-sc.Gap(&high))
	}
}

// Link 4: harsher measures on the champion raise Beijing's sense of threat,
// which raises Strait tension.
func TestLink4BlockadeRaisesStraitTension(t *testing.T) {
	sc := quiet(scenario(t))
	us, cn := role(t, sc, game.RoleUSGov), role(t, sc, game.RoleChinaGov)
	st, _ := sc.NewGame(4)
	st.Tracks[game.TrackControls] = 4
	st.Tracks[game.TrackPerceivedGap] = 10
	st.Actors[us].Stats[game.StatCapital] = 200
	block := game.Order{Actor: "washington", Action: "huawei_blockade"}
	mustHave(t, sc, &st, block)
	calm, rc := sc.Resolve(&st, nil)
	hot, rh := sc.Resolve(&st, []game.Order{block})
	if !(delta(rh, stat(cn, game.StatGrievance)) > delta(rc, stat(cn, game.StatGrievance))) {
		t.Error("a blockade should raise Beijing's grievance")
	}
	if !(hot.Tension() > calm.Tension()) {
		t.Errorf("a blockade should raise Strait tension: %d vs %d", hot.Tension(), calm.Tension())
	}
	// And grievance itself turns into grey-zone pressure.
	st2, _ := sc.NewGame(4)
	st2.Actors[cn].Stats[game.StatGrievance] = sc.Rules.GreyZoneLevel + sc.Rules.GreyZoneDiv
	_, rg := sc.Resolve(&st2, nil)
	st3, _ := sc.NewGame(4)
	st3.Actors[cn].Stats[game.StatGrievance] = sc.Rules.CalmLevel + 1
	_, rn := sc.Resolve(&st3, nil)
	if !(delta(rg, track(game.TrackTension)) > delta(rn, track(game.TrackTension))) {
		t.Error("high grievance should add Strait tension each turn")
	}
}

// Link 9: energy is a real constraint on compute.
func TestLink9EnergyCapsCompute(t *testing.T) {
	sc := quiet(scenario(t))
	for a := range sc.Actors {
		if !sc.Actors[a].Has[game.StatEnergy] || !sc.Actors[a].Has[game.StatCompute] {
			continue
		}
		base, short, _, _ := pair(t, sc, 9, func(s *game.State) {
			s.Actors[a].Stats[game.StatEnergy] = 10
		}, nil)
		if !(delta(short, stat(a, game.StatCompute)) < delta(base, stat(a, game.StatCompute))) {
			t.Errorf("%s: compute should grow less (or shrink) with little energy: %d vs %d", sc.Actors[a].ID,
				delta(short, stat(a, game.StatCompute)), delta(base, stat(a, game.StatCompute)))
		}
		_, more, _, _ := pair(t, sc, 9, func(s *game.State) {
			s.Actors[a].Stats[game.StatEnergy] = 100
			if sc.Actors[a].Has[game.StatChips] {
				s.Actors[a].Stats[game.StatChips] = 100
			}
		}, nil)
		if !(delta(more, stat(a, game.StatCompute)) > delta(base, stat(a, game.StatCompute))) {
			t.Errorf("%s: compute should grow faster with ample energy and chips", sc.Actors[a].ID)
		}
	}
}

// Link 10: chip yield matters as much as design: output is their product.
func TestLink10YieldMattersAsMuchAsDesign(t *testing.T) {
	sc := quiet(scenario(t))
	hw, cn := role(t, sc, game.RoleChinaChampion), role(t, sc, game.RoleChinaGov)
	set := func(design, yield int) func(*game.State) {
		return func(s *game.State) {
			s.Actors[hw].Stats[game.StatDesign] = design
			s.Actors[hw].Stats[game.StatYield] = yield
		}
	}
	_, a, _, _ := pair(t, sc, 10, set(40, 80), nil)
	_, b, _, _ := pair(t, sc, 10, set(80, 40), nil)
	if delta(a, stat(hw, game.StatChips)) != delta(b, stat(hw, game.StatChips)) {
		t.Errorf("swapping design and yield should not change output: %d vs %d",
			delta(a, stat(hw, game.StatChips)), delta(b, stat(hw, game.StatChips)))
	}
	_, low, _, lowSt := pair(t, sc, 10, set(60, 20), nil)
	_, high, _, highSt := pair(t, sc, 10, set(60, 60), nil)
	if !(delta(high, stat(hw, game.StatChips)) > delta(low, stat(hw, game.StatChips))) {
		t.Error("a better yield with the same design should raise the champion's output")
	}
	// The champion's output feeds China's chip supply a turn later.
	lowSt, _ = sc.Resolve(&lowSt, nil)
	highSt, _ = sc.Resolve(&highSt, nil)
	if !(highSt.Stat(cn, game.StatChips) > lowSt.Stat(cn, game.StatChips)) {
		t.Error("higher champion output should feed China's chip supply")
	}
}

// Link 11: a Strait crisis is catastrophic for everyone, nobody wins it,
// and the actor who drove it there scores 0.
func TestLink11StraitCrisisIsMutualLoss(t *testing.T) {
	sc := quiet(scenario(t))
	us := role(t, sc, game.RoleUSGov)
	st, _ := sc.NewGame(11)
	st.Tracks[game.TrackTension] = 9
	st.Actors[us].Stats[game.StatCapital] = 200
	push := game.Order{Actor: "washington", Action: "arm_taiwan"}
	mustHave(t, sc, &st, push)
	before := make([]int, len(sc.Actors))
	for a := range sc.Actors {
		before[a] = sc.Score(&st, a).Raw
	}
	after, rep := sc.Resolve(&st, []game.Order{push})
	if !after.Over || !rep.Crisis || after.Crisis.Turn == 0 {
		t.Fatal("tension at the top should end the game in a crisis")
	}
	if i := sc.OutcomeIndex(&after); i < 0 || !sc.Outcomes[i].Crisis {
		t.Fatalf("the outcome should be the crisis, got %q", after.Outcome)
	}
	if len(after.Crisis.Culprits) != 1 || after.Crisis.Culprits[0] != us {
		t.Fatalf("Washington pushed the Strait over; culprits = %v", after.Crisis.Culprits)
	}
	for a := range sc.Actors {
		card := sc.Score(&after, a)
		if a == us {
			if card.Total != 0 || !card.Culprit {
				t.Errorf("the culprit should score 0, got %d", card.Total)
			}
			continue
		}
		if card.Total > card.Raw*sc.CrisisScorePct/100 || card.Total >= max(before[a], 1) {
			t.Errorf("%s: score should collapse in a crisis (raw %d, total %d, before %d)", sc.Actors[a].ID, card.Raw, card.Total, before[a])
		}
	}
	if ws := sc.Winners(&after); len(ws) != 0 {
		t.Errorf("nobody wins a crisis: winners %v", ws)
	}
	// Before the top: capital flees Taiwan from tension 6.
	fab := role(t, sc, game.RoleFoundry)
	base, hot, _, _ := pair(t, sc, 11, func(s *game.State) { s.Tracks[game.TrackTension] = 8 }, nil)
	if !(delta(hot, stat(fab, game.StatCapital)) < delta(base, stat(fab, game.StatCapital))) {
		t.Error("high tension should drive capital out of Taiwan")
	}
}

// Link 12: optimism keeps the revolution moving; the storm (tension,
// fragmentation) may hide AI's potential.
func TestLink12OptimismMovesTheFrontierAndTheStormClouds(t *testing.T) {
	sc := quiet(scenario(t))
	us := role(t, sc, game.RoleUSGov)
	base, bright, _, _ := pair(t, sc, 12, func(s *game.State) { s.Tracks[game.TrackMomentum] = 100 }, nil)
	if !(delta(bright, stat(us, game.StatFrontier)) > delta(base, stat(us, game.StatFrontier))) {
		t.Error("more momentum should move the frontier faster")
	}
	calm, storm, _, _ := pair(t, sc, 12, func(s *game.State) {
		s.Tracks[game.TrackTension] = 8
		s.Tracks[game.TrackFragmentation] = 90
	}, nil)
	if !(delta(storm, track(game.TrackMomentum)) < delta(calm, track(game.TrackMomentum))) {
		t.Error("tension and fragmentation should wear momentum down")
	}
	if delta(calm, track(game.TrackMomentum)) < 0 {
		t.Error("in calm waters optimism should not fall on its own")
	}
}

// Link 8: precautionary regulation raises trust and standard-setting power
// but slows innovation.
func TestLink8PrecautionTradesSpeedForTrust(t *testing.T) {
	sc := quiet(scenario(t))
	eu, lab := role(t, sc, game.RoleRegulator), role(t, sc, game.RoleOpenLab)
	_, strict, _, _ := pair(t, sc, 8, func(s *game.State) { s.Tracks[game.TrackRegulation] = 90 }, nil)
	_, loose, _, _ := pair(t, sc, 8, func(s *game.State) { s.Tracks[game.TrackRegulation] = 10 }, nil)
	if !(delta(strict, stat(eu, game.StatTrust)) > delta(loose, stat(eu, game.StatTrust))) {
		t.Error("precaution should build trust")
	}
	if !(delta(strict, stat(eu, game.StatInfluence)) > delta(loose, stat(eu, game.StatInfluence))) {
		t.Error("precaution should build standard-setting influence")
	}
	// Over a whole game (progress comes in fractions of a point): precaution
	// slows the regulated, and never turns their progress back.
	run := func(regulation int) game.State {
		st, _ := sc.NewGame(8)
		start := st.Clone()
		for !st.Over {
			st.Tracks[game.TrackRegulation] = regulation
			st, _ = sc.Resolve(&st, nil)
		}
		for _, a := range []int{eu, lab} {
			if st.Stat(a, game.StatFrontier) < start.Stat(a, game.StatFrontier) {
				t.Errorf("regulation %d took %s's frontier back from %d to %d", regulation, sc.Actors[a].ID,
					start.Stat(a, game.StatFrontier), st.Stat(a, game.StatFrontier))
			}
		}
		return st
	}
	hard, light := run(100), run(0)
	if !(hard.Stat(eu, game.StatFrontier) < light.Stat(eu, game.StatFrontier)) {
		t.Error("precaution should slow the regulator's own frontier")
	}
	if !(hard.Stat(lab, game.StatFrontier) < light.Stat(lab, game.StatFrontier)) {
		t.Error("precaution should slow the open lab")
	}
}

// Link 7: sovereign AI needs US chips, clouds and models, so Washington can
// attach conditions; quotas slow sovereign build-out and cap imports.
func TestLink7SovereignAINeedsUSChips(t *testing.T) {
	sc := quiet(scenario(t))
	st, _ := sc.NewGame(7)
	target := -1
	for i, s := range sc.Swing {
		if s.Tier == 2 {
			target = i
			break
		}
	}
	deal := game.Order{Actor: "washington", Action: "conditional_chip_deal", Target: sc.Swing[target].ID}
	mustHave(t, sc, &st, deal)
	_, none := sc.Resolve(&st, nil)
	_, rep := sc.Resolve(&st, []game.Order{deal})
	if !(delta(rep, align(target)) > delta(none, align(target))) {
		t.Error("a conditional chip deal should pull the state toward the US bloc")
	}
	sov := game.Ref{Kind: game.RefSwing, Swing: target, Field: game.FieldSovereign}
	if !(delta(rep, sov) > delta(none, sov)) {
		t.Error("a conditional chip deal should speed the state's sovereign AI")
	}
	_, free, _, _ := pair(t, sc, 7, func(s *game.State) { s.Tracks[game.TrackQuotas] = 0 }, nil)
	_, capped, _, _ := pair(t, sc, 7, func(s *game.State) { s.Tracks[game.TrackQuotas] = 2 }, nil)
	if !(delta(capped, sov) < delta(free, sov)) {
		t.Error("strict quotas should slow a tier-2 state's sovereign AI")
	}
	mp := role(t, sc, game.RoleMiddlePower)
	_, capRep, _, _ := pair(t, sc, 7, func(s *game.State) {
		s.Tracks[game.TrackQuotas] = 2
		s.Actors[mp].Stats[game.StatChips] = 90
	}, nil)
	if delta(capRep, stat(mp, game.StatChips)) >= 0 {
		t.Error("strict quotas should cap the middle power's chip imports")
	}
}

// Link 6 (the standing part): open models help laggards catch up, which
// erodes the leader's edge.
func TestLink6DiffusionHelpsLaggards(t *testing.T) {
	sc := quiet(scenario(t))
	cn := role(t, sc, game.RoleChinaGov)
	_, open, _, openSt := pair(t, sc, 6, func(s *game.State) { s.Tracks[game.TrackDiffusion] = 90 }, nil)
	_, closed, _, closedSt := pair(t, sc, 6, func(s *game.State) { s.Tracks[game.TrackDiffusion] = 0 }, nil)
	if !(delta(open, stat(cn, game.StatFrontier)) > delta(closed, stat(cn, game.StatFrontier))) {
		t.Error("open models should speed China's catch-up")
	}
	if !(sc.Gap(&openSt) < sc.Gap(&closedSt)) {
		t.Error("diffusion should erode the US lead")
	}
	i := 0
	sov := game.Ref{Kind: game.RefSwing, Swing: i, Field: game.FieldSovereign}
	if !(delta(open, sov) > delta(closed, sov)) {
		t.Error("open models should speed sovereign AI in swing states")
	}
}

// Link 5: state-directed compute pooling raises China's capability but
// raises its sanction exposure, which makes controls bite harder.
func TestLink5PoolingRaisesCapabilityAndExposure(t *testing.T) {
	sc := quiet(scenario(t))
	cn := role(t, sc, game.RoleChinaGov)
	st, _ := sc.NewGame(5)
	pool := game.Order{Actor: "beijing", Action: "compute_pooling"}
	mustHave(t, sc, &st, pool)
	base, none := sc.Resolve(&st, nil)
	pooled, rep := sc.Resolve(&st, []game.Order{pool})
	if !(delta(rep, stat(cn, game.StatCompute)) > delta(none, stat(cn, game.StatCompute))) {
		t.Error("pooling should raise China's compute")
	}
	if !(delta(rep, stat(cn, game.StatExposure)) > delta(none, stat(cn, game.StatExposure))) {
		t.Error("pooling should raise China's sanction exposure")
	}
	// Capability follows (the frontier effect arrives a turn later).
	base, _ = sc.Resolve(&base, nil)
	pooled, _ = sc.Resolve(&pooled, nil)
	if !(pooled.Stat(cn, game.StatFrontier) > base.Stat(cn, game.StatFrontier)) {
		t.Error("pooling should raise China's frontier capability")
	}
	// And exposure makes each level of controls cut deeper into China's chips.
	_, low, _, _ := pair(t, sc, 5, func(s *game.State) { s.Actors[cn].Stats[game.StatExposure] = 0 }, nil)
	_, high, _, _ := pair(t, sc, 5, func(s *game.State) { s.Actors[cn].Stats[game.StatExposure] = 90 }, nil)
	if !(delta(high, stat(cn, game.StatChips)) < delta(low, stat(cn, game.StatChips))) {
		t.Error("sanction exposure should make controls bite harder")
	}
}

// Link 6 (the actions): releasing open weights spreads capability to
// laggards, China included, erodes the closed labs' edge and alarms the
// hawks (Washington's estimate of its lead drops).
func TestLink6OpenWeightsHelpLaggardsAndAlarmHawks(t *testing.T) {
	sc := quiet(scenario(t))
	cn := role(t, sc, game.RoleChinaGov)
	st, _ := sc.NewGame(6)
	release := game.Order{Actor: "meta", Action: "release_open_weights"}
	mustHave(t, sc, &st, release)
	_, none := sc.Resolve(&st, nil)
	after, rep := sc.Resolve(&st, []game.Order{release})
	if !(delta(rep, track(game.TrackDiffusion)) > delta(none, track(game.TrackDiffusion))) {
		t.Error("open weights should raise diffusion")
	}
	if !(delta(rep, stat(cn, game.StatFrontier)) > delta(none, stat(cn, game.StatFrontier))) {
		t.Error("open weights should help China's frontier")
	}
	if !(delta(rep, track(game.TrackPerceivedGap)) < delta(none, track(game.TrackPerceivedGap))) {
		t.Error("open weights should alarm Washington: its perceived lead shrinks")
	}
	noneSt, _ := sc.Resolve(&st, nil)
	if !(sc.Gap(&after) < sc.Gap(&noneSt)) {
		t.Error("open weights should erode the US lead")
	}
}
