package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zerosum/text"
)

// titleArt is the game's name in block letters (64 cells wide).
var titleArt = []string{
	"███████╗███████╗██████╗  ██████╗    ███████╗██╗   ██╗███╗   ███╗",
	"╚══███╔╝██╔════╝██╔══██╗██╔═══██╗   ██╔════╝██║   ██║████╗ ████║",
	"  ███╔╝ █████╗  ██████╔╝██║   ██║   ███████╗██║   ██║██╔████╔██║",
	" ███╔╝  ██╔══╝  ██╔══██╗██║   ██║   ╚════██║██║   ██║██║╚██╔╝██║",
	"███████╗███████╗██║  ██║╚██████╔╝   ███████║╚██████╔╝██║ ╚═╝ ██║",
	"╚══════╝╚══════╝╚═╝  ╚═╝ ╚═════╝    ╚══════╝ ╚═════╝ ╚═╝     ╚═╝",
}

// SavedGames is what the title screen needs from the store of saved games.
type SavedGames interface {
	// Count is how many saved games there are to load (broken files
	// included: the load screen says what is wrong with them).
	Count() int
	// Open is the screen that lists them and loads one.
	Open(ctx *Context) Screen
}

// storeSaves is the saves of the data directory, as last read.
type storeSaves struct{ ctx *Context }

func (s storeSaves) Count() int { return len(s.ctx.Saves.Entries) }
func (s storeSaves) Open(ctx *Context) Screen {
	return newSavesScreen(ctx, listSaves, newTitle(ctx))
}

// savedGames is where the title screen finds saves.
func savedGames(ctx *Context) SavedGames { return storeSaves{ctx} }

// titleItem is one entry of the title menu.
type titleItem int

const (
	itemContinue titleItem = iota
	itemGuided
	itemNew
	itemLoad
	itemReplays
	itemGuide
	itemLanguage
	itemQuit
	numTitleItems
)

// title is the title screen: the name, a pitch and the main menu.
// Continue is listed only when there is an autosave to resume, and the
// cursor starts on it.
type title struct {
	ctx    *Context
	saves  SavedGames
	cursor titleItem
	moved  bool // the player has moved the cursor (a late list of saves leaves it alone)
}

func newTitle(ctx *Context) *title {
	t := &title{ctx: ctx, saves: savedGames(ctx), cursor: itemNew}
	if t.shown(itemContinue) {
		t.cursor = itemContinue
	}
	return t
}

// Opened reads the list of saves afresh.
func (t *title) Opened() tea.Cmd { return t.ctx.scanSaves() }

// shown reports whether a menu item is listed at all.
func (t *title) shown(i titleItem) bool {
	return i != itemContinue || t.ctx.Saves.continuable() != nil
}

// enabled reports whether a menu item can be chosen now.
func (t *title) enabled(i titleItem) bool {
	switch i {
	case itemLoad:
		return t.saves.Count() > 0
	case itemReplays:
		return len(t.ctx.Saves.Replays) > 0
	}
	return t.shown(i)
}

// move steps the cursor over the enabled items, wrapping round.
func (t *title) move(step int) {
	n := int(numTitleItems)
	for i := 1; i <= n; i++ {
		c := titleItem(((int(t.cursor)+step*i)%n + n) % n)
		if t.enabled(c) {
			t.cursor = c
			return
		}
	}
}

// Update moves through the menu and acts on enter; a fresh list of saves
// puts the cursor on Continue if the player has not moved it, or, when
// nothing has been played in this data folder, on the guided first game.
func (t *title) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if m, ok := msg.(langKeptMsg); ok {
		if m.err != nil {
			t.ctx.FlashError(text.F("The language is set, but it could not be kept for the next start: %v", m.err))
		}
		return t, nil
	}
	if _, ok := msg.(savesScannedMsg); ok {
		switch {
		case t.moved:
		case t.shown(itemContinue):
			t.cursor = itemContinue
		case t.ctx.Saves.Scanned && t.saves.Count() == 0 && len(t.ctx.Saves.Replays) == 0:
			// Nothing played here yet: a newcomer, most likely.
			t.cursor = itemGuided
		}
		if !t.enabled(t.cursor) {
			t.move(1)
		}
		return t, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return t, nil
	}
	km := t.ctx.Keys
	switch {
	case key.Matches(k, km.Up):
		t.move(-1)
	case key.Matches(k, km.Down):
		t.move(1)
	case key.Matches(k, km.Top):
		t.cursor = numTitleItems - 1
		t.move(1)
	case key.Matches(k, km.Bottom):
		t.cursor = 0
		t.move(-1)
	case key.Matches(k, km.Select):
		return t, t.choose()
	case t.cursor == itemLanguage && key.Matches(k, km.Left, km.Right):
		step := 1
		if key.Matches(k, km.Left) {
			step = -1
		}
		return t, t.switchLang(step)
	default:
		return t, nil
	}
	t.moved = true
	return t, nil
}

