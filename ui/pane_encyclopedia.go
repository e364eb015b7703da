package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zerosum/game"
	"zerosum/text"
)

// encyclopediaPane lets a player learn the model: the scenario and what it
// simplifies, the glossary, the actors and their objectives, the swing
// states, the tracks, the stats and the standing causal links, as a list
// with a detail panel.
type encyclopediaPane struct {
	d       *dashboard
	entries []encEntry
	cursor  int
	top     int
	scroll  int
}

// encEntry is one article.
type encEntry struct {
	section string
	title   string
	body    func(w int) []string
}

func newEncyclopediaPane(d *dashboard) *encyclopediaPane { return &encyclopediaPane{d: d} }

func (p *encyclopediaPane) update(k tea.KeyPressMsg) {
	keys := &p.d.ctx.Keys
	es := p.list()
	n := len(es)
	move := func(c int) {
		c = min(max(c, 0), n-1)
		if c != p.cursor {
			p.cursor, p.scroll = c, 0
		}
	}
	switch {
	case key.Matches(k, keys.Up):
		move(p.cursor - 1)
	case key.Matches(k, keys.Down):
		move(p.cursor + 1)
	case key.Matches(k, keys.Top):
		move(0)
	case key.Matches(k, keys.Bottom):
		move(n - 1)
	case key.Matches(k, keys.Right):
		for i := p.cursor + 1; i < n; i++ {
			if es[i].section != es[p.cursor].section {
				move(i)
				break
			}
		}
	case key.Matches(k, keys.Left):
		// To the start of this section, or of the previous one.
		i := p.cursor
		for i > 0 && es[i-1].section == es[p.cursor].section {
			i--
		}
		if i == p.cursor && i > 0 {
			i--
			for i > 0 && es[i-1].section == es[p.cursor-1].section {
				i--
			}
		}
		move(i)
	case key.Matches(k, keys.PageUp):
		p.scroll = max(p.scroll-5, 0)
	case key.Matches(k, keys.PageDown):
		p.scroll += 5
	}
}

func (p *encyclopediaPane) keys() []key.Binding {
	k := &p.d.ctx.Keys
	return []key.Binding{k.ListMove, k.EncSection, k.PaneKeys}
}

func (p *encyclopediaPane) help() []key.Binding {
	k := &p.d.ctx.Keys
	return []key.Binding{k.Up, k.Down, k.EncSection, k.DetailScroll, k.Top, k.Bottom}
}

