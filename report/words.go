package report

import (
	"cmp"
	"fmt"
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
		return "nobody"
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
		names[i] = fmt.Sprintf("%s %d%%", w.actor(a), shares[a])
	}
	return text.AndList(names)
}

// crisisRule says what a Strait crisis does to the scores.
func (w words) crisisRule() string {
	return fmt.Sprintf("Nobody wins a Strait crisis: the actors who drove it there (%d%% of the blame or more, and always the largest share) score 0, and everyone else keeps %d%% of its score, less its own share of the blame.",
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

func (w words) date(turn int) string { return w.sc.Date(turn) }

// order names an order: "Court a partner (India)".
func (w words) order(o game.Order) string {
	ai, ok := w.sc.ActionIndex(o.Action)
	if !ok {
		return o.Action
	}
	s := w.action(ai)
	if si, ok := w.sc.SwingIndex(o.Target); ok {
		s += " (" + w.swing(si) + ")"
	}
	return s
}

// level is a stepped track's value with its name: "level 2, December 2024
// package".
func (w words) level(t game.Track, v int) string {
	if n := w.p.Level(t, v); n != "" {
		return fmt.Sprintf("level %d, %s", v, n)
	}
	return fmt.Sprintf("level %d", v)
}

// cause names one cause of a change: "Washington: Tighten controls",
// "news: DeepSeek shock", "Grey-zone pressure".
func (w words) cause(c game.Cause) string {
	sc := w.sc
	switch c.Kind {
	case game.CauseAction, game.CauseCost, game.CauseDelayed, game.CauseExposed:
		if c.Source < 0 || c.Source >= len(sc.Actions) {
			return "undisclosed activity"
		}
		s := w.actor(sc.Actions[c.Source].Actor) + ": " + w.action(c.Source)
		if c.Target >= 0 && c.Target < len(sc.Swing) {
			s += " (" + w.swing(c.Target) + ")"
		}
		switch c.Kind {
		case game.CauseCost:
			s += ", its cost"
		case game.CauseDelayed:
			s += ", ordered in " + w.date(c.Turn)
		case game.CauseExposed:
			s += ", exposed in " + w.date(c.Turn)
		}
		return s
	case game.CauseEvent:
		return "news: " + w.event(c.Source)
	case game.CauseDynamic:
		d := game.Dynamic(c.Source)
		return w.text("dynamics."+d.String()+".name", d.String())
	case game.CauseLimit:
		return "held at its limit"
	case game.CauseCarry:
		return "small effects adding up"
	case game.CauseCrowded:
		return "harder near the top"
	case game.CauseInjected:
		return "news added by the facilitator"
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
		parts = append(parts, w.cause(c.Cause)+" "+text.Signed(c.Delta))
	}
	if len(cs) > n {
		parts = append(parts, "and smaller effects")
	}
	return strings.Join(parts, ", ")
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
			return " Why: " + c + "."
		}
		return ""
	}
	tension := game.Ref{Kind: game.RefTrack, Track: game.TrackTension}
	switch tp.Kind {
	case match.TurnCrisis:
		who := "No player's orders put the pressure there; nobody wins it."
		if len(tp.Actors) > 0 {
			who = "Driven there by " + w.actors(tp.Actors) + ", who score" + pluralVerb(len(tp.Actors)) + " 0; nobody wins it."
		}
		return "Strait crisis", fmt.Sprintf("Strait tension rose from %d to %d and the game ended at once. %s", tp.Before, tp.After, who) + why(tension)
	case match.TurnTensionRise:
		return "Tension", fmt.Sprintf("Strait tension jumped from %d to %d (%s), %s.", tp.Before, tp.After, text.Signed(tp.Delta), tensionWord(tp.After)) + why(tension)
	case match.TurnControlLevel:
		verb := "tightened"
		if tp.Delta < 0 {
			verb = "eased"
		}
		return "Controls", fmt.Sprintf("%s %s from level %d to %s.", w.track(tp.Track), verb, tp.Before, w.level(tp.Track, tp.After)) +
			why(game.Ref{Kind: game.RefTrack, Track: tp.Track})
	case match.TurnBlocShift:
		return "Bloc", fmt.Sprintf("%s %s (alignment %s to %s).", w.swing(tp.Swing), blocMove(tp.Before, tp.After), text.Signed(tp.Before), text.Signed(tp.After)) +
			why(game.Ref{Kind: game.RefSwing, Swing: tp.Swing, Field: game.FieldAlign})
	case match.TurnExposed:
		s := fmt.Sprintf("%s covert order %s", text.Possessive(w.actors(tp.Actors)), w.action(tp.Action))
		if tp.Swing >= 0 {
			s += " (" + w.swing(tp.Swing) + ")"
		}
		return "Exposed", s + fmt.Sprintf(", given in %s, came to light.", w.date(tp.Since))
	case match.TurnBigAction:
		s := fmt.Sprintf("%s took a step that can be taken only once: %s", w.actors(tp.Actors), w.action(tp.Action))
		if tp.Swing >= 0 {
			s += " (" + w.swing(tp.Swing) + ")"
		}
		return "Big move", s + "."
	case match.TurnScoreSwing:
		verb := "rose"
		if tp.Delta < 0 {
			verb = "fell"
		}
		return "Score", fmt.Sprintf("%s score %s from %d to %d (%s).", text.Possessive(w.actors(tp.Actors)), verb, tp.Before, tp.After, text.Signed(tp.Delta))
	}
	return "?", ""
}

// blocMove says how a swing state moved between blocs: "left the US bloc
// and became non-aligned", "joined the China bloc".
func blocMove(before, after int) string {
	from, to := game.AlignBloc(before), game.AlignBloc(after)
	switch {
	case to == game.BlocNone:
		return "left " + blocName(from) + " and became non-aligned"
	case from == game.BlocNone:
		return "joined " + blocName(to)
	}
	return "left " + blocName(from) + " for " + blocName(to)
}

func blocName(b game.Bloc) string {
	switch b {
	case game.BlocUS:
		return "the US bloc"
	case game.BlocChina:
		return "the China bloc"
	}
	return "non-alignment"
}

// tensionWord says how a level of Strait tension feels.
func tensionWord(t int) string {
	switch {
	case t >= 10:
		return "a crisis"
	case t >= 8:
		return "dangerous"
	case t >= 6:
		return "high"
	case t >= 4:
		return "tense"
	}
	return "calm"
}

func pluralVerb(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

// fromTo is "went from 4 to 7", or "stayed at 4".
func fromTo(a, b int) string {
	if a == b {
		return fmt.Sprintf("stayed at %d", a)
	}
	return fmt.Sprintf("went from %d to %d", a, b)
}

// times is "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
