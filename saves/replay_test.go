package saves

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.replay.json")

func scenario(t *testing.T) *game.Scenario {
	t.Helper()
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	return p.Scenario
}

// record plays an all-bot game and returns its replay.
func record(sc *game.Scenario, seed uint64) *Replay {
	seats := sim.BotsFor(sc, seed, bot.Normal)
	g := sim.Play(sc, seed, sim.AsSeats(seats), sim.RecordHashes)
	rs := make([]Seat, len(seats))
	for a, s := range seats {
		rs[a] = Seat{Actor: sc.Actors[a].ID, Kind: "bot", Personality: s.Personality.String(), Difficulty: s.Difficulty.String()}
	}
	r := NewReplay(sc, seed, rs, g.Start)
	for i, o := range g.Orders {
		r.Add(i+1, o, g.Hashes[i])
	}
	r.Outcome = g.Final.Outcome
	return r
}

// TestGoldenReplay re-runs the committed replay and checks every turn's
// state hash. If the rules or the default content change how a game plays
// out, this fails at the first turn that differs: regenerate the file with
// `go test ./saves -run TestGoldenReplay -update` and commit it on purpose.
func TestGoldenReplay(t *testing.T) {
	sc := scenario(t)
	const path = "testdata/golden.replay.json"
	if *update {
		var b bytes.Buffer
		if err := record(sc, 2025).Encode(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := DecodeReplay(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Turns) == 0 {
		t.Fatal("the golden replay has no turns")
	}
	if r.Content != sc.ContentHash {
		t.Fatalf("the golden replay was recorded with content %s, the embedded content is %s: if the change is deliberate, run go test ./saves -run TestGoldenReplay -update", r.Content, sc.ContentHash)
	}
	if _, err := r.Verify(sc); err != nil {
		t.Fatalf("%v (if the rules changed on purpose, rerun with -update and commit the new file)", err)
	}
}

// TestReplayRoundTrip: encode, decode and encode again gives the same bytes,
// and the decoded replay verifies.
func TestReplayRoundTrip(t *testing.T) {
	sc := scenario(t)
	for seed := uint64(1); seed <= 10; seed++ {
		r := record(sc, seed)
		var b1, b2 bytes.Buffer
		r.Encode(&b1)
		d, err := DecodeReplay(b1.Bytes())
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, b1.String())
		}
		d.Encode(&b2)
		if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
			t.Fatalf("seed %d: round trip changed the file", seed)
		}
		if _, err := d.Verify(sc); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		// One line per turn, so a person (and a diff) can read it.
		if n := strings.Count(b1.String(), `{"turn":`); n != len(r.Turns) {
			t.Fatalf("seed %d: %d turn lines for %d turns", seed, n, len(r.Turns))
		}
	}
}

// TestVerifyStopsAtTheFirstDifference tampers with one turn and checks the
// error names that turn.
func TestVerifyStopsAtTheFirstDifference(t *testing.T) {
	sc := scenario(t)
	r := record(sc, 3)
	r.Turns[4].Hash = strings.Repeat("a", 64)
	_, err := r.Verify(sc)
	var mm *MismatchError
	if !errors.As(err, &mm) || mm.Turn != 5 {
		t.Fatalf("want a mismatch at turn 5, got %v", err)
	}
	// Changing an order changes that turn's hash.
	r = record(sc, 3)
	r.Turns[2].Orders = r.Turns[2].Orders[1:]
	if _, err := r.Verify(sc); !errors.As(err, &mm) || mm.Turn != 3 {
		t.Fatalf("want a mismatch at turn 3 after dropping an order, got %v", err)
	}
}

// TestReplayFromAnotherContentVersion names both versions.
func TestReplayFromAnotherContentVersion(t *testing.T) {
	sc := scenario(t)
	r := record(sc, 4)
	r.Content = "0123456789abcdef"
	_, err := r.Verify(sc)
	if err == nil || !strings.Contains(err.Error(), "0123456789abcdef") || !strings.Contains(err.Error(), sc.ContentHash) {
		t.Fatalf("got %v", err)
	}
}

// TestDecodeReplayErrors: bad files give clear errors, never a panic.
func TestDecodeReplayErrors(t *testing.T) {
	sc := scenario(t)
	var good bytes.Buffer
	record(sc, 5).Encode(&good)
	cases := map[string]struct {
		data []byte
		want string
	}{
		"empty":      {nil, "empty"},
		"truncated":  {good.Bytes()[:good.Len()/2], "ends too early"},
		"not json":   {[]byte("hello, world"), "not a ZERO SUM replay"},
		"other json": {[]byte(`{"format":"something-else","version":1}`), "not a ZERO SUM replay"},
		"future":     {[]byte(`{"format":"zerosum-replay","version":9}`), "newer ZERO SUM"},
		"bad hash":   {bytes.Replace(good.Bytes(), []byte(`"hash":"`), []byte(`"hash":"zz`), 1), "not a state hash"},
		"bad order":  {bytes.Replace(good.Bytes(), []byte(`"orders":["`), []byte(`"orders":["nonsense","`), 1), "actor:action"},
		"extra":      {append(append([]byte{}, good.Bytes()...), []byte("{}")...), "after the end"},
		"unknown":    {bytes.Replace(good.Bytes(), []byte(`"seed"`), []byte(`"sneed"`), 1), "damaged"},
	}
	for name, c := range cases {
		_, err := DecodeReplay(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, c.want)
		}
	}
}

// TestReplayRestore rebuilds the match a replay records: the same final
// state as Verify, the seats and the branch; a tampered turn is named, and
// a replay that does not seat every actor is refused.
func TestReplayRestore(t *testing.T) {
	sc := scenario(t)
	r := record(sc, 6)
	r.Branch = "what-if from H2 2026"
	final, err := r.Verify(sc)
	if err != nil {
		t.Fatal(err)
	}
	m, err := r.Restore(sc)
	if err != nil {
		t.Fatal(err)
	}
	if m.State().Hash() != final.Hash() || len(m.Turns) != len(r.Turns) || m.Branch != r.Branch {
		t.Fatalf("restored %d turns, branch %q; want %d turns and the verified final state", len(m.Turns), m.Branch, len(r.Turns))
	}
	for a, s := range m.Seats {
		if got := SeatOf(sc, a, s); got != r.Seats[a] {
			t.Errorf("seat %d: %+v, want %+v", a, got, r.Seats[a])
		}
	}

	r.Turns[3].Hash = strings.Repeat("b", 64)
	var mm *MismatchError
	if _, err := r.Restore(sc); !errors.As(err, &mm) || mm.Turn != 4 {
		t.Fatalf("want a mismatch at turn 4, got %v", err)
	}
	r = record(sc, 6)
	r.Seats = r.Seats[1:]
	if _, err := r.Restore(sc); err == nil || !strings.Contains(err.Error(), "does not say who plays "+sc.Actors[0].ID) {
		t.Fatalf("a replay without a seat: %v", err)
	}
}

// TestWriteFile replaces a file whole, readable by others, and leaves no
// temporary file; a folder that does not exist is an error.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/report.md"
	os.WriteFile(path, []byte("old"), 0o600)
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new" {
		t.Errorf("the file holds %q", data)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1", len(entries))
	}
	if err := WriteFile(dir+"/missing/report.md", []byte("x")); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}
