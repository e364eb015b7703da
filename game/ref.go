package game

import (
	"fmt"
	"strings"
)

// RefKind says what a Ref points at.
type RefKind uint8

// The kinds of reference.
const (
	RefStat  RefKind = iota + 1 // an actor's stat: "beijing.grievance", "self.capital"
	RefTrack                    // a global track: "tension"
	RefSwing                    // a swing state's field: "india.align", "target.align", "swing.align", "tier2.align"
	RefGap                      // the real capability gap: "gap" (US government frontier minus China's)
	RefTurn                     // the current turn number: "turn"
	RefBloc                     // how many swing states sit in a bloc: "bloc.us", "bloc.china", "bloc.none"
	RefDone                     // how often an action has been taken by anyone: "done.<action>"
	RefLast                     // 1 if an action was taken in the last resolved turn: "last.<action>"
	RefFired                    // how often an event has fired: "fired.<event>"
)

// Special actor indices in a Ref.
const (
	ActorSelf = -1 // the actor taking the action or owning the objective
)

// Special swing-state indices in a Ref.
const (
	SwingTarget = -1 // the swing state an order targets
	SwingAll    = -2 // every swing state (effects hit each; conditions read the average)
	SwingTier2  = -3 // every swing state in tier 2 (capped under chip quotas)
)

// SwingField is a swing state's number.
type SwingField uint8

// The swing-state fields.
const (
	FieldAlign     SwingField = iota // -100 China bloc .. 0 non-aligned .. +100 US bloc
	FieldSovereign                   // sovereign AI progress, 0-100
)

// Alignment bounds and the bloc thresholds of a swing state.
const (
	AlignMin  = -100
	AlignMax  = 100
	BlocLimit = 34 // |align| at or beyond this puts a state in a bloc
)

// Ref names one number in the game: a stat, a track, a swing-state field or a
// derived quantity. Refs are parsed from content strings by Scenario.ParseRef.
type Ref struct {
	Kind  RefKind
	Actor int        // RefStat: actor index or ActorSelf
	Stat  Stat       // RefStat
	Track Track      // RefTrack
	Swing int        // RefSwing: swing index or SwingTarget/SwingAll/SwingTier2
	Field SwingField // RefSwing
	Bloc  Bloc       // RefBloc
	Index int        // RefDone, RefLast: action index; RefFired: event index
}

// Settable reports whether an effect may change the number the Ref names.
func (r Ref) Settable() bool {
	switch r.Kind {
	case RefStat, RefTrack, RefSwing:
		return true
	}
	return false
}

// ParseRef reads a reference such as "beijing.grievance", "tension",
// "target.align", "gap", "bloc.us" or "done.tighten_controls". Unknown names
// are reported with a suggestion when one is close.
func (sc *Scenario) ParseRef(s string) (Ref, error) {
	s = strings.TrimSpace(s)
	head, tail, dotted := strings.Cut(s, ".")
	if !dotted {
		switch s {
		case "gap":
			return Ref{Kind: RefGap}, nil
		case "turn":
			return Ref{Kind: RefTurn}, nil
		case "":
			return Ref{}, fmt.Errorf("empty reference")
		}
		if t, ok := ParseTrack(s); ok {
			return Ref{Kind: RefTrack, Track: t}, nil
		}
		return Ref{}, fmt.Errorf("%q is not a track or a known quantity%s", s,
			suggest(s, append(trackIDs[:], "gap", "turn")))
	}
	switch head {
	case "bloc":
		b, ok := ParseBloc(tail)
		if !ok {
			return Ref{}, fmt.Errorf("%q is not a bloc (use bloc.us, bloc.china or bloc.none)", s)
		}
		return Ref{Kind: RefBloc, Bloc: b}, nil
	case "done", "last":
		i, ok := sc.actionIndex[tail]
		if !ok {
			return Ref{}, fmt.Errorf("action %q is not defined%s", tail, suggest(tail, sc.actionIDs()))
		}
		k := RefDone
		if head == "last" {
			k = RefLast
		}
		return Ref{Kind: k, Index: i}, nil
	case "fired":
		i, ok := sc.eventIndex[tail]
		if !ok {
			return Ref{}, fmt.Errorf("event %q is not defined%s", tail, suggest(tail, sc.eventIDs()))
		}
		return Ref{Kind: RefFired, Index: i}, nil
	}
	// A swing state: <swing>.align or <swing>.sovereign.
	if swing, ok := sc.swingSelector(head); ok {
		var f SwingField
		switch tail {
		case "align":
			f = FieldAlign
		case "sovereign":
			f = FieldSovereign
		default:
			return Ref{}, fmt.Errorf("%q: a swing state has only align and sovereign%s", s,
				suggest(tail, []string{"align", "sovereign"}))
		}
		return Ref{Kind: RefSwing, Swing: swing, Field: f}, nil
	}
	// An actor's stat: <actor>.<stat> or self.<stat>.
	actor := ActorSelf
	if head != "self" {
		a, ok := sc.actorIndex[head]
		if !ok {
			names := append(sc.actorIDs(), sc.swingIDs()...)
			names = append(names, "self", "target", "swing", "tier2", "bloc", "done", "last", "fired")
			return Ref{}, fmt.Errorf("%q is not an actor or swing state%s", head, suggest(head, names))
		}
		actor = a
	}
	st, ok := ParseStat(tail)
	if !ok {
		return Ref{}, fmt.Errorf("%q is not a stat%s", tail, suggest(tail, statIDs[:]))
	}
	if actor >= 0 && !sc.Actors[actor].Has[st] {
		return Ref{}, fmt.Errorf("actor %s has no %s stat (it has: %s)", sc.Actors[actor].ID, st,
			strings.Join(sc.Actors[actor].statList(), ", "))
	}
	return Ref{Kind: RefStat, Actor: actor, Stat: st}, nil
}

