package content

import (
	"testing"

	"zerosum/game"
)

// satisfy changes st so that condition c holds, as far as the condition can
// be met by setting one number. It reports false when it cannot.
func satisfy(sc *game.Scenario, st *game.State, c game.Condition, actor, target int) bool {
	want := c.Value
	switch c.Op {
	case game.OpLT:
		want--
	case game.OpGT, game.OpNE:
		want++
	}
	r := c.Ref
	switch r.Kind {
	case game.RefStat:
		a := r.Actor
		if a == game.ActorSelf {
			a = actor
		}
		st.Actors[a].Stats[r.Stat] = min(max(want, 0), r.Stat.Max())
	case game.RefTrack:
		st.Tracks[r.Track] = min(max(want, r.Track.Min()), r.Track.Max())
	case game.RefSwing:
		for i := range st.Swing {
			if r.Swing >= 0 && i != r.Swing || r.Swing == game.SwingTarget && i != target ||
				r.Swing == game.SwingTier2 && sc.Swing[i].Tier != 2 {
				continue
			}
			v := min(max(want, game.AlignMin), game.AlignMax)
			if r.Field == game.FieldSovereign {
				st.Swing[i].Sovereign = min(max(want, 0), 100)
			} else {
				st.Swing[i].Align = v
			}
		}
	case game.RefTurn:
		st.Turn = min(max(want, 1), sc.Turns)
	case game.RefDone:
		st.Uses[r.Index].Count = max(want, 0)
		if want > 0 {
			st.Uses[r.Index].Last = 1
		}
	case game.RefLast:
		if want > 0 {
			st.Uses[r.Index] = game.Use{Count: 1, Last: st.Turn - 1}
		} else {
			st.Uses[r.Index] = game.Use{}
		}
	case game.RefFired:
		st.Fired[r.Index] = max(want, 0)
	case game.RefGap:
		us, cn := sc.RoleActor(game.RoleUSGov), sc.RoleActor(game.RoleChinaGov)
		st.Actors[cn].Stats[game.StatFrontier] = 50
		st.Actors[us].Stats[game.StatFrontier] = min(max(50+want, 0), 100)
	case game.RefBloc:
		n := 0
		for i := range st.Swing {
			switch {
			case n < want:
				switch r.Bloc {
				case game.BlocUS:
					st.Swing[i].Align = 60
				case game.BlocChina:
					st.Swing[i].Align = -60
				default:
					st.Swing[i].Align = 0
				}
				n++
			case r.Bloc == game.BlocNone:
				st.Swing[i].Align = 60
			default:
				st.Swing[i].Align = 0
			}
		}
	default:
		return false
	}
	return true
}

// reachable builds a state in which all conditions hold, or reports why not.
func reachable(sc *game.Scenario, cs []game.Condition, actor, target int) (game.State, bool) {
	st, _ := sc.NewGame(1)
	st.Turn = 2
	// Conditions on turn first, since last.* depends on it.
	for _, c := range cs {
		if c.Ref.Kind == game.RefTurn && !satisfy(sc, &st, c, actor, target) {
			return st, false
		}
	}
	for _, c := range cs {
		if c.Ref.Kind != game.RefTurn && !satisfy(sc, &st, c, actor, target) {
			return st, false
		}
	}
	return st, sc.Holds(&st, cs, actor, target)
}

// TestEveryActionIsReachable: for every action there is a world in which
// its owner may take it; no action has requirements that contradict each
// other or the ranges of the numbers they read.
func TestEveryActionIsReachable(t *testing.T) {
	for _, id := range ScenarioIDs() {
		p, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		sc := p.Scenario
		for ai, a := range sc.Actions {
			target := -1
			if a.Targeted {
				target = 0
			}
			st, ok := reachable(sc, a.Requires, a.Actor, target)
			if !ok {
				t.Errorf("%s: action %s: its requirements cannot all hold at once", id, a.ID)
				continue
			}
			st.Actors[a.Actor].Stats[game.StatCapital] = 999
			st.Uses[ai] = game.Use{}
			o := game.Order{Actor: sc.Actors[a.Actor].ID, Action: a.ID}
			if target >= 0 {
				o.Target = sc.Swing[target].ID
			}
			if err := sc.Validate(&st, a.Actor, []game.Order{o})[0]; err != nil {
				t.Errorf("%s: action %s is not reachable: %v", id, a.ID, err)
			}
		}
	}
}

