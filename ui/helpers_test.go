package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// keyMsg builds the key press a terminal would send for a key name as
// key.Matches spells it ("enter", "ctrl+c", "shift+tab", "E", "space").
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
	}
	switch name {
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	case "ctrl+d":
		return tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "f2":
		return tea.KeyPressMsg{Code: tea.KeyF2}
	case "ctrl+f":
		return tea.KeyPressMsg{Code: 'f', Mod: tea.ModCtrl}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if r, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	rs := []rune(name)
	if len(rs) != 1 {
		panic("keyMsg: unknown key " + name)
	}
	return tea.KeyPressMsg{Code: rs[0], Text: name}
}

// sized returns an App that has been told the terminal size.
func sized(opts Options, w, h int) *App {
	a := New(opts)
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

// press sends keys straight to the model (no program), the way the
// program would, one after another.
func press(a *App, keys ...string) {
	for _, k := range keys {
		a.Update(keyMsg(k))
	}
}

// screen is the App's current frame as plain text (no colour codes).
func screen(a *App) string { return ansi.Strip(a.View().Content) }

// run drives the App in a real Bubble Tea program with teatest, at a pinned
// size and colour profile, sends the keys, quits and returns the final
// model. Screen changes are synchronous, so the final model has seen every
// key.
func run(t *testing.T, opts Options, w, h int, keys ...string) *App {
	t.Helper()
	return runModel(t, New(opts), w, h, keys...)
}

// runModel is run for a model already set up (say, at the end of a game).
func runModel(t *testing.T, a *App, w, h int, keys ...string) *App {
	t.Helper()
	tm := teatest.NewTestModel(t, a,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(
			tea.WithColorProfile(colorprofile.ANSI256),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}),
		))
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
	tm.Quit()
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
}

// requireScreen compares the App's frame, as plain text, with the golden
// file testdata/<TestName>.golden (go test ./ui -update rewrites it), and
// checks the frame fills the terminal exactly.
func requireScreen(t *testing.T, a *App) {
	t.Helper()
	s := screen(a)
	lines := strings.Split(s, "\n")
	if len(lines) != a.ctx.Height {
		t.Errorf("frame is %d lines, terminal is %d", len(lines), a.ctx.Height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != a.ctx.Width {
			t.Errorf("line %d is %d cells wide, terminal is %d", i+1, w, a.ctx.Width)
			break
		}
	}
	golden.RequireEqual(t, s)
}
