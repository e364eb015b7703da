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
// method is safe to call from any goroutine; none sends to a program while
// holding the lock, and none blocks on a program. The bots choose their
// orders outside the lock (see kick), so that nobody's screen waits on
// them.
type Table struct {
	mu         sync.Mutex
	pack       *content.Pack
	m          *match.Match
	difficulty bot.Difficulty
	seats      []seat // per actor
	store      *saves.Store
	now        func() time.Time
	saveErr    error // why the last autosave failed, if it did

	// started says the game has begun: before, players gather in the
	// lobby and no turn resolves.
	started bool
	// fac is what the facilitator set: pause, timer, news.
	fac facSettings
	// waiting says every player's orders are in and the turn waits for
	// the facilitator (pause on).
	waiting bool
	// minute is a minute of the order timer, and grace how long the
	// table waits for a screen to hand in its orders as they stand before
	// the seat's bot plays the turn (tests shorten both).
	minute, grace time.Duration
	deadline      time.Time   // when this turn's orders are due (zero: no timer)
	timer         *time.Timer // fires at the deadline
	// forcing says the turn resolves as soon as the orders in progress
	// are in (the facilitator resolved it, or the time ran out); overdue,
	// that the screens that have not handed them in are too late, and
	// their seats' bots play the turn.
	forcing, overdue bool
	// resolveNow says the facilitator resolved the turn: it does not
	// wait for the pause (a timer that runs out does).
	resolveNow bool
	graceTimer *time.Timer
	resolving  bool // the bots are choosing outside the lock
	watchers   map[*client]bool
	facils     map[*client]bool
}

// facSettings are the facilitator's settings of the table.
type facSettings struct {
	pause   bool
	minutes int
	inject  []game.Injection
}

// seat is who holds one actor at the table.
type seat struct {
	name   string  // the player's name; empty: a bot's seat
	client *client // the player's connection, nil while they are away
	// active says the player plays the seat; a seat held by a connected
	// player who is not active waits for the game to start, or for the
	// next turn (a bot plays this one).
	active bool
	// joined says the player has played the seat before: coming back,
	// they take it again at once.
	joined    bool
	orders    []game.Order
	submitted bool
}

// Defaults of the facilitator's timer.
const (
	DefaultGrace = 5 * time.Second
)

// newTable is a table around a match.
func newTable(p *content.Pack, m *match.Match, d bot.Difficulty, store *saves.Store) *Table {
	return &Table{pack: p, m: m, difficulty: d, seats: make([]seat, len(m.Seats)), store: store, now: time.Now,
		minute: time.Minute, grace: DefaultGrace, watchers: map[*client]bool{}, facils: map[*client]bool{}}
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
	return newTable(p, m, d, store), nil
}

// ResumeTable sets a table up again from a save of one (or of any game):
// the match as it was, every seat a human held kept for that player's
// name, with their orders in progress, until they connect again and give
// it; a bot plays each seat meanwhile. The facilitator's pause, timer and
// queued news are kept too.
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
	t := newTable(p, m, d, store)
	if f := sv.Settings.Facilitator; f != nil {
		t.fac = facSettings{pause: f.Pause, minutes: f.TimerMinutes, inject: tip.Inject}
	}
	used := map[string]bool{}
	for a := range m.Seats {
		s := &m.Seats[a]
		if s.Human {
			name, err := CheckName(s.Name)
			if err != nil || name == "You" || used[strings.ToLower(name)] {
				name = p.Scenario.Actors[a].Name // a save of a local game names no player
			}
			used[strings.ToLower(name)] = true
			t.seats[a] = seat{name: name, joined: true, orders: tip.Pending[a], submitted: slices.Contains(tip.Submitted, a)}
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
	// Waiting says the player is connected but does not play yet: the
	// game has not started, or they take the seat at the next turn.
	Waiting bool
}

// Seats lists who holds each seat, in actor order.
func (t *Table) Seats() []SeatLine {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]SeatLine, len(t.seats))
	for a, s := range t.seats {
		out[a] = SeatLine{Actor: t.pack.Scenario.Actors[a].Name, Player: s.name, Connected: s.client != nil,
			Waiting: s.client != nil && !s.active}
	}
	return out
}

// Turns is how many turns were resolved.
func (t *Table) Turns() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.m.Turns)
}

// Started says the game has begun.
func (t *Table) Started() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.started
}

