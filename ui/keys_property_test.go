package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"zerosum/text"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"pgregory.net/rapid"

	"zerosum/game"
	"zerosum/saves"
)

// keyAlphabet is every key a player might press, game keys included: the
// save (s), view (v), rewind (R) and delete (d) keys, the facilitator's
// (F2, ctrl+f) and export (e) keys, and the guide's (c, C) too.
var keyAlphabet = []string{
	"up", "down", "left", "right", "enter", "esc", "tab", "shift+tab", "space", "pgup", "pgdown",
	"home", "end", "backspace", "?", "q", "E", "x", "y", "n", "1", "2", "3", "4", "5", "6", "g", "G",
	"r", "j", "k", "h", "l", "a", "z", "0", "7", "9", "ctrl+c", "ctrl+u", "ctrl+d",
	"s", "v", "R", "d", "e", "f2", "ctrl+f", "c", "C",
}

// keyMacros are runs of keys a player presses together (end a turn, save
// under a name, rewind, view and rewind, load from the title), mixed into
// the random keys so that the flows they start happen often enough to be
// checked; every key of a run is still checked on its own.
var keyMacros = [][]string{
	{"E", "y", "enter"},
	{"E", "y", "enter", "E", "y", "enter"},
	{"R", "enter", "y"},
	{"R", "up", "enter", "y"},
	{"v", "left", "R", "y"},
	{"v", "left", "left", "right", "esc"},
	{"s", "enter"},
	{"s", "ctrl+u", "a", "enter", "y"},
	{"down", "down", "enter", "enter"},
	{"down", "down", "enter", "down", "down", "enter", "y"},
	{"down", "down", "enter", "v", "left", "R", "y"},
	{"down", "down", "enter", "d", "y"},
	{"enter"},
	// Hot seat: take the keyboard, read, give orders, pass it on.
	{"enter", "enter", "space", "E", "y"},
	// The facilitator: resolve, inject an event or custom news, set the
	// timer, reveal, export.
	{"f2", "enter", "y"},
	{"f2", "down", "down", "down", "enter", "down", "enter", "esc"},
	{"f2", "down", "down", "down", "down", "enter", "a", "enter", "tension=+1", "enter", "esc"},
	{"f2", "down", "down", "right", "esc"},
	{"f2", "up", "up", "enter", "pgdown", "esc", "e", "f2"},
	// The title: the guided first game, to its dashboard.
	{"up", "enter", "enter"},
	// The setup: a second human seat with a name.
	{"down", "down", "space", "B", "o", "enter"},
}

// startsFor are the games the random keys start in: one player (with or
// without a facilitator), two players at one keyboard, bots alone.
var startsFor = []StartOptions{
	{Actor: "washington"}, {Actor: "beijing"}, {Actor: "meta"}, {Actor: "taipei"},
	{Actor: "beijing", Facilitator: true},
	{Seats: "washington=human:Ana,beijing=human:Bo,all=bot"},
	{Seats: "beijing=human:Bo,abudhabi=human:Cy,all=bot", Facilitator: true},
	{Seats: "all=bot"}, {Seats: "all=bot", Facilitator: true},
}

var sizes = [][2]int{{80, 24}, {100, 30}, {120, 40}, {200, 60}, {70, 20}, {81, 25}}

// confirmOpen reports whether the dialog on top is a confirmation whose
// question starts with prefix.
//
// The keys are the questions' messages: the random keys may switch the
// interface's language on the title screen, so a question is recognised
// by the words before its first verb, in English or in the language now
// shown.
func confirmOpen(a *App, keys ...string) bool {
	if len(a.dialogs) == 0 {
		return false
	}
	c, ok := a.dialogs[len(a.dialogs)-1].(*Confirm)
	if !ok {
		return false
	}
	for _, k := range keys {
		for _, f := range append([]string{k}, text.Forms(text.Lang(), k)...) {
			if p, _, _ := strings.Cut(f, "%"); p != "" && strings.HasPrefix(c.Question, p) {
				return true
			}
		}
	}
	return false
}

