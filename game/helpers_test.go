package game_test

import (
	"sync"
	"testing"

	"zerosum/content"
	"zerosum/game"
)

var (
	defaultOnce sync.Once
	defaultPack *content.Pack
	defaultErr  error
)

// scenario loads the embedded default scenario once per test binary.
func scenario(tb testing.TB) *game.Scenario {
	tb.Helper()
	defaultOnce.Do(func() { defaultPack, defaultErr = content.Load(content.DefaultScenario) })
	if defaultErr != nil {
		tb.Fatalf("loading the default scenario: %v", defaultErr)
	}
	return defaultPack.Scenario
}

// quiet returns a copy of the scenario in which no event ever fires, so a
// test can watch one cause at a time.
func quiet(sc *game.Scenario) *game.Scenario {
	q := *sc
	q.Events = append([]game.EventDef(nil), sc.Events...)
	for i := range q.Events {
		q.Events[i].Trigger = false
		q.Events[i].Weight = 0
	}
	q.EventsPerTurn = 0
	return &q
}

func actor(tb testing.TB, sc *game.Scenario, id string) int {
	tb.Helper()
	i, ok := sc.ActorIndex(id)
	if !ok {
		tb.Fatalf("no actor %q", id)
	}
	return i
}

func role(tb testing.TB, sc *game.Scenario, r game.Role) int {
	tb.Helper()
	i := sc.RoleActor(r)
	if i < 0 {
		tb.Fatalf("no actor plays %s", r)
	}
	return i
}

func stat(a int, s game.Stat) game.Ref { return game.Ref{Kind: game.RefStat, Actor: a, Stat: s} }
func track(t game.Track) game.Ref      { return game.Ref{Kind: game.RefTrack, Track: t} }
func align(i int) game.Ref {
	return game.Ref{Kind: game.RefSwing, Swing: i, Field: game.FieldAlign}
}

// delta is how much a number moved in a resolution.
func delta(rep game.Report, r game.Ref) int {
	c, ok := rep.ChangeOf(r)
	if !ok {
		return 0
	}
	return c.After - c.Before
}
