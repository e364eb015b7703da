package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zerosum/text"
)

// englishRun is three or more English words in a row: a sentence or a
// label the translation missed. Single words and pairs are left alone
// (names such as Meta or DeepSeek, key names such as pgdn, "AI").
var englishRun = regexp.MustCompile(`[A-Za-z][a-z]+(?: [A-Za-z][a-z]+){2,}`)

// noEnglish fails when a screen drawn in Chinese still shows an English
// phrase: a string of the interface that does not go through text.T or
// text.F, which the message list cannot see. The width tests call it on
// every screen they draw.
func noEnglish(t *testing.T, what, s string) {
	t.Helper()
	if !text.Chinese() {
		return
	}
	for _, l := range strings.Split(ansi.Strip(s), "\n") {
		if m := englishRun.FindString(l); m != "" && !allowedEnglish(m) {
			t.Errorf("%s: English left on a Chinese screen: %q in %q", what, m, strings.TrimSpace(l))
			return
		}
	}
}

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