// list builds the articles once.
func (p *encyclopediaPane) list() []encEntry {
	if p.entries != nil {
		return p.entries
	}
	ctx := p.d.ctx
	t := ctx.Theme
	pack := ctx.Game.Pack
	sc := pack.Scenario
	prose := func(s string) func(w int) []string {
		return func(w int) []string { return strings.Split(Prose(ctx, s, w), "\n") }
	}
	var es []encEntry
	add := func(section, title string, body func(w int) []string) {
		es = append(es, encEntry{section: section, title: title, body: body})
	}

	model := text.T("The model")
	add(model, text.T("The scenario"), prose(pack.T("scenario.summary")))
	add(model, text.T("What the model simplifies"), prose(pack.Note))
	add(model, text.T("How a turn works"), prose(text.T("Every actor, you and the bots alike, secretly picks its orders "+
		"within its action points and capital. The orders are then resolved all at once: costs are paid, effects "+
		"land (some only turns later), the standing causal links of the model move every number a little, and the "+
		"next turn's news fires. Covert actions stay hidden unless exposed. Each change is recorded with its causes: "+
		"the Why pane shows them, and the Dynamics section here explains the standing links.")))

	for _, term := range pack.Glossary {
		term := term
		add(text.T("Glossary"), term.Term, func(w int) []string {
			out := strings.Split(Prose(ctx, term.Def, w), "\n")
			var see []string
			for _, id := range term.See {
				if o, ok := pack.TermByID(id); ok {
					see = append(see, o.Term)
				}
			}
			if len(see) > 0 {
				out = append(out, "", t.Muted.Render(wrap(text.F("See also: %s", strings.Join(see, " · ")), w)))
			}
			return out
		})
	}

	for a := range sc.Actors {
		ad := &sc.Actors[a]
		add(text.T("Actors"), ad.Name, func(w int) []string {
			out := []string{t.Bold.Render(wrap(pack.T("actors."+ad.ID+".title"), w))}
			out = append(out, strings.Split(Prose(ctx, pack.T("actors."+ad.ID+".pitch"), w), "\n")...)
			out = append(out, "", t.Heading.Render(text.T("Objectives"))+t.Muted.Render(text.T(" (weights add up to 100)")))
			for _, o := range ad.Objectives {
				out = append(out, t.Bold.Render(wrap(text.F("%s (%d)", o.Name, o.Weight), w)))
				if desc := pack.T("objectives." + ad.ID + "." + o.ID + ".desc"); desc != "" {
					out = append(out, indent(Prose(ctx, desc, w-2), "  "))
				}
			}
			var stats []string
			for s := range game.NumStats {
				if ad.Has[s] {
					n := sc.StatName(s)
					if ad.Hidden[s] {
						n = text.F("%s (secret)", n)
					}
					stats = append(stats, n)
				}
			}
			out = append(out, "", t.Muted.Render(wrap(text.F("%d action points a turn · income %d capital · stats: %s",
				ad.AP, ad.Income, strings.Join(stats, text.T(", "))), w)))
			return out
		})
	}

	for i := range sc.Swing {
		s := &sc.Swing[i]
		add(text.T("Swing states"), s.Name, func(w int) []string {
			out := strings.Split(Prose(ctx, pack.T("swing."+s.ID+".desc"), w), "\n")
			out = append(out, "", t.Muted.Render(wrap(text.F("Tier %d · market size %d of 5 · alignment at the start %s · sovereign AI at the start %d",
				s.Tier, s.Weight, text.Change(s.Align), s.Sovereign), w)))
			return out
		})
	}

	for tr := range game.NumTracks {
		add(text.T("Tracks"), sc.TrackName(tr), func(w int) []string {
			out := strings.Split(Prose(ctx, pack.T("tracks."+tr.String()+".desc"), w), "\n")
			out = append(out, "", t.Muted.Render(text.F("Range %d to %d.", tr.Min(), tr.Max())))
			for v := tr.Min(); v <= tr.Max(); v++ {
				if l := pack.Level(tr, v); l != "" {
					out = append(out, wrap(fmt.Sprintf("%d  %s", v, l), w))
				}
			}
			return out
		})
	}

	for s := range game.NumStats {
		add(text.T("Stats"), sc.StatName(s), func(w int) []string {
			out := strings.Split(Prose(ctx, pack.T("stats."+s.String()+".desc"), w), "\n")
			var who []string
			for _, ad := range sc.Actors {
				if ad.Has[s] {
					who = append(who, ad.Name)
				}
			}
			out = append(out, "", t.Muted.Render(wrap(text.F("Abbreviated %s. Held by: %s", pack.T("stats."+s.String()+".short"), strings.Join(who, text.T(", "))), w)))
			return out
		})
	}

	for _, id := range game.DynamicIDs() {
		name := pack.T("dynamics." + id + ".name")
		if name == "" {
			name = id
		}
		add(text.T("Dynamics"), name, prose(pack.T("dynamics."+id+".desc")))
	}
	p.entries = es
	return es
}

func (p *encyclopediaPane) view(w, h int) string {
	t := p.d.ctx.Theme
	es := p.list()
	lw := min(max(w*32/100, 22), 34)
	dw := w - lw - 3

	// The list, with a line for each section as it starts.
	type row struct {
		text  string
		entry int // -1 for a section heading
	}
	var rows []row
	cursorRow := 0
	for i, e := range es {
		if i == 0 || es[i-1].section != e.section {
			rows = append(rows, row{text: e.section, entry: -1})
		}
		if i == p.cursor {
			cursorRow = len(rows)
		}
		rows = append(rows, row{text: e.title, entry: i})
	}
	if cursorRow < p.top+1 {
		p.top = max(cursorRow-1, 0)
	}
	if cursorRow >= p.top+h {
		p.top = cursorRow - h + 1
	}
	var left []string
	for i := p.top; i < len(rows) && len(left) < h; i++ {
		r := rows[i]
		switch {
		case r.entry < 0:
			left = append(left, t.Heading.Render(pad(r.text, lw)))
		case r.entry == p.cursor:
			left = append(left, t.Selected.Render(pad("▸ "+r.text, lw)))
		default:
			left = append(left, pad("  "+r.text, lw))
		}
	}
	for len(left) < h {
		left = append(left, pad("", lw))
	}

	// The article.
	e := es[p.cursor]
	body := []string{t.Title.Render(text.Truncate(e.title, dw)), t.Muted.Render(e.section), ""}
	body = append(body, e.body(dw)...)
	body, p.scroll = clip(t, body, p.scroll, h)
	right := strings.Split(fit(strings.Join(body, "\n"), dw, h), "\n")
	sep := t.Muted.Render(" │ ")
	out := make([]string, h)
	for i := range h {
		out[i] = left[i] + sep + right[i]
	}
	return strings.Join(out, "\n")
}
