package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"zerosum/content"
	"zerosum/game/match"
	"zerosum/report"
	"zerosum/saves"
	"zerosum/text"
	"zerosum/untrusted"
)

type reportCmd struct {
	Path     string `arg:"" help:"A save file (.zsave), a replay (.replay.json), or the name of a save in the data directory (auto-000012, last-good)."`
	Output   string `short:"o" help:"Write the report to this new file instead of printing it." type:"path"`
	Force    bool   `help:"With -o, replace the file if it exists (only a regular file, never the save or replay read)."`
	Scenario string `help:"The scenario folder, for a game of a custom scenario (default: the embedded scenario the file names)." type:"path"`
	Brief    bool   `help:"Write the one-page class handout (about 60 lines, at most 70 of at most 100 characters): the outcome, who won and why, the turning points, 'Was it zero-sum?' and the questions."`
}

func (c reportCmd) Run(e *env) error {
	if c.Output != "" {
		// Checked before the work, and again against the input once it is
		// known (a save's name resolves to a file in the data directory).
		if err := checkOutput(c.Output, c.Path, c.Force); err != nil {
			return failf("%v", err)
		}
	}
	p, m, in, err := c.load(e)
	if err != nil {
		return failf("%v", err)
	}
	md := report.Write(p, m, report.Options{Brief: c.Brief, Lines: c.lines(e, p, m, in)})
	if c.Output == "" {
		_, err := fmt.Fprint(e.stdout, md)
		return err
	}
	if err := checkOutput(c.Output, in, c.Force); err != nil {
		return failf("%v", err)
	}
	write := saves.WriteNew
	if c.Force {
		write = saves.WriteFile
	}
	if err := write(c.Output, []byte(untrusted.Text(md))); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return failf("%s", text.F("%s was created while the report was made; nothing was written (give --force to replace it)", c.Output))
		}
		return failf("%v", err)
	}
	if c.Brief {
		fmt.Fprintln(e.stdout, text.F("Wrote the brief debrief of %s, seed %d (%d turns played), to %s", p.Scenario.Title, m.Seed, len(m.Turns), c.Output))
	} else {
		fmt.Fprintln(e.stdout, text.F("Wrote the debrief of %s, seed %d (%d turns played), to %s", p.Scenario.Title, m.Seed, len(m.Turns), c.Output))
	}
	return nil
}

// checkOutput refuses a report's target unless it is new, or with force
// a regular file; never the file the report is made from, whatever the
// flags (report s.zsave -o s.zsave would turn the save into Markdown).
func checkOutput(out, in string, force bool) error {
	fi, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return errors.New(text.F("cannot write the report to %s: %v", out, err))
	}
	if inFi, ierr := os.Stat(in); ierr == nil {
		if outFi, oerr := os.Stat(out); oerr == nil && os.SameFile(inFi, outFi) {
			return errors.New(text.F("-o %s names the file the report is made from; give another file", out))
		}
	}
	if !fi.Mode().IsRegular() {
		return errors.New(text.F("-o %s is %s; a report is written only to a regular file", out, untrusted.KindText(fi.Mode())))
	}
	if !force {
		return errors.New(text.F("%s exists; give --force to replace it, or another file", out))
	}
	return nil
}

