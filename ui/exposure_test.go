package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/report"
)

// newsExposure plays games until one has a covert order brought to light
// by the news that opens a half-year (so the report of the turn before
// lists it), of an action its actor took only once (so every line about
// the action is about this secret); it returns the game, the record and
// that report's turn.
func newsExposure(t *testing.T) (*Session, game.CovertRecord, int) {
	t.Helper()
	for seed := uint64(1); seed < 40; seed++ {
		g := finishedSession(t, seed, false)
		m := g.Match
		once := func(rec game.CovertRecord) bool {
			n := 0
			for _, c := range m.State().Covert {
				if c.Actor == rec.Actor && c.Action == rec.Action {
					n++
				}
			}
			return n == 1
		}
		for turn := 1; turn <= len(m.Turns); turn++ {
			for _, rec := range m.Report(turn).Exposed {
				if rec.Exposed == turn+1 && rec.Turn < turn && once(rec) {
					return g, rec, turn
				}
			}
		}
	}
	t.Fatal("no game in 40 seeds has a secret brought out by the news")
	return nil, game.CovertRecord{}, 0
}

// One exposure has one date everywhere: the report of the turn that lists
// it, the end screen's secrets and turning points, and the debrief all
// give the half-year whose news brought it out, never the turn before.
func TestOneExposureDateEverywhere(t *testing.T) {
	g, rec, reportTurn := newsExposure(t)
	p, m, sc := g.Pack, g.Match, g.Scenario()
	ctx := &Context{Theme: NewTheme(ThemeMono), Keys: DefaultKeyMap(), Width: 200, Height: 60, Game: g}
	when, before := sc.Date(rec.Exposed), sc.Date(reportTurn)
	action := sc.Actions[rec.Action].Name
	about := regexp.MustCompile(`(?i)expos|came to light|came out|secret`)

	e := newEnd(ctx).(*endScreen)
	places := map[string]string{
		"the report of the turn": newResolution(ctx, reportTurn).(*resolution).content(1000),
		"the secrets":            e.secrets(1000),
		"the turning points":     e.turningPoints(1000),
		"the debrief":            report.Markdown(p, m),
	}
	for place, s := range places {
		found := false
		lines := strings.Split(ansi.Strip(s), "\n")
		for i, l := range lines {
			if place == "the secrets" && strings.Contains(l, action) && i+1 < len(lines) {
				l += " " + lines[i+1] // the status is on the line below
			}
			if !strings.Contains(l, action) || !about.MatchString(l) {
				continue
			}
			found = true
			if !strings.Contains(l, when) {
				t.Errorf("%s dates the exposure of %q without %s: %q", place, action, when, l)
			}
			if strings.Contains(l, before) {
				t.Errorf("%s dates the exposure of %q in %s as well: %q", place, action, before, l)
			}
		}
		if !found && place != "the turning points" {
			t.Errorf("%s does not mention the exposure of %q:\n%s", place, action, s)
		}
	}
}
