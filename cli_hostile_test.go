package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/saves"
)

// The tests in this file drive the real commands with hostile files and
// odd set-ups: nothing may hang, read without end, overwrite, or print a
// control character, and every refusal says why.

const exampleScenario = "content/testdata/custom/example.yaml"

// newMatch starts a match of a scenario (an id or a path) with seats as
// --seats gives them (normal bots by default).
func newMatch(t *testing.T, scenario, seats string, seed uint64) (*content.Pack, *match.Match) {
	t.Helper()
	p, err := content.Load(scenario)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := match.ParseSeats(p.Scenario, seats, slices.Repeat([]bot.Bot{{Personality: bot.Hedger, Difficulty: bot.Normal}}, len(p.Scenario.Actors)))
	if err != nil {
		t.Fatal(err)
	}
	m, err := match.New(p.Scenario, seed, ss)
	if err != nil {
		t.Fatal(err)
	}
	return p, m
}

// customSave is a save, two turns in, of a game of a scenario file in
// which Washington plays.
func customSave(t *testing.T, file string) *saves.Save {
	t.Helper()
	_, m := newMatch(t, file, "washington=human:Ana,all=bot", 11)
	m.Play(nil)
	m.Play(nil)
	return saves.FromMatch(m, 0, nil, saves.Settings{}, "2026-12-01T10:00:00Z")
}

// writeSave encodes a save to a file.
func writeSave(t *testing.T, path string, sv *saves.Save) string {
	t.Helper()
	data, err := sv.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// oneReplay plays one all-bot game of a scenario and returns its replay's
// path.
func oneReplay(t *testing.T, scenario string) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, errs := cliRun(t, "sim", "--scenario", scenario, "--games", "1", "--seed", "5", "--replay-dir", dir); code != 0 {
		t.Fatalf("sim: exit %d: %s", code, errs)
	}
	replays, _ := filepath.Glob(filepath.Join(dir, "*.replay.json"))
	if len(replays) != 1 {
		t.Fatalf("sim wrote %v", replays)
	}
	return replays[0]
}

// oldReplay rewrites a replay as one from before scenarios were carried
// (version 1: only the source path), with source set to path.
func oldReplay(t *testing.T, replay, path string) string {
	t.Helper()
	data, _ := os.ReadFile(replay)
	var r map[string]any
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	delete(r, "scenario_files")
	r["version"], r["source"] = 1, path
	out, _ := json.Marshal(r)
	file := filepath.Join(t.TempDir(), "old.replay.json")
	os.WriteFile(file, out, 0o644)
	return file
}

// hostileTargets are what a path in a file or on the command line may name
// instead of a regular file, each with the words the refusal uses.
func hostileTargets(t *testing.T) map[string]string {
	t.Helper()
	targets := map[string]string{"/dev/zero": "a device"}
	if fifo := filepath.Join(t.TempDir(), "pipe.yaml"); mkfifo(fifo) == nil {
		targets[fifo] = "a named pipe"
	}
	return targets
}

