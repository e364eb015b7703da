package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zerosum/text"
)

// The language chosen on the title screen and kept in the data folder is
// the language of the next start, unless --lang or ZEROSUM_LANG says
// otherwise; a settings file that cannot be used is a warning, not a
// failure.
func TestKeptLanguage(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	dir := t.TempDir()
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "settings.json"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := func(env string, args ...string) (string, string) {
		t.Helper()
		t.Setenv("ZEROSUM_LANG", env)
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", "C")
		text.SetLang("en")
		var out, errb bytes.Buffer
		if code := run(append([]string{"--data-dir", dir}, append(args, "scenarios")...), nil, &out, &errb); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return text.Lang(), errb.String()
	}
	if lang, warn := start(""); lang != "en" || warn != "" {
		t.Errorf("nothing kept: %s, %q", lang, warn)
	}
	write(`{"language": "zh"}`)
	if lang, _ := start(""); lang != "zh" {
		t.Errorf("kept zh: the language is %s", lang)
	}
	if lang, _ := start("", "--lang", "en"); lang != "en" {
		t.Errorf("--lang en wins over the kept zh: %s", lang)
	}
	if lang, _ := start("en"); lang != "en" {
		t.Errorf("ZEROSUM_LANG=en wins over the kept zh: %s", lang)
	}
	write(`{"language": "klingon"}`)
	if lang, warn := start(""); lang != "en" || !strings.Contains(warn, `"klingon"`) {
		t.Errorf("an unknown kept language is passed over with a warning: %s, %q", lang, warn)
	}
	write(`{broken`)
	if lang, warn := start(""); lang != "en" || !strings.Contains(warn, "settings.json") {
		t.Errorf("a broken settings file is passed over with a warning: %s, %q", lang, warn)
	}
}
