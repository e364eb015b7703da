package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zerosum/saves"
	"zerosum/text"
)

// inChinese puts the interface in Chinese for one test and English back
// after it. Such a test never runs in parallel: the language is the
// program's.
// Goldens in Chinese of the title, the setup (an actor's detail), the
// briefing and the help overlay (over the setup) at 80x24 and 120x40, with
// the content in Chinese too.
func TestChineseFrontGolden(t *testing.T) {
	inChinese(t)
	pinSeed(t, 271828)
	cases := []struct {
		name string
		opts Options
		keys []string
	}{
		{"title", Options{}, nil},
		{"setup", Options{}, []string{"enter", "down"}},
		{"setup-ready", Options{}, []string{"enter", "G"}},
		{"briefing", briefingStart, nil},
		{"briefing-objectives", briefingStart, []string{"pgdown"}},
		{"help", Options{}, []string{"enter", "?"}},
		{"guide", Options{}, []string{"G", "up", "up", "enter"}},
	}
	for _, c := range cases {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(c.name+"-"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
				a := run(t, c.opts, size[0], size[1], c.keys...)
				requireScreen(t, a)
			})
		}
	}
}

// Goldens in Chinese of the load screen and the save dialog.
func TestChineseSavingGolden(t *testing.T) {
	inChinese(t)
	st := savesFixture(t)
	for _, size := range goldenSizes {
		t.Run("load-"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := runIO(t, withStore(Options{}, st), size[0], size[1], "down", "down", "down", "enter")
			if _, ok := a.screen.(*savesScreen); !ok {
				t.Fatalf("not on the load screen: %s", a.screen.Name())
			}
			requireScreen(t, a)
		})
		t.Run("save-"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := runIO(t, withStore(saveStart, tempStore(t)), size[0], size[1], "enter", "space", "s")
			if len(a.dialogs) == 0 {
				t.Fatal("no dialog open")
			}
			requireScreen(t, a)
		})
	}
}

// Goldens in Chinese of the room's page while a turn waits for the
// facilitator.
func TestChineseWaitingRoomGolden(t *testing.T) {
	inChinese(t)
	for _, size := range goldenSizes {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			a := run(t, Options{Start: &StartOptions{Seats: twoSeats, Seed: 9, Facilitator: true}, Tick: noTick}, size[0], size[1],
				"enter", "enter", "space", "E", "y", "enter", "enter", "space", "E", "y")
			if _, ok := a.screen.(*waitingRoom); !ok {
				t.Fatalf("want the room's page, got %s", a.screen.Name())
			}
			requireScreen(t, a)
			fitsIn(t, "waiting room", a.screen.View(), size[0])
		})
	}
}

// The Language item of the title switches the interface at once, words
// and keys' help alike, keeps the choice in the data folder for the next
// start, and switches back.
func TestTitleLanguageSwitch(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	st := tempStore(t)
	a := sized(withStore(Options{}, st), 80, 24)
	ti := titleOf(t, a)
	ti.cursor = itemLanguage
	if s := screen(a); !strings.Contains(s, "Language") || !strings.Contains(s, "English · enter switches to 简体中文") {
		t.Fatalf("the title should offer the language:\n%s", s)
	}
	_, cmd := ti.Update(keyMsg("enter"))
	if text.Lang() != "zh" {
		t.Fatalf("enter on Language should switch to Chinese, the language is %s", text.Lang())
	}
	s := screen(a)
	for _, want := range []string{"新游戏", "语言", "简体中文 · 按enter切换为English", "enter 选择", "? 帮助"} {
		if !strings.Contains(s, want) {
			t.Errorf("after the switch the title should show %q:\n%s", want, s)
		}
	}
	if cmd == nil {
		t.Fatal("the switch should keep the choice with a command")
	}
	if msg, ok := cmd().(langKeptMsg); !ok || msg.err != nil {
		t.Fatalf("keeping the language: %#v", msg)
	}
	if p, err := saves.ReadPrefs(st.Dir); err != nil || p.Language != "zh" {
		t.Errorf("the data folder should keep zh, has %+v (%v)", p, err)
	}
	// A game started now is in the new language: its pack is loaded in
	// the interface's, and the setup's words are Chinese.
	press(a, "g", "down", "enter")
	if _, ok := a.Screen().(*setup); !ok {
		t.Fatalf("enter on New game should open the setup, got %s", a.Screen().Name())
	}
	if s := screen(a); !strings.Contains(s, "席位") || !strings.Contains(s, "开始游戏") {
		t.Errorf("the setup should be in Chinese:\n%s", s)
	}
	press(a, "esc")
	ti = titleOf(t, a)
	ti.cursor = itemLanguage
	press(a, "right")
	if text.Lang() != "en" || !strings.Contains(screen(a), "New game") {
		t.Errorf("→ on Language should switch back to English:\n%s", screen(a))
	}
}

