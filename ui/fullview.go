package ui

import (
	"cmp"
	"slices"
	"strings"

	"zerosum/game"
	"zerosum/game/match"
	"zerosum/text"
)

// fullView is the whole truth of the game in ctx: every actor's real
// numbers and score (secret ones marked), the real capability gap beside
// Washington's perception, the swing states and every covert action so
// far. It is the facilitator's view (revealed to the room only when the
// facilitator chooses) and the spectator's: no player's screen shows it.
func fullView(ctx *Context, w int) string {
	t := ctx.Theme
	g := ctx.Game
	sc, st, pack := g.Scenario(), g.State(), g.Pack
	var out []string

	out = append(out, t.Heading.Render(text.T("The world")))
	out = append(out, text.T("Strait tension")+" "+TensionGauge(t, st.Tension()))
	for _, tr := range []game.Track{game.TrackControls, game.TrackQuotas} {
		out = append(out, wrap(sc.TrackName(tr)+" "+t.Bold.Render(docTrackValue(ctx, tr, st.Tracks[tr])), w))
	}
	var rest []string
	for _, tr := range []game.Track{game.TrackDiffusion, game.TrackRegulation, game.TrackFragmentation, game.TrackMomentum} {
		rest = append(rest, sc.TrackName(tr)+" "+t.Bold.Render(itoa(st.Tracks[tr])))
	}
	out = append(out, flow(rest, " · ", w)...)
	gap := text.F("US-China capability gap: real %s · Washington perceives %s", t.Bold.Render(text.Change(sc.Gap(st))),
		t.Bold.Render(text.Change(st.Tracks[game.TrackPerceivedGap])))
	if cn := sc.RoleActor(game.RoleChinaGov); cn >= 0 && sc.Actors[cn].Hidden[game.StatFrontier] {
		gap += t.Muted.Render(text.F(" (players other than %s see only the perception)", sc.Actors[cn].Name))
	}
	out = append(out, wrap(gap, w))

	out = append(out, "", t.Heading.Render(text.T("Every actor's real numbers"))+t.Muted.Render(text.T(" — * secret from the others")))
	aw := 0
	for a := range sc.Actors {
		aw = max(aw, text.Width(sc.Actors[a].Name))
	}
	for a, ad := range sc.Actors {
		var items []string
		for s := range game.NumStats {
			if !ad.Has[s] {
				continue
			}
			sh := pack.T("stats." + s.String() + ".short")
			if sh == "" {
				sh = s.String()
			}
			val := itoa(st.Stat(a, s))
			if ad.Hidden[s] {
				val = t.Warn.Render(val + "*")
			}
			items = append(items, t.Muted.Render(sh)+" "+val)
		}
		seat := seatLabel(g.Match, a)
		if g.Match.Seats[a].Human {
			seat = text.F("human: %s", seat)
		}
		head := t.Bold.Render(pad(ad.Name, aw)) + " " + t.Muted.Render(seat) +
			text.F(" · score %s", t.Bold.Render(itoa(sc.Score(st, a).Total)))
		out = append(out, text.Truncate(head, w))
		for _, l := range flow(items, "  ", max(w-2, 20)) {
			out = append(out, "  "+l)
		}
	}

	out = append(out, "", t.Heading.Render(text.T("Swing states"))+t.Muted.Render(text.T(" — alignment from the China bloc (-100) to the US bloc (+100)")))
	var swing []string
	for i, s := range st.Swing {
		item := sc.Swing[i].Name + " " + text.Change(s.Align)
		switch game.AlignBloc(s.Align) {
		case game.BlocUS:
			item = text.F("%s (US bloc)", item)
		case game.BlocChina:
			item = text.F("%s (China bloc)", item)
		}
		swing = append(swing, item)
	}
	out = append(out, flow(swing, " · ", w)...)

	out = append(out, "", secretsText(ctx, w, false))
	return strings.Join(out, "\n")
}

