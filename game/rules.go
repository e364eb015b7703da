package game

import "fmt"

// Rules holds the coefficients of the standing causal links (see
// dynamics.go). The numbers live in content; the code only says how they
// combine.
type Rules struct {
	// Compute build-out (links 9 and 1).
	ComputeGrowthPct int // share of the gap to the chips/energy ceiling closed each turn
	ComputeDecayDiv  int // compute above the ceiling falls by the excess divided by this
	PowerStretchPct  int // share of the energy beyond the chip supply that still adds to the compute ceiling

	// Controls, self-reliance and the champion (links 1, 5, 10).
	ChinaChipImports        int // the chip supply China can buy abroad with no controls at all
	ControlsChipDrag        int // of which each control level cuts this much (more with sanctions exposure)
	SelfRelianceDiv         int // China's self-reliance grows by controls / this each turn
	SelfRelianceSpend       int // capital China spends per control level on self-reliance
	ChampionDesignDiv       int // the champion's design grows by China's self-reliance / this
	ChampionYieldPerControl int // the champion's yield grows by this many hundredths a turn per control level
	ChampionHomePerControl  int // the champion's market share target gained per control level (its home market)
	ChampionSupplyPct       int // share of the champion's output that adds to China's chip supply, in percent
	ChampionSupplyNoRole    int // the home supply when no champion is in play
	ExposureDecay           int // sanction exposure fades by this each turn

	// Grievance and the Strait (link 4).
	GrievanceBaseLevel int // control level at which China's grievance holds steady
	GrievancePerLevel  int // grievance per control level above (or below) that
	GrievanceShutOut   int // extra grievance while the champion's market share is under 15
	GrievanceFalter    int // extra grievance while China's stability is under 40
	GrievanceGapBase   int // real gap above which falling behind feeds grievance
	GrievanceGapDiv    int // grievance per turn = (gap - base) / this
	GreyZoneLevel      int // grievance above which grey-zone pressure builds on the Strait
	GreyZoneDiv        int // and a point of tension a turn for every this many points of grievance above it
	GrievanceRest      int // grievance fades toward this level when nothing feeds it
	GrievanceFadeDiv   int // by (grievance - rest) / this a turn
	GreyZoneOwnPct     int // share of the blame for grey-zone pressure that is Beijing's own (the rest follows the grievance)
	CalmLevel          int // grievance at or under which tension eases by 1 a turn
	TensionFloor       int // tension never eases below this on its own
	CulpritSharePct    int // share of the blame for a Strait crisis (percent) that makes an actor a culprit

	// Perception (link 3).
	PerceiveRatePct   int // share of the error in Washington's estimate corrected each turn
	OverconfidenceTop int // yield at which Washington stops overrating the gap
	OverconfidenceDiv int // overrating = (OverconfidenceTop - champion yield) / this
	PressureGap       int // perceived gap below which Washington is pressed to act tough
	PressureDiv       int // stability lost each turn it does not = (PressureGap - perceived gap) / this

	// Frontier progress (links 6, 8, 12).
	FrontierDiv       int // progress = (compute + (talent-50)/2 - FrontierFloor) * momentum / this
	FrontierFloor     int // compute below which the frontier does not move
	CatchUpDiv        int // laggards gain (leader - own) * diffusion / this
	RegulationDragPct int // share of the regulator's and the open lab's progress lost at regulation 100, in percent

	// Momentum and fragmentation (links 11, 12).
	MomentumDrift      int // optimism regained each turn
	MomentumTensionDiv int // optimism lost to tension / this
	MomentumFragDiv    int // optimism lost to fragmentation / this
	DiffusionDecay     int // open models age: diffusion lost each turn
	FragPerControl     int // fragmentation target per control level
	FragPerQuota       int // fragmentation target per quota level
	FragPerBloc        int // fragmentation target per swing state in a bloc

	// Swing states and middle powers (links 2, 7, 6).
	QuotaHedge       int // alignment lost per quota level by tier-2 states each turn
	OverreachLevel   int // control level from which partners feel strained
	InertiaDiv       int // alignment returns toward its start by the difference / this
	SovereignBase    int // sovereign AI progress each turn
	SovereignDiffDiv int // plus diffusion / this
	QuotaChipCap1    int // middle power's chip ceiling under quota level 1
	QuotaChipCap2    int // and under level 2

	// Markets and money (links 1, 2, 11).
	IncomeMarketDiv    int // firms earn market share / this on top of their income
	DesignerMarketTop  int // chip designer's market share with no controls and no quotas
	DesignerPerControl int // its share lost per control level
	DesignerPerQuota   int // its share lost per quota level
	ChampionCompeteDiv int // the designer's share lost to the champion's output / this
	ChampionMarketBase int // the champion's market share with no output
	ChampionPerBloc    int // its share gained per swing state in the China bloc
	ExposureMarketDiv  int // its share lost to sanction exposure / this
	LabMarketBase      int // the open lab's market share before its ecosystem
	FoundryMarketBase  int // the foundry's market share in calm waters
	MarketMoveDiv      int // market shares close the distance to their target / this
	FlightLevel        int // tension from which capital flees Taiwan
	FlightCapital      int // the foundry's capital lost per tension point from FlightLevel

	// Regulation (link 8).
	RegPivot        int // regulation climate above which trust grows and the open lab loses share
	RegTrustDiv     int // the regulator's trust grows by (regulation - pivot) / this
	RegInfluenceDiv int // its standard-setting influence grows by (regulation - 40) / this

	SovereignComputeDiv int // the middle power's sovereign AI grows by its compute / this

	// Polarisation (links 2 and 7): above PolarizeFrom fragmentation, a
	// swing state leaning PolarizeLean or more one way drifts further that
	// way by (fragmentation - PolarizeFrom) / PolarizeDiv a turn.
	PolarizeFrom, PolarizeLean, PolarizeDiv int

	// CrowdingFrom is the level above which an actor's achievements get
	// harder to raise: each point above it counts in proportion to the
	// room left below 100 (0: off).
	CrowdingFrom int
}