// Start begins the game: every player waiting in the lobby takes their
// seat, and the turns resolve from now on. It says whether it started it
// (false: it had begun already).
func (t *Table) Start() bool {
	t.mu.Lock()
	if t.started {
		t.mu.Unlock()
		return false
	}
	t.started = true
	t.activateWaiting()
	t.armTimer()
	t.postStatus()
	t.postFacil(false)
	t.mu.Unlock()
	t.kick()
	return true
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
// while they are away (with their orders in progress). It says whether
// they play it at once: before the game starts, and when a newcomer
// arrives in the middle of a turn that others play, they wait in the
// lobby until the start or the next turn (the client is sent openMsg).
func (t *Table) join(name string, a int, c *client) (bool, error) {
	name, err := CheckName(name)
	if err != nil {
		return false, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if a < 0 || a >= len(t.seats) {
		return false, fmt.Errorf("there is no such seat")
	}
	for b, s := range t.seats {
		if b != a && strings.EqualFold(s.name, name) {
			return false, fmt.Errorf("%s holds another seat: give another name", s.name)
		}
	}
	s := &t.seats[a]
	switch {
	case s.name == "":
		s.name, s.orders, s.submitted, s.joined = name, nil, false, false
	case !strings.EqualFold(s.name, name):
		return false, fmt.Errorf("%s holds that seat: choose a free one", s.name)
	case s.client != nil:
		return false, fmt.Errorf("%s is at the table already", s.name)
	}
	s.client = c
	// A player who has played the seat takes it back at once; a newcomer
	// does when nobody plays this turn, or the game is over.
	if t.started && (s.joined || !t.anyActive() || t.m.Over()) {
		t.activate(a)
	}
	t.postStatus()
	t.postFacil(true)
	return s.active, nil
}

// anyActive says some player plays this turn. The caller holds the lock.
func (t *Table) anyActive() bool {
	return slices.ContainsFunc(t.seats, func(s seat) bool { return s.active })
}

// activate makes the connected player of seat a its player. The caller
// holds the lock.
func (t *Table) activate(a int) {
	s := &t.seats[a]
	s.active, s.joined = true, true
	t.m.Seats[a].Human, t.m.Seats[a].Name = true, s.name
}

// activateWaiting seats every player waiting in the lobby, and tells
// their screens. The caller holds the lock.
func (t *Table) activateWaiting() {
	for a, s := range t.seats {
		if s.client != nil && !s.active {
			t.activate(a)
			s.client.post(openMsg{})
		}
	}
}

// open is the game a seat's screen plays, once its player plays it.
func (t *Table) open(a int, c *client) (*ui.TableSeat, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if a < 0 || a >= len(t.seats) || t.seats[a].client != c || !t.seats[a].active {
		return nil, fmt.Errorf("that seat is not yours to play yet")
	}
	s := &t.seats[a]
	ts := &ui.TableSeat{
		Pack: t.pack, Match: t.copyFor(a), Seat: a,
		Orders: slices.Clone(s.orders), Submitted: s.submitted,
		Submit: func(orders []game.Order) { t.submit(a, c, orders) },
	}
	if !t.deadline.IsZero() && !s.submitted {
		c.post(ui.TableClockMsg{Deadline: t.deadline})
	}
	return ts, nil
}

// submit hands in a seat's orders and resolves the turn once every
// seated player has.
func (t *Table) submit(a int, c *client, orders []game.Order) {
	t.mu.Lock()
	s := &t.seats[a]
	if s.client != c || !s.active || t.m.Over() {
		t.mu.Unlock()
		return // the player left, or the game ended: too late
	}
	s.orders, s.submitted = slices.Clone(orders), true
	t.postStatus()
	t.postFacil(false)
	t.mu.Unlock()
	t.kick()
}

// leave frees a player's connection; the seat keeps their name and orders
// in progress, and a bot plays it until they come back. A newcomer who
// never played the seat gives it up.
func (t *Table) leave(a int, c *client, orders []game.Order, submitted bool) {
	t.mu.Lock()
	s := &t.seats[a]
	if s.client != c {
		t.mu.Unlock()
		return
	}
	s.client = nil
	switch {
	case !s.joined:
		*s = seat{}
	case s.active && !s.submitted:
		s.orders, s.submitted = orders, submitted
	}
	s.active = false
	t.m.Seats[a].Human = false
	t.postStatus()
	t.postFacil(true)
	t.mu.Unlock()
	t.kick()
}

// facStart adds a facilitator, and returns the table as their screen
// starts from.
func (t *Table) facStart(c *client) *ui.TableFacilitator {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.facils[c] = true
	c.post(ui.TableStatusMsg{Lines: t.tableLines()})
	return &ui.TableFacilitator{Pack: t.pack, Match: t.facCopy(), Store: t.store,
		Pause: t.fac.pause, TimerMinutes: t.fac.minutes, Inject: slices.Clone(t.fac.inject)}
}

// unwatch removes a spectator or facilitator.
func (t *Table) unwatch(c *client) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.watchers, c)
	delete(t.facils, c)
}

