package game_test

import (
	"strings"
	"testing"

	"zerosum/game"
)

func TestInjectionTextRoundTrip(t *testing.T) {
	sc := scenario(t)
	for _, s := range []string{
		"event:capital_flight_taiwan",
		"news:Typhoon shuts Kaohsiung port|tension=+1;taipei.stability=-3;india.align=+5",
	} {
		in, err := sc.ParseInjection(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if got := sc.FormatInjection(in); got != s {
			t.Errorf("round trip: %q became %q", s, got)
		}
	}
	bad := map[string]string{
		"event:capital_flite_taiwan": `did you mean "capital_flight_taiwan"`,
		"news:|tension=+1":           "needs a headline",
		"news:Quiet day":             "changes nothing",
		"news:Odd|self.capital=+5":   "cannot change self.capital",
		"news:Odd|gap=+5":            "cannot change gap",
		"news:Odd|tension=0":         "not 0",
		"news:Odd|tension=lots":      "whole number",
		"rumour:x":                   "should be event or news",
		"nothing":                    "should read",
	}
	for s, want := range bad {
		if _, err := sc.ParseInjection(s); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", s, err, want)
		}
	}
}

// TestInjectedEventFiresWhateverItsConditions: a facilitator's event fires
// with the next turn's news even when its conditions do not hold, counts as
// fired, and is not drawn twice.
func TestInjectedEventFiresWhateverItsConditions(t *testing.T) {
	sc := scenario(t)
	st, _ := sc.NewGame(1)
	in, _ := sc.ParseInjection("event:capital_flight_taiwan")
	if sc.Holds(&st, sc.Events[in.Event].When, -1, -1) {
		t.Fatal("the test needs an event whose conditions do not hold at the start")
	}
	next, rep := sc.ResolveWith(&st, nil, []game.Injection{in, in})
	n := 0
	for _, e := range rep.Events {
		if e == in.Event {
			n++
		}
	}
	if n != 1 || next.Fired[in.Event] != 1 {
		t.Fatalf("the injected event fired %d times (fired count %d), want once", n, next.Fired[in.Event])
	}
	plain, _ := sc.Resolve(&st, nil)
	if plain.Hash() == next.Hash() {
		t.Error("the injection changed nothing")
	}
	same, _ := sc.ResolveWith(&st, nil, nil)
	if same.Hash() != plain.Hash() {
		t.Error("ResolveWith without injections differs from Resolve")
	}
}

// TestCustomNewsAppliesItsEffects: custom news changes exactly what it
// says, with its own cause in the ledger.
func TestCustomNewsAppliesItsEffects(t *testing.T) {
	sc := quiet(scenario(t))
	st, _ := sc.NewGame(2)
	in, err := sc.ParseInjection("news:Typhoon shuts Kaohsiung port|tension=+2;taipei.stability=-3")
	if err != nil {
		t.Fatal(err)
	}
	_, base := sc.Resolve(&st, nil)
	_, rep := sc.ResolveWith(&st, nil, []game.Injection{in})
	fab := role(t, sc, game.RoleFoundry)
	if d := delta(rep, track(game.TrackTension)) - delta(base, track(game.TrackTension)); d != 2 {
		t.Errorf("tension moved %d more, want 2", d)
	}
	if d := delta(rep, stat(fab, game.StatStability)) - delta(base, stat(fab, game.StatStability)); d != -3 {
		t.Errorf("Taipei's stability moved %d more, want -3", d)
	}
	if len(rep.Injected) != 1 || rep.Injected[0] != "Typhoon shuts Kaohsiung port" {
		t.Errorf("headline not reported: %v", rep.Injected)
	}
	ch, _ := rep.ChangeOf(track(game.TrackTension))
	found := false
	for _, c := range ch.Causes {
		if c.Kind == game.CauseInjected && c.Delta == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("the ledger does not name the facilitator's news: %+v", ch.Causes)
	}
}
