package bot

import (
	"slices"

	"zerosum/game"
)

// aim is one number an action's effect moves, as a bot values it: the
// effect's reference resolved once per scenario into the slot of the
// number (an effect on a group of swing states is one aim per state in it),
// so that valuing an option does not resolve references again for every
// option of every decision.
type aim struct {
	slot  int // the number; for an aim at the order's target, that of swing state 0
	d     int // the change, in hundredths
	delay int
	when  []game.Condition
	// onTarget: the number is the order's target's (slot + 2*target).
	onTarget bool
	// grievance: it is China's grievance, whose crisis risk is judged by
	// the grey-zone pressure it makes (see worthAt).
	grievance bool
	// capital: it is the capital of the action's owner, which the bot
	// counts at what the money can buy.
	capital bool
	// live has bit h set when the aim may be worth something to its owner
	// h resolutions before the end (see worthless); beyond the mask's
	// width every horizon counts as live.
	live uint64
	// owner is the action's owner, and at what the model says of the
	// aim's number at each horizon h (at[h]; for an aim at the target, of
	// each target's number, at[h*targets+target]), for the owner's
	// objectives: what evaluator.aimWorth reads for it.
	owner, targets int
	at             []aimAt
	// plain: it has no conditions and is neither grievance nor capital;
	// size is |d|.
	plain bool
	size  int
}

// aimAt is what the model says of an aim's number h resolutions before
// the end: the owner's row of it, the way the aim moves it (model.sparseRows
// worth), and the tension it adds along the way per the aim's change
// (the model's peak times d, in hundredths).
type aimAt struct {
	cells   []unitCell
	tension int
}

// atHorizons works out an aim's at, and its targets (the swing states, for
// an aim at the target; otherwise 1).
func atHorizons(sc *game.Scenario, m *model, owner int, a *aim) (at []aimAt, targets int) {
	dir := 0
	if a.d < 0 {
		dir = 1
	}
	targets = 1
	if a.onTarget {
		targets = len(sc.Swing)
	}
	at = make([]aimAt, (m.turns+1)*targets)
	for h := 1; h <= m.turns; h++ {
		r := &m.toMeasured[owner][h]
		for t := range targets {
			slot := a.slot
			if a.onTarget {
				slot += 2 * t
			}
			at[h*targets+t] = aimAt{cells: r.worth[dir][r.start[slot]:r.start[slot+1]], tension: int(m.peak[h][slot]) * a.d / 100}
		}
	}
	return at, targets
}

// liveAt reports whether the aim may be worth anything h resolutions
// before the end; when it is not, evaluator.aimWorth would give 0 (as it
// does for h <= 0: the change arrives after the end).
func (a *aim) liveAt(h int) bool {
	return h > 0 && (h >= 64 || a.live&(1<<h) != 0)
}

// actionAims is one action as a bot values it.
type actionAims struct {
	// effects are the aims of its effects that do not depend on the
	// order's target, aimed those at the target (for a targeted action;
	// an action without a target has none: an effect at "target" moves
	// nothing).
	effects, aimed []aim
	exposed        []aim // what exposure would bring (now, whatever the conditions)
	// targeted and covert are the action's own (ActionDef).
	targeted, covert bool
	// tensionNow is the tension its effects add at once or a turn later,
	// conditions or not (the mutual-loss rule of evaluator.value).
	tensionNow int
	// tilt is each personality's taste for the action (tiltOf its tags).
	tilt [NumPersonalities]int
	// revealedBy are the drawn events (not triggers) whose news brings the
	// action to light, if it is covert and was taken.
	revealedBy []int
	// unlocks are the owner's own actions that need this one taken first,
	// each with the rest of what it needs.
	unlocks []unlock
}

// unlock is an action that taking another opens, and its other needs.
type unlock struct {
	action int
	others []game.Condition
}

// aimsFor returns the scenario's actions as bots value them, working them
// out the first time. An action's aims are its owner's: a bot values only
// its own actor's actions.
func aimsFor(sc *game.Scenario) []actionAims {
	return sc.Derived("bot.aims", func() any { return compileAims(sc) }).([]actionAims)
}

func compileAims(sc *game.Scenario) []actionAims {
	m := modelFor(sc)
	out := make([]actionAims, len(sc.Actions))
	for ai := range sc.Actions {
		def := &sc.Actions[ai]
		a := &out[ai]
		for _, ef := range def.Effects {
			a.effects = appendAims(a.effects, sc, def.Actor, ef.Target, ef.Add*100, ef.Delay, ef.When)
			if t := ef.Target; t.Kind == game.RefTrack && t.Track == game.TrackTension && ef.Delay <= 1 {
				a.tensionNow += ef.Add
			}
		}
		for _, ef := range def.ExposedEffects {
			a.exposed = appendAims(a.exposed, sc, def.Actor, ef.Target, ef.Add*100, 0, nil)
		}
		for _, aims := range [][]aim{a.effects, a.exposed} {
			for i := range aims {
				aims[i].live = liveHorizons(sc, m, def.Actor, aims[i])
				aims[i].owner = def.Actor
				aims[i].at, aims[i].targets = atHorizons(sc, m, def.Actor, &aims[i])
			}
		}
		for p := range NumPersonalities {
			a.tilt[p] = tiltOf(p, def.Tags)
		}
		a.unlocks = unlocksOf(sc, ai)
		for ei := range sc.Events {
			// Only news that is drawn: a trigger fires on its conditions,
			// not by the odds exposeOdds works out.
			if ev := &sc.Events[ei]; !ev.Trigger && slices.Contains(ev.Reveal, ai) {
				a.revealedBy = append(a.revealedBy, ei)
			}
		}
		dead := func(x aim) bool { return x.live == 0 }
		a.effects = slices.DeleteFunc(a.effects, dead)
		a.exposed = slices.DeleteFunc(a.exposed, dead)
		// The aims at the target apart: a decision values the others
		// once per action, these once per target.
		if def.Targeted {
			for _, x := range a.effects {
				if x.onTarget {
					a.aimed = append(a.aimed, x)
				}
			}
		}
		a.effects = slices.DeleteFunc(a.effects, func(x aim) bool { return x.onTarget })
		a.targeted, a.covert = def.Targeted, def.Covert
	}
	return out
}

