package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFolderLimits: a folder scenario with too many event files, or a
// file over the size limit read from memory (the text a save carries),
// is refused with a problem that names the limit.
func TestFolderLimits(t *testing.T) {
	cases := []struct {
		name   string
		change func(m fstest.MapFS)
		want   string
	}{
		{"event files", func(m fstest.MapFS) {
			for i := range maxEventFiles + 1 {
				m[fmt.Sprintf("s/events/extra%03d.yaml", i)] = &fstest.MapFile{Data: []byte("[]\n")}
			}
		}, "at most 100 event files"},
		{"file size", func(m fstest.MapFS) {
			m["s/swing.yaml"] = &fstest.MapFile{Data: []byte("# " + strings.Repeat("x", MaxFileBytes))}
		}, "a scenario file may have at most"},
	}
	for _, c := range cases {
		m := scenarioFS(t)
		c.change(m)
		_, err := load(source{fsys: m, dir: "s", file: "scenario.yaml", label: "s"}, "en")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want a problem containing %q", c.name, err, c.want)
		}
	}
}

// TestLoadRecordedMatchesTheFile: a scenario loaded from the text a save
// carries is the scenario loaded from its file: same id, same content hash
// (so the save's hashes match), and it carries the same text on.
func TestLoadRecordedMatchesTheFile(t *testing.T) {
	for _, path := range []string{"testdata/custom/example.yaml", "data/" + DefaultScenario} {
		p, err := LoadPath(path)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for name, text := range p.Scenario.SourceFiles {
			files[name] = string(text)
		}
		q, err := LoadRecorded(p.Scenario.ID, "/nowhere/moved.yaml", files)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if q.Scenario.ID != p.Scenario.ID || q.Scenario.ContentHash != p.Scenario.ContentHash || len(q.Scenario.SourceFiles) != len(files) {
			t.Errorf("%s: carried %s/%s, file %s/%s", path, q.Scenario.ID, q.Scenario.ContentHash, p.Scenario.ID, p.Scenario.ContentHash)
		}
	}
	if _, err := LoadRecorded("x", "", map[string]string{"../escape.yaml": "extends: race2025"}); err == nil {
		t.Error("a carried file named outside its folder was loaded")
	}
}
