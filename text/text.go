// Package text is how ZERO SUM writes words and measures them, for the
// interface and the debrief report alike: capitals and sentences that work
// on letters rather than bytes, numbers with their signs, lists and
// plurals, widths in terminal cells, and the [[term]] markup of the
// content's texts. Nothing here assumes one byte is one letter or one
// letter is one cell, so accented Latin, CJK and emoji come out whole.
//
// The English helpers (Plural, Possessive, AndList, Ordinal) are the
// English edition's; another language brings its own, and the rest is
// shared.
package text

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Width is the width of s in terminal cells: wide characters (CJK, most
// emoji) count two, combining marks none, and ANSI styling nothing.
func Width(s string) int { return ansi.StringWidth(s) }

// PadRight fills s with spaces to w cells; a wider s is returned whole.
func PadRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-Width(s), 0))
}

// PadLeft right-aligns s in w cells; a wider s is returned whole.
func PadLeft(s string, w int) string {
	return strings.Repeat(" ", max(w-Width(s), 0)) + s
}

// Truncate cuts s to at most w cells, ending with "…" when it cut
// anything; it never splits a character or a styling sequence.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// Capitalize writes the first letter of s as a capital: "émirats" becomes
// "Émirats". Text that does not start with a letter, or is not valid
// UTF-8 at its start, is returned as it is.
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToTitle(r)) + s[n:]
}

// Uncapitalize writes the first letter of s in lower case, for a name used
// inside a sentence ("Écart technologique" becomes "écart
// technologique"), but leaves an acronym alone: when the second letter is
// a capital too ("AI Act", "EUV"), s is returned as it is.
func Uncapitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// Sentence makes a message a sentence: trimmed, a capital first letter and
// a full stop, unless it already ends with one ("?", "!" and "…" count).
func Sentence(s string) string {
	s = Capitalize(strings.TrimSpace(s))
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// SentenceStart reports whether text written so far ends a sentence (or is
// empty), so that the next word starts one. Styling is ignored.
func SentenceStart(sofar string) bool {
	t := strings.TrimRightFunc(ansi.Strip(sofar), unicode.IsSpace)
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', ':', '。', '！', '？', '：':
		return true
	}
	return false
}

// Signed writes a number with its sign: "+3", "-2", "0".
func Signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Change writes a change with its sign, and no change as "±0".
func Change(n int) string {
	if n == 0 {
		return "±0"
	}
	return Signed(n)
}

// Abs is the absolute value of n.
func Abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Plural is the ending of a regular English plural for a count: "" for
// one, "s" otherwise (and nothing in Chinese, which has no plural).
func Plural(n int) string {
	if n == 1 || Chinese() {
		return ""
	}
	return "s"
}

// Count writes a count with its noun: "no turns", "1 turn", "3 turns".
func Count(n int, one, many string) string {
	switch n {
	case 0:
		return "no " + many
	case 1:
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Possessive is the English possessive of a name: "Beijing's",
// "Brussels'".
func Possessive(name string) string {
	if Chinese() {
		return name + "的"
	}
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// AndList joins items: "A", "A and B", "A, B and C"; none gives empty.
// In Chinese: "A和B", "A、B和C".
func AndList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	if Chinese() {
		return strings.Join(items[:len(items)-1], "、") + "和" + items[len(items)-1]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Ordinal writes a rank: "1st", "2nd", "3rd", "4th", "11th", "22nd"; in
// Chinese 第1.
func Ordinal(n int) string {
	if Chinese() {
		return "第" + strconv.Itoa(n)
	}
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// Wrap wraps s to w cells, keeping its styles, at spaces; a word longer
// than a line is cut at its end. Chinese, Japanese and Korean text, which
// has no spaces, also breaks between two of its characters, except where
// the rules of Chinese typesetting forbid it: never before closing
// punctuation (，。、）」 and the like), never after opening punctuation
// (（「《), and never inside a run of digits or Latin letters.
func Wrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	if !hasWide(s) {
		return lipgloss.Wrap(s, w, " ")
	}
	// A hyphen is no place to break Chinese text: it would be free to
	// leave the punctuation after it alone on the next line.
	out := lipgloss.Wrap(breakable(strings.ReplaceAll(s, "-", "\u2011")), w, " \u200b")
	return strings.NewReplacer("\u200b", "", "\u2011", "-").Replace(out)
}

// hasWide reports whether s holds a CJK character.
func hasWide(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// noBreakBefore is punctuation that may not start a line; noBreakAfter may
// not end one.
const (
	noBreakBefore = "，。、；：？！）》」』】〕〉”’…—·％,.;:?!)]}%‰"
	noBreakAfter  = "（《「『【〔〈“‘([{"
)

// breakable puts a zero-width space wherever a line may break between two
// characters of which one is CJK.
func breakable(s string) string {
	var b strings.Builder
	var prev rune
	inEscape := false
	for i, r := range s {
		if r == '\x1b' {
			inEscape = true
		}
		if inEscape {
			b.WriteRune(r)
			if r != '\x1b' && r != '[' && (r >= 0x40 && r <= 0x7e) {
				inEscape = false
			}
			continue
		}
		if i > 0 && prev != 0 && (isCJK(prev) || isCJK(r)) && !unicode.IsSpace(prev) && !unicode.IsSpace(r) &&
			!strings.ContainsRune(noBreakBefore, r) && !strings.ContainsRune(noBreakAfter, prev) {
			b.WriteRune('\u200b')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
