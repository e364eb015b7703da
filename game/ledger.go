package game

import (
	"cmp"
	mathbits "math/bits"
	"slices"
	"sync"
)

// CauseKind says what produced a change.
type CauseKind uint8

// The kinds of cause.
const (
	CauseAction   CauseKind = iota + 1 // an order's immediate effect (Source: action)
	CauseCost                          // capital paid for an order (Source: action)
	CauseDelayed                       // an order's effect arriving late (Source: action; Turn: when ordered)
	CauseExposed                       // consequences of a covert action coming to light (Source: action)
	CauseDynamic                       // a standing causal link of the model (Source: Dynamic)
	CauseEvent                         // an event (Source: event)
	CauseLimit                         // the value hit its minimum or maximum
	CauseCarry                         // fractions of earlier standing effects adding up to a whole point
	CauseInjected                      // custom news a facilitator added (Source: index into Report.Injected)
	CauseCrowded                       // a rise cut short near the top of a number's range (see Rules.CrowdingFrom)
)

var causeKindIDs = [...]string{"", "action", "cost", "delayed", "exposed", "dynamic", "event", "limit", "carry", "injected", "crowded"}

// String names the kind.
func (k CauseKind) String() string {
	if int(k) < len(causeKindIDs) {
		return causeKindIDs[k]
	}
	return "?"
}

// Cause is why a number changed.
type Cause struct {
	Kind   CauseKind `json:"kind"`
	Source int       `json:"source"` // action index, event index or Dynamic, by Kind
	Actor  int       `json:"actor"`  // the actor responsible, or -1
	Turn   int       `json:"turn"`   // the turn the cause arose in
	Target int       `json:"target"` // the swing state an order targeted, or -1
}

// CauseDelta is one cause's share of a change.
type CauseDelta struct {
	Cause
	Delta int `json:"delta"`
}

// Change is one line of the ledger: a number, its value before and after
// the resolution, and every cause with its share. The shares always sum to
// After - Before; clamping at a limit is itself a cause.
type Change struct {
	Target Ref          `json:"target"`
	Before int          `json:"before"`
	After  int          `json:"after"`
	Causes []CauseDelta `json:"causes"`
}

// Refusal is an order the engine would not carry out, and why.
type Refusal struct {
	Order  Order  `json:"order"`
	Reason string `json:"reason"`
}

// Report is what one resolution did.
type Report struct {
	Turn    int       `json:"turn"` // the turn resolved; 0 for the set-up before turn 1
	Orders  []Order   `json:"orders"`
	Refused []Refusal `json:"refused"`
	Changes []Change  `json:"changes"`
	Events  []int     `json:"events"` // fired at the start of the next turn
	// Injected are the headlines of a facilitator's custom news, in order
	// (content events a facilitator injected are in Events).
	Injected []string       `json:"injected,omitempty"`
	Exposed  []CovertRecord `json:"exposed"` // covert actions that came to light
	Crisis   bool           `json:"crisis"`
	Over     bool           `json:"over"`
}

// ChangeOf finds the ledger line for a number, if it changed.
func (r *Report) ChangeOf(target Ref) (Change, bool) {
	for _, c := range r.Changes {
		if c.Target == target {
			return c, true
		}
	}
	return Change{}, false
}

// entry is one contribution to a slot during a resolution.
type entry struct {
	slot  int
	delta int
	cause Cause
}

// ledger accumulates contributions phase by phase. Within a phase all
// contributions are summed per number and applied together, so the order in
// which simultaneous orders are listed cannot change the result.
type ledger struct {
	sc   *Scenario
	st   *State
	prev *State // the state before this resolution, for "before" values
	// keep says whether the entries are kept for the report's lines
	// (changes). When they are not, a contribution goes straight into its
	// number's sum and nothing else reads it, so it is not recorded.
	keep    bool
	entries []entry
	sums    []int    // per slot: this phase's total so far
	touched []uint64 // a bit per slot: touched in this phase

	// The numbers the blame accounts follow (see Blame), this phase's
	// contributions to them, and scratch space for settling the accounts.
	tensionSlot, grievanceSlot int
	blameIn                    []blameInput
	blamePos, blameShare       []int

	buf *ledgerBuf // where the buffers came from and go back to
}

