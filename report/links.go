package report

import (
	"slices"
	"strings"

	"zerosum/game"
	"zerosum/text"
)

// sourceLink is one of the twelve causal links of the source essay
// (listed in docs/scenarios.md), in the report's own words; "" for a number
// that is none of them. Actions, events and the model's standing effects
// cite them by number.
func sourceLink(n int) string {
	switch n {
	case 1:
		return text.T("tighter US export controls slow China's compute and push it to spend on self-reliance; they cost US chip firms their Chinese sales and, pushed too far, strain partners")
	case 2:
		return text.T("quotas on how many US chips a partner may buy push middle powers to hedge toward China")
	case 3:
		return text.T("Washington acts on the gap it perceives, not the real one; a gap that seems to narrow brings harsher measures, and officials may overrate their lead")
	case 4:
		return text.T("harsher measures against Huawei and China's champions deepen Beijing's sense of threat, which shows up as pressure in the Taiwan Strait")
	case 5:
		return text.T("pooling China's compute by state order raises capability but also exposure to sanctions")
	case 6:
		return text.T("open model weights spread capability across borders: they help laggards, China included, wear down closed labs' lead and alarm security hawks")
	case 7:
		return text.T("sovereign AI still runs on US chips, clouds and models, so Washington can attach conditions")
	case 8:
		return text.T("precautionary regulation builds trust and standard-setting power but slows innovation")
	case 9:
		return text.T("energy is a real limit on compute, and China builds power fastest")
	case 10:
		return text.T("the yield of chip production matters as much as chip design")
	case 11:
		return text.T("a crisis in the Taiwan Strait is catastrophic for everyone: supply chains, investment and world order")
	case 12:
		return text.T("technologists' optimism keeps the AI revolution going, even when the storm hides its promise")
	}
	return ""
}

// numLinks is the number of the source's causal links.
const numLinks = 12

// linkText is "link 4 (harsher measures ...)".
func linkText(n int) string {
	if n < 1 || n > numLinks {
		return text.F("link %d", n)
	}
	return text.F("link %d (%s)", n, sourceLink(n))
}

// links writes the source's causal links with what in this game
// illustrated each: the orders given and the news that fired.
func (d *doc) links() {
	sc := d.sc
	d.heading(2, text.T("The source's causal links"))
	d.para("%s", text.T("The game's rules are built on twelve causal links drawn from the essay the game is based on (Reva Goujon on the AI race) and public reporting. "+
		"The questions above point to them by number. Under each, the orders and news of this game that put it to work."))
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
	for n := 1; n <= numLinks; n++ {
		var acts, evs []string
		for ai, a := range sc.Actions {
			if uses[ai] > 0 && slices.Contains(a.Links, n) {
				acts = append(acts, text.F("%s: %s (%s)", d.actor(a.Actor), d.action(ai), times(uses[ai])))
			}
		}
		for e, ev := range sc.Events {
			if fired[e] > 0 && slices.Contains(ev.Links, n) {
				evs = append(evs, strings.TrimSuffix(d.event(e), "。"))
			}
		}
		d.b.WriteString(text.F("%d. **%s.**", n, text.Capitalize(sourceLink(n))))
		switch {
		case len(acts) == 0 && len(evs) == 0:
			d.b.WriteString(text.T(" No order or news in this game cited it; it worked only through the standing rules, if at all."))
		default:
			if len(acts) > 0 {
				d.b.WriteString(text.F(" Orders: %s.", join(acts, "; ")))
			}
			if len(evs) > 0 {
				d.b.WriteString(text.F(" News: %s.", join(evs, "; ")))
			}
		}
		var sums []string
		for _, lt := range totals {
			if lt.link == n && len(sums) < 3 {
				sums = append(sums, d.linkTotalShort(lt))
			}
		}
		if len(sums) > 0 {
			d.b.WriteString(text.F(" Largest totals over the game, by the ledger: %s.", join(sums, "; ")))
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
