package content

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"zerosum/game"
	"zerosum/text"
)

// translate replaces the English text of a built pack with a translation:
// data/lang/<lang>.yaml, or the files of the folder data/lang/<lang>/ taken
// together, map text keys to text. A key that names no text of any
// embedded scenario is a problem (a typo would otherwise pass silently), and
// so is a key given twice; a key of another scenario is passed over; a key
// left out keeps its English, and so does the text a single-file scenario
// writes itself.
func (l *loader) translate(p *Pack, lang string, fsys fs.FS) {
	tr := map[string]Pos[string]{}
	from := map[string]string{}
	var names []string
	if _, err := fs.Stat(fsys, "data/lang/"+lang+".yaml"); err == nil {
		names = append(names, lang+".yaml")
	}
	if entries, err := fs.ReadDir(fsys, "data/lang/"+lang); err == nil {
		for _, e := range entries { // sorted by name
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
				names = append(names, lang+"/"+e.Name())
			}
		}
	}
	if len(names) == 0 {
		l.reporter("lang/"+lang+".yaml").at(0, "no translation into %q", lang)
		return
	}
	// A file named after a scenario (flashpoint.yaml) is that scenario's
	// alone: it translates the text the scenario writes itself, and wins
	// over the shared files; other scenarios pass it over.
	own := map[string]bool{}
	for _, name := range names {
		base := strings.TrimSuffix(path.Base(name), ".yaml")
		mine := base == p.Scenario.ID
		if !mine && slices.Contains(ScenarioIDs(), base) {
			continue
		}
		var file map[string]Pos[string]
		if !l.read(fsys, "data/lang/"+name, "lang/"+name, &file, false) {
			continue
		}
		r := l.reporter("lang/" + name)
		for _, k := range sortedKeys(file) {
			if first, dup := from[k]; dup && own[k] == mine {
				r.at(file[k].Line, "%s is translated in %s already", k, first)
				continue
			}
			if own[k] && !mine {
				continue
			}
			tr[k], from[k] = file[k], "lang/"+name
			own[k] = mine
		}
	}
	for k := range own {
		if own[k] {
			delete(l.own, k) // the scenario's own translation of its own text
		}
	}
	l.apply(p, lang, tr, from)
}

// apply puts a translation's text on the pack.
func (l *loader) apply(p *Pack, lang string, tr map[string]Pos[string], from map[string]string) {
	keys := sortedKeys(p.text)
	for _, k := range sortedKeys(tr) {
		v := tr[k]
		r := l.reporter(from[k])
		if l.own[k] {
			continue
		}
		if _, ok := p.text[k]; !ok {
			if !otherScenarioKey(p.Scenario.ID, k) {
				r.at(v.Line, "%q is not a text key of this scenario%s", k, game.Suggest(k, keys))
			}
			continue
		}
		if v.V == "" {
			r.at(v.Line, "%s: the translation is empty (leave the key out to keep the English)", k)
			continue
		}
		p.text[k] = v.V
		l.where[k] = place{r, v.Line}
	}
	for _, k := range keys {
		if _, ok := tr[k]; !ok {
			p.Untranslated = append(p.Untranslated, k)
		}
	}
	p.Lang = lang
	if text.Lang() == lang {
		p.Scenario.Words = engineWords()
	}
	l.checkMarkup(p)
	l.checkPlaceholders(p)
}

// TextKeys lists the pack's text keys, sorted: what a translation may give.
func (p *Pack) TextKeys() []string { return sortedKeys(p.text) }

var (
	embeddedKeysOnce sync.Once
	embeddedKeys     map[string][]string // text key -> the embedded scenarios that have it
)

// otherScenarioKey reports whether key is a text key of an embedded
// scenario other than id, so that one translation serves every scenario.
func otherScenarioKey(id, key string) bool {
	embeddedKeysOnce.Do(func() {
		embeddedKeys = map[string][]string{}
		for _, sid := range ScenarioIDs() {
			p, err := load(embeddedSource(sid), "en")
			if err != nil {
				continue
			}
			for k := range p.text {
				embeddedKeys[k] = append(embeddedKeys[k], sid)
			}
		}
	})
	for _, sid := range embeddedKeys[key] {
		if sid != id {
			return true
		}
	}
	return false
}
