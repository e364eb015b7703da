package game_test

import (
	"testing"

	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

// BenchmarkResolve measures one turn's resolution with typical bot orders.
func BenchmarkResolve(b *testing.B) {
	sc := scenario(b)
	st, _ := sc.NewGame(1)
	seats := sim.SeatsFor(sc, 1, bot.Normal)
	var orders []game.Order
	for a := range sc.Actors {
		v := sc.View(&st, a, false)
		orders = append(orders, seats[a].Choose(sc, &v, a)...)
	}
	b.ReportAllocs()
	for b.Loop() {
		sc.Resolve(&st, orders)
	}
}

// BenchmarkBotsChoose measures all eight bots choosing one turn's orders.
func BenchmarkBotsChoose(b *testing.B) {
	sc := scenario(b)
	st, _ := sc.NewGame(1)
	seats := sim.SeatsFor(sc, 1, bot.Normal)
	b.ReportAllocs()
	for b.Loop() {
		for a := range sc.Actors {
			v := sc.View(&st, a, false)
			seats[a].Choose(sc, &v, a)
		}
	}
}

// BenchmarkFullGame measures a whole default game (12 turns, 8 bots) as the
// simulator plays it: every turn's orders, the history and the final state,
// without the per-turn state hashes only a replay needs (until December
// 2026 every game hashed them; BenchmarkFullGameRecorded still does).
func BenchmarkFullGame(b *testing.B) {
	sc := scenario(b)
	seed := uint64(0)
	sim.Play(sc, 1, sim.SeatsFor(sc, 1, bot.Normal), 0) // the bots' model of the rules is measured once per scenario
	b.ReportAllocs()
	for b.Loop() {
		seed++
		sim.Play(sc, seed, sim.SeatsFor(sc, seed, bot.Normal), 0)
	}
}

// BenchmarkFullGameRecorded is BenchmarkFullGame keeping what a replay
// needs besides the orders: the hash of every turn's state.
func BenchmarkFullGameRecorded(b *testing.B) {
	sc := scenario(b)
	seed := uint64(0)
	sim.Play(sc, 1, sim.SeatsFor(sc, 1, bot.Normal), 0)
	b.ReportAllocs()
	for b.Loop() {
		seed++
		sim.Play(sc, seed, sim.SeatsFor(sc, seed, bot.Normal), sim.RecordHashes)
	}
}

// BenchmarkHardDecision measures one hard (searching) bot's choice at the
// start of a game, on one core or many.
func BenchmarkHardDecision(b *testing.B) {
	sc := scenario(b)
	st, _ := sc.NewGame(1)
	hard := bot.Bot{Personality: bot.Hedger, Difficulty: bot.Hard, Seed: 7}
	v := sc.View(&st, 0, false)
	hard.Choose(sc, &v, 0) // the model of the rules is measured once per scenario
	b.ReportAllocs()
	for b.Loop() {
		hard.Choose(sc, &v, 0)
	}
}

// BenchmarkGameOneHard measures a whole game with a hard bot in
// Washington's seat and normal bots elsewhere.
func BenchmarkGameOneHard(b *testing.B) {
	sc := scenario(b)
	seed := uint64(0)
	sim.Play(sc, 1, sim.SeatsFor(sc, 1, bot.Normal), 0) // measure the bots' model of the rules first
	b.ReportAllocs()
	for b.Loop() {
		seed++
		bots := sim.BotsFor(sc, seed, bot.Normal)
		bots[0].Difficulty = bot.Hard
		sim.Play(sc, seed, sim.AsSeats(bots), 0)
	}
}
