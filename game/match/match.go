// Package match is a game in progress: a scenario, its seed, who sits in
// each seat, and every turn played so far. It is what the interface, saves
// and replays share. Like the engine it is pure: bots choose from their own
// views, and the same seed, seats and human orders always give the same
// match.
package match

import (
	"fmt"
	"slices"
	"strings"

	"zerosum/game"
	"zerosum/game/bot"
)

// Seat is who plays one actor.
type Seat struct {
	Human bool
	Name  string  // the player's name, for humans
	Bot   bot.Bot // for bots
}

// Turn is one resolved turn.
type Turn struct {
	Orders []game.Order     // every actor's accepted and refused orders, as submitted
	Inject []game.Injection // a facilitator's news, if any
	Report game.Report
	Hash   game.Hash // state after the turn
}

// Match is a game in progress.
type Match struct {
	Scenario *game.Scenario
	Seed     uint64
	Seats    []Seat // per actor
	// Branch is empty on the main line; on a what-if branch it says where
	// it left (e.g. "rewound to H2 2026").
	Branch string
	Setup  game.Report  // the news before turn 1
	States []game.State // States[i] is the world at the start of turn i+1
	Turns  []Turn
}

// New starts a match. Every bot seat gets its own seed, drawn from the
// game's (bot.SeatSeed), whatever seed it came with: a bot's randomness
// follows from the game's seed and its seat alone, so saves need not keep
// it.
func New(sc *game.Scenario, seed uint64, seats []Seat) (*Match, error) {
	if len(seats) != len(sc.Actors) {
		return nil, fmt.Errorf("%d seats for %d actors", len(seats), len(sc.Actors))
	}
	st, rep := sc.NewGame(seed)
	m := &Match{Scenario: sc, Seed: seed, Seats: slices.Clone(seats), Setup: rep, States: []game.State{st}}
	for a := range m.Seats {
		m.Seats[a].Bot.Seed = bot.SeatSeed(seed, a)
	}
	return m, nil
}

// State is the world now.
func (m *Match) State() *game.State { return &m.States[len(m.States)-1] }

// Over reports whether the game has ended.
func (m *Match) Over() bool { return m.State().Over }

// Humans lists the actors held by humans, in actor order.
func (m *Match) Humans() []int {
	var out []int
	for a, s := range m.Seats {
		if s.Human {
			out = append(out, a)
		}
	}
	return out
}

// BotOrders are the orders every bot seat gives this turn.
func (m *Match) BotOrders() []game.Order {
	sc, st := m.Scenario, m.State()
	var orders []game.Order
	for a, s := range m.Seats {
		if s.Human {
			continue
		}
		v := sc.View(st, a, false)
		orders = append(orders, s.Bot.Choose(sc, &v, a)...)
	}
	return orders
}

// Play resolves the current turn with the humans' orders (keyed by actor)
// and the bots' own, and returns the report.
func (m *Match) Play(human map[int][]game.Order) (game.Report, error) {
	return m.PlayWith(human, nil)
}

// PlayWith is Play with a facilitator's injections (see game.Injection).
func (m *Match) PlayWith(human map[int][]game.Order, inject []game.Injection) (game.Report, error) {
	return m.PlayBots(human, m.BotOrders(), inject)
}

// Searching reports whether a bot seat searches (a hard bot), so that its
// orders take long enough to be worth computing away from the screen.
func (m *Match) Searching() bool {
	for _, s := range m.Seats {
		if !s.Human && s.Bot.Difficulty == bot.Hard {
			return true
		}
	}
	return false
}

// PlayBots is PlayWith with the bots' orders already chosen (BotOrders on
// this very state), for a caller that let them think elsewhere.
func (m *Match) PlayBots(human map[int][]game.Order, bots []game.Order, inject []game.Injection) (game.Report, error) {
	if m.Over() {
		return game.Report{}, fmt.Errorf("the game is over")
	}
	var orders []game.Order
	for _, a := range m.Humans() {
		for _, o := range human[a] {
			if o.Actor != m.Scenario.Actors[a].ID {
				return game.Report{}, fmt.Errorf("an order of %s was given for %s", o.Actor, m.Scenario.Actors[a].ID)
			}
			orders = append(orders, o)
		}
	}
	orders = append(orders, bots...)
	return m.ApplyWith(orders, inject), nil
}

// Apply resolves the current turn with exactly these orders (a replay's or
// a save's), bots included.
func (m *Match) Apply(orders []game.Order) game.Report { return m.ApplyWith(orders, nil) }

