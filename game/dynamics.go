package game

import "fmt"

// Dynamic names one standing causal link; it is the Source of a
// CauseDynamic. Display names and teaching notes live in content.
type Dynamic uint8

// The standing causal links, applied every turn after the orders.
const (
	DynIncome          Dynamic = iota // capital earned each turn
	DynComputeBuild                   // compute grows toward what chips and energy allow (link 9)
	DynControlsDrag                   // export controls cut China's chip supply (link 1)
	DynSelfReliance                   // controls push China to spend on self-reliance (link 1)
	DynStateSupport                   // self-reliance money improves the champion's designs (link 1)
	DynChampionOutput                 // the champion's output is design times yield (link 10)
	DynExposureFades                  // sanction exposure fades with time (link 5)
	DynGrievance                      // controls and shut-out markets feed China's grievance (link 4)
	DynGreyZone                       // high grievance becomes grey-zone pressure in the Strait (link 4)
	DynCalm                           // low grievance lets the Strait calm (brake)
	DynPerception                     // Washington's estimate of the gap chases the real one, with a bias (link 3)
	DynFrontier                       // compute, talent and optimism move the frontier (link 12)
	DynCatchUp                        // open models let laggards catch up (link 6)
	DynRegulationDrag                 // precautionary rules slow innovation (link 8)
	DynRegulationTrust                // precautionary rules build trust and standard-setting power (link 8)
	DynMomentum                       // tension and fragmentation cloud optimism (links 11, 12)
	DynModelsAge                      // open-model diffusion fades without new releases
	DynFragmentation                  // controls, quotas and blocs split the world
	DynQuotaHedging                   // chip quotas push capped partners to hedge (link 2)
	DynQuotaCap                       // quotas cap a middle power's chip imports (links 2, 7)
	DynOverreach                      // harsh controls strain partners (link 1)
	DynInertia                        // sentiment returns slowly toward its starting point
	DynSovereignBuild                 // sovereign AI grows, faster with open models (links 6, 7)
	DynMarkets                        // market shares move toward what the rules allow (link 1)
	DynCapitalFlight                  // high tension drives capital out of Taiwan (link 11)
	DynSetbacks                       // falling behind and a faltering economy feed China's grievance (link 4)
	DynHawkPressure                   // a narrowing perceived gap presses Washington to act tough (link 3)
	DynProcessGains                   // self-reliance money improves the champion's yield (links 1, 10)
	DynHomeMarket                     // controls shut foreign chips out and hand the champion its home market (link 1)
	DynChipTrade                      // China's chip supply settles toward what it can buy abroad
	DynGrievanceFades                 // grievance fades slowly when nothing feeds it
	DynPolarize                       // a fragmented world pushes leaning states into its blocs
	NumDynamics
)

var dynamicIDs = [NumDynamics]string{
	"income", "compute_build", "controls_drag", "self_reliance", "state_support",
	"champion_output", "exposure_fades", "grievance", "grey_zone", "calm", "perception",
	"frontier", "catch_up", "regulation_drag", "regulation_trust", "momentum",
	"models_age", "fragmentation", "quota_hedging", "quota_cap", "overreach", "inertia",
	"sovereign_build", "markets", "capital_flight", "setbacks", "hawk_pressure",
	"process_gains", "home_market", "chip_trade", "grievance_fades", "polarize",
}

// String returns the dynamic's content id.
func (d Dynamic) String() string {
	if d < NumDynamics {
		return dynamicIDs[d]
	}
	return fmt.Sprintf("dynamic(%d)", uint8(d))
}

// DynamicIDs lists the content ids of every dynamic, in order.
func DynamicIDs() []string { return dynamicIDs[:] }

// GreyZonePressure is the Strait tension, in hundredths, that China's
// grievance adds in a turn as grey-zone pressure: nothing up to the
// grey-zone level, then a point for every grey_zone_div points above it.
func (sc *Scenario) GreyZonePressure(st *State) int {
	g, ok := sc.grievance(st)
	if !ok {
		return 0
	}
	return sc.GreyZonePressureAt(g)
}

