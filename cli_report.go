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
)

type reportCmd struct {
	Path     string `arg:"" help:"A save file (.zsave), a replay (.replay.json), or the name of a save in the data directory (auto-000012, last-good)."`
	Output   string `short:"o" help:"Write the report to this file instead of printing it." type:"path"`
	Scenario string `help:"The scenario folder, for a game of a custom scenario (default: the embedded scenario the file names)." type:"path"`
}

func (c reportCmd) Run(e *env) error {
	p, m, err := c.load(e)
	if err != nil {
		return failf("%v", err)
	}
	md := report.Markdown(p, m)
	if c.Output == "" {
		_, err := fmt.Fprint(e.stdout, md)
		return err
	}
	if err := saves.WriteFile(c.Output, []byte(md)); err != nil {
		return failf("%v", err)
	}
	fmt.Fprintf(e.stdout, "Wrote the debrief of %s, seed %d (%d turns played), to %s\n", p.Scenario.Title, m.Seed, len(m.Turns), c.Output)
	return nil
}

// load rebuilds the match a save or replay records, checking every turn's
// state hash on the way.
func (c reportCmd) load(e *env) (*content.Pack, *match.Match, error) {
	data, err := os.ReadFile(c.Path)
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(c.Path, `/\`) {
		// Not a file here: a save's name in the data directory.
		st, serr := e.store()
		if serr != nil {
			return nil, nil, fmt.Errorf("there is no file %s, and no data directory to look for a save of that name: %v", c.Path, serr)
		}
		entry, lerr := st.Load(c.Path)
		if lerr != nil {
			return nil, nil, fmt.Errorf("there is no file %s, and %v", c.Path, lerr)
		}
		return c.fromSave(entry.Path, entry.Save)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %v", c.Path, err)
	}
	if bytes.HasPrefix(data, []byte(saves.SaveMagic)) {
		s, err := saves.DecodeSave(data)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", c.Path, err)
		}
		return c.fromSave(c.Path, s)
	}
	r, err := saves.DecodeReplay(data)
	if errors.Is(err, saves.ErrNotReplay) {
		return nil, nil, fmt.Errorf("%s is neither a ZERO SUM save nor a replay", c.Path)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", c.Path, err)
	}
	p, err := c.pack(content.Source(r.Scenario, r.Source))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", c.Path, err)
	}
	m, err := r.Restore(p.Scenario)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", c.Path, err)
	}
	return p, m, nil
}

func (c reportCmd) fromSave(path string, s *saves.Save) (*content.Pack, *match.Match, error) {
	p, err := c.pack(content.Source(s.Scenario, s.Source))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	m, _, _, err := s.Restore(p.Scenario)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	return p, m, nil
}

// pack loads the scenario a file names, or the one --scenario gives.
func (c reportCmd) pack(id string) (*content.Pack, error) {
	if c.Scenario != "" {
		return loadScenario(c.Scenario)
	}
	p, err := content.Load(id)
	if err != nil {
		return nil, fmt.Errorf("%v (for a game of a custom scenario, give its file with --scenario)", err)
	}
	return p, nil
}
