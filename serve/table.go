// Package serve hosts one table of ZERO SUM over SSH (zerosum serve):
// every player connects with their own SSH client, takes a seat and gives
// orders on their own screen; the turn resolves when every seated player
// has submitted. The table owns the match; each player's screen is the
// game's own interface (ui.App) playing a copy of the match in which their
// seat is the only human one, so it shows exactly what that seat may know.
package serve

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
	"zerosum/saves"
	"zerosum/ui"
)

// MaxNameLen is the longest player name, as in a hot-seat game.
const MaxNameLen = 20

// Table is one match shared by the players connected to a server. Every
// method is safe to call from any goroutine; none sends to a player's
// program while holding the lock, and none blocks on a program.
type Table struct {
	mu         sync.Mutex
	pack       *content.Pack
	m          *match.Match
	difficulty bot.Difficulty
	seats      []seat // per actor
	store      *saves.Store
	now        func() time.Time
	saveErr    error // why the last autosave failed, if it did
}

// seat is who holds one actor at the table.
type seat struct {
	name      string  // the player's name; empty: a bot's seat
	client    *client // the player's connection, nil while they are away
	orders    []game.Order
	submitted bool
}

// NewTable starts a table: every seat a bot of the given difficulty, each
// with the personality the seed draws, until players take them.
func NewTable(p *content.Pack, seed uint64, d bot.Difficulty, store *saves.Store) (*Table, error) {
	sc := p.Scenario
	seats := make([]match.Seat, len(sc.Actors))
	for a, b := range sim.BotsFor(sc, seed, d) {
		seats[a] = match.Seat{Bot: b}
	}
	m, err := match.New(sc, seed, seats)
	if err != nil {
		return nil, err
	}
	return &Table{pack: p, m: m, difficulty: d, seats: make([]seat, len(sc.Actors)), store: store, now: time.Now}, nil
}

// ResumeTable sets a table up again from a save of one (or of any game):
// the match as it was, every seat a human held kept for that player's
// name, with their orders in progress, until they connect again and give
// it; a bot plays each seat meanwhile.
func ResumeTable(p *content.Pack, sv *saves.Save, store *saves.Store) (*Table, error) {
	m, _, _, err := sv.Restore(p.Scenario)
	if err != nil {
		return nil, err
	}
	tip, err := sv.InProgress(p.Scenario, m)
	if err != nil {
		return nil, err
	}
	d := bot.Normal
	if sv.Settings.Difficulty != "" {
		if d, err = bot.ParseDifficulty(sv.Settings.Difficulty); err != nil {
			return nil, err
		}
	}
	t := &Table{pack: p, m: m, difficulty: d, seats: make([]seat, len(m.Seats)), store: store, now: time.Now}
	used := map[string]bool{}
	for a := range m.Seats {
		s := &m.Seats[a]
		if s.Human {
			name, err := CheckName(s.Name)
			if err != nil || name == "You" || used[strings.ToLower(name)] {
				name = p.Scenario.Actors[a].Name // a save of a local game names no player
			}
			used[strings.ToLower(name)] = true
			t.seats[a] = seat{name: name, orders: tip.Pending[a], submitted: slices.Contains(tip.Submitted, a)}
		}
		s.Human = false // away until they connect
	}
	return t, nil
}

// Scenario is the table's scenario.
func (t *Table) Scenario() *game.Scenario { return t.pack.Scenario }

// SeatLine is one seat as the lobby shows it.
type SeatLine struct {
	Actor     string
	Player    string // empty: a bot plays it
	Connected bool
}

// Seats lists who holds each seat, in actor order.
func (t *Table) Seats() []SeatLine {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]SeatLine, len(t.seats))
	for a, s := range t.seats {
		out[a] = SeatLine{Actor: t.pack.Scenario.Actors[a].Name, Player: s.name, Connected: s.client != nil}
	}
	return out
}

// Turns is how many turns were resolved.
func (t *Table) Turns() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.m.Turns)
}