// RuleField describes one coefficient for the content loader.
type RuleField struct {
	Key      string
	Ptr      *int
	Min, Max int
}

// Fields lists every coefficient with its content key and allowed range.
func (r *Rules) Fields() []RuleField {
	return []RuleField{
		{"compute_growth_pct", &r.ComputeGrowthPct, 0, 100},
		{"compute_decay_div", &r.ComputeDecayDiv, 1, 100},
		{"power_stretch_pct", &r.PowerStretchPct, 0, 100},
		{"china_chip_imports", &r.ChinaChipImports, 0, 100},
		{"controls_chip_drag", &r.ControlsChipDrag, 0, 30},
		{"self_reliance_div", &r.SelfRelianceDiv, 1, 100},
		{"self_reliance_spend", &r.SelfRelianceSpend, 0, 50},
		{"champion_design_div", &r.ChampionDesignDiv, 1, 1000},
		{"champion_yield_per_control", &r.ChampionYieldPerControl, 0, 500},
		{"champion_home_per_control", &r.ChampionHomePerControl, 0, 20},
		{"champion_supply_pct", &r.ChampionSupplyPct, 0, 100},
		{"champion_supply_no_role", &r.ChampionSupplyNoRole, 0, 100},
		{"exposure_decay", &r.ExposureDecay, 0, 20},
		{"grievance_base_level", &r.GrievanceBaseLevel, 0, 5},
		{"grievance_per_level", &r.GrievancePerLevel, 0, 20},
		{"grievance_shut_out", &r.GrievanceShutOut, 0, 20},
		{"grievance_falter", &r.GrievanceFalter, 0, 20},
		{"grievance_gap_base", &r.GrievanceGapBase, 0, 100},
		{"grievance_gap_div", &r.GrievanceGapDiv, 1, 100},
		{"grey_zone_level", &r.GreyZoneLevel, 0, 100},
		{"grey_zone_div", &r.GreyZoneDiv, 1, 100},
		{"grievance_rest", &r.GrievanceRest, 0, 100},
		{"grievance_fade_div", &r.GrievanceFadeDiv, 1, 100},
		{"grey_zone_own_pct", &r.GreyZoneOwnPct, 0, 100},
		{"calm_level", &r.CalmLevel, 0, 100},
		{"tension_floor", &r.TensionFloor, 0, 10},
		{"culprit_share_pct", &r.CulpritSharePct, 1, 100},
		{"perceive_rate_pct", &r.PerceiveRatePct, 0, 100},
		{"overconfidence_top", &r.OverconfidenceTop, 0, 100},
		{"overconfidence_div", &r.OverconfidenceDiv, 1, 100},
		{"pressure_gap", &r.PressureGap, -100, 100},
		{"pressure_div", &r.PressureDiv, 1, 100},
		{"frontier_div", &r.FrontierDiv, 1, 100000},
		{"frontier_floor", &r.FrontierFloor, 0, 100},
		{"catch_up_div", &r.CatchUpDiv, 1, 100000},
		{"regulation_drag_pct", &r.RegulationDragPct, 0, 100},
		{"momentum_drift", &r.MomentumDrift, 0, 20},
		{"momentum_tension_div", &r.MomentumTensionDiv, 1, 100},
		{"momentum_frag_div", &r.MomentumFragDiv, 1, 1000},
		{"diffusion_decay", &r.DiffusionDecay, 0, 20},
		{"frag_per_control", &r.FragPerControl, 0, 20},
		{"frag_per_quota", &r.FragPerQuota, 0, 20},
		{"frag_per_bloc", &r.FragPerBloc, 0, 20},
		{"quota_hedge", &r.QuotaHedge, 0, 20},
		{"overreach_level", &r.OverreachLevel, 0, 6},
		{"inertia_div", &r.InertiaDiv, 1, 100},
		{"sovereign_base", &r.SovereignBase, 0, 20},
		{"sovereign_diff_div", &r.SovereignDiffDiv, 1, 1000},
		{"quota_chip_cap1", &r.QuotaChipCap1, 0, 100},
		{"quota_chip_cap2", &r.QuotaChipCap2, 0, 100},
		{"income_market_div", &r.IncomeMarketDiv, 1, 1000},
		{"designer_market_top", &r.DesignerMarketTop, 0, 100},
		{"designer_per_control", &r.DesignerPerControl, 0, 30},
		{"designer_per_quota", &r.DesignerPerQuota, 0, 30},
		{"champion_compete_div", &r.ChampionCompeteDiv, 1, 1000},
		{"champion_market_base", &r.ChampionMarketBase, 0, 100},
		{"champion_per_bloc", &r.ChampionPerBloc, 0, 20},
		{"exposure_market_div", &r.ExposureMarketDiv, 1, 1000},
		{"lab_market_base", &r.LabMarketBase, 0, 100},
		{"foundry_market_base", &r.FoundryMarketBase, 0, 100},
		{"market_move_div", &r.MarketMoveDiv, 1, 100},
		{"flight_level", &r.FlightLevel, 0, 11},
		{"flight_capital", &r.FlightCapital, 0, 100},
		{"reg_pivot", &r.RegPivot, 0, 100},
		{"reg_trust_div", &r.RegTrustDiv, 1, 1000},
		{"reg_influence_div", &r.RegInfluenceDiv, 1, 1000},
		{"sovereign_compute_div", &r.SovereignComputeDiv, 1, 1000},
		{"crowding_from", &r.CrowdingFrom, 0, 99},
		{"polarize_from", &r.PolarizeFrom, 0, 100},
		{"polarize_lean", &r.PolarizeLean, 1, 100},
		{"polarize_div", &r.PolarizeDiv, 1, 100},
	}
}

// Check reports the first coefficient outside its range.
func (r *Rules) Check() error {
	for _, f := range r.Fields() {
		if *f.Ptr < f.Min || *f.Ptr > f.Max {
			return fmt.Errorf("rule %s is %d; it must be between %d and %d", f.Key, *f.Ptr, f.Min, f.Max)
		}
	}
	return nil
}