func (t *title) choose() tea.Cmd {
	switch t.cursor {
	case itemContinue:
		if e := t.ctx.Saves.continuable(); e != nil {
			return t.ctx.loadSave(*e, false, nil)
		}
	case itemGuided:
		g, err := newGuidedSession(t.ctx)
		if err != nil {
			t.ctx.Open(NewNotice(t.ctx, text.T("Cannot start the guided game"), err.Error()))
			return nil
		}
		t.ctx.Game = g
		t.ctx.SwitchTo(t.ctx.firstScreen())
	case itemNew:
		t.ctx.SwitchTo(newSetup(t.ctx))
	case itemLoad:
		if s := t.saves.Open(t.ctx); s != nil {
			t.ctx.SwitchTo(s)
		}
	case itemReplays:
		if t.enabled(itemReplays) {
			t.ctx.SwitchTo(newSavesScreen(t.ctx, listReplays, newTitle(t.ctx)))
		}
	case itemGuide:
		t.ctx.SwitchTo(newGuide(t.ctx, t))
	case itemLanguage:
		return t.switchLang(1)
	case itemQuit:
		return tea.Quit
	}
	return nil
}

// langKeptMsg says whether the language chosen on the title screen was
// kept in the data folder for the next start.
type langKeptMsg struct{ err error }

// switchLang moves the interface to the next (or previous) language at
// once: the words, the keys' help, and the scenario of any game started
// from here (content.Load reads the interface's language). The choice is
// kept in the data folder, in a command (no I/O in Update), for the next
// start; --lang and ZEROSUM_LANG, when given, still win over it then.
func (t *title) switchLang(step int) tea.Cmd {
	langs := text.Languages
	i := slices.Index(langs, text.Lang())
	next := langs[((i+step)%len(langs)+len(langs))%len(langs)]
	if err := text.SetLang(next); err != nil {
		t.ctx.FlashError(err.Error())
		return nil
	}
	t.ctx.Keys = DefaultKeyMap()
	st := t.ctx.Store()
	switch from := t.ctx.Opts.LangFrom; {
	case st == nil:
		t.ctx.Flash(text.T("Saving is off, so this language holds until you quit: the next start picks the language again."))
	case from != "":
		t.ctx.Flash(text.F("Kept for the next start, but %s chooses the language at start while it is given.", from))
	}
	if st == nil {
		return nil
	}
	return func() tea.Msg { return langKeptMsg{err: st.SetLanguage(next)} }
}

// nextLang is the language enter switches to.
func nextLang() string {
	langs := text.Languages
	return langs[(slices.Index(langs, text.Lang())+1)%len(langs)]
}

// notes are the muted words after each menu item.
func (t *title) notes() [numTitleItems]string {
	notes := [numTitleItems]string{
		itemGuided:   text.T("six short turns with a guide, about 15 minutes"),
		itemNew:      text.T("choose a scenario, the seats and a seed"),
		itemGuide:    text.T("turns, orders, capital and the Strait"),
		itemLanguage: text.F("%s · enter switches to %s", text.LanguageNames[text.Lang()], text.LanguageNames[nextLang()]),
	}
	ix := &t.ctx.Saves
	if e := ix.continuable(); e != nil {
		p := e.Save.Preview
		_, who, _ := previewWords(e.Save)
		notes[itemContinue] = text.F("%s, turn %d (%s)", who, p.Turn, previewDate(p))
		if e.Save.Branch != "" {
			notes[itemContinue] += text.T(", what-if")
		}
		if e.Save.Settings.Guided {
			notes[itemContinue] += text.T(", guided")
		}
	}
	switch n := t.saves.Count(); {
	case n > 0:
		notes[itemLoad] = text.F("%d saved", n)
	case t.ctx.Store() == nil:
		notes[itemLoad] = text.T("saving is off")
	default:
		notes[itemLoad] = text.T("no saves yet")
	}
	switch n := len(ix.Replays); {
	case n > 0:
		notes[itemReplays] = text.F("%d finished games to watch", n)
	case t.ctx.Store() == nil:
		notes[itemReplays] = text.T("saving is off")
	default:
		notes[itemReplays] = text.T("none yet: a finished game keeps one")
	}
	return notes
}

