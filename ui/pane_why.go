package ui

import (
	"fmt"
	"slices"
	"strings"

	"zerosum/content"
	"zerosum/game"
	"zerosum/text"
)

// whyText is the Why pane: in short, the causes that moved the Strait and
// the player's score most last turn; then every change of the ledger
// (the global tracks, the player's numbers, the swing states and the
// others' public numbers) grouped by its cause: the player's orders, the
// others', the news, the standing rules of the model; then the delayed
// effects still to come.
func (d *dashboard) whyText(w int) string {
	t := d.ctx.Theme
	sc := d.sc()
	var out []string
	if d.repTurn == 0 {
		out = append(out, t.Heading.Render(text.T("Why things stand as they do: the opening news before turn 1")))
	} else {
		out = append(out, t.Heading.Render(text.F("Why the numbers changed in %s (turn %d)", text.Half(sc.HalfYear(d.repTurn)), d.repTurn)))
	}
	out = append(out, "", t.Heading.Render(text.T("In short")))
	out = append(out, d.whySummary(w)...)
	out = append(out, "", t.Heading.Render(text.T("Every change, by its cause")),
		t.Muted.Render(wrap(text.T("Each cause with what it moved and by how much. \"Undisclosed activity\" is a covert action nobody has exposed."), w)))
	out = append(out, ledgerByCause(d.ctx, &d.rep, d.player(), w)...)
	out = append(out, "", t.Heading.Render(text.T("Coming up"))+t.Muted.Render(text.T(" — delayed effects you know of")))
	n := 0
	for _, pe := range d.view.Pending {
		n++
		line := text.F("%s: %s %s — %s", text.Half(sc.HalfYear(pe.Due)), sc.Label(pe.Target, d.player()), text.Change(pe.Add),
			CauseText(d.ctx.Game.Pack, pe.Cause))
		out = append(out, hang("• "+line, w, 2))
	}
	if n == 0 {
		out = append(out, t.Muted.Render(text.T("Nothing is queued.")))
	}
	return strings.Join(out, "\n")
}

// whySummary is the top of the Why pane: what moved the Strait, and what
// moved each part of the player's score, the largest causes first.
func (d *dashboard) whySummary(w int) []string {
	t := d.ctx.Theme
	sc, p := d.sc(), d.player()
	pack := d.ctx.Game.Pack
	var out []string
	tension := trackRef(game.TrackTension)
	if ch, ok := d.rep.ChangeOf(tension); ok && ch.After != ch.Before {
		st := t.Accent
		if ch.After > ch.Before {
			st = t.Warn
		}
		out = append(out, hang(text.F("%s: %s", st.Render(text.F("Strait tension %d→%d (%s), now %s", ch.Before, ch.After,
			text.Change(ch.After-ch.Before), TensionWord(ch.After))), topCauses(pack, ch.Causes, 3)), w, 2))
	} else {
		out = append(out, text.F("Strait tension held at %d (%s).", d.view.Tension(), TensionWord(d.view.Tension())))
	}
	now := scoreAsRead(sc, &d.view, p, p, d.revealed())
	if d.repTurn == 0 {
		out = append(out, hang(text.F("Your score starts at %s of 100.", approx(now.Total, now.any)), w, 2))
		return out
	}
	prevState := &d.ctx.Game.Match.States[d.repTurn-1]
	prev := *prevState
	if !d.revealed() {
		prev = sc.View(prevState, p, false)
	}
	was := scoreAsRead(sc, &prev, p, p, d.revealed())
	if now.Total == was.Total && slices.EqualFunc(now.Parts, was.Parts, func(a, b game.ObjectiveScore) bool { return a.Points == b.Points }) {
		out = append(out, text.F("Your score held at %s.", approx(now.Total, now.any)))
		return out
	}
	out = append(out, text.F("Your score %s→%s (%s):", approx(was.Total, was.any), approx(now.Total, now.any), text.Change(now.Total-was.Total)))
	order := make([]int, len(now.Parts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return text.Abs(now.Parts[y].Points-was.Parts[y].Points) - text.Abs(now.Parts[x].Points-was.Parts[x].Points)
	})
	for _, i := range order {
		dp := now.Parts[i].Points - was.Parts[i].Points
		if dp == 0 {
			continue
		}
		o := sc.Actors[p].Objectives[now.Parts[i].Objective]
		line := text.F("• %s %s (%s/%d): %s %s→%s", o.Name, text.Change(dp), approx(now.Parts[i].Points, now.est[i]), o.Weight,
			sc.Label(o.Measure, p), approx(was.Parts[i].Value, now.est[i]), approx(now.Parts[i].Value, now.est[i]))
		if cs := d.measureCauses(o.Measure, now.est[i]); len(cs) > 0 {
			line += " — " + topCauses(pack, cs, 3)
		}
		out = append(out, hang(line, w, 4))
	}
	return out
}

