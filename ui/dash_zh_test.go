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
