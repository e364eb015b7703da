package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
)

// terminal returns w when it is a terminal, else nil.
func terminal(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		return f
	}
	return nil
}

// progressBar draws "Playing futures [█████░░░░░]  340 of 1,000" on one
// line of a terminal, redrawn in place, and erases it when done. Without a
// terminal it draws nothing.
type progressBar struct {
	w     io.Writer
	what  string
	total int
	shown int // the last count drawn, -1 for none
}

// progress starts a bar on the standard error, if it is a terminal.
func (e *env) progress(what string, total int) *progressBar {
	return &progressBar{w: e.tty, what: what, total: total, shown: -1}
}

const barWidth = 24

// set draws the count done, when the bar would look different.
func (p *progressBar) set(done int) {
	if p.w == nil || p.total <= 0 {
		return
	}
	cells := done * barWidth / p.total
	if p.shown >= 0 && cells == p.shown*barWidth/p.total && done*100/p.total == p.shown*100/p.total && done != p.total {
		return
	}
	p.shown = done
	fmt.Fprintf(p.w, "\r%s [%s%s] %s of %s", p.what, strings.Repeat("█", cells), strings.Repeat("░", barWidth-cells),
		thousands(done), thousands(p.total))
}

// done erases the bar.
func (p *progressBar) done() {
	if p.w != nil && p.shown >= 0 {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
