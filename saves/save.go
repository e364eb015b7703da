package saves

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"zerosum/text"

	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
)

// SaveMagic starts the first line of every save file.
const SaveMagic = "zerosum-save"

// SaveVersion is the save format this build writes. Version 1 files are
// migrated on load (see migrate.go); versions 2 to 5 are read as they are
// (version 3 only added optional fields for hot seat and the facilitator,
// version 4 the text of a scenario that is not built in, version 5 the
// guided game's setting, version 6 the ending's id in the preview, so that
// a list of saves names it in the reader's language).
const SaveVersion = 6

// Save is a game that can be resumed exactly: the scenario and its content
// version, the seed, who sits where, every resolved turn's orders with the
// state hash after it (the world is recomputed from them and checked turn
// by turn on load), the orders the player had chosen but not yet submitted,
// and the settings. A save file is a header line (magic, format version,
// content hash, SHA-256 of the payload) followed by the payload as JSON.
type Save struct {
	Scenario string       `json:"scenario"`
	Source   string       `json:"source,omitempty"` // where a scenario that is not built in was loaded from: a hint, never read
	Content  string       `json:"content"`
	Seed     uint64       `json:"seed"`
	Seats    []Seat       `json:"seats"`
	Player   string       `json:"player"`           // the actor whose screens were shown
	Branch   string       `json:"branch,omitempty"` // set on a what-if branch
	Turns    []ReplayTurn `json:"turns"`
	Pending  []string     `json:"pending,omitempty"` // the player's orders not yet submitted
	// Version 3: a turn in progress in a hot-seat game. Others holds the
	// other human seats' orders not yet resolved (by actor id; Pending
	// stays the Player's, as version 2 had it), Submitted the human seats
	// that have handed in their orders this turn, and Inject the news a
	// facilitator has queued for this turn.
	Others    map[string][]string `json:"others,omitempty"`
	Submitted []string            `json:"submitted,omitempty"`
	Inject    []string            `json:"inject,omitempty"`
	Settings  Settings            `json:"settings"`
	SavedAt   string              `json:"saved_at"` // RFC 3339, from the caller's clock
	Preview   Preview             `json:"preview"`  // for lists of saves; recomputed on load
	// Version 4: the text of a scenario that is not built in, by file
	// name (game.Scenario.SourceFiles), so the save resumes on any
	// machine; see content.LoadRecorded.
	ScenarioFiles map[string]string `json:"scenario_files,omitempty"`

	migrated bool // read from an older format: hashes are filled in by Restore
}

// Settings are the player's choices that are not part of the world.
type Settings struct {
	Theme      string `json:"theme,omitempty"`
	Difficulty string `json:"difficulty,omitempty"`
	// Facilitator is set when a facilitator runs the game (version 3).
	Facilitator *Facilitator `json:"facilitator,omitempty"`
	// Guided is set in the guided first game: it resumes with its guide
	// (version 5).
	Guided bool `json:"guided,omitempty"`
}

// Facilitator is how a facilitator runs the game: whether resolution
// waits for them once every player has submitted, and the minutes each
// player has for their orders (0: no timer).
type Facilitator struct {
	Pause        bool `json:"pause,omitempty"`
	TimerMinutes int  `json:"timer_minutes,omitempty"`
}

// TurnInProgress is the part of a turn a save keeps besides the resolved
// turns: every human seat's orders not yet resolved (by actor index), the
// seats that have submitted them, and a facilitator's queued news.
type TurnInProgress struct {
	Pending   map[int][]game.Order
	Submitted []int
	Inject    []game.Injection
}

// Preview is what a list of saves shows without replaying the game.
type Preview struct {
	Title   string `json:"title"` // scenario title
	Actor   string `json:"actor"` // display name of the player's actor
	Turn    int    `json:"turn"`  // the turn awaiting orders
	Date    string `json:"date"`  // "H2 2026"
	Score   int    `json:"score"` // the player's score as far as they can tell
	Over    bool   `json:"over"`
	Outcome string `json:"outcome,omitempty"`
	// OutcomeID is the ending's id: the preview's words (title, actor,
	// date, ending) are in the language the game was saved in, and a
	// reader in another language names them from the scenario and these
	// ids instead (the save's Scenario and Player, Turn, OutcomeID).
	OutcomeID string `json:"outcome_id,omitempty"`
}

