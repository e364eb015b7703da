package game

import "slices"

// State is everything that changes during a game. It is plain data: it holds
// no pointers into the Scenario and encodes to JSON and back without loss.
type State struct {
	Scenario string         `json:"scenario"`
	Seed     uint64         `json:"seed"`
	Turn     int            `json:"turn"` // the turn whose orders are awaited (or the last turn, once over)
	Tracks   [NumTracks]int `json:"tracks"`
	Actors   []ActorState   `json:"actors"`
	Swing    []SwingState   `json:"swing"`
	Pending  []Pending      `json:"pending"` // delayed effects, in the order they were queued
	Uses     []Use          `json:"uses"`    // per action, indexed like Scenario.Actions
	Fired    []int          `json:"fired"`   // per event: how many times it has fired
	News     []int          `json:"news"`    // events that fired at the start of this turn
	Covert   []CovertRecord `json:"covert"`  // every covert action taken, exposed or not
	History  []Snapshot     `json:"history"` // one per turn start, History[0] is turn 1
	// Carry holds, per number, the hundredths that standing effects have
	// added but that do not yet make a whole point (see CauseCarry). It is
	// indexed like the ledger: actors' stats, then tracks, then swing fields.
	Carry []int `json:"carry"`
	// Blame says who put the pressure into the Strait (see Blame).
	Blame   Blame  `json:"blame"`
	Over    bool   `json:"over"`
	Outcome string `json:"outcome,omitempty"` // world outcome id, once over
	Crisis  Crisis `json:"crisis"`
}

// ActorState holds one actor's numbers. Stats it does not have stay 0.
type ActorState struct {
	ID    string        `json:"id"`
	Stats [NumStats]int `json:"stats"`
}

// SwingState holds one swing state's numbers.
type SwingState struct {
	ID        string `json:"id"`
	Align     int    `json:"align"`
	Sovereign int    `json:"sovereign"`
}

// Use counts how often an action has been taken.
type Use struct {
	Count int `json:"count"`
	Last  int `json:"last"` // turn of the latest use, 0 if never
}

// Pending is an effect waiting for its turn.
type Pending struct {
	Due    int   `json:"due"`
	Target Ref   `json:"target"` // concrete: no self or target selectors
	Add    int   `json:"add"`
	Cause  Cause `json:"cause"`
}

// CovertRecord is one covert action taken.
type CovertRecord struct {
	Turn    int `json:"turn"`
	Actor   int `json:"actor"`
	Action  int `json:"action"`
	Target  int `json:"target"`  // swing index or -1
	Exposed int `json:"exposed"` // turn it was exposed, 0 if still secret
}

// Crisis records a Strait crisis and who drove the Strait there.
type Crisis struct {
	Turn int `json:"turn"` // 0: no crisis
	// Culprits are the actors who drove it (see Scenario.Blame), the
	// largest share first: they score 0.
	Culprits []int `json:"culprits"`
	// Shares is each actor's share of the pressure that actors put into
	// the Strait, in percent (adding up to 100 when any actor put some).
	Shares []int `json:"shares"`
	// NoOne is the share of the tension at the top, in percent, that no
	// actor put there: the situation at the start and the news.
	NoOne int `json:"no_one"`
}

// Snapshot is the world at the start of a turn, kept for charts and the
// debrief.
type Snapshot struct {
	Turn      int             `json:"turn"`
	Tracks    [NumTracks]int  `json:"tracks"`
	Gap       int             `json:"gap"`
	Stats     [][NumStats]int `json:"stats"`
	Align     []int           `json:"align"`
	Sovereign []int           `json:"sovereign"`
	Scores    []int           `json:"scores"`
}

// NewGame sets up the first turn: starting values, then the first turn's
// news. The report holds what the news changed.
func (sc *Scenario) NewGame(seed uint64) (State, Report) {
	return sc.newGame(seed, true)
}

// StartGame is NewGame without the report: the same first turn, for the
// simulator, which never reads the set-up's ledger.
func (sc *Scenario) StartGame(seed uint64) State {
	st, _ := sc.newGame(seed, false)
	return st
}

