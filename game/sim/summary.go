package sim

import (
	"slices"

	"zerosum/game"
	"zerosum/game/bot"
)

// Summary is what a batch of games shows. Means are in hundredths so that
// everything stays an integer and prints the same on every platform.
type Summary struct {
	Games     int
	Seed      uint64
	Scenario  string
	Endings   map[string]int // outcome id -> games
	Actors    []ActorSummary // in scenario order
	TurnsMean int            // hundredths
	Crises    int
	Digest    string // hash over every game's final state hash, in game order
	Actions   []ActionSummary
	Events    []EventSummary
	// Trend is the mean of every track, the real gap and the bloc counts at
	// the start of each turn (and at the end), over the games still running
	// then, in hundredths.
	Trend []TrendPoint
	// Final is the world at the end of the games on average, in hundredths:
	// what the link table of the balance report compares between policies.
	Final FinalMeans
	// Pressure is how often Washington (the actor setting export controls)
	// took escalating or control measures, by the gap it perceived at the
	// start of the turn: the instrument for link 3.
	Pressure []GapBin
}

// FinalMeans is the world at the end of a batch on average, in hundredths.
type FinalMeans struct {
	Tracks            [game.NumTracks]int
	Gap               int
	BlocUS, BlocChina int
	Stats             [][game.NumStats]int // per actor
	Align, Sovereign  []int                // per swing state
	// WorldScore is the mean of the sum of every actor's final score: the
	// table's combined result, the measure of "was it zero-sum?".
	WorldScore int
	// Blame is each actor's mean share of the blame (percent) over the
	// games that ended in a crisis.
	Blame []int
}

// GapBin is one band of the perceived gap: turns Washington began in it,
// and turns it took at least one escalating or control order there.
type GapBin struct {
	From, To        int // the band, both ends included
	Turns, Escalate int
}

// gapBands are the bands of GapBin: below 0, five-point bands, 30 and over.
var gapBands = [][2]int{{-100, -1}, {0, 4}, {5, 9}, {10, 14}, {15, 19}, {20, 24}, {25, 29}, {30, 100}}

// TrendPoint is the world on average at one turn.
type TrendPoint struct {
	Turn              int
	Games             int
	Tracks            [game.NumTracks]int
	Gap               int
	BlocUS, BlocChina int
	Grievance         int // China's
}

// ActorSummary is one actor's results over the batch.
type ActorSummary struct {
	ID            string
	Wins          int // a tie counts as a win for each tied actor
	MeanScore     int // hundredths
	Culprit       int // games it pushed the Strait into crisis
	ByPersonality [bot.NumPersonalities]PersonalityResult
	// Progress is the mean final progress (0-100, in hundredths) of each
	// objective, in content order: the instrument for tuning objectives.
	Progress []int
	// Quantiles are the 20th, 50th and 80th percentiles of each objective's
	// final measure, in content order.
	Quantiles [][3]int
	measures  [][]int
}

// PersonalityResult is an actor's record under one personality.
type PersonalityResult struct {
	Games, Wins int
}

// ActionSummary says how often an action was taken, and how often it was in
// the winner's plan.
type ActionSummary struct {
	ID    string
	Actor string
	Uses  int // times taken over all games
	Games int // games in which its owner took it at least once
	// InWins is the number of its owner's wins in which the owner took it.
	InWins int
	// OwnerWins is the number of games its owner won.
	OwnerWins int
}

// EventSummary says how often an event fired.
type EventSummary struct {
	ID    string
	Games int // games in which it fired at least once
}

type summer struct {
	cfg      Config
	s        Summary
	scoreSum []int
	turnsSum int
	finals   []game.Hash
	trend    []TrendPoint
	blame    []int // sums of crisis shares per actor
	world    int   // sum of combined scores
}

