package saves

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"strings"
	"testing"

	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
)

// newMatch starts a match with actor "human" held by a human whose orders a
// bot chooses (so the game is realistic and reproducible).
func newMatch(t *testing.T, sc *game.Scenario, seed uint64, human string) (*match.Match, int) {
	t.Helper()
	seats := make([]match.Seat, len(sc.Actors))
	for i, b := range sim.BotsFor(sc, seed, bot.Normal) {
		seats[i] = match.Seat{Bot: b}
	}
	a, _ := sc.ActorIndex(human)
	seats[a] = match.Seat{Human: true, Name: "Ana"}
	m, err := match.New(sc, seed, seats)
	if err != nil {
		t.Fatal(err)
	}
	return m, a
}

// humanOrders are the orders a hawk bot would give for the human seat, or
// when it would give none, the seat's first open option: a human seat in
// these tests always has something pending.
func humanOrders(m *match.Match, a int) map[int][]game.Order {
	sc := m.Scenario
	v := sc.View(m.State(), a, false)
	orders := bot.Bot{Personality: bot.Hawk, Difficulty: bot.Normal}.Choose(sc, &v, a)
	if len(orders) == 0 {
		for _, o := range sc.Options(&v, a, nil) {
			if o.Available {
				orders = []game.Order{sc.OrderFor(o)}
				break
			}
		}
	}
	return map[int][]game.Order{a: orders}
}

// TestSaveRoundTripEveryTurn: for many seeded games, saving at every turn,
// loading and restoring gives the same world, and playing on from the
// restored game gives the same game as never having saved.
func TestSaveRoundTripEveryTurn(t *testing.T) {
	sc := scenario(t)
	for seed := uint64(1); seed <= 12; seed++ {
		human := sc.Actors[int(seed)%len(sc.Actors)].ID
		m, a := newMatch(t, sc, seed, human)
		for !m.Over() {
			pending := humanOrders(m, a)[a]
			data, err := FromMatch(m, a, pending, Settings{Theme: "mono", Difficulty: "normal"}, "2026-11-28T10:00:00Z").Encode()
			if err != nil {
				t.Fatal(err)
			}
			sv, err := DecodeSave(data)
			if err != nil {
				t.Fatalf("seed %d turn %d: %v", seed, m.State().Turn, err)
			}
			back, player, gotPending, err := sv.Restore(sc)
			if err != nil {
				t.Fatalf("seed %d turn %d: %v", seed, m.State().Turn, err)
			}
			if back.State().Hash() != m.State().Hash() || player != a || len(gotPending) != len(pending) {
				t.Fatalf("seed %d turn %d: restored game differs", seed, m.State().Turn)
			}
			// Play on in both and compare.
			m.Play(map[int][]game.Order{a: pending})
			back.Play(map[int][]game.Order{a: gotPending})
			if back.State().Hash() != m.State().Hash() {
				t.Fatalf("seed %d turn %d: playing on from the restored save diverged", seed, m.State().Turn)
			}
		}
	}
}

// TestBadSavesGiveClearErrors: corrupt, truncated, empty, foreign and
// future-version files each give a clear error, never a panic.
func TestBadSavesGiveClearErrors(t *testing.T) {
	sc := scenario(t)
	m, a := newMatch(t, sc, 3, "beijing")
	m.Play(humanOrders(m, a))
	good, _ := FromMatch(m, a, nil, Settings{}, "2026-11-28T10:00:00Z").Encode()
	corrupt := bytes.Clone(good)
	corrupt[len(corrupt)/2] ^= 0x20
	var replay bytes.Buffer
	MatchReplay(m).Encode(&replay)
	future := bytes.Replace(good, []byte(fmt.Sprintf("%s %d ", SaveMagic, SaveVersion)), []byte(fmt.Sprintf("%s %d ", SaveMagic, SaveVersion+1)), 1)
	cases := map[string]struct {
		data []byte
		want string
	}{
		"empty":     {nil, "empty"},
		"corrupt":   {corrupt, "checksum does not match"},
		"truncated": {good[:len(good)*2/3], "incomplete"},
		"head only": {good[:20], "incomplete"},
		"foreign":   {[]byte("\x89PNG\r\n\x1a\n...."), "not a ZERO SUM save"},
		"a replay":  {replay.Bytes(), "not a ZERO SUM save"},
		"future":    {future, "newer ZERO SUM"},
		"no sum":    {[]byte(SaveMagic + " 2 content=x\n{}"), "no checksum"},
	}
	for name, c := range cases {
		_, err := DecodeSave(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, c.want)
		}
	}
	// Every truncation of a good file is refused (none decodes as a shorter game).
	for n := 0; n < len(good)-1; n += 97 {
		if _, err := DecodeSave(good[:n]); err == nil {
			t.Fatalf("a save cut to %d of %d bytes decoded", n, len(good))
		}
	}
}

