// Package saves reads and writes the files a player keeps: replays (this
// file), saves and autosaves. Every decoder here takes untrusted bytes and
// answers with a clear error, never a panic.
package saves

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"zerosum/text"

	"zerosum/game"
	"zerosum/game/match"
)

// ReplayFormat is the magic string at the top of every replay.
const ReplayFormat = "zerosum-replay"

// ReplayVersion is the version this build writes; it reads every version
// up to it. Version 2 added the text of a scenario that is not built in.
const ReplayVersion = 2

// Replay is a whole game in a small, human-readable JSON file: which
// scenario and content, the seed, who sat where, every turn's orders and the
// state hash after every turn.
type Replay struct {
	Format   string `json:"format"`
	Version  int    `json:"version"`
	Scenario string `json:"scenario"`
	Source   string `json:"source,omitempty"` // where a scenario that is not built in was loaded from: a hint, never read
	Content  string `json:"content"`          // content hash of the scenario files
	Seed     uint64 `json:"seed"`
	Seats    []Seat `json:"seats"`
	Branch   string `json:"branch,omitempty"`  // set on a what-if branch: where it left the main line
	Start    string `json:"start"`             // state hash before turn 1
	Outcome  string `json:"outcome,omitempty"` // world outcome, when the game is over
	// ScenarioFiles is the text of a scenario that is not built in, by
	// file name (version 2), so the replay plays on any machine.
	ScenarioFiles map[string]string `json:"scenario_files,omitempty"`
	Turns         []ReplayTurn      `json:"turns,omitempty"` // written last, one line per turn (see Encode)
}

// Seat says who played an actor.
type Seat struct {
	Actor       string `json:"actor"`
	Kind        string `json:"kind"` // "human" or "bot"
	Name        string `json:"name,omitempty"`
	Personality string `json:"personality,omitempty"`
	Difficulty  string `json:"difficulty,omitempty"`
}

// ReplayTurn is one resolved turn.
type ReplayTurn struct {
	Turn   int      `json:"turn"`
	Orders []string `json:"orders"`           // "actor:action" or "actor:action@target"
	Inject []string `json:"inject,omitempty"` // a facilitator's news: "event:<id>" or "news:<headline>|<ref>=<+n>;..."
	Hash   string   `json:"hash"`             // state hash after the turn
}

// FormatOrder writes an order as "actor:action" or "actor:action@target".
func FormatOrder(o game.Order) string {
	s := o.Actor + ":" + o.Action
	if o.Target != "" {
		s += "@" + o.Target
	}
	return s
}

// ParseOrder reads FormatOrder's form.
func ParseOrder(s string) (game.Order, error) {
	actor, rest, ok := strings.Cut(s, ":")
	if !ok || actor == "" || rest == "" {
		return game.Order{}, errors.New(text.F("order %q should read actor:action or actor:action@target", s))
	}
	action, target, _ := strings.Cut(rest, "@")
	if action == "" {
		return game.Order{}, errors.New(text.F("order %q has no action", s))
	}
	return game.Order{Actor: actor, Action: action, Target: target}, nil
}

// NewReplay starts a replay of a game.
func NewReplay(sc *game.Scenario, seed uint64, seats []Seat, start game.Hash) *Replay {
	return &Replay{
		Format: ReplayFormat, Version: ReplayVersion, Scenario: sc.ID, Source: sc.Source, Content: sc.ContentHash,
		Seed: seed, Seats: seats, Start: start.String(), Turns: []ReplayTurn{}, ScenarioFiles: scenarioFiles(sc),
	}
}

// scenarioFiles is the text a save or replay carries of a scenario that
// is not built in.
func scenarioFiles(sc *game.Scenario) map[string]string {
	if len(sc.SourceFiles) == 0 {
		return nil
	}
	out := make(map[string]string, len(sc.SourceFiles))
	for name, text := range sc.SourceFiles {
		out[name] = string(text)
	}
	return out
}

// Add records a resolved turn.
func (r *Replay) Add(turn int, orders []game.Order, after game.Hash) {
	r.AddWith(turn, orders, nil, after)
}

