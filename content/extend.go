package content

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"zerosum/game"
)

// A single-file scenario names an embedded scenario in the full folder
// format (its base) and changes it: the actors in play, starting values,
// turns, rules, events, objectives and outcomes. The base is loaded and
// checked as it is (its problems keep its own file names); then each change
// is checked and applied, every problem reported at its line in the file;
// last, whatever depends on an actor left out of play is taken out too
// (see cast.go).

// peekExtends reads the extends: key at the top of a YAML mapping, without
// checking anything else. present is false when there is no such key (or
// the text is not a mapping at all).
func peekExtends(data []byte) (base string, present bool) {
	doc, err := parseYAML(data)
	if err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return "", false
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "extends" {
			return m.Content[i+1].Value, true
		}
	}
	return "", false
}

// extending reports whether a scenario file is in the single-file format.
func extending(data []byte) bool {
	_, ok := peekExtends(data)
	return ok
}

// Bases lists the embedded scenarios a single-file scenario may extend:
// those in the full folder format.
func Bases() []string {
	var out []string
	for _, id := range ScenarioIDs() {
		data, err := fs.ReadFile(dataFS, "data/"+id+"/scenario.yaml")
		if err == nil && !extending(data) {
			out = append(out, id)
		}
	}
	return out
}

// loadExtending loads a single-file scenario whose text is data.
func loadExtending(src source, data []byte, lang string) (*Pack, error) {
	l := newLoader(src)
	shown := src.name(src.file)
	if l.tooBig(shown, data) {
		return nil, l.problems
	}
	l.files[shown] = data
	r := l.reporter(shown)
	var f extendFile
	decodeFile(r, data, &f)
	if f.Line == 0 {
		return nil, l.problems.sorted() // not YAML, or empty
	}
	base, ok := l.base(r, &f)
	if !ok {
		return nil, l.problems.deduplicated().sorted()
	}
	bp, err := loadBase(embeddedSource(base))
	if err != nil {
		var ps Problems
		if errors.As(err, &ps) {
			l.problems = append(l.problems, ps...)
		} else {
			r.at(f.Extends.Line, "extends: %v", err)
		}
		return nil, l.problems.deduplicated().sorted()
	}
	x := &extension{l: l, r: r, p: bp, sc: bp.Scenario, f: &f, base: base}
	p := x.apply()
	p.Scenario.ContentHash = extendedHash(data, bp.Scenario.ContentHash)
	p.Files = append(p.Files, shown)
	slices.Sort(p.Files)
	p.sources = map[string][]byte{src.file: data}
	if lang != "en" && len(l.problems) == 0 {
		l.translate(p, lang, langFS)
	}
	if len(l.problems) == 0 {
		l.expand(p)
	}
	if len(l.problems) > 0 {
		return nil, l.problems.deduplicated().sorted()
	}
	return p, nil
}

// base checks extends: and returns the base scenario's id.
func (l *loader) base(r report, f *extendFile) (string, bool) {
	bases := Bases()
	id := f.Extends.V
	switch {
	case f.Extends.Line == 0:
		r.at(f.Line, "extends: is missing; a single-file scenario starts with extends: and the id of the scenario it changes (%s)",
			strings.Join(bases, ", "))
	case !slices.Contains(ScenarioIDs(), id):
		r.at(f.Extends.Line, "extends: there is no built-in scenario %q; a scenario can extend %s%s", id,
			strings.Join(bases, ", "), game.Suggest(id, bases))
	case !slices.Contains(bases, id):
		data, _ := fs.ReadFile(dataFS, "data/"+id+"/scenario.yaml")
		next, _ := peekExtends(data)
		r.at(f.Extends.Line, "extends: %s is itself a single-file scenario (it extends %s); extend %s instead and copy the changes you want",
			id, next, next)
	default:
		return id, true
	}
	return "", false
}

