package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"zerosum/saves"
)

// brokenSavesFixture is savesFixture with a file of every kind the load
// screen must explain: a save whose checksum does not match, one made by a
// newer ZERO SUM, a file that is not a save, a file too large and a folder
// (which the list leaves out) where saves go, and two replays that cannot be read. They are older than
// the fixture's saves, so the fixture's order is kept at the top.
func brokenSavesFixture(t *testing.T) *saves.Store {
	t.Helper()
	st := savesFixture(t)
	good, err := st.Load("before the vote")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(good.Path)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(good.Path)
	corrupt := bytes.Clone(data)
	corrupt[len(corrupt)/2] ^= 0x20
	future := bytes.Replace(data, []byte(fmt.Sprintf("%s %d ", saves.SaveMagic, saves.SaveVersion)), []byte(fmt.Sprintf("%s %d ", saves.SaveMagic, saves.SaveVersion+1)), 1)
	old := testNow().Add(-3 * time.Hour)
	put := func(path string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(path, old, old)
		old = old.Add(-time.Minute)
	}
	put(filepath.Join(dir, "corrupt.zsave"), corrupt)
	put(filepath.Join(dir, "future.zsave"), future)
	put(filepath.Join(dir, "picture.zsave"), []byte("\x89PNG\r\n\x1a\n...."))
	big := filepath.Join(dir, "huge.zsave")
	put(big, nil)
	if err := os.Truncate(big, saves.MaxFileBytes+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	os.Chtimes(big, old, old)
	if err := os.Mkdir(filepath.Join(dir, "folder.zsave"), 0o755); err != nil {
		t.Fatal(err)
	}
	replays := filepath.Join(st.Dir, "replays")
	put(filepath.Join(replays, "cut.replay.json"), []byte(`{"format":"zerosum-replay","version":1,"scenario":"race`))
	put(filepath.Join(replays, "other.replay.json"), []byte(`{"format":"something-else","version":1}`))
	return st
}

// Goldens in Chinese of the load screen showing why a save cannot be
// loaded (a save cut short on disk), and of the dialog that says so and
// offers the newest good autosave instead.
func TestChineseGoldenZhSaves(t *testing.T) {
	inChinese(t)
	st := savesFixture(t)
	for _, size := range goldenSizes {
		t.Run("broken-"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := runIO(t, withStore(Options{}, st), size[0], size[1], "down", "down", "down", "enter", "down", "down")
			if _, ok := a.screen.(*savesScreen); !ok {
				t.Fatalf("not on the load screen: %s", a.screen.Name())
			}
			requireScreen(t, a)
		})
		t.Run("cannot-load-"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := runIO(t, withStore(Options{}, st), size[0], size[1], "down", "down", "down", "enter", "down", "down", "enter")
			if len(a.dialogs) == 0 {
				t.Fatal("no dialog open")
			}
			requireScreen(t, a)
		})
	}
}
