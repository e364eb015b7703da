package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"

	"zerosum/content"
	"zerosum/saves"
	"zerosum/text"
)

// forecastOut is what the README promises of forecast --json.
type forecastOut struct {
	Futures    int                `json:"futures"`
	Turn       int                `json:"turn"`
	Seat       string             `json:"seat"`
	Seed       uint64             `json:"seed"`
	Endings    map[string]float64 `json:"endings"`
	Crisis     float64            `json:"crisis"`
	CrisisTurn int                `json:"crisis_turn"`
	Actors     map[string]struct {
		Win           *float64 `json:"win"`
		P10, P50, P90 *int
	} `json:"actors"`
}

// TestForecastJSON: zerosum forecast of a replay, through the real
// command: the fields, probabilities that add up, the same bytes twice,
// a different seed giving different futures, and --turn.
func TestForecastJSON(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := cliRun(t, "sim", "--games", "1", "--seed", "8", "--scenario", "flashpoint", "--replay-dir", dir); code != 0 {
		t.Fatalf("sim: exit %d: %s", code, errs)
	}
	path := filepath.Join(dir, "flashpoint-seed8.replay.json")
	args := []string{"forecast", path, "--turn", "2", "--futures", "60", "--json"}
	code, out, errs := cliRun(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var f forecastOut
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if f.Futures != 60 || f.Turn != 2 || f.Seat != "public" || f.Seed == 0 {
		t.Fatalf("futures %d turn %d seat %q seed %d", f.Futures, f.Turn, f.Seat, f.Seed)
	}
	p, _ := content.Load("flashpoint")
	sum := 0.0
	for _, o := range p.Scenario.Outcomes {
		v, ok := f.Endings[o.ID]
		if !ok {
			t.Errorf("no ending %s", o.ID)
		}
		sum += v
	}
	if math.Abs(sum-1) > 1e-9 || len(f.Endings) != len(p.Scenario.Outcomes) {
		t.Errorf("endings add up to %v: %v", sum, f.Endings)
	}
	if f.Crisis != f.Endings["strait_crisis"] && f.Endings["strait_crisis"] != 0 {
		t.Errorf("crisis %v, the crisis ending %v", f.Crisis, f.Endings["strait_crisis"])
	}
	if len(f.Actors) != len(p.Scenario.Actors) {
		t.Fatalf("%d actors", len(f.Actors))
	}
	wins := 0.0
	for id, a := range f.Actors {
		if a.Win == nil || a.P10 == nil || a.P50 == nil || a.P90 == nil {
			t.Fatalf("%s: a field is missing: %s", id, out)
		}
		if !(*a.P10 <= *a.P50 && *a.P50 <= *a.P90) || *a.Win < 0 || *a.Win > 1 {
			t.Errorf("%s: %+v", id, a)
		}
		wins += *a.Win
	}
	if wins < 1-f.Crisis-1e-9 {
		t.Errorf("the chances to win add up to %v with a crisis in %v", wins, f.Crisis)
	}
	if _, again, _ := cliRun(t, args...); again != out {
		t.Error("the same command printed another forecast")
	}
	if _, other, _ := cliRun(t, append(args, "--seed", "99")...); other == out {
		t.Error("--seed changed nothing")
	}
	_, seat, _ := cliRun(t, append(args, "--seat", "taipei")...)
	if !strings.Contains(seat, `"seat": "taipei"`) {
		t.Errorf("--seat: %s", seat)
	}
	// The table says what the margin means.
	code, table, errs := cliRun(t, "forecast", path, "--turn", "1", "--futures", "40")
	if code != 0 || !strings.Contains(table, "40 futures played") || !strings.Contains(table, "19 times in 20") {
		t.Errorf("exit %d: %s%s", code, table, errs)
	}
}

// TestForecastOfASave: a save forecasts from the turn it was saved at,
// from the seat asked for.
func TestForecastOfASave(t *testing.T) {
	_, m := newMatch(t, "flashpoint", "washington=human:Ana,all=bot", 31)
	if _, err := m.Play(nil); err != nil {
		t.Fatal(err)
	}
	sv := saves.FromMatch(m, 0, nil, saves.Settings{}, "2025-01-01T00:00:00Z")
	data, err := sv.Encode()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.zsave")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cliRun(t, "forecast", path, "--futures", "30", "--json", "--seat", "washington")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"turn": 2`) || !strings.Contains(out, `"futures": 30`) || !strings.Contains(out, `"seat": "washington"`) {
		t.Errorf("the forecast of a save at turn 2: %s", out)
	}
}

