package saves

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"zerosum/text"

	"zerosum/untrusted"
)

// prefsName is the file in the data directory that keeps the player's
// settings between starts (so far, the interface's language).
const prefsName = "settings.json"

// maxPrefsBytes is the largest settings file read.
const maxPrefsBytes = 64 << 10

// Prefs are the settings the game keeps for the next start.
type Prefs struct {
	// Language is the interface's language chosen on the title screen
	// ("en", "zh"); empty when none was chosen.
	Language string `json:"language,omitempty"`
}

// ReadPrefs reads the settings kept in a data directory: none, and no
// error, when there is no file. It creates nothing, so a command can read
// them before it knows whether it will use the directory.
func ReadPrefs(dir string) (Prefs, error) {
	path := filepath.Join(dir, prefsName)
	data, err := untrusted.ReadFile(path, maxPrefsBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Prefs{}, nil
	case err != nil:
		return Prefs{}, wrap(text.F("cannot read the settings %s", path), err)
	}
	var p Prefs
	if err := json.Unmarshal(data, &p); err != nil {
		return Prefs{}, errors.New(text.F("the settings %s are not valid JSON: %v", path, err))
	}
	p.Language = strings.TrimSpace(p.Language)
	return p, nil
}

// Prefs reads the settings kept in the store's directory.
func (s *Store) Prefs() (Prefs, error) { return ReadPrefs(s.Dir) }

// SetLanguage keeps the interface's language for the next start, under
// the directory's lock, replacing the file whole. The other settings Prefs
// knows are kept; a file that cannot be read is replaced.
func (s *Store) SetLanguage(lang string) error {
	return s.locked(func() error {
		p, _ := ReadPrefs(s.Dir)
		p.Language = lang
		data, err := json.MarshalIndent(p, "", "  ")
		if err != nil {
			return err
		}
		if err := writeAtomic(s.ops, filepath.Join(s.Dir, prefsName), append(data, '\n')); err != nil {
			return wrap(text.F("cannot write the settings in %s", s.Dir), err)
		}
		return nil
	})
}
