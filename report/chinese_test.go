package report

import (
	"regexp"
	"strings"
	"testing"

	"zerosum/content"
	"zerosum/game/match"
	"zerosum/text"
)

// inChinese sets the interface to Chinese for the rest of the test, and
// puts English back after it. Tests that call it must not run in parallel.
func inChinese(t *testing.T) {
	t.Helper()
	if err := text.SetLang("zh"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { text.SetLang("en") })
}

// englishLeft are pieces of the report's own English sentences: none may
// be left in a Chinese report. (The content, names and news, comes from the
// content pack in its own language and is not checked here.)
var englishLeft = []string{
	"**Discuss:**", "*Source:*", " Why: ", "### Turn ", "**What moved:**", "at the start", "(now)", "at the end",
	"**Scenario:**", "**Seed:**", "**Status:**", "**World outcome:**", "**Covert orders:**", "**Swing states:**",
	"Turn by turn", "Final scores", "Turning points", "Questions for discussion", "Was it zero-sum?", "causal link",
	"level ", " points", "| Actor |", "Whole table", "*Why it matters", "News that opened", "covert order",
	"bot: ", " difficulty", "* both", "Debrief", "% of the blame", "Why it matters",
}

var englishDate = regexp.MustCompile(`\bH[12] 20[0-9][0-9]\b`)

// checkChinese asserts that a Chinese report has none of the report's
// English words left, dates written the Chinese way, and well-formed
// tables: every row with as many cells as its head.
func checkChinese(t *testing.T, name, md string) {
	t.Helper()
	for _, en := range englishLeft {
		if strings.Contains(md, en) {
			i := strings.Index(md, en)
			t.Errorf("%s: English %q left in the Chinese report: …%s…", name, en, md[max(i-60, 0):min(i+60, len(md))])
		}
	}
	if d := englishDate.FindString(md); d != "" {
		t.Errorf("%s: a date written in English: %q", name, d)
	}
	if !strings.Contains(md, "年上半年") {
		t.Errorf("%s: no half-year written in Chinese", name)
	}
	cells := func(row string) int {
		return strings.Count(strings.ReplaceAll(row, `\|`, ""), "|") - 1
	}
	head := -1
	for i, l := range strings.Split(md, "\n") {
		if !strings.HasPrefix(l, "|") {
			head = -1
			continue
		}
		if head < 0 {
			head = cells(l)
			continue
		}
		if n := cells(l); n != head {
			t.Errorf("%s: line %d has %d cells, its table's head %d: %q", name, i+1, n, head, l)
		}
	}
}

// checkChinesePage is checkPage for a Chinese brief: at most BriefLines
// lines of at most BriefWidth cells (a Chinese character is two), every
// part present.
func checkChinesePage(t *testing.T, name, md string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
	if len(lines) > BriefLines {
		t.Errorf("%s: the brief has %d lines, more than %d", name, len(lines), BriefLines)
	}
	for i, l := range lines {
		if w := text.Width(l); w > BriefWidth {
			t.Errorf("%s: line %d is %d cells wide: %q", name, i+1, w, l)
		}
	}
	for _, want := range []string{"# 复盘报告简版：", "## 结局", "## 谁获胜，为什么", "## 转折点",
		"## 这是零和博弈吗？", "| **全桌** |", "## 讨论问题", "\n1. **"} {
		if !strings.Contains(md, want) {
			t.Errorf("%s: the brief lacks %q", name, want)
		}
	}
	if strings.Contains(md, "[[") || strings.ContainsAny(md, "\x1b\r\t") {
		t.Errorf("%s: markup, a control character or terminal styling in the brief", name)
	}
}

// TestChineseGoldenReport renders the golden games in Chinese: the whole
// debrief of race2025 seed 539 and the briefs of it and of flashpoint seed
// 4, compared with testdata/*.zh.md (go test ./report -update rewrites
// them). The content is whatever the content pack has in Chinese; the
// report's own words are all Chinese.
func TestChineseGoldenReport(t *testing.T) {
	inChinese(t)
	p := pack(t)
	m := golden(t, p)

	md := Markdown(p, m)
	checkChinese(t, "seed 1", md)
	for _, want := range []string{"**台海危机。**", "阵营", "一项秘密曝光", "## 讨论问题", "**讨论：**", "*来源：*因果链"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Chinese golden report lacks %q", want)
		}
	}
	checkGolden(t, "testdata/seed539.zh.md", md)

	brief := Brief(p, m)
	checkChinese(t, "seed 539 brief", brief)
	checkChinesePage(t, "seed 1", brief)
	checkGolden(t, "testdata/seed539.zh.brief.md", brief)

	fp := flashpointPack(t)
	fm := replayOf(t, fp, flashpointSeed, "testdata/flashpoint4.replay.json")
	brief = Brief(fp, fm)
	checkChinese(t, "flashpoint 4 brief", brief)
	checkChinesePage(t, "flashpoint 4", brief)
	if !strings.Contains(brief, "所有人同时得分") {
		t.Errorf("the flashpoint brief in Chinese does not say everyone gained:\n%s", brief)
	}
	checkGolden(t, "testdata/flashpoint4.zh.brief.md", brief)
}