// load rebuilds the match a save or replay records, checking every turn's
// state hash on the way; in is the file it was read from.
func (c reportCmd) load(e *env) (p *content.Pack, m *match.Match, in string, err error) {
	data, err := saves.ReadFile(c.Path)
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(c.Path, `/\`) {
		// Not a file here: a save's name in the data directory.
		st, serr := e.store()
		if serr != nil {
			return nil, nil, "", errors.New(text.F("there is no file %s, and no data directory to look for a save of that name: %v", c.Path, serr))
		}
		entry, lerr := st.Load(c.Path)
		if lerr != nil {
			return nil, nil, "", errors.New(text.F("there is no file %s, and %v", c.Path, lerr))
		}
		p, m, err = c.fromSave(entry.Path, entry.Save)
		return p, m, entry.Path, err
	}
	if err != nil {
		return nil, nil, "", errors.New(text.F("cannot read %s: %s", c.Path, because(c.Path, err)))
	}
	if bytes.HasPrefix(data, []byte(saves.SaveMagic)) {
		s, err := saves.DecodeSave(data)
		if err != nil {
			return nil, nil, "", fmt.Errorf("%s: %v", c.Path, err)
		}
		p, m, err = c.fromSave(c.Path, s)
		return p, m, c.Path, err
	}
	r, err := saves.DecodeReplay(data)
	if errors.Is(err, saves.ErrNotReplay) {
		return nil, nil, "", errors.New(text.F("%s is neither a ZERO SUM save nor a replay", c.Path))
	}
	if err != nil {
		return nil, nil, "", fmt.Errorf("%s: %v", c.Path, err)
	}
	if p, err = c.pack(r.Scenario, r.Source, r.ScenarioFiles); err != nil {
		return nil, nil, "", fmt.Errorf("%s: %v", c.Path, err)
	}
	if m, err = r.Restore(p.Scenario); err != nil {
		return nil, nil, "", fmt.Errorf("%s: %v", c.Path, err)
	}
	return p, m, c.Path, nil
}

func (c reportCmd) fromSave(path string, s *saves.Save) (*content.Pack, *match.Match, error) {
	p, err := c.pack(s.Scenario, s.Source, s.ScenarioFiles)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	m, _, _, err := s.Restore(p.Scenario)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	return p, m, nil
}

// pack loads the scenario a file records, or the one --scenario gives.
func (c reportCmd) pack(id, source string, files map[string]string) (*content.Pack, error) {
	if c.Scenario != "" {
		return loadScenario(c.Scenario)
	}
	return recordedScenario(id, source, files)
}

// recordedScenario loads the scenario a save or replay records (see
// content.LoadRecorded), saying how to give it when it cannot be found.
func recordedScenario(id, source string, files map[string]string) (*content.Pack, error) {
	p, err := content.LoadRecorded(id, source, files)
	if err != nil && len(files) == 0 {
		return nil, errors.New(text.F("%v (for a game of a custom scenario, give its file with --scenario PATH)", err))
	}
	return p, err
}

// lines finds the other lines of a saved game, for the report to set side
// by side: the saves in the data directory (if it exists: a report never
// creates it) of the same scenario, content, seed and seats that part
// from this game's line at some turn, what-if branches and the main line
// a branch left. A line that another one continues (an earlier autosave of
// it) is left out. A replay has no lines: its game is not in the data
// directory.
func (c reportCmd) lines(e *env, p *content.Pack, m *match.Match, in string) []report.Line {
	if data, err := saves.ReadFile(in); err != nil || !bytes.HasPrefix(data, []byte(saves.SaveMagic)) {
		return nil
	}
	dir := e.dataDir
	if dir == "" {
		d, err := saves.DefaultDir()
		if err != nil {
			return nil
		}
		dir = d
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil
	}
	st, err := saves.Open(dir)
	if err != nil {
		return nil
	}
	inFi, _ := os.Stat(in)
	type cand struct {
		name string
		m    *match.Match
	}
	var cands []cand
	for _, entry := range st.List() {
		sv := entry.Save
		if entry.Err != nil || sv == nil || sv.Scenario != p.Scenario.ID || sv.Content != p.Scenario.ContentHash || sv.Seed != m.Seed || len(sv.Seats) != len(m.Seats) {
			continue
		}
		if fi, err := os.Stat(entry.Path); err == nil && inFi != nil && os.SameFile(fi, inFi) {
			continue
		}
		om, _, _, err := sv.Restore(p.Scenario)
		if err != nil || !sameSeats(om, m) || !diverge(om, m) {
			continue
		}
		cands = append(cands, cand{entry.Name, om})
	}
	var out []report.Line
	for i, x := range cands {
		continued := false
		for j, y := range cands {
			if i != j && prefixOf(x.m, y.m) && (len(x.m.Turns) < len(y.m.Turns) || j < i) {
				continued = true
				break
			}
		}
		if !continued {
			out = append(out, report.Line{Save: x.name, Match: x.m})
		}
	}
	return out
}

// sameSeats reports whether two matches have the same seats.
func sameSeats(a, b *match.Match) bool {
	for i := range a.Seats {
		if a.Seats[i] != b.Seats[i] {
			return false
		}
	}
	return true
}

// prefixOf reports whether line a's turns are the first turns of line b.
func prefixOf(a, b *match.Match) bool {
	if len(a.Turns) > len(b.Turns) {
		return false
	}
	for i := range a.Turns {
		if a.Turns[i].Hash != b.Turns[i].Hash {
			return false
		}
	}
	return true
}

// diverge reports whether two lines of a game part at some turn: neither
// continues the other.
func diverge(a, b *match.Match) bool { return !prefixOf(a, b) && !prefixOf(b, a) }
