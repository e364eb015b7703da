package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Prose renders content text for the screen: [[id]] and [[id|words]]
// glossary links become styled terms (the encyclopedia explains them), and
// the result is wrapped to width cells.
func Prose(ctx *Context, s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for {
		i := strings.Index(s, "[[")
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.Index(s[i:], "]]")
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		id, words, ok := strings.Cut(s[i+2:i+j], "|")
		if !ok {
			words = termWords(ctx, id, sentenceStart(b.String()))
		}
		b.WriteString(ctx.Theme.Term.Render(words))
		s = s[i+j+2:]
	}
	if width <= 0 {
		return b.String()
	}
	return lipgloss.Wrap(glueSigns(b.String()), width, " ")
}

// glueSigns turns the minus of a negative number into a non-breaking hyphen
// (U+2011), so wrapping never splits "-3" into "-" and "3".
func glueSigns(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		if r == '-' && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9' && (i == 0 || rs[i-1] == ' ' || rs[i-1] == '(') {
			rs[i] = '\u2011'
		}
	}
	return string(rs)
}

// PlainProse strips glossary markup without styling (for tests and logs).
func PlainProse(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "[[")
		j := strings.Index(s, "]]")
		if i < 0 || j < i {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		id, words, ok := strings.Cut(s[i+2:j], "|")
		if !ok {
			words = strings.ReplaceAll(id, "_", " ")
		}
		b.WriteString(words)
		s = s[j+2:]
	}
}

// termWords is how a bare [[id]] reads: the glossary term's name, with a
// common noun lower-cased inside a sentence ("use export controls").
func termWords(ctx *Context, id string, start bool) string {
	if ctx.Game != nil {
		if t, ok := ctx.Game.Pack.TermByID(id); ok {
			if t.Common && !start {
				return strings.ToLower(t.Term[:1]) + t.Term[1:]
			}
			return t.Term
		}
	}
	return strings.ReplaceAll(id, "_", " ")
}

// sentenceStart reports whether text written so far ends a sentence (or is
// empty), so the next word starts one.
func sentenceStart(sofar string) bool {
	t := strings.TrimRight(ansi.Strip(sofar), " ")
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ':':
		return true
	}
	return false
}
