package saves

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zerosum/game"
)

// TestSaveContentsAreChecked: a save whose checksum matches is still
// refused, with a reason, when what it holds is not what a game writes:
// unknown orders, seats twice, too many orders, more orders than the action
// points allow, a timer out of range. Each file is encoded with a valid
// checksum, as a hostile one would be.
func TestSaveContentsAreChecked(t *testing.T) {
	sc := scenario(t)
	m, a := newMatch(t, sc, 5, "washington")
	m.Play(humanOrders(m, a))
	fresh := func() *Save { return FromMatch(m, a, nil, Settings{}, "2026-12-01T10:00:00Z") }
	many := func(n int, order string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = order
		}
		return out
	}
	cases := []struct {
		name   string
		change func(s *Save)
		want   string
	}{
		{"unknown pending order", func(s *Save) { s.Pending = []string{"washington:nuke@mars"} }, `no action "nuke"`},
		{"unknown order in a turn", func(s *Save) { s.Turns[0].Orders = append(s.Turns[0].Orders, "washington:nuke@mars") }, "no game gives"},
		{"unknown target", func(s *Save) { s.Turns[0].Orders = append(s.Turns[0].Orders, "washington:tighten_controls@mars") }, "no game gives"},
		{"another actor's action", func(s *Save) { s.Turns[0].Orders = append(s.Turns[0].Orders, "washington:digital_silk_road@india") }, "no game gives"},
		{"seat twice", func(s *Save) { s.Seats = append(s.Seats, s.Seats[0]) }, "twice"},
		{"too many pending orders", func(s *Save) { s.Pending = many(maxPending+1, "washington:tighten_controls") }, "at most 64"},
		{"more orders than action points", func(s *Save) { s.Pending = many(maxPending, "washington:tighten_controls") }, "cannot be given"},
		{"pending order of another actor", func(s *Save) { s.Pending = []string{"beijing:digital_silk_road@india"} }, "an order of beijing"},
		{"timer overflow", func(s *Save) { s.Settings.Facilitator = &Facilitator{TimerMinutes: 200_000_000} }, "order timer"},
		{"negative timer", func(s *Save) { s.Settings.Facilitator = &Facilitator{TimerMinutes: -1} }, "order timer"},
		{"too many turns", func(s *Save) {
			for len(s.Turns) <= maxTurns {
				s.Turns = append(s.Turns, ReplayTurn{Turn: len(s.Turns) + 1, Hash: zeros})
			}
		}, "turns"},
		{"long name", func(s *Save) { s.Seats[a].Name = strings.Repeat("A", maxText+1) }, "characters"},
		{"player without a seat", func(s *Save) { s.Player = "nobody" }, "has no seat"},
		{"submitted twice", func(s *Save) { s.Submitted = []string{"washington", "washington"} }, "twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := fresh()
			c.change(s)
			data, err := s.Encode()
			if err != nil {
				t.Fatal(err)
			}
			err = restoreAll(sc, data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
	// The unchanged save passes every check.
	data, _ := fresh().Encode()
	if err := restoreAll(sc, data); err != nil {
		t.Fatalf("a good save is refused: %v", err)
	}
}

// restoreAll decodes and restores a save as loading it in the game does.
func restoreAll(sc *game.Scenario, data []byte) error {
	s, err := DecodeSave(data)
	if err != nil {
		return err
	}
	m, _, _, err := s.Restore(sc)
	if err != nil {
		return err
	}
	_, err = s.InProgress(sc, m)
	return err
}

// TestReplayRestorePlaysInjectedNews: the match a replay restores (what
// report and the game's replay viewer show) is the game Verify checks,
// facilitator news included.
func TestReplayRestorePlaysInjectedNews(t *testing.T) {
	sc := scenario(t)
	m, a := newMatch(t, sc, 6, "washington")
	news, _ := sc.ParseInjection("news:Cable cut off Matsu|tension=+1;taipei.security=-2")
	m.PlayWith(humanOrders(m, a), []game.Injection{news})
	for !m.Over() {
		m.Play(humanOrders(m, a))
	}
	var b bytes.Buffer
	MatchReplay(m).Encode(&b)
	r, err := DecodeReplay(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	final, err := r.Verify(sc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := r.Restore(sc)
	if err != nil {
		t.Fatalf("a replay that verifies does not restore: %v", err)
	}
	if back.State().Hash() != final.Hash() || back.State().Outcome != final.Outcome {
		t.Fatalf("restore and verify play different games: %s vs %s", back.State().Hash().Short(), final.Hash().Short())
	}
}

// TestGlobCharactersInTheDataDirectory: a data directory whose path holds
// *, ? or [ ] is taken literally: its autosaves are numbered and listed,
// and other folders that such a pattern would match lose nothing.
func TestGlobCharactersInTheDataDirectory(t *testing.T) {
	sv, _ := twoSaves(t)
	for _, name := range []string{"*", "[x]", "a?c"} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			// Neighbours a glob of the name would match.
			other, err := Open(filepath.Join(parent, map[string]string{"*": "other", "[x]": "x", "a?c": "abc"}[name]))
			if err != nil {
				t.Fatal(err)
			}
			other.keep = 100
			for range 9 {
				if err := other.Autosave(sv); err != nil {
					t.Fatal(err)
				}
			}
			leftover := filepath.Join(other.Dir, autoDir, ".auto-000010.zsave"+tempInfix+"123")
			os.WriteFile(leftover, []byte("a write under way"), 0o644)

			st, err := Open(filepath.Join(parent, name))
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				if err := st.Autosave(sv); err != nil {
					t.Fatal(err)
				}
			}
			if got := len(other.autosaves()); got != 9 {
				t.Errorf("the other folder has %d autosaves, want 9", got)
			}
			if _, err := os.Stat(leftover); err != nil {
				t.Errorf("the other folder's temporary file was removed: %v", err)
			}
			var names []string
			for _, e := range st.List() {
				names = append(names, e.Name)
			}
			if want := "auto-000003 auto-000002 auto-000001 last-good"; strings.Join(names, " ") != want {
				t.Errorf("listed %v, want %s", names, want)
			}
		})
	}
}

