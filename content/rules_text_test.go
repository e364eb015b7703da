package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"zerosum/game"
)

// Text that states a rule's number must take it from the rule, with a
// placeholder such as {rule:grey_zone_level}, so that it stays true when
// the rule changes (see placeholders.go). These tests look for numbers
// written out in the text next to words that say a rule is meant; numbers
// that are facts (years, sums of money, dates, the source's figures) are
// allowed by pattern or by the list below.

// ruleWords, near a number, say that the number is one of the game's rules
// rather than a fact about the world.
var ruleWords = regexp.MustCompile(`(?i)grievance|tension|behind|\bpoints?\b|\blevels?\b|\bturns?\b|quota|hedg|\bcalm|flee|flight|drift|floor|threshold|%|per ?cent|score|\bsteps?\b|\bgap\b|or (less|more|below|above|fewer)|at (least|most)|\bstrait\b`)

// numberRe finds a number standing on its own (not inside a name such as
// H100, 910C or G42), with a per cent sign if it has one.
var numberRe = regexp.MustCompile(`(^|[^\w.{:/-])(\d+(?:[.,]\d+)*)(%?)`)

// factPatterns are numbers that are facts wherever they appear: years,
// days of a month, sums of money, quantities with units, the source's
// causal links and the tiers of the diffusion rule.
var factPatterns = []*regexp.Regexp{
	regexp.MustCompile(`^(19|20)\d\d$`),
	regexp.MustCompile(`(?i)(january|february|march|april|may|june|july|august|september|october|november|december) $`),
	regexp.MustCompile(`(USD|EUR|CAD|SGD) $`),
	regexp.MustCompile(`(?i)links? $|links? [\d, ]+(and )?$|\(links? [\d, ]+(and )?$`),
	regexp.MustCompile(`(?i)tier[ -]$|\(tier $`),
	regexp.MustCompile(`(?i)magnitude $`),
}

// factUnits follow a number that is a quantity in the world, not a rule.
var factUnits = regexp.MustCompile(`^ ?(bn|m\b|million|billion|GW|nm|H100|\[\[h100|-equivalents|entities|kinds|close allies|advanced chips|Ascend|monthly|people|users|m monthly|metres|km)`)

// factsByKey lists the numbers that are facts in particular texts although
// they sit next to a word such as "%" or "level": figures from the source
// and public reporting. Each is checked to appear in its text, so the list
// cannot silently go stale.
var factsByKey = map[string][]string{
	"actions.smic_yield_campaign.basis":   {"20%", "40%"},
	"actions.yield_push.basis":            {"20%", "40%"},
	"actions.enforce_ai_act.desc":         {"7%"},
	"glossary.ai_act.def":                 {"7%"},
	"glossary.ascend_910c.def":            {"60%", "20%", "40%"},
	"glossary.chip_yield.def":             {"20%", "40%"},
	"events.ai_act_gpai.teaching":         {"7%"},
	"events.ascend_yields_climb.teaching": {"20%", "40%"},
	"events.h20_reversal.teaching":        {"15%"},
	"actions.license_h20_for_share.basis": {"15%"},
	"glossary.h20.def":                    {"15%"},
	"actions.china_compliant_chip.basis":  {"15%"},
	// The top of the tension track is a constant of the engine, checked
	// against game.TrackTension.Max() in TestRuleNumbersComeFromRules.
	"tracks.tension.desc": {"0", "10"},
}

// restated lists the numbers in one text that look like rules written out
// instead of taken from them, each with the words around it.
func restated(key, text string, facts []string) []string {
	if strings.HasPrefix(key, "objectives.") && strings.HasSuffix(key, ".desc") {
		// Every number in an objective's description is one of its
		// thresholds: all must be {from} and {to}.
		var out []string
		for _, m := range numberRe.FindAllStringSubmatchIndex(text, -1) {
			if !inName(text, m[5]) {
				out = append(out, around(text, m[4], m[5]))
			}
		}
		return out
	}
	var out []string
	for _, m := range numberRe.FindAllStringSubmatchIndex(text, -1) {
		if inName(text, m[5]) {
			continue
		}
		num := text[m[4]:m[5]] + text[m[6]:m[7]]
		before, after := text[:m[4]], text[m[7]:]
		if slices.Contains(facts, num) || isFact(text[m[4]:m[5]], before, after) {
			continue
		}
		if ruleWords.MatchString(clause(text, m[4], m[7])) {
			out = append(out, around(text, m[4], m[7]))
		}
	}
	return out
}

