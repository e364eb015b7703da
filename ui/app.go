// Package ui is the terminal interface of ZERO SUM, built on Bubble Tea v2.
// The App is the root model: it owns the current screen, the dialog stack,
// the help overlay and the terminal size, and routes every message.
package ui

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/saves"
	"zerosum/text"
)

// MinWidth and MinHeight are the smallest terminal the game lays out in.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Options configure a run of the interface.
type Options struct {
	Theme ThemeName
	// Start, when set, skips the title and setup screens.
	Start *StartOptions
	// Store keeps saves, autosaves and replays; nil turns saving off.
	Store *saves.Store
	// Resume, when set, starts from this save (zerosum load).
	Resume *saves.Save
	// Now is the clock for the times saves record and for the order
	// timer (nil: time.Now); tests pin it.
	Now func() time.Time
	// Tick schedules the order timer's next tick (nil: tea.Tick); tests
	// replace it so that no real timer runs, and send the ticks
	// themselves.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// ForecastFutures is how many futures the Forecast plays on screen
	// (0: forecast.ScreenFutures); tests make it small.
	ForecastFutures int
	// Table, when set, plays one seat of a table that several players
	// share (zerosum serve); Store should then be nil.
	Table *TableSeat
	// Watch, when set, follows a table's game from the public view, with
	// no seat (a spectator of zerosum serve).
	Watch *TableWatch
	// TableFacil, when set, is the facilitator's screen of a table.
	TableFacil *TableFacilitator
	// LangFrom is what set the interface's language explicitly at start
	// ("--lang" or "ZEROSUM_LANG"), "" when nothing did: the language the
	// title screen keeps for the next start gives way to it, and says so.
	LangFrom string
}

// StartOptions jump straight into a game (zerosum play).
type StartOptions struct {
	Scenario   string
	Actor      string
	Seed       uint64
	Difficulty string
	// Seats, when set, seats humans and bots as a --seats list says
	// (Actor is then ignored): several humans play hot seat, none
	// spectate.
	Seats string
	// Facilitator runs the game with a facilitator's screen.
	Facilitator bool
}

// App is the root model.
type App struct {
	ctx      *Context
	screen   Screen
	dialogs  []Dialog
	showHelp bool
	help     help.Model
	err      error // a start-up error to show instead of a screen
}

// New builds the App. A bad StartOptions or Resume is reported on screen,
// not as a panic.
func New(opts Options) *App {
	if opts.Theme == "" {
		opts.Theme = ThemeDefault
	}
	ctx := &Context{Theme: NewTheme(opts.Theme), Keys: DefaultKeyMap(), Opts: opts}
	a := &App{ctx: ctx, help: help.New()}
	a.help.Styles = help.DefaultDarkStyles()
	a.screen = newTitle(ctx)
	switch {
	case opts.Table != nil:
		g, err := tableSession(opts.Table)
		if err != nil {
			a.err = err
			return a
		}
		g.Settings.Theme = string(ctx.Theme.Name)
		ctx.Game = g
		a.screen = ctx.tableFirstScreen()
	case opts.Watch != nil:
		g, err := watchSession(opts.Watch.Pack, opts.Watch.Match)
		if err != nil {
			a.err = err
			return a
		}
		ctx.Game = g
		a.screen = newTableWatch(ctx)
	case opts.TableFacil != nil:
		g, err := tableFacilSession(opts.TableFacil)
		if err != nil {
			a.err = err
			return a
		}
		ctx.Game = g
		a.screen = newFacilitator(ctx, newTableWatch(ctx))
	case opts.Resume != nil:
		// zerosum load has read the file; rebuilding the game from it is
		// work done before the program runs.
		g, err := restoreSession(opts.Resume, opts.Store, text.T("the save you loaded"))
		if err != nil {
			a.err = err
			return a
		}
		g.Settings.Theme = string(ctx.Theme.Name)
		ctx.Game = g
		a.screen = ctx.beginTurn()
	case opts.Start != nil:
		s, err := quickStart(ctx, *opts.Start)
		if err != nil {
			a.err = err
			return a
		}
		ctx.Game = s
		a.screen = ctx.firstScreen()
	}
	return a
}