// FromMatch captures a match.
func FromMatch(m *match.Match, player int, pending []game.Order, settings Settings, savedAt string) *Save {
	sc := m.Scenario
	s := &Save{
		Scenario: sc.ID, Source: sc.Source, Content: sc.ContentHash, Seed: m.Seed, Player: sc.Actors[player].ID,
		Branch: m.Branch, Turns: []ReplayTurn{}, Settings: settings, SavedAt: savedAt,
		ScenarioFiles: scenarioFiles(sc),
	}
	for a, seat := range m.Seats {
		s.Seats = append(s.Seats, SeatOf(sc, a, seat))
	}
	for i, t := range m.Turns {
		rt := ReplayTurn{Turn: i + 1, Orders: make([]string, len(t.Orders)), Inject: FormatInjections(sc, t.Inject), Hash: t.Hash.String()}
		for k, o := range t.Orders {
			rt.Orders[k] = FormatOrder(o)
		}
		s.Turns = append(s.Turns, rt)
	}
	for _, o := range pending {
		s.Pending = append(s.Pending, FormatOrder(o))
	}
	s.Preview = PreviewOf(m, player)
	return s
}

// FromMatchWith captures a match with a turn in progress in which several
// humans may have orders: the player's go where a version-2 save kept
// them, the other seats' into Others.
func FromMatchWith(m *match.Match, player int, tip TurnInProgress, settings Settings, savedAt string) *Save {
	sc := m.Scenario
	s := FromMatch(m, player, tip.Pending[player], settings, savedAt)
	for _, a := range m.Humans() {
		if a == player || len(tip.Pending[a]) == 0 {
			continue
		}
		if s.Others == nil {
			s.Others = map[string][]string{}
		}
		for _, o := range tip.Pending[a] {
			s.Others[sc.Actors[a].ID] = append(s.Others[sc.Actors[a].ID], FormatOrder(o))
		}
	}
	for _, a := range tip.Submitted {
		s.Submitted = append(s.Submitted, sc.Actors[a].ID)
	}
	s.Inject = FormatInjections(sc, tip.Inject)
	switch len(m.Humans()) {
	case 0:
		s.Preview.Actor = "bots only"
	case 1:
	default:
		s.Preview.Actor = humanNames(m)
	}
	return s
}

// humanNames lists a match's human seats for a list of saves:
// "Washington (Ana), Beijing (Bo)".
func humanNames(m *match.Match) string {
	var names []string
	for _, a := range m.Humans() {
		n := m.Scenario.Actors[a].Name
		if s := m.Seats[a]; s.Name != "" {
			n += " (" + s.Name + ")"
		}
		names = append(names, n)
	}
	return strings.Join(names, ", ")
}

// InProgress reads the turn in progress a save holds, for a match
// restored from it: every human seat's pending orders (the Player's
// included), who has submitted, and the queued news. A version-2 save has
// only the Player's orders. Orders of an actor that is not a human seat
// are refused.
func (s *Save) InProgress(sc *game.Scenario, m *match.Match) (TurnInProgress, error) {
	tip := TurnInProgress{Pending: map[int][]game.Order{}}
	seat := func(id, what string) (int, error) {
		a, ok := sc.ActorIndex(id)
		if !ok || !m.Seats[a].Human {
			return 0, errors.New(text.F("the save has %s for %q, which is not a human seat of %s", what, id, sc.ID))
		}
		return a, nil
	}
	p, ok := sc.ActorIndex(s.Player)
	if ok {
		for _, o := range s.Pending {
			ord, _ := ParseOrder(o) // checked by DecodeSave
			tip.Pending[p] = append(tip.Pending[p], ord)
		}
	}
	ids := make([]string, 0, len(s.Others))
	for id := range s.Others {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		a, err := seat(id, text.T("pending orders"))
		if err != nil {
			return TurnInProgress{}, err
		}
		if ok && a == p {
			return TurnInProgress{}, errors.New(text.T("the save has the player's pending orders twice"))
		}
		for _, o := range s.Others[id] {
			ord, _ := ParseOrder(o)
			tip.Pending[a] = append(tip.Pending[a], ord)
		}
		if err := allowed(sc, m, a, tip.Pending[a]); err != nil {
			return TurnInProgress{}, err
		}
	}
	for _, id := range s.Submitted {
		a, err := seat(id, text.T("submitted orders"))
		if err != nil {
			return TurnInProgress{}, err
		}
		if slices.Contains(tip.Submitted, a) {
			return TurnInProgress{}, errors.New(text.F("the save has %s submitting twice", id))
		}
		tip.Submitted = append(tip.Submitted, a)
	}
	in, err := ParseInjections(sc, s.Inject)
	if err != nil {
		return TurnInProgress{}, errors.New(text.F("the queued news: %v", err))
	}
	tip.Inject = in
	return tip, nil
}