// AddWith records a resolved turn with a facilitator's injections (in
// their text form, game.Scenario.FormatInjection).
func (r *Replay) AddWith(turn int, orders []game.Order, inject []string, after game.Hash) {
	t := ReplayTurn{Turn: turn, Orders: make([]string, len(orders)), Inject: inject, Hash: after.String()}
	for i, o := range orders {
		t.Orders[i] = FormatOrder(o)
	}
	r.Turns = append(r.Turns, t)
}

// Encode writes the replay as indented JSON with each turn's orders on one
// line, so a person can read it and a diff shows which turn changed.
func (r *Replay) Encode(w io.Writer) error {
	var b bytes.Buffer
	head := *r
	head.Turns = nil
	hb, err := json.MarshalIndent(head, "", "  ")
	if err != nil {
		return err
	}
	// Splice the turns in by hand at the end: one line per turn.
	b.WriteString(strings.TrimSuffix(strings.TrimRight(string(hb), "\n"), "\n}"))
	b.WriteString(",\n  \"turns\": [")
	for i, t := range r.Turns {
		tb, err := json.Marshal(t)
		if err != nil {
			return err
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    ")
		b.Write(tb)
	}
	if len(r.Turns) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]\n}\n")
	_, err = w.Write(b.Bytes())
	return err
}

// ErrNotReplay is returned for files that are not ZERO SUM replays at all.
var ErrNotReplay error = &lazyError{func() string { return text.T("not a ZERO SUM replay") }}

// DecodeReplay reads a replay and checks its form (not its content: see
// Verify). Every failure says what is wrong in words.
func DecodeReplay(data []byte) (*Replay, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, wrap(ErrNotReplay.Error(), &wrapError{text.T("the file is empty"), ErrNotReplay})
	}
	var r Replay
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end of JSON") {
			return nil, errors.New(text.T("the replay is incomplete: the file ends too early (truncated?)"))
		}
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			if r.Format == "" && !bytes.Contains(data, []byte(ReplayFormat)) {
				return nil, wrap(ErrNotReplay.Error(), &wrapError{text.F("it is not valid JSON (%v)", err), ErrNotReplay})
			}
			return nil, errors.New(text.F("the replay is damaged at byte %d: %v", syn.Offset, err))
		}
		return nil, errors.New(text.F("the replay is damaged: %v", err))
	}
	if dec.More() {
		return nil, errors.New(text.T("the replay is damaged: unexpected data after the end"))
	}
	if r.Format != ReplayFormat {
		return nil, &wrapError{text.F("%v (its format is %q)", ErrNotReplay, r.Format), ErrNotReplay}
	}
	if r.Version > ReplayVersion {
		return nil, errors.New(text.F("the replay is format version %d, made by a newer ZERO SUM; this one reads up to version %d", r.Version, ReplayVersion))
	}
	if r.Version < 1 {
		return nil, errors.New(text.F("the replay has an invalid format version %d", r.Version))
	}
	if r.Scenario == "" {
		return nil, errors.New(text.T("the replay does not say which scenario it is"))
	}
	for _, f := range []struct {
		what, v string
		limit   int
	}{
		{text.T("the scenario id"), r.Scenario, maxID}, {text.T("the content version"), r.Content, maxID},
		{text.T("the scenario's source"), r.Source, maxPath}, {text.T("the branch"), r.Branch, maxText}, {text.T("the outcome"), r.Outcome, maxID},
	} {
		if err := checkText(f.what, f.v, f.limit); err != nil {
			return nil, errors.New(text.F("the replay is damaged: %v", err))
		}
	}
	if !isHash(r.Start) {
		return nil, errors.New(text.F("the replay's start hash %q is not a state hash", r.Start))
	}
	if err := checkSeats(text.T("the replay"), r.Seats); err != nil {
		return nil, err
	}
	if err := checkTurns(text.T("the replay"), r.Turns); err != nil {
		return nil, err
	}
	if err := checkScenarioFiles(text.T("the replay"), r.ScenarioFiles); err != nil {
		return nil, err
	}
	return &r, nil
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// Orders returns the parsed orders of a turn (1-based).
func (r *Replay) Orders(turn int) []game.Order {
	t := r.Turns[turn-1]
	out := make([]game.Order, len(t.Orders))
	for i, s := range t.Orders {
		out[i], _ = ParseOrder(s) // DecodeReplay checked them
	}
	return out
}

