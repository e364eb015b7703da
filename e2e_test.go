package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives the real binary in a detached tmux session.
type tmuxSession struct {
	t    *testing.T
	name string
}

func startTmux(t *testing.T, w, h int, args ...string) *tmuxSession {
	t.Helper()
	return startTmuxIn(t, buildBinary(t), t.TempDir(), w, h, args...)
}

// buildBinary builds the game for the end-to-end tests (they skip
// themselves without tmux).
func buildBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	bin := filepath.Join(t.TempDir(), "zerosum")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// startTmuxIn runs a built binary in tmux with home as its data directory
// (ZEROSUM_HOME), so a second run finds the first one's saves.
func startTmuxIn(t *testing.T, bin, home string, w, h int, args ...string) *tmuxSession {
	t.Helper()
	name := fmt.Sprintf("zs-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())
	cmd := append([]string{"new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "TERM=xterm-256color", "ZEROSUM_HOME=" + home, bin}, args...)
	// When the previous session was the server's last, the server may
	// still be exiting as this one asks it for a session ("server exited
	// unexpectedly"): ask again, a few times.
	for try := 0; ; try++ {
		out, err := exec.Command("tmux", cmd...).CombinedOutput()
		if err == nil {
			break
		}
		if try == 5 || !strings.Contains(string(out), "server exited unexpectedly") {
			t.Fatalf("tmux: %v\n%s", err, out)
		}
		time.Sleep(200 * time.Millisecond)
	}
	s := &tmuxSession{t: t, name: name}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	return s
}

func (s *tmuxSession) send(keys ...string) {
	s.t.Helper()
	if out, err := exec.Command("tmux", append([]string{"send-keys", "-t", s.name}, keys...)...).CombinedOutput(); err != nil {
		s.t.Fatalf("send-keys %v: %v\n%s", keys, err, out)
	}
}

// typeText types text literally (no key names).
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	if out, err := exec.Command("tmux", "send-keys", "-t", s.name, "-l", text).CombinedOutput(); err != nil {
		s.t.Fatalf("send-keys -l %q: %v\n%s", text, err, out)
	}
}

func (s *tmuxSession) capture() string {
	out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
	return string(out)
}

// waitFor polls the screen until it shows every one of the texts.
func (s *tmuxSession) waitFor(step string, texts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen := s.capture()
		missing := ""
		for _, want := range texts {
			if !strings.Contains(screen, want) {
				missing = want
				break
			}
		}
		if missing == "" {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("%s: the screen never showed %q:\n%s", step, missing, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitGone polls the screen until it no longer shows text.
func (s *tmuxSession) waitGone(step, text string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(s.capture(), text) {
		if time.Now().After(deadline) {
			s.t.Fatalf("%s: the screen still shows %q:\n%s", step, text, s.capture())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// gone waits until the program has exited and tmux closed the session.
func (s *tmuxSession) gone(step string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for exec.Command("tmux", "has-session", "-t", s.name).Run() == nil {
		if time.Now().After(deadline) {
			s.t.Fatalf("%s: the program is still running:\n%s", step, s.capture())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestEndToEndSinglePlayer plays the real binary in tmux as a person
// would: title, setup, an actor, the briefing, orders over two turns, the
// help overlay, and quitting with a confirmation.
func TestEndToEndSinglePlayer(t *testing.T) {
	s := startTmux(t, 100, 30)
	// A data folder where nothing was played: the cursor waits on the
	// guided first game; New game is the next item.
	s.waitFor("title", "▸ Guided first game", "New game", "How to play", "Quit")
	s.send("Down")
	s.waitFor("title", "▸ New game")
	s.send("Enter")
	s.waitFor("setup", "NEW GAME", "Washington", "Beijing", "Start the game")
	s.send("Down", "Enter") // Beijing, then the cursor jumps to Start
	s.waitFor("actor chosen", "Beijing (you)", "Start the game")
	s.send("Enter")
	s.waitFor("briefing", "BRIEFING", "Beijing", "YOUR OBJECTIVES")
	s.send("Enter")
	screen := s.waitFor("dashboard", "Turn 1/12", "Beijing", "Strait tension", "Orders")
	if !strings.Contains(screen, "Action points 3 of 3 left") {
		t.Fatalf("dashboard should start with all action points:\n%s", screen)
	}
	s.send("Space") // the first action: the state chip fund
	s.waitFor("order chosen", "Action points 2 of 3 left")
	s.send("E")
	s.waitFor("end-turn confirm", "End turn 1", "y yes")
	s.send("y")
	s.waitFor("resolution", "Turn 1 of 12 resolved", "What everyone did")
	s.send("Enter")
	s.waitFor("turn 2", "Turn 2/12")
	s.send("Down", "Space", "E")
	s.waitFor("second confirm", "End turn 2")
	s.send("y")
	s.waitFor("second resolution", "Turn 2 of 12 resolved")
	s.send("Enter")
	s.waitFor("turn 3", "Turn 3/12")
	s.send("?")
	s.waitFor("help", "Keys: ", "end turn", "help")
	s.send("?") // any key closes help (esc too, but esc followed by q reads as alt+q)
	s.waitGone("help closed", "Keys: ")
	s.send("q")
	s.waitFor("quit confirm", "Quit the game in progress?")
	s.send("n")
	s.waitGone("quit declined", "Quit the game in progress?")
	s.send("q")
	s.waitFor("quit confirm again", "Quit the game in progress?")
	s.send("y")
	s.gone("quit")
}

// TestEndToEndSaveContinueRewind plays the real binary twice on one data
// directory: the first run ends a turn, saves under a name and quits (the
// confirmation says nothing is lost); the second continues from the title
// at the same turn and actor, opens the replay viewer, steps back to turn
// 1 and rewinds there, and the dashboard is labelled as a what-if, with
// the original line kept as a save.
func TestEndToEndSaveContinueRewind(t *testing.T) {
	bin, home := buildBinary(t), t.TempDir()
	s := startTmuxIn(t, bin, home, 100, 30, "play", "--actor", "beijing", "--seed", "7")
	s.waitFor("briefing", "BRIEFING", "Beijing")
	s.send("Enter")
	s.waitFor("dashboard", "Turn 1/12", "Beijing")
	s.send("Space", "E")
	s.waitFor("end-turn confirm", "End turn 1")
	s.send("y")
	s.waitFor("resolution", "Turn 1 of 12 resolved")
	s.send("Enter")
	s.waitFor("turn 2", "Turn 2/12")
	s.send("s")
	s.waitFor("save dialog", "Save the game", "Beijing H2 2025")
	s.send("C-u")
	s.typeText("e2e save")
	s.send("Enter")
	s.waitFor("saved", `Saved as "e2e save".`)
	if _, err := os.Stat(filepath.Join(home, "saves", "e2e save.zsave")); err != nil {
		t.Fatalf("the named save is not on disk: %v", err)
	}
	s.send("q")
	s.waitFor("quit confirm", "Quit the game in progress?", "No turn is lost")
	s.send("y")
	s.gone("quit")

	s = startTmuxIn(t, bin, home, 100, 30)
	s.waitFor("title", "Continue", "Beijing, turn 2 (H2 2025)", "Load game")
	s.send("Enter")
	s.waitFor("continued", "Turn 2/12", "Beijing")
	s.send("v")
	s.waitFor("replay viewer", "REPLAY", "Turn 2 of 12 · H2 2025 (now)")
	s.send("Left")
	s.waitFor("turn 1 in the viewer", "◂ Turn 1 of 12 · H1 2025 ▸")
	s.send("R")
	s.waitFor("rewind confirm", "Rewind to the start of turn 1")
	s.send("y")
	s.waitFor("branch", "WHAT-IF", "Turn 1/12", "original line is kept")
	kept, _ := filepath.Glob(filepath.Join(home, "saves", "main line beijing *.zsave"))
	if len(kept) != 1 {
		t.Errorf("the original line should be kept as one save, found %v", kept)
	}
}

// absent fails when the screen shows any of the texts (another player's
// orders, on a screen they must not reach).
func (s *tmuxSession) absent(step, screen string, texts ...string) {
	s.t.Helper()
	flat := strings.Join(strings.Fields(screen), " ")
	for _, text := range texts {
		if strings.Contains(flat, text) {
			s.t.Fatalf("%s: the screen shows %q:\n%s", step, text, screen)
		}
	}
}

// TestEndToEndHotSeat plays a two-human hot-seat game in the real binary
// through two turns: Ana (Washington) and Bo (Beijing) take the keyboard
// in turn behind hand-over pages, each sees only their own orders (Bo's
// stockpiling is covert and, with this seed, stays secret), the turn
// resolves once both have submitted, and each reads their own report
// behind a hand-over before the next orders.
func TestEndToEndHotSeat(t *testing.T) {
	const (
		anaT1 = "Tighten chip and tool controls"
		anaT2 = "Expand the foreign direct product rule"
		boT1  = "Stockpile chips and memory"
	)
	s := startTmux(t, 100, 30, "play", "--seats", "washington=human:Ana,beijing=human:Bo,all=bot", "--seed", "8")
	screen := s.waitFor("first hand-over", "WASHINGTON  ·  Ana", "Pass to Washington (Ana)")
	s.send("Enter")
	s.waitFor("Ana's briefing", "BRIEFING", "Washington (Ana)", "YOUR OBJECTIVES")
	s.send("Enter")
	s.waitFor("Ana's dashboard", "Turn 1/12", "Washington (Ana)", "No orders yet")
	s.send("Space") // the first action: tighten controls
	s.waitFor("Ana's order", "2 AP, ")
	s.send("E")
	s.waitFor("Ana's confirmation", "End turn 1 (H1 2025) for Washington (Ana)?", anaT1)
	s.send("y")
	screen = s.waitFor("hand-over to Bo", "BEIJING  ·  Bo", "Washington (Ana) ✓ orders in")
	s.absent("hand-over to Bo", screen, anaT1, "AP left")
	s.send("Enter")
	screen = s.waitFor("Bo's briefing", "BRIEFING", "Beijing (Bo)")
	s.absent("Bo's briefing", screen, anaT1)
	s.send("Enter")
	screen = s.waitFor("Bo's dashboard", "Turn 1/12", "Beijing (Bo)", "No orders yet")
	s.absent("Bo's dashboard", screen, anaT1)
	s.send("Down", "Down", "Down", "Space") // stockpile chips, in secret
	s.waitFor("Bo's order", boT1, "2 AP, ")
	s.send("E")
	s.waitFor("Bo's confirmation", "End turn 1 (H1 2025) for Beijing (Bo)?", "You are the last")
	s.send("y")
	screen = s.waitFor("turn 1 resolved: hand-over to Ana", "WASHINGTON  ·  Ana", "your report of H1 2025")
	s.absent("hand-over to Ana", screen, boT1, anaT1)
	s.send("Enter")
	screen = s.waitFor("Ana's report", "Turn 1 of 12 resolved: H1 2025", "Washington (Ana)", "What everyone did")
	s.absent("Ana's report", screen, boT1)
	s.send("Enter")
	s.waitFor("Ana's turn 2", "Turn 2/12", "Washington (Ana)", "No orders yet")
	s.send("Down", "Space") // expand the foreign direct product rule
	s.waitFor("Ana's second order", "2 AP, ")
	s.send("E", "y")
	screen = s.waitFor("hand-over to Bo, turn 2", "BEIJING  ·  Bo", "your report of H1 2025", "Washington (Ana) ✓ orders in")
	s.absent("hand-over to Bo, turn 2", screen, anaT2, boT1)
	s.send("Enter")
	screen = s.waitFor("Bo's report", "Turn 1 of 12 resolved: H1 2025", "Beijing (Bo)", boT1+" (covert)")
	s.absent("Bo's report", screen, anaT2)
	s.send("Enter")
	screen = s.waitFor("Bo's turn 2", "Turn 2/12", "Beijing (Bo)", "No orders yet")
	s.absent("Bo's turn 2", screen, anaT2)
	s.send("E", "y")
	screen = s.waitFor("turn 2 resolved", "WASHINGTON  ·  Ana", "your report of H2 2025", "Turn 3 of 12")
	s.absent("turn 3 hand-over", screen, boT1, anaT2)
	s.send("q")
	s.waitFor("quit confirm", "Quit the game in progress?")
	s.send("y")
	s.gone("quit")
}

// TestEndToEndForecast: in the real binary at 80x24 the Forecast pane
// fills by itself while keys are answered: the Orders pane opens and an
// order is drafted while the futures are played, and the pane comes back
// comparing the draft with no orders, to the end.
func TestEndToEndForecast(t *testing.T) {
	s := startTmux(t, 80, 24, "play", "--seed", "3")
	s.waitFor("briefing", "BRIEFING")
	s.send("Enter")
	s.waitFor("dashboard", "Turn 1/12")
	s.send("7")
	s.waitFor("forecast started", "FORECAST · turn 1", "futures")
	s.send("1")
	s.waitFor("orders while it plays", "[1 Orders]", "Tighten chip and tool controls")
	s.send("Space")
	s.waitFor("order drafted", "2 of 3 AP left")
	s.send("7")
	s.waitFor("the draft's forecast", "Your orders, against giving none", "Your orders   No orders")
	s.waitFor("every future in", "1,000 futures played", "enter play again")
	s.send("PgDn")
	s.waitFor("scrolled", "↑ 10 more (pgup)", "World outcome")
	s.send("q")
	s.waitFor("quit confirm", "Quit the game in progress?")
	s.send("y")
	s.gone("quit")
}
