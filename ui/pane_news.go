package ui

import (
	"fmt"
	"strings"

	"zerosum/content"
	"zerosum/game"
)

// newsText is the News pane: this turn's events with what they teach, and
// the public results of last turn (the orders others gave, covert actions
// that came to light).
func (d *dashboard) newsText(w int) string {
	t := d.ctx.Theme
	sc, v := d.sc(), &d.view
	pack := d.ctx.Game.Pack
	var out []string
	out = append(out, t.Heading.Render(fmt.Sprintf("News at the start of %s (turn %d)", sc.Date(v.Turn), v.Turn)))
	if len(v.News) == 0 && len(d.rep.Injected) == 0 {
		out = append(out, t.Muted.Render("Nothing made the news this turn."))
	}
	for _, e := range v.News {
		out = append(out, eventText(d.ctx, pack, e, w, true)...)
	}
	out = append(out, injectedNews(d.ctx, &d.rep, w)...)

	out = append(out, "")
	out = append(out, publicResults(d.ctx, &d.rep, d.player(), w)...)
	return strings.Join(out, "\n")
}

// eventText is an event as news: the headline, its story and, when asked,
// the teaching note that says what it shows about the AI race.
func eventText(ctx *Context, pack *content.Pack, e int, w int, teaching bool) []string {
	t := ctx.Theme
	ev := &pack.Scenario.Events[e]
	head := pack.T("events." + ev.ID + ".headline")
	if head == "" {
		head = ev.Name
	}
	out := []string{t.Title.Render(wrap("■ "+head, w))}
	if body := pack.T("events." + ev.ID + ".body"); body != "" {
		out = append(out, indent(Prose(ctx, body, w-2), "  "))
	}
	if note := pack.T("events." + ev.ID + ".teaching"); teaching && note != "" {
		out = append(out, indent(wrap(t.Accent.Render("Why it matters: ")+Prose(ctx, note, 0), w-2), "  "))
	}
	return out
}

// publicResults lists what the player may know of the orders of a
// resolved turn: everyone's public orders, the player's own (covert ones
// marked) and covert actions that came to light.
func publicResults(ctx *Context, rep *game.Report, player int, w int) []string {
	t := ctx.Theme
	sc := ctx.Game.Scenario()
	var out []string
	if rep.Turn == 0 {
		return []string{t.Heading.Render("Last turn"), t.Muted.Render("The game has just begun: nobody has given orders yet.")}
	}
	out = append(out, t.Heading.Render(fmt.Sprintf("What everyone did in %s", sc.Date(rep.Turn)))+
		t.Muted.Render(" — public orders; covert ones only if exposed"))
	for a, ad := range sc.Actors {
		names := orderNames(sc, rep, ad.ID, func() string {
			if a == player {
				return " (covert)"
			}
			return " (covert, exposed)"
		})
		who := ad.Name
		if a == player {
			who += " (you)"
		}
		line := t.Bold.Render(who) + ": "
		if len(names) == 0 {
			line += t.Muted.Render("no public orders")
		} else {
			line += strings.Join(names, "; ")
		}
		out = append(out, hang(line, w, 2))
	}
	out = append(out, "", t.Heading.Render("Your refused orders"))
	if len(rep.Refused) == 0 {
		out = append(out, t.Muted.Render("None: every order you gave was carried out."))
	}
	for _, r := range rep.Refused {
		out = append(out, hang(t.Bad.Render("✗ ")+orderName(sc, r.Order)+": "+r.Reason, w, 2))
	}
	out = append(out, "", t.Heading.Render("Covert actions that came to light"))
	if len(rep.Exposed) == 0 {
		out = append(out, t.Muted.Render("None last turn."))
	}
	for _, c := range rep.Exposed {
		out = append(out, hang(exposedText(sc, c, player, rep.Turn), w, 2))
	}
	return out
}

// exposedText describes a covert action that came to light in the report
// of a turn, with the date it came to light: the turn's own, or the next
// half-year's when the news that opened it brought it out. The debrief,
// the turning points and the secrets give that same date.
func exposedText(sc *game.Scenario, c game.CovertRecord, player, reportTurn int) string {
	who := sc.Actors[c.Actor].Name
	if c.Actor == player {
		who = "Your"
	} else {
		who += "'s"
	}
	s := fmt.Sprintf("⚑ %s covert %q", who, sc.Actions[c.Action].Name)
	if c.Target >= 0 {
		s += " in " + sc.Swing[c.Target].Name
	}
	s += fmt.Sprintf(" (ordered %s) came to light in %s", sc.Date(c.Turn), sc.Date(c.Exposed))
	if c.Exposed > reportTurn {
		s += ", with the news that opened it"
	}
	return s + "."
}

// hang wraps s to w cells with the lines after the first indented by n.
func hang(s string, w, n int) string {
	lines := strings.Split(wrap(s, w), "\n")
	if len(lines) == 1 {
		return lines[0]
	}
	rest := lines[1]
	for _, l := range lines[2:] {
		// A line broken between two Chinese characters had no space
		// there: joining it back must not add one.
		if wideEdge(rest, false) && wideEdge(l, true) {
			rest += l
		} else {
			rest += " " + l
		}
	}
	return lines[0] + "\n" + indent(wrap(rest, w-n), strings.Repeat(" ", n))
}

// orderNames are an actor's orders in a report as a player reads them,
// each covert one followed by covert() ("(covert)").
func orderNames(sc *game.Scenario, rep *game.Report, actor string, covert func() string) []string {
	var names []string
	for _, o := range rep.Orders {
		if o.Actor != actor {
			continue
		}
		s := orderName(sc, o)
		if ai, ok := sc.ActionIndex(o.Action); ok && sc.Actions[ai].Covert {
			s += covert()
		}
		names = append(names, s)
	}
	return names
}
