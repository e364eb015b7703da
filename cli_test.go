package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/report"
	"zerosum/saves"
)

// cliRun runs the command line in-process.
func cliRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSimJSON(t *testing.T) {
	code, out, errs := cliRun(t, "sim", "--games", "30", "--seed", "7", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		Games     int                        `json:"games"`
		Seed      uint64                     `json:"seed"`
		Scenario  string                     `json:"scenario"`
		Endings   map[string]int             `json:"endings"`
		Actors    map[string]json.RawMessage `json:"actors"`
		TurnsMean float64                    `json:"turns_mean"`
		Digest    string                     `json:"digest"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Errorf("--json should print one line")
	}
	if v.Games != 30 || v.Seed != 7 || v.Scenario != "race2025" || len(v.Digest) != 64 || v.TurnsMean <= 0 {
		t.Errorf("unexpected summary: %+v", v)
	}
	total := 0
	for _, n := range v.Endings {
		total += n
	}
	if total != 30 {
		t.Errorf("endings add up to %d, want 30", total)
	}
	if len(v.Actors) != 8 {
		t.Errorf("%d actors in the summary", len(v.Actors))
	}
	for id, raw := range v.Actors {
		var a struct {
			Wins      *int     `json:"wins"`
			MeanScore *float64 `json:"mean_score"`
		}
		if err := json.Unmarshal(raw, &a); err != nil || a.Wins == nil || a.MeanScore == nil {
			t.Errorf("actor %s lacks wins or mean_score: %s", id, raw)
		}
	}
	// Byte for byte the same on a second run, whatever the number of workers.
	_, again, _ := cliRun(t, "sim", "--games", "30", "--seed", "7", "--json", "--workers", "1")
	if again != out {
		t.Errorf("two runs differ:\n%s\n%s", out, again)
	}
	_, other, _ := cliRun(t, "sim", "--games", "30", "--seed", "8", "--json")
	if other == out {
		t.Error("a different seed gave the same result")
	}
}

func TestSimTableAndReplays(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := cliRun(t, "sim", "--games", "3", "--replay-dir", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Washington", "win rate", "World outcomes", "digest"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.replay.json"))
	if len(files) != 3 {
		t.Fatalf("%d replays written, want 3", len(files))
	}
	code, out, errs = cliRun(t, "replay", "--verify", files[0])
	if code != 0 || !strings.Contains(out, "turns verified") {
		t.Fatalf("verify: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = cliRun(t, "replay", files[0])
	if code != 0 || !strings.Contains(out, "H1 2025") || !strings.Contains(out, "Outcome:") {
		t.Fatalf("replay: exit %d\n%s", code, out)
	}
}

func TestReplayVerifyFailsAtTheTamperedTurn(t *testing.T) {
	dir := t.TempDir()
	cliRun(t, "sim", "--games", "1", "--seed", "11", "--replay-dir", dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.replay.json"))
	data, _ := os.ReadFile(files[0])
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if strings.Contains(l, `{"turn":4,`) {
			j := strings.Index(l, `"hash":"`) + len(`"hash":"`)
			lines[i] = l[:j] + "ffff" + l[j+4:]
		}
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o644)
	code, _, errs := cliRun(t, "replay", "--verify", bad)
	if code != 1 || !strings.Contains(errs, "turn 4") {
		t.Fatalf("exit %d, stderr %q: want 1 and a mention of turn 4", code, errs)
	}
	// A truncated file.
	os.WriteFile(bad, data[:len(data)/3], 0o644)
	code, _, errs = cliRun(t, "replay", "--verify", bad)
	if code != 1 || !strings.Contains(errs, "incomplete") {
		t.Fatalf("truncated: exit %d, %q", code, errs)
	}
	// A replay from another content version says which.
	os.WriteFile(bad, bytes.Replace(data, []byte(`"content": "`), []byte(`"content": "0000`), 1), 0o644)
	code, _, errs = cliRun(t, "replay", "--verify", bad)
	if code != 1 || !strings.Contains(errs, "content version 0000") {
		t.Fatalf("other content: exit %d, %q", code, errs)
	}
}

func TestValidate(t *testing.T) {
	code, out, _ := cliRun(t, "validate")
	if code != 0 || !strings.Contains(out, "race2025: ok, 8 actors, ") || !strings.Contains(out, "glossary terms") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	code, out, _ = cliRun(t, "validate", "content/testdata/broken")
	if code != 1 || !strings.Contains(out, "content/testdata/broken/actors/usa.yaml:7:") {
		t.Fatalf("broken: exit %d\n%s", code, out)
	}
}

func TestBadInputIsAClearError(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"sim", "--games", "abc"}, 2, "--games"},
		{[]string{"sim", "--scenario", "race2052"}, 1, `did you mean "race2025"`},
		{[]string{"sim", "--games", "0"}, 1, "between 1 and"},
		{[]string{"replay", "/no/such/file"}, 1, "cannot read"},
		{[]string{"fly"}, 2, "unexpected argument"},
		{[]string{"play", "--actor", "bejing"}, 1, `did you mean "beijing"`},
	}
	for _, c := range cases {
		code, _, errs := cliRun(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, cmd := range []string{"sim", "replay", "report", "forecast", "validate", "scenarios", "version", "play"} {
		code, out, errs := cliRun(t, cmd, "--help")
		if code != 0 || !strings.Contains(out, "Usage: zerosum "+cmd) {
			t.Errorf("%s --help: exit %d\n%s%s", cmd, code, out, errs)
		}
	}
	_, out, _ := cliRun(t, "version")
	if !strings.HasPrefix(out, "zerosum ") {
		t.Errorf("version: %q", out)
	}
	_, out, _ = cliRun(t, "scenarios")
	if !strings.Contains(out, "race2025") || !strings.Contains(out, "12 turns") {
		t.Errorf("scenarios: %q", out)
	}
}

// TestReportOfAReplay: `zerosum report` of a replay prints the debrief (the
// same bytes as the golden report of that game), and with -o writes it to a
// file whole, leaving no temporary file behind.
func TestReportOfAReplay(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := cliRun(t, "sim", "--games", "1", "--seed", "539", "--replay-dir", dir); code != 0 {
		t.Fatalf("sim: exit %d: %s", code, errs)
	}
	replay := filepath.Join(dir, "race2025-seed539.replay.json")
	code, out, errs := cliRun(t, "report", replay)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden, err := os.ReadFile("report/testdata/seed539.md")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(golden) {
		t.Errorf("the report of seed 539 differs from report/testdata/seed539.md (regenerate it with go test ./report -update)")
	}

	file := filepath.Join(dir, "debrief.md")
	os.WriteFile(file, []byte("an older report"), 0o644)
	code, msg, errs := cliRun(t, "report", replay, "-o", file, "--force")
	if code != 0 || !strings.Contains(msg, file) {
		t.Fatalf("-o: exit %d, stdout %q, stderr %q", code, msg, errs)
	}
	written, _ := os.ReadFile(file)
	if string(written) != out {
		t.Errorf("-o wrote %d bytes, stdout had %d", len(written), len(out))
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("the report file: %v, %v", fi.Mode(), err)
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(tmps) > 0 {
		t.Errorf("temporary files left behind: %v", tmps)
	}
}

// TestReportOfASave: a save file, and a save named in the data directory,
// give the report of a game in progress.
func TestReportOfASave(t *testing.T) {
	p, m := newMatch(t, content.DefaultScenario, "washington=human:Ana,all=bot", 31)
	for range 3 {
		if _, err := m.Play(map[int][]game.Order{0: {{Actor: "washington", Action: "back_channel"}}}); err != nil {
			t.Fatal(err)
		}
	}
	sv := saves.FromMatch(m, 0, nil, saves.Settings{}, "2025-01-01T00:00:00Z")
	data, err := sv.Encode()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "class.zsave")
	os.WriteFile(path, data, 0o644)

	code, out, errs := cliRun(t, "report", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"# Debrief: The Race", "| Ana (human) |", "**Game in progress.**", "3 of 12 turns played", "## Scores so far", "## Questions for discussion"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report of a save lacks %q", want)
		}
	}
	if got := report.Markdown(p, m); got != out {
		t.Error("the report of the save differs from the report of the match it was saved from")
	}

	// By name, from the data directory.
	st, err := saves.Open(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSlot("period 3", sv); err != nil {
		t.Fatal(err)
	}
	code, byName, errs := cliRun(t, "--data-dir", st.Dir, "report", "period 3")
	if code != 0 || byName != out {
		t.Fatalf("by name: exit %d, stderr %q", code, errs)
	}
	out2 := filepath.Join(dir, "period3.md")
	if code, _, errs := cliRun(t, "--data-dir", st.Dir, "report", "period 3", "-o", out2); code != 0 {
		t.Fatalf("by name with -o: exit %d: %s", code, errs)
	}
	if written, _ := os.ReadFile(out2); string(written) != out {
		t.Error("-o wrote something else")
	}
}

func TestReportBadInput(t *testing.T) {
	dir := t.TempDir()
	cliRun(t, "sim", "--games", "1", "--seed", "11", "--replay-dir", dir)
	replay := filepath.Join(dir, "race2025-seed11.replay.json")
	data, _ := os.ReadFile(replay)

	garbage := filepath.Join(dir, "notes.txt")
	os.WriteFile(garbage, []byte("shopping list: eggs\n"), 0o644)
	truncated := filepath.Join(dir, "short.replay.json")
	os.WriteFile(truncated, data[:len(data)/2], 0o644)
	tampered := filepath.Join(dir, "tampered.replay.json")
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if strings.Contains(l, `{"turn":4,`) {
			j := strings.Index(l, `"hash":"`) + len(`"hash":"`)
			lines[i] = l[:j] + "0000" + l[j+4:]
		}
	}
	os.WriteFile(tampered, []byte(strings.Join(lines, "\n")), 0o644)
	badSave := filepath.Join(dir, "bad.zsave")
	os.WriteFile(badSave, []byte("zerosum-save 2 content=x sha256=00\n{}\n"), 0o644)

	cases := []struct {
		args []string
		want string
	}{
		{[]string{"report", filepath.Join(dir, "missing.replay.json")}, "cannot read"},
		{[]string{"--data-dir", dir, "report", "nosuchsave"}, `there is no file nosuchsave, and there is no save "nosuchsave"`},
		{[]string{"report", garbage}, "neither a ZERO SUM save nor a replay"},
		{[]string{"report", truncated}, "incomplete"},
		{[]string{"report", tampered}, "turn 4"},
		{[]string{"report", badSave}, "damaged"},
		{[]string{"report", replay, "-o", filepath.Join(dir, "no", "such", "dir", "r.md")}, "cannot write"},
	}
	for _, c := range cases {
		code, out, errs := cliRun(t, c.args...)
		if code != 1 || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %d bytes, stderr %q; want exit 1 and %q", c.args, code, len(out), errs, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Error("a failed -o created folders")
	}
}

// Without a command the title screen runs, and it takes the global flags and
// its own: a bad --theme is refused by the title command's own check rather
// than reported as an unknown flag. (A good one would open the interface.)
func TestNoCommandTakesFlags(t *testing.T) {
	code, _, errs := cliRun(t, "--data-dir", t.TempDir(), "--theme", "neon")
	if code != 2 {
		t.Fatalf("exit %d, want 2: %s", code, errs)
	}
	if !strings.Contains(errs, "--theme") || !strings.Contains(errs, "must be one of") {
		t.Errorf("error %q does not explain the theme choices", errs)
	}
}
