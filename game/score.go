package game

import "slices"

// ObjectiveScore is one objective's part of a score.
type ObjectiveScore struct {
	Objective int // index into the actor's Objectives
	Value     int // the measure now
	Progress  int // 0-100
	Points    int // Weight * Progress / 100
}

// ScoreCard is an actor's score with its breakdown.
type ScoreCard struct {
	Actor   int
	Parts   []ObjectiveScore
	Raw     int  // sum of the parts' points, 0-100
	Total   int  // after a Strait crisis, if any (see Scenario.CrisisScore)
	Culprit bool // the actor drove the Strait into crisis and scores 0
	Blame   int  // after a crisis: the actor's share of the blame, in percent
}

// Progress maps a measure onto 0-100 between From and To.
func (o *ObjectiveDef) Progress(v int) int {
	if o.To == o.From {
		if v >= o.To {
			return 100
		}
		return 0
	}
	p := (v - o.From) * 100 / (o.To - o.From)
	return min(max(p, 0), 100)
}

// Score computes an actor's score now.
func (sc *Scenario) Score(st *State, actor int) ScoreCard {
	card := ScoreCard{Actor: actor}
	for i := range sc.Actors[actor].Objectives {
		o := &sc.Actors[actor].Objectives[i]
		v := sc.Value(st, o.Measure, actor, -1)
		p := o.Progress(v)
		pts := o.Weight * p / 100
		card.Parts = append(card.Parts, ObjectiveScore{Objective: i, Value: v, Progress: p, Points: pts})
		card.Raw += pts
	}
	card.Total = sc.crisisScore(st, actor, card.Raw)
	if st.Crisis.Turn > 0 {
		card.Culprit = slices.Contains(st.Crisis.Culprits, actor)
		card.Blame = crisisShare(st, actor)
	}
	return card
}

// crisisScore is what is left of a raw score after a Strait crisis, if
// there was one. Nobody wins a crisis: the culprits score 0, and everyone
// else keeps the scenario's share of its score (crisis_score_pct), less
// its own share of the blame, so that no one gains by pushing the Strait
// over, not even a little.
func (sc *Scenario) crisisScore(st *State, actor, raw int) int {
	if st.Crisis.Turn == 0 {
		return raw
	}
	if slices.Contains(st.Crisis.Culprits, actor) {
		return 0
	}
	return raw * sc.CrisisScorePct * (100 - crisisShare(st, actor)) / 10000
}

func crisisShare(st *State, actor int) int {
	if actor < len(st.Crisis.Shares) {
		return st.Crisis.Shares[actor]
	}
	return 0
}

// RawScore is Score(st, actor).Raw without building the breakdown: the
// sum of the objectives' points before any crisis.
func (sc *Scenario) RawScore(st *State, actor int) int {
	raw := 0
	for i := range sc.Actors[actor].Objectives {
		o := &sc.Actors[actor].Objectives[i]
		raw += o.Weight * o.Progress(sc.Value(st, o.Measure, actor, -1)) / 100
	}
	return raw
}

// Total is Score(st, actor).Total without building the breakdown, for
// callers that read only the total (the simulator, a searching bot).
func (sc *Scenario) Total(st *State, actor int) int { return sc.total(st, actor) }

// total is Score(st, actor).Total without building the breakdown.
func (sc *Scenario) total(st *State, actor int) int {
	return sc.crisisScore(st, actor, sc.RawScore(st, actor))
}

// Winners are the actors with the highest total score (several on a tie).
// Nobody wins a Strait crisis: after one there are no winners.
func (sc *Scenario) Winners(st *State) []int {
	if st.Crisis.Turn > 0 {
		return nil
	}
	best := -1
	var out []int
	for a := range sc.Actors {
		t := sc.total(st, a)
		switch {
		case t > best:
			best, out = t, []int{a}
		case t == best:
			out = append(out, a)
		}
	}
	return out
}

// Ranking is every actor's score card, best first: by total (ties in
// scenario order), with the culprits of a Strait crisis last whatever the
// others scored.
func (sc *Scenario) Ranking(st *State) []ScoreCard {
	cards := make([]ScoreCard, len(sc.Actors))
	for a := range sc.Actors {
		cards[a] = sc.Score(st, a)
	}
	slices.SortStableFunc(cards, func(x, y ScoreCard) int {
		if x.Culprit != y.Culprit {
			if x.Culprit {
				return 1
			}
			return -1
		}
		return y.Total - x.Total
	})
	return cards
}

// OutcomeIndex finds the state's world outcome in the scenario, or -1 while
// the game goes on.
func (sc *Scenario) OutcomeIndex(st *State) int {
	for i, o := range sc.Outcomes {
		if o.ID == st.Outcome {
			return i
		}
	}
	return -1
}
