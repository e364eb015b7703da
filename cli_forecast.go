package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"zerosum/game"
	"zerosum/game/forecast"
	"zerosum/text"
	"zerosum/ui"
)

type forecastCmd struct {
	Path     string  `arg:"" help:"A save file (.zsave), a replay (.replay.json), or the name of a save in the data directory."`
	Turn     int     `help:"Forecast from the start of this turn of the game recorded (default: the turn the save or replay stopped at)."`
	Futures  int     `help:"How many futures to play." default:"1000"`
	Seed     *uint64 `help:"The forecast's own seed (default: a fixed seed for the view, never the game's)."`
	Seat     string  `help:"Forecast from this actor's view (its own secrets known, its rivals' sampled); default: the public view, nobody's secrets."`
	JSON     bool    `name:"json" help:"Print one JSON object: futures, turn, endings (id to probability), crisis, actors (id to win, p10, p50, p90)."`
	Scenario string  `help:"The scenario folder, for a game of a custom scenario (default: the embedded scenario the file names)." type:"path"`
}

func (c forecastCmd) Run(e *env) error {
	if c.Futures < 1 || c.Futures > forecast.MaxFutures {
		return failf("--futures must be between 1 and %d (got %d)", forecast.MaxFutures, c.Futures)
	}
	p, m, _, err := reportCmd{Path: c.Path, Scenario: c.Scenario}.load(e)
	if err != nil {
		return failf("%v", err)
	}
	sc := p.Scenario
	st := m.State()
	played := len(m.States) // turns whose start is recorded
	switch {
	case c.Turn != 0 && (c.Turn < 1 || c.Turn > played || m.States[c.Turn-1].Over):
		last := played
		if m.Over() {
			last--
		}
		return failf("--turn %d: %s records the start of turns 1 to %d", c.Turn, c.Path, last)
	case c.Turn != 0:
		st = &m.States[c.Turn-1]
	case st.Over:
		return failf("the game in %s is over; give --turn N to forecast from the start of a turn it played (1 to %d)", c.Path, played-1)
	}
	seat := forecast.Public
	if c.Seat != "" {
		a, ok := sc.ActorIndex(c.Seat)
		if !ok {
			return failf("--seat: no actor %q in %s (%s)", c.Seat, sc.ID, actorIDs(sc))
		}
		seat = a
	}
	cfg := forecast.Config{Seat: seat, Futures: c.Futures, Seed: forecast.DefaultSeed(seat)}
	if c.Seed != nil {
		cfg.Seed = *c.Seed
	}
	bar := e.progress("Playing futures", c.Futures)
	var res forecast.Result
	err = forecast.Stream(context.Background(), sc, st, cfg, func(r forecast.Result) {
		res = r
		bar.set(r.Done())
	})
	bar.done()
	if err != nil {
		return failf("%v", err)
	}
	if c.JSON {
		return printForecastJSON(e, sc, &res, cfg.Seed)
	}
	printForecast(e, sc, &res, cfg.Seed)
	return nil
}

func actorIDs(sc *game.Scenario) string {
	s := ""
	for i, a := range sc.Actors {
		if i > 0 {
			s += ", "
		}
		s += a.ID
	}
	return s
}

type forecastActorJSON struct {
	Win  float64 `json:"win"`
	P10  int     `json:"p10"`
	P50  int     `json:"p50"`
	P90  int     `json:"p90"`
	Rank int     `json:"rank"`
}

type forecastJSON struct {
	Futures    int                          `json:"futures"`
	Turn       int                          `json:"turn"`
	Scenario   string                       `json:"scenario"`
	Seat       string                       `json:"seat"`
	Seed       uint64                       `json:"seed"`
	Endings    map[string]float64           `json:"endings"`
	Crisis     float64                      `json:"crisis"`
	CrisisTurn int                          `json:"crisis_turn"`
	Margin     float64                      `json:"margin"`
	Actors     map[string]forecastActorJSON `json:"actors"`
}

