package sim_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

var (
	linkGames = flag.Int("links.games", 120, "games per policy in TestCausalLinksInPlay")
	linkTable = flag.Bool("links.table", false, "print TestCausalLinksInPlay's results as the Markdown table of docs/balance.md")
)

// policy is one side of a comparison: a seating and the actions banned.
type policy struct {
	seats, ban string
}

func (p policy) String() string {
	var parts []string
	if p.seats != "" {
		parts = append(parts, "--seats "+p.seats)
	}
	if p.ban != "" {
		parts = append(parts, "--ban "+p.ban)
	}
	if len(parts) == 0 {
		return "normal bots"
	}
	return strings.Join(parts, " ")
}

// linkCase says what one causal link of the source should do in play:
// measured over whole games with normal bots, the measure is larger (sign
// +1) or smaller (-1) under policy a than under policy b, game for game on
// the same seeds.
type linkCase struct {
	link    string
	a, b    policy
	measure string
	sign    int
	value   func(sc *game.Scenario, g *sim.Game) int // hundredths
}

func stat(sc *game.Scenario, actor string, s game.Stat) func(*game.Scenario, *sim.Game) int {
	return func(sc *game.Scenario, g *sim.Game) int {
		a, _ := sc.ActorIndex(actor)
		return g.Final.Actors[a].Stats[s] * 100
	}
}

func track(t game.Track) func(*game.Scenario, *sim.Game) int {
	return func(sc *game.Scenario, g *sim.Game) int { return g.Final.Tracks[t] * 100 }
}

// tighter and looser compare the control regime itself: Washington's
// normal bot tightening the chip and tool controls whenever it may, against
// the same bot never doing so (and never easing, so the level stays put);
// the harsher measures that need a higher level are out of both, so that
// only the level differs.
var (
	tighter = policy{seats: "washington=prefer:tighten_controls", ban: "ease_controls,entity_list_champions,huawei_blockade"}
	looser  = policy{ban: "tighten_controls,ease_controls,entity_list_champions,huawei_blockade"}
)

var linkCases = []linkCase{
	{"1 controls slow China's chips", tighter, looser, "Beijing's chip supply at the end", -1, stat(nil, "beijing", game.StatChips)},
	{"1 and spur its self-reliance", tighter, looser, "Beijing's self-reliance at the end", +1, stat(nil, "beijing", game.StatSelfReliance)},
	{"1 and hand Huawei its home market", tighter, looser, "Huawei's market share at the end", +1, stat(nil, "huawei", game.StatMarket)},
	{"1 and, with a lag, Huawei's output", tighter, looser, "Huawei's chip output at the end", +1, stat(nil, "huawei", game.StatChips)},
	{"1 and cost Nvidia its China market", tighter, looser, "Nvidia's market share at the end", -1, stat(nil, "nvidia", game.StatMarket)},
	{"2 quotas push partners to hedge", policy{ban: "rescind_quotas"}, policy{ban: "chip_quotas"},
		"mean alignment of the tier-2 states (US bloc +)", -1, func(sc *game.Scenario, g *sim.Game) int {
			sum, n := 0, 0
			for i, s := range g.Final.Swing {
				if sc.Swing[i].Tier == 2 {
					sum += s.Align
					n++
				}
			}
			return sum * 100 / max(n, 1)
		}},
	{"4 harsh measures feed grievance", policy{seats: "washington=bot:hawk"}, policy{seats: "washington=bot:dove"},
		"Beijing's grievance at the end", +1, stat(nil, "beijing", game.StatGrievance)},
	{"4 and grievance heats the Strait", policy{seats: "washington=bot:hawk"}, policy{seats: "washington=bot:dove"},
		"Strait tension at the end", +1, track(game.TrackTension)},
	{"5 pooling raises capability", policy{seats: "beijing=prefer:compute_pooling"}, policy{ban: "compute_pooling"},
		"Beijing's frontier at the end", +1, stat(nil, "beijing", game.StatFrontier)},
	{"5 and sanction exposure", policy{seats: "beijing=prefer:compute_pooling"}, policy{ban: "compute_pooling"},
		"Beijing's sanction exposure at the end", +1, stat(nil, "beijing", game.StatExposure)},
	{"6 open weights help laggards", policy{seats: "meta=prefer:release_open_weights"}, policy{ban: "release_open_weights"},
		"Beijing's frontier at the end", +1, stat(nil, "beijing", game.StatFrontier)},
	{"6 and erode the closed labs' edge", policy{seats: "meta=prefer:release_open_weights"}, policy{ban: "release_open_weights"},
		"Washington's frontier lead over the mean of the other labs", -1, func(sc *game.Scenario, g *sim.Game) int {
			us := sc.RoleActor(game.RoleUSGov)
			sum, n := 0, 0
			for a := range sc.Actors {
				if a != us && sc.Actors[a].Has[game.StatFrontier] {
					sum += g.Final.Actors[a].Stats[game.StatFrontier]
					n++
				}
			}
			return g.Final.Actors[us].Stats[game.StatFrontier]*100 - sum*100/max(n, 1)
		}},
	{"7 the UAE's US-chips deal pulls states to the US bloc", policy{seats: "abudhabi=prefer:us_chips_deal"}, policy{ban: "us_chips_deal"},
		"swing states in the US bloc at the end", +1, func(sc *game.Scenario, g *sim.Game) int {
			n := 0
			for _, s := range g.Final.Swing {
				if game.AlignBloc(s.Align) == game.BlocUS {
					n += 100
				}
			}
			return n
		}},
	{"8 precaution slows Europe's frontier", policy{seats: "brussels=prefer:enforce_ai_act"}, policy{ban: "enforce_ai_act,high_risk_rules"},
		"Brussels' frontier at the end", -1, stat(nil, "brussels", game.StatFrontier)},
	{"8 and builds trust", policy{seats: "brussels=prefer:enforce_ai_act"}, policy{ban: "enforce_ai_act,high_risk_rules"},
		"Brussels' trust at the end", +1, stat(nil, "brussels", game.StatTrust)},
	{"9 power caps Washington's compute", policy{seats: "washington=prefer:manhattan_project"}, policy{ban: "manhattan_project"},
		"Washington's compute at the end", +1, stat(nil, "washington", game.StatCompute)},
	{"9 China's power build-out adds compute", policy{seats: "beijing=prefer:power_buildout"}, policy{ban: "power_buildout"},
		"Beijing's compute at the end", +1, stat(nil, "beijing", game.StatCompute)},
	{"10 Huawei's yield moves the real gap", policy{seats: "huawei=prefer:yield_push"}, policy{ban: "yield_push"},
		"the real US-China gap at the end", -1, func(sc *game.Scenario, g *sim.Game) int { return sc.Gap(&g.Final) * 100 }},
	{"12 optimism moves the frontier", policy{seats: "nvidia=prefer:fuel_the_boom"}, policy{ban: "fuel_the_boom"},
		"Washington's frontier at the end", +1, stat(nil, "washington", game.StatFrontier)},
}

