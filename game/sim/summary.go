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
}

// ActorSummary is one actor's results over the batch.
type ActorSummary struct {
	ID            string
	Wins          int // a tie counts as a win for each tied actor
	MeanScore     int // hundredths
	Culprit       int // games it pushed the Strait into crisis
	ByPersonality [bot.NumPersonalities]PersonalityResult
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
}

func newSummary(cfg Config) *summer {
	sc := cfg.Scenario
	m := &summer{cfg: cfg, scoreSum: make([]int, len(sc.Actors))}
	m.s = Summary{Games: cfg.Games, Seed: cfg.Seed, Scenario: sc.ID, Endings: map[string]int{}}
	for _, a := range sc.Actors {
		m.s.Actors = append(m.s.Actors, ActorSummary{ID: a.ID})
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
		m.scoreSum[a] += g.Scores[a]
		p := g.Seats[a].Personality
		m.s.Actors[a].ByPersonality[p].Games++
		if slices.Contains(g.Winners, a) {
			m.s.Actors[a].Wins++
			m.s.Actors[a].ByPersonality[p].Wins++
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
	}
	m.s.TurnsMean = m.turnsSum * 100 / n
	m.s.Digest = digest(m.finals)
	return m.s
}
