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
	"math"
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

// Describe says what a difficulty does, for the setup screen and --help.
func (d Difficulty) Describe() string {
	switch d {
	case Easy:
		return "thinks less: weighs only part of what it could do, some games more than others, and misjudges more often"
	case Normal:
		return "weighs every option by where the rules will take it by the end of the game"
	case Hard:
		return "looks ahead by playing out possible futures with the real rules, and takes what works best in them"
	}
	return d.String()
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
	// Seed is the bot's own source of randomness (its plan for the game and
	// the noise in its judgement), kept apart from the game's seed, which a
	// player never sees: see SeatSeed.
	Seed uint64
}

// SeatSeed is the seed of the bot in an actor's seat, drawn from the game
// seed so that a game replays exactly. It is one way: a bot knowing its
// own seat seed learns nothing of the game's dice or of other seats.
func SeatSeed(gameSeed uint64, actor int) uint64 {
	rng := game.NewStream(gameSeed, 0, game.PurposeSeat, actor)
	return rng.Uint64()
}

// Name describes the bot: "bot (hawk, normal)".
func (b Bot) Name() string { return fmt.Sprintf("bot (%s, %s)", b.Personality, b.Difficulty) }

// Choose picks an actor's orders for the turn from its view of the world
// (Scenario.View) and its own seed. The same view and seed always give the
// same orders.
func (b Bot) Choose(sc *game.Scenario, view *game.State, actor int) []game.Order {
	if b.Difficulty == Hard && !view.Over {
		return b.searchChoose(sc, view, actor)
	}
	return b.ChooseAfter(sc, view, actor, nil)
}

// ChooseAfter is Choose when some orders are already given: the bot
// fills the action points and capital they leave.
func (b Bot) ChooseAfter(sc *game.Scenario, view *game.State, actor int, given []game.Order) []game.Order {
	if view.Over {
		return nil
	}
	return b.choose(sc, view, actor, given, nil, false)
}

// AppendChoice appends to dst the orders Choose gives, for a loop that
// gathers every seat's orders in one list (a play-out, the simulator): the
// same orders, without a list of their own.
func (b Bot) AppendChoice(dst []game.Order, sc *game.Scenario, view *game.State, actor int) []game.Order {
	switch {
	case view.Over:
		return dst
	case b.Difficulty == Hard:
		return append(dst, b.searchChoose(sc, view, actor)...)
	}
	return b.choose(sc, view, actor, nil, dst, true)
}

// choose is ChooseAfter for a game that goes on. With appendTo it appends
// the orders to dst and returns it; otherwise it returns a list of their
// own (nil for none).
func (b Bot) choose(sc *game.Scenario, view *game.State, actor int, given, dst []game.Order, appendTo bool) []game.Order {
	rng := game.NewStream(b.Seed, view.Turn, game.PurposeBot, actor)
	judge := b.judgement(sc, actor)
	attention := b.attention(actor, judge)
	e := newEvaluator(sc, view, actor, b)
	defer e.release()
	// Only the available options: the others are never weighed, and
	// leaving them out changes no index the rest is drawn by (the noise is
	// drawn per available option, in content order).
	e.opts = sc.AvailableOptionsInto(e.opts, view, actor, given)
	e.weigh(&rng, b.Difficulty, attention, judge.noisePct)
	orders := e.orders[:0]
	if appendTo {
		orders = dst
	}
	orders = e.pick(orders, given)
	if appendTo {
		return orders
	}
	e.orders = orders
	if len(orders) == 0 {
		return nil
	}
	return slices.Clone(orders)
}

// weigh values the options (e.opts) into e.cands, best first: those worth
// more than nothing once the bot's noise (noisePct, drawn from rng) is
// added, of those it weighs (an easy bot only some, see attention); and
// e.leastAP, the fewest action points one of them takes.
func (e *evaluator) weigh(rng *game.Stream, d Difficulty, attention, noisePct int) {
	opts := e.opts
	cands := e.cands[:0]
	least := math.MaxInt
	for i := range opts {
		// An easy bot thinks less: each turn it weighs only some of what
		// it could do, more in some games than in others.
		if d == Easy && !rng.Percent(attention) {
			continue
		}
		v, ok := e.value(&opts[i])
		if !ok {
			continue
		}
		// The noise clouds the bot's judgement: noisePct percent of the
		// value's size, plus a little absolute jitter so equal options are
		// not always taken in content order.
		mag := abs(v)*noisePct/100 + 20
		v += rng.IntN(2*mag+1) - mag
		if v > 0 { // nothing worth less is ever taken
			cands = append(cands, scored{i, v})
			least = min(least, opts[i].AP)
		}
	}
	// Best first; ties keep content order (stable), so no map or
	// scheduling order can leak in.
	sortBestFirst(cands)
	e.cands, e.leastAP = cands, least
}

