package ui

import (
	"fmt"
	"slices"
	"strings"

	"zerosum/game"
	"zerosum/text"
)

// A score is an estimate while the game goes on when one of its
// objectives measures something the player reads through an estimate:
// Washington's "Keep the lead" reads the capability gap as Washington
// perceives it, because China's frontier is secret. Every screen that
// shows such a score says so (≈ and the word), and the end of the game and
// the replay put the estimate beside the truth.

// readScore is a score card as a viewer reads it in st (the viewer's own
// view of the world), with which of its parts are estimates. Nothing is
// an estimate in a finished game or a revealed one.
type readScore struct {
	game.ScoreCard
	est []bool // by part: measured through an estimate
	any bool
}

// scoreAsRead scores owner in st as viewer reads it.
func scoreAsRead(sc *game.Scenario, st *game.State, owner, viewer int, revealed bool) readScore {
	r := readScore{ScoreCard: sc.Score(st, owner)}
	r.est = make([]bool, len(r.Parts))
	if revealed || st.Over {
		return r
	}
	for i, p := range r.Parts {
		if sc.Estimated(sc.Actors[owner].Objectives[p.Objective].Measure, owner, viewer) {
			r.est[i], r.any = true, true
		}
	}
	return r
}

// approx writes a number read through an estimate with ≈.
func approx(n int, est bool) string {
	if est {
		return "≈" + itoa(n)
	}
	return itoa(n)
}

// estimateWhy says what a player's score estimates, for the parts that
// are estimates: "it reads the US-China capability gap as you perceive it
// (the real gap is hidden)"; past puts it in the past tense, for the end.
func estimateWhy(sc *game.Scenario, r readScore, viewer int, past bool) string {
	var what []string
	for i, p := range r.Parts {
		if !r.est[i] {
			continue
		}
		m := sc.Actors[r.Actor].Objectives[p.Objective].Measure
		s := text.F("the public estimate of %s", sc.Label(m, r.Actor))
		if m.Kind == game.RefGap {
			us := sc.RoleActor(game.RoleUSGov)
			other := us != viewer && us >= 0
			switch {
			case other && past:
				s = text.F("the US-China capability gap as %s perceived it (the real gap was hidden)", sc.Actors[us].Name)
			case other:
				s = text.F("the US-China capability gap as %s perceives it (the real gap is hidden)", sc.Actors[us].Name)
			case past:
				s = text.T("the US-China capability gap as you perceived it (the real gap was hidden)")
			default:
				s = text.T("the US-China capability gap as you perceive it (the real gap is hidden)")
			}
		}
		if !slices.Contains(what, s) {
			what = append(what, s)
		}
	}
	if past {
		return text.F("it read %s", text.AndList(what))
	}
	return text.F("it reads %s", text.AndList(what))
}

// seenScore is the score a player read on their screen in a state that is
// now revealed (the replay of a finished game, the end): the same state
// seen through the player's eyes as if the game went on.
func seenScore(sc *game.Scenario, st *game.State, player int) readScore {
	live := st.Clone()
	live.Over = false
	v := sc.View(&live, player, false)
	return scoreAsRead(sc, &v, player, player, false)
}

// truthNote explains, once the truth is out, how a score read through an
// estimate differs from the real one: "Your screen showed ≈33: it read the
// US-China capability gap as you perceived it (+12). The real gap was +8,
// so the real score is 39." "" when the score was no estimate.
func truthNote(sc *game.Scenario, st *game.State, player int) string {
	seen := seenScore(sc, st, player)
	if !seen.any {
		return ""
	}
	real := sc.Score(st, player)
	s := text.F("During play your score was an estimate: %s.", estimateWhy(sc, seen, player, true))
	var same, differ []string
	for i, p := range seen.Parts {
		if !seen.est[i] {
			continue
		}
		o := sc.Actors[player].Objectives[p.Objective]
		rp := real.Parts[i]
		if p.Value == rp.Value {
			same = append(same, fmt.Sprintf("%s %s", sc.Label(o.Measure, player), measureValue(o.Measure, p.Value)))
			continue
		}
		differ = append(differ, text.F(" %s: as you read it, %s, worth %d of %d; in truth %s, worth %d.", o.Name,
			measureValue(o.Measure, p.Value), p.Points, o.Weight, measureValue(o.Measure, rp.Value), rp.Points))
	}
	if len(differ) == 0 {
		return s + text.F(" At the end it was right (%s), so your real score is the one you read, %d.", text.AndList(same), real.Total)
	}
	s += strings.Join(differ, "")
	if seen.Total == real.Total {
		s += text.F(" The estimate and the real score agree all the same: %d.", real.Total)
	} else {
		s += text.F(" By the estimate you had ≈%d; the real score is %d.", seen.Total, real.Total)
	}
	return s
}

// measureValue writes an objective's measure: signed for the gap, which
// runs both ways.
func measureValue(m game.Ref, v int) string {
	if m.Kind == game.RefGap {
		return text.Signed(v)
	}
	return itoa(v)
}