func newSummary(cfg Config) *summer {
	sc := cfg.Scenario
	m := &summer{cfg: cfg, scoreSum: make([]int, len(sc.Actors))}
	m.s = Summary{Games: cfg.Games, Seed: cfg.Seed, Scenario: sc.ID, Endings: map[string]int{}}
	m.blame = make([]int, len(sc.Actors))
	m.s.Final = FinalMeans{Stats: make([][game.NumStats]int, len(sc.Actors)),
		Align: make([]int, len(sc.Swing)), Sovereign: make([]int, len(sc.Swing)), Blame: make([]int, len(sc.Actors))}
	for _, b := range gapBands {
		m.s.Pressure = append(m.s.Pressure, GapBin{From: b[0], To: b[1]})
	}
	for _, a := range sc.Actors {
		m.s.Actors = append(m.s.Actors, ActorSummary{ID: a.ID, Progress: make([]int, len(a.Objectives)),
			measures: make([][]int, len(a.Objectives))})
	}
	for _, a := range sc.Actions {
		m.s.Actions = append(m.s.Actions, ActionSummary{ID: a.ID, Actor: sc.Actors[a.Actor].ID})
	}
	for _, e := range sc.Events {
		m.s.Events = append(m.s.Events, EventSummary{ID: e.ID})
	}
	return m
}

func (m *summer) add(g *Game) {
	sc := m.cfg.Scenario
	st := &g.Final
	m.finals = append(m.finals, st.Hash())
	m.s.Endings[st.Outcome]++
	m.turnsSum += len(g.Orders)
	if st.Crisis.Turn > 0 {
		m.s.Crises++
		for _, c := range st.Crisis.Culprits {
			m.s.Actors[c].Culprit++
		}
		for a, share := range st.Crisis.Shares {
			m.blame[a] += share
		}
	}
	m.final(g)
	for a := range sc.Actors {
		for i, part := range sc.Score(st, a).Parts {
			m.s.Actors[a].Progress[i] += part.Progress
			m.s.Actors[a].measures[i] = append(m.s.Actors[a].measures[i], part.Value)
		}
		m.scoreSum[a] += g.Scores[a]
		b, isBot := g.Seats[a].(bot.Bot)
		if isBot {
			m.s.Actors[a].ByPersonality[b.Personality].Games++
		}
		if slices.Contains(g.Winners, a) {
			m.s.Actors[a].Wins++
			if isBot {
				m.s.Actors[a].ByPersonality[b.Personality].Wins++
			}
		}
	}
	cn := sc.RoleActor(game.RoleChinaGov)
	for _, sn := range st.History {
		for len(m.trend) < sn.Turn {
			m.trend = append(m.trend, TrendPoint{Turn: len(m.trend) + 1})
		}
		tp := &m.trend[sn.Turn-1]
		tp.Games++
		for t := range game.NumTracks {
			tp.Tracks[t] += sn.Tracks[t]
		}
		tp.Gap += sn.Gap
		for _, al := range sn.Align {
			switch game.AlignBloc(al) {
			case game.BlocUS:
				tp.BlocUS++
			case game.BlocChina:
				tp.BlocChina++
			}
		}
		if cn >= 0 {
			tp.Grievance += sn.Stats[cn][game.StatGrievance]
		}
	}
	taken := make([]bool, len(sc.Actions))
	for _, turn := range g.Orders {
		for _, o := range turn {
			if i, ok := sc.ActionIndex(o.Action); ok {
				m.s.Actions[i].Uses++
				taken[i] = true
			}
		}
	}
	for i, t := range taken {
		owner := sc.Actions[i].Actor
		won := slices.Contains(g.Winners, owner)
		if won {
			m.s.Actions[i].OwnerWins++
		}
		if t {
			m.s.Actions[i].Games++
			if won {
				m.s.Actions[i].InWins++
			}
		}
	}
	for i, n := range st.Fired {
		if n > 0 {
			m.s.Events[i].Games++
		}
	}
}

