package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game/bot"
	"zerosum/game/sim"
	"zerosum/text"
)

// pinSeed makes the setup's random seed a known one for the test.
func pinSeed(t *testing.T, seed uint64) {
	t.Helper()
	old := newSeed
	newSeed = func() uint64 { return seed }
	t.Cleanup(func() { newSeed = old })
}

func setupOf(t *testing.T, a *App) *setup {
	t.Helper()
	s, ok := a.Screen().(*setup)
	if !ok {
		t.Fatalf("the screen is %s, not the setup", a.Screen().Name())
	}
	return s
}

// newSetupApp is an App on the setup screen, reached from the title.
func newSetupApp(t *testing.T, w, h int) *App {
	t.Helper()
	a := sized(Options{}, w, h)
	press(a, "enter")
	setupOf(t, a)
	return a
}

// Goldens: the actor list with Beijing's detail (pitch, objectives,
// starting numbers), reached from the title in a real program.
func TestSetupGolden(t *testing.T) {
	pinSeed(t, 271828)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := run(t, Options{}, size[0], size[1], "enter", "down")
			requireScreen(t, a)
		})
	}
}

// A golden of the personalities being set one by one, and of the seed
// being typed, at the smallest size.
func TestSetupEditingGolden(t *testing.T) {
	pinSeed(t, 271828)
	t.Run("personalities", func(t *testing.T) {
		a := run(t, Options{}, 80, 24, "enter", "G", "up", "up", "enter", "down", "right")
		requireScreen(t, a)
	})
	t.Run("seed", func(t *testing.T) {
		a := run(t, Options{}, 80, 24, "enter", "G", "up", "4", "2", "x")
		requireScreen(t, a)
	})
}

func TestSetupShowsActorDetail(t *testing.T) {
	pinSeed(t, 271828)
	a := newSetupApp(t, 120, 40)
	s := setupOf(t, a)
	p := s.pack()
	sc := p.Scenario
	for i, ad := range sc.Actors {
		s.cursor = s.actorRow(i)
		s.refresh()
		all := ansi.Strip(s.detail.vp.GetContent())
		if !strings.Contains(all, p.T("actors."+ad.ID+".title")) {
			t.Errorf("%s: the detail should give the actor's title", ad.ID)
		}
		for _, o := range ad.Objectives {
			if !strings.Contains(all, o.Name) || !strings.Contains(all, itoa(o.Weight)) {
				t.Errorf("%s: the detail should list objective %q with its weight %d", ad.ID, o.Name, o.Weight)
			}
		}
		for _, want := range []string{itoa(ad.AP) + " action points", "about " + itoa(ad.Income) + " capital", "Starts with"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: the detail should say %q", ad.ID, want)
			}
		}
		// The pitch's first words.
		pitch := strings.Fields(text.Expand(p.T("actors."+ad.ID+".pitch"), p.LinkText))
		if !strings.Contains(strings.Join(strings.Fields(all), " "), strings.Join(pitch[:4], " ")) {
			t.Errorf("%s: the detail should open with the pitch", ad.ID)
		}
	}
}

// The seed field takes digits and refuses everything else, and while it is
// being typed q and ? are typed, not obeyed.
func TestSetupSeedDigitsOnly(t *testing.T) {
	pinSeed(t, 111)
	a := newSetupApp(t, 80, 24)
	s := setupOf(t, a)
	press(a, "G", "up") // the seed row
	if s.row().kind != rowSeed {
		t.Fatalf("the cursor should be on the seed, is on row %d", s.cursor)
	}
	press(a, "enter")
	if !s.Capturing() {
		t.Fatal("enter on the seed should start typing it")
	}
	press(a, "backspace", "backspace", "backspace", "4", "2", "x", "q", "?")
	if a.showHelp {
		t.Error("? is typed into the seed (and refused), not the help")
	}
	if !strings.Contains(screen(a), "not a digit") {
		t.Errorf("a refused key should be explained:\n%s", screen(a))
	}
	press(a, "7")
	if got := s.seedInput.Value(); got != "427" {
		t.Errorf("typed 4, 2, x, q, ?, 7 after clearing: the field holds %q, want 427", got)
	}
	_, cmd := a.Update(keyMsg("q"))
	if cmd != nil || len(a.dialogs) != 0 {
		t.Error("q while typing the seed must not quit")
	}
	// A paste with letters is refused whole; digits go in.
	a.Update(tea.PasteMsg{Content: "12ab"})
	a.Update(tea.PasteMsg{Content: "12"})
	if got := s.seedInput.Value(); got != "42712" {
		t.Errorf("after pasting 12ab (refused) and 12 the field holds %q", got)
	}
	press(a, "enter")
	if s.Capturing() || s.seed != 42712 {
		t.Errorf("enter should set the seed to 42712: seed %d, typing %v", s.seed, s.Capturing())
	}
	if !strings.Contains(screen(a), "42712") {
		t.Error("the new seed should be shown")
	}

	// Digits typed on the seed row start a new seed at once.
	press(a, "9", "0", "enter")
	if s.seed != 90 {
		t.Errorf("typing 9 0 enter on the seed row should give seed 90, got %d", s.seed)
	}
	// An empty seed is refused; esc keeps the old one.
	press(a, "enter", "backspace", "backspace", "enter")
	if !s.Capturing() {
		t.Error("an empty seed should not be accepted")
	}
	press(a, "esc")
	if s.Capturing() || s.seed != 90 {
		t.Errorf("esc should cancel the edit and keep 90: seed %d", s.seed)
	}
	if _, ok := a.Screen().(*setup); !ok {
		t.Error("esc while typing cancels the edit, it does not leave the setup")
	}
	// r draws a new random seed.
	pinSeed(t, 5555)
	press(a, "r")
	if s.seed != 5555 {
		t.Errorf("r should draw a new seed, got %d", s.seed)
	}
}

