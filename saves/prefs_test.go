package saves

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrefs: the language is kept and read back; no file means no
// settings and no error; a broken file is an error that names it, and the
// next write replaces it; other settings in the file are not lost.
func TestPrefs(t *testing.T) {
	dir := t.TempDir()
	if p, err := ReadPrefs(dir); err != nil || p != (Prefs{}) {
		t.Fatalf("no file: got %+v, %v", p, err)
	}
	if _, err := os.Stat(filepath.Join(dir, prefsName)); err == nil {
		t.Fatal("reading created the file")
	}
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetLanguage("zh"); err != nil {
		t.Fatal(err)
	}
	if p, err := st.Prefs(); err != nil || p.Language != "zh" {
		t.Fatalf("kept zh, read %+v, %v", p, err)
	}
	if err := st.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	if p, _ := ReadPrefs(dir); p.Language != "en" {
		t.Fatalf("kept en, read %+v", p)
	}
	path := filepath.Join(dir, prefsName)
	if err := os.WriteFile(path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPrefs(dir); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a broken file should be an error naming it: %v", err)
	}
	if err := st.SetLanguage("zh"); err != nil {
		t.Fatal(err)
	}
	if p, err := ReadPrefs(dir); err != nil || p.Language != "zh" {
		t.Errorf("the write should replace a broken file: %+v, %v", p, err)
	}
	// A language with spaces around it is read without them.
	if err := os.WriteFile(path, []byte(`{"language": " zh "}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, _ := ReadPrefs(dir); p.Language != "zh" {
		t.Errorf("spaces around the language: got %q", p.Language)
	}
	// A settings file too large to be one is refused, not read whole.
	if err := os.WriteFile(path, []byte(`{"language":"`+strings.Repeat("x", maxPrefsBytes)+`"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPrefs(dir); err == nil {
		t.Error("a settings file larger than the limit should be refused")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if isTemp(e.Name()) {
			t.Errorf("a temporary file was left behind: %s", e.Name())
		}
	}
}
