package content

import (
	"fmt"
	"strings"

	"zerosum/game"
)

// cast works out what stays in play when a scenario leaves some of its
// base's actors out. An absent actor's actions go; effects on it are
// dropped; anything whose conditions read it goes, since they could never
// be judged; and whatever is left with nothing to do goes too. An action or
// event that goes is never taken or fired, so "done.x", "last.x" and
// "fired.x" of it stay 0, and conditions on them are decided once here
// (one that needs it to have happened can never hold). So is anything that
// needs a turn the scenario never reaches. Taking something out can take
// out more, so cast repeats until nothing changes.
type cast struct {
	sc   *game.Scenario // the base with the extension's changes, every actor still in it
	note string         // added to "x is not in play", to say where actors are chosen

	actors []bool      // per actor: in play
	keep   [2][]bool   // per castAction / castEvent index: still in play
	reason [2][]string // why one went
}

// The kinds of thing cast decides about.
const (
	castAction = iota
	castEvent
)

// The status of a reference once some actors are out of play.
type refStatus uint8

const (
	present refStatus = iota // reads something in play
	absent                   // reads an actor not in play: cannot be judged
	gone                     // counts an action or event not in play: always 0
)

func newCast(sc *game.Scenario, actors []bool) *cast {
	c := &cast{sc: sc}
	c.keep[castAction] = make([]bool, len(sc.Actions))
	c.keep[castEvent] = make([]bool, len(sc.Events))
	c.reason[castAction] = make([]string, len(sc.Actions))
	c.reason[castEvent] = make([]string, len(sc.Events))
	c.actors = actors
	for i, a := range sc.Actions {
		c.keep[castAction][i] = true
		if !actors[a.Actor] {
			c.drop(castAction, i, fmt.Sprintf("it belongs to %s, who is not in play", sc.Actors[a.Actor].ID))
		}
	}
	for i := range sc.Events {
		c.keep[castEvent][i] = true
	}
	return c
}

// decide takes out of play every event that describes the own decision of
// an actor in play (decided_by:, by event id): that actor's orders are how
// such a thing happens, and the engine, which does not know who sits
// where, must never make the decision for a player.
func (c *cast) decide(decided map[string]string) {
	for i, e := range c.sc.Events {
		id, ok := decided[e.ID]
		if !ok {
			continue
		}
		if a, ok := c.sc.ActorIndex(id); ok && c.actors[a] {
			c.drop(castEvent, i, fmt.Sprintf("it is decided by %s (decided_by: %s), who is in play and decides it by its own orders", id, id))
		}
	}
}

// drop takes one action or event out of play.
func (c *cast) drop(kind, i int, why string) {
	if c.keep[kind][i] {
		c.keep[kind][i] = false
		c.reason[kind][i] = why
	}
}

// why says why an action or event is not in play.
func (c *cast) why(kind, i int) string {
	if kind == castAction {
		return fmt.Sprintf("action %s is not in play: %s", c.sc.Actions[i].ID, c.reason[kind][i])
	}
	return fmt.Sprintf("event %s is not in play: %s", c.sc.Events[i].ID, c.reason[kind][i])
}

// status says whether a reference still reads something in play, and if
// not, why.
func (c *cast) status(r game.Ref) (refStatus, string) {
	switch r.Kind {
	case game.RefStat:
		if r.Actor >= 0 && !c.actors[r.Actor] {
			return absent, c.sc.Actors[r.Actor].ID + " is not in play in this scenario" + c.note
		}
	case game.RefGap:
		us, cn := c.sc.RoleActor(game.RoleUSGov), c.sc.RoleActor(game.RoleChinaGov)
		if us < 0 || cn < 0 {
			break // a base without both governments: the gap is always 0 there
		}
		for _, a := range []int{us, cn} {
			if !c.actors[a] {
				return absent, fmt.Sprintf("gap compares %s and %s, and %s is not in play in this scenario%s",
					c.sc.Actors[us].ID, c.sc.Actors[cn].ID, c.sc.Actors[a].ID, c.note)
			}
		}
	case game.RefDone, game.RefLast:
		if !c.keep[castAction][r.Index] {
			return gone, c.why(castAction, r.Index)
		}
	case game.RefFired:
		if !c.keep[castEvent][r.Index] {
			return gone, c.why(castEvent, r.Index)
		}
	}
	return present, ""
}

