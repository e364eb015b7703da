package report

import (
	"fmt"
	"slices"
	"strings"

	"zerosum/game"
	"zerosum/text"
)

// turns writes the game turn by turn: the news before the first turn, then
// for each turn every actor's orders, what moved and the news that opened
// the next half-year.
func (d *doc) turns() {
	d.heading(2, text.T("Turn by turn"))
	d.para("%s", text.T("Every order each actor gave, half-year by half-year. Covert orders are marked *(covert)* and shown whether or not anyone found out. "+
		"After the orders: what moved (Strait tension, export controls, chip quotas, swing states changing bloc, secrets coming out), "+
		"then the news that opened the next half-year, with its teaching note."))
	seen := make([]int, len(d.sc.Events)) // the turn whose news first carried each event, +1
	d.heading(3, text.T("Before the first turn"))
	d.news(0, d.m.Setup.Events, seen)
	if d.played() == 0 {
		d.para("%s", text.T("No turn has been played yet."))
		return
	}
	for t := 1; t <= d.played(); t++ {
		d.turn(t, seen)
	}
}

// turn writes one resolved turn.
func (d *doc) turn(t int, seen []int) {
	rep := d.m.Report(t)
	d.heading(3, text.F("Turn %d: %s", t, d.date(t)))
	var rows [][]string
	for a := range d.sc.Actors {
		var orders []string
		for _, o := range rep.Orders {
			if ai, ok := d.sc.ActorIndex(o.Actor); ok && ai == a {
				orders = append(orders, d.orderText(t, a, o))
			}
		}
		if len(orders) == 0 {
			orders = []string{text.T("*no orders*")}
		}
		rows = append(rows, []string{d.actor(a), join(orders, "; ")})
	}
	d.table([]string{text.T("Actor"), text.T("Orders")}, "ll", rows)
	if len(rep.Refused) > 0 {
		var items []string
		for _, r := range rep.Refused {
			who := r.Order.Actor
			if a, ok := d.sc.ActorIndex(r.Order.Actor); ok {
				who = d.actor(a)
			}
			items = append(items, text.F("%s: %s was refused: %s.", who, d.order(r.Order), strings.TrimSuffix(r.Reason, ".")))
		}
		d.para("%s", text.T("Refused orders (they changed nothing):"))
		d.bullets(items)
	}
	moved := d.moved(t, &rep)
	if len(moved) == 0 {
		d.para("%s", text.T("**What moved:** nothing crossed a line. Strait tension, export controls, chip quotas and the blocs stayed as they were, and no secret came out."))
	} else {
		d.para("%s", text.T("**What moved:**"))
		d.bullets(moved)
	}
	switch {
	case len(rep.Events) > 0:
		d.news(t, rep.Events, seen)
	case d.over && t == d.played() && d.st.Crisis.Turn == 0:
		d.para("%s", text.T("That was the last turn: the game is over."))
	}
}

// orderText names an order in the table, with its covert status.
func (d *doc) orderText(t, a int, o game.Order) string {
	s := d.order(o)
	ai, ok := d.sc.ActionIndex(o.Action)
	if !ok || !d.sc.Actions[ai].Covert {
		return s
	}
	target := -1
	if si, ok := d.sc.SwingIndex(o.Target); ok {
		target = si
	}
	i := slices.IndexFunc(d.st.Covert, func(c game.CovertRecord) bool {
		return c.Turn == t && c.Actor == a && c.Action == ai && c.Target == target
	})
	switch {
	case i >= 0 && d.st.Covert[i].Exposed != 0:
		return text.F("%s *(covert, exposed in %s)*", s, d.date(d.st.Covert[i].Exposed))
	case d.over:
		return text.F("%s *(covert, never exposed)*", s)
	}
	return text.F("%s *(covert, not exposed yet)*", s)
}

