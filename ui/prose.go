package ui

import (
	"strings"

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
	return wrap(s, width)
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