// possible reports whether conditions can still all hold, and if not, why.
func (c *cast) possible(cs []game.Condition) (bool, string) {
	for _, cd := range cs {
		switch st, why := c.status(cd.Ref); st {
		case absent:
			return false, fmt.Sprintf("it reads %s, but %s", c.sc.Format(cd.Ref), why)
		case gone:
			if !cd.Holds(0) {
				return false, fmt.Sprintf("it needs %s, but %s", c.sc.FormatCondition(cd), why)
			}
		}
	}
	// Turn conditions must leave some turn of the scenario.
	for t := 1; t <= c.sc.Turns; t++ {
		ok := true
		for _, cd := range cs {
			if cd.Ref.Kind == game.RefTurn && !cd.Holds(t) {
				ok = false
				break
			}
		}
		if ok {
			return true, ""
		}
	}
	var turns []string
	for _, cd := range cs {
		if cd.Ref.Kind == game.RefTurn {
			turns = append(turns, fmt.Sprintf("%s (%s)", c.sc.FormatCondition(cd), c.date(cd.Value)))
		}
	}
	return false, fmt.Sprintf("it needs %s, but the scenario runs from %s to %s (%d turns)", strings.Join(turns, " and "),
		c.date(1), c.date(c.sc.Turns), c.sc.Turns)
}

// date names a turn as a half-year, even one before the first turn.
func (c *cast) date(turn int) string {
	h := c.sc.StartYear*2 + c.sc.StartHalf - 1 + turn - 1
	return fmt.Sprintf("H%d %d", h%2+1, h/2)
}

// effects keeps the effects on what is in play.
func (c *cast) effects(es []game.Effect) []game.Effect {
	var out []game.Effect
	for _, e := range es {
		if st, _ := c.status(e.Target); st == present {
			out = append(out, e)
		}
	}
	return out
}

// settle takes out, until nothing changes, every action and event that can
// no longer happen or would do nothing.
func (c *cast) settle() {
	for changed := true; changed; {
		changed = false
		for i, a := range c.sc.Actions {
			if !c.keep[castAction][i] {
				continue
			}
			if ok, why := c.possible(a.Requires); !ok {
				c.drop(castAction, i, why)
			} else if len(c.effects(a.Effects)) == 0 {
				c.drop(castAction, i, "everything it changes belongs to actors not in play")
			}
			changed = changed || !c.keep[castAction][i]
		}
		for i, e := range c.sc.Events {
			if !c.keep[castEvent][i] {
				continue
			}
			if ok, why := c.possible(e.When); !ok {
				c.drop(castEvent, i, why)
			} else if len(c.effects(e.Effects)) == 0 && !c.reveals(e) {
				c.drop(castEvent, i, "everything it changes or reveals belongs to actors not in play")
			}
			changed = changed || !c.keep[castEvent][i]
		}
	}
}

func (c *cast) reveals(e game.EventDef) bool {
	for _, a := range e.Reveal {
		if c.keep[castAction][a] {
			return true
		}
	}
	return false
}

