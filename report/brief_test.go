package report

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
	"zerosum/saves"
	"zerosum/text"
)

// flashpointSeed is the flashpoint game of the golden brief: a finished
// game in which every actor gained, where seed 1 of race2025 ends in a
// crisis.
const flashpointSeed = 4

func flashpointPack(t *testing.T) *content.Pack {
	t.Helper()
	p, err := content.Load("flashpoint")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// replayOf loads (with -update, first records) a committed replay.
func replayOf(t *testing.T, p *content.Pack, seed uint64, path string) *match.Match {
	t.Helper()
	if *update {
		var b bytes.Buffer
		if err := record(t, p.Scenario, seed).Encode(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := saves.DecodeReplay(data)
	if err != nil {
		t.Fatal(err)
	}
	m, err := r.Restore(p.Scenario)
	if err != nil {
		t.Fatalf("%v\nIf the rules or the content changed on purpose, regenerate with `go test ./report -update` and review the diff.", err)
	}
	return m
}

// checkGolden compares got with a golden file (rewritten with -update).
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %q\nwant: %q\n(regenerate with -update and review the diff)", path, i+1, g, w)
			}
		}
	}
}

// checkPage asserts what a printed handout needs: at most BriefLines
// lines of at most BriefWidth characters, every part present.
func checkPage(t *testing.T, name, md string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
	if len(lines) > BriefLines {
		t.Errorf("%s: the brief has %d lines, more than %d", name, len(lines), BriefLines)
	}
	for i, l := range lines {
		if w := text.Width(l); w > BriefWidth {
			t.Errorf("%s: line %d is %d characters wide: %q", name, i+1, w, l)
		}
	}
	for _, want := range []string{"# Debrief in brief: ", "## Outcome", "## Who won and why", "## Turning points",
		"## Was it zero-sum?", "| **Whole table** |", "## Questions for discussion", "\n1. **"} {
		if !strings.Contains(md, want) {
			t.Errorf("%s: the brief lacks %q", name, want)
		}
	}
	if strings.Contains(md, "[[") || strings.ContainsAny(md, "\x1b\r\t") {
		t.Errorf("%s: markup, a control character or terminal styling in the brief", name)
	}
}

// TestGoldenBrief renders the brief of the two committed replays (race2025
// seed 1, a crisis; flashpoint seed 4, a finished game) and compares them
// with testdata/*.brief.md.
func TestGoldenBrief(t *testing.T) {
	p := pack(t)
	got := Brief(p, golden(t, p))
	checkPage(t, "seed 1", got)
	checkGolden(t, "testdata/seed539.brief.md", got)

	fp := flashpointPack(t)
	fm := replayOf(t, fp, flashpointSeed, "testdata/flashpoint4.replay.json")
	got = Brief(fp, fm)
	checkPage(t, "flashpoint 4", got)
	checkGolden(t, "testdata/flashpoint4.brief.md", got)
	if !strings.Contains(got, "Everyone gained at once") {
		t.Errorf("the flashpoint golden game no longer has every actor gaining: choose another seed")
	}
}

// TestBriefFits: every brief fits its page, whatever the game: 20 games of
// each scenario, and games in progress.
func TestBriefFits(t *testing.T) {
	for _, p := range []*content.Pack{pack(t), flashpointPack(t)} {
		for seed := uint64(1); seed <= 20; seed++ {
			m := played(t, p, seed)
			checkPage(t, fmt.Sprintf("%s seed %d", p.Scenario.ID, seed), Brief(p, m))
		}
		m := played(t, p, 3)
		part, err := match.New(p.Scenario, m.Seed, m.Seats)
		if err != nil {
			t.Fatal(err)
		}
		part.Apply(m.Turns[0].Orders)
		md := Brief(p, part)
		checkPage(t, p.Scenario.ID+" in progress", md)
		if !strings.Contains(md, "**In progress:** 1 of") || !strings.Contains(md, "| Now |") {
			t.Errorf("%s: a game in progress is not marked so:\n%s", p.Scenario.ID, md)
		}
	}
}