// ParseInjections reads a turn's injections in their text form.
func ParseInjections(sc *game.Scenario, texts []string) ([]game.Injection, error) {
	var out []game.Injection
	for _, s := range texts {
		in, err := sc.ParseInjection(s)
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

// FormatInjections writes injections in their text form.
func FormatInjections(sc *game.Scenario, ins []game.Injection) []string {
	var out []string
	for _, in := range ins {
		out = append(out, sc.FormatInjection(in))
	}
	return out
}

// MismatchError says where a replay and the engine part ways.
type MismatchError struct {
	Turn      int // 0: before turn 1
	Want, Got string
}

func (e *MismatchError) Error() string {
	where := text.F("turn %d", e.Turn)
	if e.Turn == 0 {
		where = text.T("the start (before turn 1)")
	}
	return text.F("state hash differs at %s: the file says %s, this build computes %s", where, e.Want[:12], e.Got[:12])
}

// Check says whether a replay belongs to a scenario as loaded: same id and
// same content version.
func (r *Replay) Check(sc *game.Scenario) error {
	if r.Scenario != sc.ID {
		return errors.New(text.F("the replay is of scenario %q, not %q", r.Scenario, sc.ID))
	}
	if r.Content != sc.ContentHash {
		return errors.New(text.F("the replay was recorded with content version %s of scenario %s; this build has version %s, so the game may play out differently",
			r.Content, sc.ID, sc.ContentHash))
	}
	return nil
}

// Verify re-plays the replay and stops at the first turn whose state hash
// differs, returning a *MismatchError. It returns the final state.
func (r *Replay) Verify(sc *game.Scenario) (game.State, error) {
	if err := r.Check(sc); err != nil {
		return game.State{}, err
	}
	if err := knownOrders(sc, r.Turns); err != nil {
		return game.State{}, errors.New(text.F("the replay has an order no game gives: %v", err))
	}
	st, _ := sc.NewGame(r.Seed)
	if h := st.Hash().String(); h != r.Start {
		return st, &MismatchError{Turn: 0, Want: r.Start, Got: h}
	}
	for i, t := range r.Turns {
		if st.Over {
			return st, errors.New(text.F("the replay goes on after the game ended (turn %d)", t.Turn))
		}
		inject, err := ParseInjections(sc, t.Inject)
		if err != nil {
			return st, errors.New(text.F("turn %d: %v", t.Turn, err))
		}
		st, _ = sc.ResolveWith(&st, r.Orders(i+1), inject)
		if h := st.Hash().String(); h != t.Hash {
			return st, &MismatchError{Turn: t.Turn, Want: t.Hash, Got: h}
		}
	}
	return st, nil
}

// Restore rebuilds the match a replay records, with its seats and branch,
// replaying every turn and checking its state hash as Verify does: a replay
// of another scenario or content version is refused with the reason, and
// one whose hashes differ from this build's rules with a *MismatchError
// naming the turn.
func (r *Replay) Restore(sc *game.Scenario) (*match.Match, error) {
	if err := r.Check(sc); err != nil {
		return nil, err
	}
	if err := knownOrders(sc, r.Turns); err != nil {
		return nil, errors.New(text.F("the replay has an order no game gives: %v", err))
	}
	seats, err := matchSeats(sc, r.Seats, text.T("the replay"))
	if err != nil {
		return nil, err
	}
	m, err := match.New(sc, r.Seed, seats)
	if err != nil {
		return nil, err
	}
	m.Branch = r.Branch
	if h := m.States[0].Hash().String(); h != r.Start {
		return nil, &MismatchError{Turn: 0, Want: r.Start, Got: h}
	}
	for i, t := range r.Turns {
		if m.Over() {
			return nil, errors.New(text.F("the replay goes on after the game ended (turn %d)", t.Turn))
		}
		// A facilitator's news is part of the turn, as in Verify.
		inject, err := ParseInjections(sc, t.Inject)
		if err != nil {
			return nil, errors.New(text.F("turn %d: %v", t.Turn, err))
		}
		m.ApplyWith(r.Orders(i+1), inject)
		if h := m.Turns[i].Hash.String(); h != t.Hash {
			return nil, &MismatchError{Turn: t.Turn, Want: t.Hash, Got: h}
		}
	}
	return m, nil
}
