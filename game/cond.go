package game

import (
	"fmt"
	"strconv"
	"strings"
)

// Op is a comparison in a Condition.
type Op uint8

// The comparison operators.
const (
	OpLT Op = iota
	OpLE
	OpGT
	OpGE
	OpEQ
	OpNE
)

var opText = [...]string{"<", "<=", ">", ">=", "==", "!="}
var opSymbol = [...]string{"<", "≤", ">", "≥", "=", "≠"}

// Condition is a comparison of one number in the game with a constant, such
// as "controls >= 3" or "target.align > -34".
type Condition struct {
	Ref   Ref
	Op    Op
	Value int
}

// ParseCondition reads "<ref> <op> <integer>"; op is one of < <= > >= == !=.
func (sc *Scenario) ParseCondition(s string) (Condition, error) {
	fields := strings.Fields(s)
	if len(fields) != 3 {
		return Condition{}, fmt.Errorf("condition %q should read <name> <op> <number>, e.g. \"controls >= 3\"", s)
	}
	ref, err := sc.ParseRef(fields[0])
	if err != nil {
		return Condition{}, err
	}
	op := -1
	for i, t := range opText {
		if fields[1] == t {
			op = i
		}
	}
	if op < 0 {
		return Condition{}, fmt.Errorf("condition %q: %q is not a comparison (use <, <=, >, >=, == or !=)", s, fields[1])
	}
	v, err := strconv.Atoi(fields[2])
	if err != nil {
		return Condition{}, fmt.Errorf("condition %q: %q is not a whole number", s, fields[2])
	}
	return Condition{Ref: ref, Op: Op(op), Value: v}, nil
}

// Holds reports whether the comparison is true for a given value.
func (c Condition) Holds(v int) bool {
	switch c.Op {
	case OpLT:
		return v < c.Value
	case OpLE:
		return v <= c.Value
	case OpGT:
		return v > c.Value
	case OpGE:
		return v >= c.Value
	case OpEQ:
		return v == c.Value
	case OpNE:
		return v != c.Value
	}
	return false
}

// FormatCondition writes a condition in content syntax.
func (sc *Scenario) FormatCondition(c Condition) string {
	return sc.Format(c.Ref) + " " + opText[c.Op] + " " + strconv.Itoa(c.Value)
}

// Describe writes a condition for a player: "Export controls ≥ 3". A
// condition on whether an action was taken or an event happened reads as
// a sentence: "Publish the code has been taken", "“A campus opens” has not
// happened".
func (sc *Scenario) Describe(c Condition, actor int) string {
	if c.Ref.Kind == RefDone || c.Ref.Kind == RefFired {
		var never, ever bool
		switch c.Op {
		case OpEQ, OpLE:
			never = c.Value == 0
		case OpLT:
			never = c.Value == 1
		case OpGE:
			ever = c.Value == 1
		case OpGT, OpNE:
			ever = c.Value == 0
		}
		if never || ever {
			wd := sc.words()
			switch {
			case c.Ref.Kind == RefDone && never:
				return fmt.Sprintf(wd.NotTaken, sc.Actions[c.Ref.Index].Name)
			case c.Ref.Kind == RefDone:
				return fmt.Sprintf(wd.Taken, sc.Actions[c.Ref.Index].Name)
			case never:
				return fmt.Sprintf(wd.NotFired, sc.Events[c.Ref.Index].Name)
			}
			return fmt.Sprintf(wd.Fired, sc.Events[c.Ref.Index].Name)
		}
	}
	return fmt.Sprintf(sc.words().Condition, sc.Label(c.Ref, actor), opSymbol[c.Op], c.Value)
}

// ruledOut reports whether the condition asks that an action was never
// taken or an event never happened ("done.x == 0", "fired.x == 0"): once
// it fails, it can never hold again.
func (c Condition) ruledOut() bool {
	return (c.Ref.Kind == RefDone || c.Ref.Kind == RefFired) && c.Op == OpEQ && c.Value == 0
}
