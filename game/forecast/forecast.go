// Package forecast plays many possible futures of a game from one seat's
// view of the present, with bots in every seat, and sums them up: how
// likely each world outcome is, how likely a Strait crisis is and when it
// tends to come, and each actor's final score as a distribution, its rank
// and its chance to win. It can play the seat's draft orders and "no orders
// this turn" in the same sampled futures, so that the difference between
// the two is the difference the orders make, not luck.
//
// A forecast is fair: it starts from Scenario.View of the seat (or the
// public view, which hides every actor's secrets), and samples what the
// view hides the way the hard bot does (bot.SampleWorld): the dice of the
// turns to come from the forecast's own seed, never the game's; each
// rival's character and plan as a bot of a random personality; hidden
// numbers at their public estimates; covert orders the seat does not know
// of are simply absent. Like the engine, it is pure and deterministic: the
// same state, seat, orders, seed and number of futures give the same
// forecast on any number of cores, and the first n futures of a longer
// forecast are the futures of a forecast of n.
package forecast

import (
	"context"
	"errors"
	"fmt"

	"zerosum/game"
	"zerosum/game/bot"
)

// Public is the seat of a forecast from the public view: what everyone
// knows, with no actor's secrets (the facilitator's screen and the
// command line without --seat).
const Public = -1

// Default numbers of futures.
const (
	ScreenFutures = 1000 // the dashboard: shown as they come, from the first batch
	CLIFutures    = 1000 // zerosum forecast
	MaxFutures    = 100_000
)

// batch is how many futures are played between two progress reports.
const batch = 25

// Config is what to forecast.
type Config struct {
	// Seat is the actor whose view the futures start from, or Public.
	Seat int
	// Draft, with Compare, are the seat's orders this turn: each future is
	// played once with them and once with no orders from the seat this
	// turn. Without Compare the seat is played by a bot from this turn
	// (and Draft is ignored). Compare needs a seat.
	Draft   []game.Order
	Compare bool
	// Futures is how many futures to play (1 to MaxFutures).
	Futures int
	// Seed is the forecast's own seed (see DefaultSeed); never the game's.
	Seed uint64
}

// DefaultSeed is the forecast's seed when none is given: fixed for a seat,
// so that the same state and orders always give the same forecast, and
// unrelated to the game's seed, which a player does not know. (The turn
// is mixed in by the streams of the futures.)
func DefaultSeed(seat int) uint64 {
	rng := game.NewStream(0x2e5f0eca57, 0, game.PurposeForecast, seat+1)
	return rng.Uint64()
}

// Future is how one sampled future ended, under one set of orders.
type Future struct {
	Ending     int   // index into Scenario.Outcomes, -1 if none
	CrisisTurn int   // the turn of a Strait crisis, 0 for none
	Scores     []int // per actor, the final total
	Ranks      []int // per actor, 1 for the best (Scenario.Ranking)
	Winners    []int // the actors with the best total; none after a crisis
}

// Result is a forecast so far: the futures played, in order.
type Result struct {
	Turn    int // the turn the futures start from
	Seat    int
	Target  int      // the futures asked for
	Compare bool     // Nothing is filled
	With    []Future // with the draft orders (Compare), else with a bot in the seat
	Nothing []Future // with no orders from the seat this turn (Compare only)
}

// Done is how many futures have been played.
func (r *Result) Done() int { return len(r.With) }

// Complete reports whether every future asked for has been played.
func (r *Result) Complete() bool { return len(r.With) == r.Target }

// Check reports what is wrong with a configuration for a state.
func Check(sc *game.Scenario, st *game.State, cfg Config) error {
	switch {
	case st.Over:
		return errors.New("the game is over: there is nothing left to forecast")
	case cfg.Futures < 1 || cfg.Futures > MaxFutures:
		return fmt.Errorf("the number of futures must be between 1 and %d (got %d)", MaxFutures, cfg.Futures)
	case cfg.Seat < Public || cfg.Seat >= len(sc.Actors):
		return fmt.Errorf("no seat %d in this scenario", cfg.Seat)
	case cfg.Compare && cfg.Seat == Public:
		return errors.New("comparing orders needs a seat to give them")
	}
	return nil
}

// Run plays the whole forecast and returns it.
func Run(sc *game.Scenario, st *game.State, cfg Config) (Result, error) {
	var last Result
	err := Stream(context.Background(), sc, st, cfg, func(r Result) { last = r })
	return last, err
}

// Stream plays the forecast, calling progress (from the calling goroutine)
// after every batch of futures with the result so far, the last time with
// every future asked for. It stops early, returning ctx.Err(), when ctx is
// cancelled; the results reported until then stand. The futures are
// played on every core; each result depends only on the futures it holds.
func Stream(ctx context.Context, sc *game.Scenario, st *game.State, cfg Config, progress func(Result)) error {
	if err := Check(sc, st, cfg); err != nil {
		return err
	}
	var view game.State
	sc.ViewInto(&view, st, cfg.Seat, false)
	arms := 1
	if cfg.Compare {
		arms = 2
	}
	res := Result{Turn: view.Turn, Seat: cfg.Seat, Target: cfg.Futures, Compare: cfg.Compare}
	with := make([]Future, cfg.Futures)
	var nothing []Future
	if cfg.Compare {
		nothing = make([]Future, cfg.Futures)
	}
	for done := 0; done < cfg.Futures; {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(batch, cfg.Futures-done)
		bot.Parallel(n*arms, func(j int) {
			if ctx.Err() != nil {
				return
			}
			i := done + j/arms
			w, seats := sample(sc, &view, cfg.Seed, i)
			switch {
			case !cfg.Compare:
				with[i] = play(sc, &w, seats, Public, nil)
			case j%arms == 0:
				with[i] = play(sc, &w, seats, cfg.Seat, cfg.Draft)
			default:
				nothing[i] = play(sc, &w, seats, cfg.Seat, nil)
			}
		})
		if err := ctx.Err(); err != nil {
			return err // the batch may be unfinished: not reported
		}
		done += n
		// Every slice handed out is a prefix of arrays whose later
		// elements only are written from here on.
		res.With = with[:done:done]
		if cfg.Compare {
			res.Nothing = nothing[:done:done]
		}
		progress(res)
	}
	return nil
}

// sample draws future i from the view: its own stream, so that a future
// does not depend on how many are played or in what order. The world is
// bot.SampleWorld's, as a shallow copy of the view: it shares the view's
// lists, which the futures only read (PlayOut copies its start before it
// plays), so every future may share them.
func sample(sc *game.Scenario, view *game.State, seed uint64, i int) (game.State, []bot.Bot) {
	rng := game.NewStream(seed, view.Turn, game.PurposeForecast, i)
	w := *view
	var seats []bot.Bot
	w.Seed, seats = bot.SampleDice(len(sc.Actors), &rng)
	return w, seats
}

// play plays a sampled world to its end and records how it ended.
func play(sc *game.Scenario, w *game.State, seats []bot.Bot, actor int, orders []game.Order) Future {
	var f Future
	bot.PlayOutRead(sc, w, seats, actor, orders, func(end *game.State) {
		// Everything kept is the future's own (Winners and Ranking make
		// new lists): end is written over by the next play-out.
		f = Future{Ending: sc.OutcomeIndex(end), CrisisTurn: end.Crisis.Turn, Winners: sc.Winners(end),
			Scores: make([]int, len(sc.Actors)), Ranks: make([]int, len(sc.Actors))}
		for i, card := range sc.Ranking(end) {
			f.Scores[card.Actor] = card.Total
			f.Ranks[card.Actor] = i + 1
		}
	})
	return f
}
