package untrusted

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text returns s safe to print on a terminal or in a Markdown file:
// control characters are dropped (C0 but newline and tab, DEL, C1, so no
// escape sequence survives) and bytes that are not UTF-8 become U+FFFD.
func Text(s string) string {
	if printable(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s { // invalid bytes arrive as utf8.RuneError
		if !dropped(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func dropped(r rune) bool { return r != '\n' && r != '\t' && unicode.IsControl(r) }

// printable reports whether Text would leave s as it is.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return utf8.ValidString(s[i:]) && !strings.ContainsFunc(s[i:], dropped)
		}
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// Writer passes everything written through Text, for output that may hold
// text from files (names, titles, paths). Each Write should hold whole
// characters, as fmt's functions write them.
func Writer(w io.Writer) io.Writer { return textWriter{w} }

type textWriter struct{ w io.Writer }

func (t textWriter) Write(p []byte) (int, error) {
	s := string(p)
	if printable(s) {
		return t.w.Write(p)
	}
	if _, err := io.WriteString(t.w, Text(s)); err != nil {
		return 0, err
	}
	return len(p), nil
}
