package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"zerosum/content"
	"zerosum/game"
	"zerosum/text"
)

// newsText is the News pane: this turn's events with what they teach, and
// the public results of last turn (the orders others gave, covert actions
// that came to light).
func (d *dashboard) newsText(w int) string {
	t := d.ctx.Theme
	sc, v := d.sc(), &d.view
	pack := d.ctx.Game.Pack
	var out []string
	out = append(out, t.Heading.Render(text.F("News at the start of %s (turn %d)", text.Half(sc.HalfYear(v.Turn)), v.Turn)))
	if len(v.News) == 0 && len(d.rep.Injected) == 0 {
		out = append(out, t.Muted.Render(text.T("Nothing made the news this turn.")))
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
		out = append(out, indent(wrap(t.Accent.Render(text.T("Why it matters: "))+Prose(ctx, note, 0), w-2), "  "))
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
		return []string{t.Heading.Render(text.T("Last turn")), t.Muted.Render(text.T("The game has just begun: nobody has given orders yet."))}
	}
	out = append(out, t.Heading.Render(text.F("What everyone did in %s", text.Half(sc.HalfYear(rep.Turn))))+
		t.Muted.Render(text.T(" — public orders; covert ones only if exposed")))
	for a, ad := range sc.Actors {
		names := orderNames(sc, rep, ad.ID, func() string {
			if a == player {
				return text.T(" (covert)")
			}
			return text.T(" (covert, exposed)")
		})
		who := ad.Name
		if a == player {
			who = text.F("%s (you)", who)
		}
		line := text.F("%s: ", t.Bold.Render(who))
		if len(names) == 0 {
			line += t.Muted.Render(text.T("no public orders"))
		} else {
			line += strings.Join(names, text.T("; "))
		}
		out = append(out, hang(line, w, 2))
	}
	out = append(out, "", t.Heading.Render(text.T("Your refused orders")))
	if len(rep.Refused) == 0 {
		out = append(out, t.Muted.Render(text.T("None: every order you gave was carried out.")))
	}
	for _, r := range rep.Refused {
		out = append(out, hang(t.Bad.Render("✗ ")+text.F("%s: %s", orderName(sc, r.Order), r.Reason), w, 2))
	}
	out = append(out, "", t.Heading.Render(text.T("Covert actions that came to light")))
	if len(rep.Exposed) == 0 {
		out = append(out, t.Muted.Render(text.T("None last turn.")))
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
	action := sc.Actions[c.Action].Name
	ordered, exposed := text.Half(sc.HalfYear(c.Turn)), text.Half(sc.HalfYear(c.Exposed))
	var s string
	switch {
	case c.Actor == player && c.Target >= 0:
		s = text.F("⚑ Your covert %q in %s (ordered %s) came to light in %s", action, sc.Swing[c.Target].Name, ordered, exposed)
	case c.Actor == player:
		s = text.F("⚑ Your covert %q (ordered %s) came to light in %s", action, ordered, exposed)
	case c.Target >= 0:
		s = text.F("⚑ %s's covert %q in %s (ordered %s) came to light in %s", sc.Actors[c.Actor].Name, action, sc.Swing[c.Target].Name, ordered, exposed)
	default:
		s = text.F("⚑ %s's covert %q (ordered %s) came to light in %s", sc.Actors[c.Actor].Name, action, ordered, exposed)
	}
	if c.Exposed > reportTurn {
		s = text.F("%s, with the news that opened it", s)
	}
	return text.F("%s.", s)
}

// lastRune and firstRune are the last and the first character of s ("" for
// none).
func lastRune(s string) string {
	r, n := utf8.DecodeLastRuneInString(s)
	if n == 0 {
		return ""
	}
	return string(r)
}

func firstRune(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return ""
	}
	return string(r)
}

// hang wraps s to w cells with the lines after the first indented by n.
func hang(s string, w, n int) string {
	lines := strings.Split(wrap(s, w), "\n")
	if len(lines) == 1 {
		return lines[0]
	}
	// The lines are joined again as wrap broke them: at a space, which it
	// dropped, or between two Chinese characters, where there was none.
	rest := lines[1]
	for _, l := range lines[2:] {
		if text.Width(lastRune(ansi.Strip(rest))) < 2 && text.Width(firstRune(ansi.Strip(l))) < 2 {
			rest += " "
		}
		rest += l
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
