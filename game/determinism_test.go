package game_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

// finalHashes plays n all-bot games from seed and returns every game's
// per-turn hashes joined into one string per game.
func finalHashes(sc *game.Scenario, seed uint64, n int) []string {
	out := make([]string, n)
	for i := range n {
		s := seed + uint64(i)
		g := sim.Play(sc, s, sim.SeatsFor(sc, s, bot.Normal), sim.RecordHashes)
		var b strings.Builder
		b.WriteString(g.Start.String())
		for _, h := range g.Hashes {
			b.WriteString(" " + h.String())
		}
		out[i] = b.String()
	}
	return out
}

func TestSameSeedSameGameInProcess(t *testing.T) {
	sc := scenario(t)
	a := finalHashes(sc, 1, 100)
	b := finalHashes(sc, 1, 100)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("game %d (seed %d) differs between two runs in one process", i, 1+i)
		}
	}
	// Different seeds must give different games, or the seed does nothing.
	distinct := map[string]bool{}
	for _, h := range a {
		distinct[h] = true
	}
	if len(distinct) < 95 {
		t.Errorf("only %d distinct games out of 100 seeds", len(distinct))
	}
}

// TestPlayWithoutReportsIsTheSameGame: the simulator's quiet turns with
// their history written in place (AdvanceOwned) reach the same states,
// history and all, as turns resolved with their reports.
func TestPlayWithoutReportsIsTheSameGame(t *testing.T) {
	sc := scenario(t)
	for s := uint64(1); s <= 20; s++ {
		quiet := sim.Play(sc, s, sim.SeatsFor(sc, s, bot.Normal), sim.RecordHashes)
		loud := sim.Play(sc, s, sim.SeatsFor(sc, s, bot.Normal), sim.RecordHashes|sim.RecordReports)
		// The hashes cover every field (Resolve's fresh state holds nil
		// where the reused one holds an empty list, which no hash tells
		// apart); the history is compared as well, for it is what changed.
		if !reflect.DeepEqual(quiet.Hashes, loud.Hashes) || quiet.Final.Hash() != loud.Final.Hash() ||
			!reflect.DeepEqual(quiet.Final.History, loud.Final.History) {
			t.Fatalf("seed %d: the game played without reports differs from the one with them", s)
		}
		if len(quiet.Final.History) != cap(quiet.Final.History) {
			t.Fatalf("seed %d: the final history keeps room past its length, which an append would share", s)
		}
	}
}

// TestSameSeedSameGameAcrossProcesses runs the same 100 games in a child
// process (this test binary, re-executed) and compares every hash.
func TestSameSeedSameGameAcrossProcesses(t *testing.T) {
	if os.Getenv("ZEROSUM_CHILD_HASHES") == "1" {
		return
	}
	sc := scenario(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildHashes$", "-test.count=1")
	cmd.Env = append(os.Environ(), "ZEROSUM_CHILD_HASHES=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child process: %v\n%s", err, out)
	}
	var child []string
	for _, line := range strings.Split(string(out), "\n") {
		if h, ok := strings.CutPrefix(line, "HASH "); ok {
			child = append(child, h)
		}
	}
	mine := finalHashes(sc, 1, 100)
	if len(child) != len(mine) {
		t.Fatalf("child printed %d games, want %d", len(child), len(mine))
	}
	for i := range mine {
		if mine[i] != child[i] {
			t.Fatalf("game %d differs between processes", i)
		}
	}
}

// TestChildHashes is the child half of the test above.
func TestChildHashes(t *testing.T) {
	if os.Getenv("ZEROSUM_CHILD_HASHES") != "1" {
		t.Skip("only runs as the child of TestSameSeedSameGameAcrossProcesses")
	}
	for _, h := range finalHashes(scenario(t), 1, 100) {
		fmt.Println("HASH " + h)
	}
}