// View draws the name, the pitch and the menu, centred.
func (t *title) View() string {
	th := t.ctx.Theme
	w, h := t.ctx.Width, t.ctx.BodyHeight()
	var parts []string
	for _, l := range titleArt {
		parts = append(parts, th.Title.Render(l))
	}
	tagline := text.T("a strategy game about the geopolitics of the AI race")
	pitch := text.T("Chips, controls and alliances: win the race without losing the Strait.")
	parts = append(parts, "", th.Accent.Render(strings.ToUpper(tagline)), "", th.Text.Render(wrap(pitch, w-2)), "")

	labels := [numTitleItems]string{text.T("Continue"), text.T("Guided first game"), text.T("New game"), text.T("Load game"),
		text.T("Replays"), text.T("How to play"), text.T("Language"), text.T("Quit")}
	notes := t.notes()
	var menu []string
	for i := range numTitleItems {
		if !t.shown(i) {
			continue
		}
		label := text.PadRight(labels[i], 17)
		line := "  " + label + "  " + th.Muted.Render(notes[i])
		switch {
		case i == t.cursor:
			line = th.Selected.Render("▸ "+label) + "  " + th.Muted.Render(notes[i])
		case !t.enabled(i):
			line = th.Disabled.Render("  " + label + "  " + notes[i])
		}
		menu = append(menu, text.Truncate(line, w))
	}
	// The menu is a block, left-aligned within itself, centred as a whole.
	tip := text.T("From a shell: zerosum play --actor beijing --seed 7 starts a game at once.")
	parts = append(parts, lipgloss.JoinVertical(lipgloss.Left, menu...), "", th.Muted.Render(text.Truncate(tip, w)))
	body := lipgloss.JoinVertical(lipgloss.Center, parts...)
	return fit(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, body), w, h)
}

// Name is shown in the help overlay.
func (t *title) Name() string { return text.T("Title") }

// Keys are the title's keys for the footer.
func (t *title) Keys() []key.Binding {
	km := t.ctx.Keys
	if t.cursor == itemLanguage {
		sw := km.Right
		sw.SetHelp("←/→", text.T("switch the language"))
		return []key.Binding{km.Up, km.Down, km.Select, sw}
	}
	return []key.Binding{km.Up, km.Down, km.Select}
}

// KeyGroups are the title's keys for the help overlay.
func (t *title) KeyGroups() [][]key.Binding {
	km := t.ctx.Keys
	sw := km.Right
	sw.SetHelp("←/→", text.T("switch the language (on Language)"))
	return [][]key.Binding{{km.Up, km.Down, km.Top, km.Bottom, km.Select, sw}}
}

// guide is the "How to play" page: a short, scrollable guide to a turn.
type guide struct {
	ctx  *Context
	back Screen
	doc  docView
}

func newGuide(ctx *Context, back Screen) *guide {
	g := &guide{ctx: ctx, back: back, doc: newDocView()}
	g.Resize()
	return g
}

// Resize lays the page out again for the terminal's size.
func (g *guide) Resize() {
	w, h := g.ctx.Width, g.ctx.BodyHeight()
	cw := min(w-4, 96)
	g.doc.setSize(cw, max(h-2, 1))
	g.doc.setContent(guideText(g.ctx, cw))
}

// Update scrolls, or goes back on esc or enter.
func (g *guide) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return g, nil
	}
	if key.Matches(k, g.ctx.Keys.Back, g.ctx.Keys.Select) {
		g.ctx.SwitchTo(g.back)
		return g, nil
	}
	g.doc.scroll(k, g.ctx.Keys)
	return g, nil
}

// View draws the page with a heading and a scroll position.
func (g *guide) View() string {
	th := g.ctx.Theme
	w, h := g.ctx.Width, g.ctx.BodyHeight()
	head := th.Title.Render(text.T("HOW TO PLAY")) + "  " + th.Muted.Render(g.doc.position())
	page := lipgloss.JoinVertical(lipgloss.Left, head, "", g.doc.view())
	return fit(lipgloss.PlaceHorizontal(w, lipgloss.Center, page), w, h)
}

