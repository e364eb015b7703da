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
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	bin := filepath.Join(t.TempDir(), "zerosum")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	name := fmt.Sprintf("zs-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())
	cmd := append([]string{"new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "TERM=xterm-256color", "ZEROSUM_HOME=" + t.TempDir(), bin}, args...)
	if out, err := exec.Command("tmux", cmd...).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
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
	s.waitFor("title", "New game", "How to play", "Quit")
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
