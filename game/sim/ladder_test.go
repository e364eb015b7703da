package sim_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

var (
	ladderGames = flag.Int("ladder.games", 0, "games per seat and level in TestLadder (0: a small sample for CI)")
	ladderSeats = flag.String("ladder.seats", "", "the seats TestLadder measures, comma-separated (default: every seat)")
	ladderTable = flag.Bool("ladder.table", false, "print TestLadder's results as the table of docs/balance.md")
)

// seatResult is one seat played by one policy over a batch, the other seats
// played by the normal bots drawn for each game.
type seatResult struct {
	scores []int // the seat's final score, game by game
	wins   int
	crises int
}

func playSeat(sc *game.Scenario, seat int, policy string, games int, seed uint64) seatResult {
	seating := make(sim.Seating, len(sc.Actors))
	seating[seat] = policy
	r := seatResult{scores: make([]int, games)}
	sim.Run(sim.Config{Scenario: sc, Games: games, Seed: seed, Difficulty: bot.Normal, Seating: seating,
		OnGame: func(i int, g *sim.Game) {
			r.scores[i] = g.Scores[seat]
			for _, w := range g.Winners {
				if w == seat {
					r.wins++
				}
			}
			if g.Final.Crisis.Turn > 0 {
				r.crises++
			}
		}})
	return r
}

// headToHead is the share of games, ties left out, in which a scored more
// than b on the same seed, in hundredths of a percent, and the number of
// games that counted.
func headToHead(a, b []int) (pct, n int) {
	won := 0
	for i := range a {
		switch {
		case a[i] > b[i]:
			won++
			n++
		case a[i] < b[i]:
			n++
		}
	}
	return won * 10000 / max(n, 1), n
}

// TestLadder: in every seat, hard beats normal and normal beats easy head
// to head (paired seeds, final scores, ties left out) in at least 65% of
// games; easy still wins at least a third as often as normal; and a hard
// seat does not raise the crisis rate by more than 2 points. The default
// sample is small enough for CI; -ladder.games=1000 -ladder.table gives the
// table of docs/balance.md.
func TestLadder(t *testing.T) {
	if testing.Short() {
		t.Skip("plays hundreds of games with searching bots")
	}
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	games := *ladderGames
	small := games == 0
	if small {
		games = 40
	}
	seats := seatsOf(t, sc, *ladderSeats, small)
	if *ladderTable {
		fmt.Printf("| Seat | Easy wins | Normal wins | Hard wins | Normal beats easy | Hard beats normal | Crises, normal | Crises, hard | Games |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	}
	for _, a := range seats {
		id := sc.Actors[a].ID
		easy := playSeat(sc, a, "bot:easy", games, 1)
		normal := playSeat(sc, a, "bot:normal", games, 1)
		hard := playSeat(sc, a, "bot:hard", games, 1)
		ne, _ := headToHead(normal.scores, easy.scores)
		hn, _ := headToHead(hard.scores, normal.scores)
		if *ladderTable {
			fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", sc.Actors[a].Name,
				pctOf(easy.wins, games), pctOf(normal.wins, games), pctOf(hard.wins, games), hundredths(ne), hundredths(hn),
				pctOf(normal.crises, games), pctOf(hard.crises, games), games)
		}
		// A small sample only checks the order of the ladder; the full one
		// holds it to the thresholds.
		floor := 6500
		if small {
			floor = 5000
		}
		if hn < floor {
			t.Errorf("%s: hard beats normal in %s%% of %d games", id, hundredths(hn), games)
		}
		if ne < floor {
			t.Errorf("%s: normal beats easy in %s%% of %d games", id, hundredths(ne), games)
		}
		if !small && easy.wins*3 < normal.wins {
			t.Errorf("%s: easy wins %d games, normal %d: easy should win at least a third as often", id, easy.wins, normal.wins)
		}
		if !small && (hard.crises-normal.crises)*100 > 2*games {
			t.Errorf("%s: a hard seat raises the crisis rate from %s to %s", id, pctOf(normal.crises, games), pctOf(hard.crises, games))
		}
	}
}

func pctOf(n, of int) string { return hundredths(n*10000/max(of, 1)) + "%" }

// seatsOf reads -ladder.seats; by default every seat.
func seatsOf(t *testing.T, sc *game.Scenario, spec string, small bool) []int {
	t.Helper()
	var out []int
	if spec == "" {
		for a := range sc.Actors {
			out = append(out, a)
		}
		return out
	}
	for _, id := range strings.Split(spec, ",") {
		a, ok := sc.ActorIndex(id)
		if !ok {
			t.Fatalf("-ladder.seats: no actor %q", id)
		}
		out = append(out, a)
	}
	return out
}
