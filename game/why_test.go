package game_test

import (
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
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

// TestExclusiveOrdersInOneTurn: two actions that rule each other out
// ("done.x == 0") cannot be ordered in the same turn either, whichever
// comes first; the refusal names the order already given; the option
// lists agree with Validate; and no bot, given the first, adds the second.
func TestExclusiveOrdersInOneTurn(t *testing.T) {
	sc := scenario(t)
	meta := actor(t, sc, "meta")
	publish, _ := sc.ActionIndex("publish_gpai_code")
	sign, _ := sc.ActionIndex("sign_gpai_code")
	decline, _ := sc.ActionIndex("decline_gpai_code")
	st, _ := sc.NewGame(1)
	st.Turn = 4
	st.Uses[publish] = game.Use{Count: 1, Last: 2}
	st.Actors[meta].Stats[game.StatCapital] = 500
	signO := game.Order{Actor: "meta", Action: "sign_gpai_code"}
	declineO := game.Order{Actor: "meta", Action: "decline_gpai_code"}
	for _, c := range []struct {
		first, second game.Order
		want          string
	}{
		{signO, declineO, "not with Sign the EU code of practice in this turn's orders"},
		{declineO, signO, "not with Decline the EU code of practice in this turn's orders"},
	} {
		// Each alone is fine.
		if err := sc.Validate(&st, meta, []game.Order{c.second})[0]; err != nil {
			t.Fatalf("%s alone: %v", c.second.Action, err)
		}
		errs := sc.Validate(&st, meta, []game.Order{c.first, c.second})
		if errs[0] != nil || errs[1] == nil || errs[1].Error() != c.want {
			t.Errorf("%s then %s: got %v, want [<nil> %q]", c.first.Action, c.second.Action, errs, c.want)
		}
		second, _ := sc.ActionIndex(c.second.Action)
		for _, o := range sc.Options(&st, meta, []game.Order{c.first}) {
			if o.Action == second && (o.Available || sc.Reason(o) != c.want) {
				t.Errorf("option %s after %s: available %v, reason %q", c.second.Action, c.first.Action, o.Available, sc.Reason(o))
			}
		}
		for _, o := range sc.AvailableOptionsInto(nil, &st, meta, []game.Order{c.first}) {
			if o.Action == second {
				t.Errorf("%s is listed as available after %s", c.second.Action, c.first.Action)
			}
		}
		if !sc.RuledOut(second, []int{map[string]int{"sign_gpai_code": sign, "decline_gpai_code": decline}[c.first.Action]}) {
			t.Errorf("RuledOut(%s) after %s is false", c.second.Action, c.first.Action)
		}
		// A bot that must start with the first never adds the second, for
		// any seed (its noise could make either look best).
		for seed := uint64(1); seed <= 60; seed++ {
			b := bot.Bot{Difficulty: bot.Normal, Personality: bot.Personality(seed % uint64(bot.NumPersonalities)), Seed: seed}
			for _, o := range b.ChooseAfter(sc, &st, meta, []game.Order{c.first}) {
				if o.Action == c.second.Action {
					t.Fatalf("seed %d: the bot ordered %s after %s", seed, c.second.Action, c.first.Action)
				}
			}
		}
	}
	// Left to itself, with both open and both worth taking, a bot takes at
	// most one of them. (A scenario of its own, loaded afresh, in which
	// declining does what signing does, so that a bot would want both.)
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	sc = p.Scenario
	sc.Actions[decline].Effects = sc.Actions[sign].Effects
	sc.Actions[decline].Cost = sc.Actions[sign].Cost
	for seed := uint64(1); seed <= 300; seed++ {
		b := bot.Bot{Difficulty: bot.Difficulty(seed % 2), Personality: bot.Personality(seed % uint64(bot.NumPersonalities)), Seed: seed}
		n := 0
		for _, o := range b.Choose(sc, &st, meta) {
			if o.Action == "sign_gpai_code" || o.Action == "decline_gpai_code" {
				n++
			}
		}
		if n > 1 {
			t.Fatalf("seed %d: the bot signed and declined the code in one turn", seed)
		}
	}
}
