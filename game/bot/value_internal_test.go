package bot

import (
	"cmp"
	"slices"
	"testing"

	"zerosum/content"
	"zerosum/game"
)

// The evaluator's shortcuts (the model's rows cut down to the numbers a bot
// values, each number's worth per unit worked out once, the Strait's risk
// read once per decision) must give exactly what the plain formulas give,
// for every number, horizon and size of change, in states along real games.
func TestEvaluatorShortcutsMatchThePlainFormulas(t *testing.T) {
	sc := defaultScenario(t)
	m := modelFor(sc)
	n := m.slots
	sizes := []int{100, -100, 1, -1, 37, -250, 2000}
	for seed := uint64(1); seed <= 3; seed++ {
		st, _ := sc.NewGame(seed)
		for !st.Over {
			var orders []game.Order
			for a := range sc.Actors {
				v := sc.View(&st, a, false)
				for d := range NumDifficulties - 1 { // easy and normal: the searching bot values as a normal one
					b := Bot{Personality: Personality((int(seed) + a) % int(NumPersonalities)), Difficulty: d, Seed: seed}
					e := newEvaluator(sc, &v, a, b)
					checkShortcuts(t, e, n, sizes)
					checkOptionWorths(t, e)
					e.release()
				}
				orders = append(orders, Bot{Difficulty: Normal, Seed: seed}.Choose(sc, &v, a)...)
			}
			st, _ = sc.Advance(&st, orders)
		}
	}
}

func checkShortcuts(t *testing.T, e *evaluator, n int, sizes []int) {
	t.Helper()
	if want := e.sc.RawScore(e.v, e.actor); e.score != want {
		t.Fatalf("turn %d, actor %d: the evaluator's score is %d, RawScore %d", e.v.Turn, e.actor, e.score, want)
	}
	base := e.v.Tension()*100 + e.sc.GreyZonePressure(e.v)*min(e.turnsLeft, driftTurns)
	for _, d := range sizes {
		want := -(riskAt(base+d) - riskAt(base)) * e.crisisLoss / 10000 * e.personalityRisk() / 100
		if got := e.crisisWorth(d); got != want {
			t.Fatalf("turn %d, actor %d: crisisWorth(%d) = %d, the plain formula %d", e.v.Turn, e.actor, d, got, want)
		}
	}
	for i, slot := range e.m.measured[e.actor] {
		r := slotRef(e.sc, slot)
		if up, down := plainDirect(e, r, 100), plainDirect(e, r, -100); e.up[i] != up || e.down[i] != down {
			t.Fatalf("turn %d, actor %d: the worth of one unit of %v is %d up, %d down; the plain rule gives %d, %d",
				e.v.Turn, e.actor, r, e.up[i], e.down[i], up, down)
		}
	}
	for h := 1; h <= e.turnsLeft; h++ {
		for slot := range n {
			for _, d := range sizes {
				if got, want := e.endWorth(h, slot, d), plainEndWorth(e, n, h, slot, d); got != want {
					t.Fatalf("turn %d, actor %d: endWorth(%d, %d, %d) = %d, the plain formula %d", e.v.Turn, e.actor, h, slot, d, got, want)
				}
			}
		}
	}
}

// plainEndWorth is endWorth read straight off the whole model: every
// number the bot's objectives read, through the full table, valued from
// scratch.
func plainEndWorth(e *evaluator, n, h, slot, d int) int {
	unit := 100
	if d < 0 {
		unit = -100
	}
	w := 0
	for _, to := range e.m.measured[e.actor] {
		s := int(e.m.sens[h][slot*n+to])
		if s == 0 {
			continue
		}
		dd := s * unit / 100
		one := 100
		if dd < 0 {
			one = -100
		}
		w += plainDirect(e, slotRef(e.sc, to), one) * abs(dd) / 100
	}
	return w * abs(d) / 100
}

// plainDirect is the worth of d hundredths of r on the bot's objective
// measures, each measure moved by r's own change.
func plainDirect(e *evaluator, r game.Ref, d int) int {
	v := 0
	for _, o := range e.objs {
		v += o.worth(e.measureDelta(o.measure, &r, d))
	}
	return v / 100
}

