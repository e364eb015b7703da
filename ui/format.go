package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zerosum/content"
	"zerosum/game"
	"zerosum/text"
)

// EffectText describes one effect for a player: "Beijing Grievance +6",
// "Export controls +1 (in 2 turns)". actor resolves "self"; target names the
// swing state of a targeted order (-1: "target state").
func EffectText(sc *game.Scenario, e game.Effect, actor, target int) string {
	r := e.Target
	if r.Kind == game.RefSwing && r.Swing == game.SwingTarget && target >= 0 {
		r.Swing = target
	}
	s := sc.Label(r, actor) + " " + text.Change(e.Add)
	switch e.Delay {
	case 0:
	case 1:
		s += text.T(" (next turn)")
	default:
		s += text.F(" (in %d turns)", e.Delay)
	}
	for _, c := range e.When {
		s = text.F("%s if %s", s, sc.Describe(c, actor))
	}
	return s
}

// CauseText names a cause for the ledger: "Washington: Tighten export
// controls", "event: DeepSeek shock", "Grey-zone pressure", "limit".
func CauseText(p *content.Pack, c game.Cause) string {
	sc := p.Scenario
	switch c.Kind {
	case game.CauseAction, game.CauseCost, game.CauseDelayed, game.CauseExposed:
		if c.Source < 0 {
			return text.T("undisclosed activity")
		}
		a := sc.Actions[c.Source]
		s := text.F("%s: %s", sc.Actors[c.Actor].Name, a.Name)
		if c.Target >= 0 {
			s = text.F("%s (%s)", s, sc.Swing[c.Target].Name)
		}
		switch c.Kind {
		case game.CauseCost:
			s = text.F("%s (cost)", s)
		case game.CauseDelayed:
			s = text.F("%s (from %s)", s, text.Half(sc.HalfYear(c.Turn)))
		case game.CauseExposed:
			s = text.F("%s (exposed in %s)", s, text.Half(sc.HalfYear(c.Turn)))
		}
		return s
	case game.CauseEvent:
		return text.F("news: %s", sc.Events[c.Source].Name)
	case game.CauseDynamic:
		if n := p.T("dynamics." + game.Dynamic(c.Source).String() + ".name"); n != "" {
			return n
		}
		return game.Dynamic(c.Source).String()
	case game.CauseLimit:
		return text.T("at its limit")
	case game.CauseCarry:
		return text.T("small effects adding up")
	case game.CauseInjected:
		return text.T("news added by the facilitator")
	case game.CauseCrowded:
		return text.T("harder near the top")
	}
	return "?"
}

// ChangeText writes a ledger line: "Strait tension 3→5 (+2): grey-zone
// drills +1, Huawei blockade +1".
func ChangeText(p *content.Pack, ch game.Change, viewer int) string {
	sc := p.Scenario
	var parts []string
	for _, c := range ch.Causes {
		parts = append(parts, CauseText(p, c.Cause)+" "+text.Change(c.Delta))
	}
	return text.F("%s %d→%d (%s): %s", sc.Label(ch.Target, viewer), ch.Before, ch.After,
		text.Change(ch.After-ch.Before), strings.Join(parts, text.T(", ")))
}

func itoa(n int) string { return strconv.Itoa(n) }

// TensionWord names a level of Strait tension, so the gauge never relies
// on colour alone.
func TensionWord(t int) string {
	switch {
	case t >= 10:
		return text.T("CRISIS")
	case t >= 8:
		return text.T("DANGER")
	case t >= 6:
		return text.T("HIGH")
	case t >= 4:
		return text.T("TENSE")
	}
	return text.T("calm")
}

// BlameText names who drove the Strait, largest share first, from a
// crisis's shares or from the running account: "Washington 55%, Beijing
// 40% and Taipei 5%". Actors with no share are left out; "" if none has
// one.
func BlameText(sc *game.Scenario, shares []int) string {
	type share struct{ actor, pct int }
	var ss []share
	for a, p := range shares {
		if p > 0 {
			ss = append(ss, share{a, p})
		}
	}
	slices.SortStableFunc(ss, func(x, y share) int { return y.pct - x.pct })
	var parts []string
	for _, s := range ss {
		parts = append(parts, fmt.Sprintf("%s %d%%", sc.Actors[s.actor].Name, s.pct))
	}
	return text.AndList(parts)
}

// CrisisRule says what a Strait crisis does to the scores, with the
// scenario's own numbers.
func CrisisRule(sc *game.Scenario) string {
	return text.F("Nobody wins a Strait crisis. The actors who drove it there (a share of the blame of %d%% or more, and always the largest) score 0; everyone else keeps %d%% of its score, less its own share of the blame.",
		sc.Rules.CulpritSharePct, sc.CrisisScorePct)
}
