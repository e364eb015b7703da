package bot

import (
	"testing"

	"zerosum/content"
	"zerosum/game"
)

// BenchmarkBotModel measures the bots' model of the rules: the reference
// games and nudges a scenario needs once, before its first bot decision.
func BenchmarkBotModel(b *testing.B) {
	sc := defaultScenario(b)
	b.ReportAllocs()
	for b.Loop() {
		measure(sc)
	}
}

// defaultScenario loads the embedded default scenario.
func defaultScenario(tb testing.TB) *game.Scenario {
	tb.Helper()
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		tb.Fatal(err)
	}
	return p.Scenario
}

// The model reads the rules the right way round: more controls mean a
// smaller chip supply for Beijing and more self-reliance by the end, and a
// change in a number moves that number itself.
func TestModelReadsTheRules(t *testing.T) {
	sc := defaultScenario(t)
	m := modelFor(sc)
	n := m.slots
	slot := func(r game.Ref) int { return slotOf(sc, r) }
	cn := sc.RoleActor(game.RoleChinaGov)
	controls := slot(game.Ref{Kind: game.RefTrack, Track: game.TrackControls})
	chips := slot(game.Ref{Kind: game.RefStat, Actor: cn, Stat: game.StatChips})
	self := slot(game.Ref{Kind: game.RefStat, Actor: cn, Stat: game.StatSelfReliance})
	h := sc.Turns
	if s := m.sens[4][controls*n+chips]; s >= 0 {
		t.Errorf("a control level should cut Beijing's chip supply a few turns on; the model says %+d hundredths", s)
	}
	if s := m.sens[h][controls*n+self]; s <= 0 {
		t.Errorf("a control level should raise Beijing's self-reliance by the end; the model says %+d hundredths", s)
	}
	if s := m.sens[1][self*n+self]; s < 50 {
		t.Errorf("a point of self-reliance should still be there a turn later; the model says %d hundredths", s)
	}
	if m != modelFor(sc) {
		t.Error("the model should be measured once per scenario")
	}
}

// TestEasySeatsNameRealSeats: every seat the easy bot is calibrated for is
// an actor of the default scenario, and every actor of it has a setting, so
// renaming an actor cannot silently drop its calibration.
func TestEasySeatsNameRealSeats(t *testing.T) {
	sc := defaultScenario(t)
	seats := map[seatKey]bool{}
	for i, a := range sc.Actors {
		k := seatKey{sc.ID, a.ID}
		seats[k] = true
		if _, ok := easySeats[k]; !ok {
			t.Errorf("no easy setting for %s/%s", sc.ID, a.ID)
		}
		if got := (Bot{Difficulty: Easy}).judgement(sc, i); got != easySeats[k] {
			t.Errorf("%s: judgement %v, want the calibrated %v", a.ID, got, easySeats[k])
		}
	}
	for k, j := range easySeats {
		if !seats[k] {
			t.Errorf("easy setting %v for %s/%s, which is not a seat of the default scenario", j, k.scenario, k.actor)
		}
		if j.attention < 0 || j.attention > 100 || j.noisePct < 0 {
			t.Errorf("%s/%s: setting %v out of range", k.scenario, k.actor, j)
		}
	}
	if got := (Bot{Difficulty: Normal}).judgement(sc, 0); got != judgements[Normal] {
		t.Errorf("normal bot's judgement %v, want %v", got, judgements[Normal])
	}
}
