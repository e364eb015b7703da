package text

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The interface's words are written in English in the Go code, and every
// one goes through T (a fixed message) or F (a message with Printf verbs).
// The English text is the message's key; lang/<lang>/*.yaml give each key
// its translation, and lang/en.yaml the English plural forms. The catalog
// and printer are golang.org/x/text/message's: CLDR plural rules, language
// matching and fallback to English for a message without a translation.
//
// A translation file maps keys to text:
//
//	"Save game": 保存游戏
//	"%d futures": "%d 个未来"
//
// or, where the words depend on a number, to its plural forms (zero, one,
// two, few, many, other, or "=N" for an exact value; arg: which argument
// decides, 1 unless given):
//
//	"%d seats left":
//	  one: "%d seat left"
//	  other: "%d seats left"
//
// Numbers are written as fmt writes them, without grouping (a year is
// 2025 in both languages, a seed 271828).

//go:embed lang
var langFiles embed.FS

// Languages the interface is written in; English first.
var Languages = []string{"en", "zh"}

// LanguageNames are the languages as their speakers write them.
var LanguageNames = map[string]string{"en": "English", "zh": "简体中文"}

var tags = map[string]language.Tag{"en": language.English, "zh": language.SimplifiedChinese}

type langState struct {
	id      string
	printer *message.Printer
}

var (
	current   atomic.Pointer[langState]
	catOnce   sync.Once
	cat       *catalog.Builder
	catErr    error
	catKeys   map[string]map[string]bool // lang -> keys with a message
	catForms  map[string]map[string][]string
	catArg    map[string]map[string]int // lang -> plural message -> the argument that decides
	printers  = map[string]*message.Printer{}
	printerMu sync.Mutex
)

// SetLang sets the language of the interface for the whole program: "en"
// or "zh".
func SetLang(lang string) error {
	if !slices.Contains(Languages, lang) {
		return fmt.Errorf("no interface in language %q; the languages are: %s", lang, strings.Join(Languages, ", "))
	}
	current.Store(&langState{id: lang, printer: printerFor(lang)})
	return nil
}

// Lang is the interface's language ("en" unless SetLang said otherwise).
func Lang() string {
	if s := current.Load(); s != nil {
		return s.id
	}
	return "en"
}

// Chinese reports whether the interface is in Chinese.
func Chinese() bool { return Lang() == "zh" }

// PickLang chooses the language from what the user gave: the --lang flag,
// then the ZEROSUM_LANG variable, then the locale variables (LC_ALL,
// LC_MESSAGES, LANG: one starting with "zh" means Chinese), else English.
// getenv is os.Getenv (a parameter so that tests can give their own).
func PickLang(flag string, getenv func(string) string) (string, error) {
	return PickLangKept(flag, "", getenv)
}

// PickLangKept is PickLang with the language the player chose in the game
// and the game kept for the next start (kept; "" for none): it comes after
// --lang and ZEROSUM_LANG, which say what the user wants now, and before
// the locale. A kept language the game does not have is passed over.
func PickLangKept(flag, kept string, getenv func(string) string) (string, error) {
	if flag != "" {
		return flag, checkLang(flag, "--lang")
	}
	if v := getenv("ZEROSUM_LANG"); v != "" {
		return v, checkLang(v, "ZEROSUM_LANG")
	}
	if slices.Contains(Languages, kept) {
		return kept, nil
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "zh") {
			return "zh", nil
		}
		return "en", nil // the first locale variable set decides, as in POSIX
	}
	return "en", nil
}

func checkLang(lang, from string) error {
	if slices.Contains(Languages, lang) {
		return nil
	}
	return fmt.Errorf("%s: no interface in language %q; the languages are: %s", from, lang, strings.Join(Languages, ", "))
}

func printerFor(lang string) *message.Printer {
	loadCatalog()
	printerMu.Lock()
	defer printerMu.Unlock()
	if p, ok := printers[lang]; ok {
		return p
	}
	p := message.NewPrinter(tags[lang], message.Catalog(cat))
	printers[lang] = p
	return p
}

func printer() *message.Printer {
	if s := current.Load(); s != nil {
		return s.printer
	}
	return printerFor("en")
}

// T is a fixed message of the interface in the current language. Its key
// holds no Printf verbs: it is looked up, never formatted.
func T(msg string) string {
	loadCatalog()
	if f := catForms[Lang()][msg]; len(f) == 1 {
		return f[0]
	}
	return msg
}

