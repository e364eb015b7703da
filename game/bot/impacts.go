package bot

import "zerosum/game"

// knockOn is what the knock-on effects of a change of d hundredths in r are
// worth, valued to depth. The bot's rules of thumb for the standing causal
// links say what such a change does to other numbers over the turns left;
// they mirror game/dynamics.go roughly, not exactly: bots reason, they do
// not simulate.
func (e *evaluator) knockOn(r game.Ref, d, depth int) int {
	sc, v, R := e.sc, e.v, &e.sc.Rules
	// horizon is how many turns a standing rate acts on a level; long is
	// how long a changed level keeps feeding a rate (the rest of the game).
	horizon := min(e.turnsLeft, 6)
	long := e.turnsLeft
	cn := e.roles[game.RoleChinaGov]
	hw, nv := e.roles[game.RoleChinaChampion], e.roles[game.RoleChipDesigner]
	eu, lab, mp := e.roles[game.RoleRegulator], e.roles[game.RoleOpenLab], e.roles[game.RoleMiddlePower]
	stat := func(a int, s game.Stat) game.Ref { return game.Ref{Kind: game.RefStat, Actor: a, Stat: s} }
	track := func(t game.Track) game.Ref { return game.Ref{Kind: game.RefTrack, Track: t} }
	has := func(a int, s game.Stat) bool { return a >= 0 && sc.Actors[a].Has[s] }
	get := func(a int, s game.Stat) int {
		if !has(a, s) {
			return 0
		}
		return v.Stat(a, s)
	}
	sum := 0
	add := func(ref game.Ref, dd int) {
		if dd != 0 && (ref.Kind != game.RefStat || has(ref.Actor, ref.Stat)) {
			sum += e.worth(ref, dd, depth)
		}
	}

	switch r.Kind {
	case game.RefTrack:
		switch r.Track {
		case game.TrackControls:
			drag := R.ControlsChipDrag * (100 + get(cn, game.StatExposure)) / 100
			add(stat(cn, game.StatChips), -d*drag*horizon)
			add(stat(cn, game.StatGrievance), d*R.GrievancePerLevel*horizon)
			add(stat(nv, game.StatMarket), -d*R.DesignerPerControl)
			add(track(game.TrackFragmentation), d*R.FragPerControl/4)
			if v.Tracks[game.TrackControls]*100+d >= R.OverreachLevel*100 {
				add(game.Ref{Kind: game.RefSwing, Swing: game.SwingAll, Field: game.FieldAlign}, -d*horizon/2)
			}
		case game.TrackQuotas:
			add(game.Ref{Kind: game.RefSwing, Swing: game.SwingTier2, Field: game.FieldAlign}, -d*R.QuotaHedge*horizon)
			add(stat(nv, game.StatMarket), -d*R.DesignerPerQuota)
			add(track(game.TrackFragmentation), d*R.FragPerQuota/4)
			if has(mp, game.StatChips) {
				add(stat(mp, game.StatChips), -d*10)
			}
		case game.TrackDiffusion:
			leader := 0
			for a := range sc.Actors {
				leader = max(leader, get(a, game.StatFrontier))
			}
			for a := range sc.Actors {
				if has(a, game.StatFrontier) {
					add(stat(a, game.StatFrontier), d*(leader-get(a, game.StatFrontier))*horizon/R.CatchUpDiv)
				}
			}
			add(game.Ref{Kind: game.RefSwing, Swing: game.SwingAll, Field: game.FieldSovereign}, d*horizon/R.SovereignDiffDiv)
			add(stat(mp, game.StatSovereign), d*horizon/R.SovereignDiffDiv)
		case game.TrackRegulation:
			add(stat(eu, game.StatTrust), d*horizon/R.RegTrustDiv)
			add(stat(eu, game.StatInfluence), d*horizon/R.RegInfluenceDiv)
			add(stat(eu, game.StatFrontier), -d*horizon/R.RegulationDiv)
			add(stat(lab, game.StatFrontier), -d*horizon/R.RegulationDiv)
			add(stat(lab, game.StatMarket), -d/5)
		case game.TrackMomentum:
			for a := range sc.Actors {
				if has(a, game.StatFrontier) {
					base := max(0, compute(e, a)+(talent(e, a)-50)/2-R.FrontierFloor)
					add(stat(a, game.StatFrontier), d*base*horizon/R.FrontierDiv)
				}
			}
		case game.TrackFragmentation:
			add(track(game.TrackMomentum), -d*horizon/R.MomentumFragDiv)
		case game.TrackTension:
			add(track(game.TrackMomentum), -d*horizon/R.MomentumTensionDiv)
		}
	case game.RefStat:
		a := r.Actor
		switch r.Stat {
		case game.StatGrievance:
			if a == cn {
				// Grievance turns into tension only past the grey-zone line;
				// near it, each point brings the next turn of pressure closer.
				g := get(cn, game.StatGrievance)
				switch {
				case g+d/100 >= R.GreyZoneLevel:
					add(track(game.TrackTension), d*min(horizon, 3)/20)
				case g >= R.GreyZoneLevel-10:
					add(track(game.TrackTension), d*min(horizon, 3)/40)
				default:
					add(track(game.TrackTension), d/80)
				}
			}
		case game.StatChips:
			if has(a, game.StatCompute) && has(a, game.StatEnergy) && get(a, game.StatChips) <= get(a, game.StatEnergy) {
				// Chips become compute, and compute moves the frontier: both
				// steps are counted here so that two levels of reasoning
				// reach the frontier from a change in controls.
				add(stat(a, game.StatCompute), d/2)
				if has(a, game.StatFrontier) {
					add(stat(a, game.StatFrontier), d/2*v.Tracks[game.TrackMomentum]*long/R.FrontierDiv)
				}
			}
			if a == hw {
				add(stat(cn, game.StatChips), d*horizon/R.ChampionSupplyDiv)
				add(stat(nv, game.StatMarket), -d/R.ChampionCompeteDiv)
				add(stat(hw, game.StatMarket), d/2/R.MarketMoveDiv)
			}
		case game.StatEnergy:
			if has(a, game.StatCompute) && (!has(a, game.StatChips) || get(a, game.StatEnergy) <= get(a, game.StatChips)) {
				add(stat(a, game.StatCompute), d/2)
				if has(a, game.StatFrontier) {
					add(stat(a, game.StatFrontier), d/2*v.Tracks[game.TrackMomentum]*long/R.FrontierDiv)
				}
			}
		case game.StatCompute, game.StatTalent:
			if has(a, game.StatFrontier) {
				k := d
				if r.Stat == game.StatTalent {
					k /= 2
				}
				add(stat(a, game.StatFrontier), k*v.Tracks[game.TrackMomentum]*long/R.FrontierDiv)
			}
			if a == mp && r.Stat == game.StatCompute {
				add(stat(mp, game.StatSovereign), d*horizon/R.SovereignComputeDiv)
			}
		case game.StatFrontier:
			if a == e.roles[game.RoleUSGov] || a == cn {
				sign := 1
				if a == cn {
					sign = -1
				}
				if e.sc.Gap(v)*100+sign*d > R.GrievanceGapBase*100 {
					add(stat(cn, game.StatGrievance), sign*d*horizon/R.GrievanceGapDiv)
				}
			}
		case game.StatDesign:
			if a == hw {
				add(stat(hw, game.StatChips), d*get(hw, game.StatYield)/150)
			}
		case game.StatYield:
			if a == hw {
				add(stat(hw, game.StatChips), d*get(hw, game.StatDesign)/150)
			}
		case game.StatSelfReliance:
			if a == cn {
				add(stat(hw, game.StatDesign), d*horizon/R.ChampionDesignDiv)
			}
		case game.StatExposure:
			if a == hw {
				add(stat(hw, game.StatMarket), -d/R.ExposureMarketDiv/R.MarketMoveDiv)
			}
			if a == cn {
				add(stat(cn, game.StatChips), -d*v.Tracks[game.TrackControls]*horizon/100)
			}
		case game.StatEcosystem:
			if a == lab {
				add(stat(lab, game.StatMarket), d/3/R.MarketMoveDiv)
			}
		case game.StatMarket:
			add(stat(a, game.StatCapital), d*horizon/R.IncomeMarketDiv)
		}
	}
	return sum
}

func compute(e *evaluator, a int) int {
	if e.sc.Actors[a].Has[game.StatCompute] {
		return e.v.Stat(a, game.StatCompute)
	}
	return 50
}

func talent(e *evaluator, a int) int {
	if e.sc.Actors[a].Has[game.StatTalent] {
		return e.v.Stat(a, game.StatTalent)
	}
	return 50
}
