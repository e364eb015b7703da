package saves

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
)

// saveV2 is the payload of a version-2 save, frozen as it was before
// version 3 added the fields of hot seat and the facilitator (for the
// fixture).
type saveV2 struct {
	Scenario string       `json:"scenario"`
	Content  string       `json:"content"`
	Seed     uint64       `json:"seed"`
	Seats    []Seat       `json:"seats"`
	Player   string       `json:"player"`
	Branch   string       `json:"branch,omitempty"`
	Turns    []ReplayTurn `json:"turns"`
	Pending  []string     `json:"pending,omitempty"`
	Settings struct {
		Theme      string `json:"theme,omitempty"`
		Difficulty string `json:"difficulty,omitempty"`
	} `json:"settings"`
	SavedAt string  `json:"saved_at"`
	Preview Preview `json:"preview"`
}

// encodeV2 writes a match in the second save format (for the fixture).
func encodeV2(t *testing.T, m *match.Match, player int, pending []game.Order) []byte {
	t.Helper()
	cur := FromMatch(m, player, pending, Settings{Theme: "mono", Difficulty: "normal"}, "2026-11-01T09:00:00Z")
	v2 := saveV2{Scenario: cur.Scenario, Content: cur.Content, Seed: cur.Seed, Seats: cur.Seats, Player: cur.Player,
		Branch: cur.Branch, Turns: cur.Turns, Pending: cur.Pending, SavedAt: cur.SavedAt, Preview: cur.Preview}
	v2.Settings.Theme, v2.Settings.Difficulty = "mono", "normal"
	payload, err := json.MarshalIndent(v2, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	payload = append(payload, '\n')
	head := fmt.Sprintf("%s 2 content=%s sha256=%s\n", SaveMagic, v2.Content, checksum(payload))
	return append([]byte(head), payload...)
}

// TestVersion2SaveStillLoads: the committed fixture in the second format
// (a single-player game with orders not yet submitted, from before hot
// seat) loads as it is, resumes the game it recorded with the player's
// pending orders, and its turn in progress is just those orders.
func TestVersion2SaveStillLoads(t *testing.T) {
	sc := scenario(t)
	const path = "testdata/v2.zsave"
	m, a := newMatch(t, sc, 33, "abudhabi")
	for range 3 {
		m.Play(humanOrders(m, a))
	}
	pending := humanOrders(m, a)[a]
	if *update {
		if err := os.WriteFile(path, encodeV2(t, m, a, pending), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte(SaveMagic+" 2 ")) {
		t.Fatal("the fixture is not a version-2 save")
	}
	sv, err := DecodeSave(data)
	if err != nil {
		t.Fatal(err)
	}
	if sv.Migrated() {
		t.Error("a version-2 save needs no migration")
	}
	back, player, got, err := sv.Restore(sc)
	if err != nil {
		t.Fatalf("%v (if the content changed on purpose, rerun with -update)", err)
	}
	if player != a || back.State().Hash() != m.State().Hash() || !slices.Equal(got, pending) {
		t.Fatal("the version-2 save does not resume the recorded game and its pending orders")
	}
	tip, err := sv.InProgress(sc, back)
	if err != nil {
		t.Fatal(err)
	}
	if len(tip.Pending) != 1 || !slices.Equal(tip.Pending[a], pending) || len(tip.Submitted) != 0 || len(tip.Inject) != 0 {
		t.Errorf("a version-2 save's turn in progress is the player's orders only, got %+v", tip)
	}
	if sv.Settings.Facilitator != nil {
		t.Error("a version-2 save has no facilitator")
	}
	// Saved again, it is a current-format save of the same game.
	again, _ := FromMatchWith(back, player, tip, sv.Settings, "").Encode()
	if !bytes.HasPrefix(again, []byte(fmt.Sprintf("%s %d ", SaveMagic, SaveVersion))) {
		t.Error("re-saving should write the current format")
	}
}

// hotSeatMatch is a match with Washington (Ana), Beijing (Bo) and Abu
// Dhabi (Cy) held by humans and bots elsewhere, two turns played.
func hotSeatMatch(t *testing.T, seed uint64) (*match.Match, []int) {
	t.Helper()
	sc := scenario(t)
	seats := make([]match.Seat, len(sc.Actors))
	for i, b := range sim.BotsFor(sc, seed, bot.Normal) {
		seats[i] = match.Seat{Bot: b}
	}
	var humans []int
	for _, h := range []struct{ id, name string }{{"washington", "Ana"}, {"beijing", "Bo"}, {"abudhabi", "Cy"}} {
		a, _ := sc.ActorIndex(h.id)
		seats[a] = match.Seat{Human: true, Name: h.name}
		humans = append(humans, a)
	}
	m, err := match.New(sc, seed, seats)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		orders := map[int][]game.Order{}
		for _, a := range humans {
			orders[a] = humanOrders(m, a)[a]
		}
		m.Play(orders)
	}
	return m, humans
}

// TestHotSeatTurnInProgressRoundTrip: a save taken in the middle of a
// hot-seat turn keeps every human seat's orders, who has submitted, the
// facilitator's queued news and settings, and playing on from it gives the
// same game.
func TestHotSeatTurnInProgressRoundTrip(t *testing.T) {
	m, humans := hotSeatMatch(t, 12)
	sc := m.Scenario
	ana, bo, cy := humans[0], humans[1], humans[2]
	news, err := sc.ParseInjection("news:Typhoon closes the Strait|tension=+1")
	if err != nil {
		t.Fatal(err)
	}
	tip := TurnInProgress{
		Pending:   map[int][]game.Order{ana: humanOrders(m, ana)[ana], bo: humanOrders(m, bo)[bo]},
		Submitted: []int{ana},
		Inject:    []game.Injection{news},
	}
	settings := Settings{Difficulty: "normal", Facilitator: &Facilitator{Pause: true, TimerMinutes: 5}}
	data, err := FromMatchWith(m, bo, tip, settings, "2026-11-28T10:00:00Z").Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"others"`) || !strings.Contains(string(data), `"submitted"`) {
		t.Errorf("the save lacks the other seats' orders:\n%s", data)
	}
	sv, err := DecodeSave(data)
	if err != nil {
		t.Fatal(err)
	}
	if p := sv.Preview.Actor; p != "Washington (Ana), Beijing (Bo), Abu Dhabi (Cy)" {
		t.Errorf("a hot-seat save's preview names every human seat, got %q", p)
	}
	back, player, _, err := sv.Restore(sc)
	if err != nil || player != bo {
		t.Fatalf("restore: player %d, %v", player, err)
	}
	got, err := sv.InProgress(sc, back)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []int{ana, bo} {
		if !slices.Equal(got.Pending[a], tip.Pending[a]) {
			t.Errorf("%s's orders: got %v, want %v", sc.Actors[a].ID, got.Pending[a], tip.Pending[a])
		}
	}
	if len(got.Pending[cy]) != 0 || !slices.Equal(got.Submitted, []int{ana}) || len(got.Inject) != 1 || got.Inject[0].Headline != news.Headline {
		t.Errorf("turn in progress: %+v", got)
	}
	if f := sv.Settings.Facilitator; f == nil || !f.Pause || f.TimerMinutes != 5 {
		t.Errorf("facilitator settings: %+v", f)
	}
	m.PlayWith(tip.Pending, tip.Inject)
	back.PlayWith(got.Pending, got.Inject)
	if back.State().Hash() != m.State().Hash() {
		t.Fatal("playing on from the restored save diverged")
	}
}

// TestTurnInProgressRefusesStrangers: orders for a bot seat or an unknown
// actor, or orders filed under another actor, are refused with the reason.
func TestTurnInProgressRefusesStrangers(t *testing.T) {
	m, humans := hotSeatMatch(t, 5)
	sc := m.Scenario
	sv := FromMatchWith(m, humans[0], TurnInProgress{}, Settings{}, "")
	sv.Others = map[string][]string{"meta": {"meta:open_weights"}}
	if _, err := sv.InProgress(sc, m); err == nil || !strings.Contains(err.Error(), `"meta", which is not a human seat`) {
		t.Errorf("orders for a bot seat: %v", err)
	}
	sv.Others = nil
	sv.Submitted = []string{"atlantis"}
	if _, err := sv.InProgress(sc, m); err == nil || !strings.Contains(err.Error(), "atlantis") {
		t.Errorf("an unknown actor: %v", err)
	}
	sv.Submitted = nil
	sv.Others = map[string][]string{"beijing": {"washington:tighten_controls"}}
	data, _ := sv.Encode()
	if _, err := DecodeSave(data); err == nil || !strings.Contains(err.Error(), "is an order of washington") {
		t.Errorf("orders filed under another actor: %v", err)
	}
}
