package forecast_test

import (
	"context"
	"errors"
	"math"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/forecast"
	"zerosum/game/sim"
)

func load(t testing.TB, id string) *game.Scenario {
	t.Helper()
	p, err := content.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Scenario
}

// afterTurns plays turns with normal bots in every seat and returns the
// state at the start of the next turn.
func afterTurns(t testing.TB, sc *game.Scenario, seed uint64, turns int) game.State {
	t.Helper()
	st, _ := sc.NewGame(seed)
	bots := sim.BotsFor(sc, seed, bot.Normal)
	for range turns {
		var orders []game.Order
		for a := range sc.Actors {
			v := sc.View(&st, a, false)
			orders = append(orders, bots[a].Choose(sc, &v, a)...)
		}
		st, _ = sc.Resolve(&st, orders)
	}
	if st.Over {
		t.Fatal("the game ended too soon for the test")
	}
	return st
}

func actor(t testing.TB, sc *game.Scenario, id string) int {
	t.Helper()
	for i := range sc.Actors {
		if sc.Actors[i].ID == id {
			return i
		}
	}
	t.Fatalf("no actor %s", id)
	return -1
}

// draft is the orders a normal bot would give for the seat.
func draft(sc *game.Scenario, st *game.State, seat int) []game.Order {
	v := sc.View(st, seat, false)
	return bot.Bot{Personality: bot.Hawk, Difficulty: bot.Normal, Seed: 7}.Choose(sc, &v, seat)
}

