package content

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"zerosum/game"
	"zerosum/text"
)

// build turns the decoded files into a validated scenario and its text.
func (l *loader) build(b *bundle) *Pack {
	sc := &game.Scenario{}
	p := &Pack{Scenario: sc, Lang: "en", text: map[string]string{}, decided: map[string]string{},
		sameAs: map[string][]string{}, objRange: map[string][2]int{}}
	l.buildNames(b, p)
	l.buildFrame(b, p)
	l.buildSwing(b, p)
	l.buildActors(b, p)
	l.buildEvents(b, p)
	if err := sc.Index(); err != nil {
		l.reporter(b.scenarioName).at(0, "%v", err)
		return p
	}
	// References can be parsed only once every id is known.
	l.buildOutcomes(b, p)
	for i := range b.actors {
		l.buildActorRefs(b, p, i)
	}
	l.buildEventRefs(b, p)
	l.buildGlossary(b, p)
	l.checkMarkup(p)
	l.checkPlaceholders(p)
	if len(l.problems) == 0 {
		if err := sc.Check(); err != nil {
			l.reporter(b.scenarioName).at(0, "%v", err)
		}
	}
	sc.ContentHash = l.contentHash()
	for n := range l.files {
		p.Files = append(p.Files, n)
	}
	slices.Sort(p.Files)
	return p
}

// put stores text under prefix.field for each field/value pair, and
// remembers where it was written for messages about it.
func (l *loader) put(p *Pack, r report, line int, prefix string, pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		key := prefix + "." + pairs[i]
		p.text[key] = pairs[i+1]
		l.where[key] = place{r, line}
	}
}

func (l *loader) need(r report, line int, what, v string) {
	if strings.TrimSpace(v) == "" {
		r.at(line, "%s is missing", what)
	}
}

