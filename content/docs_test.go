package content

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"zerosum/game"
)

// TestDocsStateTheRules: docs/scenarios.md gives the value of some rules
// of race2025 (its table of rules, and notes such as "`flight_level` (6 in
// `race2025`)"); they must be the scenario's values.
func TestDocsStateTheRules(t *testing.T) {
	doc, err := os.ReadFile("../docs/scenarios.md")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load(DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]int{}
	for _, f := range p.Scenario.Rules.Fields() {
		values[f.Key] = *f.Ptr
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z_0-9]+)` \\| (\\d+) \\|")
	note := regexp.MustCompile("`([a-z_0-9]+)` \\((\\d+)[ )]")
	found := 0
	for _, re := range []*regexp.Regexp{row, note} {
		for _, m := range re.FindAllStringSubmatch(string(doc), -1) {
			v, ok := values[m[1]]
			if !ok {
				continue
			}
			found++
			if m[2] != fmt.Sprint(v) {
				t.Errorf("docs/scenarios.md says %s is %s in race2025; it is %d", m[1], m[2], v)
			}
		}
	}
	if found < 10 {
		t.Errorf("found only %d rule values in docs/scenarios.md; the test no longer reads its table", found)
	}
}

// TestSourcesNameTheGame: the tables of docs/sources.md say where each
// fact is in the game by naming actions and stats in italics; every name
// is one the default scenario has, so the page follows the content.
func TestSourcesNameTheGame(t *testing.T) {
	doc, err := os.ReadFile("../docs/sources.md")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load(DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	names := map[string]bool{}
	for _, a := range sc.Actions {
		names[a.Name] = true
	}
	for s := range game.NumStats {
		names[sc.StatName(s)] = true
	}
	for tr := range game.NumTracks {
		names[sc.TrackName(tr)] = true
	}
	italic := regexp.MustCompile(`\*([^*|]+)\*`)
	n := 0
	for _, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		for _, m := range italic.FindAllStringSubmatch(line, -1) {
			n++
			if !names[m[1]] {
				t.Errorf("docs/sources.md names %q, which is no action, stat or track of %s", m[1], sc.ID)
			}
		}
	}
	if n < 20 {
		t.Errorf("found only %d names in the tables of docs/sources.md; the test no longer reads them", n)
	}
}
