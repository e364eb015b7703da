// Package bot plays ZERO SUM for the actors no human holds. A bot is an
// ordinary player: it reads only its actor's View of the world, issues only
// orders the engine would accept, and is deterministic given the game seed.
//
// A bot values each available order by what its effects are worth to its
// own objectives: directly (an effect on a measured number), through the
// model's standing causal links (a rule of thumb per link, see impacts), and
// through the risk of a Strait crisis, which every bot fears because
// everyone's score collapses and the culprit loses outright. Its personality
// tilts the valuation and its difficulty sets how much noise clouds it.
package bot

import (
	"fmt"
	"slices"
	"strings"

	"zerosum/game"
)

// Personality tilts what a bot prefers.
type Personality uint8

// The personalities.
const (
	Hawk   Personality = iota // presses rivals; accepts more risk
	Dove                      // seeks calm and partners; fears escalation
	Hedger                    // keeps options open; builds and trades with both sides
	NumPersonalities
)

var personalityIDs = [NumPersonalities]string{"hawk", "dove", "hedger"}

// String names the personality.
func (p Personality) String() string {
	if p < NumPersonalities {
		return personalityIDs[p]
	}
	return fmt.Sprintf("personality(%d)", uint8(p))
}

// ParsePersonality reads "hawk", "dove" or "hedger".
func ParsePersonality(s string) (Personality, error) {
	for i, id := range personalityIDs {
		if strings.EqualFold(s, id) {
			return Personality(i), nil
		}
	}
	return 0, fmt.Errorf("unknown personality %q (hawk, dove or hedger)", s)
}

// Difficulty sets how sharply a bot plays.
type Difficulty uint8

// The difficulties.
const (
	Easy Difficulty = iota
	Normal
	Hard
	NumDifficulties
)

var difficultyIDs = [NumDifficulties]string{"easy", "normal", "hard"}

// String names the difficulty.
func (d Difficulty) String() string {
	if d < NumDifficulties {
		return difficultyIDs[d]
	}
	return fmt.Sprintf("difficulty(%d)", uint8(d))
}

// ParseDifficulty reads "easy", "normal" or "hard".
func ParseDifficulty(s string) (Difficulty, error) {
	for i, id := range difficultyIDs {
		if strings.EqualFold(s, id) {
			return Difficulty(i), nil
		}
	}
	return 0, fmt.Errorf("unknown difficulty %q (easy, normal or hard)", s)
}

// Bot is one bot player's character.
type Bot struct {
	Personality Personality
	Difficulty  Difficulty
}

// Choose picks an actor's orders for the turn from its view of the world
// (Scenario.View). The same view always gives the same orders.
func (b Bot) Choose(sc *game.Scenario, view *game.State, actor int) []game.Order {
	if view.Over {
		return nil
	}
	rng := game.NewStream(view.Seed, view.Turn, game.PurposeBot, actor)
	e := newEvaluator(sc, view, actor, b)
	defer e.release()
	e.opts = sc.OptionsInto(e.opts, view, actor, nil)
	opts := e.opts
	cands := e.cands[:0]
	for i, o := range opts {
		if !o.Available {
			continue
		}
		v, ok := e.value(o)
		if !ok {
			continue
		}
		v += b.noise(&rng, v)
		cands = append(cands, scored{i, v})
	}
	// Best first; ties keep content order (stable), so no map or
	// scheduling order can leak in.
	slices.SortStableFunc(cands, func(x, y scored) int { return y.value - x.value })
	e.cands = cands

	var orders []game.Order
	var used []int
	budgetAP := sc.Actors[actor].AP
	if b.Difficulty == Easy && budgetAP > 1 {
		budgetAP-- // easy bots leave an action point unused
	}
	ap, spent := 0, 0
	for _, c := range cands {
		if c.value <= 0 {
			break
		}
		o := opts[c.opt]
		if slices.Contains(used, o.Action) || ap+o.AP > budgetAP {
			continue
		}
		// Options were checked alone; together they must also fit the
		// capital (action points are counted above, and each action is
		// taken once).
		if spent+o.Cost > view.Stat(actor, game.StatCapital) {
			continue
		}
		orders = append(orders, sc.OrderFor(o))
		used = append(used, o.Action)
		ap += o.AP
		spent += o.Cost
	}
	return orders
}

// scored is a candidate order (an index into the options) with its value;
// small, because candidates are sorted.
type scored struct {
	opt   int
	value int
}

// noise clouds a bot's judgement: a share of the value's size, plus a little
// absolute jitter so equal options are not always taken in content order.
func (b Bot) noise(rng *game.Stream, v int) int {
	pct := [NumDifficulties]int{45, 20, 6}[b.Difficulty]
	mag := abs(v)*pct/100 + 20
	return rng.IntN(2*mag+1) - mag
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
