package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"zerosum/game"
	"zerosum/game/sim"
)

const actorsOfRace = "washington, beijing, brussels, abudhabi, meta, nvidia, huawei, taipei"

// TestBrokenCustomScenarios loads single-file scenarios with deliberate
// mistakes and checks every problem is reported, exactly, with the file and
// line, and nothing else is.
func TestBrokenCustomScenarios(t *testing.T) {
	cases := map[string][]string{
		"wrong_type": {
			`6: turns: "six" is not a whole number`,
			`7: actors should be a list: [a, b], or one "- " line per item`,
			`9: stats.beijing.grievance: "high" is not a whole number`,
			`11: events.disable should be a list: [a, b], or one "- " line per item`,
		},
		"unknown_actor": {
			`6: actors: "bejing" is not an actor of race2025; did you mean "beijing"? (its actors are: ` + actorsOfRace + `)`,
			// Known but left out is not the same mistake as unknown.
			`6: actors: washington's objective "keep_lead" measures gap, but gap compares washington and beijing, and beijing is not in play in this scenario (actors: on line 6); give washington objectives of its own under objectives:`,
			`8: stats: "huwei" is not an actor of race2025; did you mean "huawei"? (its actors are: ` + actorsOfRace + `)`,
			`9: stats: nvidia is not in play in this scenario (actors: on line 6); add it there or leave this out`,
			`11: objectives: "brussles" is not an actor of race2025; did you mean "brussels"? (its actors are: ` + actorsOfRace + `)`,
		},
		"bad_range": {
			`6: turns is 0; it must be between 1 and 40`,
			`7: start half is 3; it must be between 1 and 2`,
			`9: tracks: tension is 12; it must be between 0 and 10`,
			`12: stats: beijing.grievance is 150; it must be between 0 and 100`,
			`12: stats: beijing.talent is -5; it must be between 0 and 100`,
			`14: swing: india.align is 200; it must be between -100 and 100`,
			`16: rules: grey_zone_level is 500; it must be between 0 and 100`,
		},
		"duplicate_id": {
			`6: actors: washington is listed twice (first on line 6)`,
			`16: events: add: event "drone_swarm" is defined twice (first on line 9)`,
			`23: events: add: "deepseek_shock" is already an event of race2025; give yours another id`,
			`33: objective "parity" is defined twice (first on line 32)`,
		},
		"syntax": {
			`4: YAML syntax: did not find expected ',' or ']'`,
		},
		"disable_missing": {
			`7: events: disable: "deepseek_shok" is not an event of race2025; did you mean "deepseek_shock"?`,
			`7: events: disable: "no_such_event" is not an event of race2025`,
			`7: events: disable: large_drills is listed twice (first on line 7)`,
		},
		"absent_objective": {
			`6: actors: washington's objective "keep_lead" measures gap, but gap compares washington and beijing, and beijing is not in play in this scenario (actors: on line 6); give washington objectives of its own under objectives:`,
			`13: objective beat_huawei: measure huawei.market: huawei is not in play in this scenario (actors: on line 6)`,
			`30: event beijing_retaliates: when "beijing.grievance >= 60": beijing is not in play in this scenario (actors: on line 6)`,
			`30: event beijing_retaliates: when "fired.smic_breakthrough >= 1": event smic_breakthrough is not in play: it reads huawei.yield, but huawei is not in play in this scenario (actors: on line 6)`,
			`32: event beijing_retaliates: change beijing.grievance: beijing is not in play in this scenario (actors: on line 6)`,
		},
		"news_rules": {
			`6: scenario.summary: {rule:grey_zone_lvl} names no rule; did you mean {rule:grey_zone_level}?`,
			`12: events.drills_again.teaching: {from} is only meaningful in an objective's name or desc`,
			`12: events.drills_again.teaching: {grievance} is not a placeholder (write {rule:<key>} with a rule's key, {crisis_score_pct}, or {from} and {to} in an objective)`,
			`13: event drills_again: decided_by: "bejing" is not an actor of the scenario; did you mean "beijing"? (the actors are: ` + actorsOfRace + `)`,
			`20: event controls_again: same_as: there is no action "tighten_controlz"; did you mean "tighten_controls"?`,
			`20: event controls_again: same_as: ease_controls is listed twice (first on line 20)`,
			`28: event talks_again: same_as names one happening, but the event has repeat: true; an event that can happen again cannot be the same as an action`,
			`31: event thaw_again can never happen in this scenario: it is decided by beijing (decided_by: beijing), who is in play and decides it by its own orders`,
		},
		"no_extends": {
			`1: extends: is missing; a single-file scenario starts with extends: and the id of the scenario it changes (race2025)`,
		},
		"bad_base": {
			`1: extends: there is no built-in scenario "race2052"; a scenario can extend race2025; did you mean "race2025"?`,
		},
		"chain": {
			`1: extends: flashpoint is itself a single-file scenario (it extends race2025); extend race2025 instead and copy the changes you want`,
		},
		"missing_text": {
			`1: id is missing; give the scenario an id of its own (lower-case letters, digits and _)`,
			`1: summary is missing`,
			`2: title is missing`,
			`4: tracks: "tensoin" is not a track; did you mean "tension"? (the tracks are: tension, controls, quotas, perceived_gap, diffusion, regulation, fragmentation, momentum)`,
			`6: rules: "grey_zone" is not a rule (the rules are listed in race2025/scenario.yaml)`,
			`8: swing: "inda" is not a swing state of race2025; did you mean "india"? (its swing states are: france, saudi, singapore, india, japan, malaysia, vietnam, canada)`,
			`9: unknown field "alignment" in swing.japan (known: align, sovereign)`,
			`11: stats: "charm" is not a stat (taipei has: chips, capital, influence, stability, market, security, shield)`,
			`11: stats: taipei has no grievance stat (it has: chips, capital, influence, stability, market, security, shield)`,
		},
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			file := "testdata/custom/broken/" + name + ".yaml"
			_, err := LoadPath(file)
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want Problems, got %v", err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			for i := range want {
				want[i] = file + ":" + want[i]
			}
			if !slices.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestBaseProblemsKeepTheirFileNames: problems in the base are reported
// in the base's own files, those of the single file in the single file,
// in one run.
func TestBaseProblemsKeepTheirFileNames(t *testing.T) {
	m := fstest.MapFS{}
	err := fs.WalkDir(embedded, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(embedded, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	swing := string(m["data/race2025/swing.yaml"].Data)
	i := strings.Index(swing, "tier: 2\n  weight: 5")
	if i < 0 {
		t.Fatal("india is not in swing.yaml as expected")
	}
	swing = swing[:i] + "tier: 3" + swing[i+len("tier: 2"):]
	line := strings.Count(swing[:i], "\n") + 1
	m["data/race2025/swing.yaml"] = &fstest.MapFile{Data: []byte(swing)}
	old := dataFS
	dataFS = m
	t.Cleanup(func() { dataFS = old })
	_, err = loadText(t, "extends: race2025\nid: t\ntitle: T\nsummary: S.\nturns: six\n")
	want := "mem/s.yaml:5: turns: \"six\" is not a whole number\n" +
		fmt.Sprintf("race2025/swing.yaml:%d: tier is 3; it must be between 1 and 2", line)
	if err == nil || err.Error() != want {
		t.Fatalf("got:\n%v\nwant:\n%s", err, want)
	}
}

// TestCustomScenarioPlays loads the worked example of docs/scenarios.md,
// checks each change took, that the actors left out are really gone, and
// plays whole all-bot games of it.
func TestCustomScenarioPlays(t *testing.T) {
	const file = "testdata/custom/example.yaml"
	p, err := LoadPath(file)
	if err != nil {
		t.Fatal(err)
	}
	base, err := Load("race2025")
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	var ids []string
	for _, a := range sc.Actors {
		ids = append(ids, a.ID)
	}
	if want := []string{"washington", "beijing", "brussels", "abudhabi", "nvidia"}; !slices.Equal(ids, want) {
		t.Fatalf("actors %v, want %v", ids, want)
	}
	ad, _ := sc.ActorIndex("abudhabi")
	cn, _ := sc.ActorIndex("beijing")
	india, _ := sc.SwingIndex("india")
	checks := []struct {
		what      string
		got, want any
	}{
		{"id", sc.ID, "middle_powers"},
		{"title", sc.Title, "Middle Powers, 2026–2029"},
		{"turns", sc.Turns, 8},
		{"first turn", sc.Date(1), "H1 2026"},
		{"crisis score", sc.CrisisScorePct, 20},
		{"quotas", sc.Start[game.TrackQuotas], 2},
		{"tension (kept)", sc.Start[game.TrackTension], base.Scenario.Start[game.TrackTension]},
		{"invested", sc.Actors[ad].Start[game.StatInvested], 40},
		{"grievance", sc.Actors[cn].Start[game.StatGrievance], 50},
		{"india", sc.Swing[india].Align, 0},
		{"rule", sc.Rules.QuotaHedge, 3},
		{"objectives", len(sc.Actors[ad].Objectives), 3},
		{"outcomes", len(sc.Outcomes), 4},
		{"summary", p.Summary != base.Summary, true},
		{"text of an added event", p.T("events.gulf_campus_opens.headline"), "A giant AI campus opens in Abu Dhabi"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
		}
	}
	for _, gone := range []string{"deepseek_shock", "paris_ai_summit", "smic_breakthrough", "llama_developer_boom"} {
		if _, ok := sc.EventIndex(gone); ok {
			t.Errorf("event %s is still in play", gone)
		}
	}
	if _, ok := sc.EventIndex("gulf_campus_opens"); !ok {
		t.Error("the added event is missing")
	}
	if _, ok := sc.ActionIndex("release_open_weights"); ok {
		t.Error("an action of Meta, who is not in play, is still there")
	}
	// Nothing refers to an actor that is gone: every reference is in range
	// and no effect or condition reads Meta, Huawei or Taipei.
	bad := func(r game.Ref) bool {
		switch r.Kind {
		case game.RefStat:
			return r.Actor >= len(sc.Actors)
		case game.RefDone, game.RefLast:
			return r.Index < 0 || r.Index >= len(sc.Actions)
		case game.RefFired:
			return r.Index < 0 || r.Index >= len(sc.Events)
		}
		return false
	}
	for _, a := range sc.Actions {
		for _, e := range slices.Concat(a.Effects, a.ExposedEffects) {
			if bad(e.Target) {
				t.Errorf("action %s: effect on %+v", a.ID, e.Target)
			}
		}
		for _, c := range a.Requires {
			if bad(c.Ref) {
				t.Errorf("action %s: condition on %+v", a.ID, c.Ref)
			}
		}
	}
	for _, e := range sc.Events {
		for _, ef := range e.Effects {
			if bad(ef.Target) {
				t.Errorf("event %s: effect on %+v", e.ID, ef.Target)
			}
		}
		for _, c := range e.When {
			if bad(c.Ref) {
				t.Errorf("event %s: condition on %+v", e.ID, c.Ref)
			}
		}
	}
	if len(p.Omitted) == 0 || !strings.HasPrefix(p.Omitted[0], "actors not in play: meta (10 actions), huawei (9 actions), taipei (9 actions)") {
		t.Errorf("omitted: %q", p.Omitted)
	}
	for seed := uint64(1); seed <= 20; seed++ {
		g := sim.Play(sc, seed, sim.SeatsFor(sc, seed, 1), sim.RecordHashes|sim.RecordReports)
		if !g.Final.Over || len(g.Hashes) == 0 {
			t.Fatalf("seed %d: the game did not finish", seed)
		}
		if g.Final.Crisis.Turn == 0 && g.Final.Turn != sc.Turns+1 && len(g.Hashes) != sc.Turns {
			t.Errorf("seed %d: %d turns played, want %d", seed, len(g.Hashes), sc.Turns)
		}
		for _, rep := range g.Reports {
			if len(rep.Refused) > 0 {
				t.Errorf("seed %d: a bot's order was refused: %s", seed, rep.Refused[0].Reason)
			}
		}
	}
}

// TestCustomContentHash: the hash covers the single file and its base, so
// a replay is checked against exactly the content it was played with.
func TestCustomContentHash(t *testing.T) {
	const file = "testdata/custom/example.yaml"
	a, err := LoadPath(file)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := Load("race2025")
	if a.Scenario.ContentHash == base.Scenario.ContentHash {
		t.Error("the custom scenario has its base's hash")
	}
	if !slices.Contains(a.Files, file) || !slices.Contains(a.Files, "race2025/scenario.yaml") || !slices.Contains(a.Files, "common/names.yaml") {
		t.Errorf("files: %v", a.Files)
	}
	// The same file elsewhere, under another name: the same hash.
	data, _ := os.ReadFile(file)
	moved := filepath.Join(t.TempDir(), "renamed.yaml")
	os.WriteFile(moved, data, 0o644)
	b, err := LoadPath(moved)
	if err != nil {
		t.Fatal(err)
	}
	if b.Scenario.ContentHash != a.Scenario.ContentHash {
		t.Error("moving the file changed the hash")
	}
	// A change of one character: another hash.
	os.WriteFile(moved, append(data, '\n'), 0o644)
	c, _ := LoadPath(moved)
	if c.Scenario.ContentHash == a.Scenario.ContentHash {
		t.Error("changing the file kept the hash")
	}
	// Another base: another hash.
	if extendedHash(data, "0000") == extendedHash(data, base.Scenario.ContentHash) {
		t.Error("the hash ignores the base")
	}
}

// loadText loads a single-file scenario from text.
func loadText(t *testing.T, text string) (*Pack, error) {
	t.Helper()
	m := fstest.MapFS{"s.yaml": {Data: []byte(text)}}
	return load(source{fsys: m, dir: ".", file: "s.yaml", label: "mem"}, "en")
}

// TestWhatStaysInPlay: counts of actions and events that are gone are
// always 0, so conditions on them are decided once; and taking one thing
// out takes out what depends on it.
func TestWhatStaysInPlay(t *testing.T) {
	p, err := loadText(t, `extends: race2025
id: t
title: T
summary: S.
events:
  disable: [ai_act_high_risk, ascend_guidance]
`)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	// "fired.ai_act_high_risk == 0" (from the event's same_as) always holds
	// with the event out of play: dropped, action kept.
	i, ok := sc.ActionIndex("high_risk_rules")
	if !ok {
		t.Fatal("high_risk_rules was taken out")
	}
	for _, c := range sc.Actions[i].Requires {
		if c.Ref.Kind == game.RefFired {
			t.Errorf("condition on a disabled event kept: %s", sc.FormatCondition(c))
		}
	}
	// "fired.ascend_guidance >= 1" can never hold: the event goes, and says why.
	if _, ok := sc.EventIndex("malaysia_drops_huawei"); ok {
		t.Error("malaysia_drops_huawei needs an event that is disabled, yet it is in play")
	}
	want := "event malaysia_drops_huawei: it needs fired.ascend_guidance >= 1, but event ascend_guidance is not in play: this file disables it (line 6)"
	if !slices.Contains(p.Omitted, want) {
		t.Errorf("omitted: %q", p.Omitted)
	}
	// Every actor stays; so do the other events: the file takes out
	// ascend_guidance, and malaysia_drops_huawei goes with it
	// (ai_act_high_risk is Brussels' own decision, out of play anyway).
	base, err := Load("race2025")
	if err != nil {
		t.Fatal(err)
	}
	if want := len(base.Scenario.Events) - 2; len(sc.Actors) != 8 || len(sc.Events) != want {
		t.Errorf("%d actors, %d events; want 8 and %d", len(sc.Actors), len(sc.Events), want)
	}

	// A shorter game takes out what needs a later turn.
	p, err = loadText(t, "extends: race2025\nid: t\ntitle: T\nsummary: S.\nturns: 2\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.Scenario.EventIndex("ai_act_high_risk"); ok {
		t.Error("an event for turn 4 or later is in play in a 2-turn game")
	}
	if !slices.Contains(p.Omitted, "event delhi_ai_summit: it needs turn == 3 (H1 2026), but the scenario runs from H1 2025 to H2 2025 (2 turns)") {
		t.Errorf("omitted: %q", p.Omitted)
	}
}

// TestCustomEventCanNeverHappen: an added event that cannot fire is a
// problem, not a silent no-op.
func TestCustomEventCanNeverHappen(t *testing.T) {
	_, err := loadText(t, `extends: race2025
id: t
title: T
summary: S.
turns: 4
events:
  add:
    - id: late
      headline: Too late
      body: B.
      teaching: T.
      weight: 3
      when: ["turn >= 6"]
      effects: [{change: tension, by: 1}]
`)
	want := "mem/s.yaml:8: event late can never happen in this scenario: it needs turn >= 6 (H2 2027), but the scenario runs from H1 2025 to H2 2026 (4 turns)"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}

// TestScenarioFormats: Load takes a path as well as an id; a folder whose
// scenario.yaml extends a base loads as a single-file scenario; a folder
// with a full scenario still loads as before.
func TestScenarioFormats(t *testing.T) {
	p, err := Load("testdata/custom/example.yaml")
	if err != nil || p.Scenario.ID != "middle_powers" {
		t.Fatalf("Load(path): %v", err)
	}
	dir := t.TempDir()
	data, _ := os.ReadFile("testdata/custom/example.yaml")
	os.WriteFile(filepath.Join(dir, "scenario.yaml"), data, 0o644)
	for _, path := range []string{dir, filepath.Join(dir, "scenario.yaml")} {
		if p, err := LoadPath(path); err != nil || p.Scenario.ID != "middle_powers" {
			t.Errorf("LoadPath(%s): %v", path, err)
		}
	}
	if !IsPath("my.yaml") || !IsPath("a/b") || IsPath("race2025") {
		t.Error("IsPath")
	}
	if _, err := Load("no/such/file.yaml"); err == nil || !strings.Contains(err.Error(), "cannot open scenario") {
		t.Errorf("missing file: %v", err)
	}
}

// TestEmbeddedScenarioIDs: each embedded scenario's id is its folder's
// name (replays and saves name a scenario by id).
func TestEmbeddedScenarioIDs(t *testing.T) {
	for _, id := range ScenarioIDs() {
		p, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Scenario.ID != id {
			t.Errorf("data/%s holds scenario %q", id, p.Scenario.ID)
		}
	}
	if !slices.Equal(Bases(), []string{"race2025"}) {
		t.Errorf("bases: %v", Bases())
	}
}

// TestWorkedExampleIsInTheDocs: docs/scenarios.md shows the example file
// exactly, so the documented example always validates.
func TestWorkedExampleIsInTheDocs(t *testing.T) {
	doc, err := os.ReadFile("../docs/scenarios.md")
	if err != nil {
		t.Fatal(err)
	}
	example, _ := os.ReadFile("testdata/custom/example.yaml")
	if !strings.Contains(string(doc), "```yaml\n"+string(example)+"```\n") {
		t.Error("docs/scenarios.md does not show testdata/custom/example.yaml as it is; copy the file into the worked example")
	}
}

// TestMovedStartKeepsDates: a scenario that starts later than its base
// keeps the base's news at its dates: what came before the start never
// comes, triggers dated before it belong to the starting world, and the
// base's later dates move to the matching turns; the file's own turns count
// from its own start.
func TestMovedStartKeepsDates(t *testing.T) {
	p, err := loadText(t, `extends: race2025
id: t
title: T
summary: S.
start: {year: 2026, half: 1}
turns: 8
events:
  add:
    - id: own
      headline: Own news
      body: B.
      teaching: T.
      weight: 5
      when: ["turn == 1"]
      effects: [{change: tension, by: 1}]
`)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	for _, want := range []string{
		"event deepseek_shock: it needs turn == -1 (H1 2025), but the scenario runs from H1 2026 to H2 2029 (8 turns)",
		"event ai_act_gpai: it is dated H2 2025, before this scenario starts: it belongs to the world the scenario starts from",
	} {
		if !slices.Contains(p.Omitted, want) {
			t.Errorf("omitted lacks %q: %q", want, p.Omitted)
		}
	}
	// Brussels' high-risk rules are dated from the second half of 2026: turn 2 here.
	ai, _ := sc.ActionIndex("high_risk_rules")
	found := false
	for _, c := range sc.Actions[ai].Requires {
		if c.Ref.Kind == game.RefTurn {
			found = true
			if got := sc.FormatCondition(c); got != "turn >= 2" {
				t.Errorf("high_risk_rules requires %s, want turn >= 2 (H2 2026)", got)
			}
		}
	}
	if !found {
		t.Error("high_risk_rules lost its date")
	}
	ei, ok := sc.EventIndex("own")
	if !ok || sc.FormatCondition(sc.Events[ei].When[0]) != "turn == 1" {
		t.Error("the file's own turn condition was moved")
	}
	// Where the start does not move, nothing does.
	base, _ := Load(DefaultScenario)
	if i, ok := base.Scenario.EventIndex("deepseek_shock"); !ok || sc.Date(1) != "H1 2026" || base.Scenario.Date(1) != "H1 2025" {
		t.Errorf("deepseek_shock in the default scenario: %v", i)
	}
}
