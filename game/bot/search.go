package bot

import (
	"runtime"
	"slices"
	"sync"

	"zerosum/game"
)

// The hard bot searches. It draws a handful of candidate order sets (the
// normal bot's choice, the best plans that start with each of its
// strongest options, and doing nothing), then plays each to the end of the
// game in several sampled futures with the real engine, every seat played
// by a normal bot from then on, and keeps the set with the best average
// final score. It is Monte Carlo search over candidate moves with
// determinized rollouts.
//
// It sees only what its seat may see. A future is sampled from the bot's
// own view: the dice of the turns to come from a seed of its own (never the
// game's, which the view does not carry), each rival's character (a
// personality drawn at random, a plan of its own), and hidden numbers at
// their public estimates, as the view gives them; rivals' covert orders it
// does not know of are simply absent. Every candidate is played in the same
// sampled futures, so a difference between two candidates is the
// difference of the moves, not of luck.
const (
	searchCandidates = 6 // candidate order sets besides "nothing"
	searchFutures    = 6 // sampled futures per candidate
)

// searchChoose is Choose for a hard bot.
func (b Bot) searchChoose(sc *game.Scenario, view *game.State, actor int) []game.Order {
	base := b
	base.Difficulty = Normal
	cands := b.candidates(sc, view, actor, base)
	if len(cands) == 1 {
		return cands[0]
	}
	futures := b.futures(sc, view, actor)
	scores := make([]int, len(cands)*len(futures))
	parallel(len(scores), func(i int) {
		c, f := i/len(futures), i%len(futures)
		scores[i] = rollout(sc, &futures[f], actor, cands[c], base)
	})
	best, bestSum := 0, -1
	for c := range cands {
		sum := 0
		for f := range futures {
			sum += scores[c*len(futures)+f]
		}
		// Ties go to the earlier candidate: the normal bot's choice first.
		if sum > bestSum {
			best, bestSum = c, sum
		}
	}
	return cands[best]
}

// candidates are the order sets the search compares: the normal bot's
// choice first, then for each of its strongest options the best plan that
// starts with it, then nothing at all; no set twice.
func (b Bot) candidates(sc *game.Scenario, view *game.State, actor int, base Bot) [][]game.Order {
	out := [][]game.Order{base.ChooseAfter(sc, view, actor, nil)}
	vals := base.Values(sc, view, actor)
	slices.SortStableFunc(vals, func(x, y Valued) int { return y.Value - x.Value })
	for _, v := range vals {
		if len(out) > searchCandidates {
			break
		}
		if v.Ruled {
			continue
		}
		first := []game.Order{sc.OrderFor(v.Option)}
		set := append(first, base.ChooseAfter(sc, view, actor, first)...)
		if !containsSet(out, set) {
			out = append(out, set)
		}
	}
	if !containsSet(out, nil) {
		out = append(out, nil)
	}
	return out
}

func containsSet(sets [][]game.Order, set []game.Order) bool {
	for _, s := range sets {
		if len(s) == len(set) && sameOrders(s, set) {
			return true
		}
	}
	return false
}

// sameOrders compares two order sets regardless of their order.
func sameOrders(a, b []game.Order) bool {
	for _, o := range a {
		if !slices.Contains(b, o) {
			return false
		}
	}
	return true
}

// future is one sampled world: the bot's view with dice of its own, and
// the rivals' sampled characters.
type future struct {
	st    game.State
	seats []Bot
}

// futures samples the worlds the candidates are played in, from the bot's
// own stream.
func (b Bot) futures(sc *game.Scenario, view *game.State, actor int) []future {
	rng := game.NewStream(b.Seed, view.Turn, game.PurposeSearch, actor)
	out := make([]future, searchFutures)
	for i := range out {
		f := &out[i]
		f.st, f.seats = SampleWorld(view, len(sc.Actors), &rng)
		f.seats[actor] = Bot{Personality: b.Personality, Difficulty: Normal, Seed: b.Seed}
	}
	return out
}

// SampleWorld draws one possible world from a view, as the hard bot does:
// the view's state with dice of its own (the view carries no seed), and
// for each of the n seats a normal bot of a personality drawn at random
// with a seed of its own (a rival's real character and plan are not in
// the view). Hidden numbers stay at the public estimates the view gives,
// and covert orders the view does not show are absent. It draws only from
// rng.
func SampleWorld(view *game.State, n int, rng *game.Stream) (game.State, []Bot) {
	st := view.Clone()
	var seats []Bot
	st.Seed, seats = SampleDice(n, rng)
	return st, seats
}