// final adds a game's end to the means of the world at the end, and its
// turns to the pressure bands.
func (m *summer) final(g *Game) {
	sc, st, f := m.cfg.Scenario, &g.Final, &m.s.Final
	for t := range game.NumTracks {
		f.Tracks[t] += st.Tracks[t]
	}
	f.Gap += sc.Gap(st)
	for i, w := range st.Swing {
		f.Align[i] += w.Align
		f.Sovereign[i] += w.Sovereign
		switch game.AlignBloc(w.Align) {
		case game.BlocUS:
			f.BlocUS++
		case game.BlocChina:
			f.BlocChina++
		}
	}
	for a := range st.Actors {
		for s := range game.NumStats {
			f.Stats[a][s] += st.Actors[a].Stats[s]
		}
		f.WorldScore += g.Scores[a]
	}
	us := sc.RoleActor(game.RoleUSGov)
	if us < 0 {
		return
	}
	for t, orders := range g.Orders {
		if t >= len(st.History) {
			break
		}
		pg := st.History[t].Tracks[game.TrackPerceivedGap]
		k := len(gapBands) - 1
		for i, b := range gapBands {
			if pg >= b[0] && pg <= b[1] {
				k = i
				break
			}
		}
		m.s.Pressure[k].Turns++
		for _, o := range orders {
			ai, ok := sc.ActionIndex(o.Action)
			if !ok || sc.Actions[ai].Actor != us {
				continue
			}
			if tags := sc.Actions[ai].Tags; tags.Has(game.TagEscalation) || tags.Has(game.TagControls) {
				m.s.Pressure[k].Escalate++
				break
			}
		}
	}
}

func (m *summer) finish() Summary {
	n := max(m.s.Games, 1)
	f := &m.s.Final
	for t := range game.NumTracks {
		f.Tracks[t] = mean100(f.Tracks[t], n)
	}
	f.Gap, f.BlocUS, f.BlocChina, f.WorldScore = mean100(f.Gap, n), mean100(f.BlocUS, n), mean100(f.BlocChina, n), mean100(f.WorldScore, n)
	for i := range f.Align {
		f.Align[i], f.Sovereign[i] = mean100(f.Align[i], n), mean100(f.Sovereign[i], n)
	}
	for a := range f.Stats {
		for s := range game.NumStats {
			f.Stats[a][s] = mean100(f.Stats[a][s], n)
		}
		f.Blame[a] = mean100(m.blame[a], max(m.s.Crises, 1))
	}
	for a := range m.s.Actors {
		m.s.Actors[a].MeanScore = mean100(m.scoreSum[a], n)
		for i := range m.s.Actors[a].Progress {
			m.s.Actors[a].Progress[i] = mean100(m.s.Actors[a].Progress[i], n)
			vs := m.s.Actors[a].measures[i]
			slices.Sort(vs)
			var q [3]int
			if len(vs) > 0 {
				q = [3]int{vs[len(vs)*20/100], vs[len(vs)/2], vs[min(len(vs)*80/100, len(vs)-1)]}
			}
			m.s.Actors[a].Quantiles = append(m.s.Actors[a].Quantiles, q)
		}
		m.s.Actors[a].measures = nil
	}
	m.s.TurnsMean = mean100(m.turnsSum, n)
	for _, tp := range m.trend {
		g := max(tp.Games, 1)
		for t := range game.NumTracks {
			tp.Tracks[t] = mean100(tp.Tracks[t], g)
		}
		tp.Gap = mean100(tp.Gap, g)
		tp.BlocUS = mean100(tp.BlocUS, g)
		tp.BlocChina = mean100(tp.BlocChina, g)
		tp.Grievance = mean100(tp.Grievance, g)
		m.s.Trend = append(m.s.Trend, tp)
	}
	m.s.Digest = digest(m.finals)
	return m.s
}

// mean100 is sum/n in hundredths, computed in 64 bits so that a large batch
// cannot overflow on a 32-bit machine.
func mean100(sum, n int) int { return int(int64(sum) * 100 / int64(n)) }
