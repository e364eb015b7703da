package match

import (
	"reflect"
	"slices"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

func loadScenario(t *testing.T) *game.Scenario {
	t.Helper()
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	return p.Scenario
}

// quiet is a copy of the scenario in which no event fires, so a scripted
// match shows only what its orders do.
func quiet(sc *game.Scenario) *game.Scenario {
	q := *sc
	q.Events = slices.Clone(sc.Events)
	for i := range q.Events {
		q.Events[i].Trigger = false
		q.Events[i].Weight = 0
	}
	q.EventsPerTurn = 0
	return &q
}

// botMatch plays a whole all-bot match.
func botMatch(t *testing.T, sc *game.Scenario, seed uint64) *Match {
	t.Helper()
	seats := make([]Seat, len(sc.Actors))
	for i, b := range sim.BotsFor(sc, seed, bot.Normal) {
		seats[i] = Seat{Bot: b}
	}
	m, err := New(sc, seed, seats)
	if err != nil {
		t.Fatal(err)
	}
	for !m.Over() {
		if _, err := m.Play(nil); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func idx(t *testing.T, sc *game.Scenario, kind, id string) int {
	t.Helper()
	var i int
	var ok bool
	switch kind {
	case "actor":
		i, ok = sc.ActorIndex(id)
	case "action":
		i, ok = sc.ActionIndex(id)
	case "swing":
		i, ok = sc.SwingIndex(id)
	}
	if !ok {
		t.Fatalf("no %s %q", kind, id)
	}
	return i
}

// checkTrue verifies that every turning point says something true about
// the match it was drawn from, independently of how it was picked.
func checkTrue(t *testing.T, m *Match, tps []TurningPoint) {
	t.Helper()
	sc := m.Scenario
	for _, tp := range tps {
		if tp.Turn < 1 || tp.Turn > len(m.Turns) {
			t.Errorf("%+v: turn out of range", tp)
			continue
		}
		before, after := &m.States[tp.Turn-1], &m.States[tp.Turn]
		rep := m.Turns[tp.Turn-1].Report
		switch tp.Kind {
		case TurnCrisis:
			if !rep.Crisis || !reflect.DeepEqual(tp.Actors, after.Crisis.Culprits) {
				t.Errorf("%+v: no such crisis (culprits %v)", tp, after.Crisis.Culprits)
			}
		case TurnTensionRise, TurnControlLevel:
			b, a := before.Tracks[tp.Track], after.Tracks[tp.Track]
			if b != tp.Before || a != tp.After || tp.Delta != a-b || a == b {
				t.Errorf("%+v: %s went %d→%d", tp, tp.Track, b, a)
			}
			if tp.Kind == TurnTensionRise && (tp.Track != game.TrackTension || tp.Delta < minTensionRise) {
				t.Errorf("%+v: not a sharp tension rise", tp)
			}
			if tp.Kind == TurnControlLevel && tp.Track != game.TrackControls && tp.Track != game.TrackQuotas {
				t.Errorf("%+v: not a control level", tp)
			}
		case TurnBlocShift:
			b, a := before.Swing[tp.Swing].Align, after.Swing[tp.Swing].Align
			if b != tp.Before || a != tp.After || game.AlignBloc(a) == game.AlignBloc(b) {
				t.Errorf("%+v: %s went %d→%d, no change of bloc", tp, sc.Swing[tp.Swing].ID, b, a)
			}
		case TurnExposed:
			// Exposed in this turn's resolution or in the news that
			// opened it.
			found := false
			for _, i := range []int{tp.Turn - 2, tp.Turn - 1} {
				if i >= 0 && slices.ContainsFunc(m.Turns[i].Report.Exposed, func(r game.CovertRecord) bool {
					return r.Actor == tp.Actors[0] && r.Action == tp.Action && r.Turn == tp.Since && r.Exposed == tp.Turn
				}) {
					found = true
				}
			}
			if !found {
				t.Errorf("%+v: nothing like it came to light that turn", tp)
			}
		case TurnBigAction:
			a := sc.Actions[tp.Action]
			found := slices.ContainsFunc(rep.Orders, func(o game.Order) bool {
				return o.Action == a.ID && o.Actor == sc.Actors[tp.Actors[0]].ID
			})
			if !a.Once || !found || a.Actor != tp.Actors[0] {
				t.Errorf("%+v: %s is not a once-only action taken by its owner that turn", tp, a.ID)
			}
		case TurnScoreSwing:
			hb, ha := before.History[len(before.History)-1], after.History[len(after.History)-1]
			a := tp.Actors[0]
			if hb.Scores[a] != tp.Before || ha.Scores[a] != tp.After || abs(tp.Delta) < minScoreSwing || rep.Crisis {
				t.Errorf("%+v: score went %d→%d", tp, hb.Scores[a], ha.Scores[a])
			}
		default:
			t.Errorf("%+v: unknown kind", tp)
		}
	}
}

// checkPicked verifies the selection: capped, sorted by turn then weight,
// drawn from the candidates, and no candidate left out that outweighs one
// kept unless its kind was already full.
func checkPicked(t *testing.T, m *Match, tps []TurningPoint) {
	t.Helper()
	if len(tps) > MaxTurningPoints {
		t.Fatalf("%d turning points, the cap is %d", len(tps), MaxTurningPoints)
	}
	for i := 1; i < len(tps); i++ {
		a, b := tps[i-1], tps[i]
		if a.Turn > b.Turn || a.Turn == b.Turn && a.Weight < b.Weight {
			t.Errorf("not sorted by turn then weight: %+v before %+v", a, b)
		}
	}
	cands := turningCandidates(m)
	var perBucket [numBuckets]int
	lightest := 1 << 30
	for _, tp := range tps {
		if !slices.ContainsFunc(cands, func(c TurningPoint) bool { return reflect.DeepEqual(c, tp) }) {
			t.Errorf("%+v is not a candidate", tp)
		}
		perBucket[bucket(tp)]++
		lightest = min(lightest, tp.Weight)
	}
	for b, n := range perBucket {
		if n > bucketCap(b) {
			t.Errorf("bucket %d has %d points, cap %d", b, n, bucketCap(b))
		}
	}
	for _, c := range cands {
		if slices.ContainsFunc(tps, func(tp TurningPoint) bool { return reflect.DeepEqual(c, tp) }) {
			continue
		}
		full := perBucket[bucket(c)] == bucketCap(bucket(c))
		if !full && (len(tps) < MaxTurningPoints || c.Weight > lightest) {
			t.Errorf("left out %+v (weight %d) though it outweighs a kept one (lightest %d) and its kind has room",
				c, c.Weight, lightest)
		}
	}
}

// A scripted match, set up at the start so that every turn's change is the
// orders' doing: in turn 1 Washington tightens controls and courts
// Singapore into the US bloc while Beijing quarantines Taiwan's ports; in
// turn 2 Washington arms Taiwan and tips the Strait into crisis.
func TestTurningPointsScripted(t *testing.T) {
	sc := quiet(loadScenario(t))
	us, cn := idx(t, sc, "actor", "washington"), idx(t, sc, "actor", "beijing")
	sg := idx(t, sc, "swing", "singapore")
	m, err := New(sc, 5, make([]Seat, len(sc.Actors)))
	if err != nil {
		t.Fatal(err)
	}
	st := m.State()
	for a := range st.Actors {
		st.Actors[a].Stats[game.StatCapital] = 300
	}
	st.Tracks[game.TrackTension] = 5
	st.Actors[cn].Stats[game.StatGrievance] = 75
	st.Swing[sg].Align = 30
	// The start-of-turn snapshot must show the world as set up here.
	sn := &st.History[0]
	sn.Tracks = st.Tracks
	sn.Stats = sn.Stats[:0:0]
	for a := range st.Actors {
		sn.Stats = append(sn.Stats, st.Actors[a].Stats)
	}
	sn.Align = sn.Align[:0:0]
	for _, s := range st.Swing {
		sn.Align = append(sn.Align, s.Align)
	}
	sn.Scores = sn.Scores[:0:0]
	for a := range st.Actors {
		sn.Scores = append(sn.Scores, sc.Score(st, a).Total)
	}

	play := func(orders ...game.Order) game.Report {
		t.Helper()
		rep := m.Apply(orders)
		if len(rep.Refused) > 0 {
			t.Fatalf("turn %d: refused %v", rep.Turn, rep.Refused)
		}
		return rep
	}
	play(game.Order{Actor: "washington", Action: "tighten_controls"},
		game.Order{Actor: "washington", Action: "conditional_chip_deal", Target: "singapore"},
		game.Order{Actor: "beijing", Action: "customs_quarantine"})
	rep := play(game.Order{Actor: "washington", Action: "arm_taiwan"})
	if !rep.Crisis || !m.Over() {
		t.Fatalf("the script should end in a crisis in turn 2; tension %d", m.State().Tension())
	}

	tps := TurningPoints(m)
	checkTrue(t, m, tps)
	checkPicked(t, m, tps)

	find := func(turn int, k TurningKind, ok func(TurningPoint) bool) TurningPoint {
		t.Helper()
		for _, tp := range tps {
			if tp.Turn == turn && tp.Kind == k && (ok == nil || ok(tp)) {
				return tp
			}
		}
		t.Fatalf("no %s in turn %d among %+v", k, turn, tps)
		return TurningPoint{}
	}
	ctl := find(1, TurnControlLevel, func(tp TurningPoint) bool { return tp.Track == game.TrackControls })
	if ctl.Before != 2 || ctl.After != 3 || ctl.Delta != 1 {
		t.Errorf("controls should go 2→3 in turn 1: %+v", ctl)
	}
	rise := find(1, TurnTensionRise, nil)
	if rise.Before != 5 || rise.Delta < 2 {
		t.Errorf("the quarantine (+2) should raise tension from 5 by 2 or more: %+v", rise)
	}
	q := find(1, TurnBigAction, nil)
	if q.Action != idx(t, sc, "action", "customs_quarantine") || !reflect.DeepEqual(q.Actors, []int{cn}) {
		t.Errorf("the quarantine is Beijing's once-only move: %+v", q)
	}
	shift := find(1, TurnBlocShift, nil)
	if shift.Swing != sg || game.AlignBloc(shift.After) != game.BlocUS || game.AlignBloc(shift.Before) != game.BlocNone {
		t.Errorf("Singapore should join the US bloc in turn 1: %+v", shift)
	}
	// Beijing's quarantine put two points into the Strait; Washington's
	// arms sales one, and its controls fed the grievance behind the
	// grey-zone pressure: both drove it, Beijing the more.
	cr := find(2, TurnCrisis, nil)
	if !reflect.DeepEqual(cr.Actors, []int{cn, us}) || cr.After != 10 {
		t.Errorf("the crisis is Beijing's and Washington's doing, at tension 10: %+v", cr)
	}
	last := tps[len(tps)-1]
	if last.Turn != 2 {
		t.Errorf("nothing happens after the crisis; last is %+v", last)
	}
	for _, tp := range tps {
		if tp.Turn == 2 && tp.Kind != TurnCrisis && tp.Weight > cr.Weight {
			t.Errorf("the crisis should lead its turn: %+v", tp)
		}
		if tp.Turn == 2 && tp.Kind == TurnScoreSwing {
			t.Errorf("the crisis turn's collapse is not a score swing: %+v", tp)
		}
	}
	if tps[0].Turn != 1 || tps[0].Kind != TurnTensionRise {
		t.Errorf("the first point should be turn 1's tension rise (the heaviest of the turn), got %+v", tps[0])
	}
}

// Whole all-bot matches: every point is true, the picks are the heaviest,
// and the same match always gives the same points.
func TestTurningPointsBotMatches(t *testing.T) {
	sc := loadScenario(t)
	for _, seed := range []uint64{1, 2, 3, 7, 42} {
		m := botMatch(t, sc, seed)
		tps := TurningPoints(m)
		if len(tps) == 0 {
			t.Errorf("seed %d: a whole match with no turning point", seed)
		}
		checkTrue(t, m, tps)
		checkPicked(t, m, tps)
		// The same secret coming out again is not news.
		var seen [][2]int
		for _, tp := range turningCandidates(m) {
			if tp.Kind != TurnExposed {
				continue
			}
			k := [2]int{tp.Actors[0], tp.Action}
			if slices.Contains(seen, k) {
				t.Errorf("seed %d: %s exposed twice as a turning point", seed, sc.Actions[tp.Action].ID)
			}
			seen = append(seen, k)
		}
		if again := TurningPoints(botMatch(t, sc, seed)); !reflect.DeepEqual(tps, again) {
			t.Errorf("seed %d: not deterministic:\n%+v\n%+v", seed, tps, again)
		}
	}
}

// Every change of the export-control level in a match is a turning point
// when there are few of them: they outweigh the routine. (The first seed
// with one to three changes is used, so that content changes do not void
// the test.)
func TestTurningPointsKeepControlChanges(t *testing.T) {
	sc := loadScenario(t)
	for seed := uint64(1); seed <= 30; seed++ {
		m := botMatch(t, sc, seed)
		var want []int
		for i := range m.Turns {
			if m.States[i].Tracks[game.TrackControls] != m.States[i+1].Tracks[game.TrackControls] {
				want = append(want, i+1)
			}
		}
		if len(want) == 0 || len(want) > perKindCap {
			continue
		}
		var got []int
		for _, tp := range TurningPoints(m) {
			if tp.Kind == TurnControlLevel && tp.Track == game.TrackControls {
				got = append(got, tp.Turn)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("seed %d: control changes in turns %v, turning points name %v", seed, want, got)
		}
		return
	}
	t.Skip("no seed in 1-30 has one to three changes of the control level")
}

// An empty match (no turn played) has no turning points.
func TestTurningPointsNone(t *testing.T) {
	sc := loadScenario(t)
	m, err := New(sc, 1, make([]Seat, len(sc.Actors)))
	if err != nil {
		t.Fatal(err)
	}
	if tps := TurningPoints(m); len(tps) != 0 {
		t.Errorf("no turn played, yet %+v", tps)
	}
}
