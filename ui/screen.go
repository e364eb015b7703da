package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
	"zerosum/saves"
	"zerosum/text"
)

// Screen is one full screen of the game: title, setup, briefing, the turn
// dashboard, the resolution report, the end. The App owns the current
// screen, gives it every message the dialogs did not take, and draws its
// View into the terminal minus the one-line key footer.
type Screen interface {
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View renders exactly ctx.Width x ctx.BodyHeight() cells (the App
	// pads and clips, but screens should fit).
	View() string
	// Name is shown in the help overlay ("Turn dashboard").
	Name() string
	// Keys are the bindings this screen answers, for the footer; the
	// groups are for the full help overlay.
	Keys() []key.Binding
	KeyGroups() [][]key.Binding
}

// Capturer is a screen that may have a text field in focus; while it does,
// q and ? are typed, not obeyed.
type Capturer interface {
	Capturing() bool
}

// Resizer is a screen that needs to know when the terminal changes size.
type Resizer interface {
	Resize()
}

// Opener is a screen with work to start when it becomes the current
// screen, such as reading the list of saves (in a command: no I/O in
// Update).
type Opener interface {
	Opened() tea.Cmd
}

// Context is what every screen shares: the theme, the keys, the terminal
// size, the content, and the game in progress.
type Context struct {
	Theme  Theme
	Keys   KeyMap
	Width  int
	Height int
	Opts   Options
	// tableStatus is who at a shared table has handed in orders (see
	// TableStatusMsg).
	tableStatus []string
	Game        *Session // nil until a game starts
	// Saves is what the data directory held when it was last read (see
	// scanSaves); empty until then, and always when saving is off.
	Saves savesIndex

	next Screen   // a screen to switch to once the current message is handled
	open []Dialog // dialogs to open likewise

	busy     int    // file commands sent and not yet answered
	flash    string // a one-off message for the footer, until the next key
	flashBad bool   // the flash reports a failure
	// thinking is set while searching bots choose the turn's orders away
	// from the screen: keys wait until they are done.
	thinking bool
	// forecasts are the Forecast's runs, the player's and the room's.
	forecasts  [numForecastKinds]*forecastRun
	forecastID int
}

// Flash shows a message in the footer until the next key.
func (c *Context) Flash(msg string) { c.flash, c.flashBad = msg, false }

// FlashError shows a failure in the footer until the next key.
func (c *Context) FlashError(msg string) { c.flash, c.flashBad = msg, true }

// Store is where games are saved, or nil when saving is off.
func (c *Context) Store() *saves.Store { return c.Opts.Store }

// Now is the wall-clock time for a save, as RFC 3339 in UTC (the game
// itself never reads a clock).
func (c *Context) Now() string { return c.now().UTC().Format(time.RFC3339) }

func (c *Context) now() time.Time {
	if c.Opts.Now != nil {
		return c.Opts.Now()
	}
	return time.Now()
}

// SwitchTo replaces the current screen as soon as the message being
// handled is done. Transitions are synchronous, so a key that changes
// screens has done so before the next key arrives.
func (c *Context) SwitchTo(s Screen) { c.next = s }

// Open opens a dialog over the current screen, likewise synchronously.
func (c *Context) Open(d Dialog) { c.open = append(c.open, d) }

// BodyHeight is the height screens draw into (the footer takes one line,
// and the guide of a guided game a few more).
func (c *Context) BodyHeight() int { return max(c.Height-1-c.coachHeight(), 0) }

// Session is a game being played in the interface: one human at the
// keyboard, several taking turns at it (hot seat), or none (spectating).
type Session struct {
	Pack  *content.Pack
	Match *match.Match
	// Player is the actor whose screens are shown: the human seat at the
	// keyboard (when spectating, any actor: the screens show everything).
	Player int
	// seats is each human seat's part of the turn in progress (its orders
	// not yet resolved, whether it has handed them in, what it has read),
	// by actor. Orders are simultaneous: every seat composes its own, and
	// the turn resolves once all have submitted.
	seats map[int]*seatTurn
	// Saved is true when the world at the start of this turn is on disk
	// (or nothing has been played yet): quitting loses at most the orders.
	Saved bool

	// Store is where the game is saved (nil: saving is off); Settings go
	// into every save.
	Store    *saves.Store
	Settings saves.Settings
	// Kept says which file holds the start of this turn, for the quit
	// confirmation ("the autosave of turn 3", `the save "x"`); KeepErr is
	// why the last autosave failed.
	Kept    string
	KeepErr error
	// savedOrders are this turn's orders as the last named save holds them
	// (see pendingKey), so a quit knows whether the orders would be lost.
	savedOrders string
	// Reveal shows the whole truth instead of the player's view: the
	// replay viewer sets it for a finished game.
	Reveal bool
	// ReplayPath is where the replay of the finished game was kept;
	// ReplayErr is why it could not be.
	ReplayPath string
	ReplayErr  error
	// ReportPath is where the debrief report was last exported.
	ReportPath string

	// Facil is the facilitator's control of the game (nil: no
	// facilitator).
	Facil *Facilitator
	// clock is the order timer of the seat at the keyboard.
	clock orderClock
	// coach is the guide of the guided first game (nil: none).
	coach *coach
}

// seatTurn is one human seat's part of the turn in progress.
type seatTurn struct {
	orders    []game.Order // chosen, not yet resolved
	submitted bool         // handed in: the seat waits for the others
	seen      int          // resolved turns whose report the seat has read
	briefed   bool         // the seat has read its briefing
	// targets is the swing state each targeted action of the seat points
	// at on its dashboard, by action: kept from key to key and from turn
	// to turn, until the player moves it.
	targets map[int]int
}

// Facilitator is a facilitator's control of a game: whether resolution
// waits for them, the order timer, and the news they have queued for this
// turn.
type Facilitator struct {
	// Pause makes the turn wait on the facilitator's screen once every
	// player has submitted, until the facilitator resolves it.
	Pause bool
	// TimerMinutes is how long each player has for their orders each turn
	// (0: no timer).
	TimerMinutes int
	// Inject is the news queued for this turn: it fires with the next
	// turn's news when the turn resolves.
	Inject []game.Injection
	// Waiting is set while every player has submitted and the turn waits
	// for the facilitator.
	Waiting bool
}

// Scenario is a shortcut.
func (s *Session) Scenario() *game.Scenario { return s.Match.Scenario }

// State is the world now.
func (s *Session) State() *game.State { return s.Match.State() }

// View is the world as the player may know it (all of it when Reveal is
// set).
func (s *Session) View() game.State {
	if s.Reveal {
		return s.State().Clone()
	}
	return s.Scenario().View(s.State(), s.Player, true)
}

// Report is a resolved turn's report (0: the opening news) as the player
// may read it (all of it when Reveal is set).
func (s *Session) Report(turn int) game.Report {
	rep := s.Match.Report(turn)
	if s.Reveal {
		return rep
	}
	return s.Scenario().ReportFor(&s.Match.States[turn], rep, s.Player)
}

// InProgress reports whether quitting would abandon a running game.
func (s *Session) InProgress() bool { return s != nil && !s.Match.Over() }

// seat is a human seat's part of the turn in progress.
func (s *Session) seat(a int) *seatTurn {
	if s.seats == nil {
		s.seats = map[int]*seatTurn{}
	}
	st, ok := s.seats[a]
	if !ok {
		st = &seatTurn{seen: len(s.Match.Turns)}
		s.seats[a] = st
	}
	return st
}

// Orders are the orders the player at the keyboard has chosen this turn,
// not yet resolved.
func (s *Session) Orders() []game.Order { return s.seat(s.Player).orders }

// SetOrders replaces the player's orders for this turn.
func (s *Session) SetOrders(orders []game.Order) { s.seat(s.Player).orders = orders }

// Humans are the actors held by humans, in actor order.
func (s *Session) Humans() []int { return s.Match.Humans() }

// HotSeat reports whether several humans share the keyboard, so that a
// hand-over page stands between them.
func (s *Session) HotSeat() bool { return len(s.Humans()) > 1 }

// Spectating reports whether bots hold every seat.
func (s *Session) Spectating() bool { return len(s.Humans()) == 0 }

// Who names a seat for the screens: "Beijing (Bo)", or "Beijing" when the
// player has no name of their own.
func (s *Session) Who(a int) string {
	name := s.Scenario().Actors[a].Name
	if n := s.playerName(a); n != "" {
		name = text.F("%s (%s)", name, n)
	}
	return name
}

// playerName is the name of a seat's human, or "" (none, or the
// single-player "You").
func (s *Session) playerName(a int) string {
	st := s.Match.Seats[a]
	if !st.Human || st.Name == "You" {
		return ""
	}
	return st.Name
}

// Submitted reports whether a human seat has handed in its orders.
func (s *Session) Submitted(a int) bool { return s.seat(a).submitted }

// AllOrders are every human seat's orders for this turn, by actor.
func (s *Session) AllOrders() map[int][]game.Order {
	out := map[int][]game.Order{}
	for _, a := range s.Humans() {
		if o := s.seat(a).orders; len(o) > 0 {
			out[a] = slices.Clone(o)
		}
	}
	return out
}

// PendingCount is how many orders the human seats have chosen this turn.
func (s *Session) PendingCount() int {
	n := 0
	for _, a := range s.Humans() {
		n += len(s.seat(a).orders)
	}
	return n
}

// pendingKey is every seat's orders as one string, to compare them.
func (s *Session) pendingKey() string {
	var b strings.Builder
	for _, a := range s.Humans() {
		fmt.Fprintf(&b, "%d:%s|", a, ordersKey(s.seat(a).orders))
	}
	return b.String()
}

// nextToSubmit is the first human seat after `after` (in actor order,
// wrapping round) that has not handed in its orders.
func (s *Session) nextToSubmit(after int) (int, bool) {
	hs := s.Humans()
	start := slices.IndexFunc(hs, func(a int) bool { return a > after })
	if start < 0 {
		start = 0
	}
	for i := range hs {
		a := hs[(start+i)%len(hs)]
		if !s.seat(a).submitted {
			return a, true
		}
	}
	return 0, false
}

// clearTurn forgets the turn in progress once it has resolved.
func (s *Session) clearTurn() {
	for _, st := range s.seats {
		st.orders, st.submitted = nil, false
	}
	if s.Facil != nil {
		s.Facil.Inject, s.Facil.Waiting = nil, false
	}
	s.clock.stop()
}

// settings are the Settings a save records, with the facilitator's.
func (s *Session) settings() saves.Settings {
	st := s.Settings
	st.Facilitator = nil
	if f := s.Facil; f != nil {
		st.Facilitator = &saves.Facilitator{Pause: f.Pause, TimerMinutes: f.TimerMinutes}
	}
	return st
}

// turnInProgress is what a save keeps of the turn being played.
func (s *Session) turnInProgress() saves.TurnInProgress {
	tip := saves.TurnInProgress{Pending: s.AllOrders()}
	for _, a := range s.Humans() {
		if s.seat(a).submitted {
			tip.Submitted = append(tip.Submitted, a)
		}
	}
	if s.Facil != nil {
		tip.Inject = slices.Clone(s.Facil.Inject)
	}
	return tip
}

// toSave captures the game, with the turn in progress, as a save.
func (s *Session) toSave(savedAt string) *saves.Save {
	return saves.FromMatchWith(s.Match, s.Player, s.turnInProgress(), s.settings(), savedAt)
}