// Context exposes the shared context (for tests).
func (a *App) Context() *Context { return a.ctx }

// Screen is the current screen (for tests).
func (a *App) Screen() Screen { return a.screen }

// Init reads the list of saves (for the title's Continue and Load game)
// and starts whatever the first screen needs. The game asks the terminal
// nothing, and runs no timer unless a facilitator sets the order timer.
func (a *App) Init() tea.Cmd {
	var open tea.Cmd
	if o, ok := a.screen.(Opener); ok {
		open = o.Opened()
	}
	if _, ok := a.screen.(*title); ok {
		return open // the title reads the saves itself
	}
	return tea.Batch(a.ctx.scanSaves(), open)
}

// Update routes a message: size first, then dialogs, then global keys,
// then the screen; the guide of a guided game then sees where the player
// is.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.update(msg)
	a.ctx.observeCoach(a.screen)
	return m, cmd
}

func (a *App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		a.ctx.Width, a.ctx.Height = m.Width, m.Height
		a.help.SetWidth(m.Width)
		if r, ok := a.screen.(Resizer); ok {
			r.Resize()
		}
		return a, nil
	case clockTickMsg:
		cmd := a.clockTick(m)
		return a, tea.Batch(cmd, a.settle())
	case botsThoughtMsg:
		cmd := a.ctx.botsThought(m)
		return a, tea.Batch(cmd, a.settle())
	case forecastMsg:
		return a, tea.Batch(a.ctx.forecastGot(m), a.settle())
	case TableTurnMsg:
		a.dialogs, a.showHelp = nil, false
		a.ctx.tableTurn(m)
		return a, a.settle()
	case TableStatusMsg:
		a.ctx.tableStatus = m.Lines
		return a, nil
	case TableFacilMsg:
		a.ctx.tableFacil(m)
		return a, a.settle()
	case TableClockMsg:
		return a, a.ctx.tableClock(m)
	case TableCollectMsg:
		cmd := a.tableCollect(m)
		return a, tea.Batch(cmd, a.settle())
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && a.ctx.thinking && !key.Matches(k, a.ctx.Keys.ForceQuit) {
		return a, nil // the turn is being played: wait for the bots
	}
	if cmd, ok := a.handleIO(msg); ok {
		// The answer may change what the screen shows (a kept replay,
		// a fresh list of saves): it sees the message too.
		before := a.screen
		var scmd tea.Cmd
		a.screen, scmd = a.screen.Update(msg)
		if r, ok := a.screen.(Resizer); ok {
			if a.screen == before {
				r.Resize()
			}
		}
		return a, tea.Batch(cmd, scmd, a.settle())
	}
	cmd := a.route(msg)
	return a, tea.Batch(cmd, a.settle())
}

// settle applies the screen switch and dialogs a handler asked for, and
// starts what the new screen needs.
func (a *App) settle() tea.Cmd {
	var cmd tea.Cmd
	if a.ctx.next != nil {
		a.screen, a.ctx.next = a.ctx.next, nil
		if r, ok := a.screen.(Resizer); ok {
			r.Resize()
		}
		if o, ok := a.screen.(Opener); ok {
			cmd = o.Opened()
		}
	}
	a.dialogs = append(a.dialogs, a.ctx.open...)
	a.ctx.open = nil
	if f, ok := a.screen.(forecaster); ok {
		cmd = tea.Batch(cmd, f.forecastCmd())
	}
	return cmd
}