// moved lists what crossed a line in a turn (its news included).
func (d *doc) moved(t int, rep *game.Report) []string {
	before, after := &d.m.States[t-1], &d.m.States[t]
	var out []string
	if rep.Crisis {
		s := text.F("**Strait crisis.** Tension reached %d and the game ended at once. ", game.TrackTension.Max())
		if d.st.Crisis.Turn > t {
			s += text.F("The news that opened %s gave the last push. ", d.date(t+1))
		}
		if len(d.st.Crisis.Culprits) > 0 {
			s += text.F("Over the game the pressure came from %s. ", d.blame(d.st.Crisis.Shares))
		}
		s += d.crisisRule()
		out = append(out, s)
	}
	tension := game.Ref{Kind: game.RefTrack, Track: game.TrackTension}
	if b, a := before.Tension(), after.Tension(); a != b {
		var s string
		if a > b {
			s = text.F("%s rose from %d to %d, %s. Why: %s.", d.track(game.TrackTension), b, a, tensionWord(a), d.causes(rep, tension, 4))
		} else {
			s = text.F("%s eased from %d to %d, %s. Why: %s.", d.track(game.TrackTension), b, a, tensionWord(a), d.causes(rep, tension, 4))
		}
		out = append(out, s+d.greyZoneNote(rep, after))
	}
	for _, tr := range []game.Track{game.TrackControls, game.TrackQuotas} {
		b, a := before.Tracks[tr], after.Tracks[tr]
		if a == b {
			continue
		}
		why := d.causes(rep, game.Ref{Kind: game.RefTrack, Track: tr}, 3)
		if a > b {
			out = append(out, text.F("%s tightened from level %d to %s. Why: %s.", d.track(tr), b, d.level(tr, a), why))
		} else {
			out = append(out, text.F("%s eased from level %d to %s. Why: %s.", d.track(tr), b, d.level(tr, a), why))
		}
	}
	for s := range after.Swing {
		b, a := before.Swing[s].Align, after.Swing[s].Align
		if game.AlignBloc(a) == game.AlignBloc(b) {
			continue
		}
		out = append(out, text.F("%s (alignment %s to %s). Why: %s.", blocMove(d.swing(s), b, a), text.Signed(b), text.Signed(a),
			d.causes(rep, game.Ref{Kind: game.RefSwing, Swing: s, Field: game.FieldAlign}, 3)))
	}
	for _, rec := range rep.Exposed {
		// The date is the one the secrets table gives: this turn's, or the
		// next half-year's when the news that opened it brought it out.
		what := d.action(rec.Action)
		if rec.Target >= 0 {
			what = d.targeted(what, rec.Target)
		}
		var s string
		if rec.Turn == t {
			s = text.F("A secret came out in %s: %s covert order %s, given this turn", d.date(rec.Exposed), text.Possessive(d.actor(rec.Actor)), what)
		} else {
			s = text.F("A secret came out in %s: %s covert order %s, given in %s", d.date(rec.Exposed), text.Possessive(d.actor(rec.Actor)), what, d.date(rec.Turn))
		}
		for _, e := range rep.Events {
			if slices.Contains(d.sc.Events[e].Reveal, rec.Action) {
				s += text.F("; the news that opened %s brought it out (%s)", d.date(rec.Exposed), strings.TrimRight(d.event(e), ".。"))
				break
			}
		}
		out = append(out, s+stop())
	}
	return out
}

// greyZoneNote explains grey-zone pressure where it moved tension: it is
// Beijing's grievance turned into drills.
func (d *doc) greyZoneNote(rep *game.Report, after *game.State) string {
	ch, ok := rep.ChangeOf(game.Ref{Kind: game.RefTrack, Track: game.TrackTension})
	if !ok || d.cn < 0 || !d.sc.Actors[d.cn].Has[game.StatGrievance] {
		return ""
	}
	for _, c := range ch.Causes {
		if c.Kind == game.CauseDynamic && game.Dynamic(c.Source) == game.DynGreyZone {
			r := d.sc.Rules
			grievance := possessed(d.actor(d.cn), d.statName(game.StatGrievance))
			if d.greyZoneTold {
				return text.F(" (%s: %d.)", text.Capitalize(grievance), after.Stat(d.cn, game.StatGrievance))
			}
			d.greyZoneTold = true
			return text.F(" (Grey-zone pressure is %s turned into drills: above %d, a point of tension a turn for every %d points of it. It stood at %d.)",
				grievance, r.GreyZoneLevel, r.GreyZoneDiv, after.Stat(d.cn, game.StatGrievance))
		}
	}
	return ""
}

// news writes the events that opened the turn after t (t = 0: the first
// turn), each with its teaching note the first time it fires.
func (d *doc) news(t int, events []int, seen []int) {
	if len(events) == 0 {
		d.para("%s", text.F("No news opened %s.", d.date(t+1)))
		return
	}
	d.para("%s", text.F("**News that opened %s:**", d.date(t+1)))
	for _, e := range events {
		ev := &d.sc.Events[e]
		head := strings.TrimRight(d.event(e), ".。")
		if seen[e] > 0 {
			d.b.WriteString(text.F("- **%s.** The same news again; its teaching note is under %s.", head, d.date(seen[e])) + "\n\n")
			continue
		}
		seen[e] = t + 1
		body := d.prose(d.text("events."+ev.ID+".body", ""))
		d.b.WriteString(text.F("- **%s.** %s", head, body) + "\n\n")
		if note := d.prose(d.text("events."+ev.ID+".teaching", "")); note != "" {
			if len(ev.Links) == 0 {
				d.b.WriteString(text.F("  *Why it matters:* %s", note) + "\n\n")
			} else {
				d.b.WriteString(text.F("  *Why it matters (%s):* %s", linksNote(ev.Links), note) + "\n\n")
			}
		}
	}
}

// linksNote is "source links 1 and 7".
func linksNote(links []int) string {
	ns := make([]string, len(links))
	for i, l := range links {
		ns[i] = fmt.Sprint(l)
	}
	if len(ns) == 1 {
		return text.F("source link %s", ns[0])
	}
	return text.F("source links %s", text.AndList(ns))
}
