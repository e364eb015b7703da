package ui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/saves"
)

// viewerOf is the App's screen as the replay viewer.
func viewerOf(t *testing.T, a *App) *viewer {
	t.Helper()
	v, ok := a.screen.(*viewer)
	if !ok {
		t.Fatalf("the screen is %s, not the replay viewer:\n%s", a.screen.Name(), screen(a))
	}
	return v
}

// shownHash is the state of the turn the viewer shows.
func shownHash(v *viewer) game.Hash { return v.rctx.Game.State().Hash() }

// v on the turn screen views the game so far from its current turn; ←/→
// step back and forth through the turns and show each turn's world; esc
// goes back to the turn screen with nothing changed.
func TestViewerStepsBackAndForth(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 3)
	g := a.ctx.Game
	hash := g.State().Hash()
	drive(a, "v")
	v := viewerOf(t, a)
	if v.step != 3 || shownHash(v) != hash {
		t.Fatalf("the viewer opens at step %d, want the current turn (3)", v.step)
	}
	if s := screen(a); !strings.Contains(s, "Turn 4 of 12 · H2 2026 (now)") || !strings.Contains(s, "Beijing's view") {
		t.Errorf("the bar should show the current turn and whose view:\n%s", s)
	}
	for want := 2; want >= 0; want-- {
		drive(a, "left")
		if v.step != want || shownHash(v) != g.Match.States[want].Hash() {
			t.Fatalf("after ← the viewer shows step %d, want %d with that turn's world", v.step, want)
		}
		if s := screen(a); !strings.Contains(s, fmt.Sprintf("Turn %d of 12", want+1)) || !strings.Contains(s, fmt.Sprintf("Turn %d/12", want+1)) {
			t.Errorf("step %d: the bar and the header should show turn %d:\n%s", want, want+1, s)
		}
	}
	drive(a, "left")
	if v.step != 0 {
		t.Errorf("← on the first turn moved to %d", v.step)
	}
	drive(a, "right", "right")
	if v.step != 2 || shownHash(v) != g.Match.States[2].Hash() {
		t.Errorf("→ twice from the start shows step %d", v.step)
	}
	// The panes answer as on the dashboard, read-only: no Orders pane.
	drive(a, "4")
	if v.dash.focus != paneWhy || !strings.Contains(screen(a), "Why the numbers changed in H2 2025 (turn 2)") {
		t.Errorf("4 should show the ledger of the turn before:\n%s", screen(a))
	}
	drive(a, "1", "E", "space")
	if v.dash.focus != paneWhy || len(a.dialogs) != 0 || len(g.Orders()) != 0 {
		t.Error("the viewer is read-only: no Orders pane, no orders, no end of turn")
	}
	drive(a, "esc")
	if a.screen.(*dashboard) == nil || g.State().Hash() != hash || a.ctx.Game != g {
		t.Fatal("esc should go back to the same game, unchanged")
	}
}

// A save of an unfinished game is viewed as the player saw it; a finished
// game with everything revealed.
func TestViewerRevealsOnlyAFinishedGame(t *testing.T) {
	st := tempStore(t)
	p := playTurns(t, st, 2)
	// Washington's view hides Beijing's frontier (the real gap).
	g := p.ctx.Game
	w, _ := g.Scenario().ActorIndex("washington")
	// Washington is the one human (a save of two humans' game in progress
	// is not viewed at all: see TestHotSeatSaveAndLoadMidTurn).
	g.Match.Seats[g.Player] = g.Match.Seats[w]
	g.Match.Seats[w].Human, g.Match.Seats[w].Name = true, "Ana"
	sv := saves.FromMatch(g.Match, w, nil, g.Settings, "2026-11-28T10:41:00Z")
	if err := st.SaveSlot("as washington", sv); err != nil {
		t.Fatal(err)
	}
	a := boot(withStore(Options{}, st), 120, 40)
	openLoadScreen(t, a)
	cursorTo(t, a, "as washington")
	drive(a, "v")
	v := viewerOf(t, a)
	if v.src.reveal {
		t.Fatal("an unfinished save should be viewed as the player saw it")
	}
	if s := screen(a); !strings.Contains(s, "real gap is hidden") || !strings.Contains(s, "Washington's view") {
		t.Errorf("Washington's view should hide the real gap:\n%s", s)
	}
	drive(a, "esc")
	if _, ok := a.screen.(*savesScreen); !ok {
		t.Fatalf("esc should go back to the list, got %s", a.screen.Name())
	}

	e := endApp(t, 120, 40, false)
	drive(e, "v")
	v = viewerOf(t, e)
	if !v.src.reveal || v.step != 0 {
		t.Fatalf("a finished game is viewed from the start, revealed (step %d, reveal %v)", v.step, v.src.reveal)
	}
	if s := screen(e); !strings.Contains(s, "everything revealed") || strings.Contains(s, "real gap is hidden") || !strings.Contains(s, "Real US-China gap") {
		t.Errorf("the revealed view shows the real gap:\n%s", s)
	}
	if view := v.rctx.Game.View(); shownHash(v) != e.ctx.Game.Match.States[0].Hash() || view.Hash() != e.ctx.Game.Match.States[0].Hash() {
		t.Error("the revealed view should be the true world of the turn")
	}
	for range 20 {
		drive(e, "right")
	}
	if v.step != len(e.ctx.Game.Match.Turns) || !strings.Contains(screen(e), "The end") {
		t.Errorf("→ stops at the end of the game:\n%s", screen(e))
	}
	drive(e, "esc")
	if _, ok := e.screen.(*endScreen); !ok {
		t.Errorf("esc goes back to the end screen, got %s", e.screen.Name())
	}
}

