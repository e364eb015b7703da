package bot

import (
	"slices"

	"zerosum/game"
)

// model is a bot's picture of the rules, measured from the engine itself
// rather than written down a second time: how a change in one number now
// moves every number by the end of the game, h turns later, once the
// standing causal links have worked on it.
//
// It is measured once per scenario by finite differences. From a few
// reference games in which nobody pushes anything (see brake; each with its
// own fixed seed, never a real game's), every number an order or a link can move is
// nudged in turn at the start of turn 1, and both worlds are played forward
// side by side with the same dice; the difference at each later turn, per
// unit of the nudge, is the sensitivity. It is a linear picture of a world
// with thresholds, so it is rough where a threshold is near; the bot adds
// its own judgement of crisis risk and of blocs on top.
type model struct {
	slots int // numbers in the world: actors' stats, tracks, swing fields
	turns int
	// sens[h][from*slots+to] is the change, in hundredths, of number to
	// after h resolutions per unit change of number from (h = 1..turns;
	// h = 0 is the identity and is not stored).
	sens [][]int32
	// peak[h][from] is the largest rise of Strait tension along the way,
	// in hundredths per unit, within h resolutions.
	peak [][]int32
	// measured lists, per actor, the numbers its objectives read.
	measured [][]int
	// links[actor][i] lists the actor's objectives that read the number
	// measured[actor][i], and how (see link).
	links [][][]link
	// units[actor] is links[actor] in one list, number by number (unitLink),
	// and measures[actor] the measures of the actor's objectives, "self"
	// made the actor: what a decision reads of them, worked out once.
	units    [][]unitLink
	measures [][]game.Ref
	// blocUnits[actor] says whether one of the actor's units is a
	// linkBloc, whose worth hangs on the state, not only on the
	// objectives' margins.
	blocUnits []bool
	// toMeasured[actor][h] is sens[h] cut down to what a bot reads: the
	// numbers the actor's objectives read (measured[actor]) and, of those,
	// only the cells that are not zero, since most numbers move few of
	// them (about one cell in forty is not zero in race2025).
	toMeasured [][]sparseRows
}

// sparseRows is a table of sensitivities from every number to the numbers
// one actor's objectives read, keeping only the cells that are not zero:
// the row of number from is cells[start[from]:start[from+1]].
type sparseRows struct {
	start []int32 // per number, and one past the last
	cells []cell
	// worth is cells as evaluator.endWorth reads them, for a rise of the
	// number (worth[0]) and for a fall (worth[1]), under the same start.
	worth [2][]unitCell
	// peak is the model's peak at this horizon (per number, as model.peak),
	// kept with the rows, which are read together.
	peak []int32
}

// unitCell is a cell as endWorth values it, for a change one way: the
// number it moves and which way, as an index (at) into the evaluator's ud
// (the worth of one unit more of each number the bot reads, then of one
// unit less), and by how much, abs hundredths per unit.
type unitCell struct {
	at, abs int32
}

// cell is one sensitivity that is not zero.
type cell struct {
	to   int32 // index into measured[actor]
	sens int32 // hundredths per unit, as in model.sens
}

// row is number from's cells.
func (r *sparseRows) row(from int) []cell {
	return r.cells[r.start[from]:r.start[from+1]]
}

// link is how one objective's measure moves with one number it reads, as
// measureDelta has it: with the number, against it (the gap, for China's
// frontier), by a share of it (an average over a group of swing states), or,
// for a count of a bloc's states, as the state's alignment stands then.
type link struct {
	obj   int32 // index into the actor's objectives
	kind  linkKind
	n     int32 // linkShare: the group's size; linkBloc: the bloc
	swing int32 // linkBloc: the swing state
}

type linkKind uint8

// unitLink is a link of the i-th number an actor's objectives read, with
// the move of its measure for a rise of one unit (delta, in hundredths)
// when it does not hang on the state (every kind but linkBloc).
type unitLink struct {
	link
	i, delta int32
}

const (
	linkSame linkKind = iota
	linkOpposite
	linkShare
	linkBloc
)

