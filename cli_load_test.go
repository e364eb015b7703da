package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game/bot"
	"zerosum/saves"
	"zerosum/ui"
)

// loadFixture is a data directory with one autosave of a Beijing game at
// turn 2 and a named save "cut" whose file was cut short.
func loadFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st, err := saves.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	g, err := ui.NewSession(p, 7, "beijing", bot.Normal, nil)
	if err != nil {
		t.Fatal(err)
	}
	g.Match.Play(nil)
	sv := saves.FromMatch(g.Match, g.Player, nil, saves.Settings{}, "2026-11-28T10:41:00Z")
	if err := st.Autosave(sv); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSlot("cut", sv); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "saves", "cut.zsave")
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// zerosum load fails with exit status 1 and a message, naming the newest
// good autosave to load instead, for a save that is not there and for one
// that is corrupt; a good save starts the interface (not run here: it
// needs a terminal).
func TestLoadFailures(t *testing.T) {
	dir := loadFixture(t)
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"missing", []string{"--data-dir", dir, "load", "nosuch"},
			[]string{`cannot load nosuch: there is no save of that name`, "cut", "auto-000001", "The newest good autosave is auto-000001 (Beijing, H2 2025): zerosum load auto-000001"}},
		{"corrupt", []string{"--data-dir", dir, "load", "cut"},
			[]string{"cannot load cut:", "the save is incomplete", "The newest good autosave is auto-000001 (Beijing, H2 2025): zerosum load auto-000001"}},
		{"corrupt by path", []string{"--data-dir", dir, "load", filepath.Join(dir, "saves", "cut.zsave")},
			[]string{"the save is incomplete", "zerosum load auto-000001"}},
		{"not a save", []string{"--data-dir", dir, "load", "./cli_test.go"},
			[]string{"not a ZERO SUM save", "zerosum load auto-000001"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := cliRun(t, c.args...)
			if code != 1 {
				t.Fatalf("exit %d, want 1\nstdout %q\nstderr %q", code, out, errs)
			}
			for _, want := range c.want {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
			// The message names what it could not load once: never
			// "cannot load X: X: ...".
			arg := c.args[len(c.args)-1]
			if first, _, _ := strings.Cut(errs, "\n"); strings.Count(first, arg+": ") != 1 {
				t.Errorf("the message should name %s once: %q", arg, first)
			}
		})
	}
	// With no good autosave, nothing is offered.
	empty := t.TempDir()
	code, _, errs := cliRun(t, "--data-dir", empty, "load", "nosuch")
	if code != 1 || !strings.Contains(errs, `there is no save of that name`) || strings.Contains(errs, "newest good autosave") {
		t.Errorf("empty data directory: exit %d, %q", code, errs)
	}
	// ZEROSUM_HOME is the data directory when --data-dir is not given.
	t.Setenv("ZEROSUM_HOME", dir)
	if code, _, errs := cliRun(t, "load", "cut"); code != 1 || !strings.Contains(errs, "zerosum load auto-000001") {
		t.Errorf("ZEROSUM_HOME: exit %d, %q", code, errs)
	}
}
