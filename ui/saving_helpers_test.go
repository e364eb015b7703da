package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"zerosum/saves"
)

// testNow is the clock of the saving tests, so saves record a fixed time.
func testNow() time.Time { return time.Date(2026, 11, 28, 10, 41, 0, 0, time.UTC) }

// tempStore is an empty data directory.
func tempStore(t testing.TB) *saves.Store {
	t.Helper()
	st, err := saves.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// withStore is opts with a data directory and the fixed clock.
func withStore(opts Options, st *saves.Store) Options {
	opts.Store, opts.Now = st, testNow
	return opts
}

// runCmds runs a command and every command its answers lead to, feeding
// each answer to the App, the way the program would (but in order, at
// once). Quitting is ignored.
func runCmds(a *App, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch m := c().(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, m...)
		default:
			_, next := a.Update(m)
			queue = append(queue, next)
		}
	}
}

// boot is a sized App whose start-up commands (reading the saves) have run.
func boot(opts Options, w, h int) *App {
	a := sized(opts, w, h)
	runCmds(a, a.Init())
	return a
}

// drive presses keys and runs the commands they start, so files are
// written and read before the next key.
func drive(a *App, keys ...string) {
	for _, k := range keys {
		_, cmd := a.Update(keyMsg(k))
		runCmds(a, cmd)
	}
}

// typeText types text into whatever has focus, running commands likewise.
func typeText(a *App, text string) {
	for _, r := range text {
		_, cmd := a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		runCmds(a, cmd)
	}
}

// idleProbe asks the running program whether any file command is still
// under way; the filter in runIO answers it on the program's goroutine.
type idleProbe struct{ idle chan bool }

// runIO is run for screens that read or write files: it drives the App in
// a real program (teatest) and, before the first key and after each one,
// waits until every file command has answered, so the final frame does not
// depend on timing.
func runIO(t *testing.T, opts Options, w, h int, keys ...string) *App {
	t.Helper()
	filter := func(m tea.Model, msg tea.Msg) tea.Msg {
		if p, ok := msg.(idleProbe); ok {
			p.idle <- m.(*App).ctx.busy == 0
			return nil
		}
		return msg
	}
	tm := teatest.NewTestModel(t, New(opts),
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(
			tea.WithColorProfile(colorprofile.ANSI256),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}),
			tea.WithFilter(filter),
		))
	waitIdle := func(after string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			ch := make(chan bool, 1)
			tm.Send(idleProbe{ch})
			select {
			case idle := <-ch:
				if idle {
					return
				}
			case <-deadline:
				t.Fatalf("file commands still under way after %q", after)
			}
		}
	}
	waitIdle("start")
	for _, k := range keys {
		tm.Send(keyMsg(k))
		waitIdle(k)
	}
	tm.Quit()
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
}