// SeatOf describes a match seat for a file.
func SeatOf(sc *game.Scenario, a int, seat match.Seat) Seat {
	if seat.Human {
		return Seat{Actor: sc.Actors[a].ID, Kind: "human", Name: seat.Name}
	}
	return Seat{Actor: sc.Actors[a].ID, Kind: "bot", Personality: seat.Bot.Personality.String(), Difficulty: seat.Bot.Difficulty.String()}
}

// PreviewOf summarises a match for a list of saves.
func PreviewOf(m *match.Match, player int) Preview {
	sc, st := m.Scenario, m.State()
	v := sc.View(st, player, false)
	// The date is written in English whatever the game's language (a
	// reader writes it in theirs); the names are the scenario's, and a
	// reader of a built-in scenario takes them from its ids instead.
	half, year := sc.HalfYear(min(st.Turn, sc.Turns))
	p := Preview{Title: sc.Title, Actor: sc.Actors[player].Name, Turn: st.Turn, Date: fmt.Sprintf(game.English.Half[half-1], year),
		Score: sc.Score(&v, player).Total, Over: st.Over}
	if st.Over {
		half, year := sc.HalfYear(sc.Turns)
		p.Date = "end of " + fmt.Sprintf(game.English.Half[half-1], year)
		if i := sc.OutcomeIndex(st); i >= 0 {
			p.Outcome, p.OutcomeID = sc.Outcomes[i].Name, sc.Outcomes[i].ID
		}
	}
	return p
}

// Encode writes the save: the header line, then the payload.
func (s *Save) Encode() ([]byte, error) {
	payload, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	payload = append(payload, '\n')
	sum := checksum(payload)
	head := fmt.Sprintf("%s %d content=%s sha256=%s\n", SaveMagic, SaveVersion, s.Content, sum)
	return append([]byte(head), payload...), nil
}

// checksum is the hex SHA-256 of a payload.
func checksum(payload []byte) string {
	sum := sha256.Sum256(payload)
	return hex.EncodeToString(sum[:])
}

// ErrNotSave is returned for files that are not ZERO SUM saves at all.
var ErrNotSave error = &lazyError{func() string { return text.T("not a ZERO SUM save") }}

// DecodeSave reads a save file of this version or an older one, checking
// the header, the checksum and the form of the payload. Every failure says
// what is wrong in words; nothing here panics on any input.
func DecodeSave(data []byte) (*Save, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, wrap(ErrNotSave.Error(), &wrapError{text.T("the file is empty"), ErrNotSave})
	}
	head, payload, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		if bytes.HasPrefix(data, []byte(SaveMagic)) {
			return nil, errors.New(text.T("the save is incomplete: it ends inside its first line (truncated?)"))
		}
		return nil, fmt.Errorf("%w", ErrNotSave)
	}
	fields := strings.Fields(string(head))
	if len(fields) < 2 || fields[0] != SaveMagic {
		return nil, ErrNotSave
	}
	version, err := strconv.Atoi(fields[1])
	if err != nil || version < 1 {
		return nil, errors.New(text.F("the save's format version %q is not a number", fields[1]))
	}
	if version > SaveVersion {
		return nil, errors.New(text.F("the save is format version %d, made by a newer ZERO SUM; this one reads versions 1 to %d", version, SaveVersion))
	}
	want := ""
	for _, f := range fields[2:] {
		if v, ok := strings.CutPrefix(f, "sha256="); ok {
			want = v
		}
	}
	if want == "" {
		return nil, errors.New(text.T("the save's header has no checksum"))
	}
	if checksum(payload) != want {
		if len(payload) == 0 || !bytes.HasSuffix(bytes.TrimRight(payload, "\n"), []byte("}")) {
			return nil, errors.New(text.T("the save is incomplete: the file ends too early (truncated?)"))
		}
		return nil, errors.New(text.T("the save is damaged: its checksum does not match its contents"))
	}
	var s *Save
	switch version {
	case 1:
		s, err = migrateV1(payload)
	default:
		s, err = decodePayload(payload)
	}
	if err != nil {
		return nil, err
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	return s, nil
}

// Migrated reports whether the save was read from an older format.
func (s *Save) Migrated() bool { return s.migrated }

func decodePayload(payload []byte) (*Save, error) {
	var s Save
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, errors.New(text.F("the save is damaged: %v", err))
	}
	if dec.More() {
		return nil, errors.New(text.T("the save is damaged: unexpected data after the end"))
	}
	return &s, nil
}

