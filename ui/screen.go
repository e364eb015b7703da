package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
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

// Context is what every screen shares: the theme, the keys, the terminal
// size, the content, and the game in progress.
type Context struct {
	Theme  Theme
	Keys   KeyMap
	Width  int
	Height int
	Opts   Options
	Game   *Session // nil until a game starts

	next Screen   // a screen to switch to once the current message is handled
	open []Dialog // dialogs to open likewise
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
	// Saved is false when there is progress a quit would lose.
	Saved bool
}

// Scenario is a shortcut.
func (s *Session) Scenario() *game.Scenario { return s.Match.Scenario }

// State is the world now.
func (s *Session) State() *game.State { return s.Match.State() }

// View is the world as the player may know it.
func (s *Session) View() game.State { return s.Scenario().View(s.State(), s.Player, true) }

// InProgress reports whether quitting would abandon a running game.
func (s *Session) InProgress() bool { return s != nil && !s.Match.Over() }