// CheckName cleans a player's name, or says why it cannot be used.
func CheckName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch n := len([]rune(name)); {
	case n == 0:
		return "", fmt.Errorf("type a name first")
	case n > MaxNameLen:
		return "", fmt.Errorf("a name has at most %d characters", MaxNameLen)
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return "", fmt.Errorf("a name is letters, digits, spaces and punctuation only")
		}
	}
	return name, nil
}

// SeatOf is the seat a player of that name holds while away, or -1. A
// name held by a connected player is refused.
func (t *Table) SeatOf(name string) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for a, s := range t.seats {
		if s.name != "" && strings.EqualFold(s.name, name) {
			if s.client != nil {
				return -1, fmt.Errorf("%s is at the table already, playing %s: choose another name (if that is you and your computer dropped off the network, try again in half a minute)", s.name, t.pack.Scenario.Actors[a].Name)
			}
			return a, nil
		}
	}
	return -1, nil
}

// join seats a player at actor a: a free seat, or the one their name holds
// while they are away (with their orders in progress). It returns what
// their screen plays.
func (t *Table) join(name string, a int, c *client) (*ui.TableSeat, error) {
	name, err := CheckName(name)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if a < 0 || a >= len(t.seats) {
		return nil, fmt.Errorf("there is no such seat")
	}
	for b, s := range t.seats {
		if b != a && strings.EqualFold(s.name, name) {
			return nil, fmt.Errorf("%s holds another seat: give another name", s.name)
		}
	}
	s := &t.seats[a]
	switch {
	case s.name == "":
		s.name, s.orders, s.submitted = name, nil, false
	case !strings.EqualFold(s.name, name):
		return nil, fmt.Errorf("%s holds that seat: choose a free one", s.name)
	case s.client != nil:
		return nil, fmt.Errorf("%s is at the table already", s.name)
	}
	s.client = c
	t.m.Seats[a].Human, t.m.Seats[a].Name = true, s.name
	ts := &ui.TableSeat{
		Pack: t.pack, Match: t.copyFor(a), Seat: a,
		Orders: slices.Clone(s.orders), Submitted: s.submitted,
		Submit: func(orders []game.Order) { t.submit(a, c, orders) },
	}
	t.postStatus()
	return ts, nil
}

// submit hands in a seat's orders and resolves the turn once every
// seated player has.
func (t *Table) submit(a int, c *client, orders []game.Order) {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := &t.seats[a]
	if s.client != c || t.m.Over() {
		return // the player left, or the game ended: too late
	}
	s.orders, s.submitted = slices.Clone(orders), true
	t.resolveIfReady()
	t.postStatus()
}

// leave frees a player's connection; the seat keeps their name and orders
// in progress, and a bot plays it until they come back.
func (t *Table) leave(a int, c *client, orders []game.Order, submitted bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := &t.seats[a]
	if s.client != c {
		return
	}
	s.client = nil
	if !s.submitted {
		s.orders, s.submitted = orders, submitted
	}
	t.m.Seats[a].Human = false
	t.resolveIfReady()
	t.postStatus()
}

// resolveIfReady plays the turn when at least one player is connected
// and every connected player has submitted: their orders, a bot's for
// every other seat. It sends each connected player their copy of the
// match after it. The caller holds the lock.
func (t *Table) resolveIfReady() {
	if t.m.Over() {
		return
	}
	human := map[int][]game.Order{}
	for a, s := range t.seats {
		if s.client == nil {
			continue
		}
		if !s.submitted {
			return
		}
		human[a] = s.orders
	}
	if len(human) == 0 {
		return
	}
	if _, err := t.m.PlayBots(human, t.m.BotOrders(), nil); err != nil {
		// Orders come from the interface, which gives only the seat's own;
		// a refusal here is a bug, and the turn waits rather than lose them.
		t.saveErr = err
		return
	}
	for a := range t.seats {
		t.seats[a].orders, t.seats[a].submitted = nil, false
	}
	t.autosave(saves.TurnInProgress{})
	for a, s := range t.seats {
		if s.client != nil {
			s.client.post(ui.TableTurnMsg{Match: t.copyFor(a)})
		}
	}
}

