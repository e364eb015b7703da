package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
)

// finishedSession plays a whole game of the default scenario with the
// player as Washington. In a normal game the player gives no orders and the
// bots play on. For a crisis Beijing is a second human, and both take every
// escalating action they can each turn until the Strait gives way.
func finishedSession(t testing.TB, seed uint64, crisis bool) *Session {
	t.Helper()
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	us, _ := sc.ActorIndex("washington")
	cn, _ := sc.ActorIndex("beijing")
	seats := make([]match.Seat, len(sc.Actors))
	for i, b := range sim.BotsFor(sc, seed, bot.Normal) {
		seats[i] = match.Seat{Bot: b}
	}
	seats[us] = match.Seat{Human: true, Name: "You"}
	hawks := []int{}
	if crisis {
		seats[cn] = match.Seat{Human: true, Name: "Ana"}
		hawks = []int{us, cn}
	}
	m, err := match.New(sc, seed, seats)
	if err != nil {
		t.Fatal(err)
	}
	for !m.Over() {
		orders := map[int][]game.Order{}
		for _, a := range hawks {
			var chosen []game.Order
			for _, o := range sc.Options(m.State(), a, nil) {
				if !sc.Actions[o.Action].Tags.Has(game.TagEscalation) {
					continue
				}
				for _, now := range sc.Options(m.State(), a, chosen) {
					if now.Action == o.Action && now.Target == o.Target && now.Available {
						chosen = append(chosen, sc.OrderFor(now))
					}
				}
			}
			orders[a] = chosen
		}
		if _, err := m.Play(orders); err != nil {
			t.Fatal(err)
		}
	}
	if crisis != (m.State().Crisis.Turn > 0) {
		t.Fatalf("seed %d: wanted a crisis %v, got outcome %s", seed, crisis, m.State().Outcome)
	}
	return &Session{Pack: p, Match: m, Player: us, Saved: true}
}

// The games the end-screen tests show.
const (
	endSeed    = 3
	crisisSeed = 3
)

// endApp is an App on the end screen of a finished game.
func endApp(t testing.TB, w, h int, crisis bool) *App {
	t.Helper()
	a := sized(Options{}, w, h)
	seed := uint64(endSeed)
	if crisis {
		seed = crisisSeed
	}
	a.ctx.Game = finishedSession(t, seed, crisis)
	a.screen = newEnd(a.ctx)
	return a
}

// runEnd drives the end screen in a real program (teatest) at w x h, sends
// the keys and returns the final model.
func runEnd(t *testing.T, w, h int, crisis bool, keys ...string) *App {
	t.Helper()
	return runModel(t, endApp(t, w, h, crisis), w, h, keys...)
}

func TestEndGolden(t *testing.T) {
	cases := []struct {
		name   string
		crisis bool
		w, h   int
		keys   []string
	}{
		{"normal-80x24", false, 80, 24, nil},
		{"normal-120x40", false, 120, 40, nil},
		{"crisis-80x24", true, 80, 24, nil},
		{"crisis-120x40", true, 120, 40, nil},
		{"normal-scores-120x40", false, 120, 40, []string{"tab"}},
		{"crisis-scores-80x24", true, 80, 24, []string{"tab"}},
		{"normal-scores-80x24", false, 80, 24, []string{"tab"}},
		{"normal-scores-160x48", false, 160, 48, []string{"tab"}},
		{"normal-charts-scores-80x24", false, 80, 24, []string{"tab", "tab", "tab", "G"}},
		{"crisis-turning-80x24", true, 80, 24, []string{"tab", "tab"}},
		{"normal-charts-120x40", false, 120, 40, []string{"tab", "tab", "tab"}},
		{"normal-secrets-80x24", false, 80, 24, []string{"shift+tab"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := runEnd(t, c.w, c.h, c.crisis, c.keys...)
			requireScreen(t, a)
		})
	}
}