// inName reports whether the digits ending at j run into letters, as in
// 910C or 405B: part of a name, not a number.
func inName(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	c := s[j]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isFact(num, before, after string) bool {
	if factPatterns[0].MatchString(num) || factUnits.MatchString(after) {
		return true
	}
	for _, p := range factPatterns[1:] {
		if p.MatchString(tail(before, 30)) {
			return true
		}
	}
	return false
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// clause is the part of the sentence around a number: from the last
// sentence or clause break before it to the next one after it.
func clause(s string, i, j int) string {
	start := max(strings.LastIndexAny(s[:i], ".;:!?"), 0)
	end := strings.IndexAny(s[j:], ";!?")
	if k := strings.Index(s[j:], ". "); k >= 0 && (end < 0 || k < end) {
		end = k
	}
	if end < 0 {
		end = len(s) - j
	}
	return s[start : j+end]
}

func around(s string, i, j int) string {
	a, b := max(i-40, 0), min(j+30, len(s))
	return "…" + strings.ReplaceAll(s[a:b], "\n", " ") + "…"
}

// ruleTextProblems scans every text of a pack as written (placeholders
// left in) and lists the numbers that restate a rule.
func ruleTextProblems(p *Pack) []string {
	var out []string
	for _, key := range sortedKeys(p.raw) {
		for _, r := range restated(key, p.raw[key], factsByKey[key]) {
			out = append(out, fmt.Sprintf("%s: %s", key, r))
		}
	}
	return out
}

// TestRuleNumbersComeFromRules: no text of either embedded scenario, or of
// a scenario file that extends one, states a rule's number in digits; it
// uses a placeholder. Each listed fact is still in its text.
func TestRuleNumbersComeFromRules(t *testing.T) {
	for _, id := range append(ScenarioIDs(), "testdata/custom/rules_text.yaml", "testdata/custom/example.yaml") {
		p, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, prob := range ruleTextProblems(p) {
			t.Errorf("%s: a rule's number written out; use a placeholder such as {rule:<key>} or {from}: %s", id, prob)
		}
		for key, facts := range factsByKey {
			raw, ok := p.raw[key]
			if !ok {
				continue
			}
			for _, f := range facts {
				if !strings.Contains(raw, f) {
					t.Errorf("%s: %s no longer states %s; take it off factsByKey", id, key, f)
				}
			}
		}
	}
	if game.TrackTension.Max() != 10 || game.TrackTension.Min() != 0 {
		t.Error("tracks.tension.desc states the track runs from 0 to 10; say what it is now")
	}
}

// TestRuleScannerCatchesRestatedRules: the scanner flags rules written out
// as the texts of the game once had them, and lets facts through.
func TestRuleScannerCatchesRestatedRules(t *testing.T) {
	bad := map[string]string{
		"stats.grievance.desc":        "Beijing's sense of existential threat. At 60 or more it turns into grey-zone pressure (twice as much at 85); at 30 or below the Strait calms.",
		"dynamics.grievance.desc":     "Controls above the December 2024 level, falling more than 15 points behind the US frontier, feed Beijing's grievance.",
		"dynamics.calm.desc":          "With grievance at 35 or less, tension eases by one each turn.",
		"tracks.tension.desc":         "At 10 a crisis ends the game. From 6 capital flees Taiwan.",
		"dynamics.overreach.desc":     "From level 4, controls strain US-leaning partners.",
		"objectives.x.keep_lead.desc": "The real US-China capability gap at the end, from 5 points (nothing) to 25 (all).",
		"glossary.mutual_loss.def":    "After a crisis every player keeps only 25% of its score.",
	}
	for key, text := range bad {
		if len(restated(key, text, factsByKey[key])) == 0 {
			t.Errorf("%s: %q passed the scanner", key, text)
		}
	}
	good := map[string]string{
		"stats.grievance.desc":         "Above {rule:grey_zone_level} it turns into grey-zone pressure; at {rule:calm_level} or below the Strait calms.",
		"glossary.export_controls.def": "The US rules of October 7, 2022 controlled advanced chips; the December 2, 2024 package added 140 entities and 24 kinds of tools.",
		"glossary.diffusion_rule.def":  "About 18 close allies could buy freely; most others were capped at roughly 50,000 [[h100]]-equivalents for 2025-27.",
		"events.x.teaching":            "Link 8 of the source (links 4 and 11): fines of up to EUR 35 m in 2024, and a 1 GW cluster of a 5 GW campus.",
		"objectives.x.keep_lead.desc":  "The real US-China capability gap at the end, from {from} points (nothing) to {to} (all).",
	}
	for key, text := range good {
		if r := restated(key, text, nil); len(r) > 0 {
			t.Errorf("%s: facts flagged as rules: %q", key, r)
		}
	}
}

// TestRuleTextFollowsTheRules: a scenario file that changes rules (and the
// crisis share, and an objective) sees its own values in every text that
// states them, the default scenario's texts included; no placeholder is
// left unfilled anywhere.
func TestRuleTextFollowsTheRules(t *testing.T) {
	p, err := LoadPath("testdata/custom/rules_text.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base, err := Load(DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]int{"crisis_score_pct": p.Scenario.CrisisScorePct}
	changed := map[string]bool{"crisis_score_pct": true}
	baseRules := base.Scenario.Rules
	baseFields := baseRules.Fields()
	for i, f := range p.Scenario.Rules.Fields() {
		values["rule:"+f.Key] = *f.Ptr
		changed["rule:"+f.Key] = *f.Ptr != *baseFields[i].Ptr
	}
	stated := 0
	for _, key := range sortedKeys(p.raw) {
		raw, text := p.raw[key], p.text[key]
		if names := Placeholders(text); len(names) > 0 {
			t.Errorf("%s: placeholders left in the text: %v", key, names)
		}
		for _, name := range Placeholders(raw) {
			v, ok := values[name]
			if !ok {
				continue // {from} and {to}, checked below
			}
			if !strings.Contains(text, fmt.Sprint(v)) {
				t.Errorf("%s states {%s}, but its text does not show %d: %q", key, name, v, text)
			}
			if changed[name] {
				stated++
			}
		}
	}
	if stated < 10 {
		t.Errorf("only %d texts state a changed rule; the scenario file no longer tests much", stated)
	}
	checks := map[string][]string{
		"stats.grievance.desc":          {"Above 52", "at 27 or below"},
		"dynamics.grey_zone.desc":       {"Above 52", "every 11 points"},
		"dynamics.grievance.desc":       {"above level 3"},
		"dynamics.setbacks.desc":        {"more than 12 points behind"},
		"dynamics.calm.desc":            {"at 27 or less", "not below 3"},
		"dynamics.capital_flight.desc":  {"From Strait tension 7"},
		"tracks.tension.desc":           {"From 7 capital flees"},
		"dynamics.overreach.desc":       {"level 5"},
		"glossary.mutual_loss.def":      {"only 15% of their score"},
		"scenario.summary":              {"leaves 15% of"},
		"objectives.nvidia.market.desc": {"from 77 (nothing) to 97 (all)"},
	}
	for key, wants := range checks {
		for _, w := range wants {
			if !strings.Contains(p.T(key), w) {
				t.Errorf("%s: want %q in %q", key, w, p.T(key))
			}
		}
	}
	if got := base.T("stats.grievance.desc"); !strings.Contains(got, fmt.Sprintf("Above %d", base.Scenario.Rules.GreyZoneLevel)) {
		t.Errorf("the default scenario's own text lost its value: %q", got)
	}
}
