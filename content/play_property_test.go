package content

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"zerosum/game"
)

// TestLoadedScenariosPlay is the property the fuzz targets leave out to
// stay cheap: every scenario among their inputs that loads (the seeds and
// the corpus the fuzzers kept in testdata/fuzz) plays to its end, with any
// seed and any legal orders, without a panic and within its turns.
func TestLoadedScenariosPlay(t *testing.T) {
	var packs []*Pack
	keep := func(p *Pack, err error) {
		if err == nil {
			packs = append(packs, p)
		}
	}
	base := scenarioFS(t)
	for _, s := range append(scenarioSeeds(t), corpus(t, "FuzzLoadScenario")...) {
		keep(loadReplaced(base, s.which, s.data))
	}
	for _, b := range singleFileSeeds(t) {
		keep(loadSingle(b))
	}
	for _, s := range corpus(t, "FuzzLoadSingleFile") {
		keep(loadSingle(s.data))
	}
	if len(packs) < 3 {
		t.Fatalf("only %d of the fuzz inputs load; the property needs the seeds that do", len(packs))
	}
	rapid.Check(t, func(rt *rapid.T) {
		sc := rapid.SampledFrom(packs).Draw(rt, "scenario").Scenario
		st, _ := sc.NewGame(rapid.Uint64().Draw(rt, "seed"))
		for turns := 0; !st.Over; turns++ {
			if turns > sc.Turns {
				rt.Fatalf("the game goes on past its %d turns", sc.Turns)
			}
			var orders []game.Order
			for a := range sc.Actors {
				for range rapid.IntRange(0, 3).Draw(rt, "orders") {
					var open []game.Option
					for _, o := range sc.Options(&st, a, orders) {
						if o.Available {
							open = append(open, o)
						}
					}
					if len(open) == 0 {
						break
					}
					orders = append(orders, sc.OrderFor(rapid.SampledFrom(open).Draw(rt, "order")))
				}
			}
			st, _ = sc.Resolve(&st, orders)
		}
	})
}

// corpus reads the inputs a fuzz target kept in testdata/fuzz/<name>, in
// the "go test fuzz v1" format: a byte (the file chosen, for
// FuzzLoadScenario) and the bytes of the file.
func corpus(t *testing.T, name string) []fuzzSeed {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", name, "*"))
	var out []fuzzSeed
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var s fuzzSeed
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, len(data)+1)
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "byte(") || strings.HasPrefix(line, "uint8("):
				v := line[strings.Index(line, "(")+1 : len(line)-1]
				if r, _, _, err := strconv.UnquoteChar(strings.Trim(v, "'"), '\''); err == nil && strings.HasPrefix(v, "'") {
					s.which = uint8(r)
				} else if n, err := strconv.Atoi(v); err == nil {
					s.which = uint8(n)
				}
			case strings.HasPrefix(line, "[]byte("):
				if b, err := strconv.Unquote(line[len("[]byte(") : len(line)-1]); err == nil {
					s.data = []byte(b)
				}
			}
		}
		out = append(out, s)
	}
	return out
}