func (l *loader) inRange(r report, v Pos[int], what string, lo, hi int) {
	if v.V < lo || v.V > hi {
		r.at(v.Line, "%s is %d; it must be between %d and %d", what, v.V, lo, hi)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (l *loader) buildNames(b *bundle, p *Pack) {
	r := l.reporter(b.namesName)
	sc := p.Scenario
	for _, k := range sortedKeys(b.names.Stats) {
		n := b.names.Stats[k]
		s, ok := game.ParseStat(k)
		if !ok {
			r.at(n.Line, "%q is not a stat of the model", k)
			continue
		}
		sc.StatNames[s] = n.Name
		l.put(p, r, n.Line, "stats."+k, "name", n.Name, "short", n.Short, "desc", n.Desc)
	}
	for s := range game.NumStats {
		if _, ok := b.names.Stats[s.String()]; !ok {
			r.at(0, "stat %q has no name", s)
		}
	}
	for _, k := range sortedKeys(b.names.Tracks) {
		n := b.names.Tracks[k]
		t, ok := game.ParseTrack(k)
		if !ok {
			r.at(n.Line, "%q is not a track of the model", k)
			continue
		}
		sc.TrackNames[t] = n.Name
		l.put(p, r, n.Line, "tracks."+k, "name", n.Name, "short", n.Short, "desc", n.Desc)
		p.levels[t] = slices.Clone(n.Levels)
		for i, lv := range n.Levels {
			l.put(p, r, n.Line, "tracks."+k+".level", strconv.Itoa(i), lv)
		}
		if len(n.Levels) > 0 && len(n.Levels) != t.Max()-t.Min()+1 {
			r.at(n.Line, "track %s has %d level names; it needs one for each value %d..%d", k, len(n.Levels), t.Min(), t.Max())
		}
	}
	for t := range game.NumTracks {
		if _, ok := b.names.Tracks[t.String()]; !ok {
			r.at(0, "track %q has no name", t)
		}
	}
	for _, k := range sortedKeys(b.names.Dynamics) {
		n := b.names.Dynamics[k]
		if !slices.Contains(game.DynamicIDs(), k) {
			r.at(n.Line, "%q is not a dynamic of the model%s", k, game.Suggest(k, game.DynamicIDs()))
			continue
		}
		l.put(p, r, n.Line, "dynamics."+k, "name", n.Name, "desc", n.Desc)
	}
	for _, d := range game.DynamicIDs() {
		if _, ok := b.names.Dynamics[d]; !ok {
			r.at(0, "dynamic %q has no name", d)
		}
	}
	for _, k := range sortedKeys(b.names.Tags) {
		n := b.names.Tags[k]
		if _, ok := game.ParseTag(k); !ok {
			r.at(n.Line, "%q is not an action tag", k)
			continue
		}
		l.put(p, r, n.Line, "tags."+k, "name", n.Name, "desc", n.Desc)
	}
	for _, k := range sortedKeys(b.names.Roles) {
		n := b.names.Roles[k]
		if _, ok := game.ParseRole(k); !ok {
			r.at(n.Line, "%q is not a role", k)
			continue
		}
		l.put(p, r, n.Line, "roles."+k, "name", n.Name, "desc", n.Desc)
	}
}

func (l *loader) buildFrame(b *bundle, p *Pack) {
	r := l.reporter(b.scenarioName)
	f := &b.scenario
	sc := p.Scenario
	sc.ID = f.ID.V
	if !validID(f.ID.V) {
		r.at(f.ID.Line, "scenario id %q should be lower-case letters, digits and _", f.ID.V)
	}
	sc.Title = f.Title
	l.need(r, f.Line, "title", f.Title)
	l.need(r, f.Line, "summary", f.Summary)
	p.Summary, p.Note = f.Summary, f.Note
	l.put(p, r, f.Line, "scenario", "title", f.Title, "summary", f.Summary, "note", f.Note)
	sc.Turns = f.Turns.V
	l.inRange(r, f.Turns, "turns", 1, 40)
	sc.StartYear, sc.StartHalf = f.Start.Year.V, f.Start.Half.V
	l.inRange(r, f.Start.Year, "start year", 1900, 2200)
	l.inRange(r, f.Start.Half, "start half", 1, 2)
	sc.EventsPerTurn = f.EventsPerTurn.V
	l.inRange(r, f.EventsPerTurn, "events_per_turn", 0, 5)
	sc.CrisisScorePct = f.CrisisScorePct.V
	l.inRange(r, f.CrisisScorePct, "crisis_score_pct", 0, 100)
	if len(f.Actors) == 0 {
		r.at(f.Line, "actors: the scenario lists no actors")
	}

	l.setTracks(r, f.Tracks, &sc.Start)
	for t := range game.NumTracks {
		if _, ok := f.Tracks[t.String()]; !ok && t != game.TrackPerceivedGap {
			r.at(f.Line, "tracks: no starting value for %s", t)
		}
	}

	fields := l.setRules(r, f.Rules, &sc.Rules, "")
	for _, fl := range fields {
		if _, ok := f.Rules[fl.Key]; !ok {
			r.at(f.Line, "rules: no value for %s", fl.Key)
		}
	}
}

// setTracks sets the starting values a tracks: mapping gives.
func (l *loader) setTracks(r report, m map[string]Pos[int], start *[game.NumTracks]int) {
	var ids []string
	for t := range game.NumTracks {
		ids = append(ids, t.String())
	}
	for _, k := range sortedKeys(m) {
		v := m[k]
		t, ok := game.ParseTrack(k)
		if !ok {
			r.at(v.Line, "tracks: %q is not a track%s (the tracks are: %s)", k, game.Suggest(k, ids), strings.Join(ids, ", "))
			continue
		}
		l.inRange(r, v, "tracks: "+k, t.Min(), t.Max())
		start[t] = v.V
	}
}

// setRules sets the coefficients a rules: mapping gives and returns every
// rule; hint ends the message about an unknown rule.
func (l *loader) setRules(r report, m map[string]Pos[int], rules *game.Rules, hint string) []game.RuleField {
	fields := rules.Fields()
	var keys []string
	for _, fl := range fields {
		keys = append(keys, fl.Key)
	}
	for _, k := range sortedKeys(m) {
		v := m[k]
		i := slices.IndexFunc(fields, func(fl game.RuleField) bool { return fl.Key == k })
		if i < 0 {
			r.at(v.Line, "rules: %q is not a rule%s%s", k, game.Suggest(k, keys), hint)
			continue
		}
		l.inRange(r, v, "rules: "+k, fields[i].Min, fields[i].Max)
		*fields[i].Ptr = v.V
	}
	return fields
}

func (l *loader) buildSwing(b *bundle, p *Pack) {
	r := l.reporter(b.swingName)
	if len(b.swing) == 0 {
		r.at(0, "no swing states are defined")
	}
	seen := map[string]int{}
	for _, s := range b.swing {
		if prev, dup := seen[s.ID.V]; dup {
			r.at(s.ID.Line, "swing state %q is defined twice (first on line %d)", s.ID.V, prev)
			s.ID.V += "~dup"
		}
		seen[s.ID.V] = s.ID.Line
		if !validID(s.ID.V) && !strings.HasSuffix(s.ID.V, "~dup") {
			r.at(s.ID.Line, "swing state id %q should be lower-case letters, digits and _", s.ID.V)
		}
		l.need(r, s.Line, "swing state "+s.ID.V+": name", s.Name)
		l.need(r, s.Line, "swing state "+s.ID.V+": desc", s.Desc)
		l.inRange(r, s.Tier, "tier", 1, 2)
		l.inRange(r, s.Weight, "weight", 1, 5)
		l.inRange(r, s.Align, "align", game.AlignMin, game.AlignMax)
		l.inRange(r, s.Sovereign, "sovereign", 0, 100)
		p.Scenario.Swing = append(p.Scenario.Swing, game.SwingDef{
			ID: s.ID.V, Name: s.Name, Tier: s.Tier.V, Weight: s.Weight.V, Align: s.Align.V, Sovereign: s.Sovereign.V,
		})
		l.put(p, r, s.Line, "swing."+s.ID.V, "name", s.Name, "desc", s.Desc)
	}
}

var statIDs = func() []string {
	var out []string
	for s := range game.NumStats {
		out = append(out, s.String())
	}
	return out
}()

func (l *loader) buildActors(b *bundle, p *Pack) {
	sc := p.Scenario
	type place struct {
		file string
		line int
	}
	actions := map[string]place{}
	roles := map[game.Role]string{}
	for i, f := range b.actors {
		r := l.reporter(b.actorNames[i])
		a := game.ActorDef{ID: f.ID.V, Name: f.Name}
		l.need(r, f.Line, "name", f.Name)
		l.need(r, f.Line, "title", f.Title)
		l.need(r, f.Line, "pitch", f.Pitch)
		if f.Role.V != "" {
			role, ok := game.ParseRole(f.Role.V)
			if !ok {
				r.at(f.Role.Line, "role %q is not known (roles: us_gov, china_gov, regulator, middle_power, open_lab, chip_designer, china_champion, foundry)", f.Role.V)
			}
			if other, dup := roles[role]; dup && ok {
				r.at(f.Role.Line, "role %s is already played by %s; each role has one actor", f.Role.V, other)
				role = game.RoleNone
			}
			roles[role] = f.ID.V
			a.Role = role
		}
		bloc, ok := game.ParseBloc(f.Bloc.V)
		if !ok {
			r.at(f.Bloc.Line, "bloc %q should be us, china or none", f.Bloc.V)
		}
		a.Bloc = bloc
		a.AP, a.Income = f.AP.V, f.Income.V
		l.inRange(r, f.AP, "ap", 1, 5)
		l.inRange(r, f.Income, "income", 0, 200)
		if len(f.Stats) == 0 {
			r.at(f.Line, "the actor has no stats")
		}
		for _, k := range sortedKeys(f.Stats) {
			v := f.Stats[k]
			s, ok := game.ParseStat(k)
			if !ok {
				r.at(v.Line, "stats: %q is not a stat%s", k, game.Suggest(k, statIDs))
				continue
			}
			l.inRange(r, v, "stats: "+k, 0, s.Max())
			a.Has[s] = true
			a.Start[s] = v.V
		}
		if !a.Has[game.StatCapital] {
			r.at(f.Line, "stats: every actor needs capital (its budget for actions)")
		}
		for _, h := range f.Hidden {
			s, ok := game.ParseStat(h.V)
			switch {
			case !ok:
				r.at(h.Line, "hidden: %q is not a stat%s", h.V, game.Suggest(h.V, statIDs))
			case !a.Has[s]:
				r.at(h.Line, "hidden: the actor has no %s stat to hide", h.V)
			default:
				a.Hidden[s] = true
			}
		}
		l.put(p, r, f.Line, "actors."+a.ID, "name", f.Name, "title", f.Title, "pitch", f.Pitch)
		// Actions are registered now so that every id is known before any
		// reference is parsed; their details are filled in later.
		for _, af := range f.Actions {
			id := af.ID.V
			if !validID(id) {
				r.at(af.ID.Line, "action id %q should be lower-case letters, digits and _", id)
			}
			if prev, dup := actions[id]; dup {
				r.at(af.ID.Line, "action %q is defined twice (first in %s:%d)", id, prev.file, prev.line)
				id += "~dup" // keep going: the load fails anyway
			}
			actions[id] = place{b.actorNames[i], af.ID.Line}
			a.Actions = append(a.Actions, len(sc.Actions))
			sc.Actions = append(sc.Actions, game.ActionDef{ID: id, Name: af.Name, Actor: len(sc.Actors)})
		}
		sc.Actors = append(sc.Actors, a)
	}
}

func (l *loader) buildEvents(b *bundle, p *Pack) {
	type place struct {
		file string
		line int
	}
	seen := map[string]place{}
	for i, f := range b.events {
		r := l.reporter(b.eventNames[i])
		id := f.ID.V
		if !validID(id) {
			r.at(f.ID.Line, "event id %q should be lower-case letters, digits and _", id)
		}
		if prev, dup := seen[id]; dup {
			r.at(f.ID.Line, "event %q is defined twice (first in %s:%d)", id, prev.file, prev.line)
			id += "~dup"
		}
		seen[id] = place{b.eventNames[i], f.ID.Line}
		p.Scenario.Events = append(p.Scenario.Events, game.EventDef{ID: id, Name: f.Headline})
	}
}

// effects parses a list of effects. self and target are allowed only where
// an action gives them meaning.
func (l *loader) effects(r report, sc *game.Scenario, fs []effectFile, owner int, targeted bool, what string) []game.Effect {
	var out []game.Effect
	for _, f := range fs {
		if f.Change.V == "" {
			r.at(f.Line, "%s: an effect needs change: (what it changes)", what)
			continue
		}
		ref, err := sc.ParseRef(f.Change.V)
		if err != nil {
			r.at(f.Change.Line, "%s: %v", what, err)
			continue
		}
		if !ref.Settable() {
			r.at(f.Change.Line, "%s: %s can be read but not changed by an effect", what, f.Change.V)
			continue
		}
		if !l.refAllowed(r, sc, ref, f.Change.Line, owner, targeted, what, f.Change.V) {
			continue
		}
		if ref.Kind == game.RefTrack && ref.Track == game.TrackPerceivedGap {
			// Allowed: intelligence can correct or mislead Washington's estimate.
		}
		if f.By.V == 0 {
			r.at(f.Line, "%s: effect on %s changes nothing (by: is 0 or missing)", what, f.Change.V)
		}
		l.inRange(r, f.By, what+": by", -100, 100)
		l.inRange(r, f.After, what+": after", 0, 6)
		e := game.Effect{Target: ref, Add: f.By.V, Delay: f.After.V}
		if f.When.V != "" {
			cond, err := sc.ParseCondition(f.When.V)
			if err != nil {
				r.at(f.When.Line, "%s: %v", what, err)
				continue
			}
			if !l.refAllowed(r, sc, cond.Ref, f.When.Line, owner, targeted, what, f.When.V) {
				continue
			}
			e.When = []game.Condition{cond}
		}
		out = append(out, e)
	}
	return out
}

// refAllowed checks the self and target selectors of a reference.
func (l *loader) refAllowed(r report, sc *game.Scenario, ref game.Ref, line, owner int, targeted bool, what, text string) bool {
	if ref.Kind == game.RefStat && ref.Actor == game.ActorSelf {
		if owner < 0 {
			r.at(line, "%s: %q uses self, which means nothing outside an actor's own file", what, text)
			return false
		}
		if !sc.Actors[owner].Has[ref.Stat] {
			r.at(line, "%s: %s has no %s stat", what, sc.Actors[owner].ID, ref.Stat)
			return false
		}
	}
	if ref.Kind == game.RefSwing && ref.Swing == game.SwingTarget && !targeted {
		r.at(line, "%s: %q uses target, but only an action with targets: swing has one", what, text)
		return false
	}
	return true
}

func (l *loader) conditions(r report, sc *game.Scenario, cs []Pos[string], owner int, targeted bool, what string) []game.Condition {
	var out []game.Condition
	for _, c := range cs {
		cond, err := sc.ParseCondition(c.V)
		if err != nil {
			r.at(c.Line, "%s: %v", what, err)
			continue
		}
		if !l.refAllowed(r, sc, cond.Ref, c.Line, owner, targeted, what, c.V) {
			continue
		}
		out = append(out, cond)
	}
	return out
}

func (l *loader) links(r report, ls []Pos[int], what string) []int {
	var out []int
	for _, v := range ls {
		l.inRange(r, v, what+": link", 1, 12)
		out = append(out, v.V)
	}
	return out
}

func (l *loader) buildOutcomes(b *bundle, p *Pack) {
	r := l.reporter(b.scenarioName)
	p.Scenario.Outcomes = l.outcomes(r, p, b.scenario.Outcomes, b.scenario.Line)
}

// outcomes builds a list of world outcomes; line is where the list belongs,
// for a problem with the list as a whole.
func (l *loader) outcomes(r report, p *Pack, fs []outcomeFile, line int) []game.OutcomeDef {
	sc := p.Scenario
	var out []game.OutcomeDef
	crises := 0
	seen := map[string]int{}
	for i, f := range fs {
		if prev, dup := seen[f.ID.V]; dup {
			r.at(f.ID.Line, "outcome %q is defined twice (first on line %d)", f.ID.V, prev)
		}
		seen[f.ID.V] = f.ID.Line
		l.need(r, f.Line, "outcome "+f.ID.V+": name", f.Name)
		l.need(r, f.Line, "outcome "+f.ID.V+": desc", f.Desc)
		o := game.OutcomeDef{ID: f.ID.V, Name: f.Name, Crisis: f.Crisis}
		o.When = l.conditions(r, sc, f.When, -1, false, "outcome "+f.ID.V)
		if f.Crisis {
			crises++
			if len(f.When) > 0 {
				r.at(f.Line, "outcome %s: the crisis outcome applies whenever the Strait boils over; it takes no when:", f.ID.V)
			}
		}
		if i == len(fs)-1 && (len(f.When) > 0 || f.Crisis) {
			r.at(f.Line, "outcome %s: the last outcome is the fallback and must have no when: (and not be the crisis)", f.ID.V)
		}
		out = append(out, o)
		l.put(p, r, f.Line, "outcomes."+f.ID.V, "name", f.Name, "desc", f.Desc)
	}
	if len(fs) == 0 {
		r.at(line, "outcomes: the scenario names no world outcomes")
	}
	if crises != 1 && len(fs) > 0 {
		r.at(line, "outcomes: exactly one outcome must have crisis: true (found %d)", crises)
	}
	return out
}

var tagNames = func() []string {
	var out []string
	for t := range game.NumTags {
		out = append(out, t.String())
	}
	return out
}()

func (l *loader) buildActorRefs(b *bundle, p *Pack, i int) {
	sc := p.Scenario
	f := &b.actors[i]
	r := l.reporter(b.actorNames[i])
	a := &sc.Actors[i]

	a.Objectives = l.objectives(r, p, i, f.Objectives, f.Line)

	for k, af := range f.Actions {
		act := &sc.Actions[a.Actions[k]]
		what := "action " + af.ID.V
		l.need(r, af.Line, what+": name", af.Name)
		l.need(r, af.Line, what+": desc", af.Desc)
		l.need(r, af.Line, what+": basis", af.Basis)
		act.AP, act.Cost, act.Escalate, act.Cooldown, act.Once = af.AP.V, af.Cost.V, af.Escalate.V, af.Cooldown.V, af.Once
		l.inRange(r, af.AP, what+": ap", 1, max(a.AP, 1))
		l.inRange(r, af.Cost, what+": cost", 0, 500)
		l.inRange(r, af.Escalate, what+": escalate", 0, 200)
		l.inRange(r, af.Cooldown, what+": cooldown", 0, 20)
		switch af.Targets.V {
		case "":
		case "swing":
			act.Targeted = true
		default:
			r.at(af.Targets.Line, "%s: targets: %q; the only kind of target is swing", what, af.Targets.V)
		}
		act.Covert = af.Covert
		act.ExposePct = af.Expose.V
		if af.Covert {
			l.inRange(r, af.Expose, what+": expose", 0, 100)
		} else if af.Expose.V != 0 || len(af.Exposed) > 0 {
			r.at(af.Expose.Line, "%s: expose and exposed apply only to covert actions", what)
		}
		for _, t := range af.Tags {
			tag, ok := game.ParseTag(t.V)
			if !ok {
				r.at(t.Line, "%s: %q is not a tag%s", what, t.V, game.Suggest(t.V, tagNames))
				continue
			}
			act.Tags = act.Tags.With(tag)
		}
		act.Links = l.links(r, af.Links, what)
		act.Requires = l.conditions(r, sc, af.Requires, i, act.Targeted, what)
		act.Effects = l.effects(r, sc, af.Effects, i, act.Targeted, what)
		act.ExposedEffects = l.effects(r, sc, af.Exposed, i, act.Targeted, what+" (exposed)")
		if len(af.Effects) == 0 {
			r.at(af.Line, "%s has no effects", what)
		}
		if act.Covert {
			// Everyone sees who is pushing the Strait (the blame behind a
			// crisis), so a secret push would give the secret away.
			for _, f := range af.Effects {
				ref, err := sc.ParseRef(f.Change.V)
				if ref.Kind == game.RefStat && ref.Actor == game.ActorSelf {
					ref.Actor = i
				}
				if err == nil && f.By.V > 0 && pushesStrait(sc, ref) {
					r.at(f.Line, "%s: a covert action cannot raise %s: everyone sees who pushes the Strait, so it would not stay secret", what, f.Change.V)
				}
			}
		}
		l.put(p, r, af.Line, "actions."+af.ID.V, "name", af.Name, "desc", af.Desc, "basis", af.Basis)
	}
}

// pushesStrait reports whether a number is one the blame for a Strait
// crisis follows: the tension itself, or the grievance of the actor that
// plays Beijing's part. Roles are known once actors are built, which is
// before actions.
func pushesStrait(sc *game.Scenario, r game.Ref) bool {
	if r.Kind == game.RefTrack && r.Track == game.TrackTension {
		return true
	}
	cn := sc.RoleActor(game.RoleChinaGov)
	return r.Kind == game.RefStat && r.Stat == game.StatGrievance && cn >= 0 && (r.Actor == cn)
}

// objectives builds the objectives of actor owner; line is where the list
// belongs, for a problem with the list as a whole.
func (l *loader) objectives(r report, p *Pack, owner int, fs []objectiveFile, line int) []game.ObjectiveDef {
	sc := p.Scenario
	a := &sc.Actors[owner]
	var out []game.ObjectiveDef
	weights := 0
	seen := map[string]int{}
	for _, of := range fs {
		if prev, dup := seen[of.ID.V]; dup {
			r.at(of.ID.Line, "objective %q is defined twice (first on line %d)", of.ID.V, prev)
		}
		seen[of.ID.V] = of.ID.Line
		what := "objective " + of.ID.V
		l.need(r, of.Line, what+": name", of.Name)
		l.need(r, of.Line, what+": desc", of.Desc)
		l.inRange(r, of.Weight, what+": weight", 1, 100)
		weights += of.Weight.V
		ref, err := sc.ParseRef(of.Measure.V)
		if err != nil {
			r.at(of.Measure.Line, "%s: measure: %v", what, err)
			continue
		}
		if !l.refAllowed(r, sc, ref, of.Measure.Line, owner, false, what, of.Measure.V) {
			continue
		}
		if of.From == of.To.V {
			r.at(of.To.Line, "%s: from and to are both %d; progress needs a range", what, of.From)
		}
		out = append(out, game.ObjectiveDef{
			ID: of.ID.V, Name: of.Name, Weight: of.Weight.V, Measure: ref, From: of.From, To: of.To.V,
		})
		p.objRange["objectives."+a.ID+"."+of.ID.V] = [2]int{of.From, of.To.V}
		l.put(p, r, of.Line, "objectives."+a.ID+"."+of.ID.V, "name", of.Name, "desc", of.Desc)
	}
	if len(fs) == 0 {
		r.at(line, "the actor has no objectives")
	} else if weights != 100 {
		r.at(fs[0].Line, "objective weights add up to %d; they must add up to 100", weights)
	}
	return out
}

func (l *loader) buildEventRefs(b *bundle, p *Pack) {
	for i, f := range b.events {
		l.event(l.reporter(b.eventNames[i]), p, f, &p.Scenario.Events[i])
	}
}

// event fills in an event whose id is already indexed.
func (l *loader) event(r report, p *Pack, f eventFile, ev *game.EventDef) {
	sc := p.Scenario
	what := "event " + f.ID.V
	l.need(r, f.Line, what+": headline", f.Headline)
	l.need(r, f.Line, what+": body", f.Body)
	l.need(r, f.Line, what+": teaching", f.Teaching)
	ev.Weight, ev.Trigger, ev.Repeat = f.Weight.V, f.Trigger, f.Repeat
	if f.Trigger {
		l.inRange(r, f.Weight, what+": weight", 0, 100)
		if len(f.When) == 0 {
			r.at(f.Line, "%s: a trigger with no when: would fire on the first turn; give it conditions", what)
		}
	} else {
		l.inRange(r, f.Weight, what+": weight", 1, 100)
	}
	ev.Links = l.links(r, f.Links, what)
	ev.When = l.conditions(r, sc, f.When, -1, false, what)
	ev.Effects = l.effects(r, sc, f.Effects, -1, false, what)
	for _, rv := range f.Reveal {
		ai, ok := sc.ActionIndex(rv.V)
		switch {
		case !ok:
			r.at(rv.Line, "%s: reveal: there is no action %q%s", what, rv.V, game.Suggest(rv.V, actionIDs(sc)))
		case !sc.Actions[ai].Covert:
			r.at(rv.Line, "%s: reveal: %s is not covert; there is nothing to reveal", what, rv.V)
		default:
			ev.Reveal = append(ev.Reveal, ai)
		}
	}
	if len(f.Effects) == 0 && len(f.Reveal) == 0 {
		r.at(f.Line, "%s has no effects and reveals nothing", what)
	}
	l.decidedBy(r, p, f, what)
	l.sameAs(r, p, f, ev, what)
	l.put(p, r, f.Line, "events."+f.ID.V, "headline", f.Headline, "body", f.Body, "teaching", f.Teaching)
}

// decidedBy records the actor whose own decision an event describes. The
// event is taken out of play wherever that actor is in play (see cast.go).
func (l *loader) decidedBy(r report, p *Pack, f eventFile, what string) {
	if f.DecidedBy.Line == 0 {
		return
	}
	sc := p.Scenario
	a, ok := sc.ActorIndex(f.DecidedBy.V)
	if !ok {
		ids := actorIDs(sc)
		r.at(f.DecidedBy.Line, "%s: decided_by: %q is not an actor of the scenario%s (the actors are: %s)", what, f.DecidedBy.V,
			game.Suggest(f.DecidedBy.V, ids), strings.Join(ids, ", "))
		return
	}
	p.decided[f.ID.V] = sc.Actors[a].ID
}

// sameAs makes an event and the actions that are the same happening
// exclusive: the event needs none of them taken, and each of them needs the
// event not to have happened.
func (l *loader) sameAs(r report, p *Pack, f eventFile, ev *game.EventDef, what string) {
	if len(f.SameAs) == 0 {
		return
	}
	sc := p.Scenario
	ei, ok := sc.EventIndex(ev.ID)
	if !ok {
		return // a duplicate id, reported already
	}
	if f.Repeat {
		r.at(f.SameAs[0].Line, "%s: same_as names one happening, but the event has repeat: true; an event that can happen again cannot be the same as an action", what)
		return
	}
	seen := map[string]int{}
	for _, s := range f.SameAs {
		ai, ok := sc.ActionIndex(s.V)
		switch {
		case !ok:
			r.at(s.Line, "%s: same_as: there is no action %q%s", what, s.V, game.Suggest(s.V, actionIDs(sc)))
			continue
		case seen[s.V] != 0:
			r.at(s.Line, "%s: same_as: %s is listed twice (first on line %d)", what, s.V, seen[s.V])
			continue
		}
		seen[s.V] = s.Line
		p.sameAs[ev.ID] = append(p.sameAs[ev.ID], s.V)
		ev.When = append(ev.When, game.Condition{Ref: game.Ref{Kind: game.RefDone, Index: ai}, Op: game.OpEQ, Value: 0})
		act := &sc.Actions[ai]
		act.Requires = append(act.Requires, game.Condition{Ref: game.Ref{Kind: game.RefFired, Index: ei}, Op: game.OpEQ, Value: 0})
	}
}

func actorIDs(sc *game.Scenario) []string {
	out := make([]string, len(sc.Actors))
	for i, a := range sc.Actors {
		out[i] = a.ID
	}
	return out
}

func actionIDs(sc *game.Scenario) []string {
	out := make([]string, len(sc.Actions))
	for i, a := range sc.Actions {
		out[i] = a.ID
	}
	return out
}

func (l *loader) buildGlossary(b *bundle, p *Pack) {
	r := l.reporter(b.glossaryName)
	seen := map[string]int{}
	for _, t := range b.glossary {
		if prev, dup := seen[t.ID.V]; dup {
			r.at(t.ID.Line, "term %q is defined twice (first on line %d)", t.ID.V, prev)
		}
		seen[t.ID.V] = t.ID.Line
		if !validID(t.ID.V) {
			r.at(t.ID.Line, "term id %q should be lower-case letters, digits and _", t.ID.V)
		}
		l.need(r, t.Line, "term "+t.ID.V+": term", t.Term)
		l.need(r, t.Line, "term "+t.ID.V+": def", t.Def)
		term := Term{ID: t.ID.V, Term: t.Term, Common: t.Common, Def: t.Def}
		for _, s := range t.See {
			term.See = append(term.See, s.V)
		}
		p.Glossary = append(p.Glossary, term)
		l.put(p, r, t.Line, "glossary."+t.ID.V, "term", t.Term, "def", t.Def)
	}
	for _, t := range b.glossary {
		for _, s := range t.See {
			if _, ok := seen[s.V]; !ok {
				r.at(s.Line, "term %s: see: there is no term %q", t.ID.V, s.V)
			}
		}
	}
	sort.SliceStable(p.Glossary, func(i, j int) bool {
		return strings.ToLower(p.Glossary[i].Term) < strings.ToLower(p.Glossary[j].Term)
	})
}

// checkMarkup makes sure every [[term]] in any text names a glossary term.
func (l *loader) checkMarkup(p *Pack) {
	terms := map[string]bool{}
	var ids []string
	for _, t := range p.Glossary {
		terms[t.ID] = true
		ids = append(ids, t.ID)
	}
	for _, key := range sortedKeys(p.text) {
		for _, ref := range TermRefs(p.text[key]) {
			if !terms[ref] {
				w, ok := l.where[key]
				if !ok {
					continue // text of a base scenario, checked when it loaded
				}
				w.r.at(w.line, "%s links glossary term [[%s]], which is not defined%s", key, ref, game.Suggest(ref, ids))
			}
		}
	}
}

// TermRefs lists the glossary ids a text links with [[id]] or [[id|words]]
// (spaces inside the brackets are not part of the id).
func TermRefs(s string) []string {
	var out []string
	for _, l := range text.Links(s) {
		out = append(out, l.ID)
	}
	return out
}
