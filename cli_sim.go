package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	Seats      string `help:"Who plays some seats instead of the bots drawn for each game: actor=POLICY, comma-separated, all=POLICY for every actor not named. POLICY is bot[:easy|normal|hard][:hawk|dove|hedger] (parts not named keep the drawn bot's), random (uniformly random legal orders), pass (no orders) or always:ACTION (that action whenever it is legal, then the cheapest orders). E.g. washington=bot:hawk,huawei=always:yield_push."`
	Ban        string `help:"Actions no seat may take, comma-separated ids."`
	GamesOut   string `name:"games-out" help:"Write one JSON object per game to this file (JSON Lines): seed, ending, crisis_turn, culprits, winners, scores and the final state. Refuses an existing file unless --force." type:"path"`
	Force      bool   `help:"Let --games-out replace an existing file."`
	JSON       bool   `name:"json" help:"Print one JSON object instead of a table."`
	Detail     bool   `help:"Add per-action, per-event and per-personality figures, the world at the end and the link-3 pressure table."`
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
	if c.Ban != "" {
		if sc, err = sc.Ban(strings.Split(c.Ban, ",")...); err != nil {
			return failf("--ban: %v", err)
		}
	}
	d, _ := bot.ParseDifficulty(c.Difficulty)
	cfg := sim.Config{Scenario: sc, Games: c.Games, Seed: c.Seed, Difficulty: d, Workers: c.Workers}
	if c.Seats != "" {
		if cfg.Seating, err = sim.ParseSeating(sc, c.Seats); err != nil {
			return failf("--seats: %v", err)
		}
		if c.ReplayDir != "" && slices.ContainsFunc(cfg.Seating, func(s string) bool { return s != "" && !strings.HasPrefix(s, "bot") }) {
			return failf("--replay-dir records games of bots; a random, pass or always: seat is not a player a replay can name")
		}
	}
	var writeErr error
	var out *os.File
	var outBuf *bufio.Writer
	if c.GamesOut != "" {
		if out, err = createOutput(c.GamesOut, c.Force); err != nil {
			return failf("--games-out: %v", err)
		}
		defer out.Close()
		outBuf = bufio.NewWriter(out)
	}
	var onGame []func(i int, g *sim.Game)
	if outBuf != nil {
		enc := json.NewEncoder(outBuf)
		onGame = append(onGame, func(i int, g *sim.Game) {
			if writeErr == nil {
				writeErr = enc.Encode(gameRecord(sc, g))
			}
		})
	}
	if c.ReplayDir != "" {
		if err := os.MkdirAll(c.ReplayDir, 0o755); err != nil {
			return failf("cannot create the replay folder: %v", err)
		}
		cfg.Record |= sim.RecordHashes // a replay checks each turn's state
		onGame = append(onGame, func(i int, g *sim.Game) {
			if writeErr == nil {
				writeErr = writeReplay(c.ReplayDir, sc, g)
			}
		})
	}
	bar := e.progress("Playing games", c.Games)
	if bar.w != nil {
		onGame = append(onGame, func(i int, g *sim.Game) { bar.set(i + 1) })
	}
	if len(onGame) > 0 {
		cfg.OnGame = func(i int, g *sim.Game) {
			for _, f := range onGame {
				f(i, g)
			}
		}
	}
	s := sim.Run(cfg)
	bar.done()
	if writeErr == nil && outBuf != nil {
		writeErr = outBuf.Flush()
		if err := out.Close(); writeErr == nil {
			writeErr = err
		}
	}
	if writeErr != nil {
		return failf("writing the games: %v", writeErr)
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
		b, _ := s.(bot.Bot) // Run checked that every seat is a bot
		seats[a] = saves.Seat{Actor: sc.Actors[a].ID, Kind: "bot", Personality: b.Personality.String(), Difficulty: b.Difficulty.String()}
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
	Blame         json.Number                `json:"crisis_blame"`
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
	for i, a := range s.Actors {
		aj := simActorJSON{Wins: a.Wins, MeanScore: hundredths(a.MeanScore), Culprit: a.Culprit, Blame: hundredths(s.Final.Blame[i])}
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
	fmt.Fprintf(e.stdout, "%s — %d games from seed %d, %s turns on average, %d Strait crises (%s); nobody wins a crisis\n\n",
		sc.Title, s.Games, s.Seed, hundredths(s.TurnsMean), s.Crises, pct(s.Crises, s.Games))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "actor\twins\twin rate\tmean score\tcrisis culprit\tmean blame in crises\t")
	for i, a := range s.Actors {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%s%%\t\n", sc.Actors[i].Name, a.Wins, pct(a.Wins, s.Games), hundredths(a.MeanScore), a.Culprit, hundredths(s.Final.Blame[i]))
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
		if len(s.Pressure) > 0 {
			fmt.Fprintln(e.stdout, "\nWashington's control or escalating orders, by the gap it believed in at the start of the turn (link 3):")
			for _, b := range s.Pressure {
				band := fmt.Sprintf("%d to %d", b.From, b.To)
				switch {
				case b.From <= -100:
					band = fmt.Sprintf("below %d", b.To+1)
				case b.To >= 100:
					band = fmt.Sprintf("%d and over", b.From)
				}
				fmt.Fprintf(e.stdout, "  %-12s %6d turns, tough in %s\n", band, b.Turns, pct(b.Escalate, b.Turns))
			}
		}
		fmt.Fprintf(e.stdout, "\nThe world at the end on average: combined score %s; blame in crises: ", hundredths(s.Final.WorldScore))
		var blame []string
		for a, b := range s.Final.Blame {
			if b > 0 {
				blame = append(blame, fmt.Sprintf("%s %s%%", sc.Actors[a].ID, hundredths(b)))
			}
		}
		fmt.Fprintln(e.stdout, strings.Join(blame, ", "))
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

// createOutput creates a file to write a command's output to. It refuses to
// replace an existing file unless force, and refuses anything but a regular
// file even then (a device, a folder, a pipe).
func createOutput(path string, force bool) (*os.File, error) {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if fi, err := os.Lstat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%s exists and is not a regular file; give another path", path)
		}
		if !force {
			return nil, fmt.Errorf("%s already exists; add --force to replace it", path)
		}
		flags = os.O_WRONLY | os.O_TRUNC
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return os.OpenFile(path, flags, 0o644)
}

// gameJSON is one line of --games-out.
type gameJSON struct {
	Seed       uint64                    `json:"seed"`
	Turns      int                       `json:"turns"`
	Ending     string                    `json:"ending"`
	CrisisTurn int                       `json:"crisis_turn"`
	Culprits   []shareJSON               `json:"culprits"`
	Blame      []shareJSON               `json:"blame"`
	Winners    []string                  `json:"winners"`
	Seats      map[string]string         `json:"seats"`
	Scores     map[string]int            `json:"scores"`
	Final      finalJSON                 `json:"final"`
	Orders     map[string]map[string]int `json:"orders"`
}

type shareJSON struct {
	Actor string `json:"actor"`
	Share int    `json:"share"`
}

type finalJSON struct {
	Tracks map[string]int            `json:"tracks"`
	Gap    int                       `json:"gap"`
	Actors map[string]map[string]int `json:"actors"`
	Swing  map[string]map[string]int `json:"swing"`
}

// gameRecord is what --games-out says of one game. Ids are the content's;
// maps encode with sorted keys, so the same games give the same bytes.
func gameRecord(sc *game.Scenario, g *sim.Game) gameJSON {
	st := &g.Final
	r := gameJSON{Seed: g.Seed, Turns: len(g.Orders), Ending: st.Outcome, CrisisTurn: st.Crisis.Turn,
		Culprits: []shareJSON{}, Blame: []shareJSON{}, Winners: []string{}, Seats: map[string]string{},
		Scores: map[string]int{}, Orders: map[string]map[string]int{},
		Final: finalJSON{Tracks: map[string]int{}, Gap: sc.Gap(st), Actors: map[string]map[string]int{}, Swing: map[string]map[string]int{}}}
	for _, a := range st.Crisis.Culprits {
		r.Culprits = append(r.Culprits, shareJSON{sc.Actors[a].ID, st.Crisis.Shares[a]})
	}
	for a, share := range st.Crisis.Shares {
		if share > 0 {
			r.Blame = append(r.Blame, shareJSON{sc.Actors[a].ID, share})
		}
	}
	for _, a := range g.Winners {
		r.Winners = append(r.Winners, sc.Actors[a].ID)
	}
	for a, ad := range sc.Actors {
		r.Seats[ad.ID] = g.Seats[a].Name()
		r.Scores[ad.ID] = g.Scores[a]
		stats := map[string]int{}
		for s := range game.NumStats {
			if ad.Has[s] {
				stats[s.String()] = st.Actors[a].Stats[s]
			}
		}
		r.Final.Actors[ad.ID] = stats
		r.Orders[ad.ID] = map[string]int{}
	}
	for t := range game.NumTracks {
		r.Final.Tracks[t.String()] = st.Tracks[t]
	}
	for _, w := range st.Swing {
		r.Final.Swing[w.ID] = map[string]int{"align": w.Align, "sovereign": w.Sovereign}
	}
	for _, turn := range g.Orders {
		for _, o := range turn {
			if m, ok := r.Orders[o.Actor]; ok {
				m[o.Action]++
			}
		}
	}
	return r
}