// route hands a message to the dialog on top, the global keys or the screen.
func (a *App) route(msg tea.Msg) tea.Cmd {
	if p, ok := msg.(tea.PasteMsg); ok && len(a.dialogs) > 0 {
		// Pasted text goes to the dialog on top (a save's name).
		n := len(a.dialogs)
		d, cmd, done := a.dialogs[n-1].Update(p)
		if done {
			a.dialogs = a.dialogs[:n-1]
		} else {
			a.dialogs[n-1] = d
		}
		return cmd
	}

	if k, ok := msg.(tea.KeyPressMsg); ok {
		a.ctx.flash = ""
		if a.err != nil {
			a.err = nil
			return nil
		}
		if n := len(a.dialogs); n > 0 {
			d, cmd, done := a.dialogs[n-1].Update(k)
			if done {
				a.dialogs = append(a.dialogs[:n-1:n-1], a.dialogs[n:]...)
			} else {
				a.dialogs[n-1] = d
			}
			return cmd
		}
		if a.showHelp {
			// Any key closes help; ? and esc are the obvious ones.
			a.showHelp = false
			return nil
		}
		capturing := false
		if c, ok := a.screen.(Capturer); ok {
			capturing = c.Capturing()
		}
		switch {
		case key.Matches(k, a.ctx.Keys.ForceQuit):
			return a.quit()
		case !capturing && key.Matches(k, a.ctx.Keys.Quit):
			return a.quit()
		case !capturing && key.Matches(k, a.ctx.Keys.Help):
			a.showHelp = true
			return nil
		case key.Matches(k, a.ctx.Keys.Facilitator) && (!capturing || k.Code == tea.KeyF2):
			return a.facilitatorKey()
		case !capturing && a.coached() && key.Matches(k, a.ctx.Keys.CoachNext):
			a.ctx.Game.coach.skip()
			return nil
		case !capturing && a.coached() && key.Matches(k, a.ctx.Keys.CoachHide):
			a.toggleCoach()
			return nil
		}
	}
	before := a.screen
	var cmd tea.Cmd
	a.screen, cmd = a.screen.Update(msg)
	if r, ok := a.screen.(Resizer); ok && a.screen != before {
		r.Resize()
	}
	return cmd
}

// quit leaves at once, or asks first during a game that has begun, saying
// what would be lost: the turns since the last save when the autosave of
// this turn is missing, and the orders not yet submitted unless a save
// holds them.
func (a *App) quit() tea.Cmd {
	if a.ctx.Opts.Watch != nil {
		return tea.Quit
	}
	if f := a.ctx.Opts.TableFacil; f != nil {
		if f.Leave == "" {
			return tea.Quit
		}
		a.ctx.Open(NewConfirm(a.ctx, f.Leave, f.LeaveDetail, func() tea.Cmd { return tea.Quit }, nil))
		return nil
	}
	if a.ctx.Opts.Table != nil {
		if g := a.ctx.Game; g != nil && g.InProgress() {
			a.ctx.Open(NewConfirm(a.ctx, text.T("Leave the table?"), text.T("Your seat and your orders in progress are kept: connect again and give the same name to take them back. Until then a bot plays your seat."),
				func() tea.Cmd { return tea.Quit }, nil))
			return nil
		}
		return tea.Quit
	}
	if g := a.ctx.Game; g.InProgress() && (len(g.Match.Turns) > 0 || g.PendingCount() > 0 || !g.Saved) {
		a.ctx.Open(NewConfirm(a.ctx, text.T("Quit the game in progress?"), g.quitDetail(),
			func() tea.Cmd { return tea.Quit }, nil))
		return nil
	}
	return tea.Quit
}

// coached reports whether the game in progress has a guide.
func (a *App) coached() bool { return a.ctx.Game != nil && a.ctx.Game.coach != nil }

// toggleCoach hides the guide or shows it again; the screen is laid out
// again for the lines it gives back or takes.
func (a *App) toggleCoach() {
	c := a.ctx.Game.coach
	c.hidden = !c.hidden
	if r, ok := a.screen.(Resizer); ok {
		r.Resize()
	}
	if c.hidden {
		a.ctx.Flash(text.T("The guide is hidden: press C to show it again."))
	}
}

