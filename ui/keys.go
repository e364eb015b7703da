package ui

import "charm.land/bubbles/v2/key"

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
// tab, ? for help, q to quit (with a confirmation during a game).
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Help:      b("?", "help", "?"),
		Quit:      b("q", "quit", "q"),
		ForceQuit: b("ctrl+c", "quit", "ctrl+c"),

		Up:       b("↑/k", "up", "up", "k"),
		Down:     b("↓/j", "down", "down", "j"),
		Left:     b("←/h", "left", "left", "h"),
		Right:    b("→/l", "right", "right", "l"),
		PageUp:   b("pgup", "page up", "pgup", "ctrl+u"),
		PageDown: b("pgdn", "page down", "pgdown", "ctrl+d"),
		Top:      b("g/home", "top", "g", "home"),
		Bottom:   b("G/end", "bottom", "G", "end"),
		NextTab:  b("tab", "next pane", "tab"),
		PrevTab:  b("shift+tab", "previous pane", "shift+tab"),
		Select:   b("enter", "choose", "enter"),
		Back:     b("esc", "back", "esc"),

		Toggle:       b("space", "add/remove", "space"),
		Clear:        b("x", "clear orders", "x"),
		EndTurn:      b("E", "end turn", "E"),
		Orders:       b("1", "orders", "1"),
		World:        b("2", "world", "2"),
		News:         b("3", "news", "3"),
		Why:          b("4", "why (ledger)", "4"),
		Charts:       b("5", "charts", "5"),
		Encyclopedia: b("6", "encyclopedia", "6"),
		Forecast:     b("7", "forecast", "7"),

		Yes: b("y", "yes", "y", "Y"),
		No:  b("n/esc", "no", "n", "N", "esc"),

		PaneKeys:       b("1-7", "pane", "1", "2", "3", "4", "5", "6", "7"),
		OrderTarget:    b("←/→", "target", "left", "h", "right", "l"),
		ChartPick:      b("←/→", "chart", "left", "h", "right", "l"),
		EncSection:     b("←/→", "section", "left", "h", "right", "l"),
		PaneScroll:     b("↑/↓", "scroll", "up", "k", "down", "j"),
		ListMove:       b("↑/↓", "move", "up", "k", "down", "j"),
		DetailScroll:   b("pgup/pgdn", "scroll details", "pgup", "ctrl+u", "pgdown", "ctrl+d"),
		ReportContinue: b("enter", "continue", "enter"),
		DetailOpen:     b("enter", "details", "enter"),
		DetailClose:    b("enter/esc", "back to the list", "enter", "esc"),

		NewSeed:    b("r", "new seed", "r"),
		SeedDigits: b("0-9", "type seed", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		SeedErase:  b("backspace", "delete digit", "backspace"),

		Save:       b("s", "save", "s"),
		ViewReplay: b("v", "replay viewer", "v"),
		Rewind:     b("R", "rewind (what-if)", "R"),
		Delete:     b("d", "delete save", "d"),
		PrevTurn:   b("←/h", "previous turn", "left", "h"),
		NextTurn:   b("→/l", "next turn", "right", "l"),
		TurnStep:   b("←/→", "turn", "left", "h", "right", "l"),
		NameType:   b("a-z 0-9", "type a name", "a"),

		HandOver:    b("enter", "I have the keyboard", "enter"),
		Facilitator: b("F2", "facilitator", "f2", "ctrl+f"),
		Export:      b("e", "export debrief", "e"),
		NextBotTurn: b("enter", "next turn", "enter"),
		SeatToggle:  b("space", "human/bot", "space"),

		CoachNext: b("c", "guide: next tip", "c"),
		CoachHide: b("C", "hide/show the guide", "C"),
	}
}
