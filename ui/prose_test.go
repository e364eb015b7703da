package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"zerosum/content"
	"zerosum/game/bot"
)

func proseCtx(t *testing.T) *Context {
	t.Helper()
	p, err := content.Load(content.DefaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSession(p, 1, "washington", bot.Normal, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &Context{Theme: NewTheme(ThemeMono), Game: s}
}

// TestProseNeverSplitsANegativeNumber wraps at every width and checks no
// line ends in a minus sign whose digits went to the next line.
func TestProseNeverSplitsANegativeNumber(t *testing.T) {
	ctx := proseCtx(t)
	s := "Tension rose by -3 points and the well-known grey-zone pressure rose -10 again (-7 in all)."
	for w := 8; w <= 40; w++ {
		lines := strings.Split(ansi.Strip(Prose(ctx, s, w)), "\n")
		for i, l := range lines[:len(lines)-1] {
			l = strings.TrimRight(l, " ")
			if (strings.HasSuffix(l, "-") || strings.HasSuffix(l, "\u2011")) && strings.IndexAny(lines[i+1], "0123456789") == 0 {
				t.Fatalf("width %d splits a number: %q / %q", w, l, lines[i+1])
			}
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Fatalf("width %d: line %q is wider", w, l)
			}
		}
	}
}

// TestProseGlossaryLinks: a bare link reads as the term, a common noun is
// lower-cased inside a sentence but not at its start, proper names keep
// their capitals, and [[id|words]] shows the words.
func TestProseGlossaryLinks(t *testing.T) {
	ctx := proseCtx(t)
	cases := map[string]string{
		"Use [[export_controls]] to slow China.":       "Use export controls to slow China.",
		"[[export_controls]] slow China.":              "Export controls slow China.",
		"It hit the [[entity_list]] hard.":             "It hit the Entity List hard.",
		"Build [[sovereign_ai]] at home.":              "Build sovereign AI at home.",
		"The [[ai_act|AI Act]] came into force.":       "The AI Act came into force.",
		"Done. [[grey_zone]] followed.":                "Done. Grey-zone pressure followed.",
		"A model from [[deepseek]] surprised them.":    "A model from DeepSeek surprised them.",
		"Nothing to link here: [[x|words]] as shown":   "Nothing to link here: words as shown",
		"It widens [[ export_controls ]] again.":       "It widens export controls again.",
		"It widens [[ export_controls | the rules ]].": "It widens the rules.",
	}
	for in, want := range cases {
		if got := ansi.Strip(Prose(ctx, in, 0)); got != want {
			t.Errorf("%q\n got  %q\n want %q", in, got, want)
		}
	}
}

// An accented glossary term keeps its accent when a sentence lowers its
// capital, and one in CJK or with an emoji comes out whole.
func TestProseTermsInAnyScript(t *testing.T) {
	ctx := proseCtx(t)
	p := *ctx.Game.Pack
	p.Glossary = append(slices.Clone(p.Glossary),
		content.Term{ID: "ecart", Term: "Écart technologique", Common: true},
		content.Term{ID: "hua", Term: "华盛顿", Common: true},
		content.Term{ID: "rocket", Term: "🚀 Launch", Common: true})
	g := *ctx.Game
	g.Pack = &p
	ctx.Game = &g
	for in, want := range map[string]string{
		"Le [[ecart]] se creuse.": "Le écart technologique se creuse.",
		"[[ecart]] se creuse.":    "Écart technologique se creuse.",
		"Il voit [[ hua ]] agir.": "Il voit 华盛顿 agir.",
		"Then [[rocket]] goes.":   "Then 🚀 Launch goes.",
	} {
		if got := ansi.Strip(Prose(ctx, in, 0)); got != want {
			t.Errorf("%q\n got  %q\n want %q", in, got, want)
		}
		if got := Prose(ctx, in, 12); !utf8.ValidString(got) {
			t.Errorf("%q wrapped is not valid UTF-8: %q", in, got)
		}
	}
}

// No line of wrapped text is a lone signed number: "+1" stays with the
// cause it belongs to, "-1" with its words, and a hyphenated word or a
// path is never broken at a hyphen.
func TestWrapKeepsNumbersAndHyphensWithTheirWords(t *testing.T) {
	s := "Strait tension eased 5 → 4 (-1), now TENSE: Beijing: Grey-zone drills in the Strait -1, news: Thaw talks +1, Washington: Back-channel talks ±0. The report is in /home/ana/.local/share/zerosum-data/reports/race2025-seed-7.md"
	lone := regexp.MustCompile(`^[+\-±]?[0-9]+[,.]?$`)
	for w := 12; w <= 80; w++ {
		lines := strings.Split(wrap(s, w), "\n")
		for i, l := range lines {
			l = strings.TrimSpace(l)
			if lone.MatchString(l) {
				t.Errorf("width %d: line %d is a lone number %q", w, i+1, l)
			}
			// (A word longer than the line is cut at the line's end, which
			// may fall after a hyphen by chance.)
			if strings.HasSuffix(l, "-") && ansi.StringWidth(l) < w {
				t.Errorf("width %d: line %d breaks at a hyphen: %q", w, i+1, l)
			}
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %d is wider: %q", w, i+1, l)
			}
		}
		if got := strings.Join(strings.Fields(strings.Join(lines, " ")), " "); !strings.Contains(strings.ReplaceAll(got, " ", ""), strings.ReplaceAll("/home/ana/.local/share/zerosum-data/reports/race2025-seed-7.md", " ", "")) {
			t.Errorf("width %d: the path did not survive: %q", w, got)
		}
	}
}
