package sim_test

import (
	"reflect"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

// TestWorkersDoNotChangeResults: the batch is the same whether one worker
// or many play it (run this under -race: the workers share nothing).
func TestWorkersDoNotChangeResults(t *testing.T) {
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	cfg := sim.Config{Scenario: p.Scenario, Games: 24, Seed: 100, Difficulty: bot.Normal}
	var order []uint64
	cfg.Workers = 1
	cfg.OnGame = func(i int, g *sim.Game) { order = append(order, g.Seed) }
	one := sim.Run(cfg)
	cfg.Workers = 4
	var order4 []uint64
	cfg.OnGame = func(i int, g *sim.Game) { order4 = append(order4, g.Seed) }
	four := sim.Run(cfg)
	if !reflect.DeepEqual(one, four) {
		t.Fatalf("results differ with 1 and 4 workers:\n%+v\n%+v", one, four)
	}
	for i, s := range order4 {
		if s != 100+uint64(i) || order[i] != s {
			t.Fatalf("games reported out of order: %v / %v", order, order4)
		}
	}
	wins := 0
	for _, a := range one.Actors {
		wins += a.Wins
	}
	if wins < one.Games-one.Crises {
		t.Errorf("%d wins in %d games with %d crises: every game without a crisis has a winner", wins, one.Games, one.Crises)
	}
	ends := 0
	for _, n := range one.Endings {
		ends += n
	}
	if ends != one.Games {
		t.Errorf("endings add up to %d, want %d", ends, one.Games)
	}
}

// TestPlayRecordsHashesOnlyWhenAsked: a game played without RecordHashes
// is the same game (orders and final state) with no hashes kept, and the
// hashes kept with it are those of the states its orders lead to.
func TestPlayRecordsHashesOnlyWhenAsked(t *testing.T) {
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	for seed := uint64(1); seed <= 5; seed++ {
		bare := sim.Play(sc, seed, sim.SeatsFor(sc, seed, bot.Normal), 0)
		kept := sim.Play(sc, seed, sim.SeatsFor(sc, seed, bot.Normal), sim.RecordHashes)
		if bare.Hashes != nil || bare.Start != (game.Hash{}) {
			t.Fatalf("seed %d: hashes kept without RecordHashes", seed)
		}
		if !reflect.DeepEqual(bare.Orders, kept.Orders) || bare.Final.Hash() != kept.Final.Hash() {
			t.Fatalf("seed %d: recording hashes changed the game", seed)
		}
		st := sc.StartGame(seed)
		if kept.Start != st.Hash() || len(kept.Hashes) != len(kept.Orders) {
			t.Fatalf("seed %d: start hash or hash count wrong (%d hashes, %d turns)", seed, len(kept.Hashes), len(kept.Orders))
		}
		for turn, orders := range kept.Orders {
			st, _ = sc.Resolve(&st, orders)
			if st.Hash() != kept.Hashes[turn] {
				t.Fatalf("seed %d turn %d: kept hash is not the state's", seed, turn+1)
			}
		}
	}
}
