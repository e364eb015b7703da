package saves

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The helper processes of TestConcurrentGamesLoseNoAutosave are this test
// binary run again with these variables set.
const (
	envRole  = "ZEROSUM_TEST_ROLE" // "writer" or "starter"
	envDir   = "ZEROSUM_TEST_DIR"
	envID    = "ZEROSUM_TEST_ID"
	envCount = "ZEROSUM_TEST_COUNT"
)

// TestConcurrentGamesLoseNoAutosave runs several games (processes) on one
// data directory at once: writers that each autosave many times, and a
// starter that opens the directory again and again, as a game starting up
// does (sweeping temporary files). Every autosave that reported success
// must be on disk under its own number, numbered 1, 2, 3, ... without a
// gap, and the last-known-good copy must be the newest autosave.
func TestConcurrentGamesLoseNoAutosave(t *testing.T) {
	if os.Getenv(envRole) != "" {
		t.Skip("in a helper process")
	}
	const writers, perWriter, starts = 4, 60, 200
	dir := t.TempDir()
	if _, err := Open(dir); err != nil {
		t.Fatal(err)
	}
	helper := func(role, id string, count int) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSavesHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), envRole+"="+role, envDir+"="+dir, envID+"="+id, envCount+"="+strconv.Itoa(count))
		return cmd
	}
	type proc struct {
		cmd      *exec.Cmd
		out, err bytes.Buffer
	}
	var procs []*proc
	for i := range writers {
		procs = append(procs, &proc{cmd: helper("writer", strconv.Itoa(i), perWriter)})
	}
	procs = append(procs, &proc{cmd: helper("starter", "s", starts)})
	for _, p := range procs {
		p.cmd.Stdout, p.cmd.Stderr = &p.out, &p.err
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	written := map[string]bool{}
	failed := 0
	for _, p := range procs {
		if err := p.cmd.Wait(); err != nil {
			t.Fatalf("%v: %v\n%s%s", p.cmd.Env[len(p.cmd.Env)-4:], err, p.out.String(), p.err.String())
		}
		sc := bufio.NewScanner(&p.out)
		for sc.Scan() {
			line := sc.Text()
			if id, ok := strings.CutPrefix(line, "saved "); ok {
				written[id] = true
			} else if strings.HasPrefix(line, "failed ") {
				failed++
				t.Error(line)
			}
		}
	}
	// Every autosave on disk, by the mark its writer gave it.
	st := &Store{Dir: dir, ops: osOps{}, keep: KeepAutosaves}
	present := map[string]int{}
	autos := st.autosaves()
	for i, a := range autos {
		if want := len(autos) - i; a.seq != want {
			t.Fatalf("autosave numbers have a gap: %d where %d should be", a.seq, want)
		}
		e := st.read(a.path, KindAutosave, "")
		if e.Err != nil {
			t.Fatalf("%s: %v", a.path, e.Err)
		}
		present[e.Save.SavedAt]++
	}
	lost := 0
	for id := range written {
		if present[id] != 1 {
			lost++
		}
	}
	t.Logf("%d processes (%d writers, 1 starting up %d times): %d autosaves written, %d on disk, %d failed, %d lost",
		len(procs), writers, starts, len(written), len(autos), failed, lost)
	if len(written) != writers*perWriter || lost != 0 || len(autos) != len(written) {
		t.Fatalf("%d of %d autosaves reported written, %d on disk, %d lost", len(written), writers*perWriter, len(autos), lost)
	}
	lg := st.read(filepath.Join(dir, autoDir, lastGoodName), KindLastGood, "")
	newest := st.read(autos[0].path, KindAutosave, "")
	if lg.Err != nil || lg.Save.SavedAt != newest.Save.SavedAt {
		t.Errorf("last-good is not the newest autosave: %v", lg.Err)
	}
	for _, name := range names(filepath.Join(dir, autoDir)) {
		if isTemp(name) {
			t.Errorf("temporary file left behind: %s", name)
		}
	}
}

// TestSavesHelperProcess is one process of TestConcurrentGamesLoseNoAutosave;
// run alone it does nothing.
func TestSavesHelperProcess(t *testing.T) {
	role := os.Getenv(envRole)
	if role == "" {
		t.Skip("a helper process of TestConcurrentGamesLoseNoAutosave")
	}
	dir, id := os.Getenv(envDir), os.Getenv(envID)
	count, _ := strconv.Atoi(os.Getenv(envCount))
	switch role {
	case "starter":
		for range count {
			if _, err := Open(dir); err != nil {
				fmt.Printf("failed open: %v\n", err)
			}
		}
	case "writer":
		st, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		st.keep = 1 << 20 // keep every autosave, so each can be counted
		sv, _ := twoSaves(t)
		for k := range count {
			sv.SavedAt = fmt.Sprintf("writer %s, autosave %d", id, k)
			if err := st.Autosave(sv); err != nil {
				fmt.Printf("failed %s: %v\n", sv.SavedAt, err)
				continue
			}
			fmt.Printf("saved %s\n", sv.SavedAt)
		}
	}
}
