package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
	"zerosum/saves"
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
	Game   *Session // nil until a game starts
	// Saves is what the data directory held when it was last read (see
	// scanSaves); empty until then, and always when saving is off.
	Saves savesIndex

	next Screen   // a screen to switch to once the current message is handled
	open []Dialog // dialogs to open likewise

	busy     int    // file commands sent and not yet answered
	flash    string // a one-off message for the footer, until the next key
	flashBad bool   // the flash reports a failure
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

// BodyHeight is the height screens draw into (the footer takes one line).
func (c *Context) BodyHeight() int { return max(c.Height-1, 0) }

// Session is a game being played in the interface.
type Session struct {
	Pack   *content.Pack
	Match  *match.Match
	Player int          // the actor whose screens are shown (the human seat)
	Orders []game.Order // the player's orders for this turn, not yet submitted
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
	// (see ordersKey), so a quit knows whether the orders would be lost.
	savedOrders string
	// Reveal shows the whole truth instead of the player's view: the
	// replay viewer sets it for a finished game.
	Reveal bool
	// ReplayPath is where the replay of the finished game was kept;
	// ReplayErr is why it could not be.
	ReplayPath string
	ReplayErr  error
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
