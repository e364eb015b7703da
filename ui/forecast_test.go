package ui

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"zerosum/game/forecast"
)

// fcFutures is the small forecast the tests play.
const fcFutures = 20

func fcOptions(seats string) Options {
	return Options{Start: &StartOptions{Seats: seats, Seed: 1, Facilitator: true}, Tick: noTick, ForecastFutures: fcFutures}
}

// fcApp is a one-player game with a facilitator, on its dashboard.
func fcApp(t testing.TB, seats string, w, h int) *App {
	t.Helper()
	a := sized(fcOptions(seats), w, h)
	if a.ctx.Game == nil {
		t.Fatalf("no game started: %v", a.err)
	}
	a.screen = newDashboard(a.ctx)
	return a
}

// pump hands a forecast's messages to the App, as the program would,
// until the run is over (all played, stopped or superseded).
func pump(t testing.TB, a *App, kind forecastKind) *forecastRun {
	t.Helper()
	r := a.ctx.forecasts[kind]
	if r == nil {
		t.Fatal("no forecast was started")
	}
	for r.running() && a.ctx.forecasts[kind] == r {
		select {
		case m, ok := <-r.ch:
			if !ok {
				return r
			}
			a.Update(m)
		case <-time.After(30 * time.Second):
			t.Fatal("the forecast sent nothing for 30 s")
		}
	}
	return r
}

// closed waits for a run's goroutine to end (its channel closes).
func closed(t testing.TB, r *forecastRun) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case _, ok := <-r.ch:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("a cancelled forecast goes on playing")
		}
	}
}

// TestForecastPaneGolden: the Forecast pane at 80x24 (and scrolled) and
// at 120x40 beside the Orders, with one order drafted, every future in.
func TestForecastPaneGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"80x24", 80, 24, nil},
		{"80x24_scrolled", 80, 24, []string{"pgdown"}},
		{"120x40", 120, 40, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := fcApp(t, "washington=human:Ana,all=bot", c.w, c.h)
			press(a, "space", "7")
			pump(t, a, fcPlayer)
			press(a, c.keys...)
			requireScreen(t, a)
		})
	}
}

// TestForecastPaneInAProgram: in a real program (teatest) the forecast
// streams in by itself once the pane opens, and the frame is the golden.
func TestForecastPaneInAProgram(t *testing.T) {
	a := New(fcOptions("washington=human:Ana,all=bot"))
	tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256), tea.WithEnvironment([]string{"TERM=xterm-256color"})))
	for _, k := range []string{"enter", "space", "7"} {
		tm.Send(keyMsg(k))
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("20 futures played")) },
		teatest.WithDuration(60*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	tm.Quit()
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
	if r := final.ctx.forecasts[fcPlayer]; r == nil || !r.done || r.res.Done() != fcFutures {
		t.Fatalf("the forecast did not finish in the program: %+v", r)
	}
	requireScreen(t, final)
}

// TestForecastPaneIsTheEngines: what the pane shows is forecast.Run of the
// seat's view, its draft and the seat's default seed: the same figures as
// the engine gives, with the draft and with nothing in the same futures.
func TestForecastPaneIsTheEngines(t *testing.T) {
	a := fcApp(t, "washington=human:Ana,all=bot", 80, 24)
	press(a, "space", "7")
	r := pump(t, a, fcPlayer)
	g := a.ctx.Game
	want, err := forecast.Run(g.Scenario(), g.State(), forecast.Config{Seat: g.Player, Draft: g.Orders(), Compare: true,
		Futures: fcFutures, Seed: forecast.DefaultSeed(g.Player)})
	if err != nil {
		t.Fatal(err)
	}
	if !r.done || !reflect.DeepEqual(r.res, want) {
		t.Fatal("the pane's forecast is not the engine's")
	}
	if s := screen(a); !strings.Contains(s, "Your orders, against giving none") || !strings.Contains(s, "20 futures played") {
		t.Errorf("the pane does not compare the draft with no orders:\n%s", s)
	}
}