// setFacil takes the facilitator's settings: pause, timer, queued news.
func (t *Table) setFacil(pause bool, minutes int, inject []game.Injection) {
	t.mu.Lock()
	if t.m.Over() {
		t.mu.Unlock()
		return
	}
	timerChanged := minutes != t.fac.minutes
	t.fac = facSettings{pause: pause, minutes: minutes, inject: slices.Clone(inject)}
	if !pause {
		t.waiting = false
	}
	if timerChanged {
		t.stopTimer()
		t.armTimer()
		if minutes == 0 {
			for _, s := range t.seats {
				if s.active {
					s.client.post(ui.TableClockMsg{})
				}
			}
		}
	}
	t.postFacil(false)
	t.mu.Unlock()
	go t.kick() // pausing off may let the turn resolve
}

// ResolveNow resolves the turn at once (the facilitator's "resolve the
// turn now"): every player's orders go in as they stand, and a seat whose
// screen does not hand them in within the grace is played by its bot
// this turn.
func (t *Table) ResolveNow() {
	t.mu.Lock()
	if t.started && !t.m.Over() {
		t.resolveNow = true
		t.force(len(t.m.Turns), "The facilitator resolved the turn: your orders went in as they stood.")
	}
	t.mu.Unlock()
	t.kick()
}

// force collects the orders in progress of turn (the number of turns
// resolved before it) and resolves it. The caller holds the lock.
func (t *Table) force(turn int, note string) {
	if !t.started || t.m.Over() || len(t.m.Turns) != turn || t.forcing {
		return
	}
	t.forcing = true
	for _, s := range t.seats {
		if s.active && !s.submitted {
			s.client.post(ui.TableCollectMsg{Note: note})
		}
	}
	t.graceTimer = time.AfterFunc(t.grace, func() {
		t.mu.Lock()
		if len(t.m.Turns) == turn && t.forcing {
			t.overdue = true
		}
		t.mu.Unlock()
		t.kick()
	})
}

// armTimer starts the order timer of this turn, when the facilitator has
// set one and it is not running. The caller holds the lock.
func (t *Table) armTimer() {
	if !t.started || t.fac.minutes <= 0 || t.m.Over() || !t.deadline.IsZero() {
		return
	}
	d := time.Duration(t.fac.minutes) * t.minute
	t.deadline = t.now().Add(d)
	turn := len(t.m.Turns)
	t.timer = time.AfterFunc(d, func() {
		t.mu.Lock()
		t.force(turn, "Time was up: your orders went in as they stood.")
		t.mu.Unlock()
		t.kick()
	})
	for _, s := range t.seats {
		if s.active && !s.submitted {
			s.client.post(ui.TableClockMsg{Deadline: t.deadline})
		}
	}
}

// stopTimer stops the order timer and the grace. The caller holds the
// lock.
func (t *Table) stopTimer() {
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	if t.graceTimer != nil {
		t.graceTimer.Stop()
		t.graceTimer = nil
	}
	t.deadline = time.Time{}
}

// plan is a turn ready to resolve, as it stood when the bots began to
// choose.
type plan struct {
	m   *match.Match // the match for the bots: the seats they play are not human
	sig string       // the table's state it was made in (see signature)
}

// signature sums up what decides a resolution: the turn, every seat's
// player and whether its orders are in, the pause and the forcing. The
// caller holds the lock.
func (t *Table) signature() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %t %t %t %t %t|", len(t.m.Turns), t.started, t.fac.pause, t.forcing, t.overdue, t.resolveNow)
	for a, s := range t.seats {
		fmt.Fprintf(&b, "%t %t %t;", s.active, s.submitted, t.m.Seats[a].Human)
	}
	return b.String()
}