// linkOf classifies how the measure m of an actor's objective (concrete)
// moves with the single number r; ok is false if it does not move with it.
func linkOf(sc *game.Scenario, m, r game.Ref) (l link, ok bool) {
	if m == r {
		return link{kind: linkSame}, true
	}
	switch m.Kind {
	case game.RefGap:
		if r.Kind == game.RefStat && r.Stat == game.StatFrontier {
			switch r.Actor {
			case sc.RoleActor(game.RoleUSGov):
				return link{kind: linkSame}, true
			case sc.RoleActor(game.RoleChinaGov):
				return link{kind: linkOpposite}, true
			}
		}
	case game.RefBloc:
		if r.Kind == game.RefSwing && r.Field == game.FieldAlign {
			return link{kind: linkBloc, n: int32(m.Bloc), swing: int32(r.Swing)}, true
		}
	case game.RefSwing:
		if r.Kind == game.RefSwing && r.Field == m.Field && (m.Swing == game.SwingAll || (m.Swing == game.SwingTier2 && sc.Swing[r.Swing].Tier == 2)) {
			n := 0
			for i := range sc.Swing {
				if m.Swing == game.SwingAll || sc.Swing[i].Tier == 2 {
					n++
				}
			}
			return link{kind: linkShare, n: int32(max(n, 1))}, true
		}
	}
	return link{}, false
}

// references are the starts of the reference games: the scenario's own
// start, and one a little calmer and one a little hotter, so that the
// picture does not hang on where the Strait's thresholds happen to fall in
// a single game. (The seed is fixed and unrelated to any real game, and
// random news is left out: the model is of the rules, not of luck.)
var references = []struct{ tension, grievance int }{{0, 0}, {-1, -6}, {1, 6}}

const modelSeed = 0x5eed0001

// modelFor returns the scenario's model, measuring it the first time.
func modelFor(sc *game.Scenario) *model {
	return sc.Derived("bot.model", func() any { return measure(sc) }).(*model)
}

// brakeAt is the Strait tension at which the reference players brake. In
// the reference games nobody pushes anything; but a world where nobody ever
// brakes either makes every spiral look endless, so when the Strait runs
// hot every actor takes its cheapest order that lowers tension, as players
// do.
const brakeAt = 6

// brake is the reference players' orders: nothing, or when the Strait runs
// hot each actor's cheapest order that lowers tension, if it can afford one.
func brake(sc *game.Scenario, st *game.State, view *game.State, opts []game.Option) ([]game.Order, []game.Option) {
	var orders []game.Order
	if st.Tension() < brakeAt {
		return nil, opts
	}
	for a := range sc.Actors {
		sc.ViewInto(view, st, a, false)
		opts = sc.OptionsInto(opts, view, a, nil)
		best := -1
		for i, o := range opts {
			if o.Available && calms(&sc.Actions[o.Action]) && (best < 0 || o.Cost < opts[best].Cost) {
				best = i
			}
		}
		if best >= 0 {
			orders = append(orders, sc.OrderFor(opts[best]))
		}
	}
	return orders, opts
}

// nudge is the size of the change a number is given when it is measured:
// large enough that the rules' rounding does not hide it, small against the
// number's range.
func nudge(r game.Ref) int {
	switch r.Kind {
	case game.RefTrack:
		switch r.Track {
		case game.TrackTension, game.TrackControls, game.TrackQuotas:
			return 1
		}
		return 5
	case game.RefSwing:
		return 10
	}
	if r.Stat == game.StatCapital {
		return 20
	}
	return 5
}