// typicalByHand plays the typical games one by one, as the report says it
// does, and returns each actor's median final score and the median combined
// score, in hundredths.
func typicalByHand(sc *game.Scenario) (scores []int, combined, low, high int) {
	seed := TypicalSeed(sc)
	scores = make([]int, len(sc.Actors))
	perActor := make([][]int, len(sc.Actors))
	var each []int
	for i := range TypicalGames {
		g := sim.Play(sc, seed+uint64(i), sim.SeatsFor(sc, seed+uint64(i), bot.Normal), 0)
		sum := 0
		for a, v := range g.Scores {
			perActor[a] = append(perActor[a], v)
			sum += v
		}
		each = append(each, sum)
	}
	slices.Sort(each)
	low, high = each[TypicalGames/5], each[TypicalGames*4/5]
	for a := range scores {
		slices.Sort(perActor[a])
		scores[a] = perActor[a][TypicalGames/2] * 100
	}
	return scores, each[TypicalGames/2] * 100, low, high
}

var zeroSumRow = regexp.MustCompile(`(?m)^\| ([^|]+) \| (\d*) \| (\d+) \| (\d+) \| ([+-]?\d+) \| (\d+) \| ([+-]?\d+) \|$`)

// TestZeroSum checks "Was it zero-sum?", in the full report and the
// brief, against figures computed here: each actor's start, end, change
// and typical end, the table's totals, and the largest ledger totals by
// causal link.
func TestZeroSum(t *testing.T) {
	for _, c := range []struct {
		p *content.Pack
		m func(p *content.Pack) *match.Match
	}{
		{pack(t), func(p *content.Pack) *match.Match { return golden(t, p) }},
		{flashpointPack(t), func(p *content.Pack) *match.Match {
			return replayOf(t, p, flashpointSeed, "testdata/flashpoint4.replay.json")
		}},
	} {
		p, sc := c.p, c.p.Scenario
		m := c.m(p)
		st := m.State()
		tyScores, tyCombined, low, high := typicalByHand(sc)
		w := words{p: p, sc: sc}
		want := map[string][6]int{}
		sumStart, sumEnd := 0, 0
		for rank, card := range sc.Ranking(st) {
			a := card.Actor
			s, e, ty := st.History[0].Scores[a], card.Total, round100(tyScores[a])
			sumStart += s
			sumEnd += e
			want[w.actor(a)] = [6]int{rank + 1, s, e, e - s, ty, e - ty}
		}
		want["**Whole table**"] = [6]int{0, sumStart, sumEnd, sumEnd - sumStart, round100(tyCombined), sumEnd - round100(tyCombined)}

		// The largest link total, summed here from the ledger.
		type key struct {
			link int
			ref  game.Ref
		}
		sums := map[key]int{}
		for turn := 0; turn <= len(m.Turns); turn++ {
			for _, ch := range m.Report(turn).Changes {
				if ch.Target.Kind == game.RefStat && ch.Target.Stat == game.StatCapital {
					continue
				}
				for _, cd := range ch.Causes {
					var links []int
					switch cd.Kind {
					case game.CauseAction, game.CauseDelayed, game.CauseExposed:
						links = sc.Actions[cd.Source].Links
					case game.CauseEvent:
						links = sc.Events[cd.Source].Links
					case game.CauseDynamic:
						links = dynamicLinks[cd.Source]
					}
					for _, l := range links {
						sums[key{l, ch.Target}] += cd.Delta
					}
				}
			}
		}
		best := 0
		for _, v := range sums {
			best = max(best, text.Abs(v))
		}
		if best == 0 {
			t.Fatalf("%s: no link moved anything", sc.ID)
		}

		for form, md := range map[string]string{"full": Markdown(p, m), "brief": Brief(p, m)} {
			_, sec, ok := strings.Cut(md, "## Was it zero-sum?")
			if !ok {
				t.Fatalf("%s %s: no zero-sum section", sc.ID, form)
			}
			sec, _, _ = strings.Cut(sec, "\n## ")
			rows := zeroSumRow.FindAllStringSubmatch(sec, -1)
			if len(rows) != len(sc.Actors)+1 {
				t.Fatalf("%s %s: %d rows in the zero-sum table, want %d:\n%s", sc.ID, form, len(rows), len(sc.Actors)+1, sec)
			}
			for _, r := range rows {
				exp, ok := want[r[1]]
				if !ok {
					t.Errorf("%s %s: unexpected row %q", sc.ID, form, r[0])
					continue
				}
				var got [6]int
				for i := range 6 {
					got[i], _ = strconv.Atoi(strings.TrimPrefix(r[i+2], "+"))
				}
				if got != exp {
					t.Errorf("%s %s: %s: rank, start, end, change, typical, against typical = %v, want %v", sc.ID, form, r[1], got, exp)
				}
			}
			verdict := []string{fmt.Sprintf("In three typical games in five the table ends between %d and %d", low, high)}
			if form == "full" {
				verdict = []string{fmt.Sprintf("Together the table went from %d to %d (%s).", sumStart, sumEnd, text.Signed(sumEnd-sumStart)),
					fmt.Sprintf("A typical game ends at %d, three in five between %d and %d", tyCombined/100, low, high)}
			}
			for _, v := range verdict {
				if !strings.Contains(strings.Join(strings.Fields(sec), " "), v) {
					t.Errorf("%s %s: the verdict lacks %q", sc.ID, form, v)
				}
			}
			if !regexp.MustCompile(fmt.Sprintf(`(rose|fell) by %d through [^(]+\(link \d+\)`, best)).MatchString(strings.Join(strings.Fields(sec), " ")) {
				t.Errorf("%s %s: the largest link total (%d) is not the first listed:\n%s", sc.ID, form, best, sec)
			}
		}
	}
}