// measureCauses are the causes of last turn's change to what an objective
// of the player measures: a number of the ledger, the gap (the perceived
// one when that is what the player reads, else both frontiers), or the
// swing states a count or an average reads, merged by cause.
func (d *dashboard) measureCauses(m game.Ref, estimated bool) []game.CauseDelta {
	sc, p := d.sc(), d.player()
	var refs []game.Ref
	var signs []int
	switch m.Kind {
	case game.RefStat:
		if m.Actor == game.ActorSelf {
			m.Actor = p
		}
		refs, signs = []game.Ref{m}, []int{1}
	case game.RefTrack:
		refs, signs = []game.Ref{m}, []int{1}
	case game.RefGap:
		us, cn := sc.RoleActor(game.RoleUSGov), sc.RoleActor(game.RoleChinaGov)
		switch {
		case estimated:
			refs, signs = []game.Ref{trackRef(game.TrackPerceivedGap)}, []int{1}
		case us >= 0 && cn >= 0:
			refs, signs = []game.Ref{statRef(us, game.StatFrontier), statRef(cn, game.StatFrontier)}, []int{1, -1}
		}
	case game.RefSwing, game.RefBloc:
		field := m.Field
		if m.Kind == game.RefBloc {
			field = game.FieldAlign
		}
		for i := range sc.Swing {
			if m.Kind == game.RefSwing && m.Swing >= 0 && m.Swing != i || m.Swing == game.SwingTier2 && sc.Swing[i].Tier != 2 {
				continue
			}
			refs = append(refs, game.Ref{Kind: game.RefSwing, Swing: i, Field: field})
			signs = append(signs, 1)
		}
	}
	var out []game.CauseDelta
	for k, r := range refs {
		ch, ok := d.rep.ChangeOf(r)
		if !ok {
			continue
		}
		for _, c := range ch.Causes {
			if i := slices.IndexFunc(out, func(x game.CauseDelta) bool { return x.Cause == c.Cause }); i >= 0 {
				out[i].Delta += signs[k] * c.Delta
			} else {
				out = append(out, game.CauseDelta{Cause: c.Cause, Delta: signs[k] * c.Delta})
			}
		}
	}
	return slices.DeleteFunc(out, func(c game.CauseDelta) bool { return c.Delta == 0 })
}

// topCauses names the n largest causes, largest first: "news: DeepSeek
// shock -3, Beijing: SMIC yield campaign -1 and 2 more".
func topCauses(p *content.Pack, cs []game.CauseDelta, n int) string {
	cs = slices.Clone(cs)
	slices.SortStableFunc(cs, func(x, y game.CauseDelta) int { return text.Abs(y.Delta) - text.Abs(x.Delta) })
	var parts []string
	for _, c := range cs[:min(n, len(cs))] {
		parts = append(parts, CauseText(p, c.Cause)+" "+text.Change(c.Delta))
	}
	if len(cs) > n {
		parts = append(parts, text.F("%d more", len(cs)-n))
	}
	return text.AndList(parts)
}