// secretsText lists every covert action of the game so far, with whether
// and when it came to light. end says the game is over (everything is now
// revealed to the players too).
func secretsText(ctx *Context, w int, end bool) string {
	th := ctx.Theme
	g := ctx.Game
	sc, st := g.Scenario(), g.State()
	recs := slices.Clone(st.Covert)
	slices.SortStableFunc(recs, func(x, y game.CovertRecord) int {
		if c := cmp.Compare(x.Turn, y.Turn); c != 0 {
			return c
		}
		return cmp.Compare(x.Actor, y.Actor)
	})
	exposed := 0
	for _, r := range recs {
		if r.Exposed != 0 {
			exposed++
		}
	}
	intro := text.F("Every covert action of the game, revealed: %d taken, %d exposed during play, %d kept secret until now.",
		len(recs), exposed, len(recs)-exposed)
	secret := text.T("never exposed: secret until now")
	if !end {
		intro = text.F("%s: %d taken, %d exposed, %d still secret from the other players.", th.Heading.Render(text.T("Covert actions so far")),
			len(recs), exposed, len(recs)-exposed)
		secret = text.T("still secret")
	}
	out := []string{wrap(intro, w), ""}
	if len(recs) == 0 {
		none := text.T("Nobody has acted in secret so far.")
		if end {
			none = text.T("Nobody acted in secret.")
		}
		return strings.Join(append(out, th.Muted.Render(none)), "\n")
	}
	for _, r := range recs {
		a := sc.Actions[r.Action]
		what := text.F("%s: %s", th.Bold.Render(sc.Actors[r.Actor].Name), a.Name)
		if r.Target >= 0 {
			what = text.F("%s (%s)", what, sc.Swing[r.Target].Name)
		}
		status := th.Warn.Render(text.F("exposed in %s", text.Half(sc.HalfYear(r.Exposed))))
		if r.Exposed == 0 {
			status = th.Muted.Render(secret)
		}
		date := text.Half(sc.HalfYear(r.Turn))
		dw := max(8, text.Width(date)+1)
		out = append(out, docRow(docPad(date, dw), dw, what+"\n"+status, w))
	}
	return strings.Join(out, "\n")
}

// allOrdersText lists every actor's orders of a resolved turn, covert ones
// marked (the spectator's and the facilitator's view), and the news it
// brought.
func allOrdersText(ctx *Context, turn, w int) []string {
	t := ctx.Theme
	g := ctx.Game
	sc := g.Scenario()
	if turn == 0 {
		return []string{t.Heading.Render(text.T("Last turn")), t.Muted.Render(text.T("The game has just begun: nobody has given orders yet."))}
	}
	rep := g.Match.Report(turn)
	out := []string{t.Heading.Render(text.F("Every order of %s", text.Half(sc.HalfYear(turn)))) + t.Muted.Render(text.T(" — covert ones included"))}
	for a, ad := range sc.Actors {
		names := orderNames(sc, &rep, ad.ID, func() string { return t.Warn.Render(text.T(" (covert)")) })
		line := text.F("%s: ", t.Bold.Render(ad.Name)+t.Muted.Render(" · "+seatLabel(g.Match, a)))
		if len(names) == 0 {
			line += t.Muted.Render(text.T("no orders"))
		} else {
			line += strings.Join(names, text.T("; "))
		}
		out = append(out, hang(line, w, 2))
	}
	var refused []string
	for _, r := range rep.Refused {
		ai, _ := sc.ActorIndex(r.Order.Actor)
		refused = append(refused, hang(t.Bad.Render("✗ ")+text.F("%s: %s: %s", sc.Actors[ai].Name, orderName(sc, r.Order), r.Reason), w, 2))
	}
	if len(refused) > 0 {
		out = append(out, "", t.Heading.Render(text.T("Refused orders")))
		out = append(out, refused...)
	}
	return out
}

// injectedNews is the facilitator's custom news a report brought, as
// headlines (their content events are among the report's events).
func injectedNews(ctx *Context, rep *game.Report, w int) []string {
	t := ctx.Theme
	var out []string
	for _, h := range rep.Injected {
		out = append(out, t.Title.Render(wrap("■ "+h, w)), indent(t.Muted.Render(wrap(text.T("News added by the facilitator."), w-2)), "  "))
	}
	return out
}

// seatLabel names who holds a seat for the full view: the human's name,
// or the bot with its character and difficulty, "bot (hawk, normal)"
// (match.Match.SeatName in the interface's language).
func seatLabel(m *match.Match, a int) string {
	s := m.Seats[a]
	if s.Human {
		if s.Name != "" {
			return s.Name
		}
		return text.T("human")
	}
	return text.F("bot (%s, %s)", personalityName(s.Bot.Personality), difficultyName(s.Bot.Difficulty.String()))
}
