package saves

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"zerosum/content"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
)

// crashOps is the real file system until a chosen step, where the process
// "dies": that step and everything after it (including cleanup) does not
// happen. A write step may die part-way through its bytes.
type crashOps struct {
	step, crashAt int
	partial       int // bytes of the crashing write that reach the disk
	dead          bool
}

var errCrash = errors.New("simulated crash")

func (c *crashOps) tick() bool {
	if c.dead {
		return false
	}
	c.step++
	if c.step == c.crashAt {
		c.dead = true
		return false
	}
	return true
}

func (c *crashOps) CreateTemp(dir, pattern string) (tempFile, error) {
	if !c.tick() {
		return nil, errCrash
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &crashFile{File: f, c: c}, nil
}

func (c *crashOps) Rename(from, to string) error {
	if !c.tick() {
		return errCrash
	}
	return os.Rename(from, to)
}

func (c *crashOps) SyncDir(dir string) error {
	if !c.tick() {
		return errCrash
	}
	return osOps{}.SyncDir(dir)
}

func (c *crashOps) Remove(name string) error {
	if c.dead {
		return errCrash // a dead process cleans nothing up
	}
	return os.Remove(name)
}

type crashFile struct {
	*os.File
	c *crashOps
}

func (f *crashFile) Write(b []byte) (int, error) {
	if f.c.dead {
		return 0, errCrash
	}
	f.c.step++
	if f.c.step == f.c.crashAt {
		f.c.dead = true
		n, _ := f.File.Write(b[:min(f.c.partial, len(b))])
		return n, errCrash
	}
	return f.File.Write(b)
}

func (f *crashFile) Sync() error {
	if !f.c.tick() {
		return errCrash
	}
	return f.File.Sync()
}

func (f *crashFile) Close() error {
	if f.c.dead {
		f.File.Close() // the kernel closes a dead process's files
		return errCrash
	}
	f.c.step++
	if f.c.step == f.c.crashAt {
		f.c.dead = true
		f.File.Close()
		return errCrash
	}
	return f.File.Close()
}

// twoSaves returns two different valid saves of the same slot.
func twoSaves(t *testing.T) (oldSave, newSave *Save) {
	oldSave, newSave, err := makeTwoSaves()
	if err != nil {
		t.Fatal(err)
	}
	return oldSave, newSave
}

func makeTwoSaves() (oldSave, newSave *Save, err error) {
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		return nil, nil, err
	}
	sc := p.Scenario
	seats := make([]match.Seat, len(sc.Actors))
	for i, b := range sim.BotsFor(sc, 8, bot.Normal) {
		seats[i] = match.Seat{Bot: b}
	}
	m, err := match.New(sc, 8, seats)
	if err != nil {
		return nil, nil, err
	}
	m.Play(nil)
	oldSave = FromMatch(m, 0, nil, Settings{}, "2026-11-28T09:00:00Z")
	m.Play(nil)
	newSave = FromMatch(m, 0, nil, Settings{}, "2026-11-28T09:30:00Z")
	return oldSave, newSave, nil
}

// TestCrashWhileSavingLeavesOldOrNew interrupts the write of a save at
// every step (creating the temporary file, part-way through writing it at
// many byte offsets, flushing, closing, renaming, flushing the folder) and
// checks the slot always loads as either the old save or the new one.
func TestCrashWhileSavingLeavesOldOrNew(t *testing.T) {
	oldSave, newSave := twoSaves(t)
	newData, _ := newSave.Encode()
	steps := 6 // create, write, sync, close, rename, sync dir
	cases := 0
	for crashAt := 1; crashAt <= steps+1; crashAt++ {
		partials := []int{0}
		if crashAt == 2 {
			partials = []int{0, 1, 100, len(newData) / 2, len(newData) - 1}
		}
		for _, partial := range partials {
			cases++
			dir := t.TempDir()
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.SaveSlot("game", oldSave); err != nil {
				t.Fatal(err)
			}
			c := &crashOps{crashAt: crashAt, partial: partial}
			s.ops = c
			err = s.SaveSlot("game", newSave)
			if crashAt <= steps && err == nil {
				t.Fatalf("crash at step %d: the save reported success", crashAt)
			}
			// The machine restarts: a fresh store on the same folder.
			s2, _ := Open(dir)
			e, err := s2.Load("game")
			if err != nil {
				t.Fatalf("crash at step %d (%d bytes): the slot does not load: %v", crashAt, partial, err)
			}
			switch e.Save.SavedAt {
			case oldSave.SavedAt, newSave.SavedAt:
			default:
				t.Fatalf("crash at step %d: the slot holds neither save", crashAt)
			}
			if crashAt > 5 && e.Save.SavedAt != newSave.SavedAt {
				t.Fatalf("crash after the rename should leave the new save")
			}
			// Open swept the temporary file a crash left behind.
			if left, _ := filepath.Glob(filepath.Join(dir, "saves", ".*tmp*")); len(left) != 0 {
				t.Fatalf("temporary files left after reopening: %v", left)
			}
		}
	}
	if cases < 10 {
		t.Fatal("too few crash points exercised")
	}
}