// SampleDice is what SampleWorld draws, without the copy of the view: the
// seed of the world's dice and the n seats' bots, drawn from rng exactly as
// SampleWorld draws them. A caller that only plays the world out (PlayOut
// never writes to its start) may play a shallow copy of the view with this
// seed, sparing the copy of every list in it.
func SampleDice(n int, rng *game.Stream) (uint64, []Bot) {
	seed := rng.Uint64()
	seats := make([]Bot, n)
	for a := range seats {
		seats[a] = Bot{Personality: Personality(rng.IntN(int(NumPersonalities))), Difficulty: Normal, Seed: rng.Uint64()}
	}
	return seed, seats
}

// rollout plays a sampled future to the end: the bot gives orders this
// turn, the rivals what their sampled bots would, and from then on every
// seat is a normal bot. It returns the bot's final score.
func rollout(sc *game.Scenario, f *future, actor int, orders []game.Order, self Bot) int {
	s := rollouts.Get().(*rolloutStates)
	defer rollouts.Put(s)
	return sc.Total(s.play(sc, &f.st, f.seats, actor, orders), actor)
}

// PlayOut plays a (sampled) world to the end and returns its final state:
// this turn actor gives orders and every other seat what its bot chooses;
// from the next turn on every seat is played by its bot. With actor -1
// every seat is a bot from this turn. start is not changed. The turns are
// resolved with Scenario.AdvanceQuiet, so the final state's history ends
// where start's did (it holds no snapshots of the turns played); every
// other field is what the full resolution gives.
func PlayOut(sc *game.Scenario, start *game.State, seats []Bot, actor int, orders []game.Order) game.State {
	s := rollouts.Get().(*rolloutStates)
	defer rollouts.Put(s)
	return s.play(sc, start, seats, actor, orders).Clone()
}

// PlayOutRead is PlayOut for a caller that only reads the final state:
// read is called with it and must not keep it or anything it holds (it is
// written over by the next play-out), which spares a copy of it.
func PlayOutRead(sc *game.Scenario, start *game.State, seats []Bot, actor int, orders []game.Order, read func(end *game.State)) {
	s := rollouts.Get().(*rolloutStates)
	defer rollouts.Put(s)
	read(s.play(sc, start, seats, actor, orders))
}

// rollouts holds the states a rollout plays in, between rollouts.
var rollouts = sync.Pool{New: func() any { return new(rolloutStates) }}

// rolloutStates are the states a play-out is played in, reused, as in
// sim.Play: each is written over in full before it is read (the history
// they share with the start is never written).
type rolloutStates struct {
	a, b   game.State
	views  game.Views // the seats' views of a turn (a bot only reads its view)
	orders []game.Order
}

// play is PlayOut in s's states; the final state it returns is one of them,
// good until s is used again. It reads only the final state's scores,
// outcome, crisis and blame, never a report or the history, so it resolves
// turns quietly (TestQuietPlayOutsMatch checks it ends where full
// resolutions do).
func (s *rolloutStates) play(sc *game.Scenario, start *game.State, seats []Bot, actor int, orders []game.Order) *game.State {
	st, next := &s.a, &s.b
	start.CloneInto(st)
	first := true
	for !st.Over {
		all := s.orders[:0] // AdvanceQuiet copies what it keeps
		s.views.Of(sc, st)
		for a := range sc.Actors {
			if first && a == actor {
				all = append(all, orders...)
				continue
			}
			all = seats[a].AppendChoice(all, sc, s.views.For(a), a)
		}
		s.orders = all
		first = false
		sc.AdvanceQuiet(next, st, all)
		st, next = next, st
	}
	return st
}

// Parallel runs work(0..n-1) on every core; each call must write only its
// own result, so that the outcome does not depend on how many cores there
// are.
func Parallel(n int, work func(i int)) { parallel(n, work) }

// parallel runs work(0..n-1) on every core; each call writes only its own
// result, so the outcome does not depend on how many cores there are.
func parallel(n int, work func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			work(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				work(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
