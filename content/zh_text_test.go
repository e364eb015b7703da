package content

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"zerosum/text"
)

// The Chinese translation's typography and terminology, checked on the
// text as the game shows it (glossary links written out, placeholders
// filled in). data/lang/zh/00-terms.yaml records the rules.
var (
	// Half-width punctuation or a straight quote next to a Chinese
	// character: Chinese sentences take ，。；：？！（）“”.
	zhHalfWidth = regexp.MustCompile(`\p{Han}[,.;:!?()"']|[,.;:!?()"']\p{Han}`)
	// A space beside a Chinese character or full-width punctuation (no
	// space between Chinese and digits or Latin words: 英伟达H20, 第3回合).
	zhSpace = regexp.MustCompile(`[\p{Han}，。；：？！、（）“”《》] | [\p{Han}，。；：？！、（）“”《》]`)
	// An action named in another text: its name in quotes, then 指令 (or
	// 指令 with the name in brackets after it).
	zhActionRef = regexp.MustCompile(`“([^”]+)”指令|指令（“([^”]+)”）`)
)

// zhVariants are renderings the terminology record rules out, with the
// term to use instead: the same English word must read the same everywhere.
var zhVariants = map[string]string{
	"两头下注": "两面下注 (hedging)",
	"监管氛围": "监管环境 (the Regulation climate track)",
	"产业势头": "人工智能势头 (the AI momentum track)",
	"行业势头": "人工智能势头 (the AI momentum track)",
	"台湾当局": "台湾方面 (neutral: Taiwan's government)",
	"台湾政府": "台湾方面 (neutral: Taiwan's government)",
	"开放权重": "开源权重 (open weights)",
	"摇摆州":  "摇摆国家 (swing states)",
	"计算能力": "算力 (compute)",
}

func TestChineseTexts(t *testing.T) {
	packs := map[string]*Pack{}
	var actions []string // every scenario's: a text may outlive its actor
	for _, id := range ScenarioIDs() {
		p, err := LoadLang(id, "zh")
		if err != nil {
			t.Fatal(err)
		}
		packs[id] = p
		for _, a := range p.Scenario.Actions {
			actions = append(actions, a.Name)
		}
	}
	for _, id := range ScenarioIDs() {
		p := packs[id]
		for _, k := range p.TextKeys() {
			if slices.Contains(p.Untranslated, k) {
				continue // still English
			}
			raw := p.T(k)
			if strings.Contains(strings.TrimSpace(raw), "\n") {
				t.Errorf("%s: %s runs over more than one line (a line break reads as a space)", id, k)
			}
			s := text.Expand(text.Collapse(raw), p.LinkText)
			for _, m := range zhHalfWidth.FindAllString(s, -1) {
				t.Errorf("%s: %s has half-width punctuation next to Chinese: %q", id, k, m)
			}
			for _, m := range zhSpace.FindAllStringIndex(s, -1) {
				t.Errorf("%s: %s has a space in Chinese text: %q", id, k, zhAround(s, m[0], m[1]))
			}
			if msg := zhUnpaired(s); msg != "" {
				t.Errorf("%s: %s: %s", id, k, msg)
			}
			for _, m := range zhActionRef.FindAllStringSubmatch(s, -1) {
				name := m[1] + m[2]
				if !slices.Contains(actions, name) {
					t.Errorf("%s: %s names the action “%s”, which is not an action's name", id, k, name)
				}
			}
			for bad, good := range zhVariants {
				if strings.Contains(s, bad) {
					t.Errorf("%s: %s writes %s; the terminology has %s", id, k, bad, good)
				}
			}
		}
	}
}

// zhUnpaired reports an opening quote or bracket without its closing one
// (or the reverse), or a pair opened inside one of its own kind.
func zhUnpaired(s string) string {
	for _, pair := range []string{"“”", "（）", "《》"} {
		r := []rune(pair)
		depth := 0
		for _, c := range s {
			switch c {
			case r[0]:
				depth++
			case r[1]:
				depth--
			}
			if depth < 0 || depth > 1 {
				return "unpaired " + pair
			}
		}
		if depth != 0 {
			return "unpaired " + pair
		}
	}
	return ""
}

// zhAround quotes a few characters either side of s[i:j].
func zhAround(s string, i, j int) string {
	r := []rune(s[:i])
	from := max(0, len(r)-6)
	after := []rune(s[j:])
	return string(r[from:]) + s[i:j] + string(after[:min(6, len(after))])
}

// Each check above catches what it is for.
func TestChineseTextChecks(t *testing.T) {
	for s, want := range map[string]bool{
		"华盛顿收紧管制,北京": true, "华盛顿收紧管制，北京": false, "英伟达H20": false,
	} {
		if got := zhHalfWidth.MatchString(s); got != want {
			t.Errorf("half-width in %q: %v", s, got)
		}
	}
	for s, want := range map[string]bool{
		"华盛顿 收紧": true, "英伟达 H20": true, "第 3回合": true, "Llama 3.1 405B": false, "（ 因果链1）": true,
	} {
		if got := zhSpace.MatchString(s); got != want {
			t.Errorf("space in %q: %v", s, got)
		}
	}
	if zhUnpaired("“管制”（因果链1）《人工智能法案》") != "" || zhUnpaired("“管制（因果链1）") == "" || zhUnpaired("）（") == "" {
		t.Error("zhUnpaired misjudges pairs")
	}
	m := zhActionRef.FindAllStringSubmatch("它的“建设超大集群”指令，以及指令（“启动AI曼哈顿计划”）", -1)
	if len(m) != 2 || m[0][1] != "建设超大集群" || m[1][2] != "启动AI曼哈顿计划" {
		t.Errorf("action references: %q", m)
	}
}
