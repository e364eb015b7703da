package ui

import (
	"fmt"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/text"
)

// TestDashboardPanesChinese is a golden of every pane in Chinese at 80x24
// and 120x40, after one order has been chosen (the Forecast with its
// futures all in). The content (actors, actions, events) comes from the
// content pack's translation.
func TestDashboardPanesChinese(t *testing.T) {
	chinese(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for i, name := range paneNames {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				keys := []string{"space", "down", "down", "down", "down", "down", "down", "down", fmt.Sprint(i + 1)}
				var a *App
				switch paneID(i) {
				case paneOrders:
					a = runDash(t, size[0], size[1], keys...)
				case paneForecast:
					a = sized(Options{Start: &StartOptions{Actor: "washington", Seed: 1}, ForecastFutures: fcFutures}, size[0], size[1])
					a.screen = newDashboard(a.ctx)
					press(a, keys...)
					pump(t, a, fcPlayer)
				default:
					a = dashApp(t, size[0], size[1])
					press(a, keys...)
				}
				s := screen(a)
				if !strings.Contains(s, "["+fmt.Sprint(i+1)+" "+paneTitle(paneID(i))+"]") && !strings.Contains(s, "▸ "+fmt.Sprint(i+1)+" "+paneTitle(paneID(i))) {
					t.Errorf("the %s pane is not marked in Chinese:\n%s", name, s)
				}
				requireScreen(t, a)
			})
		}
	}
}

// TestDashboardChineseNoEnglish checks that the dashboard's own words are
// Chinese: the frame of every pane, with the content's names taken out,
// has none of the English words the dashboard writes.
func TestDashboardChineseNoEnglish(t *testing.T) {
	chinese(t)
	english := []string{"Action points", " left", "STRAIT TENSION", "Score", "Orders", "Available", "Effects",
		"News at", "Why the", "In short", "Swing states", "Global tracks", "FORECAST", "futures", "Chance", "The model", "lines "}
	for p := range numPanes {
		a := sized(Options{Start: &StartOptions{Actor: "washington", Seed: 1}, ForecastFutures: fcFutures}, 120, 40)
		a.screen = newDashboard(a.ctx)
		press(a, "space", fmt.Sprint(int(p)+1))
		if p == paneForecast {
			pump(t, a, fcPlayer)
		}
		s := screen(a)
		// The footer's key help is another part of the interface.
		lines := strings.Split(s, "\n")
		s = strings.Join(lines[:len(lines)-1], "\n")
		for _, w := range english {
			if strings.Contains(s, w) {
				t.Errorf("pane %s in Chinese still says %q:\n%s", paneNames[p], w, s)
			}
		}
	}
}

// TestLabelsAsTheEngines checks that RefLabel and CondText write, in
// English, exactly what the engine's Label and Describe write, for every
// reference and condition of both scenarios (actions, their effects and
// requirements, events, outcomes, objectives), and that in Chinese none
// of the engine's own English words is left.
func TestLabelsAsTheEngines(t *testing.T) {
	for _, id := range []string{content.DefaultScenario, "flashpoint"} {
		p, err := content.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		sc := p.Scenario
		var conds []game.Condition
		var refs []game.Ref
		effects := func(es []game.Effect) {
			for _, e := range es {
				refs = append(refs, e.Target)
				conds = append(conds, e.When...)
			}
		}
		for _, a := range sc.Actions {
			conds = append(conds, a.Requires...)
			effects(a.Effects)
			effects(a.ExposedEffects)
		}
		for _, e := range sc.Events {
			conds = append(conds, e.When...)
			effects(e.Effects)
		}
		for _, o := range sc.Outcomes {
			conds = append(conds, o.When...)
		}
		for _, a := range sc.Actors {
			for _, o := range a.Objectives {
				refs = append(refs, o.Measure)
			}
		}
		for _, c := range conds {
			refs = append(refs, c.Ref)
		}
		if len(refs) < 50 || len(conds) < 10 {
			t.Fatalf("%s: only %d references and %d conditions", id, len(refs), len(conds))
		}
		for _, actor := range []int{0, 1} {
			for _, r := range refs {
				if got, want := RefLabel(sc, r, actor), sc.Label(r, actor); got != want {
					t.Errorf("%s: RefLabel %q, the engine's Label %q", id, got, want)
				}
			}
			for _, c := range conds {
				if got, want := CondText(sc, c, actor), sc.Describe(c, actor); got != want {
					t.Errorf("%s: CondText %q, the engine's Describe %q", id, got, want)
				}
			}
		}
		func() {
			chinese(t)
			for _, r := range refs {
				s := RefLabel(sc, r, 0)
				for _, w := range []string{" alignment", " sovereign AI", "target state", "tier-2", "every swing state", "own "} {
					if strings.Contains(s, w) {
						t.Errorf("%s: %q in Chinese", id, s)
					}
				}
			}
			for _, c := range conds {
				if s := CondText(sc, c, 0); strings.Contains(s, " has ") || strings.Contains(s, " alignment") {
					t.Errorf("%s: condition %q in Chinese", id, s)
				}
			}
			text.SetLang("en")
		}()
	}
}

