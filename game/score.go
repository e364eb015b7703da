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
	Total   int  // after a Strait crisis, if any
	Culprit bool // the actor pushed the Strait into crisis and loses outright
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
	card.Total = card.Raw
	if st.Crisis.Turn > 0 {
		card.Total = card.Raw * sc.CrisisScorePct / 100
		if slices.Contains(st.Crisis.Culprits, actor) {
			card.Culprit = true
			card.Total = 0
		}
	}
	return card
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

// total is Score(st, actor).Total without building the breakdown.
func (sc *Scenario) total(st *State, actor int) int {
	total := sc.RawScore(st, actor)
	if st.Crisis.Turn > 0 {
		if slices.Contains(st.Crisis.Culprits, actor) {
			return 0
		}
		total = total * sc.CrisisScorePct / 100
	}
	return total
}

// Winners are the actors with the highest total score (several on a tie).
func (sc *Scenario) Winners(st *State) []int {
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
