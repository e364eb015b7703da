package text

import (
	"testing"
	"unicode/utf8"
)

// The first letter changes case as a letter, never as a byte.
func TestFirstLetter(t *testing.T) {
	up, down, sentence := "Capitalize", "Uncapitalize", "Sentence"
	fns := map[string]func(string) string{up: Capitalize, down: Uncapitalize, sentence: Sentence}
	for _, c := range []struct{ fn, in, want string }{
		{up, "", ""},
		{up, "émirats arabes unis", "Émirats arabes unis"},
		{up, "écart technologique", "Écart technologique"},
		{up, "ǆungla", "ǅungla"},         // a digraph takes its title case
		{up, "e\u0301tat", "E\u0301tat"}, // a combining accent stays on its letter
		{up, "华盛顿", "华盛顿"},
		{up, "🚀 launch", "🚀 launch"},
		{up, "already Up", "Already Up"},
		{up, "Washington", "Washington"},
		{up, "3 turns", "3 turns"},
		{up, "\xc3", "\xc3"}, // a cut character is left alone, never made worse
		{down, "", ""},
		{down, "Écart technologique", "écart technologique"},
		{down, "Export controls", "export controls"},
		{down, "AI Act", "AI Act"},
		{down, "EUV lithography", "EUV lithography"},
		{down, "Ölpreis", "ölpreis"},
		{down, "华盛顿", "华盛顿"},
		{down, "😀 Smile", "😀 Smile"},
		{sentence, "", ""},
		{sentence, "  écrit trop vite ", "Écrit trop vite."},
		{sentence, "done.", "Done."},
		{sentence, "really?", "Really?"},
		{sentence, "wait…", "Wait…"},
		{sentence, "华盛顿", "华盛顿."},
	} {
		got := fns[c.fn](c.in)
		if got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.fn, c.in, got, c.want)
		}
		if utf8.ValidString(c.in) && !utf8.ValidString(got) {
			t.Errorf("%s(%q) = %q is not valid UTF-8", c.fn, c.in, got)
		}
	}
}

func TestSentenceStart(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"", true},
		{"   ", true},
		{"It rose. ", true},
		{"It rose", false},
		{"Note: ", true},
		{"\x1b[1mIt rose.\x1b[0m ", true},
		{"华盛顿收紧管制。", true},
		{"华盛顿", false},
		{"ça monte 🚀 ", false},
	} {
		if got := SentenceStart(c.in); got != c.want {
			t.Errorf("SentenceStart(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestWidthAndPadding(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
	}{
		{"Meta", 4},
		{"华盛顿", 6},
		{"Émirats", 7},
		{"e\u0301", 1},
		{"🚀", 2},
		{"\x1b[1mbold\x1b[0m", 4},
	} {
		if got := Width(c.in); got != c.width {
			t.Errorf("Width(%q) = %d, want %d", c.in, got, c.width)
		}
		if got := Width(PadRight(c.in, 10)); got != 10 {
			t.Errorf("PadRight(%q, 10) is %d cells wide", c.in, got)
		}
		if got := Width(PadLeft(c.in, 10)); got != 10 {
			t.Errorf("PadLeft(%q, 10) is %d cells wide", c.in, got)
		}
	}
	// Labels of different scripts padded to one width start what follows
	// in the same cell.
	a, b := PadRight("华盛顿", 8)+"|", PadRight("Meta", 8)+"|"
	if Width(a) != 9 || Width(b) != 9 {
		t.Errorf("padded labels do not line up: %q (%d) and %q (%d)", a, Width(a), b, Width(b))
	}
	if got := PadRight("too long", 3); got != "too long" {
		t.Errorf("PadRight cut its text: %q", got)
	}
}

func TestTruncate(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"Washington", 20, "Washington"},
		{"Washington", 5, "Wash…"},
		{"华盛顿特区", 5, "华盛…"},
		{"Émirats arabes", 4, "Émi…"},
		{"🚀🚀🚀", 3, "🚀…"},
		{"anything", 0, ""},
	} {
		got := Truncate(c.in, c.w)
		if got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		if Width(got) > c.w {
			t.Errorf("Truncate(%q, %d) = %q is %d cells", c.in, c.w, got, Width(got))
		}
	}
}

