package bot_test

import (
	"slices"
	"sync"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

var (
	once sync.Once
	pack *content.Pack
)

func scenario(t testing.TB) *game.Scenario {
	t.Helper()
	once.Do(func() {
		var err error
		if pack, err = content.Load(content.DefaultScenario); err != nil {
			t.Fatal(err)
		}
	})
	return pack.Scenario
}

// everyScenario runs a test on each embedded scenario.
func everyScenario(t *testing.T, test func(t *testing.T, sc *game.Scenario)) {
	for _, id := range content.ScenarioIDs() {
		t.Run(id, func(t *testing.T) {
			p, err := content.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			test(t, p.Scenario)
		})
	}
}

// seatsAt seats every actor with a bot of difficulty d, except that hard
// bots, which search and cost far more, sit in two seats (a different pair
// each game) among normal ones.
func seatsAt(sc *game.Scenario, seed uint64, d bot.Difficulty) []sim.Seat {
	if d != bot.Hard {
		return sim.SeatsFor(sc, seed, d)
	}
	bots := sim.BotsFor(sc, seed, bot.Normal)
	n := uint64(len(bots))
	bots[seed%n].Difficulty = bot.Hard
	bots[(seed+1)%n].Difficulty = bot.Hard
	return sim.AsSeats(bots)
}

// games is how many games a test plays at a difficulty: a tenth for hard.
func games(d bot.Difficulty, n uint64) uint64 {
	if d == bot.Hard {
		return max(n/10, 4)
	}
	return n
}

// TestBotsIssueOnlyLegalOrders plays many games of every scenario with
// every personality and difficulty and checks the engine never refuses a
// bot's order.
func TestBotsIssueOnlyLegalOrders(t *testing.T) {
	everyScenario(t, func(t *testing.T, sc *game.Scenario) {
		for d := range bot.NumDifficulties {
			for seed := uint64(1); seed <= games(d, 40); seed++ {
				seats := seatsAt(sc, seed, d)
				g := sim.Play(sc, seed, seats, sim.RecordReports)
				for turn, rep := range g.Reports {
					if len(rep.Refused) > 0 {
						t.Fatalf("%s seed %d turn %d: refused %+v: %s", d, seed, turn+1, rep.Refused[0].Order, rep.Refused[0].Reason)
					}
				}
			}
		}
	})
}

// TestBotsNeverPushTheStraitOver: a bot that blunders into a Strait crisis
// is a bug, in every scenario. Bots may share the blame for the pressure
// that builds over a game, but no bot's order of the turn a crisis breaks
// out raises tension: the last push is never a bot's. And every crisis has
// authors.
func TestBotsNeverPushTheStraitOver(t *testing.T) {
	everyScenario(t, func(t *testing.T, sc *game.Scenario) {
		crises := 0
		tension := game.Ref{Kind: game.RefTrack, Track: game.TrackTension}
		for d := range bot.NumDifficulties {
			for seed := uint64(1); seed <= games(d, 300); seed++ {
				g := sim.Play(sc, seed, seatsAt(sc, seed, d), sim.RecordReports)
				cr := g.Final.Crisis
				if cr.Turn == 0 {
					continue
				}
				crises++
				if len(cr.Culprits) == 0 {
					t.Errorf("%s seed %d: a crisis in turn %d with no culprit (shares %v)", d, seed, cr.Turn, cr.Shares)
				}
				rep := g.Reports[len(g.Reports)-1]
				ch, _ := rep.ChangeOf(tension)
				for _, c := range ch.Causes {
					if c.Kind == game.CauseAction && c.Delta > 0 && c.Turn == rep.Turn {
						t.Errorf("%s seed %d: %s's %s raised tension in the turn of the crisis",
							d, seed, sc.Actors[c.Actor].ID, sc.Actions[c.Source].ID)
					}
				}
			}
		}
		if crises == 0 {
			t.Error("900 games without a crisis: the test no longer exercises the rule")
		}
	})
}

// TestBotsSeeOnlyTheirView: changing what an actor cannot see (the game's
// seed, which decides the dice of the turns to come; another actor's hidden
// stats; another actor's unexposed covert actions) does not change its
// orders, at any difficulty: a searching bot samples what it cannot see
// from a seed of its own.
func TestBotsSeeOnlyTheirView(t *testing.T) {
	sc := scenario(t)
	us, cn := sc.RoleActor(game.RoleUSGov), sc.RoleActor(game.RoleChinaGov)
	if !sc.Actors[cn].Hidden[game.StatFrontier] {
		t.Skip("China's frontier is not hidden in this scenario")
	}
	for seed := uint64(1); seed <= 30; seed++ {
		st, _ := sc.NewGame(seed)
		b := bot.Bot{Personality: bot.Personality(seed % 3), Difficulty: bot.Difficulty(seed % 3), Seed: 77}
		v := sc.View(&st, us, false)
		before := b.Choose(sc, &v, us)
		alt := st.Clone()
		alt.Seed = seed * 7919
		alt.Actors[cn].Stats[game.StatFrontier] = 100 - alt.Actors[cn].Stats[game.StatFrontier]
		alt.Actors[cn].Stats[game.StatChips] = 0
		alt.Covert = append(alt.Covert, game.CovertRecord{Turn: 1, Actor: cn, Action: sc.Actors[cn].Actions[0], Target: -1})
		v2 := sc.View(&alt, us, false)
		after := b.Choose(sc, &v2, us)
		if !slices.Equal(before, after) {
			t.Fatalf("seed %d: hidden information changed Washington's orders: %v vs %v", seed, before, after)
		}
		// But what it can see does matter: a visible change changes the view.
		alt.Tracks[game.TrackTension] = 9
		v3 := sc.View(&alt, us, false)
		if v3.Tension() != 9 {
			t.Fatal("the view should show public tracks")
		}
	}
}

// TestBotsPursueTheirObjectives: in every seat, bots score better on
// average than a player who takes random legal orders.
func TestBotsPursueTheirObjectives(t *testing.T) {
	sc := scenario(t)
	const games = 60
	for a := range sc.Actors {
		botSum, randSum := 0, 0
		for seed := uint64(1); seed <= games; seed++ {
			seats := sim.SeatsFor(sc, seed, bot.Normal)
			botSum += sim.Play(sc, seed, seats, 0).Scores[a]
			randSum += playRandom(sc, seed, seats, a)
		}
		if botSum <= randSum {
			t.Errorf("%s: bots average %d, random play %d", sc.Actors[a].ID, botSum/games, randSum/games)
		}
	}
}

// playRandom plays a game in which actor takes random available orders
// and returns its final score.
func playRandom(sc *game.Scenario, seed uint64, seats []sim.Seat, actor int) int {
	st, _ := sc.NewGame(seed)
	rng := game.NewStream(seed, 0, 99, actor)
	for !st.Over {
		var orders []game.Order
		for a := range sc.Actors {
			if a != actor {
				v := sc.View(&st, a, false)
				orders = append(orders, seats[a].Choose(sc, &v, a)...)
				continue
			}
			var mine []game.Order
			for range sc.Actors[a].AP {
				var avail []game.Option
				for _, o := range sc.Options(&st, a, mine) {
					if o.Available {
						avail = append(avail, o)
					}
				}
				if len(avail) == 0 {
					break
				}
				mine = append(mine, sc.OrderFor(avail[rng.IntN(len(avail))]))
			}
			orders = append(orders, mine...)
		}
		st, _ = sc.Resolve(&st, orders)
	}
	return sc.Score(&st, actor).Total
}

// TestPersonalitiesDiffer: in the same seat, against the same bots on the
// same seeds, a hawk orders escalation more often than a dove, and a dove
// de-escalates more often than a hawk.
func TestPersonalitiesDiffer(t *testing.T) {
	sc := scenario(t)
	count := func(p bot.Personality) (esc, calm int) {
		for _, id := range []string{"washington", "beijing", "taipei"} {
			seat, _ := sc.ActorIndex(id)
			for seed := uint64(1); seed <= 60; seed++ {
				bots := sim.BotsFor(sc, seed, bot.Normal)
				bots[seat].Personality = p
				g := sim.Play(sc, seed, sim.AsSeats(bots), 0)
				for _, turn := range g.Orders {
					for _, o := range turn {
						if o.Actor != id {
							continue
						}
						ai, _ := sc.ActionIndex(o.Action)
						tags := sc.Actions[ai].Tags
						if tags.Has(game.TagEscalation) {
							esc++
						}
						if tags.Has(game.TagDeescalation) {
							calm++
						}
					}
				}
			}
		}
		return esc, calm
	}
	hawkEsc, hawkCalm := count(bot.Hawk)
	doveEsc, doveCalm := count(bot.Dove)
	if hawkEsc <= doveEsc*4/3 {
		t.Errorf("hawks escalated %d times, doves %d: personalities barely differ", hawkEsc, doveEsc)
	}
	if doveCalm <= hawkCalm*3/2 {
		t.Errorf("doves de-escalated %d times, hawks %d", doveCalm, hawkCalm)
	}
}

// TestPlansDifferBetweenGames: a bot's plan (what it leans on) is drawn per
// game, and the same seed always draws the same plan.
func TestPlansDifferBetweenGames(t *testing.T) {
	sc := scenario(t)
	seen := map[string]bool{}
	for seed := uint64(1); seed <= 50; seed++ {
		f1 := bot.Plan(sc, seed, 0, bot.Normal)
		f2 := bot.Plan(sc, seed, 0, bot.Normal)
		if !slices.Equal(f1, f2) {
			t.Fatal("the same seed drew two different plans")
		}
		key := ""
		for _, f := range f1 {
			key += string(rune('0' + f/10))
		}
		seen[key] = true
	}
	if len(seen) < 5 {
		t.Errorf("only %d different focuses in 50 games", len(seen))
	}
}