// ApplyWith is Apply with a facilitator's injections.
func (m *Match) ApplyWith(orders []game.Order, inject []game.Injection) game.Report {
	next, rep := m.Scenario.ResolveWith(m.State(), orders, inject)
	m.Turns = append(m.Turns, Turn{Orders: orders, Inject: inject, Report: rep, Hash: next.Hash()})
	m.States = append(m.States, next)
	return rep
}

// Rewind returns a new match that goes back to the start of an earlier turn
// (1-based), keeping everything before it; the original is untouched. The
// world at that turn is exactly as it was, so nothing already revealed is
// rolled again.
func (m *Match) Rewind(turn int) (*Match, error) {
	if turn < 1 || turn > len(m.Turns) {
		return nil, fmt.Errorf("can rewind only to turns 1 to %d", len(m.Turns))
	}
	b := &Match{
		Scenario: m.Scenario, Seed: m.Seed, Seats: slices.Clone(m.Seats), Setup: m.Setup,
		States: slices.Clone(m.States[:turn]),
		Turns:  slices.Clone(m.Turns[:turn-1]),
	}
	// Saved with the game, so in English whatever the interface's
	// language; screens put it into theirs (ui.branchLabel).
	half, year := m.Scenario.HalfYear(turn)
	b.Branch = "what-if from " + fmt.Sprintf(game.English.Half[half-1], year)
	if m.Branch != "" {
		b.Branch = m.Branch + "; " + b.Branch
	}
	return b, nil
}

// Report is the report of a resolved turn (1-based); turn 0 is the set-up.
func (m *Match) Report(turn int) game.Report {
	if turn == 0 {
		return m.Setup
	}
	return m.Turns[turn-1].Report
}

// CrisisReport is the report of the resolution that ended the game in a
// Strait crisis, and the turn it resolved; ok is false when there was no
// crisis. It is not always Report(State().Crisis.Turn): a crisis is dated
// to the half-year it broke out in, which is the turn being resolved when
// orders and the standing dynamics drove tension to the top, but the next
// turn when the news that opens it (an event, or a facilitator's custom
// news) gave the last push. That next turn is never played, so it has no
// report; its news, and the crisis, are in the report of the turn before.
func (m *Match) CrisisReport() (rep game.Report, turn int, ok bool) {
	if m.State().Crisis.Turn == 0 {
		return game.Report{}, 0, false
	}
	for i := len(m.Turns) - 1; i >= 0; i-- {
		if m.Turns[i].Report.Crisis {
			return m.Turns[i].Report, i + 1, true
		}
	}
	return game.Report{}, 0, false
}

// SeatName names who plays an actor: "Ana", "bot (hawk, normal)".
func (m *Match) SeatName(a int) string {
	s := m.Seats[a]
	if s.Human {
		if s.Name != "" {
			return s.Name
		}
		return "human"
	}
	return fmt.Sprintf("bot (%s, %s)", s.Bot.Personality, s.Bot.Difficulty)
}

// ParseSeats reads a seat spec such as
// "washington=human:Ana,beijing=human:Bo,meta=bot:hard:hedger,all=bot" into
// seats for the scenario. A bot seat may name a difficulty, a personality or
// both, in either order; what it does not name comes from that actor's bot
// in defaults (one per actor), as do actors not named at all. "all" applies
// to every actor not named elsewhere.
func ParseSeats(sc *game.Scenario, spec string, defaults []bot.Bot) ([]Seat, error) {
	if len(defaults) != len(sc.Actors) {
		return nil, fmt.Errorf("%d default bots for %d actors", len(defaults), len(sc.Actors))
	}
	named, all, err := sc.ParseSeatList(spec, "actor=human:Name or actor=bot[:easy|normal|hard][:hawk|dove|hedger]", func(what string, actor int) error {
		_, err := parseSeat(what, defaults[max(actor, 0)])
		return err
	})
	if err != nil {
		return nil, err
	}
	seats := make([]Seat, len(sc.Actors))
	for a := range seats {
		what := named[a]
		if what == "" {
			what = all
		}
		seats[a] = Seat{Bot: defaults[a]}
		if what != "" {
			seats[a], _ = parseSeat(what, defaults[a]) // checked above
		}
	}
	return seats, nil
}

func parseSeat(s string, def bot.Bot) (Seat, error) {
	kind, rest, _ := strings.Cut(s, ":")
	switch kind {
	case "human":
		return Seat{Human: true, Name: rest}, nil
	case "bot":
		b, err := bot.ParseBot(rest, def)
		if err != nil {
			return Seat{}, err
		}
		return Seat{Bot: b}, nil
	}
	return Seat{}, fmt.Errorf("%q should be human[:Name] or bot[:easy|normal|hard][:hawk|dove|hedger]", s)
}
