package ui

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"zerosum/text"
)

// englishRun is three or more English words in a row: a sentence or a
// label the translation missed. Single words and pairs are left alone
// (names such as Meta or DeepSeek, key names such as pgdn, "AI").
var englishRun = regexp.MustCompile(`[A-Za-z][a-z]+(?: [A-Za-z][a-z]+){2,}`)

// noEnglish fails when a screen drawn in Chinese still shows an English
// phrase (a string of the interface that does not go through text.T or
// text.F, which the message list cannot see) or a line that starts with
// closing punctuation. The width tests call it on every screen they draw.
func noEnglish(t errorer, what, s string) {
	t.Helper()
	if !text.Chinese() {
		return
	}
	for _, l := range strings.Split(ansi.Strip(s), "\n") {
		if m := englishRun.FindString(l); m != "" && !allowedEnglish(m) {
			t.Errorf("%s: English left on a Chinese screen: %q in %q", what, m, strings.TrimSpace(l))
			return
		}
		// Wrapped Chinese never starts a line with closing punctuation
		// (a frame's border and indent come first, so look past them).
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(l, " │║|")); strings.ContainsRune("，。、；：？！）》」』", r) {
			t.Errorf("%s: a line starts with closing punctuation: %q", what, strings.TrimSpace(l))
			return
		}
	}
}

// errorer is what noEnglish needs of a test.
type errorer interface {
	Helper()
	Errorf(format string, args ...any)
}

// recorder records whether a check failed, to test the check.
type recorder struct{ failed bool }

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }

// allowedEnglish are the English runs a Chinese screen may show: names
// the content keeps in English and what the player typed in the tests.
func allowedEnglish(m string) bool {
	for _, ok := range []string{"before the vote"} { // a save's name, typed in a test
		if strings.Contains(m, ok) {
			return true
		}
	}
	return false
}

// TestNoEnglishCatches: the check fails on what it is for, and passes
// good Chinese with the names and keys a screen may show.
func TestNoEnglishCatches(t *testing.T) {
	inChinese(t)
	for _, bad := range []string{"台海紧张度 the game is over", "北京的积怨\n，继续上升"} {
		rec := &recorder{}
		noEnglish(rec, "sample", bad)
		if !rec.failed {
			t.Errorf("noEnglish let %q pass", bad)
		}
	}
	rec := &recorder{}
	noEnglish(rec, "sample", "北京的积怨，继续上升 · Meta · pgdn")
	if rec.failed {
		t.Error("noEnglish failed good Chinese")
	}
}
