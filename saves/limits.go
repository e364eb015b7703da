package saves

import (
	"errors"
	"unicode/utf8"
	"zerosum/text"

	"zerosum/game"
)

// The limits of a save or replay. A file is handed around (a class shares
// replays), so nothing in one is trusted: its size, every count and every
// string are bounded, and every id is checked against the scenario on
// restore. The limits are far above any real game (twelve turns, eight
// seats, a few orders each).
const (
	// MaxFileBytes is the largest save or replay read: a game of the
	// longest scenario with its text carried inside is well under 1 MB.
	MaxFileBytes = 16 << 20
	maxSeats     = 64
	maxTurns     = 1000
	// maxOrders bounds the orders of one turn (every seat's) and
	// maxPending the orders one seat has chosen and not yet submitted.
	maxOrders  = 1024
	maxPending = 64
	maxInject  = 64
	// maxID is the longest id (scenario, actor, action, swing state).
	maxID = 64
	// maxText is the longest free text: a player's name, a branch (one
	// "what-if from H2 2026" per rewind), a preview line or an injection.
	maxText = 1000
	// maxPath is the longest source path (a hint: it is never read).
	maxPath = 4096
	// MaxTimerMinutes is the longest order timer a save may set.
	MaxTimerMinutes = 120
	// maxScenarioFiles and maxScenarioBytes bound the scenario text a file
	// carries (the content loader checks each file again).
	maxScenarioFiles = 256
	maxScenarioBytes = 8 << 20
)

// checkText bounds a string of a file; what names it in the error. (JSON
// has made it valid UTF-8 already.)
func checkText(what, s string, limit int) error {
	if n := utf8.RuneCountInString(s); n > limit {
		return errors.New(text.F("%s has %d characters; at most %d are allowed", what, n, limit))
	}
	return nil
}

// checkSeats checks a file's seats: a bounded number, each actor once,
// and names of a bounded length.
func checkSeats(what string, seats []Seat) error {
	if len(seats) > maxSeats {
		return errors.New(text.F("%s has %d seats; at most %d are allowed", what, len(seats), maxSeats))
	}
	seen := map[string]bool{}
	for _, s := range seats {
		if err := checkText(text.T("a seat's actor"), s.Actor, maxID); err != nil {
			return err
		}
		if seen[s.Actor] {
			return errors.New(text.F("%s seats %q twice", what, s.Actor))
		}
		seen[s.Actor] = true
		for _, f := range []struct{ what, v string }{
			{text.F("the name of seat %s", s.Actor), s.Name}, {text.F("the kind of seat %s", s.Actor), s.Kind},
			{text.F("the personality of seat %s", s.Actor), s.Personality}, {text.F("the difficulty of seat %s", s.Actor), s.Difficulty},
		} {
			if err := checkText(f.what, f.v, maxText); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkTurns checks the form of a file's resolved turns: numbered 1, 2,
// 3, ..., each with a state hash, orders that parse and bounded counts.
func checkTurns(what string, turns []ReplayTurn) error {
	if len(turns) > maxTurns {
		return errors.New(text.F("%s has %d turns; at most %d are allowed", what, len(turns), maxTurns))
	}
	for i, t := range turns {
		if t.Turn != i+1 {
			return errors.New(text.F("%s's turn %d is numbered %d; turns must run 1, 2, 3, ...", what, i+1, t.Turn))
		}
		if !isHash(t.Hash) {
			return errors.New(text.F("turn %d: %q is not a state hash", t.Turn, t.Hash))
		}
		if err := checkOrders(text.F("turn %d", t.Turn), t.Orders, maxOrders); err != nil {
			return err
		}
		if err := checkInject(text.F("turn %d", t.Turn), t.Inject); err != nil {
			return err
		}
	}
	return nil
}

// checkOrders checks that orders parse and are not too many.
func checkOrders(where string, orders []string, limit int) error {
	if len(orders) > limit {
		return errors.New(text.F("%s: %d orders; at most %d are allowed", where, len(orders), limit))
	}
	for _, o := range orders {
		if err := checkText(text.T("an order"), o, 3*maxID); err != nil {
			return errors.New(text.F("%s: %v", where, err))
		}
		if _, err := ParseOrder(o); err != nil {
			return errors.New(text.F("%s: %v", where, err))
		}
	}
	return nil
}

// checkInject bounds a turn's injected news (the scenario checks each).
func checkInject(where string, inject []string) error {
	if len(inject) > maxInject {
		return errors.New(text.F("%s: %d pieces of injected news; at most %d are allowed", where, len(inject), maxInject))
	}
	for _, in := range inject {
		if err := checkText(text.F("%s: injected news", where), in, maxText); err != nil {
			return err
		}
	}
	return nil
}

// checkScenarioFiles bounds the scenario text a file carries.
func checkScenarioFiles(what string, files map[string]string) error {
	if len(files) > maxScenarioFiles {
		return errors.New(text.F("%s carries %d scenario files; at most %d are allowed", what, len(files), maxScenarioFiles))
	}
	total := 0
	for name, body := range files {
		if err := checkText(text.T("a scenario file's name"), name, maxText); err != nil {
			return err
		}
		total += len(body)
	}
	if total > maxScenarioBytes {
		return errors.New(text.F("%s carries %d bytes of scenario text; at most %d are allowed", what, total, maxScenarioBytes))
	}
	return nil
}

// knownOrders checks every order of a file's turns against the scenario:
// an actor in play, one of that actor's actions, a swing state as target
// where the action takes one. The engine would refuse an unknown order,
// but no game records one, so a file that has one was not written by a
// game.
func knownOrders(sc *game.Scenario, turns []ReplayTurn) error {
	for _, t := range turns {
		for _, s := range t.Orders {
			if err := knownOrder(sc, s); err != nil {
				return errors.New(text.F("turn %d: %v", t.Turn, err))
			}
		}
	}
	return nil
}

func knownOrder(sc *game.Scenario, s string) error {
	o, err := ParseOrder(s)
	if err != nil {
		return err
	}
	a, ok := sc.ActorIndex(o.Actor)
	if !ok {
		return errors.New(text.F("order %q: %q is not an actor of %s", s, o.Actor, sc.ID))
	}
	ai, ok := sc.ActionIndex(o.Action)
	if !ok || sc.Actions[ai].Actor != a {
		return errors.New(text.F("order %q: %s has no action %q in %s", s, o.Actor, o.Action, sc.ID))
	}
	if _, ok := sc.SwingIndex(o.Target); o.Target != "" && !ok {
		return errors.New(text.F("order %q: %q is not a swing state of %s", s, o.Target, sc.ID))
	}
	return nil
}
