package game

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Scenario is the immutable definition of a game: who plays, what they can
// do, what can happen and how it is scored. Package content builds one from
// files; the engine never changes it.
type Scenario struct {
	ID          string
	Title       string
	ContentHash string // hash of the files the scenario was loaded from
	// Source is where a scenario that is not built in was loaded from (a
	// file or folder path), which saves and replays name as a hint; "" for
	// an embedded scenario, which is found by ID.
	Source string
	// SourceFiles is the text of such a scenario by file name (relative to
	// its folder; a single file by its name), so that a save or replay
	// carries it to another machine; nil for an embedded scenario.
	SourceFiles map[string][]byte

	Turns     int // number of turns; each is a half-year
	StartYear int // calendar year of turn 1
	StartHalf int // 1 or 2: the half-year of turn 1

	EventsPerTurn  int // random events drawn at the start of each turn
	CrisisScorePct int // share of its score an actor keeps after a Strait crisis

	Start    [NumTracks]int // starting track values
	Actors   []ActorDef     // in play, in the scenario's canonical order
	Swing    []SwingDef
	Actions  []ActionDef // every action of every actor in play
	Events   []EventDef
	Outcomes []OutcomeDef // first match names the world outcome; the last has no conditions
	Rules    Rules

	StatNames [NumStats]string
	// Words put the rules into words (nil: English); see Words.
	Words      *Words
	TrackNames [NumTracks]string

	actorIndex  map[string]int
	swingIndex  map[string]int
	actionIndex map[string]int
	eventIndex  map[string]int
	roles       [NumRoles]int

	// memo keeps what other packages derive from the scenario once and for
	// all (a bot's measured model of the rules); copies made by Ban share it.
	memo *memo
}

// memo is a scenario's store of derived data, one value per key.
type memo struct {
	mu     sync.Mutex
	values map[string]*memoValue

	// covert lists the covert actions, in content order, for ViewInto,
	// which runs for every seat every turn (see covertActions).
	covertOnce sync.Once
	covert     []int

	// slots are where the actions' effects go in the ledger, for act
	// (see effectSlotsOf). Ban changes no effect, so its copies share them.
	slotsOnce sync.Once
	slots     [][]effectSlots
}

// covertActions lists the indices of the covert actions, in content order.
// Ban changes no action's covertness, so the copies it makes share the list.
func (sc *Scenario) covertActions() []int {
	if sc.memo == nil { // a scenario Index was never run on
		return sc.findCovert()
	}
	sc.memo.covertOnce.Do(func() { sc.memo.covert = sc.findCovert() })
	return sc.memo.covert
}

func (sc *Scenario) findCovert() []int {
	var out []int
	for ai := range sc.Actions {
		if sc.Actions[ai].Covert {
			out = append(out, ai)
		}
	}
	return out
}

type memoValue struct {
	once sync.Once
	v    any
}

// Derived returns the value stored under key, computing it with make the
// first time it is asked for. make must be a pure function of the scenario
// (the value is shared by every caller and by the copies Ban makes); calls
// for the same key wait for one computation.
func (sc *Scenario) Derived(key string, make func() any) any {
	m := sc.memo
	m.mu.Lock()
	if m.values == nil {
		m.values = map[string]*memoValue{}
	}
	v, ok := m.values[key]
	if !ok {
		v = &memoValue{}
		m.values[key] = v
	}
	m.mu.Unlock()
	v.once.Do(func() { v.v = make() })
	return v.v
}

// ActorDef defines one actor.
type ActorDef struct {
	ID         string
	Name       string
	Role       Role
	Bloc       Bloc
	AP         int // action points per turn
	Income     int // capital gained each turn before modifiers
	Has        [NumStats]bool
	Start      [NumStats]int
	Hidden     [NumStats]bool // stats other actors cannot see
	Objectives []ObjectiveDef
	Actions    []int // indices into Scenario.Actions, in content order
}

func (a *ActorDef) statList() []string {
	var out []string
	for s := range NumStats {
		if a.Has[s] {
			out = append(out, s.String())
		}
	}
	return out
}