// TestHostileSourcesAreNeverFollowed: a save or replay whose source names
// a device, a named pipe or a folder is refused by every command that
// reads it, at once and with a reason; a file that is itself one of those
// is refused by all five file commands; and a save or replay of a
// scenario file carries the scenario, so it works where the file is not
// (another machine) and never reads what its source names.
func TestHostileSourcesAreNeverFollowed(t *testing.T) {
	replay := oneReplay(t, exampleScenario)
	dataDir := t.TempDir()
	for target, words := range hostileTargets(t) {
		old := oldReplay(t, replay, target)
		sv := customSave(t, exampleScenario)
		sv.ScenarioFiles, sv.Source = nil, target
		save := writeSave(t, filepath.Join(t.TempDir(), "old.zsave"), sv)
		for _, args := range [][]string{
			{"report", old}, {"replay", "--verify", old}, {"replay", old},
			{"report", save}, {"--data-dir", dataDir, "load", save},
			// The file named on the command line is itself hostile.
			{"report", target}, {"replay", target}, {"--data-dir", dataDir, "load", target},
			{"validate", target}, {"play", "--scenario", target},
		} {
			code, out, errs := cliRun(t, args...)
			if code != 1 || !strings.Contains(out+errs, words) {
				t.Errorf("%v: exit %d, %q; want exit 1 naming %s", args, code, out+errs, words)
			}
		}
		// The scenario is carried: what source names is never read.
		sv.ScenarioFiles = customSave(t, exampleScenario).ScenarioFiles
		carried := writeSave(t, filepath.Join(t.TempDir(), "carried.zsave"), sv)
		if code, out, errs := cliRun(t, "report", carried); code != 0 || !strings.Contains(out, "Middle Powers") {
			t.Errorf("a save carrying its scenario, source %s: exit %d, %s", target, code, errs)
		}
	}
	// A folder where a save or replay should be.
	for _, args := range [][]string{{"report", dataDir}, {"replay", dataDir}, {"--data-dir", dataDir, "load", dataDir}} {
		if code, _, errs := cliRun(t, args...); code != 1 || !strings.Contains(errs, "a folder") {
			t.Errorf("%v: exit %d, %q; want exit 1 naming a folder", args, code, errs)
		}
	}
}

