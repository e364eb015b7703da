package game_test

import (
	"testing"

	"zerosum/game"
)

// TestRefusalSaysWhatAlreadyHappened: an order ruled out because something
// that happens once has happened says what and when, not "needs … = 0
// (now 1)"; and a requirement on an earlier action reads as a sentence.
func TestRefusalSaysWhatAlreadyHappened(t *testing.T) {
	sc := scenario(t)
	meta := actor(t, sc, "meta")
	sign, ok := sc.ActionIndex("sign_gpai_code")
	if !ok {
		t.Fatal("no sign_gpai_code")
	}
	publish, _ := sc.ActionIndex("publish_gpai_code")
	decline, _ := sc.ActionIndex("decline_gpai_code")
	st, _ := sc.NewGame(1)
	st.Turn = 4
	st.Uses[publish] = game.Use{Count: 1, Last: 2}
	st.Uses[decline] = game.Use{Count: 1, Last: 3}
	order := game.Order{Actor: "meta", Action: "sign_gpai_code"}
	err := sc.Validate(&st, meta, []game.Order{order})[0]
	if want := "already done: Decline the EU code of practice (H1 2026)"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	var descs []string
	for _, c := range sc.Actions[sign].Requires {
		descs = append(descs, sc.Describe(c, meta))
	}
	want := []string{"Publish the general-purpose AI code has been taken", "Decline the EU code of practice has not been taken"}
	if len(descs) != len(want) || descs[0] != want[0] || descs[1] != want[1] {
		t.Errorf("requirements read %q, want %q", descs, want)
	}
	// An event that must not have happened, and one that must have.
	h20, _ := sc.EventIndex("h20_licence")
	for _, c := range []struct {
		cond game.Condition
		want string
	}{
		{game.Condition{Ref: game.Ref{Kind: game.RefFired, Index: h20}, Op: game.OpEQ, Value: 0},
			"“" + sc.Events[h20].Name + "” has not happened"},
		{game.Condition{Ref: game.Ref{Kind: game.RefFired, Index: h20}, Op: game.OpGE, Value: 1},
			"“" + sc.Events[h20].Name + "” has happened"},
		{game.Condition{Ref: game.Ref{Kind: game.RefFired, Index: h20}, Op: game.OpGE, Value: 2},
			sc.Events[h20].Name + " has happened ≥ 2"},
	} {
		if got := sc.Describe(c.cond, -1); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