// R on the turn screen lists the earlier turns; rewinding to one keeps the
// original line as a named save and starts a branch whose world is exactly
// the original's at that turn, labelled as a what-if everywhere.
func TestRewindFromTheTurnScreen(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 3)
	orig := a.ctx.Game
	drive(a, "space")
	drive(a, "R")
	if _, ok := a.dialogs[len(a.dialogs)-1].(*rewindPicker); !ok {
		t.Fatalf("R should open the rewind picker:\n%s", screen(a))
	}
	if s := screen(a); !strings.Contains(s, "Turn  1 · H1 2025") || !strings.Contains(s, "▸ Turn  3 · H1 2026") {
		t.Errorf("the picker lists turns 1-3 with the cursor on the latest:\n%s", s)
	}
	drive(a, "up", "enter")
	q, d := dialogText(a)
	if q != "Rewind to the start of turn 2 (H2 2025)?" || !strings.Contains(d, `kept first as the save "main line beijing 20261128-104100"`) {
		t.Fatalf("enter should ask to confirm, naming the save of the original line: %q %q", q, d)
	}
	drive(a, "n")
	if a.ctx.Game != orig {
		t.Fatal("n rewound the game")
	}
	drive(a, "R", "up", "enter", "y")
	b := a.ctx.Game
	if b == orig || b.Match.Branch != "what-if from H2 2025" {
		t.Fatalf("the game after the rewind is not a branch: %q", b.Match.Branch)
	}
	if b.State().Hash() != orig.Match.States[1].Hash() || len(b.Match.Turns) != 1 || len(b.Orders()) != 0 {
		t.Errorf("the branch should start from the original world at turn 2")
	}
	if s := screen(a); !strings.Contains(s, "WHAT-IF") || !strings.Contains(s, "Turn 2/12") {
		t.Errorf("the dashboard should label the branch:\n%s", s)
	}
	main := slotEntry(t, st, "main line beijing 20261128-104100")
	if main.Save.Branch != "" || len(main.Save.Turns) != 3 || len(main.Save.Pending) != 1 {
		t.Errorf("the original line's save: branch %q, %d turns, %d pending", main.Save.Branch, len(main.Save.Turns), len(main.Save.Pending))
	}
	if nw, err := st.Newest(); err != nil || nw.Save.Branch != b.Match.Branch || nw.Save.Preview.Turn != 2 {
		t.Errorf("the branch's start should be autosaved as a branch: %+v %v", nw.Save, err)
	}
	// Played on, the branch is labelled on the report, in saves and in
	// the replay.
	drive(a, "E", "y")
	if s := screen(a); !strings.Contains(s, "WHAT-IF") {
		t.Errorf("the turn report should label the branch:\n%s", s)
	}
	drive(a, "enter", "s", "ctrl+u")
	typeText(a, "alt")
	drive(a, "enter")
	if e := slotEntry(t, st, "alt"); e.Save.Branch != "what-if from H2 2025" {
		t.Errorf("a save of the branch says branch %q", e.Save.Branch)
	}
	c := boot(withStore(Options{}, st), 120, 40)
	openLoadScreen(t, c)
	cursorTo(t, c, "alt")
	if s := screen(c); !strings.Contains(s, "branch: what-if from H2 2025") {
		t.Errorf("the load screen's preview should say branch:\n%s", s)
	}
	cursorTo(t, c, "main line beijing 20261128-104100")
	if s := screen(c); !strings.Contains(s, "main line") || strings.Contains(s, "branch: what-if") {
		t.Errorf("the original line's preview says main line:\n%s", s)
	}
	drive(c, "enter")
	if g := c.ctx.Game; g == nil || g.State().Hash() != orig.State().Hash() || g.Match.Branch != "" {
		t.Error("loading the original line should give back the original game")
	}
	for a.ctx.Game.InProgress() {
		drive(a, "E", "y", "enter")
	}
	reps := st.Replays()
	if len(reps) != 1 || !strings.Contains(reps[0], "race2025-seed7-whatif-") {
		t.Fatalf("the branch's replay %v should be named as a what-if", reps)
	}
	if s := screen(a); !strings.Contains(s, "WHAT-IF: what-if from H2 2025") {
		t.Errorf("the end screen labels the branch:\n%s", s)
	}
}

