package saves

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"zerosum/text"
)

// Format version 1 was the first save format: the game's orders without
// the per-turn state hashes (so nothing could be checked on load), seats as
// "actor=human" / "actor=bot:hawk/normal" strings, and no settings or
// preview. Version 2 added the hashes, structured seats, the player's
// pending orders, settings and a preview. A version-1 file is migrated on
// load: its turns are replayed and the hashes recomputed, so it still
// resumes exactly the same game.

// saveV1 is the payload of a version-1 save.
type saveV1 struct {
	Scenario string     `json:"scenario"`
	Content  string     `json:"content"`
	Seed     uint64     `json:"seed"`
	Seats    []string   `json:"seats"`
	Player   string     `json:"player"`
	Orders   [][]string `json:"orders"` // per resolved turn
	SavedAt  string     `json:"saved_at"`
}

// migrateV1 reads a version-1 payload into the current form. The turns get
// no hashes here (unknownHash); Restore fills them in as it replays.
func migrateV1(payload []byte) (*Save, error) {
	var v1 saveV1
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v1); err != nil {
		return nil, errors.New(text.F("the save (format version 1) is damaged: %v", err))
	}
	s := &Save{Scenario: v1.Scenario, Content: v1.Content, Seed: v1.Seed, Player: v1.Player,
		SavedAt: v1.SavedAt, Turns: []ReplayTurn{}, migrated: true}
	for _, seat := range v1.Seats {
		actor, kind, ok := cutSeat(seat)
		if !ok {
			return nil, errors.New(text.F("the save (format version 1) has a seat %q that should read actor=human or actor=bot:personality/difficulty", seat))
		}
		st := Seat{Actor: actor, Kind: "human"}
		if kind != "human" {
			pers, diff, _ := strings.Cut(kind, "/")
			st = Seat{Actor: actor, Kind: "bot", Personality: pers, Difficulty: diff}
		}
		s.Seats = append(s.Seats, st)
	}
	for i, orders := range v1.Orders {
		s.Turns = append(s.Turns, ReplayTurn{Turn: i + 1, Orders: orders, Hash: unknownHash})
	}
	return s, nil
}

// unknownHash stands for a hash a migrated save did not record.
const unknownHash = "0000000000000000000000000000000000000000000000000000000000000000"

func cutSeat(s string) (actor, kind string, ok bool) {
	actor, kind, ok = strings.Cut(s, "=")
	if !ok || actor == "" {
		return "", "", false
	}
	if kind == "human" {
		return actor, kind, true
	}
	rest, found := strings.CutPrefix(kind, "bot:")
	if !found || rest == "" {
		return "", "", false
	}
	return actor, rest, true
}
