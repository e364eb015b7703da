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

// BenchmarkFullGame measures a whole default game (12 turns, 8 bots), with
// a state hash per turn as a replay records.
func BenchmarkFullGame(b *testing.B) {
	sc := scenario(b)
	seed := uint64(0)
	b.ReportAllocs()
	for b.Loop() {
		seed++
		sim.Play(sc, seed, sim.SeatsFor(sc, seed, bot.Normal), false)
	}
}
