package match

import (
	"cmp"
	"slices"

	"zerosum/game"
)

// TurningKind says what sort of moment a turning point is.
type TurningKind uint8

// The kinds of turning point, in the order they are listed within a turn
// when they matter equally.
const (
	TurnCrisis       TurningKind = iota + 1 // the Strait crisis that ended the game
	TurnTensionRise                         // a sharp rise in Strait tension
	TurnControlLevel                        // export controls or chip quotas changed level
	TurnBlocShift                           // a swing state joined or left a bloc
	TurnExposed                             // a covert action came to light
	TurnBigAction                           // an action that can be taken only once
	TurnScoreSwing                          // an actor's score moved sharply
)

var turningKindIDs = [...]string{"", "crisis", "tension_rise", "control_level", "bloc_shift", "exposed", "big_action", "score_swing"}

// String names the kind.
func (k TurningKind) String() string {
	if int(k) < len(turningKindIDs) && k > 0 {
		return turningKindIDs[k]
	}
	return "?"
}

// TurningPoint is one moment of a match that mattered. It is data, not
// text: the interface puts it into words. Subjects are indices into the
// scenario's actors, actions and swing states, like the rest of the state.
type TurningPoint struct {
	// Turn is the turn whose resolution it happened in (1-based), counting
	// the news that opened the next turn; for an exposed covert action, the
	// turn it came to light.
	Turn int
	Kind TurningKind
	// Actors are the actors concerned: the culprits of a crisis, the actor
	// of an action or of a score swing.
	Actors []int
	Action int        // action index, or -1
	Swing  int        // swing state index, or -1
	Track  game.Track // the track of a crisis, a tension rise or a control-level change
	// Before and After are the number before and after the turn: tension,
	// a control level, a swing state's alignment, a score. Delta is After -
	// Before (for a crisis, the tension rise that tipped it).
	Before, After, Delta int
	// Since is the turn a covert action was taken, for TurnExposed.
	Since int
	// Weight is how much it mattered; the largest are kept.
	Weight int
}

// MaxTurningPoints is how many turning points TurningPoints returns at most.
const MaxTurningPoints = 8

// The thresholds below which a move is routine, not a turning point.
const (
	minTensionRise = 2  // one point a turn is ordinary grey-zone pressure
	minScoreSwing  = 8  // scores drift by a few points every turn
	perKindCap     = 3  // at most this many of one kind (bloc shifts: one more)
	dangerTension  = 8  // a rise that lands here is weightier
	blocShiftBonus = 20 // per point of the swing state's market weight
)

// TurningPoints picks the moments of a match that mattered most: a Strait
// crisis, the largest single-turn tension rises, changes of the
// export-control or quota level, swing states changing bloc, covert
// actions exposed, once-only actions taken, and the biggest score swings.
// Each kind keeps its heaviest few (perKindCap), so that one busy kind
// cannot crowd out the rest; then the heaviest MaxTurningPoints are kept.
// The result is deterministic and sorted by turn, then by weight (heaviest
// first).
func TurningPoints(m *Match) []TurningPoint {
	var buckets [numBuckets][]TurningPoint
	for _, tp := range turningCandidates(m) {
		b := bucket(tp)
		buckets[b] = append(buckets[b], tp)
	}
	var picked []TurningPoint
	for b, tps := range buckets {
		slices.SortStableFunc(tps, heavierFirst)
		picked = append(picked, tps[:min(len(tps), bucketCap(b))]...)
	}
	slices.SortStableFunc(picked, heavierFirst)
	picked = picked[:min(len(picked), MaxTurningPoints)]
	slices.SortStableFunc(picked, func(x, y TurningPoint) int {
		if c := cmp.Compare(x.Turn, y.Turn); c != 0 {
			return c
		}
		return heavierFirst(x, y)
	})
	return picked
}

// Candidates are grouped for the per-kind cap by kind, with chip quotas
// apart from export controls (they are different policies).
const (
	quotaBucket = int(TurnScoreSwing) + 1
	numBuckets  = quotaBucket + 1
)

func bucket(tp TurningPoint) int {
	if tp.Kind == TurnControlLevel && tp.Track == game.TrackQuotas {
		return quotaBucket
	}
	return int(tp.Kind)
}

func bucketCap(b int) int {
	if b == int(TurnBlocShift) {
		return perKindCap + 1 // eight contested states: allow one more
	}
	return perKindCap
}

