package sim

import (
	"zerosum/game"
	"zerosum/game/bot"
)

// Seating says which seats of a batch are not played by the bots drawn for
// each game (see BotsFor): per actor, a policy as the command line names it
// (see bot.ParsePolicy), or "" to keep the drawn bot. The parts of a bot
// policy it does not name (personality, difficulty) keep the drawn ones, so
// that "washington=bot:hard" against "washington=bot:normal" plays every
// other seat with the same bots, game by game.
type Seating []string

// ParseSeating reads a spec such as
// "washington=bot:hard:hawk,beijing=random,meta=always:release_llama,all=bot:easy":
// comma-separated actor=policy pairs, where "all" stands for every actor
// not named elsewhere. Unknown actors, policies, difficulties and actions
// are reported with what would have been right.
func ParseSeating(sc *game.Scenario, spec string) (Seating, error) {
	named, all, err := sc.ParseSeatList(spec, "actor=policy, e.g. washington=bot:hard", func(what string, actor int) error {
		if actor >= 0 {
			_, err := parse(sc, what, actor)
			return err
		}
		for a := range sc.Actors { // all= may stand for any of them
			if _, err := parse(sc, what, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	seating := Seating(named)
	for a := range seating {
		if seating[a] == "" {
			seating[a] = all
		}
	}
	return seating, nil
}

func parse(sc *game.Scenario, what string, actor int) (bot.Policy, error) {
	return bot.ParsePolicy(sc, what, actor, bot.Bot{}, 0)
}

// Seats are the seats of the game played with seed: the drawn bots, with
// the seating's policies in their place where it names one.
func (s Seating) Seats(sc *game.Scenario, seed uint64, d bot.Difficulty) []Seat {
	bots := BotsFor(sc, seed, d)
	seats := make([]Seat, len(bots))
	for a, b := range bots {
		seats[a] = b
		if a < len(s) && s[a] != "" {
			// The spec was checked by ParseSeating.
			p, err := bot.ParsePolicy(sc, s[a], a, b, b.Seed)
			if err != nil {
				panic(err)
			}
			seats[a] = p
		}
	}
	return seats
}