// The Scores tab gives every objective whole, with its points, its measure
// at the end and that measure's range, at 80 and 160 columns; the Charts
// tab gives every actor's score on a row of its own, best first.
func TestEndScoresShowRanges(t *testing.T) {
	for _, w := range []int{80, 160} {
		a := endApp(t, w, 48, false)
		e := endOf(t, a)
		g := a.ctx.Game
		sc, st := g.Scenario(), g.State()
		page := strings.Join(strings.Fields(ansi.Strip(e.scores(min(w-1, 140)))), " ")
		for _, c := range sc.Ranking(st) {
			for _, p := range c.Parts {
				o := sc.Actors[c.Actor].Objectives[p.Objective]
				want := fmt.Sprintf("%s %d/%d", o.Name, p.Points, o.Weight)
				rng := fmt.Sprintf("%s %s, from %s (0%%) to %s (100%%)", endMeasureLabel(sc, o.Measure, c.Actor),
					measureValue(o.Measure, p.Value), measureValue(o.Measure, o.From), measureValue(o.Measure, o.To))
				if !strings.Contains(page, want) || !strings.Contains(page, rng) {
					t.Errorf("%d columns: the Scores tab lacks %q or %q", w, want, rng)
				}
			}
		}
		if strings.Contains(page, "…") {
			t.Errorf("%d columns: the Scores tab cuts something:\n%s", w, page)
		}
		charts := strings.Split(ansi.Strip(e.charts(w-1)), "\n")
		at := -1
		for i, l := range charts {
			if strings.HasPrefix(l, "Scores, 0 to 100") {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("no score rows in the Charts tab")
		}
		for i, c := range sc.Ranking(st) {
			name := sc.Actors[c.Actor].Name
			found := false
			for _, l := range charts[at:] {
				if strings.HasPrefix(l, fmt.Sprintf("%d. %s ", i+1, name)) && strings.Contains(l, fmt.Sprintf("→ %3d", c.Total)) {
					found = true
				}
			}
			if !found {
				t.Errorf("%d columns: no row for %d. %s ending at %d:\n%s", w, i+1, name, c.Total, strings.Join(charts[at:], "\n"))
			}
		}
		if strings.Contains(strings.Join(charts[at:], "\n"), "several at once") {
			t.Errorf("the score chart still tangles its lines")
		}
	}
}

func endOf(t *testing.T, a *App) *endScreen {
	t.Helper()
	e, ok := a.Screen().(*endScreen)
	if !ok {
		t.Fatalf("the screen is %s, not the end", a.Screen().Name())
	}
	return e
}

// The end screen names the outcome and the winner, and ranks everyone.
func TestEndNamesWinnerAndOutcome(t *testing.T) {
	a := endApp(t, 80, 24, false)
	g := a.Context().Game
	sc, st := g.Scenario(), g.State()
	s := screen(a)
	outcome := g.Pack.T("outcomes." + st.Outcome + ".name")
	if outcome == "" || !strings.Contains(s, strings.ToUpper(outcome)) || !strings.Contains(s, "GAME OVER") {
		t.Errorf("the outcome %q should be named:\n%s", outcome, s)
	}
	winners := sc.Winners(st)
	if !strings.Contains(s, "WINNER") || !strings.Contains(s, sc.Actors[winners[0]].Name) {
		t.Errorf("the winner %s should be named:\n%s", sc.Actors[winners[0]].Name, s)
	}
	if strings.Contains(s, "CRISIS ·") {
		t.Error("a normal ending shows no crisis banner")
	}
	// Scores: every actor, ranked, with every objective.
	press(a, "tab")
	e := endOf(t, a)
	if e.tab != tabScores {
		t.Fatalf("tab should open the scores, got %d", e.tab)
	}
	all := ansi.Strip(e.doc.vp.GetContent())
	last := -1
	for _, c := range e.ranking() {
		name := sc.Actors[c.Actor].Name
		i := strings.Index(all, ". "+name+"  "+itoa(c.Total))
		if i < 0 {
			t.Errorf("%s should be listed with its total %d", name, c.Total)
			continue
		}
		if i < last {
			t.Errorf("%s is out of order", name)
		}
		last = i
		for _, o := range sc.Actors[c.Actor].Objectives {
			if !strings.Contains(all, o.Name[:min(len(o.Name), 20)]) {
				t.Errorf("%s's objective %q is missing", name, o.Name)
			}
		}
	}
	if !strings.Contains(all, "★ winner") {
		t.Error("the winner should be marked")
	}
}

// A crisis is said loudly, with its culprit, and the culprit scores 0.
func TestEndCrisis(t *testing.T) {
	a := endApp(t, 80, 24, true)
	g := a.Context().Game
	sc, st := g.Scenario(), g.State()
	s := screen(a)
	culprit := sc.Actors[st.Crisis.Culprits[0]].Name
	if !strings.Contains(s, "STRAIT CRISIS") || !strings.Contains(s, "NOBODY WINS") {
		t.Errorf("a crisis ending should say so loudly:\n%s", s)
	}
	if !strings.Contains(s, strings.ToUpper(culprit)) {
		t.Errorf("the culprit %s should be named:\n%s", culprit, s)
	}
	flat := strings.Join(strings.Fields(s), " ")
	share := fmt.Sprintf("%s %d%%", culprit, st.Crisis.Shares[st.Crisis.Culprits[0]])
	if !strings.Contains(flat, share) {
		t.Errorf("the culprit's share %q should be given:\n%s", share, s)
	}
	if !strings.Contains(flat, "Nobody wins a Strait crisis") || strings.Count(flat, "WINNER") != strings.Count(flat, "NO WINNER") {
		t.Errorf("the crisis rule should be stated, and nobody named winner:\n%s", s)
	}
	press(a, "tab")
	all := ansi.Strip(endOf(t, a).doc.vp.GetContent())
	if !strings.Contains(all, "CULPRIT") || !strings.Contains(all, "before the crisis") {
		t.Error("the scores should mark the culprit and show scores before the crisis")
	}
	press(a, "tab")
	all = ansi.Strip(endOf(t, a).doc.vp.GetContent())
	if !strings.Contains(all, "CRISIS") || !strings.Contains(all, "driven there by "+culprit) {
		t.Errorf("the turning points should end with the crisis:\n%s", all)
	}
}

// Every secret action is revealed, with its turn and whether it came out.
func TestEndRevealsSecrets(t *testing.T) {
	a := endApp(t, 120, 40, false)
	g := a.Context().Game
	sc, st := g.Scenario(), g.State()
	if len(st.Covert) == 0 {
		t.Skip("no covert action in this game")
	}
	press(a, "left") // the last tab
	e := endOf(t, a)
	if e.tab != tabSecrets {
		t.Fatalf("left from the first tab should wrap to the secrets, got %d", e.tab)
	}
	all := ansi.Strip(e.doc.vp.GetContent())
	for _, r := range st.Covert {
		line := sc.Actors[r.Actor].Name + ": " + sc.Actions[r.Action].Name
		if !strings.Contains(all, line) {
			t.Errorf("secret %q is not revealed", line)
		}
		if !strings.Contains(all, sc.Date(r.Turn)) {
			t.Errorf("secret %q should give its turn", line)
		}
		if r.Exposed != 0 && !strings.Contains(all, "exposed in "+sc.Date(r.Exposed)) {
			t.Errorf("secret %q was exposed in %s", line, sc.Date(r.Exposed))
		}
	}
	hidden := slices.ContainsFunc(st.Covert, func(r game.CovertRecord) bool { return r.Exposed == 0 })
	if hidden != strings.Contains(all, "never exposed") {
		t.Error("secrets never exposed during play should be marked so")
	}
}

func TestEndTabsAndCharts(t *testing.T) {
	a := endApp(t, 120, 40, false)
	e := endOf(t, a)
	for i, k := range []string{"tab", "right", "l", "tab", "tab"} {
		press(a, k)
		if want := endTab((i + 1) % int(numEndTabs)); e.tab != want {
			t.Fatalf("after %s the tab is %d, want %d", k, e.tab, want)
		}
	}
	press(a, "shift+tab", "h")
	if e.tab != tabCharts {
		t.Fatalf("shift+tab and h go back: tab %d", e.tab)
	}
	all := ansi.Strip(e.doc.vp.GetContent())
	for _, want := range []string{"Strait tension", "real gap", "perceived gap", "Scores", "Washington", "Beijing"} {
		if !strings.Contains(all, want) {
			t.Errorf("the charts should show %q", want)
		}
	}
	for tab := range numEndTabs {
		name := endTabName(tab)
		if !strings.Contains(screen(a), name) {
			t.Errorf("the tab bar should name %q", name)
		}
	}
}

// enter goes back to the title; q quits at once, with no confirmation,
// since the game is over.
func TestEndLeaving(t *testing.T) {
	a := endApp(t, 80, 24, false)
	_, cmd := a.Update(keyMsg("q"))
	if cmd == nil || len(a.dialogs) != 0 {
		t.Fatal("q on the end screen should quit without asking")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q should return tea.Quit")
	}
	press(a, "enter")
	titleOf(t, a)
	if a.Context().Game != nil {
		t.Error("back on the title the finished game is dropped")
	}
	a = endApp(t, 80, 24, true)
	press(a, "esc")
	titleOf(t, a)
}

func TestEndFits(t *testing.T) {
	for _, crisis := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
			a := endApp(t, size[0], size[1], crisis)
			for range numEndTabs {
				checkFits(t, a)
				press(a, "G")
				checkFits(t, a)
				press(a, "tab")
			}
		}
	}
}