// endTurnOpen reports whether the dialog on top asks to end the turn (a
// player's) or to resolve it (the facilitator's).
func endTurnOpen(a *App) bool {
	return confirmOpen(a, "End turn %d (%s)?", "End turn %d (%s) for %s?", "Resolve turn %d (%s) now?")
}

// spectating reports whether the screen is the spectator's, where enter
// plays the bots' next turn.
func spectating(a *App) bool {
	_, ok := a.screen.(*spectate)
	return ok && len(a.dialogs) == 0 && !a.showHelp
}

// checkNoLeak is the hot-seat property, checked after every key: no
// player's screen shows another seat's orders not yet resolved, or another
// actor's covert orders that have not come to light (the hand-over page
// shows nobody's). The facilitator's screen is the facilitator's.
func checkNoLeak(t *rapid.T, a *App, pressed []string) {
	g := a.ctx.Game
	if g == nil || !g.HotSeat() || g.Match.Over() {
		return
	}
	viewers := []int{g.Player}
	switch a.screen.(type) {
	case *facilitatorScreen, *endScreen:
		return
	case *handover:
		viewers = g.Humans()
	}
	frame := unhyphen(strings.Join(strings.Fields(strings.NewReplacer("║", " ", "│", " ").Replace(screen(a))), " "))
	for _, v := range viewers {
		for s, what := range secrets(a, v) {
			if strings.Contains(frame, s) {
				t.Fatalf("%s's screen (%s) shows %q (%s) after %v:\n%s", g.Who(v), a.screen.Name(), s, what, pressed, screen(a))
			}
		}
	}
}

// rewindOpen reports whether the dialog on top asks to rewind (or to
// rewind even though the original line could not be kept).
func rewindOpen(a *App) bool {
	return confirmOpen(a, "Rewind to the start of turn %d (%s)?", "The original line could not be kept")
}

// loadOpen reports whether the key pressed may load a save: enter (on
// Continue, or on the load screen) or yes to the offer of the newest good
// autosave.
func loadOpen(a *App, k string) bool {
	if len(a.dialogs) > 0 {
		return k == "y" && confirmOpen(a, "Cannot load %s")
	}
	return k == "enter"
}

func gameHash(a *App) (*Session, game.Hash) {
	if a.ctx.Game == nil {
		return nil, game.Hash{}
	}
	return a.ctx.Game, a.ctx.Game.State().Hash()
}

func checkFrame(t *rapid.T, a *App, keys []string) {
	s := screen(a)
	lines := strings.Split(s, "\n")
	if len(lines) > a.ctx.Height {
		t.Fatalf("frame is %d lines on a %d-line terminal after %v", len(lines), a.ctx.Height, keys)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > a.ctx.Width {
			t.Fatalf("line %d is %d cells on a %d-cell terminal after %v:\n%s", i+1, w, a.ctx.Width, keys, l)
		}
	}
}

// isBranchOf reports whether b is a rewind of m: the world at one of m's
// turn starts, with m's turns before it, labelled as a branch.
func isBranchOf(b, m *Session) bool {
	n := len(b.Match.Turns)
	if b.Match.Branch == "" || n >= len(m.Match.States) || b.Match.Seed != m.Match.Seed || b.Player != m.Player {
		return false
	}
	for i := range n {
		if b.Match.Turns[i].Hash != m.Match.Turns[i].Hash {
			return false
		}
	}
	return b.State().Hash() == m.Match.States[n].Hash() && len(b.Orders()) == 0
}

// isBranchOfSaved reports whether b is a rewind of a game the store holds
// (viewed from the load screen): its turns are the first turns of that
// save, and its world is the save's after the last of them.
func isBranchOfSaved(b *Session, st *saves.Store) bool {
	n := len(b.Match.Turns)
	for _, e := range st.List() {
		sv := e.Save
		if b.Match.Branch == "" || sv == nil || sv.Seed != b.Match.Seed || sv.Scenario != b.Scenario().ID || n >= len(sv.Turns) {
			continue
		}
		same := true
		for i := range n {
			same = same && sv.Turns[i].Hash == b.Match.Turns[i].Hash.String()
		}
		if same && (n == 0 || sv.Turns[n-1].Hash == b.State().Hash().String()) {
			return true
		}
	}
	return false
}