// TestEasedTension: "orders that eased tension" lists the orders whose
// share of Strait tension's changes, by the ledger, was below zero, each
// with that total, and not orders merely tagged as de-escalating (the
// golden game's Rescind chip quotas changed no tension).
func TestEasedTension(t *testing.T) {
	p := pack(t)
	sc := p.Scenario
	m := golden(t, p)
	total := make([]int, len(sc.Actions))
	tension := game.Ref{Kind: game.RefTrack, Track: game.TrackTension}
	for turn := 1; turn <= len(m.Turns); turn++ {
		rep := m.Report(turn)
		ch, ok := rep.ChangeOf(tension)
		if !ok {
			continue
		}
		for _, cd := range ch.Causes {
			if cd.Kind == game.CauseAction || cd.Kind == game.CauseDelayed || cd.Kind == game.CauseExposed {
				total[cd.Source] += cd.Delta
			}
		}
	}
	md := Markdown(p, m)
	_, list, ok := strings.Cut(md, "Orders that eased tension (by the ledger, over the game): ")
	if !ok {
		t.Fatal("the report lists no orders that eased tension")
	}
	list, _, _ = strings.Cut(list, ".\n")
	w := words{p: p, sc: sc}
	n := 0
	for ai, v := range total {
		name := w.actor(sc.Actions[ai].Actor) + ": " + w.action(ai) + " (given "
		if v < 0 {
			n++
			if !strings.Contains(list, name) || !strings.Contains(list, fmt.Sprintf("; tension %d)", v)) {
				t.Errorf("%s eased tension by %d but is not listed so: %s", sc.Actions[ai].ID, v, list)
			}
		} else if strings.Contains(list, name) {
			t.Errorf("%s is listed as easing tension, but its total is %+d", sc.Actions[ai].ID, v)
		}
	}
	if n == 0 || strings.Contains(list, "Rescind chip quotas") {
		t.Errorf("eased list: %s", list)
	}
}

