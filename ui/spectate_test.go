package ui

import (
	"strings"
	"testing"
)

// zerosum play --seats all=bot: bots play every seat and the player
// watches from the facilitator's full view, turn by turn (enter plays
// one), every order shown with the covert ones marked, to the end screen,
// which has no "you".
func TestSpectate(t *testing.T) {
	a := sized(Options{Start: &StartOptions{Seats: "all=bot", Seed: 5}, Tick: noTick}, 80, 24)
	g := a.ctx.Game
	if g == nil || !g.Spectating() {
		t.Fatalf("no bots-only game: %v", a.err)
	}
	s, ok := a.screen.(*spectate)
	if !ok {
		t.Fatalf("a bots-only game opens on the spectator's screen, not %s", a.screen.Name())
	}
	if txt := screen(a); !strings.Contains(txt, "SPECTATING") || !strings.Contains(txt, "Turn 1 of 12") || !strings.Contains(txt, "enter: play the turn") {
		t.Errorf("the screen says what is watched:\n%s", txt)
	}
	press(a, "down", "pgdown", "?", "?")
	if len(g.Match.Turns) != 0 {
		t.Fatal("only enter plays a turn")
	}
	press(a, "enter")
	if len(g.Match.Turns) != 1 || a.screen.(*spectate) == nil {
		t.Fatal("enter plays one turn and stays on the spectator's screen")
	}
	s = a.screen.(*spectate)
	full := stripped(s.doc.vp.GetContent())
	for _, want := range []string{"Every order of H1 2025", "Every actor's real numbers", "US-China capability gap: real", "Covert actions so far"} {
		if !strings.Contains(full, want) {
			t.Errorf("the page lacks %q:\n%s", want, full)
		}
	}
	sc := g.Scenario()
	for _, o := range g.Match.Turns[0].Orders {
		ai, _ := sc.ActionIndex(o.Action)
		if sc.Actions[ai].Covert && !strings.Contains(full, sc.Actions[ai].Name+" (covert)") {
			t.Errorf("the covert order %s is shown and marked", o.Action)
		}
	}
	for !g.Match.Over() {
		press(a, "enter")
	}
	if _, ok := a.screen.(*spectate); !ok || !g.Match.Over() || !strings.Contains(screen(a), "enter: the end of the game") {
		t.Fatalf("the last turn is shown before the end:\n%s", screen(a))
	}
	press(a, "enter")
	e, ok := a.screen.(*endScreen)
	if !ok {
		t.Fatalf("then the end screen, got %s", a.screen.Name())
	}
	out := stripped(e.outcome(78))
	if strings.Contains(out, "YOU ") || !strings.Contains(out, "Bots played every seat.") {
		t.Errorf("the end of a bots-only game names no player:\n%s", out)
	}
}

// Bots-only from the setup: with every seat a bot, Start reads "Watch the
// bots play" and opens the spectator's screen.
func TestSetupSpectate(t *testing.T) {
	pinSeed(t, 77)
	a := newSetupApp(t, 80, 24)
	s := setupOf(t, a)
	press(a, "space") // Washington, the only human, becomes a bot
	if s.humanCount() != 0 || !strings.Contains(screen(a), "▶ Watch the bots play") {
		t.Fatalf("with no human Start is to watch:\n%s", screen(a))
	}
	press(a, "G")
	if !strings.Contains(stripped(screen(a)), "Spectate: bots play all 8 actors") {
		t.Errorf("Start sums it up:\n%s", screen(a))
	}
	press(a, "enter")
	if _, ok := a.screen.(*spectate); !ok || !a.ctx.Game.Spectating() {
		t.Fatalf("Start opens the spectator's screen, got %s", a.screen.Name())
	}
}