// On the first turn there is nothing to rewind to.
func TestRewindNeedsAnEarlierTurn(t *testing.T) {
	a := playTurns(t, tempStore(t), 0)
	drive(a, "R")
	if len(a.dialogs) != 0 || !strings.Contains(screen(a), "Nothing to rewind to yet") {
		t.Errorf("R on turn 1 should explain:\n%s", screen(a))
	}
}

// R in the viewer rewinds to the turn in view: from a finished game's
// replay, the branch starts from that turn's world, the original line is
// kept, and the label shows.
func TestRewindFromTheViewer(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 0)
	for a.ctx.Game.InProgress() {
		drive(a, "E", "y", "enter")
	}
	orig := a.ctx.Game
	drive(a, "v", "right", "right", "R")
	if q, _ := dialogText(a); q != "Rewind to the start of turn 3 (H1 2026)?" {
		t.Fatalf("R in the viewer should confirm a rewind to the turn in view: %q", q)
	}
	drive(a, "y")
	b := a.ctx.Game
	if b == orig || b.State().Hash() != orig.Match.States[2].Hash() || b.Match.Branch != "what-if from H1 2026" {
		t.Fatalf("the branch should start from turn 3's world")
	}
	if !strings.Contains(screen(a), "WHAT-IF") {
		t.Errorf("the branch is labelled:\n%s", screen(a))
	}
	if e := slotEntry(t, st, "main line beijing 20261128-104100"); !e.Save.Preview.Over {
		t.Error("the kept original line should be the finished game")
	}
	// Stepping to the end and pressing R says why not.
	drive(a, "v")
	drive(a, "R")
	if !strings.Contains(screen(a), "This is the current turn") {
		t.Errorf("R on the current turn explains:\n%s", screen(a))
	}
}

// Without a data directory a rewind says the original line will be lost,
// and still works.
func TestRewindWithSavingOff(t *testing.T) {
	a := sized(saveStart, 80, 24)
	drive(a, "enter", "E", "y", "enter", "E", "y", "enter")
	orig := a.ctx.Game
	drive(a, "R", "enter")
	if _, d := dialogText(a); !strings.Contains(d, "Saving is off") || !strings.Contains(d, "will be lost") {
		t.Fatalf("the confirmation should say the original line is lost: %q", d)
	}
	drive(a, "y")
	if a.ctx.Game == orig || a.ctx.Game.State().Hash() != orig.Match.States[1].Hash() {
		t.Error("the rewind did not happen")
	}
}

// The help overlay of every screen this work adds or changes fits 80
// columns and lists its keys.
func TestHelpListsTheSaveKeys(t *testing.T) {
	st := savesFixture(t)
	check := func(name string, a *App, wants ...string) {
		t.Helper()
		h := ansi.Strip(a.helpView())
		if w := lipgloss.Width(h); w > 80 {
			t.Errorf("%s: the help is %d cells wide:\n%s", name, w, h)
		}
		for _, want := range wants {
			if !strings.Contains(h, want) {
				t.Errorf("%s: the help lacks %q:\n%s", name, want, h)
			}
		}
	}
	a := playTurns(t, st, 1)
	check("dashboard", a, "save", "replay viewer", "rewind (what-if)", "end turn")
	drive(a, "v")
	check("viewer", a, "previous turn", "next turn", "rewind here", "leave the viewer", "why (ledger)")
	b := boot(withStore(Options{}, st), 80, 24)
	openLoadScreen(t, b)
	check("load screen", b, "load the save", "view the game turn by turn", "delete a named save")
	e := endApp(t, 80, 24, false)
	check("end", e, "watch the game turn by turn")
}