// isSaved reports whether g is exactly the game one of the store's saves
// holds: same scenario, seed, player and branch, and every turn's state
// hash the same.
func isSaved(g *Session, st *saves.Store) bool {
	for _, e := range st.List() {
		sv := e.Save
		if sv == nil || sv.Seed != g.Match.Seed || sv.Scenario != g.Scenario().ID || sv.Branch != g.Match.Branch ||
			sv.Player != g.Scenario().Actors[g.Player].ID || len(sv.Turns) != len(g.Match.Turns) {
			continue
		}
		same := true
		for i, t := range sv.Turns {
			same = same && t.Hash == g.Match.Turns[i].Hash.String()
		}
		if same {
			return true
		}
	}
	return false
}

// checkGameChange is the property on the game in play, checked after
// every key. The state of the game changes only in these ways, each from
// one key in one place:
//   - the same game advances one turn: "y" on the end-turn confirmation
//     (in a hot-seat game only the last player's, or with a facilitator
//     only theirs: "y" on "Resolve turn"), or enter on the spectator's
//     screen when bots play alone;
//   - a branch replaces the game: "y" on the rewind confirmation, and the
//     branch is the old game's world at one of its turn starts (nothing
//     re-rolled), labelled as a what-if (or, viewing a save from the load
//     screen, that save's world at one of its turns);
//   - a loaded game replaces it (or starts one): enter on Continue or on
//     the load screen, or "y" to the offered autosave, and it is exactly
//     a game the store holds (only with a store: loading needs files);
//   - a new game starts from the setup: no turn played, main line;
//   - the game is left: only a finished game (the end screen) or one not
//     yet begun (the briefing).
//
// Every other key (saving, deleting, viewing, moving, scrolling) leaves
// the game's state as it was.
func checkGameChange(t *rapid.T, a *App, st *saves.Store, old *Session, before game.Hash, k string, endTurn, watch, rewind, load bool, pressed []string) {
	now, after := gameHash(a)
	switch {
	case now == old && after == before:
	case now == old && old != nil:
		if !(endTurn && k == "y") && !(watch && k == "enter") || len(old.Match.Turns) == 0 {
			t.Fatalf("key %q changed the game state without ending a turn: %v", k, pressed)
		}
	case now == nil:
		if !old.Match.Over() && len(old.Match.Turns) > 0 {
			t.Fatalf("key %q left a game in progress: %v", k, pressed)
		}
	case rewind && k == "y" && old != nil && isBranchOf(now, old):
	case rewind && k == "y" && st != nil && isBranchOfSaved(now, st):
	case load && st != nil && isSaved(now, st):
	case old == nil && len(now.Match.Turns) == 0 && now.Match.Branch == "" && len(now.Orders()) == 0:
	default:
		t.Fatalf("key %q replaced the game (%v turns, branch %q) in a way no rule allows: %v", k, len(now.Match.Turns), now.Match.Branch, pressed)
	}
}

// TestRandomKeys drives the root model with thousands of random key
// sequences, from the title screen and from a game in progress (one player,
// two at one keyboard, with a facilitator, bots alone), at several
// terminal sizes (resizing on the way): nothing panics, no frame is wider
// or taller than the terminal, the game changes only as checkGameChange
// allows, and no hot-seat player's screen shows another's secrets
// (checkNoLeak). Saving is off here (no data directory), so no
// file is read or written: loading cannot happen, and a rewind keeps no
// copy of the original line.
func TestRandomKeys(t *testing.T) {
	t.Parallel()
	perCheck := 12 // rapid runs 100 checks: 1,200 sequences (the macros make each one longer in effect)
	if testing.Short() {
		perCheck = 2
	}
	rapid.Check(t, func(t *rapid.T) {
		for range perCheck {
			var opts Options
			if rapid.Bool().Draw(t, "inGame") {
				start := rapid.SampledFrom(startsFor).Draw(t, "start")
				start.Seed = rapid.Uint64Range(1, 1000).Draw(t, "seed")
				opts.Start = &start
			}
			opts.Theme = rapid.SampledFrom(ThemeNames).Draw(t, "theme")
			randomKeys(t, opts, nil)
		}
	})
}