// facilitatorKey opens the facilitator's screen over the game (or leaves
// it), or says why there is none.
func (a *App) facilitatorKey() tea.Cmd {
	ctx := a.ctx
	g := ctx.Game
	switch {
	case g == nil:
		ctx.Flash(text.T("The facilitator's screen belongs to a game: start one with a facilitator first."))
	case g.Facil == nil && (ctx.Opts.Table != nil || ctx.Opts.Watch != nil):
		ctx.Flash(text.T("The facilitator's screen is your teacher's."))
	case g.Facil == nil:
		ctx.Flash(text.T("This game has no facilitator: start one with zerosum play --facilitator, or choose it in the new-game setup."))
	default:
		if f, ok := a.screen.(*facilitatorScreen); ok {
			f.leave()
			return nil
		}
		ctx.SwitchTo(newFacilitator(ctx, a.screen))
	}
	return nil
}

// View draws the screen, the footer and any overlay.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = "ZERO SUM"
	return v
}

func (a *App) render() string {
	w, h := a.ctx.Width, a.ctx.Height
	if w == 0 || h == 0 {
		return ""
	}
	if w < MinWidth || h < MinHeight {
		msg := text.F("ZERO SUM needs a terminal of at least %d×%d.\nThis one is %d×%d: please enlarge the window.\n\n(q quits)",
			MinWidth, MinHeight, w, h)
		return fit(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, msg), w, h)
	}
	body := fit(a.screen.View(), w, a.ctx.BodyHeight())
	if a.ctx.coachHeight() > 0 {
		body += "\n" + a.ctx.Game.coach.view(a.ctx, w)
	}
	footer := a.footer()
	if extra := a.flashAbove(); extra != "" {
		// A long message takes the body's last line as well.
		if i := strings.LastIndex(body, "\n"); i >= 0 {
			body = body[:i+1] + extra
		}
	}
	screen := body + "\n" + footer
	var overlay string
	switch {
	case a.err != nil:
		overlay = NewNotice(a.ctx, text.T("Cannot start that game"), a.err.Error()).View()
	case len(a.dialogs) > 0:
		overlay = a.dialogs[len(a.dialogs)-1].View()
	case a.showHelp:
		overlay = a.helpView()
	}
	if overlay != "" {
		screen = place(screen, overlay, w, h)
	}
	return screen
}

func (a *App) footer() string {
	if lines := a.flashLines(); lines != nil {
		return lines[len(lines)-1]
	}
	if n := len(a.dialogs); n > 0 {
		return fit(a.help.ShortHelpView(a.dialogs[n-1].Keys()), a.ctx.Width, 1)
	}
	// The screen's keys, then help and quit, which always show: when the
	// line is too long the screen's last keys give way (? lists them all).
	keys := a.screen.Keys()
	global := []key.Binding{a.ctx.Keys.Help, a.ctx.Keys.Quit}
	h := a.help
	h.SetWidth(0) // measured here, not cut
	line := h.ShortHelpView(append(slices.Clone(keys), global...))
	for len(keys) > 1 && lipgloss.Width(line) > a.ctx.Width {
		keys = keys[:len(keys)-1]
		line = h.ShortHelpView(append(slices.Clone(keys), global...))
	}
	return fit(line, a.ctx.Width, 1)
}

// flashLines is the footer's message wrapped to the terminal (at most two
// lines), styled; nil when there is none or a dialog is open.
func (a *App) flashLines() []string {
	if a.ctx.flash == "" || len(a.dialogs) > 0 {
		return nil
	}
	st := a.ctx.Theme.Accent
	if a.ctx.flashBad {
		st = a.ctx.Theme.Warn
	}
	w := a.ctx.Width
	lines := strings.Split(wrap(a.ctx.flash, w), "\n")
	if len(lines) > 2 {
		lines = []string{lines[0], text.Truncate(strings.Join(lines[1:], " "), w)}
	}
	for i, l := range lines {
		lines[i] = fit(st.Render(l), w, 1)
	}
	return lines
}