func (sc *Scenario) swingSelector(id string) (int, bool) {
	switch id {
	case "target":
		return SwingTarget, true
	case "swing":
		return SwingAll, true
	case "tier2":
		return SwingTier2, true
	}
	i, ok := sc.swingIndex[id]
	return i, ok
}

// Format writes the reference back in content syntax, for messages and files.
func (sc *Scenario) Format(r Ref) string {
	switch r.Kind {
	case RefStat:
		a := "self"
		if r.Actor >= 0 {
			a = sc.Actors[r.Actor].ID
		}
		return a + "." + r.Stat.String()
	case RefTrack:
		return r.Track.String()
	case RefSwing:
		var s string
		switch r.Swing {
		case SwingTarget:
			s = "target"
		case SwingAll:
			s = "swing"
		case SwingTier2:
			s = "tier2"
		default:
			s = sc.Swing[r.Swing].ID
		}
		if r.Field == FieldSovereign {
			return s + ".sovereign"
		}
		return s + ".align"
	case RefGap:
		return "gap"
	case RefTurn:
		return "turn"
	case RefBloc:
		return "bloc." + r.Bloc.String()
	case RefDone:
		return "done." + sc.Actions[r.Index].ID
	case RefLast:
		return "last." + sc.Actions[r.Index].ID
	case RefFired:
		return "fired." + sc.Events[r.Index].ID
	}
	return "?"
}

// Label is a short human name for the reference, from the scenario's text
// when it has any ("Strait tension", "Beijing grievance").
func (sc *Scenario) Label(r Ref, actor int) string {
	wd := sc.words()
	switch r.Kind {
	case RefStat:
		a := r.Actor
		if a == ActorSelf {
			a = actor
		}
		if a < 0 {
			return fmt.Sprintf(wd.OwnStat, sc.StatName(r.Stat))
		}
		return fmt.Sprintf(wd.ActorStat, sc.Actors[a].Name, sc.StatName(r.Stat))
	case RefTrack:
		return sc.TrackName(r.Track)
	case RefSwing:
		var s string
		switch r.Swing {
		case SwingTarget:
			s = wd.TargetState
		case SwingAll:
			s = wd.EveryState
		case SwingTier2:
			s = wd.Tier2States
		default:
			s = sc.Swing[r.Swing].Name
		}
		if r.Field == FieldSovereign {
			return fmt.Sprintf(wd.Sovereign, s)
		}
		return fmt.Sprintf(wd.Alignment, s)
	case RefGap:
		return wd.Gap
	case RefTurn:
		return wd.Turn
	case RefBloc:
		switch r.Bloc {
		case BlocUS:
			return wd.USBloc
		case BlocChina:
			return wd.ChinaBloc
		}
		return wd.NonAligned
	case RefDone:
		return fmt.Sprintf(wd.TimesTaken, sc.Actions[r.Index].Name)
	case RefLast:
		return fmt.Sprintf(wd.LastTurn, sc.Actions[r.Index].Name)
	case RefFired:
		return fmt.Sprintf(wd.EventHappened, sc.Events[r.Index].Name)
	}
	return "?"
}

// StatName is the display name of a stat.
func (sc *Scenario) StatName(s Stat) string {
	if sc.StatNames[s] != "" {
		return sc.StatNames[s]
	}
	return s.String()
}

// TrackName is the display name of a track.
func (sc *Scenario) TrackName(t Track) string {
	if sc.TrackNames[t] != "" {
		return sc.TrackNames[t]
	}
	return t.String()
}

// Suggest returns `; did you mean "x"?` for the name closest to s, or ""
// when none is close. Loaders use it for their own messages.
func Suggest(s string, names []string) string { return suggest(s, names) }

func suggest(s string, names []string) string {
	best, bestD := "", 3
	if len(s) > 8 {
		bestD = 4
	}
	for _, n := range names {
		if d := editDistance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
