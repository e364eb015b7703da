package forecast

import "zerosum/game"

// Estimates lists what a seat's futures start from in place of the truth,
// because the seat cannot see it: the perceived gap in place of the real
// one, and rivals' hidden numbers at what was known of them. The futures
// are only as good as the seat's picture, which may be far off (as
// Washington's is, by design), so a forecast should say so. Empty when the
// seat sees everything. The phrases are English, as the rest of the
// summaries are.
func Estimates(sc *game.Scenario, seat int) []string {
	var out []string
	if sc.Estimated(game.Ref{Kind: game.RefGap}, seat, seat) {
		out = append(out, "the perceived gap stands in for the real one")
	}
	for a := range sc.Actors {
		if a == seat {
			continue
		}
		for st := range game.NumStats {
			if sc.Actors[a].Hidden[st] {
				out = append(out, sc.Actors[a].Name+"'s hidden numbers start from what was known of them")
				break
			}
		}
	}
	return out
}