// buffers are reused between resolutions: a simulation resolves thousands
// of turns, and these are the largest of its allocations.
var ledgerBuffers = sync.Pool{New: func() any { return new(ledgerBuf) }}

type ledgerBuf struct {
	sums       []int
	entries    []entry
	touched    []uint64
	blameIn    []blameInput
	blamePos   []int
	blameShare []int
	// Scratch space for the resolver: accepted orders, the actions an
	// actor has picked, the weights and triggers of the news.
	accepted []accepted
	picked   []int
	who      []int // each order's actor
	weights  []int
	triggers []int
}

func (l *ledger) init(sc *Scenario, st, prev *State) {
	l.sc, l.st, l.prev = sc, st, prev
	b := ledgerBuffers.Get().(*ledgerBuf)
	l.buf = b
	l.sums = slices.Grow(b.sums[:0], l.slots())[:l.slots()]
	clear(l.sums)
	words := (l.slots() + 63) / 64
	l.touched = slices.Grow(b.touched[:0], words)[:words]
	clear(l.touched)
	l.entries = slices.Grow(b.entries[:0], 256)
	l.blameIn, l.blamePos, l.blameShare = b.blameIn[:0], b.blamePos[:0], b.blameShare[:0]
	l.tensionSlot = l.slotOf(Ref{Kind: RefTrack, Track: TrackTension})
	l.grievanceSlot = -1
	if cn := sc.roles[RoleChinaGov]; cn >= 0 && sc.Actors[cn].Has[StatGrievance] {
		l.grievanceSlot = l.slotOf(Ref{Kind: RefStat, Actor: cn, Stat: StatGrievance})
	}
}

// release returns the buffers for the next resolution; the ledger must not
// be used afterwards.
func (l *ledger) release() {
	b := l.buf
	b.sums, b.entries, b.touched = l.sums, l.entries, l.touched
	b.blameIn, b.blamePos, b.blameShare = l.blameIn, l.blamePos, l.blameShare
	ledgerBuffers.Put(b)
	l.buf = nil
	l.sums, l.entries, l.touched = nil, nil, nil
	l.blameIn, l.blamePos, l.blameShare = nil, nil, nil
}

// before is a number's value before the resolution.
func (l *ledger) before(slot int) int { return *numberIn(l.prev, l.refOf(slot)) }

func (l *ledger) slots() int {
	return len(l.st.Actors)*int(NumStats) + int(NumTracks) + 2*len(l.st.Swing)
}

func (l *ledger) slotOf(r Ref) int {
	switch r.Kind {
	case RefStat:
		return statSlot(r.Actor, r.Stat)
	case RefTrack:
		return l.trackSlot(r.Track)
	case RefSwing:
		return l.swingSlot(r.Swing, r.Field)
	}
	return -1
}

// statSlot, trackSlot and swingSlot are slotOf for one kind of number.
func statSlot(actor int, s Stat) int { return actor*int(NumStats) + int(s) }

func (l *ledger) trackSlot(t Track) int { return len(l.st.Actors)*int(NumStats) + int(t) }

func (l *ledger) swingSlot(swing int, f SwingField) int {
	return len(l.st.Actors)*int(NumStats) + int(NumTracks) + 2*swing + int(f)
}

func (l *ledger) refOf(slot int) Ref {
	na := len(l.st.Actors) * int(NumStats)
	switch {
	case slot < na:
		return Ref{Kind: RefStat, Actor: slot / int(NumStats), Stat: Stat(slot % int(NumStats))}
	case slot < na+int(NumTracks):
		return Ref{Kind: RefTrack, Track: Track(slot - na)}
	}
	s := slot - na - int(NumTracks)
	return Ref{Kind: RefSwing, Swing: s / 2, Field: SwingField(s % 2)}
}

func (l *ledger) get(slot int) int { return *numberIn(l.st, l.refOf(slot)) }