func run(t testing.TB, sc *game.Scenario, st *game.State, cfg forecast.Config) forecast.Result {
	t.Helper()
	r, err := forecast.Run(sc, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDeterministic: the same state, draft and seed give the same
// forecast, on one core or several; another seed gives another.
func TestDeterministic(t *testing.T) {
	sc := load(t, "flashpoint")
	st := afterTurns(t, sc, 5, 1)
	seat := actor(t, sc, "washington")
	cfg := forecast.Config{Seat: seat, Draft: draft(sc, &st, seat), Compare: true, Futures: 60, Seed: 42}
	if len(cfg.Draft) == 0 {
		t.Fatal("the test needs a draft")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := run(t, sc, &st, cfg)
	runtime.GOMAXPROCS(4)
	four := run(t, sc, &st, cfg)
	if !reflect.DeepEqual(one, four) {
		t.Fatal("the forecast differs between one core and four")
	}
	if one.Done() != 60 || !one.Complete() || len(one.Nothing) != 60 {
		t.Fatalf("played %d futures (%d without orders), want 60", one.Done(), len(one.Nothing))
	}
	cfg.Seed = 43
	other := run(t, sc, &st, cfg)
	if reflect.DeepEqual(one.With, other.With) {
		t.Fatal("another seed gave the same 60 futures: the seed is not used")
	}
}

// TestStreamingIsAPrefix: every report while the forecast streams is the
// first futures of the whole forecast, and a longer forecast starts with
// the futures of a shorter one, so the figures on screen only ever grow
// more precise.
func TestStreamingIsAPrefix(t *testing.T) {
	sc := load(t, "flashpoint")
	st := afterTurns(t, sc, 9, 2)
	cfg := forecast.Config{Seat: forecast.Public, Futures: 80, Seed: 1}
	var reports []forecast.Result
	if err := forecast.Stream(context.Background(), sc, &st, cfg, func(r forecast.Result) { reports = append(reports, r) }); err != nil {
		t.Fatal(err)
	}
	if len(reports) < 3 {
		t.Fatalf("%d progress reports for 80 futures; want one per batch", len(reports))
	}
	whole := reports[len(reports)-1]
	for _, r := range reports {
		if !reflect.DeepEqual(r.With, whole.With[:r.Done()]) {
			t.Fatalf("the report of %d futures is not the start of the whole forecast", r.Done())
		}
	}
	cfg.Futures = 30
	short := run(t, sc, &st, cfg)
	if !reflect.DeepEqual(short.With, whole.With[:30]) {
		t.Fatal("a forecast of 30 futures is not the start of one of 80")
	}
}

// TestCancel: a cancelled forecast stops and says so.
func TestCancel(t *testing.T) {
	sc := load(t, "flashpoint")
	st, _ := sc.NewGame(1)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := forecast.Stream(ctx, sc, &st, forecast.Config{Seat: 0, Futures: 10_000, Seed: 1}, func(r forecast.Result) {
		n = r.Done()
		cancel()
	})
	if !errors.Is(err, context.Canceled) || n == 0 || n >= 10_000 {
		t.Fatalf("cancelled forecast: err %v after %d futures", err, n)
	}
}

// TestHiddenInformationDoesNotChangeIt: what the seat cannot know (the
// game's seed, rivals' secret stats, their covert orders, with their use
// counts) leaves the forecast exactly as it was; what it can know (its
// own secret numbers) changes it.
func TestHiddenInformationDoesNotChangeIt(t *testing.T) {
	sc := load(t, content.DefaultScenario)
	st := afterTurns(t, sc, 3, 2)
	seat := actor(t, sc, "washington")
	cfg := forecast.Config{Seat: seat, Draft: draft(sc, &st, seat), Compare: true, Futures: 30, Seed: 5}
	base := run(t, sc, &st, cfg)

	// A rival with a hidden stat and a covert action.
	rival, covert, stat := -1, -1, game.Stat(0)
	for ai := range sc.Actions {
		a := sc.Actions[ai].Actor
		if !sc.Actions[ai].Covert || a == seat || a < 0 {
			continue
		}
		for s := range game.NumStats {
			if sc.Actors[a].Hidden[s] {
				rival, covert, stat = a, ai, s
			}
		}
		if rival >= 0 {
			break
		}
	}
	if rival < 0 {
		t.Fatal("the scenario has no rival with a hidden stat and a covert action")
	}
	secret := st.Clone()
	secret.Seed ^= 0xdeadbeef
	secret.Actors[rival].Stats[stat] = (secret.Actors[rival].Stats[stat] + 37) % (stat.Max() + 1)
	secret.Covert = append(secret.Covert, game.CovertRecord{Turn: st.Turn - 1, Actor: rival, Action: covert})
	secret.Uses[covert] = game.Use{Count: secret.Uses[covert].Count + 1, Last: st.Turn - 1}
	// ...and its delayed effect, due next turn, on a public track.
	secret.Pending = append(secret.Pending, game.Pending{Due: st.Turn + 1, Add: 2,
		Target: game.Ref{Kind: game.RefTrack, Track: game.TrackTension},
		Cause:  game.Cause{Kind: game.CauseDelayed, Source: covert, Actor: rival, Turn: st.Turn - 1, Target: -1}})
	if secret.Hash() == st.Hash() {
		t.Fatal("the test changed nothing")
	}
	if got := run(t, sc, &secret, cfg); !reflect.DeepEqual(got, base) {
		t.Fatal("the forecast changed with the game's seed or a rival's secrets")
	}
	// The same secret, known to the seat (exposed), is information.
	known := secret.Clone()
	known.Covert[len(known.Covert)-1].Exposed = st.Turn - 1
	if got := run(t, sc, &known, cfg); reflect.DeepEqual(got, base) {
		t.Fatal("an exposed covert action and its delayed effect changed nothing: the test does not test")
	}

	// The public forecast hides every seat's secrets, including this one's.
	pub := forecast.Config{Seat: forecast.Public, Futures: 30, Seed: 5}
	own := st.Clone()
	for s := range game.NumStats {
		if sc.Actors[seat].Hidden[s] {
			own.Actors[seat].Stats[s] = (own.Actors[seat].Stats[s] + 41) % (s.Max() + 1)
		}
	}
	if !reflect.DeepEqual(run(t, sc, &own, pub), run(t, sc, &st, pub)) {
		t.Fatal("the public forecast changed with a seat's secret numbers")
	}
}

// TestSameFuturesBothWays: the draft and "no orders" are played in the
// same sampled futures: with an empty draft the two are identical future
// by future, so a difference measured is the orders' and not the dice's.
func TestSameFuturesBothWays(t *testing.T) {
	sc := load(t, "flashpoint")
	st := afterTurns(t, sc, 21, 1)
	seat := actor(t, sc, "beijing")
	r := run(t, sc, &st, forecast.Config{Seat: seat, Compare: true, Futures: 50, Seed: 3})
	if !reflect.DeepEqual(r.With, r.Nothing) {
		t.Fatal("an empty draft and no orders were played in different futures")
	}
	if c := forecast.CrisisChange(&r); c.Diff != 0 || c.Margin != 0 || c.Clear() {
		t.Fatalf("no difference should be exactly none: %+v", c)
	}
	// With a draft, the "no orders" side is the same whatever the draft.
	d := run(t, sc, &st, forecast.Config{Seat: seat, Draft: draft(sc, &st, seat), Compare: true, Futures: 50, Seed: 3})
	if !reflect.DeepEqual(d.Nothing, r.Nothing) {
		t.Fatal("the futures without orders depend on the draft")
	}
	if reflect.DeepEqual(d.With, d.Nothing) {
		t.Fatal("the draft changed no future")
	}
}

// TestPairedMarginIsTighter: on the same futures a difference is known
// far better than two separate estimates would know it: the paired margin
// of the score difference is below the margin of two independent means.
func TestPairedMarginIsTighter(t *testing.T) {
	sc := load(t, "flashpoint")
	st := afterTurns(t, sc, 4, 1)
	seat := actor(t, sc, "taipei")
	r := run(t, sc, &st, forecast.Config{Seat: seat, Draft: draft(sc, &st, seat), Compare: true, Futures: 100, Seed: 11})
	c := forecast.ScoreChange(&r, seat)
	sd := func(fs []forecast.Future) float64 {
		var s, ss float64
		for _, f := range fs {
			x := float64(f.Scores[seat])
			s += x
			ss += x * x
		}
		n := float64(len(fs))
		return math.Sqrt((ss - s*s/n) / (n - 1))
	}
	unpaired := 1.96 * math.Sqrt((sd(r.With)*sd(r.With)+sd(r.Nothing)*sd(r.Nothing))/100)
	if !(c.Margin < unpaired) {
		t.Fatalf("paired margin %.2f, unpaired %.2f: the futures are not shared", c.Margin, unpaired)
	}
}

// TestProbabilitiesAddUp: every future has one world outcome, a crisis
// only with no winner, and at least one winner otherwise.
func TestProbabilitiesAddUp(t *testing.T) {
	sc := load(t, content.DefaultScenario)
	st, _ := sc.NewGame(77)
	r := run(t, sc, &st, forecast.Config{Seat: forecast.Public, Futures: 40, Seed: 2})
	total := 0
	for _, s := range forecast.Endings(r.With, len(sc.Outcomes)) {
		total += s.Count
		if s.N != 40 {
			t.Fatalf("a share of %d futures, want 40", s.N)
		}
	}
	if total != 40 {
		t.Fatalf("the endings' shares add up to %d of 40 futures", total)
	}
	crises := forecast.Crisis(r.With).Count
	wins := 0
	for a := range sc.Actors {
		s := forecast.ActorStats(r.With, a)
		wins += s.Win.Count
		if !(s.P10 <= s.P50 && s.P50 <= s.P90) || s.Rank < 1 || s.Rank > len(sc.Actors) {
			t.Fatalf("actor %d: %+v", a, s)
		}
	}
	if wins < 40-crises {
		t.Fatalf("%d wins in %d futures without a crisis", wins, 40-crises)
	}
	for _, f := range r.With {
		if f.CrisisTurn > 0 && len(f.Winners) > 0 || f.CrisisTurn == 0 && len(f.Winners) == 0 {
			t.Fatalf("a future with crisis turn %d has winners %v", f.CrisisTurn, f.Winners)
		}
		ranks := slices.Sorted(slices.Values(f.Ranks))
		for i, k := range ranks {
			if k != i+1 {
				t.Fatalf("ranks %v are not 1 to %d", f.Ranks, len(sc.Actors))
			}
		}
	}
	if ct := forecast.CrisisTurn(r.With); crises > 0 && (ct < 1 || ct > sc.Turns) {
		t.Fatalf("median crisis turn %d", ct)
	}
}

// TestMargins: the margins are the textbook figures.
func TestMargins(t *testing.T) {
	for _, c := range []struct {
		s      forecast.Share
		lo, hi float64
	}{
		{forecast.Share{Count: 100, N: 200}, 0.068, 0.070}, // 1.96 * sqrt(.25/200) = 6.9 points
		{forecast.Share{Count: 0, N: 200}, 0.018, 0.020},   // none seen: still up to 1.9%
		{forecast.Share{Count: 500, N: 1000}, 0.030, 0.032},
	} {
		if m := c.s.Margin(); m < c.lo || m > c.hi {
			t.Errorf("%+v: margin %.4f, want %.3f-%.3f", c.s, m, c.lo, c.hi)
		}
	}
}

// TestBadConfig: bad input is an error, not a panic.
func TestBadConfig(t *testing.T) {
	sc := load(t, "flashpoint")
	st, _ := sc.NewGame(1)
	over := st.Clone()
	over.Over = true
	for name, c := range map[string]struct {
		st  *game.State
		cfg forecast.Config
	}{
		"no futures":     {&st, forecast.Config{Futures: 0}},
		"too many":       {&st, forecast.Config{Futures: forecast.MaxFutures + 1}},
		"no such seat":   {&st, forecast.Config{Futures: 1, Seat: 9}},
		"compare public": {&st, forecast.Config{Futures: 1, Seat: forecast.Public, Compare: true}},
		"over":           {&over, forecast.Config{Futures: 1}},
	} {
		if _, err := forecast.Run(sc, c.st, c.cfg); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// BenchmarkForecast: 2,000 futures from turn 1 of race2025, from the
// public view (what zerosum forecast plays).
func BenchmarkForecast(b *testing.B) {
	sc := load(b, content.DefaultScenario)
	st, _ := sc.NewGame(1)
	cfg := forecast.Config{Seat: forecast.Public, Futures: 2000, Seed: forecast.DefaultSeed(forecast.Public)}
	// The bots' model of the rules is measured once per scenario, before
	// any forecast in a game (the first bot's choice measures it), as
	// BenchmarkFullGame does.
	if _, err := forecast.Run(sc, &st, forecast.Config{Seat: cfg.Seat, Futures: 1, Seed: cfg.Seed}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := forecast.Run(sc, &st, cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEstimatesNamed checks that a forecast can say what it starts from in
// place of the truth: Washington and the public view read the perceived
// gap and Beijing's hidden frontier; Beijing, which sees its own numbers,
// reads nothing through an estimate.
func TestEstimatesNamed(t *testing.T) {
	sc := load(t, content.DefaultScenario)
	us, cn := sc.RoleActor(game.RoleUSGov), sc.RoleActor(game.RoleChinaGov)
	for _, seat := range []int{us, forecast.Public} {
		est := forecast.Estimates(sc, seat)
		if !slices.Contains(est, forecast.Estimate{Kind: forecast.EstimateGap, Actor: -1}) ||
			!slices.Contains(est, forecast.Estimate{Kind: forecast.EstimateHidden, Actor: cn}) {
			t.Errorf("seat %d: estimates %v, want the perceived gap and %s's hidden numbers", seat, est, sc.Actors[cn].Name)
		}
		if slices.Contains(est, forecast.Estimate{Kind: forecast.EstimateHidden, Actor: seat}) {
			t.Errorf("seat %d reads its own numbers through an estimate: %v", seat, est)
		}
	}
	if est := forecast.Estimates(sc, cn); len(est) != 0 {
		t.Errorf("Beijing reads %v through estimates, want nothing", est)
	}
}
