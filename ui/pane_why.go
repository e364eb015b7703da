package ui

import (
	"fmt"
	"strings"

	"zerosum/game"
	"zerosum/text"
)

// whyText is the Why pane: the ledger of last turn, every change to the
// global tracks, the player's numbers, the swing states and the others'
// public numbers with each of its causes, then the delayed effects still
// to come.
func (d *dashboard) whyText(w int) string {
	t := d.ctx.Theme
	sc := d.sc()
	var out []string
	if d.repTurn == 0 {
		out = append(out, t.Heading.Render("Why things stand as they do: the opening news before turn 1"))
	} else {
		out = append(out, t.Heading.Render(fmt.Sprintf("Why the numbers changed in %s (turn %d)", sc.Date(d.repTurn), d.repTurn)))
	}
	out = append(out, t.Muted.Render(wrap("Each change with every cause and its share. \"Undisclosed activity\" is a covert action nobody has exposed.", w)))
	out = append(out, ledger(d.ctx, &d.rep, d.player(), w, ledgerTracks, ledgerYou, ledgerSwing, ledgerOthers)...)
	out = append(out, "", t.Heading.Render("Coming up")+t.Muted.Render(" — delayed effects you know of"))
	n := 0
	for _, pe := range d.view.Pending {
		n++
		line := fmt.Sprintf("%s: %s %s — %s", sc.Date(pe.Due), sc.Label(pe.Target, d.player()), text.Change(pe.Add),
			CauseText(d.ctx.Game.Pack, pe.Cause))
		out = append(out, hang("• "+line, w, 2))
	}
	if n == 0 {
		out = append(out, t.Muted.Render("Nothing is queued."))
	}
	return strings.Join(out, "\n")
}

// The groups of a ledger.
const (
	ledgerTracks = iota
	ledgerYou
	ledgerSwing
	ledgerOthers
)

// ledger writes a report's changes in groups, in the order given: the
// global tracks, the player's numbers, the swing states, the other actors'
// public numbers.
func ledger(ctx *Context, rep *game.Report, player, w int, groups ...int) []string {
	t := ctx.Theme
	sc := ctx.Game.Scenario()
	var out []string
	for _, g := range groups {
		var title string
		var match func(r game.Ref) bool
		switch g {
		case ledgerTracks:
			title, match = "Global tracks", func(r game.Ref) bool { return r.Kind == game.RefTrack }
		case ledgerYou:
			title = "Your numbers (" + sc.Actors[player].Name + ")"
			match = func(r game.Ref) bool { return r.Kind == game.RefStat && r.Actor == player }
		case ledgerSwing:
			title, match = "Swing states", func(r game.Ref) bool { return r.Kind == game.RefSwing }
		default:
			title = "Other actors (public numbers)"
			match = func(r game.Ref) bool { return r.Kind == game.RefStat && r.Actor != player }
		}
		out = append(out, "", t.Heading.Render(title))
		n := 0
		for _, ch := range rep.Changes {
			if !match(ch.Target) {
				continue
			}
			n++
			out = append(out, changeLines(ctx, ch, player, w)...)
		}
		if n == 0 {
			out = append(out, t.Muted.Render("  No change."))
		}
	}
	return out
}

// changeLines is one ledger entry: the number, before and after, then one
// line per cause with its share.
func changeLines(ctx *Context, ch game.Change, player, w int) []string {
	t := ctx.Theme
	sc := ctx.Game.Scenario()
	label := sc.Label(ch.Target, player)
	if ch.Target.Kind == game.RefStat && ch.Target.Actor == player {
		label = sc.StatName(ch.Target.Stat)
	}
	d := ch.After - ch.Before
	st := t.Accent
	if ch.Target.Kind == game.RefTrack && ch.Target.Track == game.TrackTension && d > 0 {
		st = t.Warn
	}
	out := []string{"  " + t.Bold.Render(label) + fmt.Sprintf(" %d→%d ", ch.Before, ch.After) + st.Render("("+text.Change(d)+")")}
	for _, c := range ch.Causes {
		line := "    " + padLeft(text.Change(c.Delta), 4) + "  " + CauseText(ctx.Game.Pack, c.Cause)
		out = append(out, hang(line, w, 10))
	}
	return out
}