func printForecastJSON(e *env, sc *game.Scenario, r *forecast.Result, seed uint64) error {
	out := forecastJSON{Futures: r.Done(), Turn: r.Turn, Scenario: sc.ID, Seat: seatID(sc, r.Seat), Seed: seed,
		Endings: map[string]float64{}, Actors: map[string]forecastActorJSON{}}
	ends := forecast.Endings(r.With, len(sc.Outcomes))
	for i, s := range ends {
		out.Endings[sc.Outcomes[i].ID] = s.P()
	}
	cr := forecast.Crisis(r.With)
	out.Crisis, out.CrisisTurn = cr.P(), forecast.CrisisTurn(r.With)
	out.Margin = float64(forecast.Worst(append(ends, cr)...)) / 100
	for a := range sc.Actors {
		s := forecast.ActorStats(r.With, a)
		out.Actors[sc.Actors[a].ID] = forecastActorJSON{Win: s.Win.P(), P10: s.P10, P50: s.P50, P90: s.P90, Rank: s.Rank}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func seatID(sc *game.Scenario, seat int) string {
	if seat == forecast.Public {
		return "public"
	}
	return sc.Actors[seat].ID
}

func printForecast(e *env, sc *game.Scenario, r *forecast.Result, seed uint64) {
	view := text.T("the public view (nobody's secrets)")
	if r.Seat != forecast.Public {
		view = text.F("%s's view (what it cannot see is guessed, never read)", sc.Actors[r.Seat].Name)
	}
	date := func(turn int) string { return text.Half(sc.HalfYear(turn)) }
	fmt.Fprint(e.stdout, text.F("Forecast of %s from the start of turn %d (%s), %s:", sc.Title, r.Turn, date(r.Turn), view)+"\n"+
		text.F("%s futures played to the end with bots in every seat (forecast seed %d).", thousands(r.Done()), seed)+"\n\n")
	if est := ui.ForecastEstimates(sc, r.Seat); len(est) > 0 {
		if r.Seat != forecast.Public {
			fmt.Fprint(e.stdout, text.F("Built on what %s sees: %s. The real game may go otherwise.", sc.Actors[r.Seat].Name, text.AndList(est))+"\n\n")
		} else {
			fmt.Fprint(e.stdout, text.F("Built on what everyone sees: %s. The real game may go otherwise.", text.AndList(est))+"\n\n")
		}
	}
	ends := forecast.Endings(r.With, len(sc.Outcomes))
	cr := forecast.Crisis(r.With)
	rows := [][]string{{text.T("World outcome"), text.T("Chance")}}
	for i, s := range ends {
		rows = append(rows, []string{sc.Outcomes[i].Name, fmt.Sprintf("%d%%", forecast.Percent(s.P()))})
	}
	fmt.Fprint(e.stdout, columns(rows, false))
	if cr.Count > 0 {
		fmt.Fprint(e.stdout, "\n"+text.F("Strait crisis: %d%%, typically in turn %d (%s; the median).", forecast.Percent(cr.P()), forecast.CrisisTurn(r.With), date(forecast.CrisisTurn(r.With)))+"\n")
	} else {
		fmt.Fprint(e.stdout, "\n"+text.T("Strait crisis: in none of the futures.")+"\n")
	}
	fmt.Fprintln(e.stdout)
	rows = [][]string{{text.T("Actor"), text.T("Wins"), text.T("Score: low (p10)"), text.T("middle (p50)"), text.T("high (p90)"), text.T("Median rank")}}
	for a := range sc.Actors {
		s := forecast.ActorStats(r.With, a)
		rows = append(rows, []string{sc.Actors[a].Name, fmt.Sprintf("%d%%", forecast.Percent(s.Win.P())), fmt.Sprint(s.P10), fmt.Sprint(s.P50), fmt.Sprint(s.P90), fmt.Sprint(s.Rank)})
	}
	fmt.Fprint(e.stdout, columns(rows, true))
	fmt.Fprint(e.stdout, "\n"+text.T("A tenth of the futures end below the low score, half below the middle one, nine tenths below the high one.")+"\n"+
		marginSentence(forecast.Worst(append(ends, cr)...), r.Done())+"\n")
}

// marginSentence is "Every chance above is " and forecast.MarginSentence,
// as one sentence that a language can word as a whole.
func marginSentence(points, futures int) string {
	if futures == 1 {
		return text.F("Every chance above is ±%d points: with %s future the true figure is within %d points 19 times in 20.", points, thousands(futures), points)
	}
	return text.F("Every chance above is ±%d points: with %s futures the true figure is within %d points 19 times in 20.", points, thousands(futures), points)
}

// columns lines up a table as text/tabwriter does with a padding of two
// spaces and every cell ended by a tab, but measures cells in terminal
// cells (text.Width), so that Chinese, two cells a character, lines up
// too: each column is as wide as its widest cell and two spaces; right
// puts the spaces before the text.
func columns(rows [][]string, right bool) string {
	var w []int
	for _, r := range rows {
		for j, c := range r {
			if j == len(w) {
				w = append(w, 0)
			}
			w[j] = max(w[j], text.Width(c)+2)
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for j, c := range r {
			if right {
				b.WriteString(text.PadLeft(c, w[j]))
			} else {
				b.WriteString(text.PadRight(c, w[j]))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