// measure plays the reference games and measures the model.
func measure(sc *game.Scenario) *model {
	n := numSlots(sc)
	m := &model{slots: n, turns: sc.Turns}
	m.sens = make([][]int32, sc.Turns+1)
	m.peak = make([][]int32, sc.Turns+1)
	for h := 1; h <= sc.Turns; h++ {
		m.sens[h] = make([]int32, n*n)
		m.peak[h] = make([]int32, n)
	}
	tension := game.Ref{Kind: game.RefTrack, Track: game.TrackTension}
	// Sums over the reference games, divided once at the end.
	sens := make([][]int, sc.Turns+1)
	peaks := make([][]int, sc.Turns+1)
	for h := 1; h <= sc.Turns; h++ {
		sens[h] = make([]int, n*n)
		peaks[h] = make([]int, n)
	}
	quiet := *sc
	quiet.EventsPerTurn = 0
	var base, bumped []game.State
	var view game.State
	var opts []game.Option
	step := func(st *game.State) game.State {
		var orders []game.Order
		orders, opts = brake(&quiet, st, &view, opts)
		next, _ := quiet.Advance(st, orders)
		return next
	}
	seed := uint64(modelSeed)
	for _, ref := range references {
		st, _ := quiet.NewGame(seed)
		st.Tracks[game.TrackTension] = min(max(st.Tracks[game.TrackTension]+ref.tension, 0), game.TrackTension.Max()-1)
		if cn := sc.RoleActor(game.RoleChinaGov); cn >= 0 && sc.Actors[cn].Has[game.StatGrievance] {
			g := &st.Actors[cn].Stats[game.StatGrievance]
			*g = min(max(*g+ref.grievance, 0), 100)
		}
		base = append(base[:0], st)
		for h := 1; h <= sc.Turns; h++ {
			base = append(base, step(&base[h-1]))
		}
		for from := range n {
			r := slotRef(sc, from)
			if !movable(sc, r) {
				continue
			}
			d := nudge(r)
			v := sc.Value(&st, r, -1, -1)
			if lo, hi := bounds(r); v+d > hi {
				d = -d
				if v+d < lo {
					continue
				}
			}
			start := st.Clone()
			set(&start, r, v+d)
			bumped = append(bumped[:0], start)
			peak := 0
			for h := 1; h <= sc.Turns; h++ {
				next := step(&bumped[h-1])
				bumped = append(bumped, next)
				row := sens[h][from*n : from*n+n]
				for to := range n {
					tr := slotRef(sc, to)
					row[to] += (sc.Value(&next, tr, -1, -1) - sc.Value(&base[h], tr, -1, -1)) * 100 / d
				}
				rise := (sc.Value(&next, tension, -1, -1) - sc.Value(&base[h], tension, -1, -1)) * 100 / d
				peak = max(peak, rise)
				peaks[h][from] += peak
			}
		}
	}
	for a := range sc.Actors {
		var slots []int
		for _, o := range sc.Actors[a].Objectives {
			for slot := range n {
				if reads(sc, o.Measure, a, slotRef(sc, slot)) && !slices.Contains(slots, slot) {
					slots = append(slots, slot)
				}
			}
		}
		slices.Sort(slots)
		m.measured = append(m.measured, slots)
		links := make([][]link, len(slots))
		for i, slot := range slots {
			for j, o := range sc.Actors[a].Objectives {
				if l, ok := linkOf(sc, concrete(o.Measure, a, -1), slotRef(sc, slot)); ok {
					l.obj = int32(j)
					links[i] = append(links[i], l)
				}
			}
		}
		m.links = append(m.links, links)
		var units []unitLink
		for i, ls := range links {
			for _, l := range ls {
				u := unitLink{link: l, i: int32(i)}
				switch l.kind {
				case linkSame:
					u.delta = 100
				case linkOpposite:
					u.delta = -100
				case linkShare:
					u.delta = 100 / l.n
				}
				units = append(units, u)
			}
		}
		m.units = append(m.units, units)
		m.blocUnits = append(m.blocUnits, slices.ContainsFunc(units, func(u unitLink) bool { return u.kind == linkBloc }))
		var measures []game.Ref
		for _, o := range sc.Actors[a].Objectives {
			measures = append(measures, concrete(o.Measure, a, -1))
		}
		m.measures = append(m.measures, measures)
	}
	k := len(references)
	for h := 1; h <= sc.Turns; h++ {
		for i, v := range sens[h] {
			m.sens[h][i] = int32(v / k)
		}
		for i, v := range peaks[h] {
			m.peak[h][i] = int32(v / k)
		}
	}
	for _, slots := range m.measured {
		rows := make([]sparseRows, sc.Turns+1)
		for h := 1; h <= sc.Turns; h++ {
			r := &rows[h]
			r.peak = m.peak[h]
			r.start = make([]int32, 0, n+1)
			for from := range n {
				r.start = append(r.start, int32(len(r.cells)))
				for i, to := range slots {
					if s := m.sens[h][from*n+to]; s != 0 {
						r.cells = append(r.cells, cell{to: int32(i), sens: s})
					}
				}
			}
			r.start = append(r.start, int32(len(r.cells)))
			// A sensitivity s moves the number up by |s| when s > 0 and
			// the change is a rise, or s < 0 and it is a fall; otherwise
			// down.
			k := int32(len(slots))
			for _, c := range r.cells {
				up, down := unitCell{c.to, c.sens}, unitCell{k + c.to, c.sens}
				if c.sens < 0 {
					up, down = unitCell{k + c.to, -c.sens}, unitCell{c.to, -c.sens}
				}
				r.worth[0] = append(r.worth[0], up)
				r.worth[1] = append(r.worth[1], down)
			}
		}
		m.toMeasured = append(m.toMeasured, rows)
	}
	return m
}