// F is a message with Printf verbs in the current language. Integers are
// written without grouping and decide the plural form where the message
// has one.
func F(format string, args ...any) string {
	loadCatalog()
	lang := Lang()
	if !catKeys[lang][format] {
		return fmt.Sprintf(format, args...)
	}
	for i, a := range args {
		if n, ok := asInt(a); ok {
			args[i] = plainInt(n)
		} else if n, ok := asUint(a); ok {
			args[i] = plainUint(n)
		}
	}
	return printer().Sprintf(format, args...)
}

// asInt reports whether a is an integer of a built-in kind.
func asInt(a any) (int64, bool) {
	switch v := a.(type) {
	case int:
		return int64(v), true
	case int8:
		return int64(v), true
	case int16:
		return int64(v), true
	case int32:
		return int64(v), true
	case int64:
		return v, true
	case uint8:
		return int64(v), true
	case uint16:
		return int64(v), true
	case uint32:
		return int64(v), true
	}
	return 0, false
}

// asUint reports whether a is an unsigned integer too large a kind for
// asInt (a seed is a uint64).
func asUint(a any) (uint64, bool) {
	switch v := a.(type) {
	case uint:
		return uint64(v), true
	case uint64:
		return v, true
	}
	return 0, false
}

// plainUint is plainInt for uint64: printed as fmt prints it, never
// grouped ("seed 14126450208036296730", not "14,126,…").
type plainUint uint64

func (n plainUint) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), uint64(n))
}

func (n plainUint) PluralForm(t language.Tag, scale int) (plural.Form, int) {
	v := int(uint64(n) % 10000000)
	return plural.Cardinal.MatchPlural(t, v, 0, 0, 0, 0), v
}

// plainInt is an integer argument of F: printed as fmt prints it, plural
// form by CLDR rules.
type plainInt int64

func (n plainInt) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), int64(n))
}

func (n plainInt) PluralForm(t language.Tag, scale int) (plural.Form, int) {
	v := int64(n)
	if v < 0 {
		v = -v
	}
	return plural.Cardinal.MatchPlural(t, int(v%10000000), 0, 0, 0, 0), int(v % 10000000)
}

// Has reports whether lang has a message for key (English has every key).
func Has(lang, key string) bool {
	loadCatalog()
	return lang == "en" || catKeys[lang][key]
}

// Messages lists the keys lang gives a message for, sorted.
func Messages(lang string) []string {
	loadCatalog()
	keys := make([]string, 0, len(catKeys[lang]))
	for k := range catKeys[lang] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Forms are the texts lang gives key: one, or one per plural form.
func Forms(lang, key string) []string {
	loadCatalog()
	return catForms[lang][key]
}

// Mismatch says how lang's message for an F key prints other arguments
// than the English does ("" when it prints the same ones, with the same
// kinds of verb). A plural message may leave out the argument that decides
// its form.
func Mismatch(lang, key string) string {
	loadCatalog()
	en := Verbs(key)
	if c := Forms("en", key); len(c) > 0 {
		en = nil
		for _, f := range c {
			en = append(en, Verbs(f)...)
		}
		en = append(en, Verbs(key)...)
		slices.Sort(en)
		en = slices.Compact(en)
	}
	seen := map[string]bool{}
	for _, f := range Forms(lang, key) {
		for _, v := range Verbs(f) {
			if !slices.Contains(en, v) {
				return fmt.Sprintf("%q prints argument %s, which the English does not", f, v)
			}
			seen[v] = true
		}
	}
	if a, ok := catArg[lang][key]; ok {
		for _, v := range en {
			if strings.HasPrefix(v, strconv.Itoa(a)+":") {
				seen[v] = true
			}
		}
	}
	for _, v := range en {
		if !seen[v] {
			return fmt.Sprintf("the translation leaves out argument %s", v)
		}
	}
	return ""
}

// CatalogError is the first problem found in the embedded translation
// files (nil when they are sound); tests and validate report it.
func CatalogError() error {
	loadCatalog()
	return catErr
}

var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

func loadCatalog() {
	catOnce.Do(func() {
		cat = catalog.NewBuilder(catalog.Fallback(language.English))
		catKeys = map[string]map[string]bool{}
		catForms = map[string]map[string][]string{}
		catArg = map[string]map[string]int{}
		for _, lang := range Languages {
			catKeys[lang], catForms[lang], catArg[lang] = map[string]bool{}, map[string][]string{}, map[string]int{}
			var files []string
			if _, err := fs.Stat(langFiles, "lang/"+lang+".yaml"); err == nil {
				files = append(files, "lang/"+lang+".yaml")
			}
			entries, _ := fs.ReadDir(langFiles, "lang/"+lang)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".yaml") {
					files = append(files, path.Join("lang", lang, e.Name()))
				}
			}
			for _, f := range files {
				if err := addFile(lang, f); err != nil && catErr == nil {
					catErr = err
				}
			}
		}
	})
}