// pick appends to orders the candidates (e.cands), best first, that fit
// with those given and those taken before them.
func (e *evaluator) pick(orders, given []game.Order) []game.Order {
	sc, view, actor, opts := e.sc, e.v, e.actor, e.opts
	used := e.used[:0]
	budgetAP := sc.Actors[actor].AP
	ap, spent := 0, 0
	for _, o := range given {
		if ai, ok := sc.ActionIndex(o.Action); ok {
			used = append(used, ai)
			ap += sc.Actions[ai].AP
			spent += sc.Cost(view, ai)
		}
	}
	capital := view.Stat(actor, game.StatCapital)
	for _, c := range e.cands {
		if ap+e.leastAP > budgetAP {
			break // no candidate fits the action points left
		}
		o := &opts[c.opt]
		if slices.Contains(used, o.Action) || ap+o.AP > budgetAP {
			continue
		}
		// Nor may one of them rule out another ("sign or decline, not
		// both").
		if len(used) > 0 && sc.RuledOut(o.Action, used) {
			continue
		}
		// Options were checked alone; together they must also fit the
		// capital (action points are counted above, and each action is
		// taken once).
		if spent+o.Cost > capital {
			continue
		}
		orders = append(orders, sc.OrderFor(*o))
		used = append(used, o.Action)
		ap += o.AP
		spent += o.Cost
	}
	e.used = used // the buffers go back to the pool with e
	return orders
}

// attention is the share of its options, in percent, a bot weighs in a
// turn: all of them, but for an easy bot a share drawn for the whole game
// between its seat's least attention and 100, so that in some games it
// plays nearly as well as a normal bot and in others it misses a great
// deal.
func (b Bot) attention(actor int, j judgement) int {
	if b.Difficulty != Easy {
		return 100
	}
	rng := game.NewStream(b.Seed, -1, game.PurposeBot, actor)
	return j.attention + rng.IntN(101-j.attention)
}

// judgement is how clouded a bot's judgement is: the noise on each
// option's value, in percent of it, and (for an easy bot) the least share
// of its options it weighs in a turn.
type judgement struct {
	noisePct, attention int
}

// judgements are the normal and hard bots' judgement, and an easy bot's
// in a seat not calibrated below.
var judgements = [NumDifficulties]judgement{Easy: {35, 20}, Normal: {12, 100}, Hard: {12, 100}}

// easySeats calibrates the easy bot seat by seat in the default scenario.
// The same noise costs some seats far more than others (a seat whose good
// options are worth about the same loses little by mixing them up; one
// whose game turns on a few strong orders loses a great deal), so one
// setting for every seat left easy nearly as strong as normal in some
// seats and hopeless in others. These settings put easy about equally far
// below normal everywhere: normal beats it head to head in two games of
// three or more, and it still wins over a third as often as normal does
// (TestLadder; the figures and how they were found are in docs/balance.md,
// "The ladder").
var easySeats = map[seatKey]judgement{
	{"race2025", "washington"}: {100, 20},
	{"race2025", "beijing"}:    {110, 20},
	{"race2025", "brussels"}:   {25, 40},
	{"race2025", "abudhabi"}:   {15, 70},
	{"race2025", "meta"}:       {125, 20},
	{"race2025", "nvidia"}:     {100, 5},
	{"race2025", "huawei"}:     {25, 20},
	{"race2025", "taipei"}:     {50, 0},
}

// seatKey names a seat: a scenario's id and an actor's.
type seatKey struct{ scenario, actor string }

// judgement is the bot's judgement in actor's seat.
func (b Bot) judgement(sc *game.Scenario, actor int) judgement {
	if b.Difficulty == Easy {
		if j, ok := easySeats[seatKey{sc.ID, sc.Actors[actor].ID}]; ok {
			return j
		}
	}
	return judgements[b.Difficulty]
}

// scored is a candidate order (an index into the options) with its value;
// small, because candidates are sorted.
type scored struct {
	opt   int
	value int
}

// sortBestFirst sorts candidates by value, highest first, keeping the
// order of equal values: slices.SortStableFunc's order, by insertion, which
// for the few dozen options of a turn costs less than its calls to a
// comparison function (TestSortBestFirst compares the two).
func sortBestFirst(c []scored) {
	for i := 1; i < len(c); i++ {
		x := c[i]
		j := i
		for j > 0 && c[j-1].value < x.value {
			c[j] = c[j-1]
			j--
		}
		c[j] = x
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Valued is an option with what a bot makes of it.
type Valued struct {
	Option game.Option
	Value  int  // milli-points of the bot's final score, before noise
	Ruled  bool // the bot will not consider it (crisis risk or a blind spot)
}

// Values lists how the bot values every available option from its view,
// without noise: the reasoning behind Choose, for tests and for a teacher
// who asks why a bot did what it did.
func (b Bot) Values(sc *game.Scenario, view *game.State, actor int) []Valued {
	e := newEvaluator(sc, view, actor, b)
	defer e.release()
	var out []Valued
	for _, o := range sc.Options(view, actor, nil) {
		if !o.Available {
			continue
		}
		v, ok := e.value(&o)
		out = append(out, Valued{Option: o, Value: v, Ruled: !ok})
	}
	return out
}
