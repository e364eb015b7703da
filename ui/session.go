package ui

import (
	"errors"
	"slices"
	"strings"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
	"zerosum/saves"
	"zerosum/text"
)

// NewSession starts a single-player game: the human holds actor, bots of
// the given difficulty hold the rest, each with the personality the seed
// draws (or the one given in personalities, keyed by actor id).
func NewSession(p *content.Pack, seed uint64, actor string, d bot.Difficulty, personalities map[string]bot.Personality) (*Session, error) {
	sc := p.Scenario
	a, ok := sc.ActorIndex(actor)
	if !ok {
		var ids []string
		for _, ad := range sc.Actors {
			ids = append(ids, ad.ID)
		}
		return nil, errors.New(text.F("there is no actor %q in %s; choose one of: %s%s", actor, sc.ID,
			strings.Join(ids, ", "), game.Suggest(actor, ids)))
	}
	seats := make([]match.Seat, len(sc.Actors))
	for i, b := range sim.BotsFor(sc, seed, d) {
		if p, ok := personalities[sc.Actors[i].ID]; ok {
			b.Personality = p
		}
		seats[i] = match.Seat{Bot: b}
	}
	seats[a] = match.Seat{Human: true, Name: "You"}
	return NewMatchSession(p, seed, seats, d)
}

// NewMatchSession starts a game with any mix of human and bot seats: one
// human plays alone, several take turns at the keyboard (hot seat), none
// spectate. The player at the keyboard starts as the first human.
func NewMatchSession(p *content.Pack, seed uint64, seats []match.Seat, d bot.Difficulty) (*Session, error) {
	m, err := match.New(p.Scenario, seed, seats)
	if err != nil {
		return nil, err
	}
	g := &Session{Pack: p, Match: m, Saved: true, Settings: saves.Settings{Difficulty: d.String()}}
	if hs := m.Humans(); len(hs) > 0 {
		g.Player = hs[0]
	}
	return g, nil
}

// maxNameLen is the longest player name, so names fit the screens.
const maxNameLen = 20

// SeatsFromSpec reads a seat list such as
// "washington=human:Ana,beijing=bot:hard,meta=bot:hedger,all=bot" (see
// match.ParseSeats) for a scenario. A bot seat that does not name its
// personality gets the one the seed draws, as in a single-player game, and
// one that does not name its difficulty plays at d.
func SeatsFromSpec(sc *game.Scenario, spec string, seed uint64, d bot.Difficulty) ([]match.Seat, error) {
	seats, err := match.ParseSeats(sc, spec, sim.BotsFor(sc, seed, d))
	if err != nil {
		return nil, err
	}
	for a, s := range seats {
		if !s.Human {
			continue
		}
		s.Name = strings.TrimSpace(s.Name)
		seats[a].Name = s.Name
		if n := len([]rune(s.Name)); n > maxNameLen {
			return nil, errors.New(text.F("seat %s: the name %q is %d characters long; a player's name has at most %d characters", sc.Actors[a].ID, s.Name, n, maxNameLen))
		}
	}
	return seats, nil
}

// attach gives a new session the store it saves to and the theme its
// saves record.
func (c *Context) attach(g *Session) *Session {
	g.Store = c.Opts.Store
	g.Settings.Theme = string(c.Theme.Name)
	return g
}

// restoreSession rebuilds the game a save holds: the scenario it names,
// every turn replayed and checked, the player's pending orders and
// settings. kept names the file for the quit confirmation.
func restoreSession(sv *saves.Save, store *saves.Store, kept string) (*Session, error) {
	p, err := content.LoadRecorded(sv.Scenario, sv.Source, sv.ScenarioFiles)
	if err != nil {
		return nil, err
	}
	m, player, _, err := sv.Restore(p.Scenario)
	if err != nil {
		return nil, err
	}
	tip, err := sv.InProgress(p.Scenario, m)
	if err != nil {
		return nil, err
	}
	g := &Session{Pack: p, Match: m, Player: player, Saved: true, Store: store, Settings: sv.Settings, Kept: kept}
	if f := sv.Settings.Facilitator; f != nil {
		g.Facil = &Facilitator{Pause: f.Pause, TimerMinutes: f.TimerMinutes, Inject: tip.Inject}
	}
	g.Settings.Facilitator = nil // the session's Facil is the one in force
	if sv.Settings.Guided {
		g.coach = newCoach()
	}
	for _, a := range m.Humans() {
		st := g.seat(a)
		st.orders, st.briefed = tip.Pending[a], true
		// Each player who has not handed in orders reads the last
		// report again, behind the hand-over (the save was taken before
		// everyone had read it).
		st.seen = max(len(m.Turns)-1, 0)
		if slices.Contains(tip.Submitted, a) {
			st.submitted, st.seen = true, len(m.Turns)
		}
	}
	g.savedOrders = g.pendingKey()
	return g, nil
}

// ordersKey is a session's orders as one string, to compare them.
func ordersKey(orders []game.Order) string {
	var b strings.Builder
	for _, o := range orders {
		b.WriteString(saves.FormatOrder(o))
		b.WriteString(";")
	}
	return b.String()
}

// quickStart builds a session from command-line options: one actor
// against bots, or the seats of a --seats list, with a facilitator when
// asked.
func quickStart(ctx *Context, o StartOptions) (*Session, error) {
	id := o.Scenario
	if id == "" {
		id = content.DefaultScenario
	}
	p, err := content.Load(id)
	if err != nil {
		return nil, err
	}
	d := bot.Normal
	if o.Difficulty != "" {
		if d, err = bot.ParseDifficulty(o.Difficulty); err != nil {
			return nil, err
		}
	}
	var g *Session
	if o.Seats != "" {
		seats, err := SeatsFromSpec(p.Scenario, o.Seats, o.Seed, d)
		if err != nil {
			return nil, err
		}
		if g, err = NewMatchSession(p, o.Seed, seats, d); err != nil {
			return nil, err
		}
	} else {
		actor := o.Actor
		if actor == "" {
			actor = p.Scenario.Actors[0].ID
		}
		if g, err = NewSession(p, o.Seed, actor, d, nil); err != nil {
			return nil, err
		}
	}
	if o.Facilitator {
		g.Facil = &Facilitator{Pause: true}
	}
	return ctx.attach(g), nil
}
