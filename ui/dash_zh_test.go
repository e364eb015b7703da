package ui

import (
	"fmt"
	"strings"
	"testing"
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
