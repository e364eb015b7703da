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
}

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
}

func newSummary(cfg Config) *summer {
	sc := cfg.Scenario
	m := &summer{cfg: cfg, scoreSum: make([]int, len(sc.Actors))}
	m.s = Summary{Games: cfg.Games, Seed: cfg.Seed, Scenario: sc.ID, Endings: map[string]int{}}
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
	}
	for a := range sc.Actors {
		for i, part := range sc.Score(st, a).Parts {
			m.s.Actors[a].Progress[i] += part.Progress
			m.s.Actors[a].measures[i] = append(m.s.Actors[a].measures[i], part.Value)
		}
		m.scoreSum[a] += g.Scores[a]
		p := g.Seats[a].Personality
		m.s.Actors[a].ByPersonality[p].Games++
		if slices.Contains(g.Winners, a) {
			m.s.Actors[a].Wins++
			m.s.Actors[a].ByPersonality[p].Wins++
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

func (m *summer) finish() Summary {
	n := max(m.s.Games, 1)
	for a := range m.s.Actors {
		m.s.Actors[a].MeanScore = m.scoreSum[a] * 100 / n
		for i := range m.s.Actors[a].Progress {
			m.s.Actors[a].Progress[i] = m.s.Actors[a].Progress[i] * 100 / n
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
	m.s.TurnsMean = m.turnsSum * 100 / n
	for _, tp := range m.trend {
		g := max(tp.Games, 1)
		for t := range game.NumTracks {
			tp.Tracks[t] = tp.Tracks[t] * 100 / g
		}
		tp.Gap = tp.Gap * 100 / g
		tp.BlocUS = tp.BlocUS * 100 / g
		tp.BlocChina = tp.BlocChina * 100 / g
		tp.Grievance = tp.Grievance * 100 / g
		m.s.Trend = append(m.s.Trend, tp)
	}
	m.s.Digest = digest(m.finals)
	return m.s
}