// ready is the plan of the turn when it can resolve: the game has
// started, and every player who plays this turn has handed in orders (or
// is overdue), unless the facilitator holds it. The caller holds the
// lock.
func (t *Table) ready() (plan, bool) {
	if !t.started || t.m.Over() {
		return plan{}, false
	}
	var fill []int
	players := 0
	for a, s := range t.seats {
		switch {
		case !s.active:
		case s.submitted:
			players++
		case t.overdue:
			fill = append(fill, a)
		default:
			return plan{}, false
		}
	}
	if players == 0 && len(fill) == 0 && !t.forcing {
		return plan{}, false // nobody plays: the table waits for them
	}
	if t.fac.pause && !t.resolveNow {
		if !t.waiting {
			t.waiting = true
			t.postFacil(false)
		}
		return plan{}, false
	}
	c := *t.m
	c.Seats = slices.Clone(t.m.Seats)
	for _, a := range fill {
		c.Seats[a].Human = false // late: its bot plays this turn
	}
	return plan{m: &c, sig: t.signature()}, true
}

// kick resolves the turn if it is ready. The bots choose their orders
// outside the lock, on the state as it stood; if the table changed
// meanwhile (a player left, the facilitator paused), they choose again.
// Their orders are the same as if they had chosen under the lock: they
// depend on the state and the seats only.
func (t *Table) kick() {
	for {
		t.mu.Lock()
		if t.resolving {
			t.mu.Unlock()
			return // the resolution under way sees the change
		}
		p, ok := t.ready()
		if !ok {
			t.mu.Unlock()
			return
		}
		t.resolving = true
		t.mu.Unlock()

		bots := p.m.BotOrders()

		t.mu.Lock()
		t.resolving = false
		if t.signature() == p.sig {
			t.commit(p, bots)
			t.mu.Unlock()
			return
		}
		t.mu.Unlock()
	}
}

// commit plays the turn: the orders of every player whose orders are in,
// in actor order, then the bots', with the facilitator's news; then the
// next turn begins. The caller holds the lock.
func (t *Table) commit(p plan, bots []game.Order) {
	var orders []game.Order
	for a, s := range p.m.Seats {
		if !s.Human {
			continue
		}
		for _, o := range t.seats[a].orders {
			if o.Actor != t.pack.Scenario.Actors[a].ID {
				// Orders come from the interface, which gives only the
				// seat's own; a refusal here is a bug, and the turn
				// waits rather than lose them.
				t.saveErr = fmt.Errorf("an order of %s was given for %s", o.Actor, t.pack.Scenario.Actors[a].ID)
				return
			}
			orders = append(orders, o)
		}
	}
	orders = append(orders, bots...)
	t.m.ApplyWith(orders, t.fac.inject)

	for a := range t.seats {
		t.seats[a].orders, t.seats[a].submitted = nil, false
	}
	t.fac.inject = nil
	t.waiting, t.forcing, t.overdue, t.resolveNow = false, false, false, false
	t.stopTimer()
	t.autosave(saves.TurnInProgress{})
	for a, s := range t.seats {
		if s.active {
			s.client.post(ui.TableTurnMsg{Match: t.copyFor(a)})
		}
	}
	// Who waited for this turn to end plays the next (or sees the end).
	t.activateWaiting()
	t.armTimer()
	for c := range t.watchers {
		c.post(ui.TableTurnMsg{Match: t.watchCopy()})
	}
	t.postStatus()
	t.postFacil(true)
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
		if s.name != "" && s.joined {
			m.Seats[a].Human, m.Seats[a].Name = true, s.name
		}
	}
	player := 0
	if hs := m.Humans(); len(hs) > 0 {
		player = hs[0]
	}
	settings := saves.Settings{Difficulty: t.difficulty.String()}
	if t.fac.pause || t.fac.minutes > 0 || len(t.fac.inject) > 0 {
		settings.Facilitator = &saves.Facilitator{Pause: t.fac.pause, TimerMinutes: t.fac.minutes}
	}
	tip.Inject = slices.Clone(t.fac.inject)
	sv := saves.FromMatchWith(&m, player, tip, settings, t.now().UTC().Format(time.RFC3339))
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
		if s.name != "" && s.joined {
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
		c.Seats[b].Human = b == a || t.m.Over() && t.seats[b].name != "" && t.seats[b].joined
		if c.Seats[b].Human {
			c.Seats[b].Name = t.seats[b].name
		}
	}
	c.States = slices.Clip(slices.Clone(t.m.States))
	c.Turns = slices.Clip(slices.Clone(t.m.Turns))
	return &c
}