// TestReportOutputIsNeverClobbered: report -o writes a new file; it
// replaces an existing regular file only with --force, and never the save
// or replay it reads, a link, a device or a folder.
func TestReportOutputIsNeverClobbered(t *testing.T) {
	dir := t.TempDir()
	save := writeSave(t, filepath.Join(dir, "s.zsave"), customSave(t, exampleScenario))
	original, _ := os.ReadFile(save)
	existing := filepath.Join(dir, "old.md")
	os.WriteFile(existing, []byte("keep me"), 0o644)
	link := filepath.Join(dir, "link.md")
	os.Symlink(existing, link)
	saveLink := filepath.Join(dir, "save-link.md")
	os.Symlink(save, saveLink)
	st, err := saves.Open(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSlot("period 3", customSave(t, exampleScenario)); err != nil {
		t.Fatal(err)
	}
	slot := filepath.Join(st.Dir, "saves", "period 3.zsave")
	slotData, _ := os.ReadFile(slot)
	cases := []struct {
		name string
		args []string
		want string // in stderr; "" for success
	}{
		{"new file", []string{"report", save, "-o", filepath.Join(dir, "new.md")}, ""},
		{"existing file", []string{"report", save, "-o", existing}, "--force"},
		{"its own input", []string{"report", save, "-o", save}, "made from"},
		{"its own input, forced", []string{"report", save, "-o", save, "--force"}, "made from"},
		{"a link to its input, forced", []string{"report", save, "-o", saveLink, "--force"}, "made from"},
		{"a save by name, forced", []string{"--data-dir", st.Dir, "report", "period 3", "-o", slot, "--force"}, "made from"},
		{"a symbolic link, forced", []string{"report", save, "-o", link, "--force"}, "symbolic link"},
		{"a device, forced", []string{"report", save, "-o", os.DevNull, "--force"}, "a device"},
		{"a folder, forced", []string{"report", save, "-o", dir, "--force"}, "a folder"},
	}
	for _, c := range cases {
		code, _, errs := cliRun(t, c.args...)
		switch {
		case c.want == "" && code != 0:
			t.Errorf("%s: exit %d: %s", c.name, code, errs)
		case c.want != "" && (code != 1 || !strings.Contains(errs, c.want)):
			t.Errorf("%s: exit %d, %q; want a refusal mentioning %q", c.name, code, errs, c.want)
		}
	}
	for path, want := range map[string]string{save: string(original), existing: "keep me", slot: string(slotData)} {
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("%s was changed", path)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced")
	}
	if code, _, errs := cliRun(t, "report", save, "-o", existing, "--force"); code != 0 {
		t.Fatalf("--force on a regular file: exit %d: %s", code, errs)
	}
	if got, _ := os.ReadFile(existing); !strings.HasPrefix(string(got), "# Debrief") {
		t.Errorf("--force did not replace the file: %.40q", got)
	}
}

// evilText holds what a hostile title or name may: a sequence that sets
// the terminal's title (OSC ... BEL), one that clears the screen (CSI 2 J)
// and a C1 control; evilYAML is the same as a YAML string (YAML allows no
// raw control characters, but its escapes make them).
const (
	evilText = "Evil \x1b]0;owned\x07\x1b[2J\u009b31m Powers"
	evilYAML = `"Evil \e]0;owned\a\e[2J\u009b31m Powers"`
)

// TestNoControlCharactersReachTheTerminal: titles, seat names, branch
// names and file names holding escape sequences reach neither the terminal
// nor a Markdown file raw, from any command; the text around them stays.
func TestNoControlCharactersReachTheTerminal(t *testing.T) {
	dir := t.TempDir()
	text, _ := os.ReadFile(exampleScenario)
	scenario := filepath.Join(dir, "evil\x1b[2J.yaml")
	os.WriteFile(scenario, []byte(strings.Replace(string(text), "title: Middle Powers, 2026–2029", "title: "+evilYAML, 1)), 0o644)
	replay := oneReplay(t, scenario)
	sv := customSave(t, scenario)
	sv.Seats[0].Name, sv.Branch, sv.Preview.Actor = evilText, evilText, evilText
	save := writeSave(t, filepath.Join(dir, "evil.zsave"), sv)
	st, err := saves.Open(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Autosave(sv); err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "debrief.md")
	var all strings.Builder
	for _, args := range [][]string{
		{"validate", scenario}, {"validate", "-v", scenario},
		{"sim", "--scenario", scenario, "--games", "2"}, {"sim", "--scenario", scenario, "--games", "1", "--detail"},
		{"replay", replay}, {"replay", "--verify", replay},
		{"report", replay}, {"report", save}, {"report", save, "-o", md},
		{"--data-dir", st.Dir, "load", "nosuch"},
	} {
		code, out, errs := cliRun(t, args...)
		if shown := out + errs; !strings.Contains(shown, "Evil") && !strings.Contains(shown, "evil") && !strings.Contains(shown, "ok, ") {
			t.Errorf("%v: exit %d: the text around the escapes is gone:\n%s%s", args, code, out, errs)
		}
		all.WriteString(out + errs)
	}
	written, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	all.Write(written)
	if !strings.Contains(all.String(), "newest good autosave") {
		t.Error("load printed no hint, so its names went untested")
	}
	for _, c := range []string{"\x1b", "\x07", "\u009b"} {
		if i := strings.Index(all.String(), c); i >= 0 {
			t.Errorf("%q reached the output: ...%q...", c, all.String()[max(i-40, 0):min(i+40, all.Len())])
		}
	}
}

// TestScenarioLimits: a scenario file over the size limit, a text over the
// length limit and a file with thousands of problems each give a short,
// clear answer from validate: at most content.ListedProblems problems
// listed, and a count of all.
func TestScenarioLimits(t *testing.T) {
	dir := t.TempDir()
	text, _ := os.ReadFile(exampleScenario)
	write := func(name, s string) string {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(s), 0o644)
		return path
	}
	huge := write("huge.yaml", string(text)+"# "+strings.Repeat("x", content.MaxFileBytes)+"\n")
	long := write("long.yaml", strings.Replace(string(text), "title: Middle Powers, 2026–2029", "title: "+strings.Repeat("x", 5000), 1))
	var keys strings.Builder
	for i := range 5000 {
		keys.WriteString("unknown_" + strings.Repeat("k", i%7) + "_" + string(rune('a'+i%26)) + "_" + strconv.Itoa(i) + ": 1\n")
	}
	many := write("many.yaml", string(text)+keys.String())
	cases := []struct {
		path string
		want []string
	}{
		{huge, []string{"larger than the 1 MB"}},
		{long, []string{"has 5000 characters; a text may have at most 4000"}},
		{many, []string{"... and 4950 more (5000 problems in all)", "many.yaml: 5000 problems"}},
	}
	for _, c := range cases {
		code, out, _ := cliRun(t, "validate", c.path)
		if code != 1 {
			t.Errorf("%s: exit %d", c.path, code)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the output lacks %q:\n%.2000s", filepath.Base(c.path), w, out)
			}
		}
		if lines := strings.Count(out, "\n"); lines > content.ListedProblems+3 {
			t.Errorf("%s: %d lines of output; at most %d problems should be listed", filepath.Base(c.path), lines, content.ListedProblems)
		}
	}
}