// numSlots is how many numbers a world has.
func numSlots(sc *game.Scenario) int {
	return len(sc.Actors)*int(game.NumStats) + int(game.NumTracks) + 2*len(sc.Swing)
}

// slotOf numbers the single numbers a bot values (actors' stats, tracks,
// swing states' fields), or -1 for anything else.
func slotOf(sc *game.Scenario, r game.Ref) int {
	na := len(sc.Actors) * int(game.NumStats)
	switch r.Kind {
	case game.RefStat:
		if r.Actor >= 0 {
			return r.Actor*int(game.NumStats) + int(r.Stat)
		}
	case game.RefTrack:
		return na + int(r.Track)
	case game.RefSwing:
		if r.Swing >= 0 {
			return na + int(game.NumTracks) + 2*r.Swing + int(r.Field)
		}
	}
	return -1
}

// slotRef names the number in a slot (the numbering of slotOf).
func slotRef(sc *game.Scenario, slot int) game.Ref {
	na := len(sc.Actors) * int(game.NumStats)
	switch {
	case slot < na:
		return game.Ref{Kind: game.RefStat, Actor: slot / int(game.NumStats), Stat: game.Stat(slot % int(game.NumStats))}
	case slot < na+int(game.NumTracks):
		return game.Ref{Kind: game.RefTrack, Track: game.Track(slot - na)}
	}
	s := slot - na - int(game.NumTracks)
	return game.Ref{Kind: game.RefSwing, Swing: s / 2, Field: game.SwingField(s % 2)}
}

// movable reports whether a number exists in the scenario (an actor may
// lack a stat).
func movable(sc *game.Scenario, r game.Ref) bool {
	return r.Kind != game.RefStat || sc.Actors[r.Actor].Has[r.Stat]
}

func bounds(r game.Ref) (int, int) {
	switch r.Kind {
	case game.RefTrack:
		return r.Track.Min(), r.Track.Max()
	case game.RefSwing:
		if r.Field == game.FieldSovereign {
			return 0, 100
		}
		return game.AlignMin, game.AlignMax
	}
	return 0, r.Stat.Max()
}

func set(st *game.State, r game.Ref, v int) {
	switch r.Kind {
	case game.RefStat:
		st.Actors[r.Actor].Stats[r.Stat] = v
	case game.RefTrack:
		st.Tracks[r.Track] = v
	case game.RefSwing:
		if r.Field == game.FieldSovereign {
			st.Swing[r.Swing].Sovereign = v
		} else {
			st.Swing[r.Swing].Align = v
		}
	}
}

// reads reports whether an objective's measure (of actor) reads the number
// r: the number itself, the frontiers behind the gap, the alignments behind
// a bloc count or a group average.
func reads(sc *game.Scenario, m game.Ref, actor int, r game.Ref) bool {
	m = concrete(m, actor, -1)
	switch m.Kind {
	case game.RefGap:
		return r.Kind == game.RefStat && r.Stat == game.StatFrontier &&
			(r.Actor == sc.RoleActor(game.RoleUSGov) || r.Actor == sc.RoleActor(game.RoleChinaGov))
	case game.RefBloc:
		return r.Kind == game.RefSwing && r.Field == game.FieldAlign
	case game.RefSwing:
		if m.Swing == game.SwingAll || m.Swing == game.SwingTier2 {
			return r.Kind == game.RefSwing && r.Field == m.Field && (m.Swing == game.SwingAll || sc.Swing[r.Swing].Tier == 2)
		}
	}
	return m == r
}

// calms reports whether an action lowers Strait tension at once.
func calms(a *game.ActionDef) bool {
	for _, ef := range a.Effects {
		if ef.Target.Kind == game.RefTrack && ef.Target.Track == game.TrackTension && ef.Add < 0 && ef.Delay == 0 {
			return true
		}
	}
	return false
}
