package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"pgregory.net/rapid"

	"zerosum/game"
)

// keyAlphabet is every key a player might press, game keys included.
var keyAlphabet = []string{
	"up", "down", "left", "right", "enter", "esc", "tab", "shift+tab", "space", "pgup", "pgdown",
	"home", "end", "backspace", "?", "q", "E", "x", "y", "n", "1", "2", "3", "4", "5", "6", "g", "G",
	"r", "j", "k", "h", "l", "a", "z", "0", "7", "9", "ctrl+c", "ctrl+u", "ctrl+d",
}

var sizes = [][2]int{{80, 24}, {100, 30}, {120, 40}, {200, 60}, {70, 20}, {81, 25}}

// endTurnOpen reports whether the dialog on top asks to end the turn: the
// only place a key (y) resolves a turn.
func endTurnOpen(a *App) bool {
	if len(a.dialogs) == 0 {
		return false
	}
	c, ok := a.dialogs[len(a.dialogs)-1].(*Confirm)
	return ok && strings.HasPrefix(c.Question, "End turn")
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

// TestRandomKeys drives the root model with thousands of random key
// sequences, from the title screen and from a game in progress, at several
// terminal sizes (resizing on the way): nothing panics, no frame is wider
// or taller than the terminal, and no key changes the state of the game
// except the "yes" that confirms ending a turn.
func TestRandomKeys(t *testing.T) {
	t.Parallel()
	perCheck := 20 // rapid runs 100 checks: 2,000 sequences
	if testing.Short() {
		perCheck = 2
	}
	rapid.Check(t, func(t *rapid.T) {
		for seq := range perCheck {
			var opts Options
			if rapid.Bool().Draw(t, "inGame") {
				opts.Start = &StartOptions{Actor: rapid.SampledFrom([]string{"washington", "beijing", "meta", "taipei"}).Draw(t, "actor"),
					Seed: rapid.Uint64Range(1, 1000).Draw(t, "seed")}
			}
			opts.Theme = rapid.SampledFrom(ThemeNames).Draw(t, "theme")
			size := rapid.SampledFrom(sizes).Draw(t, "size")
			a := sized(opts, size[0], size[1])
			n := rapid.IntRange(1, 40).Draw(t, "n")
			var pressed []string
			for i := range n {
				if rapid.IntRange(0, 19).Draw(t, "resize?") == 0 {
					size = rapid.SampledFrom(sizes).Draw(t, "resize")
					a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				}
				k := rapid.SampledFrom(keyAlphabet).Draw(t, "key")
				pressed = append(pressed, k)
				sess, before := gameHash(a)
				confirming := endTurnOpen(a)
				a.Update(keyMsg(k))
				if sess != nil && sess == a.ctx.Game {
					if _, after := gameHash(a); after != before && !(confirming && k == "y") {
						t.Fatalf("sequence %d key %d (%q) changed the game state without ending a turn: %v", seq, i, k, pressed)
					}
				}
			}
			checkFrame(t, a, pressed)
		}
	})
}
