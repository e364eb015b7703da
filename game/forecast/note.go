package forecast

import "zerosum/game"

// EstimateKind is what a seat's futures start from in place of the truth.
type EstimateKind int

// The kinds of estimate.
const (
	// EstimateGap: the perceived capability gap stands in for the real one.
	EstimateGap EstimateKind = iota
	// EstimateHidden: an actor's hidden numbers start from what was known
	// of them.
	EstimateHidden
)

// Estimate is one thing a forecast reads through an estimate: its kind,
// and for EstimateHidden the actor whose numbers are hidden (-1 for
// EstimateGap).
type Estimate struct {
	Kind  EstimateKind
	Actor int
}

// Estimates lists what a seat's futures start from in place of the truth,
// because the seat cannot see it: the perceived gap in place of the real
// one, and rivals' hidden numbers at what was known of them. The futures
// are only as good as the seat's picture, which may be far off (as
// Washington's is, by design), so a forecast should say so. Empty when the
// seat sees everything. The engine gives no words: the interface puts
// these into its own language.
func Estimates(sc *game.Scenario, seat int) []Estimate {
	var out []Estimate
	if sc.Estimated(game.Ref{Kind: game.RefGap}, seat, seat) {
		out = append(out, Estimate{Kind: EstimateGap, Actor: -1})
	}
	for a := range sc.Actors {
		if a == seat {
			continue
		}
		for st := range game.NumStats {
			if sc.Actors[a].Hidden[st] {
				out = append(out, Estimate{Kind: EstimateHidden, Actor: a})
				break
			}
		}
	}
	return out
}
