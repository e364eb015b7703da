package text

import (
	"strings"
)

// The content's texts link glossary terms with [[id]] (the term's own
// name) or [[id|words]] (other words for it). Spaces inside the brackets
// are layout, not part of the id or the words: [[ export_controls ]] is
// [[export_controls]]. A "[[" that is never closed is plain text.

// Link is one glossary link of a text.
type Link struct {
	ID    string // the glossary id
	Words string // the words after "|", or "" for a bare link
}

// Links lists the glossary links of s, in order.
func Links(s string) []Link {
	var out []Link
	scan(s, func(lit string) {}, func(l Link) { out = append(out, l) })
	return out
}

// Expand writes s with every link replaced by what term says for it;
// start tells term whether the link begins a sentence (so a common noun
// can keep or drop its capital).
func Expand(s string, term func(l Link, start bool) string) string {
	var b strings.Builder
	scan(s, func(lit string) { b.WriteString(lit) }, func(l Link) {
		b.WriteString(term(l, SentenceStart(b.String())))
	})
	return b.String()
}

// Plain writes s with the links as plain words: a link's own words, or
// for a bare link its id with spaces for underscores. For tests, logs and
// texts read without the glossary.
func Plain(s string) string {
	return Expand(s, func(l Link, _ bool) string {
		if l.Words != "" {
			return l.Words
		}
		return strings.ReplaceAll(l.ID, "_", " ")
	})
}

// Collapse turns every run of white space in s into one space and trims
// the ends: the content's texts are folded YAML, laid out again on screen.
func Collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// scan walks s, handing plain text to lit and each link to link.
func scan(s string, lit func(string), link func(Link)) {
	for {
		i := strings.Index(s, "[[")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "]]")
		if j < 0 {
			break
		}
		lit(s[:i])
		id, words, _ := strings.Cut(s[i+2:i+2+j], "|")
		link(Link{ID: strings.TrimSpace(id), Words: strings.TrimSpace(words)})
		s = s[i+2+j+2:]
	}
	if s != "" {
		lit(s)
	}
}