// check verifies the form of a decoded save and bounds everything in it
// (see limits.go); Restore checks it against the scenario.
func (s *Save) check() error {
	if s.Scenario == "" {
		return errors.New(text.T("the save does not say which scenario it is"))
	}
	if len(s.Seats) == 0 {
		return errors.New(text.T("the save has no seats"))
	}
	for _, f := range []struct {
		what, v string
		limit   int
	}{
		{text.T("the scenario id"), s.Scenario, maxID}, {text.T("the content version"), s.Content, maxID},
		{text.T("the player"), s.Player, maxID}, {text.T("the scenario's source"), s.Source, maxPath},
		{text.T("the branch"), s.Branch, maxText}, {text.T("the time of saving"), s.SavedAt, maxText},
		{text.T("the theme"), s.Settings.Theme, maxID}, {text.T("the difficulty"), s.Settings.Difficulty, maxID},
		{text.T("the preview's title"), s.Preview.Title, maxText}, {text.T("the preview's actor"), s.Preview.Actor, maxText},
		{text.T("the preview's date"), s.Preview.Date, maxText}, {text.T("the preview's outcome"), s.Preview.Outcome, maxText},
	} {
		if err := checkText(f.what, f.v, f.limit); err != nil {
			return errors.New(text.F("the save is damaged: %v", err))
		}
	}
	if err := checkSeats(text.T("the save"), s.Seats); err != nil {
		return err
	}
	if !slices.ContainsFunc(s.Seats, func(st Seat) bool { return st.Actor == s.Player }) {
		return errors.New(text.F("the save's player %q has no seat", s.Player))
	}
	if err := checkTurns(text.T("the save"), s.Turns); err != nil {
		return err
	}
	if err := s.checkInProgress(); err != nil {
		return err
	}
	if f := s.Settings.Facilitator; f != nil && (f.TimerMinutes < 0 || f.TimerMinutes > MaxTimerMinutes) {
		return errors.New(text.F("the save's order timer is %d minutes; it may be 0 (off) to %d", f.TimerMinutes, MaxTimerMinutes))
	}
	return checkScenarioFiles(text.T("the save"), s.ScenarioFiles)
}

// checkInProgress checks the form of the turn in progress: each seat's
// pending orders are its own and few enough, each seat submits once.
func (s *Save) checkInProgress() error {
	if err := checkOrders(text.T("pending orders"), s.Pending, maxPending); err != nil {
		return err
	}
	for _, o := range s.Pending {
		if ord, _ := ParseOrder(o); ord.Actor != s.Player {
			return errors.New(text.F("pending orders of %s: %q is an order of %s", s.Player, o, ord.Actor))
		}
	}
	if len(s.Others) > maxSeats || len(s.Submitted) > maxSeats {
		return errors.New(text.F("the save's turn in progress has more seats than the %d allowed", maxSeats))
	}
	for id, orders := range s.Others {
		if err := checkOrders(text.F("pending orders of %s", id), orders, maxPending); err != nil {
			return err
		}
		for _, o := range orders {
			if ord, _ := ParseOrder(o); ord.Actor != id {
				return errors.New(text.F("pending orders of %s: %q is an order of %s", id, o, ord.Actor))
			}
		}
	}
	return checkInject(text.T("the queued news"), s.Inject)
}

// allowed checks a seat's pending orders as the engine would resolve
// them now: known actions, targets, action points and capital.
func allowed(sc *game.Scenario, m *match.Match, actor int, orders []game.Order) error {
	if len(orders) > 0 && m.Over() {
		return errors.New(text.F("the save has pending orders for %s after the game ended", sc.Actors[actor].ID))
	}
	for i, err := range sc.Validate(m.State(), actor, orders) {
		if err != nil {
			return errors.New(text.F("the save's pending order %s cannot be given: %v", FormatOrder(orders[i]), err))
		}
	}
	return nil
}

