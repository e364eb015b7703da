package report

import (
	"cmp"
	"slices"
	"strings"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
	"zerosum/text"
)

// words puts the game's numbers into plain English, taking every name from
// the pack's text (falling back on the scenario's own names).
type words struct {
	p  *content.Pack
	sc *game.Scenario
}

func (w words) text(key, fallback string) string {
	if s := w.p.T(key); s != "" {
		return s
	}
	return fallback
}

func (w words) title() string { return w.text("scenario.title", w.sc.Title) }

func (w words) actor(a int) string {
	return w.text("actors."+w.sc.Actors[a].ID+".name", w.sc.Actors[a].Name)
}

func (w words) actors(as []int) string {
	if len(as) == 0 {
		return text.T("nobody")
	}
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = w.actor(a)
	}
	return text.AndList(names)
}

// blame names the actors with a share of the blame for a Strait crisis,
// largest first: "Washington 55%, Beijing 40% and Taipei 5%".
func (w words) blame(shares []int) string {
	order := make([]int, 0, len(shares))
	for a, s := range shares {
		if s > 0 {
			order = append(order, a)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int { return shares[y] - shares[x] })
	names := make([]string, len(order))
	for i, a := range order {
		names[i] = text.F("%[1]s %[2]d%%", w.actor(a), shares[a])
	}
	return text.AndList(names)
}

// crisisRule says what a Strait crisis does to the scores.
func (w words) crisisRule() string {
	return text.F("Nobody wins a Strait crisis: the actors who drove it there (%d%% of the blame or more, and always the largest share) score 0, and everyone else keeps %d%% of its score, less its own share of the blame.",
		w.sc.Rules.CulpritSharePct, w.sc.CrisisScorePct)
}

func (w words) action(ai int) string {
	return w.text("actions."+w.sc.Actions[ai].ID+".name", w.sc.Actions[ai].Name)
}

func (w words) swing(s int) string {
	return w.text("swing."+w.sc.Swing[s].ID+".name", w.sc.Swing[s].Name)
}

func (w words) event(e int) string {
	return w.text("events."+w.sc.Events[e].ID+".headline", w.sc.Events[e].Name)
}

func (w words) track(t game.Track) string {
	return w.text("tracks."+t.String()+".name", w.sc.TrackName(t))
}

func (w words) outcomeName(id string) string {
	if i := slices.IndexFunc(w.sc.Outcomes, func(o game.OutcomeDef) bool { return o.ID == id }); i >= 0 {
		return w.text("outcomes."+id+".name", w.sc.Outcomes[i].Name)
	}
	return id
}

func (w words) objective(a, o int) string {
	od := w.sc.Actors[a].Objectives[o]
	return w.text("objectives."+w.sc.Actors[a].ID+"."+od.ID+".name", od.Name)
}

// statName is a stat's name inside a sentence: "chip supply".
func (w words) statName(s game.Stat) string {
	return text.Uncapitalize(w.text("stats."+s.String()+".name", w.sc.StatName(s)))
}

func (w words) date(turn int) string { return text.Half(w.sc.HalfYear(turn)) }

// order names an order: "Court a partner (India)".
func (w words) order(o game.Order) string {
	ai, ok := w.sc.ActionIndex(o.Action)
	if !ok {
		return o.Action
	}
	if si, ok := w.sc.SwingIndex(o.Target); ok {
		return w.targeted(w.action(ai), si)
	}
	return w.action(ai)
}

// targeted is an action with the swing state it targets: "Court a
// partner (India)".
func (w words) targeted(action string, s int) string {
	return text.F("%[1]s (%[2]s)", action, w.swing(s))
}

// level is a stepped track's value with its name: "level 2, December 2024
// package".
func (w words) level(t game.Track, v int) string {
	if n := w.p.Level(t, v); n != "" {
		return text.F("level %d, %s", v, n)
	}
	return text.F("level %d", v)
}

// cause names one cause of a change: "Washington: Tighten controls",
// "news: DeepSeek shock", "Grey-zone pressure".
func (w words) cause(c game.Cause) string {
	sc := w.sc
	switch c.Kind {
	case game.CauseAction, game.CauseCost, game.CauseDelayed, game.CauseExposed:
		if c.Source < 0 || c.Source >= len(sc.Actions) {
			return text.T("undisclosed activity")
		}
		what := w.action(c.Source)
		if c.Target >= 0 && c.Target < len(sc.Swing) {
			what = w.targeted(what, c.Target)
		}
		s := text.F("%[1]s: %[2]s", w.actor(sc.Actions[c.Source].Actor), what)
		switch c.Kind {
		case game.CauseCost:
			s = text.F("%s, its cost", s)
		case game.CauseDelayed:
			s = text.F("%s, ordered in %s", s, w.date(c.Turn))
		case game.CauseExposed:
			s = text.F("%s, exposed in %s", s, w.date(c.Turn))
		}
		return s
	case game.CauseEvent:
		return text.F("news: %s", w.event(c.Source))
	case game.CauseDynamic:
		d := game.Dynamic(c.Source)
		return w.text("dynamics."+d.String()+".name", d.String())
	case game.CauseLimit:
		return text.T("held at its limit")
	case game.CauseCarry:
		return text.T("small effects adding up")
	case game.CauseCrowded:
		return text.T("harder near the top")
	case game.CauseInjected:
		return text.T("news added by the facilitator")
	}
	return "?"
}

// causes lists the largest causes of a change, biggest first: "grey-zone
// pressure +1, news: Drills +1". At most n; "" when there is no change.
func (w words) causes(rep *game.Report, r game.Ref, n int) string {
	ch, ok := rep.ChangeOf(r)
	if !ok {
		return ""
	}
	cs := slices.Clone(ch.Causes)
	slices.SortStableFunc(cs, func(x, y game.CauseDelta) int { return cmp.Compare(text.Abs(y.Delta), text.Abs(x.Delta)) })
	var parts []string
	for _, c := range cs[:min(len(cs), n)] {
		parts = append(parts, text.F("%[1]s %[2]s", w.cause(c.Cause), text.Signed(c.Delta)))
	}
	if len(cs) > n {
		parts = append(parts, text.T("and smaller effects"))
	}
	return join(parts, ", ")
}

// prose turns content text into plain text: glossary links [[id]] and
// [[id|words]] become their words, and runs of white space one space.
func (w words) prose(s string) string { return text.Expand(text.Collapse(s), w.p.LinkText) }

// turningPoint puts a turning point into one sentence, with its kind as a
// short label.
func (w words) turningPoint(m *match.Match, tp match.TurningPoint) (label, line string) {
	rep := m.Report(min(tp.Turn, len(m.Turns)))
	why := func(r game.Ref) string {
		if c := w.causes(&rep, r, 3); c != "" {
			return text.F(" Why: %s.", c)
		}
		return ""
	}
	tension := game.Ref{Kind: game.RefTrack, Track: game.TrackTension}
	switch tp.Kind {
	case match.TurnCrisis:
		who := text.T("No player's orders put the pressure there; nobody wins it.")
		if len(tp.Actors) == 1 {
			who = text.F("Driven there by %s, who scores 0; nobody wins it.", w.actors(tp.Actors))
		} else if len(tp.Actors) > 1 {
			who = text.F("Driven there by %s, who score 0; nobody wins it.", w.actors(tp.Actors))
		}
		return text.T("Strait crisis"), text.F("Strait tension rose from %d to %d and the game ended at once. %s", tp.Before, tp.After, who) + why(tension)
	case match.TurnTensionRise:
		return text.T("Tension"), text.F("Strait tension jumped from %d to %d (%s), %s.", tp.Before, tp.After, text.Signed(tp.Delta), tensionWord(tp.After)) + why(tension)
	case match.TurnControlLevel:
		s := text.F("%s tightened from level %d to %s.", w.track(tp.Track), tp.Before, w.level(tp.Track, tp.After))
		if tp.Delta < 0 {
			s = text.F("%s eased from level %d to %s.", w.track(tp.Track), tp.Before, w.level(tp.Track, tp.After))
		}
		return text.T("Controls"), s + why(game.Ref{Kind: game.RefTrack, Track: tp.Track})
	case match.TurnBlocShift:
		return text.T("Bloc"), text.F("%s (alignment %s to %s).", blocMove(w.swing(tp.Swing), tp.Before, tp.After), text.Signed(tp.Before), text.Signed(tp.After)) +
			why(game.Ref{Kind: game.RefSwing, Swing: tp.Swing, Field: game.FieldAlign})
	case match.TurnExposed:
		what := w.action(tp.Action)
		if tp.Swing >= 0 {
			what = w.targeted(what, tp.Swing)
		}
		return text.T("Exposed"), text.F("%s covert order %s, given in %s, came to light.", text.Possessive(w.actors(tp.Actors)), what, w.date(tp.Since))
	case match.TurnBigAction:
		what := w.action(tp.Action)
		if tp.Swing >= 0 {
			what = w.targeted(what, tp.Swing)
		}
		return text.T("Big move"), text.F("%s took a step that can be taken only once: %s.", w.actors(tp.Actors), what)
	case match.TurnScoreSwing:
		s := text.F("%s score rose from %d to %d (%s).", text.Possessive(w.actors(tp.Actors)), tp.Before, tp.After, text.Signed(tp.Delta))
		if tp.Delta < 0 {
			s = text.F("%s score fell from %d to %d (%s).", text.Possessive(w.actors(tp.Actors)), tp.Before, tp.After, text.Signed(tp.Delta))
		}
		return text.T("Score"), s
	}
	return "?", ""
}

// blocMove says how a swing state moved between blocs: "India left the US
// bloc and became non-aligned", "India joined the China bloc".
func blocMove(name string, before, after int) string {
	from, to := game.AlignBloc(before), game.AlignBloc(after)
	switch {
	case to == game.BlocNone:
		return text.F("%s left %s and became non-aligned", name, blocName(from))
	case from == game.BlocNone:
		return text.F("%s joined %s", name, blocName(to))
	}
	return text.F("%s left %s for %s", name, blocName(from), blocName(to))
}

func blocName(b game.Bloc) string {
	switch b {
	case game.BlocUS:
		return text.T("the US bloc")
	case game.BlocChina:
		return text.T("the China bloc")
	}
	return text.T("non-alignment")
}

// tensionWord says how a level of Strait tension feels.
func tensionWord(t int) string {
	switch {
	case t >= 10:
		return text.T("a crisis")
	case t >= 8:
		return text.T("dangerous")
	case t >= 6:
		return text.T("high")
	case t >= 4:
		return text.T("tense")
	}
	return text.T("calm")
}

// times is "once", "twice", "3 times".
func times(n int) string { return text.F("%d times", n) }

// join joins the parts of a list whose items hold commas of their own:
// with sep (", " or "; ") in English, with a Chinese semicolon in Chinese.
func join(parts []string, sep string) string {
	if text.Chinese() {
		sep = "；"
	}
	return strings.Join(parts, sep)
}

// series joins numbers or short items: "4, 6, 9"; 4、6、9 in Chinese.
func series(items []string) string {
	if text.Chinese() {
		return strings.Join(items, "、")
	}
	return strings.Join(items, ", ")
}

// clauses joins whole clauses: "A, B and C" in English; in Chinese, where
// 和 joins nouns and not clauses, with semicolons.
func clauses(items []string) string {
	if text.Chinese() {
		return strings.Join(items, "；")
	}
	return text.AndList(items)
}

// possessed is a thing an owner has: "Beijing's chip supply", 北京的芯片供应.
func possessed(owner, thing string) string {
	if text.Chinese() {
		return text.Possessive(owner) + thing
	}
	return text.Possessive(owner) + " " + thing
}

// stop ends a sentence put together from parts: "." in English, "。" in
// Chinese.
func stop() string {
	if text.Chinese() {
		return "。"
	}
	return "."
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