// TestStateJSONRoundTrip checks that a state is plain data at every turn of
// many games: encode, decode, encode gives the same bytes and the same hash.
func TestStateJSONRoundTrip(t *testing.T) {
	sc := scenario(t)
	for seed := uint64(1); seed <= 20; seed++ {
		st, _ := sc.NewGame(seed)
		seats := sim.SeatsFor(sc, seed, bot.Normal)
		for {
			b1, err := json.Marshal(st)
			if err != nil {
				t.Fatal(err)
			}
			var back game.State
			if err := json.Unmarshal(b1, &back); err != nil {
				t.Fatal(err)
			}
			b2, _ := json.Marshal(back)
			if !bytes.Equal(b1, b2) {
				t.Fatalf("seed %d turn %d: JSON round trip changed the bytes", seed, st.Turn)
			}
			if back.Hash() != st.Hash() {
				t.Fatalf("seed %d turn %d: JSON round trip changed the hash", seed, st.Turn)
			}
			if st.Over {
				break
			}
			var orders []game.Order
			for a := range sc.Actors {
				v := sc.View(&st, a, false)
				orders = append(orders, seats[a].Choose(sc, &v, a)...)
			}
			// Resolving the decoded copy must give the same next state.
			n1, _ := sc.Resolve(&st, orders)
			n2, _ := sc.Resolve(&back, orders)
			if n1.Hash() != n2.Hash() {
				t.Fatalf("seed %d turn %d: a decoded state resolves differently", seed, st.Turn)
			}
			st = n1
		}
	}
}

// TestResolveDoesNotMutateItsInput guards the copy-on-resolve contract that
// rewind and bots rely on.
func TestResolveDoesNotMutateItsInput(t *testing.T) {
	sc := scenario(t)
	st, _ := sc.NewGame(7)
	bots := sim.BotsFor(sc, 7, bot.Normal)
	bots[0].Difficulty = bot.Hard // one searching bot: it resolves copies of the world too
	seats := sim.AsSeats(bots)
	for !st.Over {
		before := st.Hash()
		var orders []game.Order
		for a := range sc.Actors {
			v := sc.View(&st, a, true)
			orders = append(orders, seats[a].Choose(sc, &v, a)...)
		}
		if st.Hash() != before {
			t.Fatalf("turn %d: building views or choosing orders changed the state", st.Turn)
		}
		next, _ := sc.Resolve(&st, orders)
		if st.Hash() != before {
			t.Fatalf("turn %d: Resolve changed its input", st.Turn)
		}
		// Resolving the same input twice gives the same result.
		again, _ := sc.Resolve(&st, orders)
		if again.Hash() != next.Hash() {
			t.Fatalf("turn %d: resolving twice gave different states", st.Turn)
		}
		st = next
	}
}

// TestOrderOfOrdersDoesNotMatter: orders are simultaneous, so listing the
// actors' orders in another order must give the same world.
func TestOrderOfOrdersDoesNotMatter(t *testing.T) {
	sc := scenario(t)
	for seed := uint64(1); seed <= 10; seed++ {
		st, _ := sc.NewGame(seed)
		seats := sim.SeatsFor(sc, seed, bot.Normal)
		for !st.Over {
			var orders []game.Order
			for a := range sc.Actors {
				v := sc.View(&st, a, false)
				orders = append(orders, seats[a].Choose(sc, &v, a)...)
			}
			// Reverse the actors' blocks, keeping each actor's own order.
			var reversed []game.Order
			for a := len(sc.Actors) - 1; a >= 0; a-- {
				for _, o := range orders {
					if o.Actor == sc.Actors[a].ID {
						reversed = append(reversed, o)
					}
				}
			}
			n1, _ := sc.Resolve(&st, orders)
			n2, _ := sc.Resolve(&st, reversed)
			if n1.Hash() != n2.Hash() {
				t.Fatalf("seed %d turn %d: the listing order of orders changed the result", seed, st.Turn)
			}
			st = n1
		}
	}
}

// StartGame is NewGame without the report's ledger: the state must be the
// same in every field.
func TestStartGameIsNewGame(t *testing.T) {
	fp, err := content.Load("flashpoint")
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range []*game.Scenario{scenario(t), fp.Scenario} {
		for seed := uint64(1); seed <= 50; seed++ {
			st, _ := sc.NewGame(seed)
			if got := sc.StartGame(seed); !reflect.DeepEqual(got, st) || got.Hash() != st.Hash() {
				t.Fatalf("%s seed %d: StartGame differs from NewGame", sc.ID, seed)
			}
		}
	}
}