// diskFullOps is the real file system, except that writing the
// last-known-good copy fails as on a full disk.
type diskFullOps struct{ osOps }

var errDiskFull = errors.New("no space left on device")

func (diskFullOps) CreateTemp(dir, pattern string) (tempFile, error) {
	if strings.Contains(pattern, lastGoodName) {
		return nil, errDiskFull
	}
	return osOps{}.CreateTemp(dir, pattern)
}

// TestFullDiskStillPrunes: when the last-known-good copy cannot be
// written, the autosave reports it, and old autosaves are still pruned to
// KeepAutosaves.
func TestFullDiskStillPrunes(t *testing.T) {
	sv, _ := twoSaves(t)
	st, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	st.ops = diskFullOps{}
	for i := range KeepAutosaves + 3 {
		if err := st.Autosave(sv); !errors.Is(err, errDiskFull) {
			t.Fatalf("autosave %d: got %v, want the full disk reported", i+1, err)
		}
	}
	autos := st.autosaves()
	if len(autos) != KeepAutosaves || autos[0].seq != KeepAutosaves+3 {
		t.Fatalf("%d autosaves kept, newest %d; want %d, newest %d", len(autos), autos[0].seq, KeepAutosaves, KeepAutosaves+3)
	}
}

// TestWriteNewNeverReplaces: WriteNew writes a new file and refuses an
// existing one, leaving it as it was.
func TestWriteNewNeverReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.md")
	if err := WriteNew(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(path, []byte("second"))
	if data, _ := os.ReadFile(path); !errors.Is(err, os.ErrExist) || string(data) != "first" {
		t.Fatalf("WriteNew over an existing file: %v, file now %q", err, data)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}