// Choosing an actor and Start creates a session for that actor with that
// seed and difficulty, then shows the briefing.
func TestSetupStartsSession(t *testing.T) {
	pinSeed(t, 424242)
	a := newSetupApp(t, 80, 24)
	s := setupOf(t, a)
	p := s.pack()
	bj, _ := p.Scenario.ActorIndex("beijing")
	br, _ := p.Scenario.ActorIndex("brussels")
	press(a, "down") // Beijing
	press(a, "enter")
	if s.actor != bj {
		t.Fatalf("enter should choose Beijing, chose %d", s.actor)
	}
	if s.row().kind != rowStart {
		t.Errorf("choosing an actor should move on to Start")
	}
	if !strings.Contains(screen(a), "You lead Beijing") {
		t.Errorf("Start should sum up the choices:\n%s", screen(a))
	}
	// Hard bots; Brussels a hawk; seed 9001.
	press(a, "up", "up", "up", "right")               // difficulty: normal → hard
	press(a, "down", "enter", "down", "right", "esc") // personalities: Brussels → hawk
	press(a, "down", "9", "0", "0", "1", "enter")     // seed
	press(a, "G", "enter")
	g := a.Context().Game
	if g == nil {
		t.Fatalf("Start should create a session:\n%s", screen(a))
	}
	if g.Player != bj || g.Match.Seed != 9001 {
		t.Errorf("session for actor %d seed %d, want Beijing (%d) seed 9001", g.Player, g.Match.Seed, bj)
	}
	if !g.Match.Seats[bj].Human || g.Match.Humans()[0] != bj || len(g.Match.Humans()) != 1 {
		t.Errorf("Beijing should be the only human seat: %v", g.Match.Humans())
	}
	drawn := sim.BotsFor(p.Scenario, 9001, bot.Hard)
	for i, seat := range g.Match.Seats {
		if i == bj {
			continue
		}
		if seat.Bot.Difficulty != bot.Hard {
			t.Errorf("%s: difficulty %s, want hard", p.Scenario.Actors[i].ID, seat.Bot.Difficulty)
		}
		want := drawn[i].Personality
		if i == br {
			want = bot.Hawk
		}
		if seat.Bot.Personality != want {
			t.Errorf("%s: personality %s, want %s", p.Scenario.Actors[i].ID, seat.Bot.Personality, want)
		}
	}
	if _, ok := a.Screen().(*briefing); !ok {
		t.Errorf("Start should open the briefing, got %s", a.Screen().Name())
	}
}

// esc goes back: from the setup to the title, and from the briefing to the
// setup with the same choices.
func TestSetupEscGoesBack(t *testing.T) {
	pinSeed(t, 31337)
	a := newSetupApp(t, 80, 24)
	press(a, "esc")
	titleOf(t, a)

	press(a, "enter", "down", "down", "enter", "enter") // Brussels, Start
	g := a.Context().Game
	if g == nil {
		t.Fatal("no session")
	}
	player := g.Player
	press(a, "esc")
	s := setupOf(t, a)
	if a.Context().Game != nil {
		t.Error("going back to the setup drops the session")
	}
	if s.actor != player || s.seed != 31337 || s.difficulty != bot.Normal {
		t.Errorf("back in the setup the choices should stay: actor %d seed %d %s", s.actor, s.seed, s.difficulty)
	}
}

func TestSetupDifficultyAndPersonalitiesCycle(t *testing.T) {
	pinSeed(t, 8)
	a := newSetupApp(t, 80, 24)
	s := setupOf(t, a)
	press(a, "G", "up", "up", "up") // difficulty
	for _, want := range []bot.Difficulty{bot.Hard, bot.Easy, bot.Normal} {
		press(a, "right")
		if s.difficulty != want {
			t.Errorf("right should give %s, got %s", want, s.difficulty)
		}
	}
	press(a, "left")
	if s.difficulty != bot.Easy {
		t.Errorf("left should go back to easy, got %s", s.difficulty)
	}
	press(a, "down") // personalities: set all at once
	for _, want := range []string{"all hawk", "all dove", "all hedger", "random"} {
		press(a, "right")
		if got := s.moodSummary(); got != want {
			t.Errorf("right on personalities should give %q, got %q", want, got)
		}
	}
	if m := s.personalities(); len(m) != 0 {
		t.Errorf("random personalities are not passed on: %v", m)
	}
}

// Every setup view fits the terminal exactly, whatever the row.
func TestSetupFits(t *testing.T) {
	pinSeed(t, 1)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		a := newSetupApp(t, size[0], size[1])
		n := len(setupOf(t, a).rows())
		for i := 0; i < n; i++ {
			checkFits(t, a)
			press(a, "down")
		}
	}
}

// checkFits fails when the frame is not exactly the terminal's size.
func checkFits(t *testing.T, a *App) {
	t.Helper()
	lines := strings.Split(screen(a), "\n")
	if len(lines) != a.ctx.Height {
		t.Errorf("%s: frame is %d lines, terminal is %d", a.Screen().Name(), len(lines), a.ctx.Height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != a.ctx.Width {
			t.Errorf("%s: line %d is %d cells wide, terminal is %d", a.Screen().Name(), i+1, w, a.ctx.Width)
			return
		}
	}
}