// newGame is NewGame; ledger says whether the report keeps its ledger lines.
func (sc *Scenario) newGame(seed uint64, ledger bool) (State, Report) {
	st := State{
		Scenario: sc.ID,
		Seed:     seed,
		Turn:     1,
		Tracks:   sc.Start,
		Actors:   make([]ActorState, len(sc.Actors)),
		Swing:    make([]SwingState, len(sc.Swing)),
		Pending:  []Pending{},
		Uses:     make([]Use, len(sc.Actions)),
		Fired:    make([]int, len(sc.Events)),
		News:     []int{},
		Covert:   []CovertRecord{},
		History:  []Snapshot{},
		Carry:    make([]int, len(sc.Actors)*int(NumStats)+int(NumTracks)+2*len(sc.Swing)),
		Crisis:   Crisis{Culprits: []int{}, Shares: []int{}},
	}
	for i, a := range sc.Actors {
		st.Actors[i] = ActorState{ID: a.ID, Stats: a.Start}
	}
	for i, s := range sc.Swing {
		st.Swing[i] = SwingState{ID: s.ID, Align: s.Align, Sovereign: s.Sovereign}
	}
	st.Blame = sc.newBlame(&st)
	// The ledger reads the state before only for its lines' "before"
	// values (the news reads the world as it stands): without lines, no
	// copy of the starting state is needed.
	start := &st
	if ledger {
		c := st.Clone()
		start = &c
	}
	var r resolver
	r.init(sc, &st, start, 0, ledger)
	r.report.Turn = 0
	r.news()
	r.finish()
	st.History = append(st.History, sc.snapshot(&st))
	return st, r.report
}

// Clone returns a deep copy that shares nothing mutable with s. Past
// snapshots are never modified, so the history slice is shared with its
// capacity cut, which forces the next append to copy.
func (s *State) Clone() State {
	var c State
	s.CloneInto(&c)
	return c
}

// CloneInto makes dst a deep copy of s, reusing dst's slices where they
// have room (for callers that copy states in a loop, such as bots' views).
func (s *State) CloneInto(dst *State) {
	actors, swing, pending, uses := dst.Actors, dst.Swing, dst.Pending, dst.Uses
	fired, news, covert, culprits, carry := dst.Fired, dst.News, dst.Covert, dst.Crisis.Culprits, dst.Carry
	shares, blame := dst.Crisis.Shares, dst.Blame
	*dst = *s
	dst.Actors = append(actors[:0], s.Actors...)
	dst.Swing = append(swing[:0], s.Swing...)
	dst.Pending = append(pending[:0], s.Pending...)
	dst.Uses = append(uses[:0], s.Uses...)
	dst.Fired = append(fired[:0], s.Fired...)
	dst.News = append(news[:0], s.News...)
	dst.Covert = append(covert[:0], s.Covert...)
	dst.History = s.History[:len(s.History):len(s.History)]
	dst.Crisis.Culprits = append(culprits[:0], s.Crisis.Culprits...)
	dst.Carry = append(carry[:0], s.Carry...)
	dst.Crisis.Shares = append(shares[:0], s.Crisis.Shares...)
	dst.Blame = blame
	s.Blame.cloneInto(&dst.Blame)
}

// Stat returns an actor's stat.
func (s *State) Stat(actor int, st Stat) int { return s.Actors[actor].Stats[st] }

// Tension is the Strait tension.
func (s *State) Tension() int { return s.Tracks[TrackTension] }

func (sc *Scenario) snapshot(st *State) Snapshot {
	// The three lists of numbers share one allocation.
	return sc.snapshotIn(st, make([][NumStats]int, len(st.Actors)), make([]int, 2*len(st.Swing)+len(st.Actors)))
}

// snapshotIn is snapshot with its lists in the given room: stats holds a
// row per actor, ints two numbers per swing state and one per actor. The
// three lists cut from ints are capped at their lengths, so that an append
// to one copies rather than writing over the next.
func (sc *Scenario) snapshotIn(st *State, stats [][NumStats]int, ints []int) Snapshot {
	ns := len(st.Swing)
	sn := Snapshot{
		Turn:      st.Turn,
		Tracks:    st.Tracks,
		Gap:       sc.gap(st),
		Stats:     stats,
		Align:     ints[:ns:ns],
		Sovereign: ints[ns : 2*ns : 2*ns],
		Scores:    ints[2*ns:],
	}
	for i := range st.Actors {
		sn.Stats[i] = st.Actors[i].Stats
		sn.Scores[i] = sc.total(st, i)
	}
	for i, s := range st.Swing {
		sn.Align[i] = s.Align
		sn.Sovereign[i] = s.Sovereign
	}
	return sn
}

// GrowHistory gives st's history room for n more snapshots, their lists
// made in two allocations for all of them, for AdvanceOwned to fill in
// place turn by turn. Only for a state that owns its history's array (one
// fresh from StartGame, whose history no other state holds): the room is
// kept in the array past the history's end.
func (sc *Scenario) GrowHistory(st *State, n int) {
	h := slices.Grow(st.History, n)
	na, ns := len(st.Actors), len(st.Swing)
	k := 2*ns + na
	stats, ints := make([][NumStats]int, n*na), make([]int, n*k)
	for i, sp := range h[len(h) : len(h)+n] {
		// Held until filled: the stats rows, and all the numbers in Align.
		sp.Stats = stats[i*na : (i+1)*na : (i+1)*na]
		sp.Align = ints[i*k : (i+1)*k : (i+1)*k]
		h[len(h) : len(h)+n][i] = sp
	}
	st.History = h
}