// facCopy is the facilitator's copy of the match: every seat a player
// plays is human and named. The caller holds the lock.
func (t *Table) facCopy() *match.Match {
	c := *t.m
	c.Seats = slices.Clone(t.m.Seats)
	for b := range c.Seats {
		c.Seats[b].Human = t.seats[b].active || t.m.Over() && t.seats[b].name != "" && t.seats[b].joined
		if c.Seats[b].Human {
			c.Seats[b].Name = t.seats[b].name
		}
	}
	c.States = slices.Clip(slices.Clone(t.m.States))
	c.Turns = slices.Clip(slices.Clone(t.m.Turns))
	return &c
}

// watchCopy is a spectator's copy of the match: no seat is human, and the
// bots' seats say nothing of their personalities (the screen shows only
// the public view). The caller holds the lock.
func (t *Table) watchCopy() *match.Match {
	c := *t.m
	c.Seats = make([]match.Seat, len(t.m.Seats))
	c.States = slices.Clip(slices.Clone(t.m.States))
	c.Turns = slices.Clip(slices.Clone(t.m.Turns))
	return &c
}

// watchStart adds a spectator, and returns the match as their screen
// starts from.
func (t *Table) watchStart(c *client) *ui.TableWatch {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.watchers[c] = true
	c.post(ui.TableStatusMsg{Lines: t.tableLines()})
	return &ui.TableWatch{Pack: t.pack, Match: t.watchCopy()}
}

// postStatus sends every connected player who has handed in orders, and
// the spectators and facilitators the whole table. The caller holds the
// lock.
func (t *Table) postStatus() {
	var lines []string
	for a, s := range t.seats {
		if s.name == "" || !s.joined && s.client == nil {
			continue
		}
		who := fmt.Sprintf("%s (%s)", t.pack.Scenario.Actors[a].Name, s.name)
		switch {
		case s.client == nil:
			who += " · away: a bot plays"
		case !s.active:
			who += " · joins next turn"
		case s.submitted:
			who += " ✓ orders in"
		default:
			who += " … giving orders"
		}
		lines = append(lines, who)
	}
	for _, s := range t.seats {
		if s.active {
			s.client.post(ui.TableStatusMsg{Lines: lines})
		}
	}
	all := t.tableLines()
	for c := range t.watchers {
		c.post(ui.TableStatusMsg{Lines: all})
	}
	for c := range t.facils {
		c.post(ui.TableStatusMsg{Lines: all})
	}
}

// tableLines are the whole table for spectators and the facilitator:
// every seat, who holds it, whether they are connected and whether their
// orders are in. The caller holds the lock.
func (t *Table) tableLines() []string {
	var lines []string
	if !t.started {
		lines = append(lines, "The game has not started: players are taking their seats.")
	}
	for a, s := range t.seats {
		who := t.pack.Scenario.Actors[a].Name + ": "
		switch {
		case s.name == "":
			who += "a bot plays"
		case s.client == nil:
			who += s.name + ", away (a bot plays until they return)"
		case !s.active && !t.started:
			who += s.name + ", connected, waiting for the start"
		case !s.active:
			who += s.name + ", connected, plays from the next turn (a bot plays this one)"
		case s.submitted:
			who += s.name + ", connected ✓ orders in"
		default:
			who += s.name + ", connected … giving orders"
		}
		lines = append(lines, who)
	}
	return lines
}

// postFacil sends the facilitators how the table stands; withMatch sends
// the match too (the seats or the turn changed). The caller holds the
// lock.
func (t *Table) postFacil(withMatch bool) {
	if len(t.facils) == 0 {
		return
	}
	var submitted []int
	for a, s := range t.seats {
		if s.active && s.submitted {
			submitted = append(submitted, a)
		}
	}
	for c := range t.facils {
		m := ui.TableFacilMsg{Submitted: submitted, Pause: t.fac.pause, TimerMinutes: t.fac.minutes,
			Inject: slices.Clone(t.fac.inject), Waiting: t.waiting}
		if withMatch {
			m.Match = t.facCopy()
		}
		c.post(m)
	}
}

// openMsg tells a player waiting in the lobby that they play their seat
// now.
type openMsg struct{}

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
