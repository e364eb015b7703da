package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zerosum/untrusted"
)

// TestTitleWithHostileFilesInTheDataDirectory: the title screen reads
// every save and replay in the data directory; a replay whose source names
// a device, and files that are a named pipe or a device, are listed as
// unreadable with the reason, and the title opens (no hang, no endless
// read).
func TestTitleWithHostileFilesInTheDataDirectory(t *testing.T) {
	st := tempStore(t)
	// A replay from before scenarios were carried, whose source names a
	// device.
	old := `{"format": "zerosum-replay", "version": 1, "scenario": "custom", "source": "/dev/zero", "content": "x",
		"seed": 1, "seats": [], "start": "` + strings.Repeat("0", 64) + `"}`
	os.WriteFile(filepath.Join(st.Dir, "replays", "zero.replay.json"), []byte(old), 0o644)
	os.Symlink("/dev/zero", filepath.Join(st.Dir, "replays", "device.replay.json"))
	os.Symlink("/dev/zero", filepath.Join(st.Dir, "saves", "device.zsave"))
	pipe := mkfifo(filepath.Join(st.Dir, "saves", "pipe.zsave")) == nil

	b := boot(withStore(Options{}, st), 80, 24)
	if !strings.Contains(screen(b), "New game") {
		t.Fatalf("the title did not open:\n%s", screen(b))
	}
	ix := b.ctx.Saves
	unreadable := map[string]bool{}
	for _, e := range ix.Entries {
		if errors.Is(e.Err, untrusted.ErrNotRegular) {
			unreadable[e.Name] = true
		}
	}
	for _, rf := range ix.Replays {
		if errors.Is(rf.Err, untrusted.ErrNotRegular) {
			unreadable[rf.Name] = true
		}
		if rf.Name == "zero" && (rf.Replay == nil || rf.Title != "custom") {
			t.Errorf("the replay naming /dev/zero is listed as %+v", rf)
		}
	}
	if !unreadable["device"] || pipe && !unreadable["pipe"] {
		t.Errorf("unreadable files: %v; want device and pipe", unreadable)
	}
}
