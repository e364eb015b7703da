package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zerosum/text"
)

// spectate is the screen of a game bots play alone: the world from the
// facilitator's full view (every real number and secret), the last turn's
// every order and the news it brought, one turn at a time; enter plays
// the next turn, and the end screen follows the last.
type spectate struct {
	ctx *Context
	doc docView
	at  int // len(Match.Turns) the page was laid out for
}

func newSpectate(ctx *Context) *spectate {
	s := &spectate{ctx: ctx, doc: newDocView(), at: -1}
	s.Resize()
	return s
}

// Resize lays the page out again.
func (s *spectate) Resize() {
	w, h := s.ctx.Width, s.ctx.BodyHeight()
	if w <= 0 || h <= 0 || s.ctx.Game == nil {
		return
	}
	s.doc.setSize(w, max(h-2, 1))
	s.doc.setContent(s.content(min(w-1, 110)))
	if n := len(s.ctx.Game.Match.Turns); n != s.at {
		s.at = n
		s.doc.vp.GotoTop()
	}
}

// Update plays the next turn on enter (the end screen once the game is
// over) and scrolls.
func (s *spectate) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || s.ctx.Game == nil {
		return s, nil
	}
	km := s.ctx.Keys
	switch {
	case key.Matches(k, km.NextBotTurn):
		g := s.ctx.Game
		if g.Match.Over() {
			s.ctx.SwitchTo(newEnd(s.ctx))
			return s, nil
		}
		if g.Facil != nil && g.Facil.Pause {
			// The facilitator resolves the turn, with any news queued,
			// from their own screen behind their key.
			s.ctx.SwitchTo(newWaitingRoom(s.ctx, ""))
			return s, nil
		}
		return s, s.ctx.resolveTurn()
	case key.Matches(k, km.Save):
		if s.ctx.Game.Store == nil {
			s.ctx.Open(NewNotice(s.ctx, text.T("Saving is off"), text.F("%s.", savingOff())))
			return s, nil
		}
		s.ctx.Open(newSaveDialog(s.ctx))
	default:
		s.doc.scroll(k, km)
	}
	return s, nil
}

// header says what is watched, and what enter does.
func (s *spectate) header() string {
	t := s.ctx.Theme
	g := s.ctx.Game
	sc := g.Scenario()
	w := s.ctx.Width
	turn := min(g.State().Turn, sc.Turns)
	left := t.Title.Render(text.T("SPECTATING")) + " · " + t.Bold.Render(text.F("Turn %d of %d · %s", turn, sc.Turns, text.Half(sc.HalfYear(turn))))
	if b := g.Match.Branch; b != "" {
		left += " · " + t.Warn.Render(text.T("WHAT-IF"))
	}
	next := text.T("enter: play the turn")
	if g.Match.Over() {
		next = text.T("enter: the end of the game")
	}
	right := t.Muted.Render(text.F("%s · seed %d", sc.Title, g.Match.Seed)+" · ") + t.Key.Render(next)
	right = firstFit(max(w-lipgloss.Width(left)-2, 10), right, t.Key.Render(next))
	pos := t.Muted.Render(s.doc.position())
	return spread(left, right, w) + "\n" + docSpread(t.Muted.Render(strings.Repeat("─", max(w-lipgloss.Width(pos)-1, 0))), pos, w)
}

// content is the page: the last turn's orders and news, then the world in
// full.
func (s *spectate) content(w int) string {
	t := s.ctx.Theme
	g := s.ctx.Game
	sc := g.Scenario()
	var out []string
	out = append(out, t.Muted.Render(wrap(text.T("Bots play every seat. You see the facilitator's full view: every real number and every secret order."), w)), "")
	last := len(g.Match.Turns)
	out = append(out, allOrdersText(s.ctx, last, w)...)
	rep := g.Match.Report(last)
	if len(rep.Events) > 0 || len(rep.Injected) > 0 {
		date := text.Half(sc.HalfYear(max(last+1, 1)))
		out = append(out, "", t.Heading.Render(text.F("News for %s", date)))
		for _, e := range rep.Events {
			out = append(out, eventText(s.ctx, g.Pack, e, w, false)...)
		}
		out = append(out, injectedNews(s.ctx, &rep, w)...)
	}
	out = append(out, "", fullView(s.ctx, w))
	return strings.Join(out, "\n")
}

// View draws the header and the page.
func (s *spectate) View() string {
	w, h := s.ctx.Width, s.ctx.BodyHeight()
	if s.ctx.Game == nil {
		return fit("", w, h)
	}
	if len(s.ctx.Game.Match.Turns) != s.at {
		s.Resize()
	}
	return fit(s.header()+"\n"+s.doc.view(), w, h)
}

// Name is shown in the help overlay.
func (s *spectate) Name() string { return text.T("Spectating") }

// Keys are the spectator's keys for the footer.
func (s *spectate) Keys() []key.Binding {
	km := s.ctx.Keys
	keys := []key.Binding{km.NextBotTurn, km.PaneScroll, km.PageDown, km.Save}
	if s.ctx.Game != nil && s.ctx.Game.Facil != nil {
		keys = append(keys, km.Facilitator)
	}
	return keys
}

// KeyGroups are the spectator's keys for the help overlay.
func (s *spectate) KeyGroups() [][]key.Binding {
	km := s.ctx.Keys
	return [][]key.Binding{{km.NextBotTurn, km.Save, km.Facilitator}, {km.Up, km.Down, km.PageUp, km.PageDown, km.Top, km.Bottom}}
}
