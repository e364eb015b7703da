package text

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// withLang runs f with the interface in lang, and puts English back.
func withLang(t *testing.T, lang string, f func()) {
	t.Helper()
	if err := SetLang(lang); err != nil {
		t.Fatal(err)
	}
	defer SetLang("en")
	f()
}

func TestMessagesInChinese(t *testing.T) {
	if got := Half(1, 2025); got != "H1 2025" {
		t.Errorf("English half-year: %q", got)
	}
	if got := F("Turn %d of %d", 2025, 12); got != "Turn 2025 of 12" {
		t.Errorf("an untranslated message must print as fmt does: %q", got)
	}
	withLang(t, "zh", func() {
		if got := Half(1, 2025); got != "2025年上半年" {
			t.Errorf("Chinese first half: %q", got)
		}
		if got := Half(2, 2026); got != "2026年下半年" {
			t.Errorf("Chinese second half: %q", got)
		}
		if got := F("No such message %d", 12345); got != "No such message 12345" {
			t.Errorf("a message without Chinese falls back to its English: %q", got)
		}
		if got := AndList([]string{"华为", "英伟达", "台北"}); got != "华为、英伟达和台北" {
			t.Errorf("Chinese list: %q", got)
		}
		if Plural(3) != "" || Ordinal(2) != "第2" || Possessive("北京") != "北京的" {
			t.Error("Chinese has no plural ending, writes ranks with 第 and possessives with 的")
		}
	})
	if Lang() != "en" {
		t.Error("SetLang(en) did not put English back")
	}
	if err := SetLang("fr"); err == nil {
		t.Error("an unknown language must be refused")
	}
}

func TestPickLang(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	cases := []struct {
		flag string
		env  func(string) string
		want string
		bad  bool
	}{
		{"", env(), "en", false},
		{"zh", env("ZEROSUM_LANG", "en"), "zh", false},
		{"", env("ZEROSUM_LANG", "zh", "LANG", "en_US.UTF-8"), "zh", false},
		{"", env("LANG", "zh_CN.UTF-8"), "zh", false},
		{"", env("LC_ALL", "en_GB.UTF-8", "LANG", "zh_CN.UTF-8"), "en", false},
		{"", env("LC_MESSAGES", "zh_TW.UTF-8"), "zh", false},
		{"", env("LANG", "C"), "en", false},
		{"de", env(), "", true},
		{"", env("ZEROSUM_LANG", "klingon"), "", true},
	}
	for i, c := range cases {
		got, err := PickLang(c.flag, c.env)
		if (err != nil) != c.bad || (!c.bad && got != c.want) {
			t.Errorf("case %d: got %q, %v", i, got, err)
		}
	}
}

// TestPickLangKept: the language kept from the title screen comes after
// --lang and ZEROSUM_LANG and before the locale; one the game does not
// have is passed over.
func TestPickLangKept(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	cases := []struct {
		flag, kept string
		env        func(string) string
		want       string
	}{
		{"", "zh", env(), "zh"},
		{"", "zh", env("LANG", "en_US.UTF-8"), "zh"},
		{"", "en", env("LC_ALL", "zh_CN.UTF-8"), "en"},
		{"en", "zh", env(), "en"},
		{"", "zh", env("ZEROSUM_LANG", "en"), "en"},
		{"", "fr", env("LANG", "zh_CN.UTF-8"), "zh"},
		{"", "", env("LANG", "zh_CN.UTF-8"), "zh"},
		{"", "", env(), "en"},
	}
	for i, c := range cases {
		got, err := PickLangKept(c.flag, c.kept, c.env)
		if err != nil || got != c.want {
			t.Errorf("case %d: got %q, %v; want %q", i, got, err, c.want)
		}
	}
}

func TestVerbsAndMismatch(t *testing.T) {
	if got := Verbs("%d of %[1]d, %s%% %+3d %[4]v"); !slices.Equal(got, []string{"1:d", "2:s", "3:d", "4:s"}) {
		t.Errorf("Verbs = %v", got)
	}
	if m := Mismatch("zh", "H%d %s"); m != "" {
		t.Errorf("the half-year's Chinese selects on argument 1 and prints 2: %s", m)
	}
}

// TestWrapChinese: no line is wider than asked, no character is lost or
// split, and no line starts with closing punctuation or ends with opening
// punctuation.
func TestWrapChinese(t *testing.T) {
	han := []string{"美", "国", "收", "紧", "出", "口", "管", "制", "华", "为", "台", "海"}
	closing := []string{"", "", "，", "。", "、", "）", "》", "！"}
	opening := []string{"", "", "", "（", "《", "「"}
	latin := []string{"AI", "H20", "+3", "self-reliance", "Nvidia"}
	rapid.Check(t, func(t *rapid.T) {
		// Units that may not be split: an opening mark, a character and a
		// closing mark; or a Latin word between spaces.
		n := rapid.IntRange(1, 40).Draw(t, "units")
		var b strings.Builder
		for range n {
			if rapid.IntRange(0, 5).Draw(t, "latin?") == 0 {
				b.WriteString(" " + rapid.SampledFrom(latin).Draw(t, "word") + " ")
				continue
			}
			b.WriteString(rapid.SampledFrom(opening).Draw(t, "open") + rapid.SampledFrom(han).Draw(t, "han") + rapid.SampledFrom(closing).Draw(t, "close"))
		}
		s := strings.Join(strings.Fields(b.String()), " ")
		w := rapid.IntRange(14, 60).Draw(t, "width")
		out := Wrap(s, w)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8")
		}
		if strings.ReplaceAll(strings.ReplaceAll(out, "\n", ""), " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Fatalf("wrapping changed the text:\n%q\n%q", s, out)
		}
		for i, line := range strings.Split(out, "\n") {
			if Width(line) > w {
				t.Fatalf("line %q is %d cells wide, more than %d", line, Width(line), w)
			}
			if i > 0 && line != "" {
				if r, _ := utf8.DecodeRuneInString(line); strings.ContainsRune("，。、；：？！）》」", r) {
					// allowed only when the line before could hold nothing else
					t.Fatalf("line starts with closing punctuation: %q in\n%s", line, out)
				}
			}
		}
	})
}
