package content

// The shapes of the content files. Each struct mirrors what an author
// writes; a field named Line receives the line the item starts on, and
// Pos[T] values carry their own line, so that every problem can be reported
// where it is.

// scenarioFile is scenario.yaml: the frame of one scenario.
type scenarioFile struct {
	Line           int
	ID             Pos[string]         `yaml:"id"`
	Title          string              `yaml:"title"`
	Summary        string              `yaml:"summary"`
	Note           string              `yaml:"note"` // what the model simplifies
	Turns          Pos[int]            `yaml:"turns"`
	Start          startFile           `yaml:"start"`
	EventsPerTurn  Pos[int]            `yaml:"events_per_turn"`
	CrisisScorePct Pos[int]            `yaml:"crisis_score_pct"`
	Actors         []Pos[string]       `yaml:"actors"`
	Tracks         map[string]Pos[int] `yaml:"tracks"`
	Rules          map[string]Pos[int] `yaml:"rules"`
	Outcomes       []outcomeFile       `yaml:"outcomes"`
}

type startFile struct {
	Line int
	Year Pos[int] `yaml:"year"`
	Half Pos[int] `yaml:"half"`
}

type outcomeFile struct {
	Line   int
	ID     Pos[string]   `yaml:"id"`
	Name   string        `yaml:"name"`
	Desc   string        `yaml:"desc"`
	Crisis bool          `yaml:"crisis"`
	When   []Pos[string] `yaml:"when"`
}

// actorFile is actors/<id>.yaml: one actor with its objectives and actions.
type actorFile struct {
	Line       int
	ID         Pos[string]         `yaml:"id"`
	Name       string              `yaml:"name"`
	Title      string              `yaml:"title"` // who the player is, in a few words
	Pitch      string              `yaml:"pitch"` // one paragraph for the setup screen
	Role       Pos[string]         `yaml:"role"`
	Bloc       Pos[string]         `yaml:"bloc"`
	AP         Pos[int]            `yaml:"ap"`
	Income     Pos[int]            `yaml:"income"`
	Stats      map[string]Pos[int] `yaml:"stats"`
	Hidden     []Pos[string]       `yaml:"hidden"`
	Objectives []objectiveFile     `yaml:"objectives"`
	Actions    []actionFile        `yaml:"actions"`
}

type objectiveFile struct {
	Line    int
	ID      Pos[string] `yaml:"id"`
	Name    string      `yaml:"name"`
	Desc    string      `yaml:"desc"`
	Weight  Pos[int]    `yaml:"weight"`
	Measure Pos[string] `yaml:"measure"`
	From    int         `yaml:"from"`
	To      Pos[int]    `yaml:"to"`
}

type actionFile struct {
	Line     int
	ID       Pos[string]   `yaml:"id"`
	Name     string        `yaml:"name"`
	Desc     string        `yaml:"desc"`  // what the action does, for the player
	Basis    string        `yaml:"basis"` // where it comes from in the source
	Links    []Pos[int]    `yaml:"links"` // the source's causal links (1-12) it embodies
	Tags     []Pos[string] `yaml:"tags"`
	AP       Pos[int]      `yaml:"ap"`
	Cost     Pos[int]      `yaml:"cost"`
	Escalate Pos[int]      `yaml:"escalate"`
	Cooldown Pos[int]      `yaml:"cooldown"`
	Once     bool          `yaml:"once"`
	Targets  Pos[string]   `yaml:"targets"` // "swing" for actions aimed at one swing state
	Covert   bool          `yaml:"covert"`
	Expose   Pos[int]      `yaml:"expose"` // percent chance a covert action is exposed
	Requires []Pos[string] `yaml:"requires"`
	Effects  []effectFile  `yaml:"effects"`
	Exposed  []effectFile  `yaml:"exposed"` // effects when a covert action comes to light
}

type effectFile struct {
	Line   int
	Change Pos[string] `yaml:"change"`
	By     Pos[int]    `yaml:"by"`
	After  Pos[int]    `yaml:"after"` // delay in turns
	When   Pos[string] `yaml:"when"`  // a condition the effect needs, read as the turn begins
}

