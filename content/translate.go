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
	// Names the engine uses in its own messages follow the language too.
	sc := p.Scenario
	for i := range sc.Actors {
		sc.Actors[i].Name = p.text["actors."+sc.Actors[i].ID+".name"]
		for j := range sc.Actors[i].Objectives {
			o := &sc.Actors[i].Objectives[j]
			o.Name = p.text["objectives."+sc.Actors[i].ID+"."+o.ID+".name"]
		}
	}
	for i := range sc.Actions {
		sc.Actions[i].Name = p.text["actions."+sc.Actions[i].ID+".name"]
	}
	for i := range sc.Events {
		sc.Events[i].Name = p.text["events."+sc.Events[i].ID+".headline"]
	}
	for i := range sc.Swing {
		sc.Swing[i].Name = p.text["swing."+sc.Swing[i].ID+".name"]
	}
	for i := range sc.Outcomes {
		sc.Outcomes[i].Name = p.text["outcomes."+sc.Outcomes[i].ID+".name"]
	}
	for s := range game.NumStats {
		sc.StatNames[s] = p.text["stats."+s.String()+".name"]
	}
	for t := range game.NumTracks {
		sc.TrackNames[t] = p.text["tracks."+t.String()+".name"]
	}
	for i := range p.Glossary {
		g := &p.Glossary[i]
		g.Term, g.Def = p.text["glossary."+g.ID+".term"], p.text["glossary."+g.ID+".def"]
	}
	sc.Title = p.text["scenario.title"]
	p.Summary, p.Note = p.text["scenario.summary"], p.text["scenario.note"]
	p.Lang = lang
	l.checkMarkup(p)
}
