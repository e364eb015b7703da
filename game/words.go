package game

// Words are the phrases the engine uses when it puts its rules into words:
// why an option is closed, what a condition asks, what a reference is
// called. They are Printf formats (explicit argument indexes such as
// %[2]s let a language reorder them), English unless the content loader
// gives the scenario a translation, like the names of its actors. They are
// never an input to the rules.
type Words struct {
	// Why an option is unavailable.
	Over      string    // the game is over
	Twice     string    // %s: action
	Once      string    // %[1]s action, %[2]s the date it was taken
	Cooldown  string    // %[1]s action, %[2]s the date it opens again
	Needs     string    // %[1]s condition, %[2]d its value now
	Happened  string    // %s: event
	Done      string    // %[1]s action, %[2]s date
	AP        [2]string // one action point needed, then more: %[1]d needed, %[2]d left, %[3]d per turn
	Capital   string    // %[1]d cost, %[2]d left
	Banned    string    // %s: action
	With      string    // %s: the action in this turn's orders that rules it out
	NotTaken  string    // %s: action (a condition on a past action)
	Taken     string    // %s: action
	NotFired  string    // %s: event
	Fired     string    // %s: event
	Condition string    // %[1]s label, %[2]s comparison, %[3]d value
	// Labels of references.
	OwnStat       string // %s: stat
	ActorStat     string // %[1]s actor, %[2]s stat
	TargetState   string
	EveryState    string
	Tier2States   string
	Sovereign     string // %s: state(s)
	Alignment     string // %s: state(s)
	Gap           string
	Turn          string
	USBloc        string
	ChinaBloc     string
	NonAligned    string
	TimesTaken    string // %s: action
	LastTurn      string // %s: action
	EventHappened string // %s: event
	// Half writes a half-year: the first half, then the second; %d the year.
	Half [2]string
}

// English are the engine's words in English.
var English = Words{
	Over:      "the game is over",
	Twice:     "%s is already in this turn's orders",
	Once:      "%s can be taken only once (it was, in %s)",
	Cooldown:  "%s can be taken again from %s",
	Needs:     "needs %s (now %d)",
	Happened:  "already happened: %s",
	Done:      "already done: %s (%s)",
	AP:        [2]string{"needs %d action point; %d of %d left", "needs %d action points; %d of %d left"},
	Capital:   "costs %d capital; %d left",
	Banned:    "%s is not available in this game",
	With:      "not with %s in this turn's orders",
	NotTaken:  "%s has not been taken",
	Taken:     "%s has been taken",
	NotFired:  "“%s” has not happened",
	Fired:     "“%s” has happened",
	Condition: "%s %s %d",

	OwnStat:       "own %s",
	ActorStat:     "%s %s",
	TargetState:   "target state",
	EveryState:    "every swing state",
	Tier2States:   "tier-2 states",
	Sovereign:     "%s sovereign AI",
	Alignment:     "%s alignment",
	Gap:           "US-China capability gap",
	Turn:          "turn",
	USBloc:        "states in the US bloc",
	ChinaBloc:     "states in the China bloc",
	NonAligned:    "non-aligned states",
	TimesTaken:    "times %s was taken",
	LastTurn:      "%s last turn",
	EventHappened: "%s has happened",
	Half:          [2]string{"H1 %d", "H2 %d"},
}

// words are the scenario's words: its own, or English.
func (sc *Scenario) words() *Words {
	if sc.Words != nil {
		return sc.Words
	}
	return &English
}