// TestChineseGameInProgress: the Chinese report of a game part-way through
// says so in Chinese, and its brief fits the page.
func TestChineseGameInProgress(t *testing.T) {
	inChinese(t)
	p := pack(t)
	full := golden(t, p)
	m, err := match.New(p.Scenario, full.Seed, full.Seats)
	if err != nil {
		t.Fatal(err)
	}
	for _, turn := range full.Turns[:5] {
		m.Apply(turn.Orders)
	}
	md := Markdown(p, m)
	checkChinese(t, "in progress", md)
	for _, want := range []string{"**对局进行中。**", "已进行5回合（共12回合）", "等待2027年下半年的指令", "## 目前得分",
		"**目前领先：**", "## 目前的世界", "2027年下半年（当前）", "### 第5回合：2027年上半年", "*（秘密，尚未曝光）*"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Chinese report of a game in progress lacks %q", want)
		}
	}
	brief := Brief(p, m)
	checkChinese(t, "in progress brief", brief)
	checkChinesePage(t, "in progress", brief)
	if !strings.Contains(brief, "**进行中：**") {
		t.Errorf("the Chinese brief of a game in progress does not say so:\n%s", brief)
	}
}

// TestChineseBriefFits: the Chinese brief fits its page (a Chinese
// character is two cells) over several games of each scenario.
func TestChineseBriefFits(t *testing.T) {
	inChinese(t)
	for _, p := range []*content.Pack{pack(t), flashpointPack(t)} {
		for seed := uint64(1); seed <= 6; seed++ {
			m := played(t, p, seed)
			name := p.Scenario.ID + " seed " + string(rune('0'+seed))
			md := Brief(p, m)
			checkChinese(t, name, md)
			checkChinesePage(t, name, md)
			checkChinese(t, name+" full", Markdown(p, m))
		}
	}
}

// TestEnglishCounts: the English plural forms of report.yaml write counts
// as the report always did ("once", "twice", "1 turn", "no orders").
func TestEnglishCounts(t *testing.T) {
	for n, want := range map[int]string{1: "once", 2: "twice", 3: "3 times", 12: "12 times"} {
		if got := times(n); got != want {
			t.Errorf("times(%d) = %q, want %q", n, got, want)
		}
	}
	cases := []struct{ got, want string }{
		{text.F(" %s gave %d orders on export controls or chip quotas.", "Washington", 0), " Washington gave no orders on export controls or chip quotas."},
		{text.F(" %s gave %d orders on export controls or chip quotas.", "Washington", 1), " Washington gave 1 order on export controls or chip quotas."},
		{text.F(" %s gave %d orders on export controls or chip quotas.", "Washington", 4), " Washington gave 4 orders on export controls or chip quotas."},
		{text.F("Finished: all %d turns played.", 6), "Finished: all 6 turns played."},
		{text.F("Ended by a Strait crisis in %s, after %d turns.", "H1 2027", 1), "Ended by a Strait crisis in H1 2027, after 1 turn."},
		{text.F(" It was the only secret to come out during play; %d others stayed secret so far.", 0), " It was the only secret to come out during play; none stayed secret so far."},
		{text.F(" In all, %d covert orders came to light during play; %d others stayed secret until this debrief.", 3, 1), " In all, 3 covert orders came to light during play; 1 other stayed secret until this debrief."},
		{text.F(" In all, %d covert orders came to light during play; %d others stayed secret until this debrief.", 2, 0), " In all, 2 covert orders came to light during play; none stayed secret until this debrief."},
		{text.F("%d covert orders given, %d exposed during play. A covert order is hidden from the other actors unless news or bad luck brings it to light, and exposure has its own costs.", 1, 0)[:40], "1 covert order given, 0 exposed during p"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
