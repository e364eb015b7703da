package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/content"
	"zerosum/game/bot"
	"zerosum/saves"
)

// saveStart is the game the saving tests play: Beijing, seed 7.
var saveStart = Options{Start: &StartOptions{Actor: "beijing", Seed: 7}}

// dialogText is the question (or title) and the text of the dialog on top.
func dialogText(a *App) (string, string) {
	if len(a.dialogs) == 0 {
		return "", ""
	}
	switch d := a.dialogs[len(a.dialogs)-1].(type) {
	case *Confirm:
		return d.Question, d.Detail
	case *Notice:
		return d.Title, d.Body
	}
	return "", ""
}

// playTurns starts the saving game on a store, leaves the briefing and
// plays n turns with no orders, autosaving on the way.
func playTurns(t *testing.T, st *saves.Store, n int) *App {
	t.Helper()
	a := boot(withStore(saveStart, st), 80, 24)
	if a.ctx.Game == nil {
		t.Fatalf("no game: %v", a.err)
	}
	drive(a, "enter")
	for range n {
		drive(a, "E", "y", "enter")
	}
	if _, ok := a.screen.(*dashboard); !ok {
		t.Fatalf("after %d turns the screen is %s, not the dashboard", n, a.screen.Name())
	}
	return a
}

// slotEntry finds a named save in the store.
func slotEntry(t *testing.T, st *saves.Store, name string) saves.Entry {
	t.Helper()
	e, err := st.Load(name)
	if err != nil {
		t.Fatalf("load %q: %v", name, err)
	}
	return e
}

// openLoadScreen goes from the title to the load screen.
func openLoadScreen(t *testing.T, a *App) *savesScreen {
	t.Helper()
	ti := titleOf(t, a)
	for range numTitleItems {
		if ti.cursor == itemLoad {
			break
		}
		drive(a, "down")
	}
	drive(a, "enter")
	s, ok := a.screen.(*savesScreen)
	if !ok {
		t.Fatalf("Load game opened %s", a.screen.Name())
	}
	return s
}

// cursorTo moves the load screen's cursor to the named entry.
func cursorTo(t *testing.T, a *App, name string) {
	t.Helper()
	s := a.screen.(*savesScreen)
	i := slices.IndexFunc(a.ctx.Saves.Entries, func(e saves.Entry) bool { return e.Name == name })
	if i < 0 {
		t.Fatalf("the load screen does not list %q:\n%s", name, screen(a))
	}
	drive(a, "g")
	for range i {
		drive(a, "down")
	}
	if s.cursor != i {
		t.Fatalf("cursor %d, want %d", s.cursor, i)
	}
}

// The game autosaves at its start and at the start of every turn after
// that, and the session knows the start of its turn is safe.
func TestAutosaveAtEveryTurnStart(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 2)
	var autos []saves.Entry
	for _, e := range st.List() {
		if e.Kind == saves.KindAutosave {
			autos = append(autos, e)
		}
	}
	if len(autos) != 3 {
		t.Fatalf("%d autosaves after the start and two turns, want 3", len(autos))
	}
	for i, e := range autos { // newest first
		if want := 3 - i; e.Err != nil || e.Save.Preview.Turn != want {
			t.Errorf("autosave %s: turn %d (err %v), want turn %d", e.Name, e.Save.Preview.Turn, e.Err, want)
		}
		if e.Save.SavedAt != "2026-11-28T10:41:00Z" {
			t.Errorf("autosave %s was saved at %q, want the clock's time", e.Name, e.Save.SavedAt)
		}
	}
	g := a.ctx.Game
	if !g.Saved || g.Kept != "the autosave of turn 3" || g.KeepErr != nil {
		t.Errorf("session after the autosave: saved %v, kept %q, err %v", g.Saved, g.Kept, g.KeepErr)
	}
	if g.Settings.Difficulty != "normal" || g.Settings.Theme != "default" {
		t.Errorf("the session's settings %+v lack the difficulty or theme", g.Settings)
	}
}

