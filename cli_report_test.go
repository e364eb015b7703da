package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/saves"
)

// TestReportBrief: report --brief prints the one-page handout of a replay,
// and the full report still has its zero-sum section.
func TestReportBrief(t *testing.T) {
	code, out, errs := cliRun(t, "report", "--brief", "report/testdata/seed539.replay.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(out, "\n"); n > 70 || !strings.HasPrefix(out, "# Debrief in brief: ") || !strings.Contains(out, "## Was it zero-sum?") {
		t.Errorf("report --brief (%d lines):\n%s", n, out)
	}
	if strings.Contains(out, "## Turn by turn") {
		t.Error("the brief has the turn-by-turn section")
	}
	code, out, errs = cliRun(t, "report", "report/testdata/seed539.replay.json")
	if code != 0 || !strings.Contains(out, "## Was it zero-sum?") || !strings.Contains(out, "## Turn by turn") {
		t.Errorf("report: exit %d: %s", code, errs)
	}
}

// TestReportBranches: a save's other lines in the data directory (the main
// line a what-if branch left) appear side by side; an earlier autosave of
// this same line does not, nor a game of another seed.
func TestReportBranches(t *testing.T) {
	p, err := content.Load("flashpoint")
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	seats, err := match.ParseSeats(sc, "washington=human:Ana", slices.Repeat([]bot.Bot{{Personality: bot.Hedger, Difficulty: bot.Normal}}, len(sc.Actors)))
	if err != nil {
		t.Fatal(err)
	}
	main, err := match.New(sc, 21, seats)
	if err != nil {
		t.Fatal(err)
	}
	// On the main line Ana gives the orders a hawk would; on the branch,
	// none at all.
	hawk := bot.Bot{Personality: bot.Hawk, Difficulty: bot.Normal}
	for range 4 {
		v := sc.View(main.State(), 0, false)
		if _, err := main.Play(map[int][]game.Order{0: hawk.Choose(sc, &v, 0)}); err != nil {
			t.Fatal(err)
		}
	}
	branch, err := main.Rewind(3)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := branch.Play(nil); err != nil {
			t.Fatal(err)
		}
	}
	early, _ := main.Rewind(2)
	early.Branch = ""
	other, _ := match.New(sc, 22, seats)

	dir := t.TempDir()
	st, err := saves.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	const at = "2026-12-03T12:00:00Z"
	for name, m := range map[string]*match.Match{"main line": main, "early": early, "other seed": other, "the branch": branch} {
		if err := st.SaveSlot(name, saves.FromMatch(m, 0, nil, saves.Settings{}, at)); err != nil {
			t.Fatal(err)
		}
	}
	for _, brief := range []bool{false, true} {
		args := []string{"--data-dir", dir, "report", "the branch"}
		if brief {
			args = append(args, "--brief")
		}
		code, out, errs := cliRun(t, args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		_, sec, ok := strings.Cut(out, "## What-if branches")
		if !ok {
			t.Fatalf("brief %v: no branches section:\n%s", brief, out)
		}
		sec, _, _ = strings.Cut(sec, "\n## ")
		for _, want := range []string{"| this report | what-if from H1 2026 |", "| main line | main line | 4 |"} {
			if !strings.Contains(sec, want) {
				t.Errorf("brief %v: branches lack %q:\n%s", brief, want, sec)
			}
		}
		for _, bad := range []string{"| early |", "| other seed |"} {
			if strings.Contains(sec, bad) {
				t.Errorf("brief %v: branches list %q:\n%s", brief, bad, sec)
			}
		}
	}
	// A replay has no lines, and a report never creates a data directory.
	missing := filepath.Join(t.TempDir(), "none")
	if code, out, _ := cliRun(t, "--data-dir", missing, "report", "report/testdata/flashpoint4.replay.json"); code != 0 || strings.Contains(out, "## What-if branches") {
		t.Errorf("report of a replay: exit %d", code)
	}
}
