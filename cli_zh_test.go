package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zerosum/text"
)

// zhRun runs the command line in Chinese (--lang zh), and puts the
// interface back in English after the test.
func zhRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Cleanup(func() { text.SetLang("en") })
	return cliRun(t, append([]string{"--lang", "zh"}, args...)...)
}

var halfYearEN = regexp.MustCompile(`\bH[12] 20[0-9][0-9]\b`)

// TestChineseWidthZhReport: what replay and forecast print in Chinese fits
// an 80-column terminal where it is a table or a list (a Chinese character
// is two cells), its columns line up in cells, its words and half-years
// are Chinese, and the errors report, replay and load print are Chinese
// too. (The report's Markdown is tested in package report.)
func TestChineseWidthZhReport(t *testing.T) {
	replay := filepath.Join("report", "testdata", "seed539.replay.json")

	code, out, errs := zhRun(t, "replay", replay)
	if code != 0 {
		t.Fatalf("replay: exit %d: %s", code, errs)
	}
	for _, l := range strings.Split(out, "\n") {
		if w := text.Width(l); w > 80 && !strings.HasPrefix(l, "  新闻：") {
			t.Errorf("replay: a line %d cells wide: %q", w, l)
		}
	}
	for _, want := range []string{"，种子539\n", "2025年上半年\n", "  台海紧张度", "管制", "实际差距", "结局："} {
		if !strings.Contains(out, want) {
			t.Errorf("replay in Chinese lacks %q", want)
		}
	}
	if d := halfYearEN.FindString(out); d != "" {
		t.Errorf("replay in Chinese writes the half-year %q", d)
	}

	code, out, errs = zhRun(t, "replay", "--verify", replay)
	if code != 0 || !strings.Contains(out, "：正常，已验证7回合（race2025，种子539，最终状态") {
		t.Errorf("replay --verify in Chinese: exit %d: %q %q", code, out, errs)
	}

	code, out, errs = zhRun(t, "forecast", replay, "--turn", "4", "--futures", "40", "--seat", "beijing")
	if code != 0 {
		t.Fatalf("forecast: exit %d: %s", code, errs)
	}
	for _, want := range []string{"从第4回合（2026年下半年）开始的预测", "的视角", "世界结局", "概率", "参与方", "名次中位数", "以上每个概率的误差为±"} {
		if !strings.Contains(out, want) {
			t.Errorf("forecast in Chinese lacks %q:\n%s", want, out)
		}
	}
	// The tables: every line within 80 cells, and in the actors' table
	// (right-aligned) every row ending at the same cell as its head.
	head, end := -1, -1
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "名次中位数") {
			head = text.Width(strings.TrimRight(l, " "))
			end = text.Width(l)
			if w := text.Width(l); w > 80 {
				t.Errorf("forecast: the actors' head is %d cells wide: %q", w, l)
			}
			continue
		}
		if head >= 0 {
			if l == "" {
				head = -1
				continue
			}
			if w := text.Width(l); w != end {
				t.Errorf("forecast: the row %q is %d cells wide, its head %d", l, w, end)
			}
		}
	}

	// Errors the player reads.
	dir := t.TempDir()
	code, _, errs = zhRun(t, "report", filepath.Join(dir, "nothing.zsave"))
	if code == 0 || !strings.Contains(errs, "无法读取") || !strings.Contains(errs, "没有这个文件") {
		t.Errorf("report of a missing file in Chinese: exit %d: %q", code, errs)
	}
	code, _, errs = zhRun(t, "report", replay, "-o", dir)
	if code == 0 || !strings.Contains(errs, "是文件夹；报告只能写入普通文件") {
		t.Errorf("report -o a folder in Chinese: exit %d: %q", code, errs)
	}
	out = filepath.Join(dir, "brief.md")
	code, stdout, errs := zhRun(t, "report", replay, "--brief", "-o", out)
	if code != 0 || !strings.Contains(stdout, "的复盘报告简版写入") {
		t.Fatalf("report --brief -o in Chinese: exit %d: %q %q", code, stdout, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "# 复盘报告简版：") {
		t.Errorf("the brief written in Chinese: %v %q", err, string(data[:min(len(data), 80)]))
	}
}
