package content

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"
	"testing/fstest"

	"zerosum/game"
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
// scenario the engine can play.
func FuzzLoadScenario(f *testing.F) {
	base := scenarioFS(f)
	for i, name := range fuzzFiles {
		f.Add(uint8(i), base["s/"+name].Data)
	}
	f.Add(uint8(0), []byte("id: x\nturns: [1, 2]\n"))
	f.Add(uint8(1), []byte("- {id: a, tier: 2\n"))
	f.Add(uint8(2), []byte("actions:\n  - &a {id: x}\n  - *a\n"))
	f.Add(uint8(4), []byte("- id: e\n  when: [\"turn >= \"]\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		m := scenarioFS(t)
		name := fuzzFiles[int(which)%len(fuzzFiles)]
		m[path.Join("s", name)] = &fstest.MapFile{Data: data}
		p, err := load(source{fsys: m, dir: "s", file: "scenario.yaml", label: "s"}, "en")
		checkLoaded(t, p, err)
	})
}

// FuzzLoadSingleFile loads arbitrary bytes as a single-file scenario (one
// that extends race2025). Loading must never panic; it either reports
// problems or yields a scenario the engine can play.
func FuzzLoadSingleFile(f *testing.F) {
	for _, name := range []string{"testdata/custom/example.yaml", "data/flashpoint/scenario.yaml"} {
		b, err := fs.ReadFile(os.DirFS("."), name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	broken, _ := filepath.Glob("testdata/custom/broken/*.yaml")
	for _, name := range broken {
		b, _ := os.ReadFile(name)
		f.Add(b)
	}
	f.Add([]byte("extends: race2025\nid: x\ntitle: X\nsummary: X.\nactors: [taipei]\nobjectives: {taipei: []}\n"))
	f.Add([]byte("extends: race2025\nid: x\ntitle: X\nsummary: X.\nactors: [huawei]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := fstest.MapFS{"s.yaml": &fstest.MapFile{Data: data}}
		p, err := load(source{fsys: m, dir: ".", file: "s.yaml", label: "s"}, "en")
		checkLoaded(t, p, err)
	})
}

// checkLoaded fails unless a load either reported problems, each with a
// file and a message, or gave a scenario the engine can play to the end.
func checkLoaded(t *testing.T, p *Pack, err error) {
	t.Helper()
	if err != nil {
		if _, ok := err.(Problems); !ok {
			t.Fatalf("load returned %T, want Problems", err)
		}
		for _, pr := range err.(Problems) {
			if pr.File == "" || pr.Msg == "" {
				t.Fatalf("problem without file or message: %+v", pr)
			}
		}
		return
	}
	sc := p.Scenario
	if err := sc.Check(); err != nil {
		t.Fatalf("loaded a scenario the engine rejects: %v", err)
	}
	st, _ := sc.NewGame(1)
	var orders []game.Order
	for a := range sc.Actors {
		for _, o := range sc.Options(&st, a, nil) {
			if o.Available {
				orders = append(orders, sc.OrderFor(o))
				break
			}
		}
	}
	for !st.Over {
		st, _ = sc.Resolve(&st, orders)
	}
}
