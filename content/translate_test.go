package content

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func loadWithLang(t *testing.T, lang string) (*Pack, error) {
	t.Helper()
	return loadIDWithLang(t, DefaultScenario, lang)
}

func loadIDWithLang(t *testing.T, id, lang string) (*Pack, error) {
	t.Helper()
	old := langFS
	langFS = os.DirFS("testdata")
	t.Cleanup(func() { langFS = old })
	return load(embeddedSource(id), lang)
}

// TestTranslationOverlay: a language file replaces the text it names, the
// engine's names follow, and everything it leaves out stays English.
func TestTranslationOverlay(t *testing.T) {
	p, err := loadWithLang(t, "xx")
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	us, _ := sc.ActorIndex("washington")
	ai, _ := sc.ActionIndex("tighten_controls")
	ei, _ := sc.EventIndex("deepseek_shock")
	checks := map[string][2]string{
		"actor name":   {sc.Actors[us].Name, "Huashengdun"},
		"action name":  {sc.Actions[ai].Name, "Shoujin chukou guanzhi"},
		"event name":   {sc.Events[ei].Name, "DeepSeek zhenjing shichang"},
		"title":        {sc.Title, "Jingsai"},
		"text":         {p.T("actors.washington.name"), "Huashengdun"},
		"fallback":     {p.T("actors.beijing.name"), "Beijing"},
		"fallback too": {p.T("actions.thaw.name"), "Signal a thaw"},
		// A translation's placeholders are filled in from the rules too.
		"placeholder": {p.T("stats.grievance.desc"), fmt.Sprintf("Yuanqi: %d yishang, Taiwan haixia jinzhang.", sc.Rules.GreyZoneLevel)},
	}
	for what, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s: got %q, want %q", what, c[0], c[1])
		}
	}
	if term, _ := p.TermByID("export_controls"); term.Term != "Chukou guanzhi" {
		t.Errorf("glossary term not translated: %q", term.Term)
	}
	if p.Lang != "xx" {
		t.Errorf("Lang = %q", p.Lang)
	}
	// The English pack is untouched by a translated load.
	en, _ := Load(DefaultScenario)
	if en.Scenario.Actors[us].Name != "Washington" {
		t.Error("loading a translation changed the English pack")
	}
}

// TestBrokenTranslation reports a key that names no text and an empty
// translation, with file and line.
func TestBrokenTranslation(t *testing.T) {
	_, err := loadWithLang(t, "bad")
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
	if !strings.HasPrefix(ps[0].String(), `lang/bad.yaml:2: "actions.tighten_contrls.name" is not a text key of this scenario; did you mean "actions.tighten_controls.name"?`) {
		t.Errorf("got %s", ps[0])
	}
	if !strings.HasPrefix(ps[1].String(), "lang/bad.yaml:3: events.deepseek_shock.body: the translation is empty") {
		t.Errorf("got %s", ps[1])
	}
	if ps[2].String() != "lang/bad.yaml:4: dynamics.calm.desc: {rule:calm_levl} names no rule; did you mean {rule:calm_level}?" {
		t.Errorf("got %s", ps[2])
	}
}

func TestUnknownLanguage(t *testing.T) {
	if _, err := LoadLang(DefaultScenario, "tlh"); err == nil || !strings.Contains(err.Error(), `no text in language "tlh"`) {
		t.Fatalf("got %v", err)
	}
}

// TestTranslationOfASingleFileScenario: the base's text is translated; the
// text the single file writes itself (here the title) stays English, since
// the translation was written for the base's words.
func TestTranslationOfASingleFileScenario(t *testing.T) {
	p, err := loadIDWithLang(t, "flashpoint", "xx")
	if err != nil {
		t.Fatal(err)
	}
	us, _ := p.Scenario.ActorIndex("washington")
	if got := p.Scenario.Actors[us].Name; got != "Huashengdun" {
		t.Errorf("base text not translated: %q", got)
	}
	if got := p.Scenario.Title; !strings.HasPrefix(got, "Flashpoint") {
		t.Errorf("the scenario's own title took the base's translation: %q", got)
	}
}
