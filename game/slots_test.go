package game_test

import (
	"testing"

	"zerosum/game"
)

// TestEffectSlotsMatchPush checks the ledger slots worked out once per
// scenario for the actions' effects against resolving each effect's
// reference as push does, for every action, target and effect, in the
// default scenario and in a copy with more effects.
func TestEffectSlotsMatchPush(t *testing.T) {
	sc := scenario(t)
	for _, s := range []*game.Scenario{sc, withDelayedCovertEffects(t, sc)} {
		st, _ := s.NewGame(1)
		if err := game.CheckEffectSlots(s, &st); err != nil {
			t.Fatal(err)
		}
	}
}
