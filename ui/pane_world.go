package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/text"
)

// worldText is the World pane: the swing states and their alignment, the
// other actors' public numbers (secret ones as marked estimates) and the
// global tracks in full.
func (d *dashboard) worldText(w int) string {
	t := d.ctx.Theme
	sc, v, pl := d.sc(), &d.view, d.player()
	var out []string

	// Swing states.
	out = append(out, wrap(t.Heading.Render(text.T("Swing states"))+t.Muted.Render(text.T(" — alignment from the China bloc (C, left) to the US bloc (U, right)")), w))
	nameW := 0
	for _, s := range sc.Swing {
		nameW = max(nameW, text.Width(s.Name))
	}
	barW := min(max(w-nameW-39, 11), 41)
	barW -= 1 - barW%2 // odd, so the bloc limits sit symmetrically
	// The column heads sit over the columns of a row: alignment (5 cells
	// and its change), tier (4), weight (2), sovereign AI (6 and more).
	heads := "  " + pad(text.T("align"), 12) + padLeft(text.T("tier"), 4) + " " + pad(text.T("wt"), 2) + "  " + text.T("sovereign AI")
	// A narrow pane cuts the heads off, as it cuts the rows.
	out = append(out, t.Muted.Render(ansi.Truncate(pad("", nameW+3)+spread(text.T("◂ China"), text.T("US ▸"), barW)+heads, w, "")))
	for i, s := range sc.Swing {
		ss := v.Swing[i]
		da := d.delta(game.Ref{Kind: game.RefSwing, Swing: i, Field: game.FieldAlign})
		ds := d.delta(game.Ref{Kind: game.RefSwing, Swing: i, Field: game.FieldSovereign})
		letter := BlocLetter(ss.Align)
		ls := t.Neutral
		switch letter {
		case "U":
			ls = t.US
		case "C":
			ls = t.China
		}
		row := pad(s.Name, nameW) + " " + ls.Bold(true).Render(letter) + " " + AlignBar(t, ss.Align, barW) +
			"  " + padLeft(text.Change(ss.Align), 5) + " " + pad(d.deltaText(da), 4) +
			fmt.Sprintf("  %4d %2d  ", s.Tier, s.Weight) + padLeft(itoa(ss.Sovereign), 6) + " " + d.deltaText(ds)
		out = append(out, ansi.Truncate(row, w, "…"))
	}
	blocs := [3]int{}
	for _, s := range v.Swing {
		blocs[game.AlignBloc(s.Align)]++
	}
	out = append(out, t.Muted.Render(wrap(text.F("US bloc %d · non-aligned %d · China bloc %d. A state is in a bloc at ±%d. "+
		"Tier 2 states are capped under chip quotas; wt is the size of the market (1-5).",
		blocs[game.BlocUS], blocs[game.BlocNone], blocs[game.BlocChina], game.BlocLimit), w)))

	// The other actors.
	others := text.T(" — what is public; 40? is an estimate, the real value is secret")
	if d.revealed() {
		others = text.T(" — every number, secret ones included")
	}
	out = append(out, "", wrap(t.Heading.Render(text.T("The other actors"))+t.Muted.Render(others), w))
	aw := 0
	for _, a := range sc.Actors {
		aw = max(aw, text.Width(a.Name))
	}
	pack := d.ctx.Game.Pack
	for b, a := range sc.Actors {
		if b == pl {
			continue
		}
		var items []string
		for s := range game.NumStats {
			if !a.Has[s] {
				continue
			}
			sh := pack.T("stats." + s.String() + ".short")
			if sh == "" {
				sh = s.String()
			}
			val := itoa(v.Stat(b, s))
			if a.Hidden[s] && !v.Over && !d.revealed() {
				val = t.Warn.Render(val + "?")
			} else if dt := d.delta(statRef(b, s)); dt != 0 && w >= 100 {
				val += t.Muted.Render("(" + text.Change(dt) + ")")
			}
			items = append(items, t.Muted.Render(sh)+" "+val)
		}
		lines := flow(items, "  ", max(w-aw-1, 20))
		for i, l := range lines {
			head := pad("", aw)
			if i == 0 {
				head = t.Bold.Render(pad(a.Name, aw))
			}
			out = append(out, head+" "+l)
		}
	}
	var legend []string
	for s := range game.NumStats {
		used := false
		for b, a := range sc.Actors {
			used = used || (b != pl && a.Has[s])
		}
		// A short name that is the name itself (as Chinese often has it)
		// needs no explaining.
		if sh := pack.T("stats." + s.String() + ".short"); used && sh != sc.StatName(s) {
			legend = append(legend, sh+" "+sc.StatName(s))
		}
	}
	if len(legend) > 0 {
		out = append(out, t.Muted.Render(wrap(strings.Join(legend, " · "), w)))
	}

	// The tracks in full.
	out = append(out, "", wrap(t.Heading.Render(text.T("Global tracks"))+t.Muted.Render(text.T(" — change last turn in brackets; the Why pane says why")), w))
	for tr := range game.NumTracks {
		val := v.Tracks[tr]
		s := t.Bold.Render(sc.TrackName(tr)) + " " + itoa(val)
		if lvl := pack.Level(tr, val); lvl != "" {
			s = text.F("%s (%s)", s, lvl)
		}
		if dt := d.delta(trackRef(tr)); dt != 0 {
			s += " [" + text.Change(dt) + "]"
		}
		out = append(out, wrap(s, w))
		if desc := pack.T("tracks." + tr.String() + ".desc"); desc != "" {
			out = append(out, indent(Prose(d.ctx, desc, w-2), "  "))
		}
	}
	return strings.Join(out, "\n")
}

// indent prefixes every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