// liveHorizons is the aim's live mask: bit h is set unless the aim is
// worthless h resolutions before the end, which it is when the model sees
// its number (on any target) move nothing the owner's objectives read at
// that horizon, nor the Strait's tension on the way, and it is neither
// China's grievance (valued by the pressure it makes) nor the owner's
// capital. evaluator.aimWorth gives such an aim 0, so a bot skips it; one
// worthless at every horizon is left out (about a third of race2025's).
func liveHorizons(sc *game.Scenario, m *model, owner int, a aim) uint64 {
	if a.grievance || a.capital {
		return ^uint64(0)
	}
	slots := []int{a.slot}
	if a.onTarget {
		slots = slots[:0]
		for t := range sc.Swing {
			slots = append(slots, a.slot+2*t)
		}
	}
	var live uint64
	for h := 1; h <= m.turns && h < 64; h++ {
		for _, slot := range slots {
			if len(m.toMeasured[owner][h].row(slot)) > 0 || m.peak[h][slot] != 0 {
				live |= 1 << h
			}
		}
	}
	if m.turns >= 64 {
		live |= 1 // keeps an aim that is live only beyond the mask
	}
	return live
}

// appendAims adds the aims of one effect of an action of owner's. Effects
// that change nothing, or nothing a bot can value, have none.
func appendAims(aims []aim, sc *game.Scenario, owner int, r game.Ref, d, delay int, when []game.Condition) []aim {
	if d == 0 {
		return aims
	}
	if r.Kind == game.RefSwing && (r.Swing == game.SwingAll || r.Swing == game.SwingTier2) {
		for i := range sc.Swing {
			if r.Swing == game.SwingTier2 && sc.Swing[i].Tier != 2 {
				continue
			}
			aims = appendAims(aims, sc, owner, game.Ref{Kind: game.RefSwing, Swing: i, Field: r.Field}, d, delay, when)
		}
		return aims
	}
	a := aim{d: d, delay: delay, when: when}
	if r.Kind == game.RefSwing && r.Swing == game.SwingTarget {
		a.onTarget = true
		r.Swing = 0
	}
	r = concrete(r, owner, -1)
	if a.slot = slotOf(sc, r); a.slot < 0 {
		return aims
	}
	a.grievance = r.Kind == game.RefStat && r.Stat == game.StatGrievance && r.Actor == sc.RoleActor(game.RoleChinaGov)
	a.capital = r.Kind == game.RefStat && r.Stat == game.StatCapital && r.Actor == owner
	a.plain, a.size = len(when) == 0 && !a.grievance && !a.capital, abs(d)
	return append(aims, a)
}

// unlocksOf lists the actions of action's owner that need it taken first
// ("done.<action> >= 1"). Targeted actions are left out: what they are
// worth depends on a target not chosen yet.
func unlocksOf(sc *game.Scenario, action int) []unlock {
	var out []unlock
	for _, bi := range sc.Actors[sc.Actions[action].Actor].Actions {
		b := &sc.Actions[bi]
		if bi == action || b.Targeted {
			continue
		}
		var others []game.Condition
		needs := false
		for _, c := range b.Requires {
			if c.Ref.Kind == game.RefDone && c.Ref.Index == action &&
				((c.Op == game.OpGE && c.Value == 1) || (c.Op == game.OpGT && c.Value == 0)) {
				needs = true
				continue
			}
			others = append(others, c)
		}
		if needs {
			out = append(out, unlock{action: bi, others: others})
		}
	}
	return out
}

// newsTable is a scenario's drawn events (those that are not triggers), in
// content order, as exposeOdds weighs the news: their conditions point
// into one list of the numbers they read (refs), each number once, so
// that a decision reads each of them once.
type newsTable struct {
	refs   []game.Ref
	events []newsEvent
	conds  []newsCond
}

// newsEvent is one drawn event: its index, weight, whether it repeats,
// and its conditions (conds[start:end]).
type newsEvent struct {
	index, weight int
	repeat        bool
	start, end    int
}

// newsCond is one condition of a drawn event, reading refs[ref].
type newsCond struct {
	ref  int
	cond *game.Condition // in the event's When
}

// newsFor returns the scenario's newsTable, working it out the first time.
func newsFor(sc *game.Scenario) *newsTable {
	return sc.Derived("bot.news", func() any { return compileNews(sc) }).(*newsTable)
}

func compileNews(sc *game.Scenario) *newsTable {
	nt := &newsTable{}
	for i := range sc.Events {
		ev := &sc.Events[i]
		if ev.Trigger {
			continue
		}
		ne := newsEvent{index: i, weight: ev.Weight, repeat: ev.Repeat, start: len(nt.conds)}
		for j := range ev.When {
			c := &ev.When[j]
			ref := slices.Index(nt.refs, c.Ref)
			if ref < 0 {
				ref = len(nt.refs)
				nt.refs = append(nt.refs, c.Ref)
			}
			nt.conds = append(nt.conds, newsCond{ref: ref, cond: c})
		}
		ne.end = len(nt.conds)
		nt.events = append(nt.events, ne)
	}
	return nt
}