func TestForecastBadInput(t *testing.T) {
	dir := t.TempDir()
	cliRun(t, "sim", "--games", "1", "--seed", "8", "--scenario", "flashpoint", "--replay-dir", dir)
	path := filepath.Join(dir, "flashpoint-seed8.replay.json")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"forecast", path}, "is over; give --turn N"},
		{[]string{"forecast", path, "--turn", "99"}, "records the start of turns 1 to"},
		{[]string{"forecast", path, "--turn", "1", "--futures", "0"}, "--futures must be between 1 and"},
		{[]string{"forecast", path, "--turn", "1", "--seat", "nobody"}, `no actor "nobody"`},
		{[]string{"forecast", filepath.Join(dir, "missing.zsave")}, "no such file"},
	} {
		code, _, errs := cliRun(t, c.args...)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, errs, c.want)
		}
	}
}

// TestForecastTableAsTabwriter: the forecast's table is laid out as
// text/tabwriter lays out ASCII (so the English output is what it was),
// left- and right-aligned.
func TestForecastTableAsTabwriter(t *testing.T) {
	rows := [][]string{{"Actor", "Wins", "Score: low (p10)", "Median rank"}, {"Washington", "40%", "13", "1"},
		{"Abu Dhabi", "4%", "0", "7"}, {"Meta", "100%", "111", "12"}}
	for _, flags := range []uint{0, tabwriter.AlignRight} {
		var want, got bytes.Buffer
		tw := tabwriter.NewWriter(&want, 0, 4, 2, ' ', flags)
		for _, r := range rows {
			fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
		}
		tw.Flush()
		got.WriteString(columns(rows, flags == tabwriter.AlignRight))
		if got.String() != want.String() {
			t.Errorf("flags %d: the table is\n%s\nwant\n%s", flags, got.String(), want.String())
		}
	}
}

// TestForecastInChinese: with --lang zh the forecast of a save from a
// seat is written in Chinese, what it reads through estimates included
// (the engine gives them as codes), and its tables line up in terminal
// cells (a Chinese character takes two).
func TestForecastInChinese(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	_, m := newMatch(t, "race2025", "washington=human:Ana,all=bot", 31)
	if _, err := m.Play(nil); err != nil {
		t.Fatal(err)
	}
	sv := saves.FromMatch(m, 0, nil, saves.Settings{}, "2025-01-01T00:00:00Z")
	data, err := sv.Encode()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.zsave")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cliRun(t, "--lang", "zh", "forecast", path, "--futures", "30", "--seat", "washington")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"2025年下半年", "感知差距（代替真实差距）", "个百分点"} {
		if !strings.Contains(out, want) {
			t.Errorf("the forecast in Chinese lacks %q:\n%s", want, out)
		}
	}
	for _, english := range []string{"futures played", "Built on what", "World outcome", "Median rank", "19 times in 20"} {
		if strings.Contains(out, english) {
			t.Errorf("the forecast in Chinese still says %q:\n%s", english, out)
		}
	}
	// The actors' table: every row as wide as its heading, in cells.
	lines := strings.Split(out, "\n")
	head := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, text.T("Median rank")) })
	if head < 0 {
		t.Fatalf("no actors' table:\n%s", out)
	}
	for _, l := range lines[head+1 : head+1+len(m.Scenario.Actors)] {
		if text.Width(l) != text.Width(lines[head]) {
			t.Errorf("the row %q is %d cells wide, its heading %d:\n%s", l, text.Width(l), text.Width(lines[head]), out)
		}
	}
}