// GreyZonePressureAt is GreyZonePressure for a grievance of g.
func (sc *Scenario) GreyZonePressureAt(g int) int {
	if g <= sc.Rules.GreyZoneLevel {
		return 0
	}
	return (g - sc.Rules.GreyZoneLevel) * 100 / sc.Rules.GreyZoneDiv
}

// toward is the step that closes 1/div of the distance from cur to target,
// and at least one point while they differ.
func toward(cur, target, div int) int {
	d := (target - cur) / div
	if d == 0 && target != cur {
		if target > cur {
			return 1
		}
		return -1
	}
	return d
}

// dynamics adds every standing causal link's contribution for this turn.
// All of them read the world as the orders left it and are applied
// together.
func (r *resolver) dynamics() {
	sc, st, R := r.sc, r.st, &r.sc.Rules
	turn := st.Turn
	cause := func(dyn Dynamic) Cause {
		return Cause{Kind: CauseDynamic, Source: int(dyn), Actor: -1, Turn: turn, Target: -1}
	}
	// add and addF change an actor's stat by whole points or by hundredths;
	// the Track and Swing variants do the same for tracks and swing states.
	// Each names a single number, so they go to the ledger by its slot (as
	// add and addFrac would find it; a stat the actor lacks is ignored).
	add := func(actor int, s Stat, d int, dyn Dynamic) {
		if actor >= 0 && sc.Actors[actor].Has[s] {
			r.l.addAt(statSlot(actor, s), d, cause(dyn))
		}
	}
	addF := func(actor int, s Stat, d int, dyn Dynamic) {
		if actor >= 0 && sc.Actors[actor].Has[s] {
			r.l.addFracAt(statSlot(actor, s), d, cause(dyn))
		}
	}
	addTrack := func(t Track, d int, dyn Dynamic) { r.l.addAt(r.l.trackSlot(t), d, cause(dyn)) }
	addTrackF := func(t Track, d int, dyn Dynamic) { r.l.addFracAt(r.l.trackSlot(t), d, cause(dyn)) }
	addSwing := func(i int, f SwingField, d int, dyn Dynamic) {
		r.l.addAt(r.l.swingSlot(i, f), d, cause(dyn))
	}
	addSwingF := func(i int, f SwingField, d int, dyn Dynamic) {
		r.l.addFracAt(r.l.swingSlot(i, f), d, cause(dyn))
	}
	has := func(a int, s Stat) bool { return a >= 0 && sc.Actors[a].Has[s] }
	get := func(a int, s Stat, dflt int) int {
		if !has(a, s) {
			return dflt
		}
		return st.Actors[a].Stats[s]
	}

	cn := sc.roles[RoleChinaGov]
	eu := sc.roles[RoleRegulator]
	mp := sc.roles[RoleMiddlePower]
	lab := sc.roles[RoleOpenLab]
	nv := sc.roles[RoleChipDesigner]
	hw := sc.roles[RoleChinaChampion]
	fab := sc.roles[RoleFoundry]

	controls := st.Tracks[TrackControls]
	quotas := st.Tracks[TrackQuotas]
	tension := st.Tracks[TrackTension]
	diffusion := st.Tracks[TrackDiffusion]
	regulation := st.Tracks[TrackRegulation]
	blocs, chinaBloc := 0, 0
	for i := range st.Swing {
		switch AlignBloc(st.Swing[i].Align) {
		case BlocUS:
			blocs++
		case BlocChina:
			blocs++
			chinaBloc++
		}
	}

	// Income: every actor earns its income; firms also earn from market share.
	for a := range sc.Actors {
		inc := sc.Actors[a].Income * 100
		if has(a, StatMarket) {
			inc += st.Actors[a].Stats[StatMarket] * 100 / R.IncomeMarketDiv
		}
		addF(a, StatCapital, inc, DynIncome)
	}

	// Link 1: controls push China to spend on self-reliance.
	if cn >= 0 {
		addF(cn, StatSelfReliance, controls*100/R.SelfRelianceDiv, DynSelfReliance)
		add(cn, StatCapital, -controls*R.SelfRelianceSpend, DynSelfReliance)
		// With a lag, the money improves the champion's designs (through
		// the self-reliance it builds up) and its fabs' yield (the harder
		// the controls, the more goes into the fabs).
		addF(hw, StatDesign, get(cn, StatSelfReliance, 0)*100/R.ChampionDesignDiv, DynStateSupport)
		addF(hw, StatYield, controls*R.ChampionYieldPerControl, DynProcessGains)
	}

	// Link 10: the champion's output is design times yield.
	if hw >= 0 {
		out := get(hw, StatDesign, 0) * get(hw, StatYield, 0) / 100
		add(hw, StatChips, toward(get(hw, StatChips, 0), out, 3), DynChampionOutput)
	}
	// Links 1 and 10: China's chip supply is a flow. It settles toward what
	// China can buy abroad, less what controls cut (more when its firms are
	// exposed to sanctions), plus what its champion supplies at home; a
	// stockpile or a grey market lifts it only for a while.
	if has(cn, StatChips) {
		cur := st.Actors[cn].Stats[StatChips]
		home := R.ChampionSupplyNoRole
		if hw >= 0 {
			home = get(hw, StatChips, 0) * R.ChampionSupplyPct / 100
		}
		cut := controls * R.ControlsChipDrag * (100 + get(cn, StatExposure, 0)) / 100
		trade := toward(cur, R.ChinaChipImports, R.MarketMoveDiv)
		withHome := toward(cur, R.ChinaChipImports+home, R.MarketMoveDiv)
		all := toward(cur, R.ChinaChipImports+home-cut, R.MarketMoveDiv)
		add(cn, StatChips, trade, DynChipTrade)
		add(cn, StatChips, withHome-trade, DynChampionOutput)
		add(cn, StatChips, all-withHome, DynControlsDrag)
	}
	for _, a := range []int{cn, hw} {
		if has(a, StatExposure) {
			add(a, StatExposure, -min(R.ExposureDecay, st.Actors[a].Stats[StatExposure]), DynExposureFades)
		}
	}

	// Link 9: compute grows toward the ceiling set by energy and chips.
	// Power is a hard cap; chips are a softer one, since cheap and plentiful
	// power runs more, older and less efficient chips (part of the power
	// beyond the chips still adds compute).
	for a := range sc.Actors {
		if !has(a, StatCompute) || !has(a, StatEnergy) {
			continue
		}
		energy := st.Actors[a].Stats[StatEnergy]
		ceiling := energy
		if has(a, StatChips) {
			chips := st.Actors[a].Stats[StatChips]
			ceiling = min(energy, chips+max(0, energy-chips)*R.PowerStretchPct/100)
		}
		c := st.Actors[a].Stats[StatCompute]
		switch {
		case c < ceiling:
			addF(a, StatCompute, max(100, (ceiling-c)*R.ComputeGrowthPct), DynComputeBuild)
		case c > ceiling:
			add(a, StatCompute, -((c - ceiling + R.ComputeDecayDiv - 1) / R.ComputeDecayDiv), DynComputeBuild)
		}
	}

	// Links 2 and 7: quotas cap the middle power's chip imports.
	if has(mp, StatChips) && quotas > 0 {
		cap := R.QuotaChipCap1
		if quotas >= 2 {
			cap = R.QuotaChipCap2
		}
		if c := st.Actors[mp].Stats[StatChips]; c > cap {
			add(mp, StatChips, -max(1, (c-cap)/2), DynQuotaCap)
		}
	}

	// Links 12, 6, 8: the frontier moves with compute, talent and optimism;
	// open models pull laggards up; precaution slows the regulated.
	leader := 0
	for a := range sc.Actors {
		if has(a, StatFrontier) {
			leader = max(leader, st.Actors[a].Stats[StatFrontier])
		}
	}
	for a := range sc.Actors {
		if !has(a, StatFrontier) {
			continue
		}
		f := st.Actors[a].Stats[StatFrontier]
		base := get(a, StatCompute, 50) + (get(a, StatTalent, 50)-50)/2 - R.FrontierFloor
		progress := max(0, base) * st.Tracks[TrackMomentum] * 100 / R.FrontierDiv
		addF(a, StatFrontier, progress, DynFrontier)
		addF(a, StatFrontier, (leader-f)*diffusion*100/R.CatchUpDiv, DynCatchUp)
		if a == eu || a == lab {
			// Precaution slows progress; it never turns it back.
			addF(a, StatFrontier, -progress*regulation*R.RegulationDragPct/10000, DynRegulationDrag)
		}
	}
	// Link 8: precaution buys trust and standard-setting power.
	addF(eu, StatTrust, (regulation-R.RegPivot)*100/R.RegTrustDiv, DynRegulationTrust)
	addF(eu, StatInfluence, (regulation-40)*100/R.RegInfluenceDiv, DynRegulationTrust)

	// Link 3: Washington's estimate chases the real gap, but a low yield at
	// the champion reads as "controls work" and inflates the estimate.
	bias := 0
	if hw >= 0 {
		bias = max(0, (R.OverconfidenceTop-get(hw, StatYield, 0))/R.OverconfidenceDiv)
	}
	target := sc.gap(st) + bias
	perceived := st.Tracks[TrackPerceivedGap]
	if target != perceived {
		d := (target - perceived) * R.PerceiveRatePct / 100
		if d == 0 {
			d = toward(perceived, target, 1<<30)
		}
		addTrack(TrackPerceivedGap, d, DynPerception)
	}
	// The other half of link 3: when Washington believes the gap is
	// narrowing, Congress and the press demand tougher measures. Each turn
	// the perceived gap sits below the pressure line, its stability pays,
	// unless tough measures win it back (their rally effects, in content).
	if us := sc.roles[RoleUSGov]; us >= 0 && perceived < R.PressureGap {
		addF(us, StatStability, -(R.PressureGap-perceived)*100/R.PressureDiv, DynHawkPressure)
	}

	// Link 4: controls, shut-out markets and a faltering economy feed
	// grievance; high grievance becomes grey-zone pressure; low lets it calm.
	if has(cn, StatGrievance) {
		// Pressure from outside (controls, a champion shut out of its
		// markets) is laid at the door of the actor setting controls;
		// setbacks (falling behind, a faltering economy) at no one's.
		g := (controls - R.GrievanceBaseLevel) * R.GrievancePerLevel
		if has(hw, StatMarket) && st.Actors[hw].Stats[StatMarket] < 15 {
			g += R.GrievanceShutOut
		}
		pressure := cause(DynGrievance)
		pressure.Actor = sc.roles[RoleUSGov]
		r.l.addFrac(Ref{Kind: RefStat, Actor: cn, Stat: StatGrievance}, g*100, pressure)
		setback := 0
		if has(cn, StatStability) && st.Actors[cn].Stats[StatStability] < 40 {
			setback += R.GrievanceFalter * 100
		}
		if gap := sc.gap(st); gap > R.GrievanceGapBase {
			setback += (gap - R.GrievanceGapBase) * 100 / R.GrievanceGapDiv
		}
		addF(cn, StatGrievance, setback, DynSetbacks)
		// Grievance fades on its own, slowly, when nothing feeds it.
		grievance := st.Actors[cn].Stats[StatGrievance]
		if grievance > R.GrievanceRest {
			addF(cn, StatGrievance, -(grievance-R.GrievanceRest)*100/R.GrievanceFadeDiv, DynGrievanceFades)
		}
		// Above the grey-zone level grievance becomes pressure on the
		// Strait, more the higher it runs; low grievance lets it calm.
		if p := sc.GreyZonePressure(st); p > 0 {
			addTrackF(TrackTension, p, DynGreyZone)
		} else if grievance <= R.CalmLevel && tension > R.TensionFloor {
			addTrack(TrackTension, -1, DynCalm)
		}
	}

	// Links 11 and 12: optimism keeps the revolution moving; the storm of
	// tension and fragmentation clouds it. Open models age.
	addTrackF(TrackMomentum, R.MomentumDrift*100-tension*100/R.MomentumTensionDiv-st.Tracks[TrackFragmentation]*100/R.MomentumFragDiv, DynMomentum)
	addTrack(TrackDiffusion, -min(R.DiffusionDecay, diffusion), DynModelsAge)
	fragTarget := controls*R.FragPerControl + quotas*R.FragPerQuota + blocs*R.FragPerBloc
	addTrack(TrackFragmentation, toward(st.Tracks[TrackFragmentation], fragTarget, 4), DynFragmentation)

	// Links 2, 1, 7, 6: swing states.
	for i := range st.Swing {
		s := &st.Swing[i]
		def := &sc.Swing[i]
		if def.Tier == 2 && quotas > 0 && s.Align > -BlocLimit {
			addSwing(i, FieldAlign, -quotas*R.QuotaHedge, DynQuotaHedging)
		}
		if controls >= R.OverreachLevel && s.Align > 0 {
			addSwing(i, FieldAlign, -min(s.Align, controls-R.OverreachLevel+1), DynOverreach)
		}
		addSwingF(i, FieldAlign, (def.Align-s.Align)*100/R.InertiaDiv, DynInertia)
		// In a world split into blocs, a state that leans one way is
		// pushed further that way: middle powers have to choose.
		if frag := st.Tracks[TrackFragmentation]; frag > R.PolarizeFrom && (s.Align >= R.PolarizeLean || s.Align <= -R.PolarizeLean) {
			pull := (frag - R.PolarizeFrom) * 100 / R.PolarizeDiv
			if s.Align < 0 {
				pull = -pull
			}
			addSwingF(i, FieldAlign, pull, DynPolarize)
		}
		sov := R.SovereignBase*100 + diffusion*100/R.SovereignDiffDiv
		if def.Tier == 2 {
			sov -= quotas * 100
		}
		addSwingF(i, FieldSovereign, max(0, sov), DynSovereignBuild)
	}
	if has(mp, StatSovereign) {
		sov := R.SovereignBase*100 + diffusion*100/R.SovereignDiffDiv + get(mp, StatCompute, 0)*100/R.SovereignComputeDiv - quotas*100
		addF(mp, StatSovereign, max(0, sov), DynSovereignBuild)
	}

	// Link 1: market shares move toward what controls, quotas and rivals allow.
	if has(nv, StatMarket) {
		t := R.DesignerMarketTop - controls*R.DesignerPerControl - quotas*R.DesignerPerQuota - get(hw, StatChips, 0)/R.ChampionCompeteDiv
		add(nv, StatMarket, toward(st.Actors[nv].Stats[StatMarket], t, R.MarketMoveDiv), DynMarkets)
	}
	if has(hw, StatMarket) {
		// Controls hand the champion its home market: Chinese buyers cut
		// off from foreign accelerators turn to it.
		t := R.ChampionMarketBase + get(hw, StatChips, 0)/2 + chinaBloc*R.ChampionPerBloc - get(hw, StatExposure, 0)/R.ExposureMarketDiv
		cur := st.Actors[hw].Stats[StatMarket]
		base := toward(cur, t, R.MarketMoveDiv)
		add(hw, StatMarket, base, DynMarkets)
		add(hw, StatMarket, toward(cur, t+controls*R.ChampionHomePerControl, R.MarketMoveDiv)-base, DynHomeMarket)
	}
	if has(lab, StatMarket) {
		t := R.LabMarketBase + get(lab, StatEcosystem, 0)/3 - (regulation-R.RegPivot)/5
		add(lab, StatMarket, toward(st.Actors[lab].Stats[StatMarket], t, R.MarketMoveDiv), DynMarkets)
	}
	if has(fab, StatMarket) {
		t := R.FoundryMarketBase - max(0, tension-R.FlightLevel+1)*3
		add(fab, StatMarket, toward(st.Actors[fab].Stats[StatMarket], t, R.MarketMoveDiv), DynMarkets)
	}

	// Link 11: capital and assets flee Taiwan as the Strait heats up.
	if fab >= 0 && tension >= R.FlightLevel {
		k := tension - R.FlightLevel + 1
		add(fab, StatCapital, -min(k*R.FlightCapital, get(fab, StatCapital, 0)), DynCapitalFlight)
		add(fab, StatStability, -k, DynCapitalFlight)
		add(fab, StatShield, -1, DynCapitalFlight)
	}
}
