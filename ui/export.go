package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"zerosum/report"
	"zerosum/saves"
	"zerosum/text"
	"zerosum/untrusted"
)

// reportsDir is the folder of the data directory debrief reports go to.
const reportsDir = "reports"

// reportWrittenMsg answers exporting the debrief report.
type reportWrittenMsg struct {
	ioMsg
	session *Session
	path    string
	err     error
}

// exportReport writes the debrief report (report.Markdown: everything
// revealed, covert orders included) of the game in ctx to
// <data directory>/reports/<scenario>-seed<N>[-whatif]-<time>.md, never over
// an existing file, and says where; with saving off it says there is
// nowhere to write. The report is built here, from the match as it is now
// (quick once warmReport has played the typical game), and written in a
// command.
func (c *Context) exportReport() tea.Cmd {
	g := c.Game
	if g == nil {
		return nil
	}
	if g.Store == nil {
		c.Open(NewNotice(c, text.T("Saving is off"), text.F("%s, so the debrief report cannot be written. zerosum report makes one from a save or a replay.", savingOff())))
		return nil
	}
	// Names and titles in it come from files: no control character
	// reaches the Markdown file.
	data := []byte(untrusted.Text(report.Markdown(g.Pack, g.Match)))
	dir := filepath.Join(g.Store.Dir, reportsDir)
	name := replayName(g.Match, c.now())
	return c.io(func() tea.Msg {
		msg := reportWrittenMsg{session: g}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			msg.err = err
			return msg
		}
		path := filepath.Join(dir, name+".md")
		for i := 2; ; i++ {
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				break
			}
			path = filepath.Join(dir, fmt.Sprintf("%s-%d.md", name, i))
		}
		msg.path, msg.err = path, saves.WriteFile(path, data)
		return msg
	})
}

// warmReport starts working out, in the background, the part of the debrief
// report that takes time (the typical game of the scenario, 200 bot games
// played once per process), so that exporting the report later does not
// stall the screen. Screens that offer the export call it when they open.
func (c *Context) warmReport() {
	if g := c.Game; g != nil && g.Store != nil && g.Match != nil {
		go report.TypicalOf(g.Match.Scenario)
	}
}

// reportWritten reports where the debrief went, or why it could not.
func (c *Context) reportWritten(m reportWrittenMsg) {
	if m.err != nil {
		c.FlashError(text.F("⚠ The debrief report could not be written: %v", m.err))
		return
	}
	m.session.ReportPath = m.path
	c.Flash(text.F("Debrief report written to %s", m.path))
}