// SwingDef defines a swing state: a country whose alignment is contested.
type SwingDef struct {
	ID        string
	Name      string
	Tier      int // 1: close ally, unrestricted; 2: capped under chip quotas
	Weight    int // size of the market, 1-5
	Align     int // starting alignment
	Sovereign int // starting sovereign AI progress
}

// ActionDef defines one action an actor may order.
type ActionDef struct {
	ID       string
	Name     string
	Actor    int // owner, index into Scenario.Actors
	AP       int // action points
	Cost     int // capital
	Escalate int // extra capital for each earlier use by the same actor
	Cooldown int // turns that must pass before the action can be taken again
	Once     bool
	Targeted bool // the order names a swing state ("target" in refs)
	Covert   bool // hidden from others unless exposed
	// ExposePct is the chance in percent that a covert action is exposed
	// in the turn it is taken.
	ExposePct      int
	Requires       []Condition
	Effects        []Effect
	ExposedEffects []Effect // applied when a covert action is exposed
	Tags           Tags
	Links          []int // numbers of the source's causal links the action embodies
	// Banned takes the action out of this game (see Scenario.Ban).
	Banned bool
}

// EventDef defines an event that may fire at the start of a turn.
type EventDef struct {
	ID      string
	Name    string // headline
	Weight  int    // relative chance among eligible random events
	Trigger bool   // fires as soon as its conditions hold, outside the random draw
	Repeat  bool   // may fire more than once
	When    []Condition
	Effects []Effect
	Reveal  []int // covert actions (indices) this event exposes, if they were taken
	Links   []int
}

// ObjectiveDef is one weighted objective of an actor. Progress is the
// measure mapped linearly from From (0%) to To (100%), clamped; From may be
// greater than To when less is better.
type ObjectiveDef struct {
	ID      string
	Name    string
	Weight  int
	Measure Ref
	From    int
	To      int
}

// OutcomeDef names a world outcome and when it applies.
type OutcomeDef struct {
	ID     string
	Name   string
	Crisis bool // the outcome of a Strait crisis; no conditions
	When   []Condition
}

// Effect changes one number by Add, now or Delay turns later; with When,
// only if its conditions hold as the turn begins (read on the world the
// orders were given in).
type Effect struct {
	Target Ref
	Add    int
	Delay  int
	When   []Condition
}

// Index builds the lookup tables. Package content calls it after filling in
// the ids of actors, swing states, actions and events, and before parsing any
// reference.
func (sc *Scenario) Index() error {
	sc.actorIndex = make(map[string]int, len(sc.Actors))
	sc.swingIndex = make(map[string]int, len(sc.Swing))
	sc.actionIndex = make(map[string]int, len(sc.Actions))
	sc.eventIndex = make(map[string]int, len(sc.Events))
	for i := range sc.roles {
		sc.roles[i] = -1
	}
	sc.memo = &memo{}
	for i, a := range sc.Actors {
		if _, dup := sc.actorIndex[a.ID]; dup {
			return fmt.Errorf("actor %q is defined twice", a.ID)
		}
		sc.actorIndex[a.ID] = i
		if a.Role != RoleNone {
			if sc.roles[a.Role] >= 0 {
				return fmt.Errorf("actors %q and %q both have role %s", sc.Actors[sc.roles[a.Role]].ID, a.ID, a.Role)
			}
			sc.roles[a.Role] = i
		}
	}
	for i, s := range sc.Swing {
		if _, dup := sc.swingIndex[s.ID]; dup {
			return fmt.Errorf("swing state %q is defined twice", s.ID)
		}
		if _, clash := sc.actorIndex[s.ID]; clash {
			return fmt.Errorf("swing state %q has the same id as an actor", s.ID)
		}
		sc.swingIndex[s.ID] = i
	}
	for i, a := range sc.Actions {
		if _, dup := sc.actionIndex[a.ID]; dup {
			return fmt.Errorf("action %q is defined twice", a.ID)
		}
		sc.actionIndex[a.ID] = i
	}
	for i, e := range sc.Events {
		if _, dup := sc.eventIndex[e.ID]; dup {
			return fmt.Errorf("event %q is defined twice", e.ID)
		}
		sc.eventIndex[e.ID] = i
	}
	return nil
}