// A failed autosave is shown, not fatal, and the quit confirmation says
// the turns since the last save would be lost.
func TestAutosaveFailureIsShown(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 0)
	dir := filepath.Join(st.Dir, "autosaves")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	drive(a, "E", "y")
	if s := screen(a); !strings.Contains(s, "The autosave of turn 2 failed") {
		t.Errorf("the failure is not shown:\n%s", s)
	}
	drive(a, "enter")
	if _, ok := a.screen.(*dashboard); !ok {
		t.Fatalf("the game should go on after a failed autosave, screen %s", a.screen.Name())
	}
	drive(a, "q")
	if s := screen(a); !strings.Contains(s, "autosave of this turn failed") {
		t.Errorf("the quit confirmation should say the autosave failed:\n%s", s)
	}
}

// s saves the game with its pending orders under a typed name; loading it
// from the title gives the same world (state hash), orders and turn.
func TestSaveThenLoadGivesTheSameGame(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 2)
	drive(a, "space", "down", "space")
	g := a.ctx.Game
	hash, orders := g.State().Hash(), slices.Clone(g.Orders())
	if len(orders) != 2 {
		t.Fatalf("orders %v, want 2", orders)
	}
	drive(a, "s")
	if _, ok := a.dialogs[len(a.dialogs)-1].(*saveDialog); !ok {
		t.Fatalf("s should open the save dialog:\n%s", screen(a))
	}
	if s := screen(a); !strings.Contains(s, "Beijing H1 2026") || !strings.Contains(s, "with your 2 orders not") {
		t.Errorf("the dialog should suggest a name and say what is saved:\n%s", s)
	}
	drive(a, "ctrl+u")
	typeText(a, "q?") // q is typed, not obeyed; ? is refused on enter
	drive(a, "enter")
	if s := screen(a); !strings.Contains(s, "may hold letters") || len(a.dialogs) == 0 {
		t.Fatalf("a bad name should be refused in the dialog:\n%s", s)
	}
	drive(a, "backspace", "backspace")
	typeText(a, "before the vote")
	drive(a, "enter")
	if len(a.dialogs) != 0 {
		t.Fatalf("the dialog should close after saving:\n%s", screen(a))
	}
	if s := screen(a); !strings.Contains(s, `Saved as "before the vote".`) {
		t.Errorf("no success message:\n%s", s)
	}
	e := slotEntry(t, st, "before the vote")
	if len(e.Save.Pending) != 2 || e.Save.Branch != "" {
		t.Errorf("the save holds %v pending orders and branch %q", e.Save.Pending, e.Save.Branch)
	}

	// A new run of the game, from the title.
	b := boot(withStore(Options{}, st), 80, 24)
	openLoadScreen(t, b)
	cursorTo(t, b, "before the vote")
	drive(b, "enter")
	if _, ok := b.screen.(*dashboard); !ok {
		t.Fatalf("loading should open the dashboard, got %s:\n%s", b.screen.Name(), screen(b))
	}
	h := b.ctx.Game
	if h.State().Hash() != hash || !slices.Equal(h.Orders(), orders) || h.Player != g.Player {
		t.Errorf("loaded game differs: hash %v vs %v, orders %v vs %v", h.State().Hash(), hash, h.Orders(), orders)
	}
	if s := screen(b); !strings.Contains(s, "Turn 3/12") || !strings.Contains(s, "Beijing") {
		t.Errorf("the dashboard should show turn 3 for Beijing:\n%s", s)
	}
	// Playing on gives the same turn as in the original run.
	drive(a, "E", "y")
	drive(b, "E", "y")
	if a.ctx.Game.State().Hash() != b.ctx.Game.State().Hash() {
		t.Error("playing on from the loaded game gives another world than the original")
	}
}

// Saving under an existing name asks first; no keeps the old save.
func TestSaveOverAnExistingNameAsks(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 1)
	save := func() {
		drive(a, "s", "ctrl+u")
		typeText(a, "mine")
		drive(a, "enter")
	}
	save()
	first := slotEntry(t, st, "mine").Save.Preview.Turn
	drive(a, "E", "y", "enter")
	save()
	if s := screen(a); !strings.Contains(s, `Replace the save "mine"?`) || !strings.Contains(s, "turn 2") {
		t.Fatalf("saving over a save should ask, saying what it holds:\n%s", s)
	}
	drive(a, "n")
	if got := slotEntry(t, st, "mine").Save.Preview.Turn; got != first {
		t.Errorf("after no the save is at turn %d, want %d", got, first)
	}
	save()
	drive(a, "y")
	if got := slotEntry(t, st, "mine").Save.Preview.Turn; got != 3 {
		t.Errorf("after yes the save is at turn %d, want 3", got)
	}
}

