package main

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndServe runs zerosum serve in tmux and plays it with the
// system's ssh client in another tmux window, as a student would: the room
// code, a name, a seat, the wait for the host, who starts the game with
// enter in the server's terminal, the briefing, an order, the end of the
// turn and its report, while a spectator (ssh spectate@HOST) follows the
// public view; then ctrl+c on the server saves the table and stops it.
func TestEndToEndServe(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("the ssh client is not installed (.ci/run installs it)")
	}
	bin := buildBinary(t)
	home := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	ln.Close()

	// What the server prints goes to a file too, to be read after it
	// stops (ctrl+c closes its window).
	logPath := filepath.Join(t.TempDir(), "serve.log")
	srv := startTmuxIn(t, "sh", home, 120, 12, "-c", bin+" serve --listen "+addr+" --room-code E2E123 --scenario flashpoint --seed 5 2>&1 | tee -i "+logPath)
	srv.waitFor("server", "Room code: E2E123", "Players type: ssh -p "+port)

	known := filepath.Join(t.TempDir(), "known_hosts")
	ssh := startTmuxIn(t, "ssh", home, 80, 24, "-p", port, "-o", "StrictHostKeyChecking=accept-new",
		"-o", "UserKnownHostsFile="+known, "-o", "LogLevel=ERROR", "ana@127.0.0.1")
	ssh.waitFor("lobby", "Room code:")
	ssh.typeText("e2e123")
	ssh.send("Enter")
	ssh.waitFor("name", "Name:")
	ssh.typeText("Ana")
	ssh.send("Enter")
	ssh.waitFor("seats", "Washington", "free: a bot plays it", "choose a free seat")
	ssh.send("1")
	ssh.waitFor("the wait for the host", "you play Washington", "Waiting for the host to start the game")
	spec := startTmuxIn(t, "ssh", home, 100, 30, "-p", port, "-o", "StrictHostKeyChecking=accept-new",
		"-o", "UserKnownHostsFile="+known, "-o", "LogLevel=ERROR", "spectate@127.0.0.1")
	spec.waitFor("spectator's lobby", "Room code:")
	spec.typeText("E2E123")
	spec.send("Enter")
	spec.waitFor("the public view", "WATCHING", "Washington: Ana, connected, waiting for the start")
	srv.waitFor("the host's prompt", "Press enter here to start the game")
	srv.send("Enter")
	srv.waitFor("the start", "The game has started")
	ssh.waitFor("briefing", "BRIEFING", "Washington (Ana)")
	ssh.send("Enter")
	ssh.waitFor("dashboard", "[1 Orders]", "3 of 3 AP left")
	ssh.send("Space")
	ssh.waitFor("an order", "2 of 3 AP left")
	ssh.send("E")
	ssh.waitFor("end turn", "End turn 1")
	ssh.send("y")
	// Ana is the only player: her orders are the last ones in.
	ssh.waitFor("report", "Turn 1 of 6 resolved", "Washington (you): Tighten chip and tool controls")
	spec.waitFor("the spectator's turn 2", "Turn 2 of 6", "What everyone did in H1 2025", "Washington: Tighten chip and tool controls")

	// The host key the client was shown is the one the server printed.
	kh, err := os.ReadFile(known)
	if err != nil || !strings.Contains(string(kh), "ssh-ed25519") {
		t.Fatalf("the client kept no ed25519 host key: %v %q", err, kh)
	}

	srv.send("C-c")
	srv.gone("the server after ctrl+c")
	if out, _ := os.ReadFile(logPath); !strings.Contains(string(out), "Saved as the autosave of turn 2.") {
		t.Fatalf("the server did not say it saved the table:\n%s", out)
	}
	ssh.gone("the player's ssh after the server stopped")
	if _, err := os.Stat(filepath.Join(home, "autosaves", "last-good.zsave")); err != nil {
		t.Fatalf("no autosave of the table: %v", err)
	}

	// The server starts again from the save, with the same host key (the
	// client checks it against what it kept), and Ana is back at her seat
	// for turn 2 by giving her name.
	srv = startTmuxIn(t, bin, home, 120, 12, "serve", "--listen", addr, "--room-code", "E2E123", "--resume", "last-good", "--autostart")
	srv.waitFor("resumed server", "turn 2 of 6", "Room code: E2E123", "The game has started")
	ssh = startTmuxIn(t, "ssh", home, 80, 24, "-p", port, "-o", "StrictHostKeyChecking=yes",
		"-o", "UserKnownHostsFile="+known, "-o", "LogLevel=ERROR", "ana@127.0.0.1")
	ssh.waitFor("lobby again", "Room code:")
	ssh.typeText("E2E123")
	ssh.send("Enter")
	ssh.waitFor("name again", "Name:")
	ssh.typeText("Ana")
	ssh.send("Enter")
	ssh.waitFor("back at the seat", "Turn 2/6", "Washington (Ana)")
}

