package bot

import (
	"fmt"
	"strings"

	"zerosum/game"
)

// Policy is how a seat chooses its orders: a Bot, or one of the simple
// policies the simulator measures the bots against (Random, Pass, Always).
// Like a bot, a policy sees only its actor's View of the world.
type Policy interface {
	Choose(sc *game.Scenario, view *game.State, actor int) []game.Order
	// Name describes the policy for people: "bot (hawk, normal)", "random".
	Name() string
}

// Random gives uniformly random legal orders: it keeps adding one option
// drawn uniformly from those still open (an action, with its target for a
// targeted one) until nothing more fits. Its dice come from its own seed.
type Random struct{ Seed uint64 }

// Name is "random".
func (Random) Name() string { return "random" }

// Choose draws the orders.
func (p Random) Choose(sc *game.Scenario, view *game.State, actor int) []game.Order {
	if view.Over {
		return nil
	}
	rng := game.NewStream(p.Seed, view.Turn, game.PurposeBot, actor)
	var orders []game.Order
	var opts []game.Option
	var open []int
	for {
		opts = sc.OptionsInto(opts, view, actor, orders)
		open = open[:0]
		for i, o := range opts {
			if o.Available {
				open = append(open, i)
			}
		}
		if len(open) == 0 {
			return orders
		}
		orders = append(orders, sc.OrderFor(opts[open[rng.IntN(len(open))]]))
	}
}

// Pass gives no orders at all.
type Pass struct{}

// Name is "pass".
func (Pass) Name() string { return "pass" }

// Choose gives nothing.
func (Pass) Choose(*game.Scenario, *game.State, int) []game.Order { return nil }

// Always takes one action first whenever it is legal (a targeted action at
// the first swing state open to it, in content order), then the cheapest
// legal orders (capital, then action points, then content order) until
// nothing more fits: the "one trick" a player might repeat.
type Always struct {
	Action int    // index into Scenario.Actions
	ID     string // its content id, for Name
}

// Name is "always:<action>".
func (p Always) Name() string { return "always:" + p.ID }

// Choose takes the action, then the cheapest orders.
func (p Always) Choose(sc *game.Scenario, view *game.State, actor int) []game.Order {
	if view.Over {
		return nil
	}
	var orders []game.Order
	opts := sc.Options(view, actor, nil)
	for _, o := range opts {
		if o.Available && o.Action == p.Action {
			orders = append(orders, sc.OrderFor(o))
			break
		}
	}
	for {
		opts = sc.OptionsInto(opts, view, actor, orders)
		best := -1
		for i, o := range opts {
			if !o.Available {
				continue
			}
			if best < 0 || o.Cost < opts[best].Cost || (o.Cost == opts[best].Cost && o.AP < opts[best].AP) {
				best = i
			}
		}
		if best < 0 {
			return orders
		}
		orders = append(orders, sc.OrderFor(opts[best]))
	}
}

// Prefer is a bot that takes one action first whenever it is legal, and
// otherwise plays as itself: the fairest way to measure what the action
// does, everything else being equal.
type Prefer struct {
	Bot    Bot
	Action int    // index into Scenario.Actions
	ID     string // its content id, for Name
}

// Name is "prefer:<action> (<bot>)".
func (p Prefer) Name() string { return "prefer:" + p.ID + " " + p.Bot.Name() }

// Choose takes the action if it can, then lets the bot fill the rest.
func (p Prefer) Choose(sc *game.Scenario, view *game.State, actor int) []game.Order {
	if view.Over {
		return nil
	}
	var first []game.Order
	for _, o := range sc.Options(view, actor, nil) {
		if o.Available && o.Action == p.Action {
			first = []game.Order{sc.OrderFor(o)}
			break
		}
	}
	return append(first, p.Bot.ChooseAfter(sc, view, actor, first)...)
}

// ParsePolicy reads a seat's policy as the simulator's --seats names it:
// "bot" with an optional difficulty and personality in either order
// ("bot:hard", "bot:dove", "bot:hard:hawk"), "random", "pass",
// "always:<action>" or "prefer:<action>" (the seat's bot, taking that
// action first whenever it can). The parts it does not name are taken from def, and
// seed is the seat's own seed (see SeatSeed). actor is the seat's actor:
// an always: action must be one of its own.
func ParsePolicy(sc *game.Scenario, s string, actor int, def Bot, seed uint64) (Policy, error) {
	kind, rest, _ := strings.Cut(s, ":")
	switch kind {
	case "bot":
		b, err := ParseBot(rest, def)
		if err != nil {
			return nil, err
		}
		b.Seed = seed
		return b, nil
	case "random":
		if rest != "" {
			return nil, fmt.Errorf("random takes nothing after it (got %q)", s)
		}
		return Random{Seed: seed}, nil
	case "pass":
		if rest != "" {
			return nil, fmt.Errorf("pass takes nothing after it (got %q)", s)
		}
		return Pass{}, nil
	case "always", "prefer":
		ai, ok := sc.ActionIndex(rest)
		if !ok {
			var own []string
			for _, i := range sc.Actors[actor].Actions {
				own = append(own, sc.Actions[i].ID)
			}
			return nil, fmt.Errorf("there is no action %q%s (%s's actions: %s)", rest, game.Suggest(rest, own),
				sc.Actors[actor].ID, strings.Join(own, ", "))
		}
		if sc.Actions[ai].Actor != actor {
			return nil, fmt.Errorf("%s is an action of %s, not of %s", rest, sc.Actors[sc.Actions[ai].Actor].ID, sc.Actors[actor].ID)
		}
		if kind == "prefer" {
			b := def
			b.Seed = seed
			return Prefer{Bot: b, Action: ai, ID: rest}, nil
		}
		return Always{Action: ai, ID: rest}, nil
	}
	return nil, fmt.Errorf("%q should be bot[:easy|normal|hard][:hawk|dove|hedger], random, pass, always:<action> or prefer:<action>", s)
}

// ParseBot reads the part after "bot:": nothing, a difficulty, a
// personality, or both separated by a colon, in either order. What it does
// not name comes from def.
func ParseBot(s string, def Bot) (Bot, error) {
	b := def
	if s == "" {
		return b, nil
	}
	parts := strings.Split(s, ":")
	if len(parts) > 2 {
		return Bot{}, fmt.Errorf("bot:%s has too many parts (bot[:easy|normal|hard][:hawk|dove|hedger])", s)
	}
	var haveD, haveP bool
	for _, part := range parts {
		if d, err := ParseDifficulty(part); err == nil && !haveD {
			b.Difficulty, haveD = d, true
			continue
		}
		if p, err := ParsePersonality(part); err == nil && !haveP {
			b.Personality, haveP = p, true
			continue
		}
		return Bot{}, fmt.Errorf("%q is not a difficulty (easy, normal, hard) or a personality (hawk, dove, hedger), or is given twice", part)
	}
	return b, nil
}
