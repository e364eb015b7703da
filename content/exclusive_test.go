package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"zerosum/game"
	"zerosum/game/sim"
)

// The packs the exclusivity tests play: both embedded scenarios and a test
// scenario with an event and an order in play that are the same happening.
func exclusivePacks(t *testing.T) map[string]*Pack {
	t.Helper()
	out := map[string]*Pack{}
	for _, id := range ScenarioIDs() {
		p, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		out[id] = p
	}
	p, err := LoadPath("testdata/custom/same_as.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out["same_as.yaml"] = p
	return out
}

// sameAsPairs lists, for a pack, every (event, action) pair of a same_as:
// with both in play.
func sameAsPairs(p *Pack) [][2]int {
	sc := p.Scenario
	var out [][2]int
	for ei, ev := range sc.Events {
		for _, id := range p.SameAs(ev.ID) {
			if ai, ok := sc.ActionIndex(id); ok {
				out = append(out, [2]int{ei, ai})
			}
		}
	}
	return out
}

// TestSameAsExcludes: for every same_as pair in play, in a world where the
// event could fire, taking the action first makes it ineligible; and once
// the event has fired, the action is refused with a reason that names the
// news.
func TestSameAsExcludes(t *testing.T) {
	tested := 0
	for name, p := range exclusivePacks(t) {
		sc := p.Scenario
		for _, pair := range sameAsPairs(p) {
			ei, ai := pair[0], pair[1]
			ev, act := sc.Events[ei], sc.Actions[ai]
			tested++
			// A world in which the event can fire: its own conditions met,
			// except the one same_as added, which holds while nobody took
			// the action.
			st, ok := reachable(sc, ev.When, -1, -1)
			if !ok || !sc.Holds(&st, ev.When, -1, -1) {
				t.Errorf("%s: event %s cannot be made eligible", name, ev.ID)
				continue
			}
			// Someone takes the action: the event is no longer eligible.
			taken := st.Clone()
			taken.Uses[ai] = game.Use{Count: 1, Last: taken.Turn - 1}
			if sc.Holds(&taken, ev.When, -1, -1) {
				t.Errorf("%s: event %s is still eligible after %s was taken", name, ev.ID, act.ID)
			}
			// The event fires: the action is refused, and the player is told why.
			fired := st.Clone()
			fired.Fired[ei] = 1
			fired.Actors[act.Actor].Stats[game.StatCapital] = 999
			for _, c := range act.Requires {
				if c.Ref.Kind != game.RefFired {
					satisfy(sc, &fired, c, act.Actor, 0)
				}
			}
			o := game.Order{Actor: sc.Actors[act.Actor].ID, Action: act.ID}
			if act.Targeted {
				o.Target = sc.Swing[0].ID
			}
			err := sc.Validate(&fired, act.Actor, []game.Order{o})[0]
			want := "already happened: " + ev.Name
			if err == nil || err.Error() != want {
				t.Errorf("%s: %s after %s fired: got %v, want %q", name, act.ID, ev.ID, err, want)
			}
			// And without the event, the same order goes through: the
			// refusal above is the event's doing.
			fired.Fired[ei] = 0
			if err := sc.Validate(&fired, act.Actor, []game.Order{o})[0]; err != nil {
				t.Errorf("%s: %s is refused even before %s fired: %v", name, act.ID, ev.ID, err)
			}
		}
	}
	if tested == 0 {
		t.Fatal("no same_as pair in play: the test checks nothing")
	}
}

// TestNewsAgreesWithPlay plays seeded all-bot games of every scenario and
// checks, after every turn: no event with same_as: ever happens together
// with one of its actions, no event that happens once happens twice, and no
// event that an actor in play decides is in the game at all.
func TestNewsAgreesWithPlay(t *testing.T) {
	games := 120
	if testing.Short() {
		games = 20
	}
	sameAsBoth := 0
	for name, p := range exclusivePacks(t) {
		sc := p.Scenario
		pairs := sameAsPairs(p)
		for _, ev := range sc.Events {
			if by := p.DecidedBy(ev.ID); by != "" {
				if _, ok := sc.ActorIndex(by); ok {
					t.Errorf("%s: event %s, decided by %s, is in play beside its actor", name, ev.ID, by)
				}
			}
		}
		for seed := uint64(1); seed <= uint64(games); seed++ {
			seats := sim.SeatsFor(sc, seed, 1)
			st, _ := sc.NewGame(seed)
			check := func() {
				for i, ev := range sc.Events {
					if !ev.Repeat && st.Fired[i] > 1 {
						t.Errorf("%s seed %d turn %d: %s happened %d times", name, seed, st.Turn, ev.ID, st.Fired[i])
					}
				}
				for _, pr := range pairs {
					if st.Fired[pr[0]] > 0 && st.Uses[pr[1]].Count > 0 {
						t.Errorf("%s seed %d turn %d: %s happened and %s was taken", name, seed, st.Turn,
							sc.Events[pr[0]].ID, sc.Actions[pr[1]].ID)
					}
				}
			}
			check()
			var view game.State
			for !st.Over {
				var orders []game.Order
				for a := range sc.Actors {
					sc.ViewInto(&view, &st, a, false)
					orders = append(orders, seats[a].Choose(sc, &view, a)...)
				}
				st, _ = sc.Advance(&st, orders)
				check()
			}
			for _, pr := range pairs {
				if st.Fired[pr[0]] > 0 || st.Uses[pr[1]].Count > 0 {
					sameAsBoth++
				}
			}
		}
	}
	if sameAsBoth == 0 {
		t.Error("no game saw either side of a same_as pair happen: the test checks nothing")
	}
}

// TestDecidedByTakesTheEventOut: an event that is an actor's own decision
// is out of play wherever that actor is in play, with the reason listed,
// and can happen where the actor is left out.
func TestDecidedByTakesTheEventOut(t *testing.T) {
	base, err := Load(DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	if len(base.decided) == 0 {
		t.Fatal("no event has decided_by: the test checks nothing")
	}
	for _, ev := range sortedKeys(base.decided) {
		by := base.decided[ev]
		if _, ok := base.Scenario.EventIndex(ev); ok {
			t.Errorf("race2025: event %s, decided by %s, is in play", ev, by)
		}
		want := fmt.Sprintf("event %s: it is decided by %s (decided_by: %s), who is in play and decides it by its own orders", ev, by, by)
		if !slices.Contains(base.Omitted, want) {
			t.Errorf("race2025: the reason %s is out of play is not listed; omitted: %q", ev, base.Omitted)
		}
		// The same scenario without that actor: the news comes back, and
		// in a world built for it, it can fire.
		var actors []string
		for _, a := range base.Scenario.Actors {
			if a.ID != by {
				actors = append(actors, a.ID)
			}
		}
		text := fmt.Sprintf("extends: race2025\nid: t\ntitle: T\nsummary: S.\nactors: [%s]\n", strings.Join(actors, ", "))
		p, err := loadText(t, text)
		if err != nil {
			// Leaving an actor out can leave another's objectives with
			// nothing to measure; that is not what this test is about.
			if !strings.Contains(err.Error(), "objectives of its own") {
				t.Fatalf("without %s: %v", by, err)
			}
			text += "objectives:\n"
			for _, line := range strings.Split(err.Error(), "\n") {
				if _, rest, ok := strings.Cut(line, "actors: "); ok {
					owner, _, _ := strings.Cut(rest, "'s objective")
					text += fmt.Sprintf("  %s:\n    - {id: o, name: O, desc: D, weight: 100, measure: tension, from: 8, to: 2}\n", owner)
				}
			}
			if p, err = loadText(t, text); err != nil {
				t.Fatalf("without %s: %v", by, err)
			}
		}
		sc := p.Scenario
		i, ok := sc.EventIndex(ev)
		if !ok {
			t.Errorf("without %s, event %s is still out of play: %q", by, ev, p.Omitted)
			continue
		}
		st, ok := reachable(sc, sc.Events[i].When, -1, -1)
		if !ok || !sc.Holds(&st, sc.Events[i].When, -1, -1) {
			t.Errorf("without %s, event %s can never fire", by, ev)
		}
	}
}