// checkOptionWorths compares the effects' worth of every option, as value
// reads it through the scenario's aims, with the worth read from the
// actions' own effects, reference by reference.
func checkOptionWorths(t *testing.T, e *evaluator) {
	t.Helper()
	for _, o := range e.sc.Options(e.v, e.actor, nil) {
		def := &e.sc.Actions[o.Action]
		aims := &e.aims[o.Action]
		got := e.effectsWorth(aims.effects, -1) + e.effectsWorth(aims.aimed, o.Target)
		if !def.Targeted {
			got = e.effectsWorth(aims.effects, -1)
		}
		want := 0
		for _, ef := range def.Effects {
			aimed := ef.Target.Kind == game.RefSwing && ef.Target.Swing == game.SwingTarget
			target := -1
			if aimed {
				if !def.Targeted {
					continue
				}
				target = o.Target
			}
			if len(ef.When) == 0 || e.sc.Holds(e.v, ef.When, e.actor, target) {
				want += plainWorth(e, concrete(ef.Target, e.actor, target), ef.Add*100, ef.Delay)
			}
		}
		gotExposed, wantExposed := e.effectsWorth(aims.exposed, o.Target), 0
		for _, ef := range def.ExposedEffects {
			wantExposed += plainWorth(e, concrete(ef.Target, e.actor, o.Target), ef.Add*100, 0)
		}
		if got != want || gotExposed != wantExposed {
			t.Fatalf("turn %d, %s on %d: effects worth %d (exposure %d), from the references %d (%d)",
				e.v.Turn, def.ID, o.Target, got, gotExposed, want, wantExposed)
		}
	}
}

// plainWorth is the worth of d hundredths in the number r, delay turns on,
// for a reference as content writes it (a group of swing states is each of
// them).
func plainWorth(e *evaluator, r game.Ref, d, delay int) int {
	if d == 0 {
		return 0
	}
	if r.Kind == game.RefSwing && (r.Swing == game.SwingAll || r.Swing == game.SwingTier2) {
		v := 0
		for i := range e.sc.Swing {
			if r.Swing != game.SwingTier2 || e.sc.Swing[i].Tier == 2 {
				v += plainWorth(e, game.Ref{Kind: game.RefSwing, Swing: i, Field: r.Field}, d, delay)
			}
		}
		return v
	}
	h := e.turnsLeft - delay
	slot := slotOf(e.sc, r)
	if h <= 0 || slot < 0 {
		return 0
	}
	v := e.endWorth(h, slot, d)
	crisis := e.crisisWorth(int(e.m.peak[h][slot]) * d / 100)
	if r.Kind == game.RefStat && r.Stat == game.StatGrievance && r.Actor == e.sc.RoleActor(game.RoleChinaGov) {
		crisis = min(crisis, e.pressureWorth(d))
	}
	if r.Kind == game.RefStat && r.Actor == e.actor && r.Stat == game.StatCapital {
		v += d * capitalValue / 100
	}
	return v + crisis
}

// TestSortBestFirst: sortBestFirst orders candidates as the stable sort it
// replaces does, over lists with many ties, none, and of every length up
// to a few hundred.
func TestSortBestFirst(t *testing.T) {
	rng := game.NewStream(7, 0, game.PurposeBot, 0)
	for n := range 300 {
		for _, spread := range []int{1, 3, 1000, 1 << 40} {
			c := make([]scored, n)
			for i := range c {
				c[i] = scored{opt: i, value: rng.IntN(spread) - spread/2}
			}
			want := slices.Clone(c)
			slices.SortStableFunc(want, func(x, y scored) int { return cmp.Compare(y.value, x.value) })
			sortBestFirst(c)
			if !slices.Equal(c, want) {
				t.Fatalf("n=%d spread=%d: got %v, want %v", n, spread, c, want)
			}
		}
	}
}

// TestBlocLine: the chance that a point of alignment decides a state's
// side of the bloc line adds up to about one state over all alignments, is
// highest at the line, is the same on either side of it, and narrows as the
// end nears; a bloc's count moves the same way for the US bloc and, mirrored,
// for the China bloc.
func TestBlocLine(t *testing.T) {
	sc := defaultScenario(t)
	st, _ := sc.NewGame(1)
	e := newEvaluator(sc, &st, 0, Bot{Difficulty: Normal})
	defer e.release()
	widths := map[int]int{}
	for _, left := range []int{1, 6, 12} {
		e.turnsLeft = left
		sum, width := 0, 0
		for x := -100; x <= 100; x++ {
			d := e.lineDensity(x)
			if d < 0 {
				t.Fatalf("%d turns left: density %d at %d", left, d, x)
			}
			if d > 0 {
				width++
			}
			sum += d
		}
		// (w-1)/w of a state for a band w points wide each way, less
		// what whole thousandths round away.
		if sum < 900 || sum > 1000 {
			t.Errorf("%d turns left: the densities add up to %d thousandths of a state, want about 1000", left, sum)
		}
		peak := e.lineDensity(game.BlocLimit)
		if e.lineDensity(game.BlocLimit-1) != peak || e.lineDensity(game.BlocLimit+5) >= peak || e.lineDensity(game.BlocLimit-6) >= peak {
			t.Errorf("%d turns left: the density should peak at the line, evenly on both sides", left)
		}
		if e.lineDensity(game.BlocLimit+3) != e.lineDensity(game.BlocLimit-4) {
			t.Errorf("%d turns left: the density is not symmetric about the line", left)
		}
		widths[left] = width
	}
	if !(widths[1] < widths[6] && widths[6] < widths[12]) {
		t.Errorf("the band in play should narrow as the end nears: widths %v", widths)
	}
	e.turnsLeft = 6
	for i := range st.Swing {
		st.Swing[i].Align = game.BlocLimit - 2
		if us, cn := e.blocDelta(game.BlocUS, i, 100), e.blocDelta(game.BlocChina, i, 100); us <= 0 || cn != 0 {
			t.Fatalf("two points below the US bloc: a point up is worth %d of a US-bloc state and %d of a China-bloc one", us, cn)
		}
		st.Swing[i].Align = -(game.BlocLimit - 2)
		if us, cn := e.blocDelta(game.BlocUS, i, -100), e.blocDelta(game.BlocChina, i, -100); cn <= 0 || us != 0 {
			t.Fatalf("two points short of the China bloc: a point toward it is worth %d of a China-bloc state and %d of a US-bloc one", cn, us)
		}
	}
}