// numberIn is where a state keeps the single number r names.
func numberIn(st *State, r Ref) *int {
	switch r.Kind {
	case RefStat:
		return &st.Actors[r.Actor].Stats[r.Stat]
	case RefTrack:
		return &st.Tracks[r.Track]
	}
	if r.Field == FieldSovereign {
		return &st.Swing[r.Swing].Sovereign
	}
	return &st.Swing[r.Swing].Align
}

// add records a contribution to a concrete or group reference. References
// to a stat the actor does not have are ignored.
func (l *ledger) add(r Ref, delta int, c Cause) { l.push(r, delta, c, true) }

// addAt is add for a single number given by its slot (not a group, and
// for a stat one the actor has), as the standing links name them: the same
// contribution, without a Ref to resolve.
func (l *ledger) addAt(slot, delta int, c Cause) {
	if delta == 0 {
		return
	}
	l.record(slot, delta, c)
	l.watch(slot, delta*100, c)
}

// effectSlots is where one effect of an action goes in the ledger, worked
// out once per scenario: the slots push finds for the effect's target with
// "self" its action's owner, in the order it finds them (none for a stat
// the owner lacks), so that an order's effects are recorded without
// resolving their references again every turn.
type effectSlots struct {
	slots []int
	// target: the slots are swing state 0's, and the order's target t
	// moves them by 2*t.
	target bool
	// plain is false for a reference the table does not cover (push is
	// asked instead).
	plain bool
}

// effectSlotsOf returns, per action and effect, its effectSlots.
func (sc *Scenario) effectSlotsOf() [][]effectSlots {
	if sc.memo == nil { // a scenario Index was never run on
		return sc.findEffectSlots()
	}
	sc.memo.slotsOnce.Do(func() { sc.memo.slots = sc.findEffectSlots() })
	return sc.memo.slots
}

func (sc *Scenario) findEffectSlots() [][]effectSlots {
	out := make([][]effectSlots, len(sc.Actions))
	for ai := range sc.Actions {
		def := &sc.Actions[ai]
		out[ai] = make([]effectSlots, len(def.Effects))
		for i, e := range def.Effects {
			out[ai][i] = sc.slotsFor(e.Target, def.Actor)
		}
	}
	return out
}

// slotsFor is the effectSlots of an effect on r of an action of owner's:
// the slots push would record in, numbered as this scenario's states are.
func (sc *Scenario) slotsFor(r Ref, owner int) effectSlots {
	na, ns := len(sc.Actors), len(sc.Swing)
	swing := func(i int, f SwingField) int { return na*int(NumStats) + int(NumTracks) + 2*i + int(f) }
	switch r.Kind {
	case RefStat:
		a := r.Actor
		if a == ActorSelf {
			a = owner
		}
		if a < 0 || a >= na || r.Stat >= NumStats {
			break
		}
		if !sc.Actors[a].Has[r.Stat] {
			return effectSlots{plain: true} // ignored, as push ignores it
		}
		return effectSlots{slots: []int{statSlot(a, r.Stat)}, plain: true}
	case RefTrack:
		if r.Track < NumTracks {
			return effectSlots{slots: []int{na*int(NumStats) + int(r.Track)}, plain: true}
		}
	case RefSwing:
		if r.Field != FieldAlign && r.Field != FieldSovereign {
			break
		}
		switch {
		case r.Swing == SwingTarget:
			return effectSlots{slots: []int{swing(0, r.Field)}, target: true, plain: true}
		case r.Swing == SwingAll || r.Swing == SwingTier2:
			var slots []int
			for i := range sc.Swing {
				if r.Swing == SwingAll || sc.Swing[i].Tier == 2 {
					slots = append(slots, swing(i, r.Field))
				}
			}
			return effectSlots{slots: slots, plain: true}
		case r.Swing >= 0 && r.Swing < ns:
			return effectSlots{slots: []int{swing(r.Swing, r.Field)}, plain: true}
		}
	}
	return effectSlots{}
}

// addSlots is add for an effect given by its slots, for an order on
// target: the contributions push would record, in the same order.
func (l *ledger) addSlots(fx *effectSlots, target, delta int, c Cause) {
	if delta == 0 {
		return
	}
	for _, slot := range fx.slots {
		if fx.target {
			slot += 2 * target
		}
		l.record(slot, delta, c)
		l.watch(slot, delta*100, c)
	}
}

