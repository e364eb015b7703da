package saves

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"zerosum/text"

	"github.com/adrg/xdg"

	"zerosum/untrusted"
)

// File names and folders under the data directory.
const (
	saveExt      = ".zsave"
	slotsDir     = "saves"
	autoDir      = "autosaves"
	replaysDir   = "replays"
	lastGoodName = "last-good" + saveExt
	autoPrefix   = "auto-"
	replayExt    = ".replay.json"
	// KeepAutosaves is how many autosaves are kept besides the last-known-good copy.
	KeepAutosaves = 5
)

// DefaultDir is where saves live: $ZEROSUM_HOME if set, otherwise the
// user's data directory (XDG_DATA_HOME on Linux, ~/.local/share by default)
// plus "zerosum".
func DefaultDir() (string, error) {
	if d := os.Getenv("ZEROSUM_HOME"); d != "" {
		return d, nil
	}
	if xdg.DataHome == "" {
		return "", errors.New(text.T("cannot find a data directory: set ZEROSUM_HOME or use --data-dir"))
	}
	return filepath.Join(xdg.DataHome, "zerosum"), nil
}

// Store keeps saves, autosaves and replays in one data directory. Several
// games (processes) may share one: every write takes the directory's lock
// (see lock.go), so autosave numbers never collide and a starting game
// never sweeps away the temporary file of a write under way.
type Store struct {
	Dir  string
	ops  fileOps
	keep int // autosaves kept besides the last-known-good copy
}

// Open prepares a data directory (creating its folders) and sweeps away
// temporary files a crashed write left behind.
func Open(dir string) (*Store, error) {
	s := &Store{Dir: dir, ops: osOps{}, keep: KeepAutosaves}
	for _, sub := range []string{slotsDir, autoDir, replaysDir} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, wrap(text.F("cannot use data directory %s", dir), err)
		}
	}
	// Under the lock, no other game is writing: every temporary file is
	// a crashed write's. Without the lock (another game is busy for long,
	// or the folder is read-only) the files stay for a later start.
	s.locked(func() error {
		for _, sub := range []string{slotsDir, autoDir, replaysDir} {
			for _, name := range names(filepath.Join(dir, sub)) {
				if isTemp(name) {
					os.Remove(filepath.Join(dir, sub, name))
				}
			}
		}
		return nil
	})
	return s, nil
}

// names lists the file names in a folder, sorted; none if it cannot be
// read. Names are matched by hand, never by filepath.Glob: the folder's
// own path may hold *, ? or [ and must be taken literally.
func names(dir string) []string {
	entries, _ := os.ReadDir(dir)
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// isTemp reports whether a file name is a temporary file of writeAtomic.
func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tempInfix)
}

// Kind says what sort of save an entry is.
type Kind string

// The kinds of save.
const (
	KindSlot     Kind = "save"
	KindAutosave Kind = "autosave"
	KindLastGood Kind = "last good autosave"
)

// Entry is one save file as a list shows it. A file that cannot be read is
// listed with its error, so the player sees it is there and why it is not
// offered.
type Entry struct {
	Name    string // slot name, or the autosave's file name
	Path    string
	Kind    Kind
	Save    *Save // nil when Err is set
	Err     error
	ModTime string // RFC 3339, from the file system
}

// ValidSlot checks a save name: letters, digits, spaces, '-' and '_', at
// most 40 characters, so it is also a safe file name.
func ValidSlot(name string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New(text.T("a save needs a name"))
	}
	if len([]rune(name)) > 40 {
		return errors.New(text.T("a save name has at most 40 characters"))
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ' || r == '-' || r == '_') {
			return errors.New(text.F("a save name may hold letters, digits, spaces, - and _ (not %q)", r))
		}
	}
	if strings.HasPrefix(name, autoPrefix) || name+saveExt == lastGoodName {
		return &wrapError{msg: text.F("%q is reserved for autosaves", name), err: ErrReservedName}
	}
	return nil
}

func (s *Store) slotPath(name string) string { return filepath.Join(s.Dir, slotsDir, name+saveExt) }

// SaveSlot writes a named save, replacing any save of that name atomically.
func (s *Store) SaveSlot(name string, sv *Save) error {
	if err := ValidSlot(name); err != nil {
		return err
	}
	data, err := sv.Encode()
	if err != nil {
		return err
	}
	return s.locked(func() error { return writeAtomic(s.ops, s.slotPath(name), data) })
}

// Autosave writes the next autosave, keeps the newest KeepAutosaves, and,
// once the new file has been read back and found whole, copies it to the
// last-known-good autosave. It holds the data directory's lock throughout,
// so two games never take the same number and the last-known-good copy is
// always the newest autosave.
func (s *Store) Autosave(sv *Save) error {
	data, err := sv.Encode()
	if err != nil {
		return err
	}
	return s.locked(func() error {
		autos := s.autosaves()
		next := 1
		if len(autos) > 0 {
			next = autos[0].seq + 1
		}
		path := filepath.Join(s.Dir, autoDir, fmt.Sprintf("%s%06d%s", autoPrefix, next, saveExt))
		if err := writeAtomic(s.ops, path, data); err != nil {
			return err
		}
		back, err := untrusted.ReadFile(path, MaxFileBytes)
		if err == nil {
			_, err = DecodeSave(back)
		}
		if err != nil {
			return wrap(text.T("the autosave did not read back whole"), err)
		}
		// The new autosave is whole, so the old ones can go even when the
		// copy fails (a full disk): the rotation must not stop with it.
		lastGood := writeAtomic(s.ops, filepath.Join(s.Dir, autoDir, lastGoodName), data)
		autos = s.autosaves()
		for _, old := range autos[min(len(autos), s.keep):] {
			s.ops.Remove(old.path)
		}
		return lastGood
	})
}