// autosave keeps the start of the new turn in the store, as a local game
// does. The caller holds the lock.
func (t *Table) autosave(tip saves.TurnInProgress) {
	if t.store == nil {
		return
	}
	// The save names every seat a player holds, here or away, so that a
	// table resumed from it keeps their seats.
	m := *t.m
	m.Seats = slices.Clone(t.m.Seats)
	for a, s := range t.seats {
		if s.name != "" {
			m.Seats[a].Human, m.Seats[a].Name = true, s.name
		}
	}
	player := 0
	if hs := m.Humans(); len(hs) > 0 {
		player = hs[0]
	}
	sv := saves.FromMatchWith(&m, player, tip, saves.Settings{Difficulty: t.difficulty.String()}, t.now().UTC().Format(time.RFC3339))
	t.saveErr = t.store.Autosave(sv)
}

// Save autosaves the table as it stands, with the orders in progress of
// the players connected, and says what it wrote ("" when the table has no
// store) or why it could not.
func (t *Table) Save() (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.store == nil {
		return "", nil
	}
	tip := saves.TurnInProgress{Pending: map[int][]game.Order{}}
	for a, s := range t.seats {
		if s.name != "" {
			tip.Pending[a] = s.orders
			if s.submitted {
				tip.Submitted = append(tip.Submitted, a)
			}
		}
	}
	t.autosave(tip)
	if t.saveErr != nil {
		return "", t.saveErr
	}
	return fmt.Sprintf("the autosave of turn %d", t.m.State().Turn), nil
}

// copyFor is seat a's copy of the match: its own slices, and a as the only
// human seat while the game goes on. Once it is over nothing is secret,
// and every seat a player holds is named, so that the end of the game
// lists the players as a hot-seat game does. The states themselves are
// shared, read only. The caller holds the lock.
func (t *Table) copyFor(a int) *match.Match {
	c := *t.m
	c.Seats = slices.Clone(t.m.Seats)
	for b := range c.Seats {
		c.Seats[b].Human = b == a || t.m.Over() && t.seats[b].name != ""
		if c.Seats[b].Human {
			c.Seats[b].Name = t.seats[b].name
		}
	}
	c.States = slices.Clip(slices.Clone(t.m.States))
	c.Turns = slices.Clip(slices.Clone(t.m.Turns))
	return &c
}

// postStatus sends every connected player who has handed in orders. The
// caller holds the lock.
func (t *Table) postStatus() {
	var lines []string
	for a, s := range t.seats {
		if s.name == "" {
			continue
		}
		who := fmt.Sprintf("%s (%s)", t.pack.Scenario.Actors[a].Name, s.name)
		switch {
		case s.client == nil:
			who += " · away: a bot plays"
		case s.submitted:
			who += " ✓ orders in"
		default:
			who += " … giving orders"
		}
		lines = append(lines, who)
	}
	for _, s := range t.seats {
		if s.client != nil {
			s.client.post(ui.TableStatusMsg{Lines: lines})
		}
	}
}

// client is one player's connection: what the table sends it goes out in
// order, from its own goroutine, so that the table never waits on a
// screen.
type client struct {
	mu    sync.Mutex
	queue []tea.Msg
	wake  chan struct{}
	done  chan struct{}
	send  func(tea.Msg)
}

func newClient(send func(tea.Msg)) *client {
	c := &client{wake: make(chan struct{}, 1), done: make(chan struct{}), send: send}
	go c.run()
	return c
}

// post queues a message for the player's screen.
func (c *client) post(m tea.Msg) {
	c.mu.Lock()
	c.queue = append(c.queue, m)
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// run delivers the queue until the connection ends.
func (c *client) run() {
	for {
		select {
		case <-c.done:
			return
		case <-c.wake:
		}
		for {
			c.mu.Lock()
			if len(c.queue) == 0 {
				c.mu.Unlock()
				break
			}
			m := c.queue[0]
			c.queue = c.queue[1:]
			c.mu.Unlock()
			c.send(m)
		}
	}
}

// stop ends the delivery; call it once the program has stopped (its Send
// then returns at once).
func (c *client) stop() { close(c.done) }
