package ui

import (
	"charm.land/bubbles/v2/key"

	"zerosum/text"
)

// KeyMap is every key binding, grouped by where it applies. Help screens
// are generated from it, so a binding that is not here does not exist.
type KeyMap struct {
	// Everywhere.
	Help, Quit, ForceQuit key.Binding
	// Moving around.
	Up, Down, Left, Right, PageUp, PageDown, Top, Bottom key.Binding
	NextTab, PrevTab, Select, Back                       key.Binding
	// The turn dashboard.
	Toggle, Clear, EndTurn, Orders, World, News, Why, Charts, Encyclopedia, Forecast key.Binding
	// Dialogs.
	Yes, No key.Binding
	// The dashboard and the resolution report (help and footer wording for
	// keys that move within a pane).
	PaneKeys, OrderTarget, ChartPick, EncSection, PaneScroll, ListMove, DetailScroll, ReportContinue key.Binding
	// The Orders pane of a small terminal: the highlighted order's detail
	// on a page of its own.
	DetailOpen, DetailClose key.Binding
	// New-game setup: the seed field.
	NewSeed, SeedDigits, SeedErase key.Binding
	// Saves, replays and rewind: save from the turn screen, view the game
	// so far, rewind to an earlier turn; on the load screen, view and
	// delete; in the replay viewer, step through the turns; in the save
	// dialog, type a name.
	Save, ViewReplay, Rewind, Delete, PrevTurn, NextTurn, TurnStep, NameType key.Binding
	// Hot seat, the facilitator and spectating: take the keyboard after a
	// hand-over; open the facilitator's screen (from any screen of a game
	// with a facilitator); export the debrief report (end screen,
	// facilitator); play the next turn when watching bots; on the setup,
	// make a seat human or bot.
	HandOver, Facilitator, Export, NextBotTurn, SeatToggle key.Binding
	// The guided first game: the coach's next tip, and hiding or showing
	// the coach.
	CoachNext, CoachHide key.Binding
}

// DefaultKeyMap is the standard layout: arrows and vim keys, enter, esc,
// tab, ? for help, q to quit (with a confirmation during a game). The
// descriptions are in the interface's language at the time of the call:
// a change of language builds the map again.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Help:      b("?", text.T("help"), "?"),
		Quit:      b("q", text.T("quit"), "q"),
		ForceQuit: b("ctrl+c", text.T("quit"), "ctrl+c"),

		Up:       b("↑/k", text.T("up"), "up", "k"),
		Down:     b("↓/j", text.T("down"), "down", "j"),
		Left:     b("←/h", text.T("left"), "left", "h"),
		Right:    b("→/l", text.T("right"), "right", "l"),
		PageUp:   b("pgup", text.T("page up"), "pgup", "ctrl+u"),
		PageDown: b("pgdn", text.T("page down"), "pgdown", "ctrl+d"),
		Top:      b("g/home", text.T("top"), "g", "home"),
		Bottom:   b("G/end", text.T("bottom"), "G", "end"),
		NextTab:  b("tab", text.T("next pane"), "tab"),
		PrevTab:  b("shift+tab", text.T("previous pane"), "shift+tab"),
		Select:   b("enter", text.T("choose"), "enter"),
		Back:     b("esc", text.T("back"), "esc"),

		Toggle:       b("space", text.T("add/remove"), "space"),
		Clear:        b("x", text.T("clear orders"), "x"),
		EndTurn:      b("E", text.T("end turn"), "E"),
		Orders:       b("1", text.T("orders"), "1"),
		World:        b("2", text.T("world"), "2"),
		News:         b("3", text.T("news"), "3"),
		Why:          b("4", text.T("why (ledger)"), "4"),
		Charts:       b("5", text.T("charts"), "5"),
		Encyclopedia: b("6", text.T("encyclopedia"), "6"),
		Forecast:     b("7", text.T("forecast"), "7"),

		Yes: b("y", text.T("yes"), "y", "Y"),
		No:  b("n/esc", text.T("no"), "n", "N", "esc"),

		PaneKeys:       b("1-7", text.T("pane"), "1", "2", "3", "4", "5", "6", "7"),
		OrderTarget:    b("←/→", text.T("target"), "left", "h", "right", "l"),
		ChartPick:      b("←/→", text.T("chart"), "left", "h", "right", "l"),
		EncSection:     b("←/→", text.T("section"), "left", "h", "right", "l"),
		PaneScroll:     b("↑/↓", text.T("scroll"), "up", "k", "down", "j"),
		ListMove:       b("↑/↓", text.T("move"), "up", "k", "down", "j"),
		DetailScroll:   b("pgup/pgdn", text.T("scroll details"), "pgup", "ctrl+u", "pgdown", "ctrl+d"),
		ReportContinue: b("enter", text.T("continue"), "enter"),
		DetailOpen:     b("enter", text.T("details"), "enter"),
		DetailClose:    b("enter/esc", text.T("back to the list"), "enter", "esc"),

		NewSeed:    b("r", text.T("new seed"), "r"),
		SeedDigits: b("0-9", text.T("type seed"), "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		SeedErase:  b("backspace", text.T("delete digit"), "backspace"),

		Save:       b("s", text.T("save"), "s"),
		ViewReplay: b("v", text.T("replay viewer"), "v"),
		Rewind:     b("R", text.T("rewind (what-if)"), "R"),
		Delete:     b("d", text.T("delete save"), "d"),
		PrevTurn:   b("←/h", text.T("previous turn"), "left", "h"),
		NextTurn:   b("→/l", text.T("next turn"), "right", "l"),
		TurnStep:   b("←/→", text.T("turn"), "left", "h", "right", "l"),
		NameType:   b("a-z 0-9", text.T("type a name"), "a"),

		HandOver:    b("enter", text.T("I have the keyboard"), "enter"),
		Facilitator: b("F2", text.T("facilitator"), "f2", "ctrl+f"),
		Export:      b("e", text.T("export debrief"), "e"),
		NextBotTurn: b("enter", text.T("next turn"), "enter"),
		SeatToggle:  b("space", text.T("human/bot"), "space"),

		CoachNext: b("c", text.T("guide: next tip"), "c"),
		CoachHide: b("C", text.T("hide/show the guide"), "C"),
	}
}