// ledgerByCause writes a report's changes grouped by their cause: the
// player's orders, the other actors' (covert ones undisclosed), the news,
// the standing rules of the model, and the limits; under each cause, what
// it moved and by how much.
func ledgerByCause(ctx *Context, rep *game.Report, player, w int) []string {
	t := ctx.Theme
	sc := ctx.Game.Scenario()
	type moved struct {
		target game.Ref
		delta  int
		cost   bool // the price of the order, not its effect
	}
	type group struct {
		cause game.Cause
		moved []moved
		size  int
	}
	var groups []*group
	for _, ch := range rep.Changes {
		for _, c := range ch.Causes {
			// An order's price goes with its effects.
			key := c.Cause
			cost := key.Kind == game.CauseCost
			if cost {
				key.Kind = game.CauseAction
			}
			i := slices.IndexFunc(groups, func(g *group) bool { return g.cause == key })
			if i < 0 {
				groups = append(groups, &group{cause: key})
				i = len(groups) - 1
			}
			groups[i].moved = append(groups[i].moved, moved{ch.Target, c.Delta, cost})
			groups[i].size += text.Abs(c.Delta)
		}
	}
	section := func(c game.Cause) int {
		switch c.Kind {
		case game.CauseAction, game.CauseCost, game.CauseDelayed, game.CauseExposed:
			if c.Actor == player {
				return 0
			}
			return 1
		case game.CauseEvent, game.CauseInjected:
			return 2
		case game.CauseDynamic:
			return 3
		}
		return 4
	}
	titles := []string{text.F("Your orders (%s)", sc.Actors[player].Name), text.T("The other actors' orders"), text.T("The news"),
		text.T("The standing rules of the model"), text.T("Limits and rounding")}
	var out []string
	for s, title := range titles {
		var gs []*group
		for _, g := range groups {
			if section(g.cause) == s {
				gs = append(gs, g)
			}
		}
		if s == 1 {
			slices.SortStableFunc(gs, func(x, y *group) int { return x.cause.Actor - y.cause.Actor })
		} else if s >= 2 {
			slices.SortStableFunc(gs, func(x, y *group) int { return y.size - x.size })
		}
		if len(gs) == 0 {
			if s == 0 && rep.Turn > 0 {
				out = append(out, "", t.Heading.Render(title), t.Muted.Render("  "+text.T("No order of yours moved a number.")))
			}
			continue
		}
		out = append(out, "", t.Heading.Render(title))
		for _, g := range gs {
			var items []string
			for _, m := range g.moved {
				label := sc.Label(m.target, player)
				if m.target.Kind == game.RefStat && m.target.Actor == player {
					label = text.F("your %s", text.Uncapitalize(sc.StatName(m.target.Stat)))
				}
				st := t.Accent
				if m.target.Kind == game.RefTrack && m.target.Track == game.TrackTension && m.delta > 0 {
					st = t.Warn
				}
				item := label + " " + st.Render(text.Change(m.delta))
				if m.cost {
					item += t.Muted.Render(text.T(" (its cost)"))
				}
				items = append(items, item)
			}
			out = append(out, hang("  "+t.Bold.Render(CauseText(ctx.Game.Pack, g.cause)), w, 4))
			out = append(out, indent(wrap(strings.Join(items, " · "), w-4), "    "))
		}
	}
	if len(groups) == 0 {
		out = append(out, t.Muted.Render("  "+text.T("Nothing changed.")))
	}
	return out
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
			title, match = text.T("Global tracks"), func(r game.Ref) bool { return r.Kind == game.RefTrack }
		case ledgerYou:
			title = text.F("Your numbers (%s)", sc.Actors[player].Name)
			match = func(r game.Ref) bool { return r.Kind == game.RefStat && r.Actor == player }
		case ledgerSwing:
			title, match = text.T("Swing states"), func(r game.Ref) bool { return r.Kind == game.RefSwing }
		default:
			title = text.T("Other actors (public numbers)")
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
			out = append(out, t.Muted.Render("  "+text.T("No change.")))
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
