package content

import (
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// fuzzFiles are the files of the default scenario a fuzz input may replace.
var fuzzFiles = []string{
	"scenario.yaml", "swing.yaml", "actors/washington.yaml", "actors/beijing.yaml", "events/security.yaml",
}

// scenarioFS copies the embedded default scenario into memory.
func scenarioFS(tb testing.TB) fstest.MapFS {
	tb.Helper()
	m := fstest.MapFS{}
	root := "data/" + DefaultScenario
	err := fs.WalkDir(embedded, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(embedded, p)
		m["s/"+p[len(root)+1:]] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// FuzzLoadScenario replaces one file of the default scenario with arbitrary
// bytes. Loading must never panic; it either reports problems or yields a
// scenario the engine accepts. Each execution only loads and checks (the
// other files' YAML is parsed once, see parseYAML); playing what loads is
// TestLoadedScenariosPlay's work, so the fuzzer runs thousands of inputs a
// minute.
func FuzzLoadScenario(f *testing.F) {
	for _, s := range scenarioSeeds(f) {
		f.Add(s.which, s.data)
	}
	// Loading the embedded scenario parses its files into the cache, which
	// the copies in base then hit: only the replaced file is parsed.
	if _, err := Load(DefaultScenario); err != nil {
		f.Fatal(err)
	}
	base := scenarioFS(f)
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		p, err := loadReplaced(base, which, data)
		checkLoaded(t, p, err)
	})
}

// fuzzSeed is one input of FuzzLoadScenario: which file, and its bytes.
type fuzzSeed struct {
	which uint8
	data  []byte
}

// scenarioSeeds are FuzzLoadScenario's seed inputs: each file as it is,
// and a few broken ones.
func scenarioSeeds(tb testing.TB) []fuzzSeed {
	tb.Helper()
	base := scenarioFS(tb)
	var out []fuzzSeed
	for i, name := range fuzzFiles {
		out = append(out, fuzzSeed{uint8(i), base["s/"+name].Data})
	}
	return append(out,
		fuzzSeed{0, []byte("id: x\nturns: [1, 2]\n")},
		fuzzSeed{1, []byte("- {id: a, tier: 2\n")},
		fuzzSeed{2, []byte("actions:\n  - &a {id: x}\n  - *a\n")},
		fuzzSeed{4, []byte("- id: e\n  when: [\"turn >= \"]\n")},
	)
}

// loadReplaced loads the default scenario with one file replaced.
func loadReplaced(base fstest.MapFS, which uint8, data []byte) (*Pack, error) {
	m := maps.Clone(base)
	m[path.Join("s", fuzzFiles[int(which)%len(fuzzFiles)])] = &fstest.MapFile{Data: data}
	return load(source{fsys: m, dir: "s", file: "scenario.yaml", label: "s"}, "en")
}

// FuzzLoadSingleFile loads arbitrary bytes as a single-file scenario (one
// that extends race2025). Loading must never panic; it either reports
// problems or yields a scenario the engine accepts.
func FuzzLoadSingleFile(f *testing.F) {
	for _, b := range singleFileSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := loadSingle(data)
		checkLoaded(t, p, err)
	})
}

// singleFileSeeds are FuzzLoadSingleFile's seed inputs: the example, the
// classroom scenario, the broken examples and two small ones.
func singleFileSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, name := range []string{"testdata/custom/example.yaml", "data/flashpoint/scenario.yaml"} {
		b, err := fs.ReadFile(os.DirFS("."), name)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	broken, _ := filepath.Glob("testdata/custom/broken/*.yaml")
	for _, name := range broken {
		b, _ := os.ReadFile(name)
		out = append(out, b)
	}
	return append(out,
		[]byte("extends: race2025\nid: x\ntitle: X\nsummary: X.\nactors: [taipei]\nobjectives: {taipei: []}\n"),
		[]byte("extends: race2025\nid: x\ntitle: X\nsummary: X.\nactors: [huawei]\n"))
}

// loadSingle loads bytes as a single-file scenario.
func loadSingle(data []byte) (*Pack, error) {
	m := fstest.MapFS{"s.yaml": &fstest.MapFile{Data: data}}
	return load(source{fsys: m, dir: ".", file: "s.yaml", label: "s"}, "en")
}

// checkLoaded fails unless a load either reported problems, each with a
// file and a message, or gave a scenario the engine accepts and can start.
func checkLoaded(t *testing.T, p *Pack, err error) {
	t.Helper()
	if err != nil {
		ps, ok := err.(Problems)
		if !ok {
			t.Fatalf("load returned %T, want Problems", err)
		}
		for _, pr := range ps {
			if pr.File == "" || pr.Msg == "" {
				t.Fatalf("problem without file or message: %+v", pr)
			}
		}
		return
	}
	if err := p.Scenario.Check(); err != nil {
		t.Fatalf("loaded a scenario the engine rejects: %v", err)
	}
	p.Scenario.NewGame(1) // starting a game must not panic
}
