package report

import (
	"fmt"
	"slices"
	"strings"

	"zerosum/game"
	"zerosum/text"
)

// sourceLinks are the twelve causal links of the source essay (listed in
// docs/scenarios.md), in the report's own words.
// Actions, events and the model's standing effects cite them by number.
var sourceLinks = [...]string{
	1:  "tighter US export controls slow China's compute and push it to spend on self-reliance; they cost US chip firms their Chinese sales and, pushed too far, strain partners",
	2:  "quotas on how many US chips a partner may buy push middle powers to hedge toward China",
	3:  "Washington acts on the gap it perceives, not the real one; a gap that seems to narrow brings harsher measures, and officials may overrate their lead",
	4:  "harsher measures against Huawei and China's champions deepen Beijing's sense of threat, which shows up as pressure in the Taiwan Strait",
	5:  "pooling China's compute by state order raises capability but also exposure to sanctions",
	6:  "open model weights spread capability across borders: they help laggards, China included, wear down closed labs' lead and alarm security hawks",
	7:  "sovereign AI still runs on US chips, clouds and models, so Washington can attach conditions",
	8:  "precautionary regulation builds trust and standard-setting power but slows innovation",
	9:  "energy is a real limit on compute, and China builds power fastest",
	10: "the yield of chip production matters as much as chip design",
	11: "a crisis in the Taiwan Strait is catastrophic for everyone: supply chains, investment and world order",
	12: "technologists' optimism keeps the AI revolution going, even when the storm hides its promise",
}

// linkText is "link 4 (harsher measures ...)".
func linkText(n int) string {
	if n < 1 || n >= len(sourceLinks) {
		return fmt.Sprintf("link %d", n)
	}
	return fmt.Sprintf("link %d (%s)", n, sourceLinks[n])
}

// links writes the source's causal links with what in this game
// illustrated each: the orders given and the news that fired.
func (d *doc) links() {
	sc := d.sc
	d.heading(2, "The source's causal links")
	d.para("The game's rules are built on twelve causal links drawn from the essay the game is based on (Reva Goujon on the AI race) and public reporting. " +
		"The questions above point to them by number. Under each, the orders and news of this game that put it to work.")
	uses := make([]int, len(sc.Actions))
	for _, t := range d.m.Turns {
		for _, o := range t.Report.Orders {
			if ai, ok := sc.ActionIndex(o.Action); ok {
				uses[ai]++
			}
		}
	}
	fired := make([]int, len(sc.Events))
	for t := 0; t <= d.played(); t++ {
		for _, e := range d.m.Report(t).Events {
			fired[e]++
		}
	}
	totals := d.linkTotals()
	for n := 1; n < len(sourceLinks); n++ {
		var acts, evs []string
		for ai, a := range sc.Actions {
			if uses[ai] > 0 && slices.Contains(a.Links, n) {
				acts = append(acts, fmt.Sprintf("%s: %s (%s)", d.actor(a.Actor), d.action(ai), times(uses[ai])))
			}
		}
		for e, ev := range sc.Events {
			if fired[e] > 0 && slices.Contains(ev.Links, n) {
				evs = append(evs, d.event(e))
			}
		}
		fmt.Fprintf(&d.b, "%d. **%s.**", n, text.Capitalize(sourceLinks[n]))
		switch {
		case len(acts) == 0 && len(evs) == 0:
			d.b.WriteString(" No order or news in this game cited it; it worked only through the standing rules, if at all.")
		default:
			if len(acts) > 0 {
				d.b.WriteString(" Orders: " + strings.Join(acts, "; ") + ".")
			}
			if len(evs) > 0 {
				d.b.WriteString(" News: " + strings.Join(evs, "; ") + ".")
			}
		}
		var sums []string
		for _, lt := range totals {
			if lt.link == n && len(sums) < 3 {
				sums = append(sums, strings.TrimSuffix(d.linkTotalText(lt), fmt.Sprintf(" (link %d)", n)))
			}
		}
		if len(sums) > 0 {
			d.b.WriteString(" Largest totals over the game, by the ledger: " + strings.Join(sums, "; ") + ".")
		}
		d.b.WriteString("\n")
	}
	d.b.WriteString("\n")
}

// actionLinks are the links an action cites, or def when it cites none.
func (d *doc) actionLinks(ai int, def ...int) []int {
	if ls := d.sc.Actions[ai].Links; len(ls) > 0 {
		return ls
	}
	return def
}

// causeLinks are the links the largest causes of a change cite, in order
// of their share, without repeats.
func (d *doc) causeLinks(rep *game.Report, r game.Ref) []int {
	ch, ok := rep.ChangeOf(r)
	if !ok {
		return nil
	}
	cs := slices.Clone(ch.Causes)
	slices.SortStableFunc(cs, func(x, y game.CauseDelta) int { return text.Abs(y.Delta) - text.Abs(x.Delta) })
	var out []int
	add := func(ls ...int) {
		for _, l := range ls {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	for _, c := range cs {
		switch c.Kind {
		case game.CauseAction, game.CauseDelayed, game.CauseExposed:
			if c.Source >= 0 {
				add(d.sc.Actions[c.Source].Links...)
			}
		case game.CauseEvent:
			add(d.sc.Events[c.Source].Links...)
		case game.CauseDynamic:
			add(dynamicLinks[game.Dynamic(c.Source)]...)
		}
	}
	return out
}

// dynamicLinks are the source links each standing effect of the model
// embodies (see game/dynamics.go).
var dynamicLinks = [game.NumDynamics][]int{
	game.DynComputeBuild:    {9},
	game.DynControlsDrag:    {1},
	game.DynSelfReliance:    {1},
	game.DynStateSupport:    {1},
	game.DynChampionOutput:  {10},
	game.DynExposureFades:   {5},
	game.DynGrievance:       {4},
	game.DynGreyZone:        {4},
	game.DynPerception:      {3},
	game.DynFrontier:        {12},
	game.DynCatchUp:         {6},
	game.DynRegulationDrag:  {8},
	game.DynRegulationTrust: {8},
	game.DynMomentum:        {11, 12},
	game.DynQuotaHedging:    {2},
	game.DynQuotaCap:        {2, 7},
	game.DynOverreach:       {1},
	game.DynSovereignBuild:  {6, 7},
	game.DynMarkets:         {1},
	game.DynCapitalFlight:   {11},
}
