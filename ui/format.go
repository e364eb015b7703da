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
	s := RefLabel(sc, r, actor) + " " + text.Change(e.Add)
	switch e.Delay {
	case 0:
	case 1:
		s += text.T(" (next turn)")
	default:
		s += text.F(" (in %d turns)", e.Delay)
	}
	for _, c := range e.When {
		s = text.F("%s if %s", s, CondText(sc, c, actor))
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
	return text.F("%s %d→%d (%s): %s", RefLabel(sc, ch.Target, viewer), ch.Before, ch.After,
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

// RefLabel is game.Scenario.Label in the interface's language: a short
// name for a number of the game ("Beijing Grievance", "India alignment").
// The engine writes its own words in English; the content's names (actors,
// stats, tracks, swing states, actions, events) come translated from the
// content pack, and the words around them come from here.
func RefLabel(sc *game.Scenario, r game.Ref, actor int) string {
	switch r.Kind {
	case game.RefStat:
		a := r.Actor
		if a == game.ActorSelf {
			a = actor
		}
		if a < 0 {
			return text.F("own %s", sc.StatName(r.Stat))
		}
	case game.RefSwing:
		var s string
		switch r.Swing {
		case game.SwingTarget:
			s = text.T("target state")
		case game.SwingAll:
			s = text.T("every swing state")
		case game.SwingTier2:
			s = text.T("tier-2 states")
		default:
			s = sc.Swing[r.Swing].Name
		}
		if r.Field == game.FieldSovereign {
			return text.F("%s sovereign AI", s)
		}
		return text.F("%s alignment", s)
	case game.RefGap:
		return text.T("US-China capability gap")
	case game.RefTurn:
		return text.T("turn")
	case game.RefBloc:
		switch r.Bloc {
		case game.BlocUS:
			return text.T("states in the US bloc")
		case game.BlocChina:
			return text.T("states in the China bloc")
		}
		return text.T("non-aligned states")
	case game.RefDone:
		return text.F("times %s was taken", sc.Actions[r.Index].Name)
	case game.RefLast:
		return text.F("%s last turn", sc.Actions[r.Index].Name)
	case game.RefFired:
		return text.F("%s has happened", sc.Events[r.Index].Name)
	}
	return sc.Label(r, actor) // the content's names alone
}

// CondText is game.Scenario.Describe in the interface's language: a
// condition for a player, "Export controls ≥ 3", or a sentence for
// whether an action was taken or an event happened.
func CondText(sc *game.Scenario, c game.Condition, actor int) string {
	if c.Ref.Kind == game.RefDone || c.Ref.Kind == game.RefFired {
		var never, ever bool
		switch c.Op {
		case game.OpEQ, game.OpLE:
			never = c.Value == 0
		case game.OpLT:
			never = c.Value == 1
		case game.OpGE:
			ever = c.Value == 1
		case game.OpGT, game.OpNE:
			ever = c.Value == 0
		}
		done := c.Ref.Kind == game.RefDone
		switch {
		case never && done:
			return text.F("%s has not been taken", sc.Actions[c.Ref.Index].Name)
		case ever && done:
			return text.F("%s has been taken", sc.Actions[c.Ref.Index].Name)
		case never:
			return text.F("“%s” has not happened", sc.Events[c.Ref.Index].Name)
		case ever:
			return text.F("“%s” has happened", sc.Events[c.Ref.Index].Name)
		}
	}
	// The comparison as the engine writes it, after its label: " ≥ 3".
	cmp := strings.TrimPrefix(sc.Describe(c, actor), sc.Label(c.Ref, actor))
	return RefLabel(sc, c.Ref, actor) + cmp
}

// ReasonText is game.Scenario.Reason in the interface's language: why an
// option cannot be given ("" when it can).
func ReasonText(sc *game.Scenario, op game.Option) string {
	w := op.Why.Parts()
	a := &sc.Actions[op.Action]
	switch w.Kind {
	case game.WhyNone:
		return ""
	case game.WhyOver:
		return text.T("the game is over")
	case game.WhyTwice:
		return text.F("%s is already in this turn's orders", a.Name)
	case game.WhyOnce:
		return text.F("%s can be taken only once (it was, in %s)", a.Name, text.Half(sc.HalfYear(w.Value)))
	case game.WhyCooldown:
		return text.F("%s can be taken again from %s", a.Name, text.Half(sc.HalfYear(w.Value)))
	case game.WhyNeeds:
		c := a.Requires[w.Cond]
		if op.Target >= 0 {
			c.Ref = game.Concrete(c.Ref, a.Actor, op.Target)
		}
		return text.F("needs %s (now %d)", CondText(sc, c, a.Actor), w.Value)
	case game.WhyHappened:
		r := a.Requires[w.Cond].Ref
		if r.Kind == game.RefFired {
			return text.F("already happened: %s", sc.Events[r.Index].Name)
		}
		return text.F("already done: %s (%s)", sc.Actions[r.Index].Name, text.Half(sc.HalfYear(w.Value)))
	case game.WhyAP:
		return text.F("needs %d action points; %d of %d left", w.Need, w.Have, w.Limit)
	case game.WhyCapital:
		return text.F("costs %d capital; %d left", w.Need, w.Have)
	case game.WhyBanned:
		return text.F("%s is not available in this game", a.Name)
	}
	return sc.Reason(op)
}
