package ui

import (
	"strings"
	"testing"

	"zerosum/text"
)

// zhStatus are a table's status lines as a server running in Chinese
// sends them (the same messages as serve's tableLines).
func zhStatus() []string {
	return []string{
		text.F("%s: a bot plays", "华盛顿"),
		text.F("%s: %s, connected … giving orders", "北京", "第一组小明"),
		text.F("%s: %s, away (a bot plays until they return)", "英伟达", "第三组"),
		text.F("%s: %s, connected ✓ orders in", "台北", "李华"),
	}
}

// TestTableWatchChineseGolden is a spectator's screen in Chinese, in a
// Bubble Tea program at 80x24 and at 120x40: the header, the table, last
// turn's public orders and the news in Chinese, every line within the
// terminal.
func TestTableWatchChineseGolden(t *testing.T) {
	text.SetLang("zh")
	t.Cleanup(func() { text.SetLang("en") })
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(itoa(size.w)+"x"+itoa(size.h), func(t *testing.T) {
			p, m, secret := watchedMatch(t)
			a := New(Options{Watch: &TableWatch{Pack: p, Match: m}})
			a.Update(TableStatusMsg{Lines: zhStatus()})
			a = runModel(t, a, size.w, size.h)
			txt := screen(a)
			for _, want := range []string{"旁观 · 第2回合（共6回合） · 2025年下半年", "席位", "北京：第一组小明，已连接 … 正在下达指令", "各方在2025年上半年的行动", "北京：无公开指令"} {
				if !strings.Contains(strings.ReplaceAll(txt, "\n", ""), want) {
					t.Errorf("the Chinese page lacks %q:\n%s", want, txt)
				}
			}
			for _, english := range []string{"WATCHING", "Turn ", "The table", "What everyone did", "no public orders"} {
				if strings.Contains(txt, english) {
					t.Errorf("the Chinese page still says %q:\n%s", english, txt)
				}
			}
			for _, name := range secret {
				if strings.Contains(stripped(a.screen.(*tableWatch).doc.vp.GetContent()), name) {
					t.Errorf("the spectator's page shows Beijing's secret covert order %q", name)
				}
			}
			requireScreen(t, a)
		})
	}
}

// TestHangChinese: a Chinese line wrapped with a hanging indent (the
// table's status lines, the news) loses no character and gains no space
// where its lines were joined back and wrapped again; English keeps its
// spaces.
func TestHangChineseServe(t *testing.T) {
	for _, s := range []string{
		"英伟达：第三组的一个很长的名字，已离开（由电脑玩家代为操作，直到其返回），再加一些文字让它至少换成三行",
		"Nvidia: a long English line that wraps on three lines at least, to see the hanging indent",
	} {
		got := hang(s, 30, 2)
		lines := strings.Split(got, "\n")
		if len(lines) < 3 {
			t.Fatalf("want at least three lines:\n%s", got)
		}
		sep := ""
		if !strings.Contains(s, "，") {
			sep = " "
		}
		var back []string
		for i, l := range lines {
			checkWidth(t, "hang", l, 30)
			if i > 0 && !strings.HasPrefix(l, "  ") {
				t.Errorf("line %d is not indented: %q", i+1, l)
			}
			back = append(back, strings.TrimSpace(l))
		}
		if j := strings.Join(back, sep); j != s {
			t.Errorf("hang changed the text:\n%q\n%q", j, s)
		}
	}
}
