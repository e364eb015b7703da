package main

import (
	"fmt"
	"strings"

	"zerosum/content"
	"zerosum/game"
	"zerosum/saves"
	"zerosum/text"
)

type replayCmd struct {
	Path     string `arg:"" help:"The replay file." type:"path"`
	Verify   bool   `help:"Check every turn's state hash; exit 1 at the first difference."`
	Scenario string `help:"The scenario file or folder the replay was played with, for a scenario that is not built in." type:"path"`
}

func (c replayCmd) Run(e *env) error {
	data, err := saves.ReadFile(c.Path)
	if err != nil {
		return failf("%s", text.F("cannot read the replay %s: %s", c.Path, because(c.Path, err)))
	}
	r, err := saves.DecodeReplay(data)
	if err != nil {
		return failf("%s: %v", c.Path, err)
	}
	var p *content.Pack
	if c.Scenario != "" {
		p, err = content.LoadPath(c.Scenario)
	} else {
		p, err = recordedScenario(r.Scenario, r.Source, r.ScenarioFiles)
	}
	if err != nil {
		return failf("%s: %v", c.Path, err)
	}
	sc := p.Scenario
	if c.Verify {
		st, err := r.Verify(sc)
		if err != nil {
			return failf("%s: %v", c.Path, err)
		}
		fmt.Fprintln(e.stdout, text.F("%s: ok, %d turns verified (%s, seed %d, final state %s)",
			c.Path, len(r.Turns), sc.ID, r.Seed, st.Hash().Short()))
		return nil
	}
	if err := r.Check(sc); err != nil {
		fmt.Fprintln(e.stderr, text.F("warning: %v", err))
	}
	// Each turn is played with its orders and a facilitator's news, as
	// Verify and report play it, so all three show the same game.
	st, _ := sc.NewGame(r.Seed)
	fmt.Fprintln(e.stdout, text.F("%s, seed %d", sc.Title, r.Seed))
	for i := range r.Turns {
		if st.Over {
			break
		}
		orders := r.Orders(i + 1)
		inject, err := saves.ParseInjections(sc, r.Turns[i].Inject)
		if err != nil {
			return failf("%s", text.F("%s: turn %d: %v", c.Path, i+1, err))
		}
		date := text.Half(sc.HalfYear(st.Turn))
		next, rep := sc.ResolveWith(&st, orders, inject)
		st = next
		fmt.Fprintf(e.stdout, "\n%s\n", date)
		for _, o := range rep.Orders {
			ai, _ := sc.ActionIndex(o.Action)
			a, _ := sc.ActorIndex(o.Actor)
			what := sc.Actions[ai].Name
			if o.Target != "" {
				si, _ := sc.SwingIndex(o.Target)
				what = text.F("%[1]s (%[2]s)", what, sc.Swing[si].Name)
			}
			fmt.Fprintf(e.stdout, "  %s %s\n", text.PadRight(sc.Actors[a].Name, 10), what)
		}
		for _, rf := range rep.Refused {
			fmt.Fprintln(e.stdout, text.F("  refused: %s: %s", saves.FormatOrder(rf.Order), rf.Reason))
		}
		var news []string
		for _, ev := range rep.Events {
			news = append(news, sc.Events[ev].Name)
		}
		for _, in := range inject {
			if in.Event < 0 {
				news = append(news, text.F("%s (from the facilitator)", in.Headline))
			}
		}
		if len(news) > 0 {
			sep := "; "
			if text.Chinese() {
				sep = "；"
			}
			fmt.Fprintln(e.stdout, text.F("  news: %s", strings.Join(news, sep)))
		}
		fmt.Fprintln(e.stdout, text.F("  Strait tension %d, controls %d, real gap %d", st.Tension(), st.Tracks[game.TrackControls], sc.Gap(&st)))
	}
	if st.Over {
		i := sc.OutcomeIndex(&st)
		fmt.Fprintln(e.stdout, "\n"+text.F("Outcome: %s", sc.Outcomes[i].Name))
		for a := range sc.Actors {
			card := sc.Score(&st, a)
			fmt.Fprintf(e.stdout, "  %s %3d\n", text.PadRight(sc.Actors[a].Name, 10), card.Total)
		}
	}
	return nil
}
