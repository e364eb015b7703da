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