// Continue on the title resumes the newest autosave: the same world as
// when the game was left.
func TestContinueResumesTheNewestAutosave(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 3)
	hash := a.ctx.Game.State().Hash()

	b := boot(withStore(Options{}, st), 80, 24)
	ti := titleOf(t, b)
	if ti.cursor != itemContinue || !strings.Contains(screen(b), "Continue           Beijing, turn 4 (H2 2026)") {
		t.Fatalf("the title should offer Continue with the game's turn, cursor on it:\n%s", screen(b))
	}
	drive(b, "enter")
	g := b.ctx.Game
	if g == nil || g.State().Hash() != hash || g.State().Turn != 4 {
		t.Fatalf("Continue resumed %v, want turn 4 with the same world", g)
	}
	if _, ok := b.screen.(*dashboard); !ok {
		t.Errorf("Continue should open the dashboard, got %s", b.screen.Name())
	}
	// Without autosaves there is no Continue, and in a data folder where
	// nothing was ever played the cursor waits on the guided first game.
	c := boot(withStore(Options{}, tempStore(t)), 80, 24)
	if strings.Contains(screen(c), "Continue") || titleOf(t, c).cursor != itemGuided {
		t.Errorf("Continue is offered with nothing to continue, or the guided game is not first:\n%s", screen(c))
	}
}

// d deletes a named save after a confirmation; autosaves are not deleted
// by hand.
func TestDeleteAsksFirst(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 1)
	drive(a, "s", "ctrl+u")
	typeText(a, "old plan")
	drive(a, "enter")

	b := boot(withStore(Options{}, st), 80, 24)
	openLoadScreen(t, b)
	cursorTo(t, b, "old plan")
	drive(b, "d")
	if s := screen(b); !strings.Contains(s, `Delete the save "old plan"?`) {
		t.Fatalf("d should ask first:\n%s", s)
	}
	drive(b, "n")
	if !st.SlotExists("old plan") {
		t.Fatal("no deleted the save")
	}
	drive(b, "d", "y")
	if st.SlotExists("old plan") {
		t.Fatal("yes did not delete the save")
	}
	if s := screen(b); strings.Contains(s, "old plan  ") || !strings.Contains(s, `Deleted the save "old plan".`) {
		t.Errorf("the list should drop the save and say so:\n%s", s)
	}
	cursorTo(t, b, "auto-000002")
	drive(b, "d")
	if len(b.dialogs) != 0 || !strings.Contains(screen(b), "Autosaves are not deleted by hand") {
		t.Errorf("d on an autosave should explain, not ask:\n%s", screen(b))
	}
}

// A corrupt save is listed with its error and cannot be loaded; choosing
// it offers the newest good autosave, which then loads.
func TestCorruptSaveOffersTheNewestGoodAutosave(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 2)
	hash := a.ctx.Game.State().Hash()
	drive(a, "s", "ctrl+u")
	typeText(a, "precious")
	drive(a, "enter")
	path := slotEntry(t, st, "precious").Path
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}

	b := boot(withStore(Options{}, st), 120, 40)
	openLoadScreen(t, b)
	cursorTo(t, b, "precious")
	s := screen(b)
	for _, want := range []string{"✗ precious", "cannot be read", "cannot be loaded", "incomplete", "The newest good autosave is auto-000003"} {
		if !strings.Contains(s, want) {
			t.Errorf("the load screen should show %q:\n%s", want, s)
		}
	}
	drive(b, "enter")
	if q, d := dialogText(b); q != `Cannot load the save "precious"` || !strings.Contains(d, "incomplete") ||
		!strings.Contains(d, "The newest good autosave is auto-000003: Beijing, turn 3 (H1 2026)") || !strings.Contains(d, "Load it instead?") {
		t.Fatalf("loading a corrupt save should say why and offer the autosave: %q\n%s", d, screen(b))
	}
	drive(b, "y")
	if g := b.ctx.Game; g == nil || g.State().Hash() != hash {
		t.Fatalf("the offered autosave did not load the game (%v)", g)
	}
}

