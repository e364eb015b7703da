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
	ladderHard  = flag.Int("ladder.hardgames", 0, "games per seat with the hard bot in TestLadder (0: as -ladder.games)")
	ladderSeed  = flag.Uint64("ladder.seed", 1, "seed of TestLadder's first game")
	ladderEasy  = flag.Bool("ladder.easyonly", false, "measure only easy against normal in TestLadder (no searching bots)")
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

// TestLadder measures the ladder in every seat: hard against normal and
// normal against easy, head to head (paired seeds, final scores, ties left
// out), their win rates, and the crisis rate with a hard bot in the seat.
//
// What it holds every run to: hard beats normal in at least 60% of games
// and does not raise the crisis rate by more than 2 points (on large
// samples); normal beats easy head to head in at least 65% of games (62%
// on CI's small sample) and scores more in all, and (on large samples)
// easy wins less often than normal but at least a third as often. The
// default sample is small enough for CI (200 games a seat for easy and
// normal, 30 for hard); -ladder.games=2000 -ladder.table gives the table of
// docs/balance.md (-ladder.seed for another run of seeds).
func TestLadder(t *testing.T) {
	if testing.Short() {
		t.Skip("plays hundreds of games with searching bots")
	}
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	games, hardGames := *ladderGames, *ladderGames
	small := games == 0
	if small {
		games, hardGames = 200, 50
	}
	if *ladderHard > 0 {
		hardGames = *ladderHard
	}
	seats := seatsOf(t, sc, *ladderSeats, small)
	if *ladderTable {
		fmt.Printf("| Seat | Easy wins | Normal wins | Hard wins | Normal beats easy | Hard beats normal | Crises, normal | Crises, hard | Games |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	}
	for _, a := range seats {
		id := sc.Actors[a].ID
		easy := playSeat(sc, a, "bot:easy", games, *ladderSeed)
		normal := playSeat(sc, a, "bot:normal", games, *ladderSeed)
		ne, _ := headToHead(normal.scores, easy.scores)
		hardRow, hnRow, crisisRow := "-", "-", "-"
		if !*ladderEasy {
			hard := playSeat(sc, a, "bot:hard", hardGames, *ladderSeed)
			base := normal
			if hardGames != games {
				base = playSeat(sc, a, "bot:normal", hardGames, *ladderSeed)
			}
			hn, _ := headToHead(hard.scores, base.scores)
			hardRow, hnRow, crisisRow = pctOf(hard.wins, hardGames), hundredths(hn), pctOf(hard.crises, hardGames)
			if hn < 6000 {
				t.Errorf("%s: hard beats normal in %s%% of %d games", id, hundredths(hn), hardGames)
			}
			if !small && (hard.crises-base.crises)*100 > 2*hardGames {
				t.Errorf("%s: a hard seat raises the crisis rate from %s to %s", id, pctOf(base.crises, hardGames), pctOf(hard.crises, hardGames))
			}
		}
		if *ladderTable {
			fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", sc.Actors[a].Name,
				pctOf(easy.wins, games), pctOf(normal.wins, games), hardRow, hundredths(ne), hnRow,
				pctOf(normal.crises, games), crisisRow, games)
		}
		// The target is 65%; the 200 games CI plays measure 63.9% to
		// 76.6%, and a sample that small may fall a little short of a
		// target the full table meets.
		least := 6500
		if small {
			least = 6200
		}
		if ne < least {
			t.Errorf("%s: normal beats easy in %s%% of %d games, want %s%% or more", id, hundredths(ne), games, hundredths(least))
		}
		if !small && easy.wins >= normal.wins {
			t.Errorf("%s: easy wins %d games, normal %d: easy should win less often", id, easy.wins, normal.wins)
		}
		if sum(easy.scores) >= sum(normal.scores) {
			t.Errorf("%s: easy scores %d in all over %d games, normal %d: easy should score less", id, sum(easy.scores), games, sum(normal.scores))
		}
		if !small && easy.wins*3 < normal.wins {
			t.Errorf("%s: easy wins %d games, normal %d: easy should win at least a third as often", id, easy.wins, normal.wins)
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

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
