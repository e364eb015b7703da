package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"zerosum/text"
)

// Prose renders content text for the screen: [[id]] and [[id|words]]
// glossary links become styled terms (the encyclopedia explains them), and
// the result is wrapped to width cells (not at all when width <= 0).
func Prose(ctx *Context, s string, width int) string {
	s = text.Expand(text.Collapse(s), func(l text.Link, start bool) string {
		return ctx.Theme.Term.Render(linkWords(ctx, l, start))
	})
	if width <= 0 {
		return s
	}
	return lipgloss.Wrap(glueSigns(s), width, " ")
}

// plainProse is content text with its glossary links as plain words, for
// a line that is styled as a whole.
func plainProse(ctx *Context, s string) string {
	return text.Expand(text.Collapse(s), func(l text.Link, start bool) string { return linkWords(ctx, l, start) })
}

// linkWords is how a glossary link reads (see content.Pack.LinkText).
func linkWords(ctx *Context, l text.Link, start bool) string {
	if ctx.Game != nil {
		return ctx.Game.Pack.LinkText(l, start)
	}
	if l.Words != "" {
		return l.Words
	}
	return strings.ReplaceAll(l.ID, "_", " ")
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