// The quit confirmation says what would be lost.
func TestQuitSaysWhatWouldBeLost(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 1)
	drive(a, "q")
	if q, d := dialogText(a); q != "Quit the game in progress?" || !strings.Contains(d, "No turn is lost: the autosave of turn 2 holds the start of turn 2") {
		t.Errorf("after an autosave nothing is lost: %q", d)
	}
	drive(a, "n", "space", "q")
	if _, d := dialogText(a); !strings.Contains(d, "Your 1 unsubmitted order for this turn will be lost unless you save first") {
		t.Errorf("the pending order should be said to be lost: %q", d)
	}
	drive(a, "n", "s", "ctrl+u")
	typeText(a, "kept")
	drive(a, "enter", "q")
	if _, d := dialogText(a); !strings.Contains(d, `Your orders for this turn are in the save "kept"`) {
		t.Errorf("saved orders are not lost: %q", d)
	}
	// Without a data directory the game is lost, and s says saving is off.
	b := boot(saveStart, 80, 24)
	drive(b, "enter", "E", "y", "enter", "q")
	if _, d := dialogText(b); !strings.Contains(d, "Saving is off") || !strings.Contains(d, "quitting loses it") {
		t.Errorf("without a data directory quitting loses the game: %q", d)
	}
	drive(b, "n", "s")
	if q, _ := dialogText(b); q != "Saving is off" {
		t.Errorf("s without a data directory should say saving is off:\n%s", screen(b))
	}
}

// zerosum load starts the App from a save: its turn, orders and player.
func TestResumeFromOptions(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 2)
	drive(a, "space")
	g := a.ctx.Game
	sv := saves.FromMatch(g.Match, g.Player, g.Orders(), g.Settings, "2026-11-28T10:41:00Z")
	b := boot(withStore(Options{Resume: sv}, st), 80, 24)
	h := b.ctx.Game
	if h == nil || h.State().Hash() != g.State().Hash() || !slices.Equal(h.Orders(), g.Orders()) {
		t.Fatalf("resumed %v, want the saved game with its orders (%v)", h, b.err)
	}
	if _, ok := b.screen.(*dashboard); !ok {
		t.Errorf("a resumed game opens on the dashboard, not %s", b.screen.Name())
	}
	// A save this build cannot restore (another content version that plays
	// out differently) is reported on screen, not a panic.
	bad := *sv
	bad.Content = "0000"
	bad.Turns = slices.Clone(sv.Turns)
	bad.Turns[0].Hash = strings.Repeat("e", 64)
	c := boot(withStore(Options{Resume: &bad}, st), 80, 24)
	if c.ctx.Game != nil || !strings.Contains(screen(c), "content version 0000") {
		t.Errorf("a save of other content should be refused on screen:\n%s", screen(c))
	}
}