func TestNumbersAndWords(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Signed(3), "+3"}, {Signed(-2), "-2"}, {Signed(0), "0"},
		{Change(3), "+3"}, {Change(-2), "-2"}, {Change(0), "±0"},
		{Plural(0), "s"}, {Plural(1), ""}, {Plural(2), "s"},
		{Count(0, "turn", "turns"), "no turns"}, {Count(1, "turn", "turns"), "1 turn"}, {Count(12, "turn", "turns"), "12 turns"},
		{Possessive("Beijing"), "Beijing's"}, {Possessive("Brussels"), "Brussels'"}, {Possessive("华盛顿"), "华盛顿's"},
		{AndList(nil), ""}, {AndList([]string{"A"}), "A"}, {AndList([]string{"A", "B"}), "A and B"},
		{AndList([]string{"Émirats", "华盛顿", "🚀"}), "Émirats, 华盛顿 and 🚀"},
		{Ordinal(1), "1st"}, {Ordinal(2), "2nd"}, {Ordinal(3), "3rd"}, {Ordinal(4), "4th"},
		{Ordinal(11), "11th"}, {Ordinal(12), "12th"}, {Ordinal(13), "13th"}, {Ordinal(22), "22nd"}, {Ordinal(101), "101st"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if Abs(-4) != 4 || Abs(4) != 4 || Abs(0) != 0 {
		t.Errorf("Abs is wrong")
	}
}

func TestLinks(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []Link
	}{
		{"no links", nil},
		{"[[export_controls]]", []Link{{ID: "export_controls"}}},
		{"widens [[ export_controls ]] again", []Link{{ID: "export_controls"}}},
		{"[[chip_yield|yield]] and [[ chip_yield | yields ]]", []Link{{"chip_yield", "yield"}, {"chip_yield", "yields"}}},
		{"[[écart|Écart technologique]]", []Link{{"écart", "Écart technologique"}}},
		{"[[华盛顿]] 🚀 [[h100]]", []Link{{ID: "华盛顿"}, {ID: "h100"}}},
		{"an [[open one", nil},
		{"]] before [[x]]", []Link{{ID: "x"}}},
	} {
		got := Links(c.in)
		if len(got) != len(c.want) {
			t.Errorf("Links(%q) = %v, want %v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("Links(%q)[%d] = %+v, want %+v", c.in, i, got[i], c.want[i])
			}
		}
	}
}

func TestExpand(t *testing.T) {
	names := map[string]string{"export_controls": "Export controls", "ecart": "Écart technologique", "washington": "华盛顿"}
	term := func(l Link, start bool) string {
		if l.Words != "" {
			return l.Words
		}
		if start {
			return names[l.ID]
		}
		return Uncapitalize(names[l.ID])
	}
	for _, c := range []struct{ in, want string }{
		{"Washington widens [[ export_controls ]] again.", "Washington widens export controls again."},
		{"[[export_controls]] widen. [[export_controls]] again", "Export controls widen. Export controls again"},
		{"The [[ecart]] grows.", "The écart technologique grows."},
		{"[[ecart]] grows.", "Écart technologique grows."},
		{"[[washington]] 🚀 [[export_controls|controls]]", "华盛顿 🚀 controls"},
		{"an [[open one", "an [[open one"},
		{"[[ export_controls | the controls ]]!", "the controls!"},
	} {
		if got := Expand(c.in, term); got != c.want {
			t.Errorf("Expand(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Plain("widens [[ export_controls ]] and [[chip_yield|yield]] [[x"); got != "widens export controls and yield [[x" {
		t.Errorf("Plain = %q", got)
	}
	if got := Collapse("  folded\n  yaml\ttext "); got != "folded yaml text" {
		t.Errorf("Collapse = %q", got)
	}
}
