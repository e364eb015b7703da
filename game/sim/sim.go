// Package sim plays whole games with bots in every seat and gathers the
// statistics the balance of the game is judged by. It is as deterministic as
// the engine: the same scenario, seed and settings give the same results,
// whatever the number of workers.
package sim

import (
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"slices"
	"sync"

	"zerosum/game"
	"zerosum/game/bot"
)

// Seat is the policy playing one actor: a bot, or one of the simple
// policies bots are measured against.
type Seat = bot.Policy

// Game is one finished all-bot game.
type Game struct {
	Seed   uint64
	Seats  []Seat         // per actor
	Orders [][]game.Order // per turn
	// Hashes (per turn: the state after that turn's resolution) and Start
	// (the state before turn 1) are kept only with RecordHashes.
	Hashes  []game.Hash
	Start   game.Hash
	Final   game.State
	Reports []game.Report // per turn, only with RecordReports
	Winners []int
	Scores  []int // per actor, final totals
}

// Record is what Play keeps of a game besides its orders and final state.
type Record uint8

const (
	// RecordHashes keeps the hash of the state before turn 1 and after
	// every turn, as a replay records them. Nothing else needs them (a
	// batch's digest is of its final states), and hashing every turn's
	// state costs a seventh of a game.
	RecordHashes Record = 1 << iota
	// RecordReports keeps every turn's report (resolution then writes it).
	RecordReports
)

// BotsFor draws the bots of one game from its seed: each actor gets a
// personality at random (so that balance figures cover them all), the
// given difficulty and its seat's own seed.
func BotsFor(sc *game.Scenario, seed uint64, d bot.Difficulty) []bot.Bot {
	rng := game.NewStream(seed, 0, game.PurposeSetup, 0)
	bots := make([]bot.Bot, len(sc.Actors))
	for i := range bots {
		bots[i] = bot.Bot{Personality: bot.Personality(rng.IntN(int(bot.NumPersonalities))), Difficulty: d,
			Seed: bot.SeatSeed(seed, i)}
	}
	return bots
}

// SeatsFor is BotsFor as seats.
func SeatsFor(sc *game.Scenario, seed uint64, d bot.Difficulty) []Seat {
	return AsSeats(BotsFor(sc, seed, d))
}

// AsSeats seats bots.
func AsSeats(bots []bot.Bot) []Seat {
	seats := make([]Seat, len(bots))
	for i, b := range bots {
		seats[i] = b
	}
	return seats
}

// Play runs one game to its end.
func Play(sc *game.Scenario, seed uint64, seats []Seat, rec Record) Game {
	st := sc.StartGame(seed)
	keepHashes, keepReports := rec&RecordHashes != 0, rec&RecordReports != 0
	g := Game{Seed: seed, Seats: seats, Orders: make([][]game.Order, 0, sc.Turns)}
	if keepHashes {
		g.Start, g.Hashes = st.Hash(), make([]game.Hash, 0, sc.Turns)
	}
	// Reused: every bot's view is built in the same place, and the states
	// of two turns take turns (the one before last is written over). Both
	// come from the last game played, so that their slices are not
	// allocated again for every game; neither shares anything with the
	// state a game returns but its history, which only this game's turns
	// write to (see AdvanceOwned below).
	s := scratch.Get().(*scratchStates)
	defer scratch.Put(s)
	view, next := &s.view, &s.next
	// The game's history is this game's alone (StartGame's state shares it
	// with nothing), so it gets room for every turn now and each turn's
	// snapshot is written in place (see AdvanceOwned); the final state's is
	// cut to its length below, as the engine's states all are.
	sc.GrowHistory(&st, sc.Turns)
	// Every turn's orders, in one list for the game: room for two orders
	// an actor a turn (bots give one or two on average); it grows if need
	// be.
	all := make([]game.Order, 0, 2*len(sc.Actors)*sc.Turns)
	for !st.Over {
		// The turn's orders are gathered at the end of the game's list
		// of orders, and the game keeps them cut at their exact length.
		first := len(all)
		orders := all
		s.views.Of(sc, &st)
		for a := range sc.Actors {
			if b, ok := seats[a].(bot.Bot); ok {
				// A bot only reads its view: the seats' views share what
				// they have in common (see game.Views).
				orders = b.AppendChoice(orders, sc, s.views.For(a), a) // the same orders, without a list of their own
			} else {
				sc.ViewInto(view, &st, a, false)
				orders = append(orders, seats[a].Choose(sc, view, a)...)
			}
		}
		all = orders
		orders = all[first:len(all):len(all)] // never nil, as before
		var rep game.Report
		if keepReports {
			st, rep = sc.Resolve(&st, orders)
		} else {
			// No report is read: the quiet resolution, with the history's
			// snapshot added in the room made for it above.
			sc.AdvanceOwned(next, &st, orders)
			st, *next = *next, st
		}
		g.Orders = append(g.Orders, orders)
		if keepHashes {
			g.Hashes = append(g.Hashes, st.Hash())
		}
		if keepReports {
			g.Reports = append(g.Reports, rep)
		}
	}
	st.History = slices.Clip(st.History)
	g.Final = st
	g.Winners = sc.Winners(&st)
	g.Scores = make([]int, len(sc.Actors))
	for a := range sc.Actors {
		g.Scores[a] = sc.Total(&st, a)
	}
	return g
}

// scratch holds the states Play works in between games.
var scratch = sync.Pool{New: func() any { return new(scratchStates) }}

type scratchStates struct {
	view, next game.State
	views      game.Views
}

// Config is a batch of games.
type Config struct {
	Scenario   *game.Scenario
	Games      int
	Seed       uint64 // game i is played with seed Seed+i
	Difficulty bot.Difficulty
	// Seating overrides the drawn bots in some seats (see ParseSeating);
	// nil keeps them all.
	Seating Seating
	Workers int                  // 0: one per CPU
	OnGame  func(i int, g *Game) // called in game order, from one goroutine
	Record  Record               // what OnGame needs besides orders and final states
}

// Run plays the batch and summarises it.
func Run(cfg Config) Summary {
	sc := cfg.Scenario
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, cfg.Games))
	games := make([]*Game, cfg.Games)
	done := make([]chan struct{}, cfg.Games)
	for i := range done {
		done[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				seed := cfg.Seed + uint64(i)
				g := Play(sc, seed, cfg.Seating.Seats(sc, seed, cfg.Difficulty), cfg.Record)
				games[i] = &g
				close(done[i])
			}
		}()
	}
	go func() {
		for i := range cfg.Games {
			next <- i
		}
		close(next)
	}()
	acc := newSummary(cfg)
	for i := range cfg.Games {
		<-done[i]
		if cfg.OnGame != nil {
			cfg.OnGame(i, games[i])
		}
		acc.add(games[i])
		games[i] = nil // let it go
	}
	wg.Wait()
	return acc.finish()
}

// digest hashes a list of final state hashes in order.
func digest(hashes []game.Hash) string {
	h := sha256.New()
	for _, x := range hashes {
		h.Write(x[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}
