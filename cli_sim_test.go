package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gameLine is what a test reads of a --games-out line.
type gameLine struct {
	Seed       uint64 `json:"seed"`
	Turns      int    `json:"turns"`
	Ending     string `json:"ending"`
	CrisisTurn int    `json:"crisis_turn"`
	Culprits   []struct {
		Actor string `json:"actor"`
		Share int    `json:"share"`
	} `json:"culprits"`
	Winners []string          `json:"winners"`
	Seats   map[string]string `json:"seats"`
	Scores  map[string]int    `json:"scores"`
	Final   struct {
		Tracks map[string]int            `json:"tracks"`
		Actors map[string]map[string]int `json:"actors"`
		Swing  map[string]map[string]int `json:"swing"`
	} `json:"final"`
	Orders map[string]map[string]int `json:"orders"`
}

func readGames(t *testing.T, path string) ([]gameLine, []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []gameLine
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g gameLine
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("line %d is not a game: %v", len(out)+1, err)
		}
		out = append(out, g)
	}
	return out, data
}

// --games-out writes one JSON object per game, in game order, with the
// fields the README promises; the same command gives the same bytes, and
// the number of workers changes nothing.
func TestSimGamesOut(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	if code, _, errs := cliRun(t, "sim", "--games", "40", "--seed", "3", "--games-out", a, "--workers", "1"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if code, _, errs := cliRun(t, "sim", "--games", "40", "--seed", "3", "--games-out", b, "--workers", "3"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	games, da := readGames(t, a)
	_, db := readGames(t, b)
	if string(da) != string(db) {
		t.Fatal("the same batch with 1 and 3 workers wrote different files")
	}
	if len(games) != 40 {
		t.Fatalf("%d lines for 40 games", len(games))
	}
	crises := 0
	for i, g := range games {
		if g.Seed != uint64(3+i) {
			t.Errorf("line %d has seed %d, want %d", i+1, g.Seed, 3+i)
		}
		if g.Ending == "" || len(g.Scores) != 8 || len(g.Seats) != 8 || len(g.Final.Tracks) == 0 ||
			len(g.Final.Actors) != 8 || len(g.Final.Swing) != 8 || g.Final.Actors["washington"]["frontier"] == 0 {
			t.Errorf("line %d lacks fields: %+v", i+1, g)
		}
		if _, ok := g.Final.Actors["nvidia"]["grievance"]; ok {
			t.Errorf("line %d lists a stat Nvidia does not have", i+1)
		}
		if g.CrisisTurn > 0 {
			crises++
			if len(g.Winners) != 0 || len(g.Culprits) == 0 || g.Ending != "strait_crisis" {
				t.Errorf("line %d: a crisis with winners %v and culprits %v, ending %s", i+1, g.Winners, g.Culprits, g.Ending)
			}
		} else if len(g.Winners) == 0 || len(g.Culprits) != 0 {
			t.Errorf("line %d: no crisis, yet winners %v and culprits %v", i+1, g.Winners, g.Culprits)
		}
	}
	// Run again into the same file: refused without --force, allowed with.
	if code, _, errs := cliRun(t, "sim", "--games", "2", "--games-out", a); code == 0 || !strings.Contains(errs, "already exists") {
		t.Errorf("an existing --games-out should be refused: exit %d, %s", code, errs)
	}
	if code, _, errs := cliRun(t, "sim", "--games", "2", "--games-out", a, "--force"); code != 0 {
		t.Errorf("--force should replace it: exit %d, %s", code, errs)
	}
	if code, _, errs := cliRun(t, "sim", "--games", "2", "--games-out", dir); code == 0 || !strings.Contains(errs, "not a regular file") {
		t.Errorf("a folder is not a file to write: exit %d, %s", code, errs)
	}
}

// --seats puts a policy in a seat and leaves the rest as drawn: the named
// parts change, the unnamed keep the drawn bot's; --ban takes actions away
// from everyone.
func TestSimSeatsAndBan(t *testing.T) {
	dir := t.TempDir()
	run := func(name string, args ...string) []gameLine {
		t.Helper()
		path := filepath.Join(dir, name)
		args = append([]string{"sim", "--games", "12", "--seed", "5", "--games-out", path}, args...)
		if code, _, errs := cliRun(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		g, _ := readGames(t, path)
		return g
	}
	base := run("base")
	hard := run("hard", "--seats", "washington=bot:easy")
	pass := run("pass", "--seats", "huawei=pass,meta=always:release_open_weights")
	banned := run("ban", "--ban", "release_open_weights,tighten_controls")
	for i := range base {
		// Easy in one seat: that seat's bot changes difficulty but keeps its
		// drawn personality; every other seat is the same bot.
		for actor, seat := range base[i].Seats {
			got := hard[i].Seats[actor]
			if actor == "washington" {
				want := strings.Replace(seat, "normal", "easy", 1)
				if got != want {
					t.Errorf("game %d: washington is %q, want %q", i, got, want)
				}
			} else if got != seat {
				t.Errorf("game %d: %s changed from %q to %q", i, actor, seat, got)
			}
		}
		if pass[i].Orders["huawei"] == nil || len(pass[i].Orders["huawei"]) != 0 {
			t.Errorf("game %d: a pass seat gave orders %v", i, pass[i].Orders["huawei"])
		}
		if pass[i].Seats["meta"] != "always:release_open_weights" {
			t.Errorf("game %d: meta's seat is %q", i, pass[i].Seats["meta"])
		}
		if n := pass[i].Orders["meta"]["release_open_weights"]; n == 0 {
			t.Errorf("game %d: always:release_open_weights never released anything", i)
		}
		for _, id := range []string{"release_open_weights", "tighten_controls"} {
			for actor, orders := range banned[i].Orders {
				if orders[id] > 0 {
					t.Errorf("game %d: %s took the banned %s", i, actor, id)
				}
			}
		}
	}
	// Errors name what was wrong and what would be right.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--seats", "washingtn=bot"}, `"washingtn" is not an actor`},
		{[]string{"--seats", "washington=robot"}, "should be bot"},
		{[]string{"--seats", "washington=bot:brutal"}, `"brutal" is not a difficulty`},
		{[]string{"--seats", "washington=always:thaw"}, "thaw is an action of beijing, not of washington"},
		{[]string{"--seats", "washington=always:nuke"}, `there is no action "nuke"`},
		{[]string{"--ban", "tighten_control"}, `did you mean "tighten_controls"`},
		{[]string{"--seats", "washington=random", "--replay-dir", dir}, "--replay-dir records games of bots"},
	} {
		code, _, errs := cliRun(t, append([]string{"sim", "--games", "1"}, c.args...)...)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", c.args, code, errs, c.want)
		}
	}
}
