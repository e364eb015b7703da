package game

import "fmt"

// Stat is one of an actor's numbers. Each actor has the subset that fits it.
type Stat uint8

// The stats an actor may have. Their display names live in content.
const (
	StatCompute      Stat = iota // AI compute capacity
	StatChips                    // supply of AI accelerators
	StatFrontier                 // frontier model capability
	StatCapital                  // political and financial capital: the budget for actions
	StatTalent                   // researchers and engineers
	StatEnergy                   // power available to data centres
	StatInfluence                // diplomatic and standard-setting weight
	StatStability                // domestic political support and economic health
	StatMarket                   // market share
	StatSelfReliance             // independence from foreign technology
	StatGrievance                // sense of existential threat from outside pressure
	StatExposure                 // exposure to sanctions
	StatYield                    // fab production yield
	StatDesign                   // chip design parity (whole-system performance)
	StatTrust                    // public trust in AI and in the rules that govern it
	StatSovereign                // progress toward sovereign AI
	StatInvested                 // money committed to AI, in USD billions
	StatEcosystem                // developers building on the actor's models
	StatSecurity                 // defence and resilience
	StatShield                   // share of the leading edge kept at home (the "silicon shield")
	NumStats
)

var statIDs = [NumStats]string{
	"compute", "chips", "frontier", "capital", "talent", "energy", "influence",
	"stability", "market", "selfreliance", "grievance", "exposure", "yield",
	"design", "trust", "sovereign", "invested", "ecosystem", "security", "shield",
}

// String returns the stat's content id.
func (s Stat) String() string {
	if s < NumStats {
		return statIDs[s]
	}
	return fmt.Sprintf("stat(%d)", uint8(s))
}

// Max is the largest value the stat can hold. Every stat's minimum is 0.
func (s Stat) Max() int {
	if s == StatCapital {
		return 999
	}
	return 100
}

// ParseStat finds a stat by its content id.
func ParseStat(id string) (Stat, bool) {
	for i, s := range statIDs {
		if s == id {
			return Stat(i), true
		}
	}
	return 0, false
}

// Track is a global number that every actor sees (except where noted).
type Track uint8

// The global tracks.
const (
	TrackTension       Track = iota // Taiwan Strait tension, 0-10; the maximum is a crisis
	TrackControls                   // export-control regime, 0-5 (see content for the level names)
	TrackQuotas                     // chip quotas on partners, 0-2
	TrackPerceivedGap               // the US-China capability gap as Washington believes it to be
	TrackDiffusion                  // spread of open models, 0-100
	TrackRegulation                 // regulation climate, 0 light-touch to 100 precautionary
	TrackFragmentation              // how far the world has split into technology blocs, 0-100
	TrackMomentum                   // technologists' optimism and investment momentum, 0-100
	NumTracks
)

var trackIDs = [NumTracks]string{
	"tension", "controls", "quotas", "perceived_gap", "diffusion", "regulation",
	"fragmentation", "momentum",
}

var trackRanges = [NumTracks][2]int{
	{0, 10}, {0, 5}, {0, 2}, {-100, 100}, {0, 100}, {0, 100}, {0, 100}, {0, 100},
}

// String returns the track's content id.
func (t Track) String() string {
	if t < NumTracks {
		return trackIDs[t]
	}
	return fmt.Sprintf("track(%d)", uint8(t))
}

// Min is the smallest value of the track.
func (t Track) Min() int { return trackRanges[t][0] }

// Max is the largest value of the track.
func (t Track) Max() int { return trackRanges[t][1] }

// ParseTrack finds a track by its content id.
func ParseTrack(id string) (Track, bool) {
	for i, s := range trackIDs {
		if s == id {
			return Track(i), true
		}
	}
	return 0, false
}

// Role says which part an actor plays in the standing causal links
// (dynamics). Scenarios may leave roles out; the links that need a missing
// role then use neutral defaults.
type Role uint8

// The roles.
const (
	RoleNone          Role = iota
	RoleUSGov              // sets export controls and quotas (Washington)
	RoleChinaGov           // the target of controls; feels grievance (Beijing)
	RoleRegulator          // writes precautionary rules (Brussels)
	RoleMiddlePower        // builds sovereign AI with borrowed chips (Abu Dhabi)
	RoleOpenLab            // releases open weights (Meta)
	RoleChipDesigner       // sells accelerators worldwide (Nvidia)
	RoleChinaChampion      // China's sanctioned chip champion (Huawei)
	RoleFoundry            // makes the leading-edge chips (Taipei / TSMC)
	NumRoles
)

var roleIDs = [NumRoles]string{
	"", "us_gov", "china_gov", "regulator", "middle_power", "open_lab",
	"chip_designer", "china_champion", "foundry",
}

// String returns the role's content id.
func (r Role) String() string {
	if r < NumRoles {
		return roleIDs[r]
	}
	return fmt.Sprintf("role(%d)", uint8(r))
}

// ParseRole finds a role by its content id.
func ParseRole(id string) (Role, bool) {
	for i, s := range roleIDs {
		if s == id && i != 0 {
			return Role(i), true
		}
	}
	return 0, false
}

// Bloc is the side an actor or swing state belongs to.
type Bloc uint8

// The blocs.
const (
	BlocNone Bloc = iota
	BlocUS
	BlocChina
)

var blocIDs = [...]string{"none", "us", "china"}

// String returns the bloc's content id.
func (b Bloc) String() string {
	if int(b) < len(blocIDs) {
		return blocIDs[b]
	}
	return fmt.Sprintf("bloc(%d)", uint8(b))
}

// ParseBloc finds a bloc by its content id.
func ParseBloc(id string) (Bloc, bool) {
	for i, s := range blocIDs {
		if s == id {
			return Bloc(i), true
		}
	}
	return 0, false
}

// Tag classifies an action for bots and for the interface.
type Tag uint8

// The action tags.
const (
	TagEscalation   Tag = iota // raises pressure on a rival
	TagDeescalation            // lowers tension or grievance
	TagControls                // export controls, quotas, entity listings
	TagDiplomacy               // courting partners
	TagInvestment              // building capacity
	TagOpenness                // open weights, diffusion
	TagRegulation              // rules and standards
	TagSecurity                // defence and resilience
	TagHedging                 // keeping options open between blocs
	NumTags
)

var tagIDs = [NumTags]string{
	"escalation", "deescalation", "controls", "diplomacy", "investment",
	"openness", "regulation", "security", "hedging",
}

// String returns the tag's content id.
func (t Tag) String() string {
	if t < NumTags {
		return tagIDs[t]
	}
	return fmt.Sprintf("tag(%d)", uint8(t))
}

// ParseTag finds a tag by its content id.
func ParseTag(id string) (Tag, bool) {
	for i, s := range tagIDs {
		if s == id {
			return Tag(i), true
		}
	}
	return 0, false
}

// Tags is a set of tags.
type Tags uint16

// Has reports whether the set holds t.
func (ts Tags) Has(t Tag) bool { return ts&(1<<t) != 0 }

// With returns the set with t added.
func (ts Tags) With(t Tag) Tags { return ts | 1<<t }