// batch plays games under a policy and measures each.
func batch(t *testing.T, p *content.Pack, pol policy, games int, seed uint64, value func(*game.Scenario, *sim.Game) int) []int {
	t.Helper()
	sc := p.Scenario
	if pol.ban != "" {
		var err error
		if sc, err = sc.Ban(strings.Split(pol.ban, ",")...); err != nil {
			t.Fatal(err)
		}
	}
	cfg := sim.Config{Scenario: sc, Games: games, Seed: seed, Difficulty: bot.Normal}
	if pol.seats != "" {
		var err error
		if cfg.Seating, err = sim.ParseSeating(sc, pol.seats); err != nil {
			t.Fatal(err)
		}
	}
	out := make([]int, games)
	cfg.OnGame = func(i int, g *sim.Game) { out[i] = value(sc, g) }
	sim.Run(cfg)
	return out
}

// TestCausalLinksInPlay: every causal link of the source points the way the
// source says, measured in whole games with normal bots in every other
// seat, on the same seeds for both policies. With -links.table it prints
// the table of docs/balance.md (use -links.games=2000 for its figures).
func TestCausalLinksInPlay(t *testing.T) {
	if testing.Short() {
		t.Skip("plays thousands of games")
	}
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	n := *linkGames
	if *linkTable {
		fmt.Printf("| Link | Policy A | Policy B | Measure | A | B | A − B | Games |\n|---|---|---|---|---:|---:|---:|---:|\n")
	}
	for _, c := range linkCases {
		a := batch(t, p, c.a, n, 1, c.value)
		b := batch(t, p, c.b, n, 1, c.value)
		sa, sb := 0, 0
		for i := range a {
			sa += a[i]
			sb += b[i]
		}
		ma, mb := sa/n, sb/n
		if *linkTable {
			fmt.Printf("| %s | `%s` | `%s` | %s | %s | %s | %s | %d |\n", c.link, c.a, c.b, c.measure,
				hundredths(ma), hundredths(mb), hundredths(ma-mb), n)
		}
		if (ma-mb)*c.sign <= 0 {
			t.Errorf("link %s: %s is %s under %s and %s under %s (%d games each): wrong way", c.link, c.measure,
				hundredths(ma), c.a, hundredths(mb), c.b, n)
		}
	}
	// Link 3 in the model: the narrower Washington believes the gap, the
	// more often it reaches for control and escalating measures.
	sum := sim.Run(sim.Config{Scenario: p.Scenario, Games: n, Seed: 1, Difficulty: bot.Normal})
	line := p.Scenario.Rules.PressureGap
	var below, above [2]int
	for _, b := range sum.Pressure {
		side := &above
		if b.To < line {
			side = &below
		}
		side[0] += b.Turns
		side[1] += b.Escalate
	}
	rb, ra := below[1]*10000/max(below[0], 1), above[1]*10000/max(above[0], 1)
	if *linkTable {
		fmt.Printf("| 3 a narrowing perceived gap brings harsher measures | normal bots, Washington's turns with a perceived gap under %d | the same, %d and over | share of those turns with a control or escalating order (%%) | %s | %s | %s | %d |\n",
			line, line, hundredths(rb), hundredths(ra), hundredths(rb-ra), n)
	}
	if rb <= ra {
		t.Errorf("link 3: Washington took tough measures in %s%% of its turns with a perceived gap under %d and %s%% at %d or more", hundredths(rb), line, hundredths(ra), line)
	}
}

func hundredths(v int) string {
	sign := ""
	if v < 0 {
		sign, v = "−", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}