func addFile(lang, name string) error {
	data, err := langFiles.ReadFile(name)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: want a mapping of messages", name)
	}
	tag := tags[lang]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := k.Value
		if catKeys[lang][key] {
			// Two parts of the interface may share a message; they must
			// agree on its words.
			if v.Kind == yaml.ScalarNode && slices.Equal(catForms[lang][key], []string{v.Value}) {
				continue
			}
			return fmt.Errorf("%s:%d: %q has another message in another file", name, k.Line, key)
		}
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Value == "" {
				return fmt.Errorf("%s:%d: %q: empty message", name, v.Line, key)
			}
			if err := cat.SetString(tag, key, v.Value); err != nil {
				return fmt.Errorf("%s:%d: %v", name, v.Line, err)
			}
			catForms[lang][key] = []string{v.Value}
		case yaml.MappingNode:
			arg := 1
			var cases []any
			var forms []string
			for j := 0; j+1 < len(v.Content); j += 2 {
				sel, txt := v.Content[j].Value, v.Content[j+1].Value
				switch {
				case sel == "arg":
					n, err := strconv.Atoi(txt)
					if err != nil || n < 1 {
						return fmt.Errorf("%s:%d: %q: arg must be an argument's number, from 1", name, v.Content[j+1].Line, key)
					}
					arg = n
					continue
				case slices.Contains(pluralForms, sel):
				case strings.HasPrefix(sel, "="):
					if _, err := strconv.Atoi(sel[1:]); err != nil {
						return fmt.Errorf("%s:%d: %q: %q is not a number", name, v.Content[j].Line, key, sel)
					}
				default:
					return fmt.Errorf("%s:%d: %q: %q is not a plural form (zero, one, two, few, many, other, =N) nor arg", name, v.Content[j].Line, key, sel)
				}
				cases = append(cases, sel, txt)
				forms = append(forms, txt)
			}
			if !slices.Contains(cases, any("other")) {
				return fmt.Errorf("%s:%d: %q: the plural forms need other", name, v.Line, key)
			}
			if err := cat.Set(tag, key, plural.Selectf(arg, "%d", cases...)); err != nil {
				return fmt.Errorf("%s:%d: %v", name, v.Line, err)
			}
			catForms[lang][key], catArg[lang][key] = forms, arg
		default:
			return fmt.Errorf("%s:%d: %q: want a message or its plural forms", name, v.Line, key)
		}
		catKeys[lang][key] = true
	}
	return nil
}

// Verbs lists the arguments a Printf format prints, as "index:verb" (the
// index from 1, the verb letter; %v and %s are both "s", the integer verbs
// "d"), sorted and without repeats, so that a translation can be checked
// to print what its English prints.
func Verbs(format string) []string {
	var out []string
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		// flags, width, precision, explicit index
		for i < len(format) {
			c := format[i]
			if c == '[' {
				j := strings.IndexByte(format[i:], ']')
				if j < 0 {
					break
				}
				if n, err := strconv.Atoi(format[i+1 : i+j]); err == nil {
					arg = n - 1
				}
				i += j + 1
				continue
			}
			if strings.IndexByte("+-# 0123456789.*", c) >= 0 {
				i++
				continue
			}
			break
		}
		if i >= len(format) {
			break
		}
		v := format[i]
		switch v {
		case 'v', 's', 'q':
			v = 's'
		case 'x', 'X', 'c', 'U', 'b', 'o':
			v = 'd'
		}
		arg++
		out = append(out, strconv.Itoa(arg)+":"+string(v))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Half is a half-year as the interface writes it: "H1 2025", 2025年上半年.
func Half(half, year int) string { return F("H%d %s", half, strconv.Itoa(year)) }

// InterfaceMessages lists every key the Go code passes to T and F, as
// lang/messages.txt records it (a test keeps that file in step with the
// code), so that validate can tell which lack a translation.
func InterfaceMessages() []string {
	data, _ := langFiles.ReadFile("lang/messages.txt")
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if k, err := strconv.Unquote(line); err == nil {
			out = append(out, k)
		}
	}
	return out
}

// Untranslated lists the interface's messages that lang has no text for,
// and the ones whose text prints other arguments than the English, as
// readable problems; none when lang is complete.
func Untranslated(lang string) []string {
	var out []string
	if err := CatalogError(); err != nil {
		out = append(out, err.Error())
	}
	for _, k := range InterfaceMessages() {
		switch {
		case !Has(lang, k):
			out = append(out, fmt.Sprintf("interface message %q has no translation into %s", k, lang))
		case lang != "en":
			if m := Mismatch(lang, k); m != "" {
				out = append(out, fmt.Sprintf("interface message %q: %s", k, m))
			}
		}
	}
	return out
}
