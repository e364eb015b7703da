package game_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestGameIsPure checks the arrows of the house: game/ (with its bots and
// simulator) imports no I/O, no clocks, no global randomness, and nothing of
// ours outside game/, directly or through another package.
func TestGameIsPure(t *testing.T) {
	direct, err := exec.Command("go", "list", "-f", `{{join .Imports "\n"}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := []string{"os", "io/fs", "io/ioutil", "net", "time", "math/rand", "syscall", "unsafe"}
	for _, dep := range strings.Fields(string(direct)) {
		for _, f := range forbidden {
			if dep == f || strings.HasPrefix(dep, f+"/") && f != "math/rand" {
				t.Errorf("game/... imports %s", dep)
			}
		}
		if dep == "math/rand" {
			t.Errorf("game/... imports the global math/rand")
		}
	}
	all, err := exec.Command("go", "list", "-deps", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(all)) {
		if (strings.HasPrefix(dep, "zerosum/") && !strings.HasPrefix(dep, "zerosum/game")) || strings.Contains(dep, "charm") {
			t.Errorf("game/... depends on %s", dep)
		}
	}
}