// ActorIndex finds an actor in play by id.
func (sc *Scenario) ActorIndex(id string) (int, bool) {
	i, ok := sc.actorIndex[id]
	return i, ok
}

// SwingIndex finds a swing state by id.
func (sc *Scenario) SwingIndex(id string) (int, bool) {
	i, ok := sc.swingIndex[id]
	return i, ok
}

// ActionIndex finds an action by id.
func (sc *Scenario) ActionIndex(id string) (int, bool) {
	i, ok := sc.actionIndex[id]
	return i, ok
}

// EventIndex finds an event by id.
func (sc *Scenario) EventIndex(id string) (int, bool) {
	i, ok := sc.eventIndex[id]
	return i, ok
}

// RoleActor is the index of the actor playing a role, or -1.
func (sc *Scenario) RoleActor(r Role) int { return sc.roles[r] }

func (sc *Scenario) actorIDs() []string {
	out := make([]string, len(sc.Actors))
	for i, a := range sc.Actors {
		out[i] = a.ID
	}
	return out
}

func (sc *Scenario) swingIDs() []string {
	out := make([]string, len(sc.Swing))
	for i, s := range sc.Swing {
		out[i] = s.ID
	}
	return out
}

func (sc *Scenario) actionIDs() []string {
	out := make([]string, len(sc.Actions))
	for i, a := range sc.Actions {
		out[i] = a.ID
	}
	return out
}

func (sc *Scenario) eventIDs() []string {
	out := make([]string, len(sc.Events))
	for i, e := range sc.Events {
		out[i] = e.ID
	}
	return out
}

// Ban returns a copy of the scenario in which no one may take the named
// actions: they stay listed, with "not available in this game" as the
// reason. The original is unchanged. Unknown ids are an error.
func (sc *Scenario) Ban(ids ...string) (*Scenario, error) {
	c := *sc
	c.Actions = slices.Clone(sc.Actions)
	for _, id := range ids {
		id = strings.TrimSpace(id)
		i, ok := sc.actionIndex[id]
		if !ok {
			return nil, fmt.Errorf("there is no action %q%s", id, suggest(id, sc.actionIDs()))
		}
		c.Actions[i].Banned = true
	}
	return &c, nil
}

// Date names a turn as a half-year: "H1 2025".
func (sc *Scenario) Date(turn int) string {
	half, year := sc.HalfYear(turn)
	return fmt.Sprintf(sc.words().Half[half-1], year)
}

// HalfYear is the half (1 or 2) and the year a turn falls in, for an
// interface that writes dates in its own language.
// Turn 0 (before the first) is the half-year before the start.
func (sc *Scenario) HalfYear(turn int) (half, year int) {
	h := sc.StartHalf - 1 + turn - 1
	y := h / 2
	if h < 0 && h%2 != 0 {
		y-- // floor, not truncation: the half before H1 2025 is H2 2024
	}
	return h - 2*y + 1, sc.StartYear + y
}

// Check verifies the structural rules the engine relies on; package content
// reports the same problems with file and line first.
func (sc *Scenario) Check() error {
	if sc.Turns < 1 {
		return fmt.Errorf("scenario %s: turns must be at least 1", sc.ID)
	}
	if len(sc.Actors) == 0 {
		return fmt.Errorf("scenario %s: no actors in play", sc.ID)
	}
	if len(sc.Outcomes) == 0 || len(sc.Outcomes[len(sc.Outcomes)-1].When) != 0 {
		return fmt.Errorf("scenario %s: the last outcome must have no conditions", sc.ID)
	}
	if !slices.ContainsFunc(sc.Outcomes, func(o OutcomeDef) bool { return o.Crisis }) {
		return fmt.Errorf("scenario %s: no outcome is marked as the Strait crisis", sc.ID)
	}
	for i, a := range sc.Actions {
		if a.Actor < 0 || a.Actor >= len(sc.Actors) {
			return fmt.Errorf("action %s has no owner", a.ID)
		}
		if !slices.Contains(sc.Actors[a.Actor].Actions, i) {
			return fmt.Errorf("action %s is not listed by its owner", a.ID)
		}
	}
	return nil
}
