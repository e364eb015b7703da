package ui

import (
	"fmt"
	"strings"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
	"zerosum/saves"
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
		return nil, fmt.Errorf("there is no actor %q in %s; choose one of: %s%s", actor, sc.ID,
			strings.Join(ids, ", "), game.Suggest(actor, ids))
	}
	seats := make([]match.Seat, len(sc.Actors))
	for i, b := range sim.SeatsFor(sc, seed, d) {
		if p, ok := personalities[sc.Actors[i].ID]; ok {
			b.Personality = p
		}
		seats[i] = match.Seat{Bot: b}
	}
	seats[a] = match.Seat{Human: true, Name: "You"}
	m, err := match.New(sc, seed, seats)
	if err != nil {
		return nil, err
	}
	return &Session{Pack: p, Match: m, Player: a, Saved: true, Settings: saves.Settings{Difficulty: d.String()}}, nil
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
	p, err := content.Load(sv.Scenario)
	if err != nil {
		return nil, err
	}
	m, player, pending, err := sv.Restore(p.Scenario)
	if err != nil {
		return nil, err
	}
	return &Session{Pack: p, Match: m, Player: player, Orders: pending, Saved: true, Store: store,
		Settings: sv.Settings, Kept: kept, savedOrders: ordersKey(pending)}, nil
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

// quickStart builds a session from command-line options.
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
	actor := o.Actor
	if actor == "" {
		actor = p.Scenario.Actors[0].ID
	}
	g, err := NewSession(p, o.Seed, actor, d, nil)
	if err != nil {
		return nil, err
	}
	return ctx.attach(g), nil
}