// TestForecastKeysWorkWhileItPlays: keys are answered at once while the
// futures are played (Update never waits for them); a new draft cancels
// the forecast of the old one and starts its own.
func TestForecastKeysWorkWhileItPlays(t *testing.T) {
	a := fcApp(t, "washington=human:Ana,all=bot", 80, 24)
	a.ctx.Opts.ForecastFutures = forecast.MaxFutures // far more than a test waits for
	press(a, "7")
	old := a.ctx.forecasts[fcPlayer]
	if !old.running() || !strings.Contains(screen(a), "Playing futures") {
		t.Fatalf("the forecast did not start:\n%s", screen(a))
	}
	press(a, "1", "space")
	if len(a.ctx.Game.Orders()) != 1 || dash(a).focus != paneOrders {
		t.Fatal("keys were not answered while the forecast played")
	}
	press(a, "7")
	now := a.ctx.forecasts[fcPlayer]
	if now == old || !now.running() || len(now.draft) != 1 {
		t.Fatal("a new draft did not start its own forecast")
	}
	closed(t, old)
	press(a, "esc")
	if !now.stopped || !strings.Contains(screen(a), "Stopped at") {
		t.Fatalf("esc did not stop the forecast:\n%s", screen(a))
	}
	closed(t, now)
}

// TestForecastEscThenEnter: esc stops a forecast where it stands; enter
// plays it again, to the same figures.
func TestForecastEscThenEnter(t *testing.T) {
	a := fcApp(t, "washington=human:Ana,all=bot", 80, 24)
	a.ctx.Opts.ForecastFutures = 60
	press(a, "space", "7")
	r := a.ctx.forecasts[fcPlayer]
	a.Update(<-r.ch) // one batch in
	press(a, "esc")
	if !r.stopped || r.res.Done() == 0 || r.res.Done() >= 60 {
		t.Fatalf("stopped after %d futures (stopped %v)", r.res.Done(), r.stopped)
	}
	press(a, "enter")
	again := pump(t, a, fcPlayer)
	if again == r || !again.done || again.res.Done() != 60 {
		t.Fatal("enter did not play the forecast again")
	}
	if !reflect.DeepEqual(again.res.With[:r.res.Done()], r.res.With) {
		t.Error("the forecast played again differs from the one stopped")
	}
}

// TestForecastIgnoresRivalsCharacters: the rivals' bots (their
// personalities and plans) are not inputs: two games that differ only in
// them give the same forecasts, the player's and the room's.
func TestForecastIgnoresRivalsCharacters(t *testing.T) {
	var got [2][numForecastKinds]forecast.Result
	for i, seats := range []string{"washington=human:Ana,all=bot:hawk", "washington=human:Ana,all=bot:dove:hard"} {
		a := fcApp(t, seats, 80, 24)
		press(a, "space", "7")
		got[i][fcPlayer] = pump(t, a, fcPlayer).res
		press(a, "f2")
		facRowTo(t, a, facForecastRow)
		press(a, "enter")
		got[i][fcRoom] = pump(t, a, fcRoom).res
	}
	if !reflect.DeepEqual(got[0], got[1]) {
		t.Fatal("the forecast depends on the rivals' characters")
	}
}

// TestRoomForecastRevealsNothing: the facilitator's forecast for the room
// is of the public view with nothing drafted: the player's draft and
// secret numbers do not change it, and it is forecast.Run of the public
// view.
func TestRoomForecastRevealsNothing(t *testing.T) {
	room := func(draft bool) (*App, forecast.Result) {
		a := fcApp(t, "washington=human:Ana,all=bot", 120, 40)
		if draft {
			chooseOrder(t, a, "tighten_controls")
		}
		press(a, "f2")
		facRowTo(t, a, facForecastRow)
		press(a, "enter")
		return a, pump(t, a, fcRoom).res
	}
	a, without := room(false)
	_, with := room(true)
	if !reflect.DeepEqual(with, without) {
		t.Fatal("the room's forecast changes with a player's draft")
	}
	g := a.ctx.Game
	want, err := forecast.Run(g.Scenario(), g.State(), forecast.Config{Seat: forecast.Public, Futures: fcFutures, Seed: forecast.DefaultSeed(forecast.Public)})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(without, want) || without.Compare {
		t.Fatal("the room's forecast is not the public view's")
	}
	s := screen(a)
	if !strings.Contains(s, "From the public view") || strings.Contains(s, "(you)") || strings.Contains(s, "Your orders") {
		t.Errorf("the room's forecast:\n%s", s)
	}
	requireScreen(t, a)
	press(a, "esc")
	if facOf(t, a).mode != facMain {
		t.Error("esc after the forecast is done does not go back to the menu")
	}
}
