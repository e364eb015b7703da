package ui

import (
	"fmt"
	"strings"
	"testing"

	"zerosum/text"
)

// inChinese sets the interface to Chinese for the rest of the test, and
// back to English after it. Such a test must not run in parallel.
func inChinese(t testing.TB) {
	t.Helper()
	if err := text.SetLang("zh"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { text.SetLang("en") })
}

// Goldens in Chinese of the turn report, the end of the game (a normal
// ending and a crisis), the hot-seat hand-over and the facilitator's
// screen, at 80x24 and 120x40, reached as their English goldens are. The
// content (actors, actions, events) comes from the content pack's own
// translation.
func TestChineseGoldenZhEnd(t *testing.T) {
	inChinese(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		name := fmt.Sprintf("%dx%d", w, h)
		t.Run("resolution-"+name, func(t *testing.T) {
			a := runDash(t, w, h, "space", "E", "y")
			if _, ok := a.screen.(*resolution); !ok {
				t.Fatalf("after E y the screen is %T, want the resolution report", a.screen)
			}
			if s := screen(a); !strings.Contains(s, "第1回合（共12回合）结算完毕：2025年上半年") {
				t.Errorf("the report's title should be in Chinese:\n%s", s)
			}
			requireScreen(t, a)
		})
		for _, crisis := range []bool{false, true} {
			kind := map[bool]string{false: "normal", true: "crisis"}[crisis]
			t.Run("end-"+kind+"-"+name, func(t *testing.T) {
				a := runEnd(t, w, h, crisis)
				s := screen(a)
				want := "游戏结束"
				if crisis {
					want = "台海危机"
				}
				if !strings.Contains(s, want) || !strings.Contains(s, "转折点") {
					t.Errorf("the end screen should be in Chinese (%s, the tabs):\n%s", want, s)
				}
				requireScreen(t, a)
			})
		}
		t.Run("end-scores-"+name, func(t *testing.T) {
			requireScreen(t, runEnd(t, w, h, false, "tab"))
		})
		t.Run("end-turning-"+name, func(t *testing.T) {
			requireScreen(t, runEnd(t, w, h, true, "tab", "tab"))
		})
		t.Run("handover-"+name, func(t *testing.T) {
			a := run(t, Options{Start: &StartOptions{Seats: twoSeats, Seed: 9}}, w, h,
				"enter", "enter", "space", "E", "y")
			handoverOf(t, a)
			if s := screen(a); !strings.Contains(s, "同屏轮流 · 第1回合（共12回合）") {
				t.Errorf("the hand-over should be in Chinese:\n%s", s)
			}
			requireScreen(t, a)
		})
		t.Run("facilitator-"+name, func(t *testing.T) {
			a := run(t, Options{Start: &StartOptions{Seats: twoSeats, Seed: 9, Facilitator: true}}, w, h,
				"enter", "enter", "space", "E", "y", "enter", "enter", "space", "E", "y", "f2",
				"down", "down", "down", "enter", "down", "enter", "up", "right", "right", "right", "right", "right")
			if f := facOf(t, a); len(a.ctx.Game.Facil.Inject) != 1 || f.cursor != facTimer {
				t.Fatalf("want the waiting turn with one event queued, the cursor on the timer")
			}
			if s := screen(a); !strings.Contains(s, "主持人") || !strings.Contains(s, "指令计时") {
				t.Errorf("the facilitator's screen should be in Chinese:\n%s", s)
			}
			requireScreen(t, a)
		})
	}
}

// hang wraps the lines after the first again, narrower: Chinese, which
// breaks between characters, must come back together without a space
// between two of them, and English with one between two words.
func TestHangChineseZhEnd(t *testing.T) {
	zh := "效果：Nvidia Capital -12、Beijing Grievance +3。迄今已发生1次。它不会自行再次发生；插入后则会发生。"
	got := hang(zh, 30, 2)
	lines := strings.Split(got, "\n")
	if len(lines) < 3 {
		t.Fatalf("want at least three lines:\n%s", got)
	}
	joined := lines[0]
	for i, l := range lines[1:] {
		if !strings.HasPrefix(l, "  ") || text.Width(l) > 30 {
			t.Errorf("line %d should be indented by 2 and at most 30 cells: %q", i+2, l)
		}
		joined += strings.TrimPrefix(l, "  ")
	}
	if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(zh, " ", "") || strings.Contains(joined, "发 生") {
		t.Errorf("the Chinese should come back whole, with no space between characters:\n%s", got)
	}
	en := "Effects: Nvidia Capital -12, Beijing Grievance +3. Fired 1 time so far. It would not fire again by itself; injected, it does."
	if got := strings.Join(strings.Fields(hang(en, 30, 2)), " "); got != en {
		t.Errorf("the English should come back word for word:\n%s", got)
	}
}

// A branch's label, which match.Rewind writes in English and saves keep,
// is shown in the interface's language; English is left as it is.
func TestBranchLabelZhEnd(t *testing.T) {
	b := "what-if from H2 2026; what-if from H1 2026"
	if got := branchLabel(b); got != b {
		t.Errorf("English: %q, want it unchanged", got)
	}
	inChinese(t)
	if got, want := branchLabel(b), "自2026年下半年起；自2026年上半年起"; got != want {
		t.Errorf("Chinese: %q, want %q", got, want)
	}
	if got := branchLabel("rewound by hand"); got != "rewound by hand" {
		t.Errorf("a label of another form should stay as it is: %q", got)
	}
}