// TestEveryEventIsReachable: for every event there is a world in which it
// is eligible, and then it can actually fire (triggers at once; others by
// the draw).
func TestEveryEventIsReachable(t *testing.T) {
	for _, id := range ScenarioIDs() {
		p, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		sc := p.Scenario
		for ei, ev := range sc.Events {
			st, ok := reachable(sc, ev.When, -1, -1)
			if !ok {
				t.Errorf("%s: event %s: its conditions cannot all hold at once", id, ev.ID)
				continue
			}
			st.Fired[ei] = 0
			if !sc.Holds(&st, ev.When, -1, -1) {
				t.Errorf("%s: event %s is not eligible in the world built for it", id, ev.ID)
			}
			if !ev.Trigger && ev.Weight <= 0 {
				t.Errorf("%s: event %s can never be drawn (weight %d)", id, ev.ID, ev.Weight)
			}
		}
	}
}

// TestContentShape checks the rules of the default scenario that the issue
// sets for content: 8 actors, at least 8 swing states, 8-14 actions and
// 3-4 objectives per actor, at least 40 events each with a teaching note,
// at least 25 glossary terms, and every causal link of the source embodied
// by some action or event.
func TestContentShape(t *testing.T) {
	p, err := Load(DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	if len(sc.Actors) != 8 {
		t.Errorf("%d actors, want 8", len(sc.Actors))
	}
	if len(sc.Swing) < 8 {
		t.Errorf("%d swing states, want at least 8", len(sc.Swing))
	}
	for _, a := range sc.Actors {
		if n := len(a.Actions); n < 8 || n > 14 {
			t.Errorf("%s has %d actions, want 8-14", a.ID, n)
		}
		if n := len(a.Objectives); n < 3 || n > 4 {
			t.Errorf("%s has %d objectives, want 3-4", a.ID, n)
		}
	}
	if len(sc.Events) < 40 {
		t.Errorf("%d events, want at least 40", len(sc.Events))
	}
	for _, e := range sc.Events {
		if p.T("events."+e.ID+".teaching") == "" {
			t.Errorf("event %s has no teaching note", e.ID)
		}
	}
	if len(p.Glossary) < 25 {
		t.Errorf("%d glossary terms, want at least 25", len(p.Glossary))
	}
	var links [13]int
	for _, a := range sc.Actions {
		for _, l := range a.Links {
			links[l]++
		}
	}
	for _, e := range sc.Events {
		for _, l := range e.Links {
			links[l]++
		}
	}
	for l := 1; l <= 12; l++ {
		if links[l] == 0 {
			t.Errorf("causal link %d of the source is not embodied by any action or event", l)
		}
	}
	for _, term := range []string{"fdpr", "entity_list", "ascend_910c", "hbm", "diffusion_rule", "sovereign_ai",
		"grey_zone", "customs_quarantine", "ai_act", "open_weights"} {
		if _, ok := p.TermByID(term); !ok {
			t.Errorf("glossary lacks %s", term)
		}
	}
}

// TestEveryGlossaryTermIsUsedOrSeen: a glossary term nobody links to and
// no other term refers to is dead weight; the loader already checks the
// other direction (every link resolves).
func TestEveryGlossaryTermIsUsedOrSeen(t *testing.T) {
	p, err := Load(DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, v := range p.text {
		for _, id := range TermRefs(v) {
			used[id] = true
		}
	}
	for _, term := range p.Glossary {
		for _, s := range term.See {
			used[s] = true
		}
	}
	for _, term := range p.Glossary {
		if !used[term.ID] {
			t.Errorf("glossary term %s is never linked from any text", term.ID)
		}
	}
}