// turningCandidates lists every moment that passes the kind's threshold, by
// turn.
func turningCandidates(m *Match) []TurningPoint {
	sc := m.Scenario
	var out []TurningPoint
	add := func(tp TurningPoint) { out = append(out, tp) }
	var exposedBefore [][2]int // actor and action of every exposure seen

	for i := range m.Turns {
		if i+1 >= len(m.States) {
			break
		}
		turn := i + 1
		before, after := &m.States[i], &m.States[i+1]
		rep := &m.Turns[i].Report
		crisis := rep.Crisis
		tension := func(s *game.State) int { return s.Tracks[game.TrackTension] }

		if crisis {
			tp := point(turn, TurnCrisis, game.TrackTension, tension(before), tension(after), 1000)
			tp.Actors = slices.Clone(after.Crisis.Culprits)
			add(tp)
		}

		// Tension rises (the crisis turn speaks for itself).
		if d := tension(after) - tension(before); !crisis && d >= minTensionRise {
			w := 200 + 60*d
			if tension(after) >= dangerTension {
				w += 100
			}
			add(point(turn, TurnTensionRise, game.TrackTension, tension(before), tension(after), w))
		}

		for _, tr := range []game.Track{game.TrackControls, game.TrackQuotas} {
			if b, a := before.Tracks[tr], after.Tracks[tr]; a != b {
				w := 250 + 50*(abs(a-b)-1)
				if tr == game.TrackControls {
					w += 50
				}
				add(point(turn, TurnControlLevel, tr, b, a, w))
			}
		}

		for s := range after.Swing {
			b, a := before.Swing[s].Align, after.Swing[s].Align
			if game.AlignBloc(b) == game.AlignBloc(a) {
				continue
			}
			// A big market weighs more, and so does a decisive move: a
			// wobble across the line by a point or two matters less.
			tp := point(turn, TurnBlocShift, 0, b, a, 150+blocShiftBonus*sc.Swing[s].Weight+5*min(abs(a-b), 20))
			tp.Swing = s
			add(tp)
		}

		// Covert actions exposed, dated when they came to light (news that
		// opens the next turn can expose one). Only the first exposure of
		// an actor's action is news; the same secret coming out again is
		// not a new turning point.
		for _, rec := range rep.Exposed {
			k := [2]int{rec.Actor, rec.Action}
			if slices.Contains(exposedBefore, k) {
				continue
			}
			exposedBefore = append(exposedBefore, k)
			when := rec.Exposed
			if when == 0 {
				when = turn
			}
			add(TurningPoint{Turn: when, Kind: TurnExposed, Actors: []int{rec.Actor}, Action: rec.Action,
				Swing: rec.Target, Since: rec.Turn, Weight: 260})
		}

		// Once-only actions, the big irreversible moves: the dearer, the
		// weightier.
		for _, o := range rep.Orders {
			ai, ok := sc.ActionIndex(o.Action)
			if !ok || !sc.Actions[ai].Once {
				continue
			}
			a := &sc.Actions[ai]
			target := -1
			if o.Target != "" {
				if t, ok := sc.SwingIndex(o.Target); ok {
					target = t
				}
			}
			add(TurningPoint{Turn: turn, Kind: TurnBigAction, Actors: []int{a.Actor}, Action: ai,
				Swing: target, Weight: 120 + 2*a.Cost + 30*a.AP})
		}

		// Score swings (not in the crisis turn, where every score collapses).
		if !crisis && len(before.History) > 0 && len(after.History) > 0 {
			hb, ha := before.History[len(before.History)-1], after.History[len(after.History)-1]
			for a := range min(len(ha.Scores), len(hb.Scores)) {
				if d := ha.Scores[a] - hb.Scores[a]; abs(d) >= minScoreSwing {
					tp := point(turn, TurnScoreSwing, 0, hb.Scores[a], ha.Scores[a], 12*abs(d))
					tp.Actors = []int{a}
					add(tp)
				}
			}
		}
	}
	return out
}

func point(turn int, k TurningKind, tr game.Track, before, after, weight int) TurningPoint {
	return TurningPoint{Turn: turn, Kind: k, Action: -1, Swing: -1, Track: tr,
		Before: before, After: after, Delta: after - before, Weight: weight}
}

// heavierFirst orders by weight, then by turn, kind and subjects, so that
// ties are broken the same way every time.
func heavierFirst(x, y TurningPoint) int {
	if c := cmp.Compare(y.Weight, x.Weight); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Turn, y.Turn); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Kind, y.Kind); c != 0 {
		return c
	}
	if c := slices.Compare(x.Actors, y.Actors); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Action, y.Action); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Swing, y.Swing); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Track, y.Track); c != 0 {
		return c
	}
	return cmp.Compare(x.Since, y.Since)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