// push is add; watch says whether the blame accounts should count the
// contribution (not when addFrac has counted it already in hundredths).
func (l *ledger) push(r Ref, delta int, c Cause, watch bool) {
	if delta == 0 {
		return
	}
	if r.Kind == RefSwing && (r.Swing == SwingAll || r.Swing == SwingTier2) {
		for i := range l.st.Swing {
			if r.Swing == SwingTier2 && l.sc.Swing[i].Tier != 2 {
				continue
			}
			l.push(Ref{Kind: RefSwing, Swing: i, Field: r.Field}, delta, c, watch)
		}
		return
	}
	if r.Kind == RefStat && !l.sc.Actors[r.Actor].Has[r.Stat] {
		return
	}
	slot := l.slotOf(r)
	if slot < 0 {
		return
	}
	l.record(slot, delta, c)
	if watch {
		l.watch(slot, delta*100, c)
	}
}

// watch passes a contribution of d hundredths on to the blame accounts if
// the slot is one they follow.
func (l *ledger) watch(slot, d int, c Cause) {
	if slot < 0 {
		return
	}
	switch slot {
	case l.tensionSlot:
		l.blameIn = append(l.blameIn, blameInput{d: d, cause: c})
	case l.grievanceSlot:
		l.blameIn = append(l.blameIn, blameInput{grievance: true, d: d, cause: c})
	}
}

// addFrac records a contribution of d hundredths to a single number (not
// a group), as standing effects (dynamics) compute them. The whole part
// counts now under cause c; the fraction goes to the number's carry, and
// when the carry reaches a whole point that point counts too, under
// CauseCarry. So small effects add up over turns instead of being rounded
// away, and the ledger stays in whole numbers.
func (l *ledger) addFrac(r Ref, d int, c Cause) {
	if d == 0 {
		return
	}
	if r.Kind == RefStat && !l.sc.Actors[r.Actor].Has[r.Stat] {
		return
	}
	// r names one number (the standing effects name no group), so what
	// push would do comes down to recording in its slot.
	l.addFracAt(l.slotOf(r), d, c)
}

// addFracAt is addFrac for a single number given by its slot (for a stat,
// one the actor has).
func (l *ledger) addFracAt(slot, d int, c Cause) {
	if d == 0 {
		return
	}
	whole := d / 100
	if whole != 0 {
		l.record(slot, whole, c)
	}
	l.watch(slot, d, c)
	carry := l.st.Carry[slot] + d - whole*100
	if carry >= 100 || carry <= -100 {
		l.record(slot, carry/100, Cause{Kind: CauseCarry, Actor: -1, Turn: l.st.Turn, Target: -1})
		carry %= 100
	}
	l.st.Carry[slot] = carry
}

// record adds a contribution to a slot in this phase: to its sum, and to
// the entries if they are kept.
func (l *ledger) record(slot, delta int, c Cause) {
	l.touched[slot/64] |= 1 << (slot % 64)
	l.sums[slot] += delta
	if l.keep {
		l.entries = append(l.entries, entry{slot: slot, delta: delta, cause: c})
	}
}

// apply ends a phase: every number touched in it moves by the sum of its
// contributions, clamped to its range.
func (l *ledger) apply() {
	// In slot order: the bits of each word from the lowest.
	for w, bits := range l.touched {
		for ; bits != 0; bits &= bits - 1 {
			l.settleSlot(w*64 + mathbits.TrailingZeros64(bits))
		}
		l.touched[w] = 0
	}
	l.settleBlame()
}