// scenario builds the scenario with only what is in play, every index
// renumbered. The caller indexes and checks it.
func (c *cast) scenario() *game.Scenario {
	sc := c.sc
	renumber := func(keep []bool) []int {
		out, n := make([]int, len(keep)), 0
		for i, k := range keep {
			out[i] = -1
			if k {
				out[i] = n
				n++
			}
		}
		return out
	}
	actorAt, actionAt, eventAt := renumber(c.actors), renumber(c.keep[castAction]), renumber(c.keep[castEvent])
	ref := func(r game.Ref) game.Ref {
		switch r.Kind {
		case game.RefStat:
			if r.Actor >= 0 {
				r.Actor = actorAt[r.Actor]
			}
		case game.RefDone, game.RefLast:
			r.Index = actionAt[r.Index]
		case game.RefFired:
			r.Index = eventAt[r.Index]
		}
		return r
	}
	// conds keeps the conditions that still read something; the others
	// were decided by settle (they hold, or their owner is gone).
	conds := func(cs []game.Condition) []game.Condition {
		var out []game.Condition
		for _, cd := range cs {
			if st, _ := c.status(cd.Ref); st == present {
				cd.Ref = ref(cd.Ref)
				out = append(out, cd)
			}
		}
		return out
	}
	effects := func(es []game.Effect) []game.Effect {
		var out []game.Effect
		for _, e := range c.effects(es) {
			// An effect whose condition reads an actor not in play goes
			// with it: it could never be judged.
			if kept := conds(e.When); len(kept) != len(e.When) {
				continue
			}
			e.Target = ref(e.Target)
			e.When = conds(e.When)
			out = append(out, e)
		}
		return out
	}

	out := *sc
	out.Actors, out.Actions, out.Events, out.Outcomes = nil, nil, nil, nil
	for i, a := range sc.Actors {
		if !c.actors[i] {
			continue
		}
		a.Actions = nil
		for _, ai := range sc.Actors[i].Actions {
			if actionAt[ai] >= 0 {
				a.Actions = append(a.Actions, actionAt[ai])
			}
		}
		a.Objectives = nil
		for _, o := range sc.Actors[i].Objectives {
			if st, _ := c.status(o.Measure); st == present {
				o.Measure = ref(o.Measure)
				a.Objectives = append(a.Objectives, o)
			}
		}
		out.Actors = append(out.Actors, a)
	}
	for i, a := range sc.Actions {
		if actionAt[i] < 0 {
			continue
		}
		a.Actor = actorAt[a.Actor]
		a.Requires, a.Effects, a.ExposedEffects = conds(a.Requires), effects(a.Effects), effects(a.ExposedEffects)
		out.Actions = append(out.Actions, a)
	}
	for i, e := range sc.Events {
		if eventAt[i] < 0 {
			continue
		}
		e.When, e.Effects = conds(e.When), effects(e.Effects)
		var reveal []int
		for _, a := range e.Reveal {
			if actionAt[a] >= 0 {
				reveal = append(reveal, actionAt[a])
			}
		}
		e.Reveal = reveal
		out.Events = append(out.Events, e)
	}
	for _, o := range sc.Outcomes {
		if ok, _ := c.possible(o.When); ok {
			o.When = conds(o.When)
			out.Outcomes = append(out.Outcomes, o)
		}
	}
	return &out
}

// omitted lists every action and event that went, with the reason, in
// content order; actions of an actor not in play are counted, not listed.
func (c *cast) omitted() []string {
	var out []string
	n := map[string]int{}
	for i, a := range c.sc.Actions {
		switch {
		case c.keep[castAction][i]:
		case !c.actors[a.Actor]:
			n[c.sc.Actors[a.Actor].ID]++
		default:
			out = append(out, fmt.Sprintf("action %s: %s", a.ID, c.reason[castAction][i]))
		}
	}
	for i, e := range c.sc.Events {
		if !c.keep[castEvent][i] {
			out = append(out, fmt.Sprintf("event %s: %s", e.ID, c.reason[castEvent][i]))
		}
	}
	var actors []string
	for i, a := range c.sc.Actors {
		if !c.actors[i] {
			actors = append(actors, fmt.Sprintf("%s (%d actions)", a.ID, n[a.ID]))
		}
	}
	if len(actors) > 0 {
		out = append([]string{"actors not in play: " + strings.Join(actors, ", ")}, out...)
	}
	return out
}
