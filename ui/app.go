// Package ui is the terminal interface of ZERO SUM, built on Bubble Tea v2.
// The App is the root model: it owns the current screen, the dialog stack,
// the help overlay and the terminal size, and routes every message.
package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/saves"
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
}

// StartOptions jump straight into a game (zerosum play).
type StartOptions struct {
	Scenario   string
	Actor      string
	Seed       uint64
	Difficulty string
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

// New builds the App. A bad StartOptions is reported on screen, not as a
// panic.
func New(opts Options) *App {
	if opts.Theme == "" {
		opts.Theme = ThemeDefault
	}
	ctx := &Context{Theme: NewTheme(opts.Theme), Keys: DefaultKeyMap(), Opts: opts}
	a := &App{ctx: ctx, help: help.New()}
	a.help.Styles = help.DefaultDarkStyles()
	if opts.Start != nil {
		s, err := quickStart(ctx, *opts.Start)
		if err != nil {
			a.err = err
			a.screen = newTitle(ctx)
			return a
		}
		ctx.Game = s
		a.screen = newBriefing(ctx)
		return a
	}
	a.screen = newTitle(ctx)
	return a
}

// Context exposes the shared context (for tests).
func (a *App) Context() *Context { return a.ctx }

// Screen is the current screen (for tests).
func (a *App) Screen() Screen { return a.screen }

// Init starts nothing: the game has no timers and asks the terminal nothing.
func (a *App) Init() tea.Cmd { return nil }

// Update routes a message: size first, then dialogs, then global keys,
// then the screen.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		a.ctx.Width, a.ctx.Height = m.Width, m.Height
		a.help.SetWidth(m.Width)
		if r, ok := a.screen.(Resizer); ok {
			r.Resize()
		}
		return a, nil
	}
	cmd := a.route(msg)
	a.settle()
	return a, cmd
}

// settle applies the screen switch and dialogs a handler asked for.
func (a *App) settle() {
	if a.ctx.next != nil {
		a.screen, a.ctx.next = a.ctx.next, nil
		if r, ok := a.screen.(Resizer); ok {
			r.Resize()
		}
	}
	a.dialogs = append(a.dialogs, a.ctx.open...)
	a.ctx.open = nil
}

// route hands a message to the dialog on top, the global keys or the screen.
func (a *App) route(msg tea.Msg) tea.Cmd {

	if k, ok := msg.(tea.KeyPressMsg); ok {
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

// quit leaves at once, or asks first when a game would be lost.
func (a *App) quit() tea.Cmd {
	if a.ctx.Game.InProgress() && !a.ctx.Game.Saved {
		a.ctx.Open(NewConfirm(a.ctx, "Quit the game in progress?",
			"The current game will be lost.", func() tea.Cmd { return tea.Quit }, nil))
		return nil
	}
	return tea.Quit
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
		msg := fmt.Sprintf("ZERO SUM needs a terminal of at least %d×%d.\nThis one is %d×%d: please enlarge the window.\n\n(q quits)",
			MinWidth, MinHeight, w, h)
		return fit(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, msg), w, h)
	}
	body := fit(a.screen.View(), w, a.ctx.BodyHeight())
	footer := a.footer()
	screen := body + "\n" + footer
	var overlay string
	switch {
	case a.err != nil:
		overlay = NewNotice(a.ctx, "Cannot start that game", a.err.Error()).View()
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
	var keys []key.Binding
	if n := len(a.dialogs); n > 0 {
		keys = a.dialogs[n-1].Keys()
	} else {
		keys = append(keys, a.screen.Keys()...)
		keys = append(keys, a.ctx.Keys.Help, a.ctx.Keys.Quit)
	}
	return fit(a.help.ShortHelpView(keys), a.ctx.Width, 1)
}

// helpView is the full key reference for the current screen, generated from
// the key map.
func (a *App) helpView() string {
	t := a.ctx.Theme
	groups := append([][]key.Binding{}, a.screen.KeyGroups()...)
	groups = append(groups, []key.Binding{a.ctx.Keys.Help, a.ctx.Keys.Quit, a.ctx.Keys.ForceQuit})
	// The box is the dialog frame around an inner column that fits the
	// terminal with a margin.
	frame := t.Dialog.GetHorizontalFrameSize()
	inner := min(a.ctx.Width-4-frame, 96)
	h := a.help
	h.ShowAll = true
	h.SetWidth(inner)
	text := lipgloss.NewStyle().Width(inner)
	body := t.Title.Render("Keys: "+a.screen.Name()) + "\n\n" + h.FullHelpView(groups) +
		"\n\n" + text.Render(t.Muted.Render("Arrows or h/j/k/l move; enter chooses; esc goes back. Any key closes this."))
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
			lines[i] = ansi.Truncate(l, w, "")
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