// settleSlot moves a number touched in this phase by the sum of its
// contributions, clamped to its range.
func (l *ledger) settleSlot(slot int) {
	// The number (as numberIn finds it for the slot's Ref), its range
	// (whole points for stats, up to 999 for capital; each track's own;
	// 0 to 100 for sovereign AI, AlignMin to AlignMax for alignment) and
	// whether it crowds, read from the slot directly.
	var cell *int
	var lo, hi int
	stat := Stat(NumStats) // none: the slot is not an actor's stat
	na := len(l.st.Actors) * int(NumStats)
	switch {
	case slot < na:
		stat = Stat(slot % int(NumStats))
		cell = &l.st.Actors[slot/int(NumStats)].Stats[stat]
		lo, hi = 0, stat.Max()
	case slot < na+int(NumTracks):
		t := Track(slot - na)
		cell = &l.st.Tracks[t]
		lo, hi = t.Min(), t.Max()
	default:
		w := &l.st.Swing[(slot-na-int(NumTracks))/2]
		if SwingField((slot-na-int(NumTracks))%2) == FieldSovereign {
			cell, lo, hi = &w.Sovereign, 0, 100
		} else {
			cell, lo, hi = &w.Align, AlignMin, AlignMax
		}
	}
	old := *cell
	if rise := l.sums[slot]; rise > 0 && stat < NumStats && l.crowdsStat(stat) {
		if got := crowdedRise(old, rise, l.sc.Rules.CrowdingFrom); got != rise {
			if l.keep {
				l.entries = append(l.entries, entry{slot: slot, delta: got - rise,
					cause: Cause{Kind: CauseCrowded, Actor: -1, Target: -1, Turn: l.st.Turn}})
			}
			l.sums[slot] = got
		}
	}
	want := old + l.sums[slot]
	v := min(max(want, lo), hi)
	*cell = v
	if v != want {
		if l.keep {
			l.entries = append(l.entries, entry{slot: slot, delta: v - want,
				cause: Cause{Kind: CauseLimit, Actor: -1, Target: -1, Turn: l.st.Turn}})
		}
	}
	l.sums[slot] = 0
}

// changes turns the entries into ledger lines, one per number that changed
// or had causes, in slot order, merging identical causes.
func (l *ledger) changes() []Change {
	es := slices.Clone(l.entries)
	slices.SortStableFunc(es, func(a, b entry) int { return cmp.Compare(a.slot, b.slot) })
	var out []Change
	for i := 0; i < len(es); {
		j := i
		for j < len(es) && es[j].slot == es[i].slot {
			j++
		}
		ch := Change{Target: l.refOf(es[i].slot), Before: l.before(es[i].slot), After: l.get(es[i].slot)}
		for _, e := range es[i:j] {
			k := slices.IndexFunc(ch.Causes, func(cd CauseDelta) bool { return cd.Cause == e.cause })
			if k >= 0 {
				ch.Causes[k].Delta += e.delta
			} else {
				ch.Causes = append(ch.Causes, CauseDelta{Cause: e.cause, Delta: e.delta})
			}
		}
		ch.Causes = slices.DeleteFunc(ch.Causes, func(cd CauseDelta) bool { return cd.Delta == 0 })
		if len(ch.Causes) > 0 || ch.Before != ch.After {
			out = append(out, ch)
		}
		i = j
	}
	return out
}

// crowdsStat reports whether rises of an actor's stat s get harder near
// the top: an actor's achievements (capability, compute, market share,
// trust and the like), not the pressures on it (grievance, sanction
// exposure) nor its money. No track or swing state crowds.
func (l *ledger) crowdsStat(s Stat) bool {
	if l.sc.Rules.CrowdingFrom <= 0 {
		return false
	}
	switch s {
	case StatGrievance, StatExposure, StatCapital, StatInvested:
		return false
	}
	return true
}

// crowdedRise is what a rise of rise points from v comes to when every point
// above from is worth less, in proportion to the room left below 100: a
// point at 80 with from 60 counts half. It is worked out point by point in
// hundredths and rounded to the nearest whole point.
func crowdedRise(v, rise, from int) int {
	// Below from every point counts whole, so the points up to from are
	// counted at once; the loop goes on from there.
	head := min(max(rise, 0), max(from-v, 0))
	got := 100 * head // hundredths
	for range rise - head {
		at := v + got/100
		if at < from {
			got += 100
			continue
		}
		got += max(0, 100-at) * 100 / (100 - from)
	}
	return (got + 50) / 100
}