// TestReasonsAsTheEngines checks that ReasonText writes, in English,
// exactly the engine's Reason for every option of every actor over five
// turns of a game, with no orders and with each actor's first available
// orders taken (so that the budget, "already in the orders", cooldowns
// and requirements all come up), and that every kind of obstacle but
// the end of the game and a ban comes up at least once.
func TestReasonsAsTheEngines(t *testing.T) {
	a := dashApp(t, 80, 24)
	g := a.ctx.Game
	sc := g.Scenario()
	kinds := map[game.WhyKind]int{}
	for turn := 0; turn < 5 && !g.Match.Over(); turn++ {
		st := g.State()
		for actor := range sc.Actors {
			var orders []game.Order
			for round := 0; round < 4; round++ {
				opts := sc.Options(st, actor, orders)
				for _, op := range opts {
					kinds[op.Why.Parts().Kind]++
					if got, want := ReasonText(sc, op), sc.Reason(op); got != want {
						t.Errorf("ReasonText %q, the engine's Reason %q", got, want)
					}
				}
				for _, op := range opts {
					if op.Available {
						orders = append(orders, sc.OrderFor(op))
						break
					}
				}
			}
		}
		press(a, "space", "E", "y", "enter")
	}
	for _, k := range []game.WhyKind{game.WhyTwice, game.WhyNeeds, game.WhyAP, game.WhyCapital} {
		if kinds[k] == 0 {
			t.Errorf("no option was stopped by obstacle %d: %v", k, kinds)
		}
	}
}

// TestSeatLabelAsTheMatch: seatLabel writes, in English, what the match's
// SeatName writes, for humans with and without a name and every bot.
func TestSeatLabelAsTheMatch(t *testing.T) {
	a := sized(Options{Start: &StartOptions{Seats: "washington=human:Ana,beijing=human,meta=bot:hard:hawk,nvidia=bot:easy:dove,all=bot:hedger", Seed: 3}}, 80, 24)
	if a.ctx.Game == nil {
		t.Fatalf("no game: %v", a.err)
	}
	m := a.ctx.Game.Match
	for i := range m.Seats {
		if got, want := seatLabel(m, i), m.SeatName(i); got != want {
			t.Errorf("seat %d: %q, the match says %q", i, got, want)
		}
	}
	chinese(t)
	meta, _ := m.Scenario.ActorIndex("meta")
	if s := seatLabel(m, meta); s != "电脑玩家（鹰派，困难）" {
		t.Errorf("Meta's seat in Chinese: %q", s)
	}
}

// BenchmarkDashboardViewChinese is BenchmarkDashboardView in Chinese: a
// frame of the dashboard with one order chosen.
func BenchmarkDashboardViewChinese(b *testing.B) {
	chinese(b)
	for _, size := range [][2]int{{120, 40}, {200, 60}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			a := dashApp(b, size[0], size[1])
			press(a, "space")
			a.View()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				a.View()
			}
		})
	}
}