// TestBranches: lines of the same game are set side by side, this one
// first, in both forms.
func TestBranches(t *testing.T) {
	p := pack(t)
	m := golden(t, p)
	b, err := m.Rewind(6)
	if err != nil {
		t.Fatal(err)
	}
	for !b.Over() {
		if _, err := b.Play(nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, brief := range []bool{false, true} {
		md := Write(p, m, Options{Brief: brief, Lines: []Line{{Save: "class B", Match: b}}})
		_, sec, ok := strings.Cut(md, "## What-if branches")
		if !ok {
			t.Fatalf("brief %v: no branches section", brief)
		}
		sec, _, _ = strings.Cut(sec, "\n## ")
		want := []string{
			fmt.Sprintf("| this report | main line | %d | Strait crisis | 10 | nobody |", len(m.Turns)),
			fmt.Sprintf("| class B | what-if from H2 2027 | %d |", len(b.Turns)),
		}
		for _, w := range want {
			if !strings.Contains(sec, w) {
				t.Errorf("brief %v: the branches table lacks %q:\n%s", brief, w, sec)
			}
		}
		if brief {
			checkPage(t, "brief with a branch", md)
		}
	}
	if strings.Contains(Markdown(p, m), "## What-if branches") {
		t.Error("a report without other lines has a branches section")
	}
}

// TestOneLine: a name or branch label from a file cannot break the page.
func TestOneLine(t *testing.T) {
	p := pack(t)
	m := golden(t, p)
	b, _ := m.Rewind(4)
	b.Branch = "what-if\nfrom | H2\x1b[31m 2026"
	b.Seats[0] = match.Seat{Human: true, Name: "Ana\r\n# not a heading"}
	// The brief wraps its paragraphs, which may itself start a line with
	// the label's second word (after a long line); the others do not wrap
	// there, so a line that starts with it at all was broken by the label.
	for i, md := range []string{Brief(p, b), Write(p, m, Options{Brief: true, Lines: []Line{{Save: "x", Match: b}}}), Markdown(p, b)} {
		broke := strings.Contains(md, "\nfrom |")
		if i == 0 {
			broke = labelBrokeLine(md)
		}
		if strings.ContainsAny(md, "\r\x1b") || strings.Contains(md, "\n# not a heading") || broke {
			t.Errorf("a name or branch label broke a line:\n%s", md)
		}
	}
}

// labelBrokeLine reports whether the test's branch label ("what-if\nfrom
// | ...") starts a line where its newline was: after a short line. The
// paragraph's own wrapping (near the page width) may put it there too.
func labelBrokeLine(md string) bool {
	lines := strings.Split(md, "\n")
	for i := 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "from |") && utf8.RuneCountInString(lines[i-1]) < 80 {
			return true
		}
	}
	return false
}

// BenchmarkTypical measures what the typical game adds to a report: the
// 200 all-bot games of each scenario, played afresh (the report keeps
// them only for the life of the process).
func BenchmarkTypical(b *testing.B) {
	for _, id := range []string{"race2025", "flashpoint"} {
		p, err := content.Load(id)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(id, func(b *testing.B) {
			for b.Loop() {
				playTypical(p.Scenario, TypicalGames)
			}
		})
	}
}

// TestTypicalIgnoresWorkers: the typical game is the same on one core as
// on all of them, and the same played twice.
func TestTypicalIgnoresWorkers(t *testing.T) {
	sc := flashpointPack(t).Scenario
	all := playTypical(sc, 40)
	prev := runtime.GOMAXPROCS(1)
	one := playTypical(sc, 40)
	runtime.GOMAXPROCS(prev)
	if !reflect.DeepEqual(all, one) {
		t.Errorf("the typical game depends on the number of cores:\n%+v\n%+v", all, one)
	}
	if all.Seed != TypicalSeed(sc) || all.Seed == TypicalSeed(pack(t).Scenario) || all.Combined == 0 {
		t.Errorf("typical game %+v", all)
	}
}