// Without a data folder the switch holds for this run and says so; with
// --lang or ZEROSUM_LANG given, it says which one wins at the next start;
// a folder that cannot be written says the choice was not kept.
func TestTitleLanguageNotKept(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	a := sized(Options{}, 80, 24)
	ti := titleOf(t, a)
	ti.cursor = itemLanguage
	if _, cmd := ti.Update(keyMsg("enter")); cmd != nil {
		t.Error("without a store nothing is written")
	}
	if !strings.Contains(a.ctx.flash, "下次启动") {
		t.Errorf("the flash should say the choice holds for this run only: %q", a.ctx.flash)
	}
	text.SetLang("en")

	st := tempStore(t)
	b := sized(Options{Store: st, LangFrom: "ZEROSUM_LANG"}, 80, 24)
	tb := titleOf(t, b)
	tb.cursor = itemLanguage
	_, cmd := tb.Update(keyMsg("enter"))
	if !strings.Contains(b.ctx.flash, "ZEROSUM_LANG") {
		t.Errorf("the flash should name ZEROSUM_LANG: %q", b.ctx.flash)
	}
	text.SetLang("en")
	// settings.json is a folder: the choice cannot be kept (even for a
	// user who may write anywhere), and the title says so.
	if err := os.Mkdir(filepath.Join(st.Dir, "settings.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	msg := cmd()
	tb.Update(msg)
	if m, ok := msg.(langKeptMsg); !ok || m.err == nil || !b.ctx.flashBad || !strings.Contains(b.ctx.flash, "could not be kept") {
		t.Errorf("a folder that cannot be written should be reported: %#v, flash %q", msg, b.ctx.flash)
	}
}

// A save's date is written in the interface's language; text that is not
// a half-year is shown as it is.
func TestPreviewDate(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	cases := []struct{ in, en, zh string }{
		{"H2 2026", "H2 2026", "2026年下半年"},
		{"end of H1 2030", "end of H1 2030", "2030年上半年末"},
		{"H3 2026", "H3 2026", "H3 2026"},
		{"H1 2026x", "H1 2026x", "H1 2026x"},
		{"", "", ""},
	}
	for _, c := range cases {
		text.SetLang("en")
		if got := previewDate(saves.Preview{Date: c.in}); got != c.en {
			t.Errorf("en %q: got %q, want %q", c.in, got, c.en)
		}
		text.SetLang("zh")
		if got := previewDate(saves.Preview{Date: c.in}); got != c.zh {
			t.Errorf("zh %q: got %q, want %q", c.in, got, c.zh)
		}
	}
}

// A save's name refused in Chinese says why, for each of ValidSlot's
// reasons; a suggested name never holds Chinese letters (it is a file's
// name too).
func TestChineseSaveNames(t *testing.T) {
	inChinese(t)
	for name, want := range map[string]string{
		"":                      "存档需要一个名称",
		"北京":                    "不能有'北'",
		"auto-3":                "留作自动存档使用",
		"last-good":             "留作自动存档使用",
		strings.Repeat("a", 41): "最多40个字符",
	} {
		err := saves.ValidSlot(name)
		if err == nil {
			t.Fatalf("%q should be refused", name)
		}
		if got := slotProblem(name, err); !strings.Contains(got, want) {
			t.Errorf("%q: %q should say %q", name, got, want)
		}
	}
	a := sized(saveStart, 80, 24)
	if g := a.ctx.Game; g != nil {
		g.Scenario().Actors[g.Player].Name = "北京"
		if n := defaultSaveName(g); saves.ValidSlot(n) != nil || !strings.HasPrefix(n, "Beijing ") {
			t.Errorf("the suggested name %q should be a valid name from the actor's id", n)
		}
	}
}

// The default names of hot-seat players are recognized in either
// language, so going back to the setup does not keep them as typed names.
func TestDefaultNameBothLanguages(t *testing.T) {
	inChinese(t)
	for _, n := range []string{"Player 2", "玩家2", "玩家12"} {
		if !defaultName(n) {
			t.Errorf("%q is a default name", n)
		}
	}
	for _, n := range []string{"Ana", "玩家", "Player x"} {
		if defaultName(n) {
			t.Errorf("%q is not a default name", n)
		}
	}
}

// A save made in English is listed in Chinese with the scenario's own
// Chinese words for its title, actor and players, not the English kept in
// the file; a scenario that is not built in keeps the file's words.
func TestPreviewWordsInTheReadersLanguage(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	st := savesFixture(t) // written in English
	e, err := st.Load("before the vote")
	if err != nil {
		t.Fatal(err)
	}
	if _, who, _ := previewWords(e.Save); who != "Beijing" {
		t.Fatalf("in English the actor is Beijing, got %q", who)
	}
	inChinese(t)
	title, who, _ := previewWords(e.Save)
	p := builtInPack(e.Save.Scenario)
	if p == nil {
		t.Fatal("the built-in scenario should load")
	}
	a, _ := p.Scenario.ActorIndex("beijing")
	if who != p.Scenario.Actors[a].Name || title != p.Scenario.Title {
		t.Errorf("in Chinese: %q, %q; want %q, %q", title, who, p.Scenario.Title, p.Scenario.Actors[a].Name)
	}
	if who == "Beijing" {
		t.Logf("the scenario has no Chinese name for Beijing yet")
	}
	custom := *e.Save
	custom.Source = "my.yaml"
	if _, who, _ := previewWords(&custom); who != "Beijing" {
		t.Errorf("a scenario that is not built in keeps the file's words, got %q", who)
	}
	bots := *e.Save
	bots.Seats = []saves.Seat{{Actor: "beijing", Kind: "bot"}}
	if _, who, _ := previewWords(&bots); who != "仅电脑玩家" {
		t.Errorf("a bots' game: got %q", who)
	}
}