// TestKilledWriterLeavesOldOrNew kills a real process (SIGKILL) while it
// saves in a loop, many times at different moments, and checks the slot
// always loads.
func TestKilledWriterLeavesOldOrNew(t *testing.T) {
	if dir := os.Getenv("ZEROSUM_KILL_DIR"); dir != "" {
		killedWriter(dir) // the child: write until killed
		return
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	dir := t.TempDir()
	s, _ := Open(dir)
	oldSave, newSave := twoSaves(t)
	s.SaveSlot("game", oldSave)
	for i := range 12 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriterLeavesOldOrNew$")
		cmd.Env = append(os.Environ(), "ZEROSUM_KILL_DIR="+dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait (polling: the child is another process) until it has
		// written at least once, then a little longer each round, so the
		// kill lands at different points of the write.
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(readFile(filepath.Join(dir, "writes")), "1") && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(time.Duration(i*3) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		s2, _ := Open(dir)
		e, err := s2.Load("game")
		if err != nil {
			t.Fatalf("kill %d: the slot does not load: %v\n%s", i, err, out.String())
		}
		if e.Save.SavedAt != oldSave.SavedAt && e.Save.SavedAt != newSave.SavedAt {
			t.Fatalf("kill %d: the slot holds neither save", i)
		}
		os.Remove(filepath.Join(dir, "writes"))
	}
}

func readFile(p string) string { b, _ := os.ReadFile(p); return string(b) }

// killedWriter alternates between two saves in one slot forever.
func killedWriter(dir string) {
	s, err := Open(dir)
	if err != nil {
		os.Exit(2)
	}
	oldSave, newSave, err := makeTwoSaves()
	if err != nil {
		fmt.Println(err)
		os.Exit(2)
	}
	for i := 0; ; i++ {
		sv := oldSave
		if i%2 == 1 {
			sv = newSave
		}
		if err := s.SaveSlot("game", sv); err != nil {
			fmt.Println(err)
			os.Exit(3)
		}
		os.WriteFile(filepath.Join(dir, "writes"), []byte(strconv.Itoa(i+1)), 0o644)
	}
}

// TestAutosaveRotation keeps the newest five and a last-known-good copy,
// and continue skips a damaged newest autosave.
func TestAutosaveRotation(t *testing.T) {
	sc := scenario(t)
	s, _ := Open(t.TempDir())
	m, a := newMatch(t, sc, 9, "brussels")
	var seen []int
	for i := 0; i < 8 && !m.Over(); i++ {
		if err := s.Autosave(FromMatch(m, a, nil, Settings{}, fmt.Sprintf("2026-11-28T10:%02d:00Z", i))); err != nil {
			t.Fatal(err)
		}
		seen = append(seen, m.State().Turn)
		m.Play(humanOrders(m, a))
	}
	var autos, good int
	for _, e := range s.List() {
		switch e.Kind {
		case KindAutosave:
			autos++
		case KindLastGood:
			good++
		}
	}
	if autos != KeepAutosaves || good != 1 {
		t.Fatalf("%d autosaves and %d last-good copies, want %d and 1", autos, good, KeepAutosaves)
	}
	e, err := s.Newest()
	if err != nil || e.Save.Preview.Turn != seen[len(seen)-1] {
		t.Fatalf("continue should resume turn %d: %+v %v", seen[len(seen)-1], e.Save, err)
	}
	// Damage the newest autosave: continue falls back to the one before,
	// and the damaged file is still listed, with its error.
	os.WriteFile(e.Path, []byte("zerosum-save 2 sha256=00\n{"), 0o644)
	e2, err := s.Newest()
	if err != nil || e2.Path == e.Path || e2.Save.Preview.Turn != seen[len(seen)-2] {
		t.Fatalf("continue should fall back to turn %d: %+v %v", seen[len(seen)-2], e2, err)
	}
	broken := 0
	for _, e := range s.List() {
		if e.Err != nil {
			broken++
		}
	}
	if broken != 1 {
		t.Fatalf("%d broken entries listed, want 1", broken)
	}
}

// TestBadSaveNeverReplacesAGoodOne: loading a damaged slot fails with a
// clear error and leaves every file as it was.
func TestBadSaveNeverReplacesAGoodOne(t *testing.T) {
	oldSave, _ := twoSaves(t)
	dir := t.TempDir()
	s, _ := Open(dir)
	s.SaveSlot("good", oldSave)
	goodBytes, _ := os.ReadFile(s.slotPath("good"))
	// Cut it in half, and not just after a "}" (which reads as a complete
	// but damaged file rather than a truncated one).
	cut := len(goodBytes) / 2
	for goodBytes[cut-1] == '}' {
		cut--
	}
	os.WriteFile(s.slotPath("bad"), goodBytes[:cut], 0o644)
	if _, err := s.Load("bad"); err == nil || !strings.Contains(err.Error(), "incomplete") {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(s.slotPath("good")); !bytes.Equal(b, goodBytes) {
		t.Fatal("the good save changed")
	}
	if _, err := s.Load("nope"); err == nil || !strings.Contains(err.Error(), `no save "nope"`) {
		t.Fatalf("got %v", err)
	}
	for _, bad := range []string{"", "../escape", "auto-000001", "a/b", strings.Repeat("x", 41)} {
		if err := s.SaveSlot(bad, oldSave); err == nil {
			t.Errorf("slot name %q was accepted", bad)
		}
	}
}

// TestDefaultDir follows ZEROSUM_HOME, then XDG.
func TestDefaultDir(t *testing.T) {
	t.Setenv("ZEROSUM_HOME", "/tmp/zs-home")
	if d, _ := DefaultDir(); d != "/tmp/zs-home" {
		t.Errorf("ZEROSUM_HOME ignored: %s", d)
	}
	t.Setenv("ZEROSUM_HOME", "")
	if d, err := DefaultDir(); err != nil || !strings.HasSuffix(d, "zerosum") {
		t.Errorf("got %q %v", d, err)
	}
}