type autoFile struct {
	seq  int
	path string
}

// autosaves lists the numbered autosaves, newest first.
func (s *Store) autosaves() []autoFile {
	dir := filepath.Join(s.Dir, autoDir)
	var out []autoFile
	for _, name := range names(dir) {
		n, ok := strings.CutPrefix(name, autoPrefix)
		if n, ok2 := strings.CutSuffix(n, saveExt); ok && ok2 && digits(n) {
			seq, _ := strconv.Atoi(n)
			out = append(out, autoFile{seq, filepath.Join(dir, name)})
		}
	}
	slices.SortFunc(out, func(a, b autoFile) int { return cmp.Compare(b.seq, a.seq) })
	return out
}

// digits reports whether s is a number of at most nine digits.
func digits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// read loads and decodes one file.
func (s *Store) read(path string, kind Kind, name string) Entry {
	e := Entry{Name: name, Path: path, Kind: kind}
	if fi, err := os.Stat(path); err == nil {
		e.ModTime = fi.ModTime().UTC().Format("2006-01-02T15:04:05Z")
	}
	data, err := ReadFile(path)
	if err != nil {
		e.Err = err
		return e
	}
	e.Save, e.Err = DecodeSave(data)
	return e
}

// ReadFile reads a save or replay file: a regular file of at most
// MaxFileBytes, never a device or a pipe.
func ReadFile(path string) ([]byte, error) { return untrusted.ReadFile(path, MaxFileBytes) }

// List gives every save: named saves first (newest first), then autosaves
// (newest first), then the last-known-good copy. A file another game
// removes while the list is made (an old autosave) is left out.
func (s *Store) List() []Entry {
	var slots []Entry
	for _, name := range names(filepath.Join(s.Dir, slotsDir)) {
		if slot, ok := strings.CutSuffix(name, saveExt); ok && !isTemp(name) {
			slots = append(slots, s.read(s.slotPath(slot), KindSlot, slot))
		}
	}
	slices.SortStableFunc(slots, func(a, b Entry) int { return cmp.Compare(b.ModTime, a.ModTime) })
	out := slots
	for _, a := range s.autosaves() {
		out = append(out, s.read(a.path, KindAutosave, strings.TrimSuffix(filepath.Base(a.path), saveExt)))
	}
	lg := filepath.Join(s.Dir, autoDir, lastGoodName)
	if _, err := os.Stat(lg); err == nil {
		out = append(out, s.read(lg, KindLastGood, strings.TrimSuffix(lastGoodName, saveExt)))
	}
	return slices.DeleteFunc(out, func(e Entry) bool { return errors.Is(e.Err, fs.ErrNotExist) })
}

// Load reads a save by slot name, by autosave name ("auto-000012",
// "last-good"), or by path.
func (s *Store) Load(ref string) (Entry, error) {
	path := ref
	kind := KindSlot
	switch {
	case strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, saveExt):
	case strings.HasPrefix(ref, autoPrefix) || ref+saveExt == lastGoodName:
		path, kind = filepath.Join(s.Dir, autoDir, ref+saveExt), KindAutosave
	default:
		path = s.slotPath(ref)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		var names []string
		for _, e := range s.List() {
			names = append(names, e.Name)
		}
		if len(names) == 0 {
			return Entry{}, errors.New(text.F("there is no save %q, and no saves yet in %s", ref, s.Dir))
		}
		return Entry{}, errors.New(text.F("there is no save %q (saves: %s)", ref, strings.Join(names, ", ")))
	}
	e := s.read(path, kind, strings.TrimSuffix(filepath.Base(path), saveExt))
	if e.Err != nil {
		return e, wrap(path, e.Err)
	}
	return e, nil
}

// Newest returns the newest autosave that reads back whole (falling back
// to the last-known-good copy), for "continue".
func (s *Store) Newest() (Entry, error) {
	for _, e := range s.List() {
		if e.Kind != KindSlot && e.Err == nil {
			return e, nil
		}
	}
	return Entry{}, errors.New(text.T("there is no autosave to continue from"))
}

// Delete removes a named save.
func (s *Store) Delete(name string) error {
	if err := ValidSlot(name); err != nil {
		return err
	}
	return s.locked(func() error {
		if err := os.Remove(s.slotPath(name)); err != nil {
			return wrap(text.F("cannot delete save %q", name), err)
		}
		return nil
	})
}

// KeepReplay stores the replay of a finished game.
func (s *Store) KeepReplay(r *Replay, name string) (string, error) {
	var b strings.Builder
	if err := r.Encode(&b); err != nil {
		return "", err
	}
	path := filepath.Join(s.Dir, replaysDir, name+replayExt)
	return path, s.locked(func() error { return writeAtomic(s.ops, path, []byte(b.String())) })
}

// Replays lists the kept replays, newest name first.
func (s *Store) Replays() []string {
	var paths []string
	for _, name := range names(filepath.Join(s.Dir, replaysDir)) {
		if strings.HasSuffix(name, replayExt) && !isTemp(name) {
			paths = append(paths, filepath.Join(s.Dir, replaysDir, name))
		}
	}
	slices.Reverse(paths)
	return paths
}

// SlotExists reports whether a named save of that name is on disk, so that
// a player can be asked before it is replaced.
func (s *Store) SlotExists(name string) bool {
	if ValidSlot(name) != nil {
		return false
	}
	_, err := os.Stat(s.slotPath(name))
	return err == nil
}