// extendedHash fingerprints a single-file scenario: its own text and the
// content hash of its base (which covers every base and common file).
func extendedHash(file []byte, base string) string {
	h := sha256.New()
	fmt.Fprintf(h, "extends\x00%s\x00%d\x00", base, len(file))
	h.Write(file)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// extension applies the changes of one single-file scenario to its base.
type extension struct {
	l    *loader
	r    report // the single file
	p    *Pack  // the base, loaded fresh for this scenario and changed in place
	sc   *game.Scenario
	f    *extendFile
	base string

	inPlay   []bool       // per base actor
	disabled map[int]int  // base event index -> line of its disable: entry
	past     map[int]int  // base trigger -> the turn it is dated, before the start
	added    []int        // per entry of events: add:, its index in the scenario's events
	replaced map[int]bool // actors whose objectives the file replaces
}

func (x *extension) apply() *Pack {
	x.frame()
	x.actors()
	x.stats()
	x.swing()
	x.events()
	x.objectives()
	if x.f.Outcomes.Line != 0 {
		x.sc.Outcomes = x.l.outcomes(x.r, x.p, x.f.Outcomes.V, x.f.Outcomes.Line)
	}
	c := newCast(x.sc, x.inPlay)
	if x.f.Actors.Line != 0 {
		c.note = fmt.Sprintf(" (actors: on line %d)", x.f.Actors.Line)
	}
	for i, line := range x.disabled {
		c.drop(castEvent, i, fmt.Sprintf("this file disables it (line %d)", line))
	}
	for i, turn := range x.past {
		c.drop(castEvent, i, fmt.Sprintf("it is dated %s, before this scenario starts: it belongs to the world the scenario starts from", c.date(turn)))
	}
	c.decide(x.p.decided)
	c.settle()
	x.checkRefs(c)
	x.l.checkMarkup(x.p)
	x.l.checkPlaceholders(x.p)
	x.l.own = map[string]bool{}
	for k, w := range x.l.where {
		if w.r.file == x.r.file {
			x.l.own[k] = true
		}
	}
	x.p.Omitted = c.omitted()
	x.p.Scenario = c.scenario()
	if err := x.p.Scenario.Index(); err != nil {
		x.r.at(x.f.Line, "%v", err)
	} else if len(x.l.problems) == 0 {
		if err := x.p.Scenario.Check(); err != nil {
			x.r.at(x.f.Line, "%v", err)
		}
	}
	return x.p
}

// frame applies the scenario-wide settings.
func (x *extension) frame() {
	f, sc, r, l := x.f, x.sc, x.r, x.l
	switch {
	case f.ID.Line == 0:
		r.at(f.Line, "id is missing; give the scenario an id of its own (lower-case letters, digits and _)")
	case !validID(f.ID.V):
		r.at(f.ID.Line, "id %q should be lower-case letters, digits and _ (for example my_scenario)", f.ID.V)
	}
	sc.ID = f.ID.V
	text := func(v Pos[string], key string, required bool) {
		if v.Line == 0 && !required {
			return
		}
		line := v.Line
		if line == 0 {
			line = f.Line
		}
		l.need(r, line, key, v.V)
		l.put(x.p, r, line, "scenario", key, v.V)
	}
	text(f.Title, "title", true)
	text(f.Summary, "summary", true)
	text(f.Note, "note", false)
	sc.Title = x.p.text["scenario.title"]
	x.p.Summary, x.p.Note = x.p.text["scenario.summary"], x.p.text["scenario.note"]

	set := func(v Pos[int], what string, lo, hi int, to *int) {
		if v.Line != 0 {
			l.inRange(r, v, what, lo, hi)
			*to = v.V
		}
	}
	set(f.Turns, "turns", 1, 40, &sc.Turns)
	baseStart := sc.StartYear*2 + sc.StartHalf
	set(f.Start.Year, "start year", 1900, 2200, &sc.StartYear)
	set(f.Start.Half, "start half", 1, 2, &sc.StartHalf)
	x.keepDates(sc.StartYear*2 + sc.StartHalf - baseStart)
	set(f.EventsPerTurn, "events_per_turn", 0, 5, &sc.EventsPerTurn)
	set(f.CrisisScorePct, "crisis_score_pct", 0, 100, &sc.CrisisScorePct)

	l.setTracks(r, f.Tracks, &sc.Start)
	l.setRules(r, f.Rules, &sc.Rules, fmt.Sprintf(" (the rules are listed in %s/scenario.yaml)", x.base))
}

// keepDates re-times the base's events and actions when the file moves the
// start by shift half-years: a turn condition of the base names a date of
// the base's calendar ("turn == 1" is the first half of 2025 in race2025),
// so news keeps its date, and news from before the new start never comes.
// A trigger dated before the start (the AI Act rules "from turn 2" in a
// game that starts a year later) happened before the game: it is out of
// play rather than old news on the first turn. The file's own conditions
// count turns from its own start.
func (x *extension) keepDates(shift int) {
	x.past = map[int]int{}
	if shift == 0 {
		return
	}
	retime := func(cs []game.Condition) {
		for i := range cs {
			if cs[i].Ref.Kind == game.RefTurn {
				cs[i].Value -= shift
			}
		}
	}
	for i := range x.sc.Events {
		ev := &x.sc.Events[i]
		retime(ev.When)
		if !ev.Trigger {
			continue
		}
		for _, c := range ev.When {
			if c.Ref.Kind != game.RefTurn || !c.Holds(0) {
				continue
			}
			switch c.Op {
			case game.OpGE, game.OpEQ:
				x.past[i] = c.Value
			case game.OpGT:
				x.past[i] = c.Value + 1
			}
		}
	}
	for i := range x.sc.Actions {
		retime(x.sc.Actions[i].Requires)
	}
	for i := range x.sc.Outcomes {
		retime(x.sc.Outcomes[i].When)
	}
}

func (x *extension) actorIDs() []string {
	out := make([]string, len(x.sc.Actors))
	for i, a := range x.sc.Actors {
		out[i] = a.ID
	}
	return out
}

// unknownActor explains a name that is no actor of the base at all.
func (x *extension) unknownActor(line int, what, id string) {
	ids := x.actorIDs()
	x.r.at(line, "%s: %q is not an actor of %s%s (its actors are: %s)", what, id, x.base, game.Suggest(id, ids), strings.Join(ids, ", "))
}

// notInPlay explains an actor of the base that this scenario leaves out.
func (x *extension) notInPlay(id string) string {
	return fmt.Sprintf("%s is not in play in this scenario (actors: on line %d)", id, x.f.Actors.Line)
}

// actor finds an actor the file names; it reports a name that is unknown or
// (when inPlay is asked for) not in play.
func (x *extension) actor(line int, what, id string, inPlay bool) (int, bool) {
	a, ok := x.sc.ActorIndex(id)
	switch {
	case !ok:
		x.unknownActor(line, what, id)
	case inPlay && !x.inPlay[a]:
		x.r.at(line, "%s: %s; add it there or leave this out", what, x.notInPlay(id))
	default:
		return a, true
	}
	return -1, false
}

// actors chooses who is in play.
func (x *extension) actors() {
	x.inPlay = make([]bool, len(x.sc.Actors))
	if x.f.Actors.Line == 0 {
		for i := range x.inPlay {
			x.inPlay[i] = true
		}
		return
	}
	if len(x.f.Actors.V) == 0 {
		x.r.at(x.f.Actors.Line, "actors: the list is empty; name at least one actor of %s (%s)", x.base, strings.Join(x.actorIDs(), ", "))
	}
	seen := map[string]int{}
	for _, id := range x.f.Actors.V {
		if prev, dup := seen[id.V]; dup {
			x.r.at(id.Line, "actors: %s is listed twice (first on line %d)", id.V, prev)
			continue
		}
		seen[id.V] = id.Line
		if a, ok := x.actor(id.Line, "actors", id.V, false); ok {
			x.inPlay[a] = true
		}
	}
}

// stats changes where actors start.
func (x *extension) stats() {
	for _, k := range sortedKeys(x.f.Stats) {
		v := x.f.Stats[k]
		a, ok := x.actor(v.Line, "stats", k, true)
		if !ok {
			continue
		}
		def := &x.sc.Actors[a]
		for _, sk := range sortedKeys(v.V) {
			sv := v.V[sk]
			what := "stats: " + k + "." + sk
			s, ok := game.ParseStat(sk)
			switch {
			case !ok:
				x.r.at(sv.Line, "stats: %q is not a stat%s (%s has: %s)", sk, game.Suggest(sk, statIDs), k, strings.Join(statsOf(def), ", "))
			case !def.Has[s]:
				x.r.at(sv.Line, "stats: %s has no %s stat (it has: %s)", k, sk, strings.Join(statsOf(def), ", "))
			default:
				x.l.inRange(x.r, sv, what, 0, s.Max())
				def.Start[s] = sv.V
			}
		}
	}
}

func statsOf(a *game.ActorDef) []string {
	var out []string
	for s := range game.NumStats {
		if a.Has[s] {
			out = append(out, s.String())
		}
	}
	return out
}

// swing changes where swing states start.
func (x *extension) swing() {
	ids := make([]string, len(x.sc.Swing))
	for i, s := range x.sc.Swing {
		ids[i] = s.ID
	}
	for _, k := range sortedKeys(x.f.Swing) {
		v := x.f.Swing[k]
		i, ok := x.sc.SwingIndex(k)
		if !ok {
			x.r.at(v.Line, "swing: %q is not a swing state of %s%s (its swing states are: %s)", k, x.base,
				game.Suggest(k, ids), strings.Join(ids, ", "))
			continue
		}
		s := &x.sc.Swing[i]
		if v.V.Align.Line != 0 {
			x.l.inRange(x.r, v.V.Align, "swing: "+k+".align", game.AlignMin, game.AlignMax)
			s.Align = v.V.Align.V
		}
		if v.V.Sovereign.Line != 0 {
			x.l.inRange(x.r, v.V.Sovereign, "swing: "+k+".sovereign", 0, 100)
			s.Sovereign = v.V.Sovereign.V
		}
	}
}

// events takes base events out of play and adds the file's own.
func (x *extension) events() {
	sc, r := x.sc, x.r
	ids := make([]string, len(sc.Events))
	for i, e := range sc.Events {
		ids[i] = e.ID
	}
	x.disabled = map[int]int{}
	for _, d := range x.f.Events.Disable {
		i, ok := sc.EventIndex(d.V)
		switch {
		case !ok:
			r.at(d.Line, "events: disable: %q is not an event of %s%s", d.V, x.base, game.Suggest(d.V, ids))
		case x.disabled[i] != 0:
			r.at(d.Line, "events: disable: %s is listed twice (first on line %d)", d.V, x.disabled[i])
		default:
			x.disabled[i] = d.Line
		}
	}
	seen := map[string]int{}
	for _, f := range x.f.Events.Add {
		id := f.ID.V
		switch {
		case id == "":
			r.at(f.Line, "events: add: every event needs an id: (lower-case letters, digits and _)")
			id = fmt.Sprintf("~%d", f.Line)
		case !validID(id):
			r.at(f.ID.Line, "events: add: event id %q should be lower-case letters, digits and _", id)
		case seen[id] != 0:
			r.at(f.ID.Line, "events: add: event %q is defined twice (first on line %d)", id, seen[id])
			id += "~dup"
		case slices.Contains(ids, id):
			r.at(f.ID.Line, "events: add: %q is already an event of %s; give yours another id", id, x.base)
			id += "~dup"
		}
		if seen[f.ID.V] == 0 {
			seen[f.ID.V] = f.ID.Line
		}
		x.added = append(x.added, len(sc.Events))
		sc.Events = append(sc.Events, game.EventDef{ID: id, Name: f.Headline})
	}
	if len(x.added) == 0 {
		return
	}
	if err := sc.Index(); err != nil {
		r.at(x.f.Events.Line, "events: %v", err)
		return
	}
	for k, i := range x.added {
		x.l.event(r, x.p, x.f.Events.Add[k], &sc.Events[i])
	}
}

// objectives replaces the objectives of the actors the file names.
func (x *extension) objectives() {
	x.replaced = map[int]bool{}
	for _, k := range sortedKeys(x.f.Objectives) {
		v := x.f.Objectives[k]
		a, ok := x.actor(v.Line, "objectives", k, true)
		if !ok {
			continue
		}
		x.replaced[a] = true
		x.sc.Actors[a].Objectives = x.l.objectives(x.r, x.p, a, v.V, v.Line)
	}
}

// checkRefs reports every reference the file itself writes to something not
// in play, and every added event that can never happen; and an objective of
// the base that loses what it measures.
func (x *extension) checkRefs(c *cast) {
	sc, r := x.sc, x.r
	// ref reports a reference to something not in play; it says whether it
	// did. Text that does not parse was reported when it was built.
	ref := func(line int, what, text string, cond bool) bool {
		label := "change " + text
		if cond {
			label = fmt.Sprintf("when %q", text)
		}
		var rf game.Ref
		if cond {
			cd, err := sc.ParseCondition(text)
			if err != nil {
				return false
			}
			rf = cd.Ref
		} else {
			var err error
			if rf, err = sc.ParseRef(text); err != nil {
				return false
			}
		}
		if st, why := c.status(rf); st != present {
			r.at(line, "%s: %s: %s", what, label, why)
			return true
		}
		return false
	}
	measure := func(line int, what, text string) {
		if rf, err := sc.ParseRef(text); err == nil {
			if st, why := c.status(rf); st != present {
				r.at(line, "%s: measure %s: %s", what, text, why)
			}
		}
	}
	for k, i := range x.added {
		f := x.f.Events.Add[k]
		what := "event " + f.ID.V
		bad := false
		for _, w := range f.When {
			bad = ref(w.Line, what, w.V, true) || bad
		}
		for _, e := range f.Effects {
			bad = ref(e.Change.Line, what, e.Change.V, false) || bad
		}
		for _, rv := range f.Reveal {
			if ai, ok := sc.ActionIndex(rv.V); ok && !c.keep[castAction][ai] {
				r.at(rv.Line, "%s: reveal: %s", what, c.why(castAction, ai))
				bad = true
			}
		}
		if !bad && !c.keep[castEvent][i] && !strings.HasSuffix(sc.Events[i].ID, "~dup") {
			r.at(f.ID.Line, "%s can never happen in this scenario: %s", what, c.reason[castEvent][i])
		}
	}
	for _, k := range sortedKeys(x.f.Objectives) {
		v := x.f.Objectives[k]
		for _, of := range v.V {
			measure(of.Measure.Line, "objective "+of.ID.V, of.Measure.V)
		}
	}
	if x.f.Outcomes.Line != 0 {
		for _, o := range x.f.Outcomes.V {
			for _, w := range o.When {
				ref(w.Line, "outcome "+o.ID.V, w.V, true)
			}
		}
	}
	for a, def := range sc.Actors {
		if !x.inPlay[a] || x.replaced[a] {
			continue
		}
		for _, o := range def.Objectives {
			if st, why := c.status(o.Measure); st != present {
				r.at(x.f.Actors.Line, "actors: %s's objective %q measures %s, but %s; give %s objectives of its own under objectives:",
					def.ID, o.ID, sc.Format(o.Measure), why, def.ID)
			}
		}
	}
}
