package game

import (
	"fmt"
	"strconv"
	"strings"
)

// Injection is news a facilitator adds to a turn: a content event, fired
// whatever its conditions, or a custom headline with chosen effects. It is
// part of the turn's input, like the orders, so replays and saves record
// it and the game stays reproducible. Written as text it reads
// "event:<id>" or "news:<headline>|<ref>=<+n>;<ref>=<-n>".
type Injection struct {
	Event    int // event index, or -1 for custom news
	Headline string
	Effects  []Effect
}

// ParseInjection reads an injection's text form.
func (sc *Scenario) ParseInjection(s string) (Injection, error) {
	kind, rest, ok := strings.Cut(s, ":")
	if !ok {
		return Injection{}, fmt.Errorf("injection %q should read event:<id> or news:<headline>|<ref>=<+n>;...", s)
	}
	switch kind {
	case "event":
		i, ok := sc.eventIndex[rest]
		if !ok {
			return Injection{}, fmt.Errorf("there is no event %q%s", rest, suggest(rest, sc.eventIDs()))
		}
		return Injection{Event: i, Headline: sc.Events[i].Name}, nil
	case "news":
		head, effects, _ := strings.Cut(rest, "|")
		head = strings.TrimSpace(head)
		if head == "" {
			return Injection{}, fmt.Errorf("custom news needs a headline")
		}
		in := Injection{Event: -1, Headline: head}
		for _, part := range strings.Split(effects, ";") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			name, num, ok := strings.Cut(part, "=")
			if !ok {
				return Injection{}, fmt.Errorf("effect %q should read <ref>=<+n>", part)
			}
			ref, err := sc.ParseRef(strings.TrimSpace(name))
			if err != nil {
				return Injection{}, err
			}
			if !ref.Settable() || (ref.Kind == RefStat && ref.Actor == ActorSelf) ||
				(ref.Kind == RefSwing && ref.Swing == SwingTarget) {
				return Injection{}, fmt.Errorf("custom news cannot change %s", strings.TrimSpace(name))
			}
			n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(num), "+"))
			if err != nil || n == 0 || n < -100 || n > 100 {
				return Injection{}, fmt.Errorf("effect %q: the change must be a whole number from -100 to 100, not 0", part)
			}
			in.Effects = append(in.Effects, Effect{Target: ref, Add: n})
		}
		if len(in.Effects) == 0 {
			return Injection{}, fmt.Errorf("custom news %q changes nothing: add effects such as tension=+1", head)
		}
		return in, nil
	}
	return Injection{}, fmt.Errorf("injection %q: the kind %q should be event or news", s, kind)
}

// FormatInjection writes an injection's text form.
func (sc *Scenario) FormatInjection(in Injection) string {
	if in.Event >= 0 {
		return "event:" + sc.Events[in.Event].ID
	}
	parts := make([]string, len(in.Effects))
	for i, e := range in.Effects {
		parts[i] = sc.Format(e.Target) + "=" + fmt.Sprintf("%+d", e.Add)
	}
	return "news:" + strings.ReplaceAll(in.Headline, "|", "/") + "|" + strings.Join(parts, ";")
}

// ResolveWith is Resolve with a facilitator's injections, which fire with
// the next turn's news: content events whatever their conditions (they
// count as fired), custom news with its effects.
func (sc *Scenario) ResolveWith(prev *State, orders []Order, injections []Injection) (State, Report) {
	var st State
	rep := sc.resolveWith(&st, prev, orders, injections, true)
	return st, rep
}