// Name is shown in the help overlay.
func (g *guide) Name() string { return text.T("How to play") }

// Keys are the guide's keys for the footer.
func (g *guide) Keys() []key.Binding {
	km := g.ctx.Keys
	back := km.Back
	back.SetHelp("esc/enter", text.T("back"))
	return []key.Binding{km.Up, km.Down, km.PageDown, back}
}

// KeyGroups are the guide's keys for the help overlay.
func (g *guide) KeyGroups() [][]key.Binding {
	km := g.ctx.Keys
	return [][]key.Binding{{km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom}, {km.Back, km.Select}}
}

// guideSections is the text of the guide, section by section. It says how
// the game works, not what any actor should do.
func guideSections() []struct{ head, body string } {
	return []struct{ head, body string }{
		{text.T("The game"), text.T("You lead one of the players of the AI race (a government or a firm) through a run of half-year turns. " +
			"Bots hold every other seat and obey the same rules. At the end each player's score, 0 to 100, says how far it met its own objectives: there is no single way to win, because every player wants different things.")},
		{text.T("A turn"), text.T("Each turn opens with the news: events that fired and what they changed. " +
			"Then everyone picks orders in secret, at the same time, and the turn resolves them all together, so nobody reacts to this turn's moves. " +
			"A report shows what happened, every change to your numbers and why.")},
		{text.T("Orders and action points"), text.T("Your orders are actions from your own list. Each costs action points (you get a few every turn) and capital. " +
			"The Orders pane lists every action with its cost and expected effects, and says why an action is not available now. " +
			"You may change your picks freely until you end the turn. Some actions work with a delay, some can be taken only once, some are covert: hidden from the others unless exposed.")},
		{text.T("Capital"), text.T("Capital is the budget for actions: political and financial. You earn some each turn; big moves cost more, and repeating some moves costs more each time. Spending it all now can leave you unable to answer later.")},
		{text.T("Tension and the mutual-loss rule"), text.T("Strait tension runs from 0 to 10. Controls feed Beijing's grievance, and grievance turns into pressure on the Taiwan Strait. " +
			"If tension reaches 10 the game ends at once in a Strait crisis, and nobody wins it. The game keeps count of who put the pressure there, through their own moves and the grievance they fed: those who drove it score nothing, and everyone else keeps a small part of its score, less its own share of the blame. Watch the gauge; brakes exist (talks, a thaw).")},
		{text.T("The screen"), text.T("The turn dashboard always shows the world's tracks and your numbers. Its panes: Orders (choose this turn's actions), World (swing states and which bloc they lean to), News (this turn's events), Why (the ledger: every change and its causes), Charts (history) and Encyclopedia (terms and profiles). " +
			"Press ? on any screen for its keys. The Guided first game, on the title screen, walks through all of this in a short game of about 15 minutes.")},
		{text.T("Saving and what-ifs"), text.T("The game saves itself at the start of every turn; press s to save under a name. Continue on this screen resumes the newest autosave. " +
			"Press v to look back through the game turn by turn, and R to rewind to an earlier turn and play on as a what-if branch: the original game is kept.")},
		{text.T("Playing together"), text.T("Several people can share one keyboard: on the setup screen press space on an actor to seat a human with a name. " +
			"Each player gives orders in turn behind a hand-over page that hides everyone else's, and the turn resolves when all are in. " +
			"A teacher can switch on the facilitator (F2): pause before each turn resolves, add news, reveal everything to the room, set a timer and export a debrief report. With no human seated, you watch the bots play.")},
		{text.T("Same seed, same game"), text.T("A game is fixed by its scenario, its seed and the orders given. Play the same seed again, or give it to a class, and the dice fall the same way.")},
		{text.T("Where the facts come from"), text.T("The game follows an essay by Reva Goujon on the geopolitics of the AI race and public reporting from 2022 to 2025. " +
			"Every action's detail ends with its basis, and the encyclopedia explains every term. " +
			"The file docs/sources.md, in the game's folder, lists the facts, dates and figures the game uses, where each comes from, and what the game invents.")},
	}
}

func guideText(ctx *Context, width int) string {
	th := ctx.Theme
	var b strings.Builder
	for i, s := range guideSections() {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(th.Heading.Render(s.head))
		b.WriteString("\n")
		b.WriteString(wrap(s.body, width))
	}
	return b.String()
}