// randomKeys presses up to 40 random keys on a new App, resizing on the
// way, runs the commands they start (answers included), and checks every
// frame and every change to the game.
func randomKeys(t *rapid.T, opts Options, st *saves.Store) {
	size := rapid.SampledFrom(sizes).Draw(t, "size")
	opts.Tick = noTick // the order timer's ticks would be real timers
	a := sized(opts, size[0], size[1])
	runCmds(a, a.Init())
	n := rapid.IntRange(1, 40).Draw(t, "n")
	var pressed, queue []string
	for range n {
		if rapid.IntRange(0, 19).Draw(t, "resize?") == 0 {
			size = rapid.SampledFrom(sizes).Draw(t, "resize")
			a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		}
		if len(queue) == 0 && rapid.IntRange(0, 3).Draw(t, "macro?") == 0 {
			queue = slices.Clone(rapid.SampledFrom(keyMacros).Draw(t, "macro"))
		}
		var k string
		if len(queue) > 0 {
			k, queue = queue[0], queue[1:]
		} else {
			k = rapid.SampledFrom(keyAlphabet).Draw(t, "key")
		}
		pressed = append(pressed, k)
		old, before := gameHash(a)
		endTurn, watch, rewind, load := endTurnOpen(a), spectating(a), rewindOpen(a), loadOpen(a, k)
		var cmd tea.Cmd
		if len([]rune(k)) > 1 && !isKeyName(k) {
			_, cmd = a.Update(tea.PasteMsg{Content: k}) // typed text, such as an effect
		} else {
			_, cmd = a.Update(keyMsg(k))
		}
		runCmds(a, cmd)
		checkGameChange(t, a, st, old, before, k, endTurn, watch, rewind, load, pressed)
		checkNoLeak(t, a, pressed)
	}
	checkFrame(t, a, pressed)
}

// TestRandomKeysWithSaves is TestRandomKeys with a data directory holding
// saves (a corrupt one among them), so random keys also save, load,
// continue, delete, view and rewind with files, every file command run
// before the next key.
func TestRandomKeysWithSaves(t *testing.T) {
	t.Parallel()
	fixture := savesFixture(t)
	rapid.Check(t, func(rt *rapid.T) { // 100 sequences: files are slow
		dir, err := os.MkdirTemp("", "zerosum-keys-")
		if err != nil {
			rt.Fatal(err)
		}
		defer os.RemoveAll(dir)
		copyDir(rt, fixture.Dir, dir)
		st, err := saves.Open(dir)
		if err != nil {
			rt.Fatal(err)
		}
		var opts Options
		if rapid.Bool().Draw(rt, "inGame") {
			start := rapid.SampledFrom([]StartOptions{{Actor: "beijing"}, {Seats: "washington=human:Ana,beijing=human:Bo,all=bot", Facilitator: true},
				{Seats: "all=bot"}}).Draw(rt, "start")
			start.Seed = rapid.Uint64Range(1, 1000).Draw(rt, "seed")
			opts.Start = &start
		}
		randomKeys(rt, withStore(opts, st), st)
	})
}

// isKeyName reports whether a macro's entry is a key name rather than
// text to type.
func isKeyName(k string) bool {
	switch k {
	case "tension=+1":
		return false
	}
	return true
}

// copyDir copies a data directory's files (one level of folders).
func copyDir(t *rapid.T, from, to string) {
	subs, _ := os.ReadDir(from)
	for _, sub := range subs {
		os.MkdirAll(filepath.Join(to, sub.Name()), 0o755)
		files, _ := os.ReadDir(filepath.Join(from, sub.Name()))
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(from, sub.Name(), f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(to, sub.Name(), f.Name()), data, 0o644)
		}
	}
}