// flashAbove is the first line of a two-line footer message, or "".
func (a *App) flashAbove() string {
	if lines := a.flashLines(); len(lines) == 2 {
		return lines[0]
	}
	return ""
}

// helpView is the full key reference for the current screen, generated from
// the key map: the screen's groups of keys as columns, as many side by
// side as the terminal holds and the rest below, then the keys that work
// everywhere on one line, so that nothing is cut at 80 columns.
func (a *App) helpView() string {
	t := a.ctx.Theme
	global := []key.Binding{a.ctx.Keys.Help, a.ctx.Keys.Quit, a.ctx.Keys.ForceQuit}
	if g := a.ctx.Game; g != nil && g.Facil != nil {
		fac := a.ctx.Keys.Facilitator
		fac.SetHelp("F2/ctrl+f", text.T("facilitator's screen"))
		global = append(global, fac)
	}
	if a.coached() {
		global = append(global, a.ctx.coachKeys()...)
	}
	// The box is the dialog frame around an inner column that fits the
	// terminal with a margin.
	inner := min(a.ctx.Width-4-t.Dialog.GetHorizontalFrameSize(), 96)
	h := a.help
	h.ShowAll = true
	h.SetWidth(0) // each column whole: the columns are laid out here
	var cols []string
	for _, g := range a.screen.KeyGroups() {
		if len(g) > 0 {
			cols = append(cols, h.FullHelpView([][]key.Binding{g}))
		}
	}
	var rows []string
	for len(cols) > 0 {
		n, w := 1, lipgloss.Width(cols[0])
		for n < len(cols) && w+3+lipgloss.Width(cols[n]) <= inner {
			w += 3 + lipgloss.Width(cols[n])
			n++
		}
		row := []string{cols[0]}
		for _, c := range cols[1:n] {
			row = append(row, "   ", c)
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
		cols = cols[n:]
	}
	var every []string
	for _, b := range global {
		every = append(every, t.Key.Render(b.Help().Key)+" "+t.KeyDesc.Render(b.Help().Desc))
	}
	parts := []string{t.Title.Render(text.F("Keys: %s", a.screen.Name()))}
	parts = append(parts, rows...)
	everywhere := text.T("Everywhere:")
	ew := max(text.Width(everywhere)+1, 12)
	parts = append(parts, t.Muted.Render(text.PadRight(everywhere, ew-1))+" "+strings.Join(flow(every, "   ", inner-ew), "\n"+strings.Repeat(" ", ew)),
		t.Muted.Render(wrap(text.T("Arrows or h/j/k/l move; enter chooses; esc goes back. Any key closes this."), inner)))
	body := strings.Join(parts, "\n\n")
	if lipgloss.Height(body)+t.Dialog.GetVerticalFrameSize() > a.ctx.Height-2 {
		// A short terminal: a blank line under the title only, and the
		// footer stays in view.
		body = parts[0] + "\n\n" + strings.Join(parts[1:], "\n")
	}
	return t.Dialog.Render(body)
}

// fit pads or clips s to exactly w×h cells, measuring in cells (wide
// characters count double).
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lw := ansi.StringWidth(l)
		switch {
		case lw > w:
			// A wide character that would straddle the edge is dropped
			// whole, and its cell filled.
			l = ansi.Truncate(l, w, "")
			lines[i] = l + strings.Repeat(" ", max(w-ansi.StringWidth(l), 0))
		case lw < w:
			lines[i] = l + strings.Repeat(" ", w-lw)
		}
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines, "\n")
}

// place draws box centred over screen.
func place(screen, box string, w, h int) string {
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x, y := max((w-bw)/2, 0), max((h-bh)/2, 0)
	c := lipgloss.NewCompositor(lipgloss.NewLayer(screen), lipgloss.NewLayer(box).X(x).Y(y).Z(1))
	return fit(c.Render(), w, h)
}
