package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
	"zerosum/saves"
)

type simCmd struct {
	Games      int    `help:"Number of games." default:"100"`
	Seed       uint64 `help:"Seed of the first game; game i uses seed+i." default:"1"`
	Scenario   string `help:"Scenario id or path." default:"${scenario}"`
	Difficulty string `help:"Bot difficulty: easy, normal or hard." default:"normal" enum:"easy,normal,hard"`
	JSON       bool   `name:"json" help:"Print one JSON object instead of a table."`
	Detail     bool   `help:"Add per-action, per-event and per-personality figures."`
	ReplayDir  string `help:"Write a replay of every game into this folder." type:"path"`
	Workers    int    `help:"Games played at once (0: one per CPU); results do not depend on it." default:"0"`
}

func (c simCmd) Run(e *env) error {
	if c.Games < 1 || c.Games > 1_000_000 {
		return failf("--games must be between 1 and 1000000 (got %d)", c.Games)
	}
	p, err := loadScenario(c.Scenario)
	if err != nil {
		return failf("%v", err)
	}
	sc := p.Scenario
	d, _ := bot.ParseDifficulty(c.Difficulty)
	cfg := sim.Config{Scenario: sc, Games: c.Games, Seed: c.Seed, Difficulty: d, Workers: c.Workers}
	var writeErr error
	if c.ReplayDir != "" {
		if err := os.MkdirAll(c.ReplayDir, 0o755); err != nil {
			return failf("cannot create the replay folder: %v", err)
		}
		cfg.OnGame = func(i int, g *sim.Game) {
			if writeErr != nil {
				return
			}
			writeErr = writeReplay(c.ReplayDir, sc, g)
		}
	}
	s := sim.Run(cfg)
	if writeErr != nil {
		return failf("writing replays: %v", writeErr)
	}
	if c.JSON {
		return printSimJSON(e, s, c.Detail)
	}
	printSimTable(e, p, s, c.Detail)
	return nil
}

// simReplay turns one simulated game into a replay.
func simReplay(sc *game.Scenario, g *sim.Game) *saves.Replay {
	seats := make([]saves.Seat, len(g.Seats))
	for a, s := range g.Seats {
		seats[a] = saves.Seat{Actor: sc.Actors[a].ID, Kind: "bot", Personality: s.Personality.String(), Difficulty: s.Difficulty.String()}
	}
	r := saves.NewReplay(sc, g.Seed, seats, g.Start)
	for t, orders := range g.Orders {
		r.Add(t+1, orders, g.Hashes[t])
	}
	r.Outcome = g.Final.Outcome
	return r
}

