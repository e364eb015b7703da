package content

import (
	"errors"
	"strings"
	"testing"
)

// TestBrokenScenarioReportsEveryProblem loads a scenario with many
// deliberate mistakes and checks each is reported with its file, its line
// and a plain explanation, and nothing else is.
func TestBrokenScenarioReportsEveryProblem(t *testing.T) {
	_, err := LoadPath("testdata/broken")
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want Problems, got %v", err)
	}
	want := []string{
		`testdata/broken/actors/prc.yaml:26: action drills: expose and exposed apply only to covert actions`,
		`testdata/broken/actors/prc.yaml:29: action drills: prc has no talent stat`,
		`testdata/broken/actors/prc.yaml:39: action secret_push: a covert action cannot raise self.grievance: everyone sees who pushes the Strait`,
		`testdata/broken/actors/usa.yaml:7: ap: "two" is not a whole number`,
		`testdata/broken/actors/usa.yaml:9: stats: "charisma" is not a stat`,
		`testdata/broken/actors/usa.yaml:11: objective weights add up to 90; they must add up to 100`,
		`testdata/broken/actors/usa.yaml:32: unknown field "wieght" in actions[1]`,
		`testdata/broken/actors/usa.yaml:36: action squeeze: "bejing" is not an actor or swing state`,
		`testdata/broken/actors/usa.yaml:43: action court: condition "target.align >> 0": ">>" is not a comparison`,
		`testdata/broken/actors/usa.yaml:45: action court: "target.align" uses target, but only an action with targets: swing has one`,
		`testdata/broken/events/news.yaml:8: event "shock" is defined twice (first in testdata/broken/events/news.yaml:1)`,
		`testdata/broken/events/news.yaml:8: event shock: a trigger with no when: would fire on the first turn`,
		`testdata/broken/events/news.yaml:8: events.shock.teaching links glossary term [[no_such_term]], which is not defined`,
		`testdata/broken/events/news.yaml:20: event leak: reveal: drills is not covert; there is nothing to reveal`,
		`testdata/broken/events/news.yaml:22: events.ruled.headline: {rule:grey_zone_levle} names no rule; did you mean {rule:grey_zone_level}?`,
		`testdata/broken/events/news.yaml:27: event ruled: same_as: there is no action "no_such_action"`,
		`testdata/broken/events/syntax.yaml:6: YAML syntax: did not find expected ',' or '}'`,
		`testdata/broken/scenario.yaml:6: turns is 50; it must be between 1 and 40`,
		`testdata/broken/scenario.yaml:7: start half is 3; it must be between 1 and 2`,
		`testdata/broken/scenario.yaml:10: actor "ghost" is listed but there is no file actors/ghost.yaml`,
		`testdata/broken/scenario.yaml:20: tracks: "tensoin" is not a track; did you mean "tension"?`,
		`testdata/broken/swing.yaml:11: tier is 3; it must be between 1 and 2`,
		`testdata/broken/swing.yaml:13: align is 150; it must be between -100 and 100`,
	}
	if len(ps) != len(want) {
		t.Errorf("got %d problems, want %d:\n%v", len(ps), len(want), ps)
	}
	for i, w := range want {
		if i >= len(ps) {
			break
		}
		if got := ps[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("problem %d:\n got  %s\n want %s...", i+1, got, w)
		}
	}
}

// TestMissingScenarioFile: a folder without scenario.yaml is one clear
// problem, not a crash.
func TestMissingScenarioFile(t *testing.T) {
	_, err := LoadPath(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "scenario.yaml: cannot read the file") {
		t.Fatalf("got %v", err)
	}
}

// TestUnknownScenarioSuggests names the scenarios and the closest one.
func TestUnknownScenarioSuggests(t *testing.T) {
	_, err := Load("race2052")
	if err == nil || !strings.Contains(err.Error(), `did you mean "race2025"`) {
		t.Fatalf("got %v", err)
	}
}
