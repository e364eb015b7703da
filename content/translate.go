package content

import (
	"io/fs"

	"zerosum/game"
)

// translate replaces the English text of a built pack with a translation
// from data/lang/<lang>.yaml: a mapping of text keys to text. A key that
// names no text is a problem (a typo would otherwise pass silently); a key
// left out keeps its English, and so does the text a single-file scenario
// writes itself.
func (l *loader) translate(p *Pack, lang string, fsys fs.FS) {
	name := "lang/" + lang + ".yaml"
	var tr map[string]Pos[string]
	if !l.read(fsys, "data/"+name, name, &tr, false) {
		return
	}
	r := l.reporter(name)
	keys := sortedKeys(p.text)
	for _, k := range sortedKeys(tr) {
		v := tr[k]
		if l.own[k] {
			continue
		}
		if _, ok := p.text[k]; !ok {
			r.at(v.Line, "%q is not a text key of this scenario%s", k, game.Suggest(k, keys))
			continue
		}
		if v.V == "" {
			r.at(v.Line, "%s: the translation is empty (leave the key out to keep the English)", k)
			continue
		}
		p.text[k] = v.V
		l.where[k] = place{r, v.Line}
	}
	p.Lang = lang
	l.checkMarkup(p)
	l.checkPlaceholders(p)
}
