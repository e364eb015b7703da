package content

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"zerosum/game"
)

// Text that states a number the rules decide says it with a placeholder,
// which the loader fills in from the scenario being loaded, so the words
// follow the rules wherever they change (a single-file scenario's rules:,
// an objective rewritten by a teacher):
//
//	{rule:<key>}        the value of a rule of game/rules.go, such as {rule:grey_zone_level}
//	{crisis_score_pct}  the share of its score a player keeps after a Strait crisis
//	{from}, {to}        in an objective's text: the values that earn nothing and everything
//
// Placeholders are checked when the text is read (an unknown one is a
// problem at its file and line) and filled in once the scenario is
// complete: after a single-file scenario has changed its base's rules,
// and after a translation has replaced the English.

// placeholderRe matches a placeholder: a name in braces, without spaces.
var placeholderRe = regexp.MustCompile(`\{([^{}\s]*)\}`)

// Placeholders lists the placeholders a text holds, without their braces.
func Placeholders(s string) []string {
	var out []string
	for _, m := range placeholderRe.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// placeholderNames lists every placeholder a text of the given key may use.
func placeholderNames(key string) []string {
	var r game.Rules
	out := []string{"crisis_score_pct"}
	for _, f := range r.Fields() {
		out = append(out, "rule:"+f.Key)
	}
	if strings.HasPrefix(key, "objectives.") {
		out = append(out, "from", "to")
	}
	return out
}

// checkPlaceholders reports every placeholder that names nothing, in the
// text this loader read itself (a base's text was checked when it loaded).
func (l *loader) checkPlaceholders(p *Pack) {
	for _, key := range sortedKeys(p.text) {
		w, ok := l.where[key]
		if !ok {
			continue
		}
		names := placeholderNames(key)
		for _, name := range Placeholders(p.text[key]) {
			if slices.Contains(names, name) {
				continue
			}
			var why string
			switch {
			case name == "from" || name == "to":
				why = "is only meaningful in an objective's name or desc"
			case strings.HasPrefix(name, "rule:"):
				why = "names no rule" + suggestPlaceholder(name, names)
			default:
				why = "is not a placeholder" + suggestPlaceholder(name, names) +
					" (write {rule:<key>} with a rule's key, {crisis_score_pct}, or {from} and {to} in an objective)"
			}
			w.r.at(l.lineOf(w, "{"+name+"}"), "%s: {%s} %s", key, name, why)
		}
	}
}

// suggestPlaceholder is "; did you mean {x}?" for the closest name, or "".
func suggestPlaceholder(name string, names []string) string {
	s := game.Suggest(name, names)
	if s == "" {
		return ""
	}
	best := s[strings.Index(s, `"`)+1 : strings.LastIndex(s, `"`)]
	return "; did you mean {" + best + "}?"
}

// lineOf finds the line a placeholder is written on: the first line from
// where its text starts that holds it, or the start itself.
func (l *loader) lineOf(w place, s string) int {
	data, ok := l.files[w.r.file]
	if !ok || w.line <= 0 {
		return w.line
	}
	lines := strings.Split(string(data), "\n")
	for i := w.line - 1; i < len(lines); i++ {
		if strings.Contains(lines[i], s) {
			return i + 1
		}
	}
	return w.line
}

// expand fills in every placeholder from the scenario as loaded, keeps the
// text as written in p.raw, and refreshes the names the engine uses in its
// own messages.
func (l *loader) expand(p *Pack) {
	sc := p.Scenario
	values := map[string]int{"crisis_score_pct": sc.CrisisScorePct}
	for _, f := range sc.Rules.Fields() {
		values["rule:"+f.Key] = *f.Ptr
	}
	p.raw = p.text
	p.text = make(map[string]string, len(p.raw))
	for key, s := range p.raw {
		if !strings.Contains(s, "{") {
			p.text[key] = s
			continue
		}
		objective, isObjective := p.objRange[strings.TrimSuffix(strings.TrimSuffix(key, ".desc"), ".name")]
		p.text[key] = placeholderRe.ReplaceAllStringFunc(s, func(m string) string {
			name := m[1 : len(m)-1]
			switch {
			case isObjective && name == "from":
				return strconv.Itoa(objective[0])
			case isObjective && name == "to":
				return strconv.Itoa(objective[1])
			}
			if v, ok := values[name]; ok {
				return strconv.Itoa(v)
			}
			return m // reported by checkPlaceholders
		})
	}
	p.syncNames()
}

// syncNames sets the names the engine uses in its own messages (actors,
// actions, events, objectives, outcomes, stats, tracks) and the pack's
// summary, note and glossary from the text: after a translation, and once
// placeholders are filled in.
func (p *Pack) syncNames() {
	sc := p.Scenario
	for i := range sc.Actors {
		sc.Actors[i].Name = p.text["actors."+sc.Actors[i].ID+".name"]
		for j := range sc.Actors[i].Objectives {
			o := &sc.Actors[i].Objectives[j]
			o.Name = p.text["objectives."+sc.Actors[i].ID+"."+o.ID+".name"]
		}
	}
	for i := range sc.Actions {
		sc.Actions[i].Name = p.text["actions."+sc.Actions[i].ID+".name"]
	}
	for i := range sc.Events {
		sc.Events[i].Name = p.text["events."+sc.Events[i].ID+".headline"]
	}
	for i := range sc.Swing {
		sc.Swing[i].Name = p.text["swing."+sc.Swing[i].ID+".name"]
	}
	for i := range sc.Outcomes {
		sc.Outcomes[i].Name = p.text["outcomes."+sc.Outcomes[i].ID+".name"]
	}
	for s := range game.NumStats {
		sc.StatNames[s] = p.text["stats."+s.String()+".name"]
	}
	for t := range game.NumTracks {
		sc.TrackNames[t] = p.text["tracks."+t.String()+".name"]
		for i := range p.levels[t] {
			p.levels[t][i] = p.text["tracks."+t.String()+".level."+strconv.Itoa(i)]
		}
	}
	for i := range p.Glossary {
		g := &p.Glossary[i]
		g.Term, g.Def = p.text["glossary."+g.ID+".term"], p.text["glossary."+g.ID+".def"]
	}
	sc.Title = p.text["scenario.title"]
	p.Summary, p.Note = p.text["scenario.summary"], p.text["scenario.note"]
}
