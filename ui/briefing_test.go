package ui

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strings"
	"testing"

	"zerosum/game"
	"zerosum/text"
)

// briefingStart is the game the briefing tests open: Beijing, seed 7.
var briefingStart = Options{Start: &StartOptions{Actor: "beijing", Seed: 7}}

func TestBriefingGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := run(t, briefingStart, size[0], size[1])
			requireScreen(t, a)
		})
	}
	// Scrolled down to the objectives with where they stand.
	t.Run("80x24-objectives", func(t *testing.T) {
		a := run(t, briefingStart, 80, 24, "pgdown")
		requireScreen(t, a)
	})
}

func briefingApp(t *testing.T, w, h int) *App {
	t.Helper()
	a := sized(briefingStart, w, h)
	if _, ok := a.Screen().(*briefing); !ok || a.Context().Game == nil {
		t.Fatalf("zerosum play should open the briefing: %v", a.err)
	}
	return a
}

// The briefing holds everything the brief asks for: the situation, the
// actor's pitch, every objective with its measure and where it stands,
// every stat and track with its meaning, the mutual-loss rule, the
// model's note and the keys to start.
func TestBriefingContent(t *testing.T) {
	a := briefingApp(t, 80, 24)
	b := a.Screen().(*briefing)
	g := a.Context().Game
	sc, p := g.Scenario(), g.Pack
	all := strings.Join(strings.Fields(ansi.Strip(b.doc.vp.GetContent())), " ")
	has := func(what, s string) {
		t.Helper()
		s = strings.Join(strings.Fields(text.Expand(s, p.LinkText)), " ")
		if !strings.Contains(all, s) {
			t.Errorf("the briefing should hold %s: %q", what, s)
		}
	}
	first := func(s string, n int) string {
		f := strings.Fields(text.Expand(s, p.LinkText))
		return strings.Join(f[:min(n, len(f))], " ")
	}
	has("the scenario summary", first(p.Summary, 6))
	has("the pitch", first(p.T("actors.beijing.pitch"), 6))
	has("the note", first(p.Note, 6))
	view := g.View()
	card := sc.Score(&view, g.Player)
	for _, part := range card.Parts {
		o := sc.Actors[g.Player].Objectives[part.Objective]
		has("an objective", o.Name)
		has("its measure", first(p.T("objectives.beijing."+o.ID+".desc"), 5))
		has("where it stands", itoa(part.Progress)+"% now: "+sc.Label(o.Measure, g.Player)+" "+itoa(part.Value))
		has("its points", "now "+itoa(part.Points)+" of "+itoa(o.Weight))
	}
	has("the score now", "Score if the game ended now: "+itoa(card.Total))
	for s := range game.NumStats {
		if sc.Actors[g.Player].Has[s] {
			has("a stat's meaning", first(p.T("stats."+s.String()+".desc"), 5))
		}
	}
	for tr := range game.NumTracks {
		has("a track", sc.TrackName(tr))
		has("a track's meaning", first(p.T("tracks."+tr.String()+".desc"), 5))
	}
	has("the mutual-loss rule", "the game ends at once in a Strait crisis")
	has("the crisis share", itoa(sc.CrisisScorePct)+"% of its score")
	has("the keys", "enter go to the turn dashboard")
}

func TestBriefingScrollsAndStarts(t *testing.T) {
	a := briefingApp(t, 80, 24)
	top := screen(a)
	if !strings.Contains(top, "BRIEFING") || !strings.Contains(top, "Beijing") || !strings.Contains(top, "seed 7") {
		t.Errorf("the header should name the briefing, the actor and the seed:\n%s", top)
	}
	press(a, "pgdown")
	if screen(a) == top {
		t.Error("pgdown should scroll the briefing")
	}
	press(a, "G")
	if !strings.Contains(screen(a), "TO START") {
		t.Errorf("the end of the briefing says how to start:\n%s", screen(a))
	}
	press(a, "g")
	if screen(a) != top {
		t.Error("g should go back to the top")
	}
	press(a, "enter")
	if !strings.HasPrefix(a.Screen().Name(), "Turn dashboard") {
		t.Errorf("enter should start the turn dashboard, got %s", a.Screen().Name())
	}
}

// The Washington player reads the gap through its own estimate, and the
// briefing says so.
func TestBriefingGapAsSeen(t *testing.T) {
	a := sized(Options{Start: &StartOptions{Actor: "washington", Seed: 7}}, 120, 40)
	b := a.Screen().(*briefing)
	if !strings.Contains(ansi.Strip(b.doc.vp.GetContent()), "as far as you can tell") {
		t.Error("Washington's gap objective is read through its perception")
	}
}

func TestBriefingFits(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		a := briefingApp(t, size[0], size[1])
		checkFits(t, a)
		press(a, "G")
		checkFits(t, a)
	}
}

// A number the opening news moved says what it was before, so that the
// setup (which lists the numbers an actor starts with) and the briefing
// agree.
func TestBriefingSaysWhatTheOpeningNewsMoved(t *testing.T) {
	a := sized(Options{Start: &StartOptions{Actor: "meta", Seed: 7}}, 120, 40)
	g := a.ctx.Game
	sc := g.Scenario()
	content := strings.Join(strings.Fields(ansi.Strip(a.screen.(*briefing).doc.vp.GetContent())), " ")
	n := 0
	for s := range game.NumStats {
		ch, ok := g.Match.Setup.ChangeOf(statRef(g.Player, s))
		if !ok || !sc.Actors[g.Player].Has[s] {
			continue
		}
		n++
		if ch.Before != sc.Actors[g.Player].Start[s] {
			t.Errorf("%s: the setup's %d is not the value before the news, %d", s, sc.Actors[g.Player].Start[s], ch.Before)
		}
		if want := fmt.Sprintf("%d before the opening news", ch.Before); !strings.Contains(content, want) {
			t.Errorf("the briefing should say %q of %s", want, sc.StatName(s))
		}
	}
	if n == 0 {
		t.Fatal("the opening news moved none of Meta's numbers: nothing was checked")
	}
}
