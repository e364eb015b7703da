package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
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
			words = termWords(ctx, id)
		}
		b.WriteString(ctx.Theme.Term.Render(words))
		s = s[i+j+2:]
	}
	if width <= 0 {
		return b.String()
	}
	return lipgloss.Wrap(b.String(), width, " ")
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

// termWords is how a bare [[id]] reads: the glossary term's name.
func termWords(ctx *Context, id string) string {
	if ctx.Game != nil {
		if t, ok := ctx.Game.Pack.TermByID(id); ok {
			return t.Term
		}
	}
	return strings.ReplaceAll(id, "_", " ")
}