// TestReplayWithInjectedNews: a replay of a game in which a facilitator
// injected news verifies, reports and replays as the same game, with the
// same outcome.
func TestReplayWithInjectedNews(t *testing.T) {
	p, m := newMatch(t, content.DefaultScenario, "all=bot", 6)
	sc := p.Scenario
	news, _ := sc.ParseInjection("news:Cable cut off Matsu|tension=+2;taipei.security=-2")
	ev, _ := sc.ParseInjection("event:incident_at_sea")
	m.PlayWith(nil, []game.Injection{news})
	m.PlayWith(nil, []game.Injection{ev})
	for !m.Over() {
		m.Play(nil)
	}
	outcome := sc.Outcomes[sc.OutcomeIndex(m.State())].Name
	var b strings.Builder
	saves.MatchReplay(m).Encode(&b)
	path := filepath.Join(t.TempDir(), "news.replay.json")
	os.WriteFile(path, []byte(b.String()), 0o644)

	if code, out, errs := cliRun(t, "replay", "--verify", path); code != 0 || !strings.Contains(out, m.State().Hash().Short()) {
		t.Fatalf("verify: exit %d: %s%s", code, out, errs)
	}
	code, out, errs := cliRun(t, "replay", path)
	if code != 0 || !strings.Contains(out, "Outcome: "+outcome+"\n") || !strings.Contains(out, "Cable cut off Matsu") {
		t.Errorf("replay: exit %d, want outcome %q and the injected news:\n%s%s", code, outcome, out, errs)
	}
	code, out, errs = cliRun(t, "report", path)
	if code != 0 || !strings.Contains(out, outcome) {
		t.Errorf("report: exit %d, want outcome %q: %s", code, outcome, errs)
	}
}

// TestPathsThatAreNotUTF8: file and folder names are bytes to the system:
// a scenario file, a save and a data directory whose names are not UTF-8
// are found under those exact bytes (no U+FFFD, no second folder).
func TestPathsThatAreNotUTF8(t *testing.T) {
	dir := t.TempDir()
	text, _ := os.ReadFile(exampleScenario)
	scenario := filepath.Join(dir, "caf\xe9.yaml") // Latin-1
	os.WriteFile(scenario, text, 0o644)
	if code, out, errs := cliRun(t, "validate", scenario); code != 0 || !strings.Contains(out, "ok, ") {
		t.Errorf("validate: exit %d: %s%s", code, out, errs)
	}
	save := writeSave(t, filepath.Join(dir, "s\xff.zsave"), customSave(t, exampleScenario))
	if code, _, errs := cliRun(t, "report", save); code != 0 {
		t.Errorf("report: exit %d: %s", code, errs)
	}
	data := filepath.Join(dir, "d\xffx")
	st, err := saves.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSlot("period 3", customSave(t, exampleScenario)); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := cliRun(t, "--data-dir", data, "report", "period 3"); code != 0 {
		t.Errorf("--data-dir: exit %d: %s", code, errs)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "\ufffd") {
			t.Errorf("a folder %q was made in place of the one named", e.Name())
		}
	}
}
