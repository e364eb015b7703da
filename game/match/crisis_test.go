package match

import (
	"testing"

	"zerosum/game"
)

// A crisis that the news opening a turn sets off is dated to that turn,
// which is never played: the report that records it, and the push that
// caused it, are the turn before's. CrisisReport finds it, where
// Report(State().Crisis.Turn) would be out of range (the end screen
// panicked so after a facilitator's custom news "tension=+1" tipped the
// Strait over).
func TestCrisisReportByNews(t *testing.T) {
	sc := quiet(loadScenario(t))
	m, err := New(sc, 7, make([]Seat, len(sc.Actors)))
	if err != nil {
		t.Fatal(err)
	}
	m.State().Tracks[game.TrackTension] = game.TrackTension.Max() - 1
	if _, _, ok := m.CrisisReport(); ok {
		t.Fatal("a crisis report before any crisis")
	}
	news, err := sc.ParseInjection("news:Cable cut off Matsu|tension=+3")
	if err != nil {
		t.Fatal(err)
	}
	// No orders: tension falls back by the standing dynamics (or holds),
	// and the news then pushes it to the top.
	rep := m.ApplyWith(nil, []game.Injection{news})
	st := m.State()
	if !rep.Crisis || !m.Over() {
		t.Fatalf("the news should set off a crisis; tension %d", st.Tension())
	}
	if st.Crisis.Turn != 2 || len(m.Turns) != 1 {
		t.Fatalf("crisis dated turn %d after %d turns; want turn 2 (the news opening it) after 1", st.Crisis.Turn, len(m.Turns))
	}
	got, turn, ok := m.CrisisReport()
	if !ok || turn != 1 || !got.Crisis || got.Turn != 1 {
		t.Fatalf("CrisisReport = turn %d (report of turn %d, crisis %v), %v; want turn 1", turn, got.Turn, got.Crisis, ok)
	}
	ch, ok := got.ChangeOf(game.Ref{Kind: game.RefTrack, Track: game.TrackTension})
	if !ok {
		t.Fatal("the crisis report has no change of tension")
	}
	injected := false
	for _, c := range ch.Causes {
		injected = injected || (c.Cause.Kind == game.CauseInjected && c.Delta > 0)
	}
	if !injected {
		t.Errorf("the crisis report's tension causes %+v leave out the news that pushed it", ch.Causes)
	}
}

// A crisis the orders set off is dated to the turn they were given in, and
// that turn's report records it.
func TestCrisisReportByOrders(t *testing.T) {
	sc := quiet(loadScenario(t))
	m, err := New(sc, 5, make([]Seat, len(sc.Actors)))
	if err != nil {
		t.Fatal(err)
	}
	cn := idx(t, sc, "actor", "beijing")
	st := m.State()
	st.Actors[cn].Stats[game.StatCapital] = 300
	st.Actors[cn].Stats[game.StatGrievance] = 75
	st.Tracks[game.TrackTension] = game.TrackTension.Max() - 1
	// Beijing quarantines Taiwan's ports and the Strait gives way.
	rep := m.Apply([]game.Order{{Actor: "beijing", Action: "customs_quarantine"}})
	if len(rep.Refused) > 0 {
		t.Fatalf("refused %v", rep.Refused)
	}
	if !rep.Crisis {
		t.Fatalf("no crisis; tension %d", m.State().Tension())
	}
	st = m.State()
	got, turn, ok := m.CrisisReport()
	if !ok || turn != st.Crisis.Turn || turn != len(m.Turns) || !got.Crisis {
		t.Fatalf("CrisisReport = turn %d (crisis %v), %v; the crisis is dated turn %d after %d turns", turn, got.Crisis, ok, st.Crisis.Turn, len(m.Turns))
	}
}