// A crisis the news sets off (here a facilitator's custom news) is dated
// to the turn that news opens, which is never played: the end screen
// finds the push in the last report played. It used to look for the
// report of the crisis's own turn and panicked, index out of range.
func TestEndCrisisByNews(t *testing.T) {
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	seats := make([]match.Seat, len(sc.Actors))
	for i, b := range sim.BotsFor(sc, 9, bot.Normal) {
		seats[i] = match.Seat{Bot: b}
	}
	m, err := match.New(sc, 9, seats)
	if err != nil {
		t.Fatal(err)
	}
	news, err := sc.ParseInjection("news:Cable cut off Matsu|tension=+10")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.PlayWith(nil, []game.Injection{news}); err != nil {
		t.Fatal(err)
	}
	if st := m.State(); st.Crisis.Turn != len(m.Turns)+1 {
		t.Fatalf("the news should set off a crisis dated to the unplayed turn %d; crisis turn %d", len(m.Turns)+1, st.Crisis.Turn)
	}
	a := sized(Options{}, 80, 24)
	a.ctx.Game = &Session{Pack: p, Match: m, Player: -1, Saved: true}
	a.screen = newEnd(a.ctx)
	page := strings.Join(strings.Fields(ansi.Strip(endOf(t, a).outcome(78))), " ")
	if !strings.Contains(page, "Tension rose by:") || !strings.Contains(page, "news added by the facilitator +") {
		t.Errorf("the end screen should name the news that pushed tension to the top:\n%s", page)
	}
	if !strings.Contains(page, "In "+sc.Date(2)+" Strait tension reached") {
		t.Errorf("the crisis should be dated to the half-year its news opened (%s):\n%s", sc.Date(2), page)
	}
	found := false
	for _, l := range strings.Split(ansi.Strip(endOf(t, a).turningPoints(78)), "\n") {
		found = found || strings.HasPrefix(l, sc.Date(2)+" CRISIS")
	}
	if !found {
		t.Errorf("the turning points should date the crisis %s too:\n%s", sc.Date(2), ansi.Strip(endOf(t, a).turningPoints(78)))
	}
}