// TestRestoreRefusesOtherRules: a save whose hashes do not match this
// build's rules names the turn; one from another content version says so.
func TestRestoreRefusesOtherRules(t *testing.T) {
	sc := scenario(t)
	m, a := newMatch(t, sc, 4, "meta")
	for range 3 {
		m.Play(humanOrders(m, a))
	}
	sv := FromMatch(m, a, nil, Settings{}, "")
	sv.Turns[1].Hash = strings.Repeat("1", 64)
	_, _, _, err := sv.Restore(sc)
	var mm *MismatchError
	if !errors.As(err, &mm) || mm.Turn != 2 {
		t.Fatalf("want a mismatch at turn 2, got %v", err)
	}
	// Another content version that plays out the same (only text changed)
	// restores: every state hash still matches.
	sv = FromMatch(m, a, nil, Settings{}, "")
	sv.Content = "feedfacefeedface"
	if back, _, _, err := sv.Restore(sc); err != nil || back.State().Hash() != m.State().Hash() {
		t.Fatalf("a save from another content version with matching hashes should restore: %v", err)
	}
	// One that plays out differently names both versions and the turn.
	sv.Turns[2].Hash = strings.Repeat("2", 64)
	if _, _, _, err := sv.Restore(sc); err == nil || !strings.Contains(err.Error(), "feedfacefeedface") ||
		!strings.Contains(err.Error(), sc.ContentHash) || !strings.Contains(err.Error(), "from turn 3") {
		t.Fatalf("got %v", err)
	}
}

// TestVersion1SaveStillLoads: the committed fixture in the first format
// loads, migrates and resumes exactly the game it recorded.
func TestVersion1SaveStillLoads(t *testing.T) {
	sc := scenario(t)
	const path = "testdata/v1.zsave"
	// The fixture records seed 21 with Taipei as the human (hawk orders),
	// four turns played.
	m, a := newMatch(t, sc, 21, "taipei")
	for range 4 {
		m.Play(humanOrders(m, a))
	}
	if *update {
		if err := os.WriteFile(path, encodeV1(t, m, a), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte(SaveMagic+" 1 ")) {
		t.Fatal("the fixture is not a version-1 save")
	}
	sv, err := DecodeSave(data)
	if err != nil {
		t.Fatal(err)
	}
	if !sv.Migrated() {
		t.Error("a version-1 save should say it was migrated")
	}
	back, player, _, err := sv.Restore(sc)
	if err != nil {
		t.Fatalf("%v (if the content changed on purpose, rerun with -update)", err)
	}
	if player != a || back.State().Hash() != m.State().Hash() {
		t.Fatal("the migrated save does not resume the recorded game")
	}
	// Saved again, it is a current-format save of the same game.
	again, _ := FromMatch(back, player, nil, Settings{}, "").Encode()
	if !bytes.HasPrefix(again, []byte(fmt.Sprintf("%s %d ", SaveMagic, SaveVersion))) {
		t.Error("re-saving should write the current format")
	}
}

// encodeV1 writes a match in the first save format (for the fixture).
func encodeV1(t *testing.T, m *match.Match, player int) []byte {
	sc := m.Scenario
	v1 := saveV1{Scenario: sc.ID, Content: sc.ContentHash, Seed: m.Seed, Player: sc.Actors[player].ID,
		SavedAt: "2026-06-01T12:00:00Z"}
	for a, s := range m.Seats {
		if s.Human {
			v1.Seats = append(v1.Seats, sc.Actors[a].ID+"=human")
		} else {
			v1.Seats = append(v1.Seats, fmt.Sprintf("%s=bot:%s/%s", sc.Actors[a].ID, s.Bot.Personality, s.Bot.Difficulty))
		}
	}
	for _, turn := range m.Turns {
		var os []string
		for _, o := range turn.Orders {
			os = append(os, FormatOrder(o))
		}
		v1.Orders = append(v1.Orders, os)
	}
	payload, err := json.MarshalIndent(v1, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	payload = append(payload, '\n')
	return append([]byte(fmt.Sprintf("%s 1 sha256=%s\n", SaveMagic, checksum(payload))), payload...)
}

// TestInjectionsAreSavedAndReplayed: a facilitator's news is part of the
// record, so saves and replays of a game with injections resume and verify.
func TestInjectionsAreSavedAndReplayed(t *testing.T) {
	sc := scenario(t)
	m, a := newMatch(t, sc, 6, "washington")
	ev, _ := sc.ParseInjection("event:incident_at_sea")
	news, _ := sc.ParseInjection("news:Cable cut off Matsu|tension=+1;taipei.security=-2")
	m.PlayWith(humanOrders(m, a), []game.Injection{ev})
	m.PlayWith(humanOrders(m, a), []game.Injection{news})
	m.Play(humanOrders(m, a))
	data, _ := FromMatch(m, a, nil, Settings{}, "").Encode()
	if !bytes.Contains(data, []byte(`"news:Cable cut off Matsu|tension=+1;taipei.security=-2"`)) {
		t.Fatal("the save does not record the injection")
	}
	sv, err := DecodeSave(data)
	if err != nil {
		t.Fatal(err)
	}
	back, _, _, err := sv.Restore(sc)
	if err != nil || back.State().Hash() != m.State().Hash() {
		t.Fatalf("restore: %v", err)
	}
	var b bytes.Buffer
	MatchReplay(m).Encode(&b)
	r, err := DecodeReplay(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Verify(sc); err != nil {
		t.Fatal(err)
	}
	// Without the injections the recorded hashes no longer match.
	r.Turns[0].Inject = nil
	if _, err := r.Verify(sc); err == nil {
		t.Fatal("dropping an injection went unnoticed")
	}
}