// The end of a game keeps its replay and says where; the title then lists
// it under Replays, and it opens in the viewer with everything revealed.
func TestGameEndKeepsItsReplay(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 0)
	for a.ctx.Game.InProgress() {
		drive(a, "E", "y", "enter")
	}
	if _, ok := a.screen.(*endScreen); !ok {
		t.Fatalf("the game is over but the screen is %s", a.screen.Name())
	}
	reps := st.Replays()
	if len(reps) != 1 || filepath.Base(reps[0]) != "race2025-seed7-20261128-104100.replay.json" {
		t.Fatalf("kept replays %v, want one named after scenario, seed and time", reps)
	}
	if a.ctx.Game.ReplayPath != reps[0] {
		t.Errorf("the session says the replay is at %q", a.ctx.Game.ReplayPath)
	}
	if s := ansi.Strip(a.screen.(*endScreen).outcome(300)); !strings.Contains(s, "The replay of this game is kept") || !strings.Contains(strings.ReplaceAll(s, "\n", ""), reps[0]) {
		t.Errorf("the end screen should say where the replay is:\n%s", s)
	}
	b := boot(withStore(Options{}, st), 80, 24)
	if strings.Contains(screen(b), "Continue") {
		t.Errorf("a finished game is not continued:\n%s", screen(b))
	}
	ti := titleOf(t, b)
	for ti.cursor != itemReplays {
		drive(b, "down")
	}
	drive(b, "enter")
	if s := screen(b); !strings.Contains(s, "REPLAYS OF FINISHED GAMES") || !strings.Contains(s, "race2025-seed7") {
		t.Fatalf("the replays list:\n%s", s)
	}
	drive(b, "enter")
	v, ok := b.screen.(*viewer)
	if !ok {
		t.Fatalf("enter on a replay should open the viewer, got %s:\n%s", b.screen.Name(), screen(b))
	}
	if !v.src.reveal || v.step != 0 || !strings.Contains(screen(b), "everything revealed") {
		t.Errorf("a finished game is viewed from turn 1 with everything revealed:\n%s", screen(b))
	}
	drive(b, "esc")
	if _, ok := b.screen.(*savesScreen); !ok {
		t.Errorf("esc leaves the viewer for the list, got %s", b.screen.Name())
	}
}

// A name can be pasted into the save dialog; esc cancels without saving.
func TestSaveDialogPasteAndCancel(t *testing.T) {
	st := tempStore(t)
	a := playTurns(t, st, 0)
	drive(a, "s", "ctrl+u")
	a.Update(tea.PasteMsg{Content: "pasted name"})
	drive(a, "enter")
	if !st.SlotExists("pasted name") {
		t.Fatalf("the pasted name was not used:\n%s", screen(a))
	}
	drive(a, "s", "esc")
	if len(a.dialogs) != 0 || !strings.Contains(screen(a), "Not saved.") {
		t.Errorf("esc should close the dialog and say nothing was saved:\n%s", screen(a))
	}
}

// TestSaveOfAScenarioFileRestores: a game of a teacher's scenario file is
// saved with the file's path, and restoring finds the file again from any
// working directory.
func TestSaveOfAScenarioFileRestores(t *testing.T) {
	p, err := content.Load("../content/testdata/custom/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(p.Scenario.Source) {
		t.Fatalf("the scenario should remember its absolute path, got %q", p.Scenario.Source)
	}
	g, err := NewSession(p, 4, p.Scenario.Actors[0].ID, bot.Normal, nil)
	if err != nil {
		t.Fatal(err)
	}
	g.Match.Play(nil)
	sv := saves.FromMatch(g.Match, g.Player, nil, saves.Settings{}, "2026-11-28T12:00:00Z")
	if sv.Source != p.Scenario.Source {
		t.Fatalf("the save records %q, want %q", sv.Source, p.Scenario.Source)
	}
	data, _ := sv.Encode()
	back, err := saves.DecodeSave(data)
	if err != nil {
		t.Fatal(err)
	}
	restored, err := restoreSession(back, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if restored.State().Hash() != g.State().Hash() {
		t.Fatal("the restored game differs")
	}
}

// A save's preview counts the orders of the turn in progress as they
// stand: sealed once a player has ended their turn, open otherwise.
func TestPendingOrdersText(t *testing.T) {
	for _, c := range []struct {
		sv   saves.Save
		want string
	}{
		{saves.Save{Player: "washington"}, ""},
		{saves.Save{Player: "washington", Pending: []string{"a", "b"}}, "2 chosen, not yet submitted"},
		{saves.Save{Player: "beijing", Others: map[string][]string{"washington": {"a", "b"}}, Submitted: []string{"washington"}},
			"2 sealed by the players who have ended their turn"},
		{saves.Save{Player: "beijing", Pending: []string{"c"}, Others: map[string][]string{"washington": {"a", "b"}}, Submitted: []string{"washington"}},
			"2 sealed by the players who have ended their turn; 1 chosen, not yet submitted"},
	} {
		if got := pendingOrdersText(&c.sv); got != c.want {
			t.Errorf("%+v: %q, want %q", c.sv, got, c.want)
		}
	}
}
