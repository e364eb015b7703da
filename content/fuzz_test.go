package content

import (
	"io/fs"
	"path"
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
		p, err := load(source{fsys: m, dir: "s", label: "s"}, "en")
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
	})
}
