package ui

import (
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestTitleGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := run(t, Options{}, size[0], size[1])
			requireScreen(t, a)
		})
	}
}

func TestTitleShowsNameMenuAndDisabledLoad(t *testing.T) {
	a := boot(withStore(Options{}, tempStore(t)), 80, 24)
	s := screen(a)
	for _, want := range []string{"███", "GEOPOLITICS OF THE AI RACE", "New game", "Load game", "no saves yet", "Replays", "How to play", "Quit"} {
		if !strings.Contains(s, want) {
			t.Errorf("the title should show %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Continue") {
		t.Errorf("with no autosave there is nothing to continue:\n%s", s)
	}
	// Without a data directory the title says saving is off.
	if s := screen(sized(Options{}, 80, 24)); !strings.Contains(s, "Load game          saving is off") {
		t.Errorf("without a store the title should say saving is off:\n%s", s)
	}
	if w := titleArtWidth(titleArt); w > MinWidth {
		t.Errorf("the title art is %d cells wide; it must fit in %d", w, MinWidth)
	}
}

func titleArtWidth(lines []string) int {
	w := 0
	for _, l := range lines {
		w = max(w, len([]rune(l)))
	}
	return w
}

func titleOf(t *testing.T, a *App) *title {
	t.Helper()
	ti, ok := a.Screen().(*title)
	if !ok {
		t.Fatalf("the screen is %s, not the title", a.Screen().Name())
	}
	return ti
}

// The cursor moves over the menu, skipping Load game while there are no
// saves, and wraps round.
func TestTitleMenuNavigation(t *testing.T) {
	a := sized(Options{}, 80, 24)
	ti := titleOf(t, a)
	if ti.cursor != itemNew {
		t.Fatalf("the cursor should start on New game, is on %d", ti.cursor)
	}
	steps := []struct {
		key  string
		want titleItem
	}{
		{"down", itemGuide}, // Load game is disabled
		{"j", itemLanguage},
		{"j", itemQuit},
		{"down", itemGuided}, // wraps (no Continue)
		{"up", itemQuit},
		{"k", itemLanguage},
		{"k", itemGuide},
		{"up", itemNew},
		{"G", itemQuit},
		{"g", itemGuided},
		{"down", itemNew},
	}
	for _, st := range steps {
		press(a, st.key)
		if ti.cursor != st.want {
			t.Fatalf("after %s the cursor is on %d, want %d", st.key, ti.cursor, st.want)
		}
	}
	if !strings.Contains(screen(a), "▸ New game") {
		t.Errorf("the cursor should be drawn on New game:\n%s", screen(a))
	}
}

func TestTitleNewGameOpensSetup(t *testing.T) {
	a := sized(Options{}, 80, 24)
	press(a, "enter")
	if _, ok := a.Screen().(*setup); !ok {
		t.Fatalf("enter on New game should open the setup, got %s", a.Screen().Name())
	}
	press(a, "esc")
	titleOf(t, a)
}

func TestTitleHowToPlay(t *testing.T) {
	a := sized(Options{}, 80, 24)
	press(a, "down", "enter")
	if a.Screen().Name() != "How to play" {
		t.Fatalf("enter on How to play should open the guide, got %s", a.Screen().Name())
	}
	s := screen(a)
	for _, want := range []string{"HOW TO PLAY", "A turn", "action points"} {
		if !strings.Contains(s, want) {
			t.Errorf("the guide should show %q:\n%s", want, s)
		}
	}
	// It scrolls down to the mutual-loss rule and the panes.
	press(a, "G")
	s = screen(a)
	if !strings.Contains(s, "Same seed, same game") {
		t.Errorf("the end of the guide should be reachable:\n%s", s)
	}
	all := guideText(a.Context(), 80)
	for _, want := range []string{"Strait crisis", "nobody wins it", "Capital", "Orders", "World", "News", "Why", "Charts", "Encyclopedia"} {
		if !strings.Contains(all, want) {
			t.Errorf("the guide should explain %q", want)
		}
	}
	press(a, "esc")
	if ti := titleOf(t, a); ti.cursor != itemGuide {
		t.Errorf("back on the title the cursor should stay on How to play")
	}
}

func TestTitleQuitWithoutConfirm(t *testing.T) {
	for _, keys := range [][]string{{"q"}, {"G", "enter"}} {
		a := sized(Options{}, 80, 24)
		press(a, keys[:len(keys)-1]...)
		_, cmd := a.Update(keyMsg(keys[len(keys)-1]))
		if cmd == nil {
			t.Fatalf("%v should quit", keys)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%v should return tea.Quit", keys)
		}
		if len(a.dialogs) != 0 {
			t.Errorf("%v: no game is in progress, so no confirmation", keys)
		}
	}
}

// titleFakeSaves stands in for a store of saved games.
type titleFakeSaves struct{ n int }

func (f titleFakeSaves) Count() int { return f.n }
func (f titleFakeSaves) Open(ctx *Context) Screen {
	return &titleStubScreen{name: "Saved games"}
}

type titleStubScreen struct{ name string }

func (s *titleStubScreen) Update(tea.Msg) (Screen, tea.Cmd) { return s, nil }
func (s *titleStubScreen) View() string                     { return s.name }
func (s *titleStubScreen) Name() string                     { return s.name }
func (s *titleStubScreen) Keys() []key.Binding              { return nil }
func (s *titleStubScreen) KeyGroups() [][]key.Binding       { return nil }

// With saves, Load game is offered and opens the store's screen.
func TestTitleLoadWhenSavesExist(t *testing.T) {
	a := sized(Options{}, 80, 24)
	titleOf(t, a).saves = titleFakeSaves{n: 2}
	if strings.Contains(screen(a), "no saves yet") {
		t.Error("with saves the title should not say there are none")
	}
	press(a, "down")
	if titleOf(t, a).cursor != itemLoad {
		t.Fatal("Load game should be reachable when saves exist")
	}
	press(a, "enter")
	if a.Screen().Name() != "Saved games" {
		t.Errorf("enter on Load game should open the saves, got %s", a.Screen().Name())
	}
}

// How to play says where the facts come from and points to the project's
// own page of sources, which exists.
func TestGuidePointsToTheSources(t *testing.T) {
	ctx := &Context{Theme: NewTheme(ThemeMono)}
	page := strings.Join(strings.Fields(ansi.Strip(guideText(ctx, 80))), " ")
	for _, want := range []string{"Where the facts come from", "Reva Goujon", "docs/sources.md"} {
		if !strings.Contains(page, want) {
			t.Errorf("How to play should say %q", want)
		}
	}
	if _, err := os.Stat("../docs/sources.md"); err != nil {
		t.Errorf("How to play points to docs/sources.md: %v", err)
	}
}