// TestUnlockCredit: an order that opens another of its owner's actions is
// worth more for it until it has been taken (Abu Dhabi's US chip deal opens
// the Stargate campus), and the credit comes from the content's
// requirements, not from a list kept here.
func TestUnlockCredit(t *testing.T) {
	sc := defaultScenario(t)
	deal, ok1 := sc.ActionIndex("us_chips_deal")
	campus, ok2 := sc.ActionIndex("stargate_uae")
	if !ok1 || !ok2 {
		t.Fatal("the default scenario lacks us_chips_deal or stargate_uae")
	}
	aims := aimsFor(sc)
	if len(aims[deal].unlocks) != 1 || aims[deal].unlocks[0].action != campus {
		t.Fatalf("us_chips_deal unlocks %+v, want stargate_uae", aims[deal].unlocks)
	}
	for ai := range sc.Actions {
		for _, u := range aims[ai].unlocks {
			if sc.Actions[u.action].Actor != sc.Actions[ai].Actor {
				t.Errorf("%s unlocks %s, another actor's", sc.Actions[ai].ID, sc.Actions[u.action].ID)
			}
		}
	}
	st, _ := sc.NewGame(1)
	actor := sc.Actions[deal].Actor
	v := sc.View(&st, actor, false)
	e := newEvaluator(sc, &v, actor, Bot{Difficulty: Normal})
	if e.unlockWorth(aims[deal].unlocks) <= 0 {
		t.Error("the US chip deal should get credit for opening the Stargate campus at the start")
	}
	e.release()
	v.Uses[campus] = game.Use{Count: 1, Last: 1}
	e = newEvaluator(sc, &v, actor, Bot{Difficulty: Normal})
	if w := e.unlockWorth(aims[deal].unlocks); w != 0 {
		t.Errorf("the campus is built (it can be built once); the deal still gets %d for opening it", w)
	}
	e.release()
}

// TestExposeOdds: a covert order's chance of coming to light counts the
// news that can reveal it later, not only the moment it is given. It is
// the action's own odds on the last turn and once the revealing news has
// come out, higher before; and,
// measured over real games, it is close to how often such orders did come
// out by the end.
func TestExposeOdds(t *testing.T) {
	sc := defaultScenario(t)
	hedge, ok := sc.ActionIndex("hedge_chinese_cloud")
	leak, ok2 := sc.EventIndex("hedge_deal_leaked")
	if !ok || !ok2 {
		t.Fatal("the default scenario lacks hedge_chinese_cloud or hedge_deal_leaked")
	}
	def, aims := &sc.Actions[hedge], &aimsFor(sc)[hedge]
	actor := def.Actor
	odds := func(st *game.State) int {
		v := sc.View(st, actor, false)
		e := newEvaluator(sc, &v, actor, Bot{Difficulty: Normal})
		defer e.release()
		return e.exposeOdds(def, aims)
	}
	st, _ := sc.NewGame(1)
	first := odds(&st)
	if first <= def.ExposePct || first > 100 {
		t.Fatalf("at the start the odds are %d%%; the action alone gives %d%%, and a leak could follow", first, def.ExposePct)
	}
	prev := first
	for turn := 2; turn <= sc.Turns; turn++ {
		st.Turn = turn
		prev = odds(&st)
		if prev < def.ExposePct || prev > 100 {
			t.Errorf("turn %d: odds %d%%, below the action's own %d%% or above 100", turn, prev, def.ExposePct)
		}
	}
	if prev != def.ExposePct {
		t.Errorf("on the last turn the odds are %d%%, want the action's own %d%%", prev, def.ExposePct)
	}
	st.Turn = 2
	st.Fired[leak] = 1
	if o := odds(&st); o != def.ExposePct {
		t.Errorf("after the leak the odds are %d%%, want the action's own %d%%", o, def.ExposePct)
	}

	// Calibration: every hedge ordered in 300 games of normal bots, the
	// odds the bot gave it against whether it came out by the end.
	predicted, exposed, n := 0, 0, 0
	for seed := uint64(1); seed <= 300; seed++ {
		st, _ := sc.NewGame(seed)
		var given []int // the odds of each hedge order, in order
		for !st.Over {
			var orders []game.Order
			for a := range sc.Actors {
				v := sc.View(&st, a, false)
				b := Bot{Difficulty: Normal, Personality: Personality(int(seed+uint64(a)) % int(NumPersonalities)), Seed: seed*8 + uint64(a)}
				for _, o := range b.Choose(sc, &v, a) {
					if o.Action == def.ID {
						given = append(given, odds(&st))
					}
					orders = append(orders, o)
				}
			}
			st, _ = sc.Advance(&st, orders)
		}
		k := 0
		for _, c := range st.Covert {
			if c.Action != hedge {
				continue
			}
			if k < len(given) {
				predicted += given[k]
				if c.Exposed != 0 {
					exposed += 100
				}
				n++
			}
			k++
		}
	}
	if n < 100 {
		t.Fatalf("only %d hedge orders in 300 games: the check says little", n)
	}
	p, x := predicted/n, exposed/n
	t.Logf("%d hedge orders: predicted %d%% exposed by the end, %d%% were", n, p, x)
	if p < x-12 || p > x+12 {
		t.Errorf("%d hedge orders: the bots expected %d%% to come out by the end, %d%% did", n, p, x)
	}
}