// eventFile is one item of events/*.yaml.
type eventFile struct {
	Line     int
	ID       Pos[string]   `yaml:"id"`
	Headline string        `yaml:"headline"`
	Body     string        `yaml:"body"`
	Teaching string        `yaml:"teaching"`
	Links    []Pos[int]    `yaml:"links"`
	Weight   Pos[int]      `yaml:"weight"`
	Trigger  bool          `yaml:"trigger"`
	Repeat   bool          `yaml:"repeat"`
	When     []Pos[string] `yaml:"when"`
	Effects  []effectFile  `yaml:"effects"`
	Reveal   []Pos[string] `yaml:"reveal"`
	// DecidedBy names the playable actor whose own decision the event
	// describes: while that actor is in play its orders decide it, so the
	// event is taken out of play.
	DecidedBy Pos[string] `yaml:"decided_by"`
	// SameAs lists actions that are the same real-world happening as the
	// event: once one of them is taken the event cannot fire, and once the
	// event has fired none of them can be taken.
	SameAs []Pos[string] `yaml:"same_as"`
}

// swingFile is one item of swing.yaml.
type swingFile struct {
	Line      int
	ID        Pos[string] `yaml:"id"`
	Name      string      `yaml:"name"`
	Desc      string      `yaml:"desc"`
	Tier      Pos[int]    `yaml:"tier"`
	Weight    Pos[int]    `yaml:"weight"`
	Align     Pos[int]    `yaml:"align"`
	Sovereign Pos[int]    `yaml:"sovereign"`
}

// namesFile is common/names.yaml: names and explanations of the model's
// fixed vocabulary (stats, tracks, dynamics, tags).
type namesFile struct {
	Stats    map[string]nameText  `yaml:"stats"`
	Tracks   map[string]trackText `yaml:"tracks"`
	Dynamics map[string]nameText  `yaml:"dynamics"`
	Tags     map[string]nameText  `yaml:"tags"`
	Roles    map[string]nameText  `yaml:"roles"`
}

type nameText struct {
	Line  int
	Name  string     `yaml:"name"`
	Short string     `yaml:"short"` // a few letters, for narrow columns
	Desc  string     `yaml:"desc"`
	Links []Pos[int] `yaml:"links"`
}

type trackText struct {
	Line   int
	Name   string   `yaml:"name"`
	Short  string   `yaml:"short"`
	Desc   string   `yaml:"desc"`
	Levels []string `yaml:"levels"` // names of each value, for stepped tracks
}

// termFile is one item of common/glossary.yaml.
type termFile struct {
	Line   int
	ID     Pos[string]   `yaml:"id"`
	Term   string        `yaml:"term"`
	Common bool          `yaml:"common"` // a common noun: lower-case it inside a sentence
	Def    string        `yaml:"def"`
	See    []Pos[string] `yaml:"see"`
}

// extendFile is a single-file scenario (docs/scenarios.md): the embedded
// scenario it starts from and what it changes. Everything but extends, id,
// title and summary may be left out to keep the base's value; a Pos whose
// Line is 0 was not written.
type extendFile struct {
	Line           int
	Extends        Pos[string]                         `yaml:"extends"`
	ID             Pos[string]                         `yaml:"id"`
	Title          Pos[string]                         `yaml:"title"`
	Summary        Pos[string]                         `yaml:"summary"`
	Note           Pos[string]                         `yaml:"note"`
	Turns          Pos[int]                            `yaml:"turns"`
	Start          startFile                           `yaml:"start"`
	EventsPerTurn  Pos[int]                            `yaml:"events_per_turn"`
	CrisisScorePct Pos[int]                            `yaml:"crisis_score_pct"`
	Actors         Pos[[]Pos[string]]                  `yaml:"actors"`
	Tracks         map[string]Pos[int]                 `yaml:"tracks"`
	Stats          map[string]Pos[map[string]Pos[int]] `yaml:"stats"`
	Swing          map[string]Pos[swingStart]          `yaml:"swing"`
	Rules          map[string]Pos[int]                 `yaml:"rules"`
	Events         eventChanges                        `yaml:"events"`
	Objectives     map[string]Pos[[]objectiveFile]     `yaml:"objectives"`
	Outcomes       Pos[[]outcomeFile]                  `yaml:"outcomes"`
}

// swingStart changes where a swing state starts.
type swingStart struct {
	Line      int
	Align     Pos[int] `yaml:"align"`
	Sovereign Pos[int] `yaml:"sovereign"`
}

// eventChanges takes events of the base out of play and adds new ones.
type eventChanges struct {
	Line    int
	Disable []Pos[string] `yaml:"disable"`
	Add     []eventFile   `yaml:"add"`
}