// TestEndToEndServeFacilitator runs zerosum serve --facilitator in tmux:
// the host's terminal is the facilitator's screen. A player connects with
// the system's ssh client and waits in the lobby; the facilitator starts
// the game (her briefing opens), pauses it, resolves the turn at once (her
// orders go in as they stand) and leaves, which stops and saves the
// table.
func TestEndToEndServeFacilitator(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("the ssh client is not installed (.ci/run installs it)")
	}
	bin := buildBinary(t)
	home := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	ln.Close()

	fac := startTmuxIn(t, bin, home, 80, 24, "serve", "--listen", addr, "--room-code", "E2E123", "--scenario", "flashpoint", "--seed", "5", "--facilitator")
	fac.waitFor("the facilitator's lobby", "FACILITATOR · the game has not started", "Room code: E2E123", "Players type: ssh -p "+port, "Host key SHA256:")
	known := filepath.Join(t.TempDir(), "known_hosts")
	ssh := startTmuxIn(t, "ssh", home, 80, 24, "-p", port, "-o", "StrictHostKeyChecking=accept-new",
		"-o", "UserKnownHostsFile="+known, "-o", "LogLevel=ERROR", "ana@127.0.0.1")
	ssh.waitFor("lobby", "Room code:")
	ssh.typeText("E2E123")
	ssh.send("Enter")
	ssh.waitFor("name", "Name:")
	ssh.typeText("Ana")
	ssh.send("Enter")
	ssh.waitFor("seats", "choose a free seat")
	ssh.send("1")
	ssh.waitFor("the wait for the host", "Waiting for the host to start the game")
	fac.waitFor("Ana in the facilitator's lobby", "Ana (connected, waiting to play)")

	fac.send("s")
	fac.waitFor("the facilitator's screen", "not for the players' eyes", "Washington (Ana) … giving orders")
	ssh.waitFor("briefing", "BRIEFING", "Washington (Ana)")
	fac.send("Down", "Enter")
	fac.waitFor("pause on", "on: the turn waits for you")
	ssh.send("Enter")
	ssh.waitFor("dashboard", "[1 Orders]")
	ssh.send("Space")
	ssh.waitFor("an order", "2 of 3 AP left")
	fac.send("Up", "Enter")
	fac.waitFor("the confirmation", "Resolve turn 1 (H1 2025) now?", "Washington (Ana)")
	fac.send("y")
	ssh.waitFor("report", "Turn 1 of 6 resolved", "Washington (you): Tighten chip and tool controls")
	fac.waitFor("turn 2 on the facilitator's screen", "Turn 2/6")

	fac.send("q")
	fac.waitFor("leaving", "Stop the table?")
	fac.send("y")
	fac.gone("the server after the facilitator left")
	ssh.gone("the player's ssh after the server stopped")
	if _, err := os.Stat(filepath.Join(home, "autosaves", "last-good.zsave")); err != nil {
		t.Fatalf("no autosave of the table: %v", err)
	}
}