// TestNewsMatchesThePlainSum: the weight of the news that could be drawn,
// as exposeOdds reads it (each number the events' conditions read once,
// and the last sum kept while those numbers and the events fired are the
// same), is the plain sum over the scenario's events, and so is what it
// says of each event's conditions, in every seat's view along real games.
func TestNewsMatchesThePlainSum(t *testing.T) {
	for _, id := range content.ScenarioIDs() {
		p, err := content.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		sc := p.Scenario
		for seed := uint64(1); seed <= 3; seed++ {
			st, _ := sc.NewGame(seed)
			for !st.Over {
				var orders []game.Order
				for a := range sc.Actors {
					v := sc.View(&st, a, false)
					e := newEvaluator(sc, &v, a, Bot{Difficulty: Normal, Seed: seed})
					for range 2 { // worked out, then (the same numbers) from the memo
						e.news = -1
						e.drawable()
						checkNews(t, e)
					}
					e.release()
					orders = append(orders, Bot{Difficulty: Normal, Seed: seed}.Choose(sc, &v, a)...)
				}
				st, _ = sc.Advance(&st, orders)
			}
		}
	}
}

func checkNews(t *testing.T, e *evaluator) {
	t.Helper()
	want := 0
	for i := range e.sc.Events {
		ev := &e.sc.Events[i]
		if ev.Trigger || (!ev.Repeat && e.v.Fired[i] != 0) {
			continue
		}
		holds := e.sc.Holds(e.v, ev.When, -1, -1)
		if holds {
			want += ev.Weight
		}
		if e.newsHolds[i] != holds {
			t.Fatalf("turn %d, actor %d: event %s holds %v, newsHolds says %v", e.v.Turn, e.actor, ev.ID, holds, e.newsHolds[i])
		}
	}
	if e.news != want {
		t.Fatalf("turn %d, actor %d: the news weighs %d, the plain sum %d", e.v.Turn, e.actor, e.news, want)
	}
}

// TestDirectUnitsKept: the direct worths an evaluator keeps for a seat
// from one decision to the next (unitsMemo) are what working them out
// afresh gives, in every seat along real games, whichever bots sat there
// before.
func TestDirectUnitsKept(t *testing.T) {
	sc := defaultScenario(t)
	for seed := uint64(1); seed <= 4; seed++ {
		st, _ := sc.NewGame(seed)
		for !st.Over {
			var orders []game.Order
			for a := range sc.Actors {
				v := sc.View(&st, a, false)
				b := Bot{Difficulty: Normal, Seed: seed + uint64(st.Turn)%2}
				e := newEvaluator(sc, &v, a, b)
				got := slices.Clone(e.ud)
				e.units[a].m = nil // forget it: worked out afresh
				e.directUnits()
				if !slices.Equal(got, e.ud) {
					t.Fatalf("turn %d, seat %d: kept worths %v, afresh %v", st.Turn, a, got, e.ud)
				}
				e.release()
				orders = append(orders, b.Choose(sc, &v, a)...)
			}
			st, _ = sc.Advance(&st, orders)
		}
	}
}
