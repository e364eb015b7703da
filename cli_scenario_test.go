package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidateSingleFile: a single-file scenario validates by path; a
// broken one prints each problem as file:line and exits 1.
func TestValidateSingleFile(t *testing.T) {
	code, out, errs := cliRun(t, "validate", "content/testdata/custom/example.yaml")
	if code != 0 || !strings.Contains(out, "content/testdata/custom/example.yaml: ok, 5 actors, ") {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
	code, out, _ = cliRun(t, "validate", "-v", "content/testdata/custom/example.yaml")
	if code != 0 || !strings.Contains(out, "actors not in play: meta (10 actions), huawei (9 actions), taipei (9 actions)") {
		t.Fatalf("-v: exit %d:\n%s", code, out)
	}
	code, out, _ = cliRun(t, "validate", "content/testdata/custom/broken/bad_range.yaml")
	if code != 1 || !strings.Contains(out, "content/testdata/custom/broken/bad_range.yaml:9: tracks: tension is 12; it must be between 0 and 10\n") ||
		!strings.Contains(out, "bad_range.yaml: 7 problems") {
		t.Fatalf("broken: exit %d\n%s", code, out)
	}
	code, out, _ = cliRun(t, "validate")
	if code != 0 || !strings.Contains(out, "flashpoint: ok, 4 actors, ") {
		t.Fatalf("embedded: exit %d\n%s", code, out)
	}
	_, out, _ = cliRun(t, "scenarios")
	if !strings.Contains(out, "flashpoint") || !strings.Contains(out, "6 turns from H1 2025; actors: washington, beijing, nvidia, taipei") {
		t.Errorf("scenarios: %q", out)
	}
}

// TestCustomScenarioReplays: all-bot games of a scenario file write
// replays that verify against the same file, and only with it.
func TestCustomScenarioReplays(t *testing.T) {
	dir := t.TempDir()
	const file = "content/testdata/custom/example.yaml"
	code, out, errs := cliRun(t, "sim", "--scenario", file, "--games", "2", "--seed", "3", "--replay-dir", dir)
	if code != 0 || !strings.Contains(out, "Middle Powers") {
		t.Fatalf("sim: exit %d\n%s%s", code, out, errs)
	}
	replay := filepath.Join(dir, "middle_powers-seed3.replay.json")
	code, out, errs = cliRun(t, "replay", "--verify", "--scenario", file, replay)
	if code != 0 || !strings.Contains(out, "ok, ") {
		t.Fatalf("verify: exit %d\n%s%s", code, out, errs)
	}
	// The replay carries the scenario's text, so it verifies without the
	// file, even when the path it names leads nowhere (another machine)...
	data, _ := os.ReadFile(replay)
	moved := filepath.Join(dir, "moved.replay.json")
	abs, _ := filepath.Abs(file)
	os.WriteFile(moved, []byte(strings.Replace(string(data), abs, "/nowhere/example.yaml", 1)), 0o644)
	for _, path := range []string{replay, moved} {
		code, out, errs = cliRun(t, "replay", "--verify", path)
		if code != 0 || !strings.Contains(out, "ok, ") {
			t.Fatalf("without --scenario: exit %d\n%s%s", code, out, errs)
		}
	}
	// ...and a replay from before scenarios were carried says what to do
	// when the file it names has moved.
	var old map[string]any
	json.Unmarshal(data, &old)
	delete(old, "scenario_files")
	old["version"], old["source"] = 1, "/nowhere/example.yaml"
	oldData, _ := json.Marshal(old)
	os.WriteFile(moved, oldData, 0o644)
	code, _, errs = cliRun(t, "replay", "--verify", moved)
	if code != 1 || !strings.Contains(errs, "--scenario PATH") {
		t.Fatalf("moved file: exit %d, %q", code, errs)
	}
	// Another scenario's file: the content hash differs and says so.
	code, _, errs = cliRun(t, "replay", "--verify", "--scenario", "content/testdata/custom/broken/../../../data/flashpoint/scenario.yaml", replay)
	if code != 1 || !strings.Contains(errs, "middle_powers") {
		t.Fatalf("wrong file: exit %d, %q", code, errs)
	}
}
