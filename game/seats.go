package game

import (
	"fmt"
	"strings"
)

// ParseSeatList reads a seat list as the command line writes it,
// "actor=what,actor=what,all=what", without interpreting the what: per
// actor, the what of its entry ("" when it has none), and the what of
// "all=" (which stands for every actor not named), or "". check judges
// each what, for an actor, or for every actor when it is all's (actor -1);
// form is the example a malformed entry is told to follow. Unknown actors
// and actors seated twice are errors that say what would be right.
func (sc *Scenario) ParseSeatList(spec, form string, check func(what string, actor int) error) (named []string, all string, err error) {
	if strings.TrimSpace(spec) == "" {
		return nil, "", fmt.Errorf("empty seat list")
	}
	named = make([]string, len(sc.Actors))
	seated := make([]bool, len(sc.Actors))
	haveAll := false
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		who, what, ok := strings.Cut(part, "=")
		if !ok {
			return nil, "", fmt.Errorf("seat %q should read %s", part, form)
		}
		a := -1
		if who == "all" {
			if haveAll {
				return nil, "", fmt.Errorf("seat %q: all is given twice", part)
			}
			haveAll = true
		} else if a, ok = sc.actorIndex[who]; !ok {
			ids := sc.actorIDs()
			return nil, "", fmt.Errorf("seat %q: %q is not an actor in this scenario (actors: %s)%s", part, who,
				strings.Join(ids, ", "), suggest(who, ids))
		} else if seated[a] {
			return nil, "", fmt.Errorf("seat %q: %s is seated twice", part, who)
		}
		if err := check(what, a); err != nil {
			return nil, "", fmt.Errorf("seat %q: %v", part, err)
		}
		if a < 0 {
			all = what
			continue
		}
		seated[a] = true
		named[a] = what
	}
	return named, all, nil
}