// Restore rebuilds the match a save describes, replaying every turn and
// checking its state hash, and returns it with the player's actor and the
// orders they had chosen. A save whose hashes do not match this build's
// rules is refused with the reason and the turn. A save made with another
// content version of the scenario (a corrected text, say) restores when
// every turn's state hash still matches, since that proves the game plays
// out exactly as before; otherwise the error names both versions.
func (s *Save) Restore(sc *game.Scenario) (*match.Match, int, []game.Order, error) {
	if s.Scenario != sc.ID {
		return nil, 0, nil, errors.New(text.F("the save is of scenario %q, not %q", s.Scenario, sc.ID))
	}
	otherContent := s.Content != sc.ContentHash
	if otherContent && s.migrated {
		// An older format recorded no hashes: nothing proves the game
		// would play out the same.
		return nil, 0, nil, errors.New(text.F("the save was made with content version %s of scenario %s; this build has version %s, so the game cannot be resumed exactly",
			s.Content, sc.ID, sc.ContentHash))
	}
	seats, err := matchSeats(sc, s.Seats, text.T("the save"))
	if err != nil {
		return nil, 0, nil, err
	}
	player, ok := sc.ActorIndex(s.Player)
	if !ok {
		return nil, 0, nil, errors.New(text.F("the save's player %q is not an actor of %s", s.Player, sc.ID))
	}
	if err := knownOrders(sc, s.Turns); err != nil {
		return nil, 0, nil, errors.New(text.F("the save has an order no game gives: %v", err))
	}
	m, err := match.New(sc, s.Seed, seats)
	if err != nil {
		return nil, 0, nil, err
	}
	m.Branch = s.Branch
	for i, t := range s.Turns {
		if m.Over() {
			return nil, 0, nil, errors.New(text.F("the save goes on after the game ended (turn %d)", t.Turn))
		}
		orders := make([]game.Order, len(t.Orders))
		for k, o := range t.Orders {
			orders[k], _ = ParseOrder(o) // checked by DecodeSave
		}
		inject, err := ParseInjections(sc, t.Inject)
		if err != nil {
			return nil, 0, nil, errors.New(text.F("turn %d: %v", t.Turn, err))
		}
		m.ApplyWith(orders, inject)
		h := m.Turns[i].Hash.String()
		if s.migrated && t.Hash == unknownHash {
			s.Turns[i].Hash = h // an older format did not record it
			continue
		}
		if h != t.Hash {
			if otherContent {
				return nil, 0, nil, errors.New(text.F("the save was made with content version %s of scenario %s; this build has version %s, and the game plays out differently from turn %d, so it cannot be resumed exactly",
					s.Content, sc.ID, sc.ContentHash, t.Turn))
			}
			return nil, 0, nil, &MismatchError{Turn: t.Turn, Want: t.Hash, Got: h}
		}
	}
	var pending []game.Order
	for _, o := range s.Pending {
		ord, _ := ParseOrder(o)
		pending = append(pending, ord)
	}
	if err := allowed(sc, m, player, pending); err != nil {
		return nil, 0, nil, err
	}
	return m, player, pending, nil
}

// matchSeats turns a file's seats into a match's, one per actor of the
// scenario; what names the file ("save", "replay") in the errors.
func matchSeats(sc *game.Scenario, fileSeats []Seat, what string) ([]match.Seat, error) {
	seats := make([]match.Seat, len(sc.Actors))
	seen := make([]bool, len(sc.Actors))
	for _, st := range fileSeats {
		a, ok := sc.ActorIndex(st.Actor)
		if !ok {
			return nil, errors.New(text.F("%s seats %q, who is not an actor of %s", what, st.Actor, sc.ID))
		}
		seat, err := st.matchSeat()
		if err != nil {
			return nil, err
		}
		seats[a], seen[a] = seat, true
	}
	for a, ok := range seen {
		if !ok {
			return nil, errors.New(text.F("%s does not say who plays %s", what, sc.Actors[a].ID))
		}
	}
	return seats, nil
}

// matchSeat turns a file's seat into a match seat.
func (s Seat) matchSeat() (match.Seat, error) {
	switch s.Kind {
	case "human":
		return match.Seat{Human: true, Name: s.Name}, nil
	case "bot":
		p, err := bot.ParsePersonality(s.Personality)
		if err != nil {
			return match.Seat{}, errors.New(text.F("seat %s: %v", s.Actor, err))
		}
		d, err := bot.ParseDifficulty(s.Difficulty)
		if err != nil {
			return match.Seat{}, errors.New(text.F("seat %s: %v", s.Actor, err))
		}
		return match.Seat{Bot: bot.Bot{Personality: p, Difficulty: d}}, nil
	}
	return match.Seat{}, errors.New(text.F("seat %s: kind %q should be human or bot", s.Actor, s.Kind))
}

// MatchReplay is the replay of a match so far.
func MatchReplay(m *match.Match) *Replay {
	sc := m.Scenario
	seats := make([]Seat, len(m.Seats))
	for a, seat := range m.Seats {
		seats[a] = SeatOf(sc, a, seat)
	}
	r := NewReplay(sc, m.Seed, seats, m.States[0].Hash())
	r.Branch = m.Branch
	for i, t := range m.Turns {
		r.AddWith(i+1, t.Orders, FormatInjections(sc, t.Inject), t.Hash)
	}
	if m.Over() {
		r.Outcome = m.State().Outcome
	}
	return r
}