func writeReplay(dir string, sc *game.Scenario, g *sim.Game) error {
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-seed%d.replay.json", sc.ID, g.Seed)))
	if err != nil {
		return err
	}
	if err := simReplay(sc, g).Encode(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// hundredths prints an integer number of hundredths as a JSON number.
func hundredths(v int) json.Number {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return json.Number(fmt.Sprintf("%s%d.%02d", sign, v/100, v%100))
}

type simActorJSON struct {
	Wins          int                        `json:"wins"`
	MeanScore     json.Number                `json:"mean_score"`
	Culprit       int                        `json:"crisis_culprit"`
	Personalities map[string]personalityJSON `json:"personalities,omitempty"`
}

type personalityJSON struct {
	Games int `json:"games"`
	Wins  int `json:"wins"`
}

type actionJSON struct {
	Actor     string `json:"actor"`
	Uses      int    `json:"uses"`
	Games     int    `json:"games"`
	InWins    int    `json:"in_wins"`
	OwnerWins int    `json:"owner_wins"`
}

type simJSON struct {
	Games     int                     `json:"games"`
	Seed      uint64                  `json:"seed"`
	Scenario  string                  `json:"scenario"`
	Endings   map[string]int          `json:"endings"`
	Actors    map[string]simActorJSON `json:"actors"`
	TurnsMean json.Number             `json:"turns_mean"`
	Crises    int                     `json:"crises"`
	Digest    string                  `json:"digest"`
	Actions   map[string]actionJSON   `json:"actions,omitempty"`
	Events    map[string]int          `json:"events,omitempty"`
}

func printSimJSON(e *env, s sim.Summary, detail bool) error {
	out := simJSON{
		Games: s.Games, Seed: s.Seed, Scenario: s.Scenario, Endings: s.Endings,
		Actors: map[string]simActorJSON{}, TurnsMean: hundredths(s.TurnsMean), Crises: s.Crises, Digest: s.Digest,
	}
	for _, a := range s.Actors {
		aj := simActorJSON{Wins: a.Wins, MeanScore: hundredths(a.MeanScore), Culprit: a.Culprit}
		if detail {
			aj.Personalities = map[string]personalityJSON{}
			for p, r := range a.ByPersonality {
				aj.Personalities[bot.Personality(p).String()] = personalityJSON{r.Games, r.Wins}
			}
		}
		out.Actors[a.ID] = aj
	}
	if detail {
		out.Actions = map[string]actionJSON{}
		for _, a := range s.Actions {
			out.Actions[a.ID] = actionJSON{a.Actor, a.Uses, a.Games, a.InWins, a.OwnerWins}
		}
		out.Events = map[string]int{}
		for _, ev := range s.Events {
			out.Events[ev.ID] = ev.Games
		}
	}
	enc := json.NewEncoder(e.stdout)
	if detail {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(out)
}

func pct(n, of int) string {
	if of == 0 {
		return "-"
	}
	v := n * 1000 / of
	return fmt.Sprintf("%d.%d%%", v/10, v%10)
}

func printSimTable(e *env, p *content.Pack, s sim.Summary, detail bool) {
	sc := p.Scenario
	fmt.Fprintf(e.stdout, "%s — %d games from seed %d, %s turns on average, %d Strait crises (%s)\n\n",
		sc.Title, s.Games, s.Seed, hundredths(s.TurnsMean), s.Crises, pct(s.Crises, s.Games))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "actor\twins\twin rate\tmean score\tcrisis culprit\t")
	for _, a := range s.Actors {
		i, _ := sc.ActorIndex(a.ID)
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t\n", sc.Actors[i].Name, a.Wins, pct(a.Wins, s.Games), hundredths(a.MeanScore), a.Culprit)
	}
	tw.Flush()
	fmt.Fprintln(e.stdout, "\nWorld outcomes:")
	ids := make([]string, 0, len(s.Endings))
	for id := range s.Endings {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		return s.Endings[ids[i]] > s.Endings[ids[j]] || (s.Endings[ids[i]] == s.Endings[ids[j]] && ids[i] < ids[j])
	})
	for _, id := range ids {
		fmt.Fprintf(e.stdout, "  %-24s %6d  %s\n", p.T("outcomes."+id+".name"), s.Endings[id], pct(s.Endings[id], s.Games))
	}
	if detail {
		fmt.Fprintln(e.stdout, "\nActions (games its owner took it; share of the owner's wins that included it):")
		for _, a := range s.Actions {
			fmt.Fprintf(e.stdout, "  %-12s %-28s used in %6s of games, in %6s of wins\n", a.Actor, a.ID, pct(a.Games, s.Games), pct(a.InWins, a.OwnerWins))
		}
		fmt.Fprintln(e.stdout, "\nMean progress of each objective at the end:")
		for ai, a := range s.Actors {
			var parts []string
			for i, pr := range a.Progress {
				o := sc.Actors[ai].Objectives[i]
				q := a.Quantiles[i]
				parts = append(parts, fmt.Sprintf("%s %s%% (%d→%d; p20/50/80 %d/%d/%d)", o.ID, hundredths(pr), o.From, o.To, q[0], q[1], q[2]))
			}
			fmt.Fprintf(e.stdout, "  %-12s %s\n", a.ID, strings.Join(parts, "\n               "))
		}
		fmt.Fprintf(e.stdout, "\nThe world on average at the start of each turn (turn %d: the end):\n", sc.Turns+1)
		fmt.Fprintln(e.stdout, "  turn games tension controls quotas pgap   gap diffusion regulation frag momentum blocUS blocCN grievance")
		for _, tp := range s.Trend {
			tr := tp.Tracks
			fmt.Fprintf(e.stdout, "  %4d %5d %7s %8s %6s %5s %5s %9s %10s %5s %8s %6s %6s %9s\n", tp.Turn, tp.Games,
				hundredths(tr[game.TrackTension]), hundredths(tr[game.TrackControls]), hundredths(tr[game.TrackQuotas]),
				hundredths(tr[game.TrackPerceivedGap]), hundredths(tp.Gap), hundredths(tr[game.TrackDiffusion]),
				hundredths(tr[game.TrackRegulation]), hundredths(tr[game.TrackFragmentation]), hundredths(tr[game.TrackMomentum]),
				hundredths(tp.BlocUS), hundredths(tp.BlocChina), hundredths(tp.Grievance))
		}
		fmt.Fprintln(e.stdout, "\nWin rate by personality:")
		for _, a := range s.Actors {
			var parts []string
			for pi, r := range a.ByPersonality {
				parts = append(parts, fmt.Sprintf("%s %s", bot.Personality(pi), pct(r.Wins, r.Games)))
			}
			fmt.Fprintf(e.stdout, "  %-12s %s\n", a.ID, strings.Join(parts, ", "))
		}
	}
	fmt.Fprintf(e.stdout, "\ndigest %s\n", s.Digest)
}
