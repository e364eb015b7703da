package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A score built on an estimate says so wherever it appears during play
// (≈ and the word): Washington's reads the capability gap as it perceives
// it. A score built on what the player knows has no ≈.
func TestScoreEstimateLabel(t *testing.T) {
	for _, c := range []struct {
		actor    string
		estimate bool
	}{{"washington", true}, {"beijing", false}, {"huawei", false}} {
		t.Run(c.actor, func(t *testing.T) {
			a := sized(Options{Start: &StartOptions{Actor: c.actor, Seed: 7}}, 120, 40)
			g := a.ctx.Game
			sc := g.Scenario()
			v := g.View()
			read := scoreAsRead(sc, &v, g.Player, g.Player, false)
			if read.any != c.estimate {
				t.Fatalf("estimate %v, want %v", read.any, c.estimate)
			}
			flat := func(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), " ") }
			briefing := flat(a.screen.(*briefing).doc.vp.GetContent())
			a.screen = newDashboard(a.ctx)
			header := flat(strings.Join(dash(a).header(120), "\n"))
			want := "Score " + itoa(read.Total) + "/100:"
			if c.estimate {
				want = "Score ≈" + itoa(read.Total) + "/100 (an estimate):"
			}
			if !strings.Contains(header, want) {
				t.Errorf("the dashboard should say %q:\n%s", want, header)
			}
			if c.estimate != strings.Contains(header, "≈") {
				t.Errorf("≈ on the dashboard: %v, want %v:\n%s", !c.estimate, c.estimate, header)
			}
			want = "Score if the game ended now: " + itoa(read.Total) + " of 100"
			if c.estimate {
				want = "Score if the game ended now: ≈" + itoa(read.Total) + " of 100"
			}
			if !strings.Contains(briefing, want) || c.estimate != strings.Contains(briefing, "An estimate, like the score on your dashboard") ||
				c.estimate != strings.Contains(briefing, "≈") {
				t.Errorf("the briefing should say %q, with ≈ and why only for an estimate:\n%s", want, briefing)
			}
		})
	}
}

// When the truth comes out the end screen says what the estimate was and
// what the real score is, and the replay of a moment in the game puts the
// real score beside the one the player read then.
func TestScoreEstimateMeetsTheTruth(t *testing.T) {
	a := endApp(t, 120, 40, false)
	g := a.ctx.Game
	sc, st := g.Scenario(), g.State()
	seen := seenScore(sc, st, g.Player)
	if !seen.any {
		t.Fatal("Washington's score should have been an estimate")
	}
	real := sc.Score(st, g.Player).Total
	out := strings.Join(strings.Fields(ansi.Strip(a.screen.(*endScreen).outcome(110))), " ")
	want := "the real score is " + itoa(real)
	if seen.Total == real {
		// Either every estimated number was right at the end, or some
		// were off and the totals agree all the same.
		want = "the real score agree all the same: " + itoa(real)
		if out := ansi.Strip(a.screen.(*endScreen).outcome(110)); strings.Contains(strings.Join(strings.Fields(out), " "), "At the end it was right") {
			want = "your real score is the one you read, " + itoa(real)
		}
	}
	if !strings.Contains(out, "During play your score was an estimate") || !strings.Contains(out, want) ||
		!strings.Contains(out, "≈"+itoa(seen.Total)) && seen.Total != real {
		t.Errorf("the outcome should explain the estimate (≈%d) and the truth (%d):\n%s", seen.Total, real, out)
	}

	// The replay, half way through.
	src := viewSource{pack: g.Pack, match: g.Match, player: g.Player, reveal: true, label: "this game", from: g}
	v := newViewer(a.ctx, src, a.screen)
	v.step = len(g.Match.Turns) / 2
	v.show()
	v.dash.sync()
	at := &g.Match.States[v.step]
	then := seenScore(sc, at, g.Player)
	header := strings.Join(strings.Fields(ansi.Strip(strings.Join(v.dash.header(120), " "))), " ")
	want = "Score " + itoa(sc.Score(at, g.Player).Total) + "/100 (the truth; ≈" + itoa(then.Total) + " on your screen then)"
	if !strings.Contains(header, want) {
		t.Errorf("the replay should say %q:\n%s", want, header)
	}
}
