package report

import (
	"hash/fnv"
	"slices"
	"sync"

	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

// TypicalGames is how many all-bot games make the typical game a report
// compares a match with.
const TypicalGames = 200

// Typical is a typical game of a scenario, from TypicalGames all-bot games
// (scores by their median, which a few crisis games do not drag down; stats
// by their mean), every seat a bot of normal difficulty with a personality
// drawn at random, as `zerosum sim` plays them. Its seeds come from the
// scenario's id, never from the game being reported, so every game of a
// scenario is set against the same typical game, and the report stays a
// pure function of the match.
type Typical struct {
	Games    int
	Seed     uint64 // game i was played with seed Seed+i
	Scores   []int  // per actor: the median final score, in hundredths
	Stats    [][game.NumStats]int
	Combined int // the median of the table's combined final score, in hundredths
	Low      int // the 20th percentile of the combined score
	High     int // the 80th percentile of the combined score
	Crises   int // games that ended in a Strait crisis
	Gainers  int // the mean number of actors that ended above their start, in hundredths
}

// TypicalSeed is the seed of the first typical game of a scenario: a hash
// of its id.
func TypicalSeed(sc *game.Scenario) uint64 {
	h := fnv.New64a()
	h.Write([]byte("typical game of " + sc.ID))
	return 100_000 + h.Sum64()%900_000 // six digits, easy to read and to type
}

// typicalCache keeps the typical game of each scenario (by id and content
// hash) for the life of the process: a class's reports, or a test's, play
// the games once. Nothing is kept on disk.
var typicalCache sync.Map // string -> *typicalEntry

type typicalEntry struct {
	once sync.Once
	t    Typical
}

// TypicalOf plays (once per process) and returns the typical game of a
// scenario.
func TypicalOf(sc *game.Scenario) Typical {
	e, _ := typicalCache.LoadOrStore(sc.ID+"\x00"+sc.ContentHash, &typicalEntry{})
	te := e.(*typicalEntry)
	te.once.Do(func() { te.t = playTypical(sc, TypicalGames) })
	return te.t
}

// playTypical plays n all-bot games of a scenario and takes their medians
// (the upper one of an even number) and means.
// The figures do not depend on the number of workers (see sim.Run).
func playTypical(sc *game.Scenario, n int) Typical {
	t := Typical{Games: n, Seed: TypicalSeed(sc)}
	na := len(sc.Actors)
	combined := make([]int, 0, n)
	gainers := 0
	each := make([][]int, na)
	s := sim.Run(sim.Config{
		Scenario: sc, Games: n, Seed: t.Seed, Difficulty: bot.Normal,
		OnGame: func(_ int, g *sim.Game) {
			total := 0
			start := g.Final.History[0].Scores
			for a, v := range g.Scores {
				total += v
				each[a] = append(each[a], v)
				if v > start[a] {
					gainers++
				}
			}
			combined = append(combined, total)
		},
	})
	t.Scores = make([]int, na)
	for a := range na {
		t.Scores[a] = median(each[a]) * 100
	}
	t.Stats = s.Final.Stats
	t.Crises = s.Crises
	t.Gainers = gainers * 100 / max(n, 1)
	slices.Sort(combined)
	t.Combined = median(combined) * 100
	if len(combined) > 0 {
		t.Low, t.High = combined[len(combined)*20/100], combined[min(len(combined)*80/100, len(combined)-1)]
	}
	return t
}

// round100 rounds hundredths to the nearest whole number.
func round100(v int) int {
	if v < 0 {
		return -((-v + 50) / 100)
	}
	return (v + 50) / 100
}

// median is the middle of xs (the upper of the two middles of an even
// number), sorting xs; 0 for none.
func median(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return xs[len(xs)/2]
}
