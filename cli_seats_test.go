package main

import (
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game/bot"
	"zerosum/game/sim"
	"zerosum/ui"
)

// zerosum play --seats with an unknown actor, a malformed or contradictory
// seat list, or an impossible name fails before the interface starts, with
// exit status 1 and a message that says what to write instead.
func TestPlaySeatsErrors(t *testing.T) {
	cases := []struct {
		name string
		spec string
		want []string
	}{
		{"unknown actor", "washington=human:Ana,bejing=human:Bo",
			[]string{`--seats: seat "bejing=human:Bo": "bejing" is not an actor in this scenario`, "actors: washington, beijing,", `did you mean "beijing"?`}},
		{"no equals sign", "washington",
			[]string{`seat "washington" should read actor=human:Name or actor=bot[:easy|normal|hard][:hawk|dove|hedger]`}},
		{"unknown kind", "washington=robot",
			[]string{`seat "washington=robot"`, `"robot" should be human[:Name] or bot[:easy|normal|hard][:hawk|dove|hedger]`}},
		{"unknown personality", "meta=bot:grumpy",
			[]string{`seat "meta=bot:grumpy"`, "grumpy"}},
		{"seated twice", "washington=human:Ana,washington=bot",
			[]string{`washington is seated twice`}},
		{"empty", ",",
			[]string{`seat ""`}},
		{"name too long", "washington=human:Anastasia Konstantinopoulou",
			[]string{"a player's name has at most 20 characters"}},
		{"actor of another scenario", "brussels=human:Ana",
			[]string{`"brussels" is not an actor in this scenario (actors: washington, beijing, nvidia, taipei)`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"play", "--seats", c.spec, "--seed", "7"}
			if c.name == "actor of another scenario" {
				args = append(args, "--scenario", "flashpoint")
			}
			code, out, errs := cliRun(t, args...)
			if code != 1 {
				t.Fatalf("exit %d, want 1\nstdout %q\nstderr %q", code, out, errs)
			}
			for _, want := range c.want {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
			if out != "" {
				t.Errorf("nothing should be printed on stdout: %q", out)
			}
		})
	}
}

// A good seat list seats humans with their names and bots with the
// personality written out, or else the one the seed draws (as a
// single-player game would), all at the difficulty asked for; all=bot
// leaves no human (spectating).
func TestSeatsFromSpec(t *testing.T) {
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	idx := func(id string) int { a, _ := sc.ActorIndex(id); return a }
	drawn := sim.BotsFor(sc, 7, bot.Hard)
	seats, err := ui.SeatsFromSpec(sc, "washington=human:Ana, beijing=human:Bo,meta=bot:hawk,nvidia=bot,all=bot:dove", 7, bot.Hard)
	if err != nil {
		t.Fatal(err)
	}
	if s := seats[idx("washington")]; !s.Human || s.Name != "Ana" {
		t.Errorf("washington: %+v", s)
	}
	if s := seats[idx("beijing")]; !s.Human || s.Name != "Bo" {
		t.Errorf("beijing: %+v", s)
	}
	for id, want := range map[string]bot.Personality{"meta": bot.Hawk, "nvidia": drawn[idx("nvidia")].Personality,
		"brussels": bot.Dove, "taipei": bot.Dove} {
		if s := seats[idx(id)]; s.Human || s.Bot.Personality != want || s.Bot.Difficulty != bot.Hard {
			t.Errorf("%s: %+v, want a hard %s bot", id, s, want)
		}
	}
	seats, err = ui.SeatsFromSpec(sc, "all=bot", 7, bot.Normal)
	if err != nil {
		t.Fatal(err)
	}
	drawn = sim.BotsFor(sc, 7, bot.Normal)
	for a, s := range seats {
		if s.Human || s.Bot != drawn[a] {
			t.Errorf("all=bot: %s is %+v, want the drawn %+v", sc.Actors[a].ID, s, drawn[a])
		}
	}
}
