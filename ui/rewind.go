package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/match"
	"zerosum/saves"
	"zerosum/text"
)

// Rewind, or what-if: the player goes back to the start of an earlier
// turn and plays on from there as a branch (match.Rewind keeps the seed
// and the world exactly, so nothing revealed is rolled again). The line
// left behind is first kept as a named save, so it can be loaded again,
// and the branch is labelled as such on every screen, in its saves and in
// its replay.

// rewoundMsg answers keeping the original line before a rewind.
type rewoundMsg struct {
	ioMsg
	branch *Session
	kept   string // the named save that holds the original line
	err    error  // why it could not be kept
}

// mainLineName names the save that keeps the original line before a
// rewind: "main line washington 20261128-104104" (within the 40
// characters a save name may have).
func mainLineName(actor string, now time.Time) string {
	var b strings.Builder
	for _, r := range actor {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteRune('-')
		}
	}
	id := b.String()
	stamp := now.UTC().Format("20060102-150405")
	if room := 40 - len("main line ") - 1 - len(stamp); len(id) > room {
		id = id[:room]
	}
	return "main line " + id + " " + stamp
}

// rewindPlan is a rewind waiting for its confirmation: the line it leaves,
// the branch it starts and what keeps the line.
type rewindPlan struct {
	branch  *Session
	turn    int
	date    string
	main    *saves.Save // the original line as a save (nil when saving is off)
	mainFor string      // its name
	lost    int         // turns the original line has from the rewind point on
}

// planRewind prepares a branch of a match from the start of an earlier turn
// for the player, with the original line (and its pending orders) ready
// to be kept as a named save. from is the session the match is played in,
// when there is one (its turn in progress, every seat's orders, is what
// the save of the original line keeps, and its facilitator carries over
// to the branch); otherwise pending and settings are.
func (c *Context) planRewind(pack *content.Pack, m *match.Match, player int, pending []game.Order, settings saves.Settings, turn int, from *Session) (*rewindPlan, error) {
	if !m.Seats[player].Human {
		return nil, errors.New(text.F("%s is played by a bot in this game, so there is no player's line to branch", m.Scenario.Actors[player].Name))
	}
	b, err := m.Rewind(turn)
	if err != nil {
		return nil, err
	}
	if from != nil {
		settings = from.settings()
	}
	g := &Session{Pack: pack, Match: b, Player: player, Store: c.Store(), Settings: settings}
	if f := settings.Facilitator; f != nil {
		g.Facil = &Facilitator{Pause: f.Pause, TimerMinutes: f.TimerMinutes}
	}
	g.Settings.Facilitator = nil
	if settings.Guided {
		// A what-if of the guided game stays guided (hidden if it was).
		g.coach = newCoach()
		if from != nil && from.coach != nil {
			g.coach.hidden = from.coach.hidden
		}
	}
	for _, a := range b.Humans() {
		g.seat(a).briefed = true
	}
	p := &rewindPlan{branch: g, turn: turn, date: text.Half(m.Scenario.HalfYear(turn)), lost: len(m.Turns) - turn + 1}
	if c.Store() != nil {
		if from != nil && from.Match == m {
			p.main = from.toSave(c.Now())
		} else {
			p.main = saves.FromMatch(m, player, pending, settings, c.Now())
		}
		p.mainFor = mainLineName(m.Scenario.Actors[player].ID, c.now())
	}
	return p, nil
}

// confirmRewind asks before rewinding, saying what happens to the
// original line.
func (c *Context) confirmRewind(p *rewindPlan) {
	q := text.F("Rewind to the start of turn %d (%s)?", p.turn, p.date)
	detail := text.T("You play on from there as a what-if branch, labelled as such on every screen, in saves and in the replay. " +
		"The world at that turn is exactly as it was: nothing already revealed is rolled again.")
	if p.main != nil {
		detail += text.F("\n\nThe original line is kept first as the save %q: load it to go back to it.", p.mainFor)
	} else {
		detail += text.F("\n\nSaving is off (no data directory), so the original line cannot be kept: its last %d turns will be lost.", p.lost)
	}
	c.Open(NewConfirm(c, q, detail, func() tea.Cmd { return c.rewind(p) }, nil))
}

// rewind keeps the original line (in a command), then starts the branch.
func (c *Context) rewind(p *rewindPlan) tea.Cmd {
	if p.main == nil {
		return c.startBranch(p.branch, "")
	}
	st := c.Store()
	return c.io(func() tea.Msg {
		name := p.mainFor
		for i := 2; st.SlotExists(name); i++ {
			name = fmt.Sprintf("%s-%d", strings.TrimSuffix(p.mainFor, "-"), i)
		}
		return rewoundMsg{branch: p.branch, kept: name, err: st.SaveSlot(name, p.main)}
	})
}

// startBranch makes a branch the game in play and autosaves its start.
func (c *Context) startBranch(g *Session, kept string) tea.Cmd {
	c.Game = g
	g.Saved = false
	c.SwitchTo(c.beginTurn())
	msg := text.F("Playing on as a what-if from %s.", text.Half(c.Game.Scenario().HalfYear(g.State().Turn)))
	if kept != "" {
		msg += text.F(" The original line is kept as the save %q.", kept)
	}
	c.Flash(msg)
	return tea.Batch(c.autosave(g), c.scanSaves())
}

// rewindPicker lists the turns the game can go back to, each with what
// the player knew then, and confirms the chosen one.
type rewindPicker struct {
	ctx    *Context
	cursor int      // 0-based: turn cursor+1
	top    int      // first row shown
	rows   []string // one per turn that can be rewound to
}

// newRewindPicker lists the turns of the game in play before the current
// one; the cursor starts on the latest.
func newRewindPicker(ctx *Context) *rewindPicker {
	g := ctx.Game
	sc := g.Scenario()
	p := &rewindPicker{ctx: ctx}
	for i := range g.Match.Turns {
		// The numbers the player read on the dashboard at that turn.
		v := sc.View(&g.Match.States[i], g.Player, true)
		score := scoreAsRead(sc, &v, g.Player, g.Player, false)
		row := text.F("Turn %2d · %s · tension %d · score %s", i+1, text.Half(sc.HalfYear(i+1)), v.Tension(), approx(score.Total, score.any))
		var mine []string
		for _, o := range g.Match.Turns[i].Orders {
			if o.Actor == sc.Actors[g.Player].ID {
				mine = append(mine, orderName(sc, o))
			}
		}
		if len(mine) == 0 {
			row += text.T(" · you gave no orders")
		} else {
			row += text.F(" · you: %s", endJoin(mine))
		}
		p.rows = append(p.rows, row)
	}
	p.cursor = len(p.rows) - 1
	return p
}

// Update moves and chooses; enter asks to confirm the rewind.
func (p *rewindPicker) Update(msg tea.Msg) (Dialog, tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil, false
	}
	km := p.ctx.Keys
	if c, ok := moveCursor(&km, k, p.cursor, len(p.rows), 0); ok {
		p.cursor = c
		return p, nil, false
	}
	switch {
	case key.Matches(k, km.Back):
		return p, nil, true
	case key.Matches(k, km.Select):
		g := p.ctx.Game
		plan, err := p.ctx.planRewind(g.Pack, g.Match, g.Player, g.Orders(), g.Settings, p.cursor+1, g)
		if err != nil {
			p.ctx.Open(NewNotice(p.ctx, text.T("Cannot rewind"), err.Error()))
			return p, nil, true
		}
		p.ctx.confirmRewind(plan)
		return p, nil, true
	}
	return p, nil, false
}

// View draws the box with the list of turns.
func (p *rewindPicker) View() string {
	t := p.ctx.Theme
	w := min(84, p.ctx.Width-4)
	iw := w - t.Dialog.GetHorizontalFrameSize()
	intro := t.Muted.Render(wrap(text.T("Go back to the start of an earlier turn and play on from there as a what-if branch. The game so far is kept as a save first."), iw))
	// Room for the rows: the terminal less the box's frame, the title,
	// the intro, the keys and the blank lines between them.
	room := max(p.ctx.Height-4-t.Dialog.GetVerticalFrameSize()-lipgloss.Height(intro)-5, 3)
	visible := min(len(p.rows), room)
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.cursor >= p.top+visible {
		p.top = p.cursor - visible + 1
	}
	var lines []string
	for i := p.top; i < p.top+visible; i++ {
		line := "  " + p.rows[i]
		if i == p.cursor {
			line = "▸ " + p.rows[i]
		}
		line = pad(text.Truncate(line, iw), iw)
		if i == p.cursor {
			line = t.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	keys := t.Key.Render("↑/↓") + t.KeyDesc.Render(" "+text.T("turn")+"   ") + t.Key.Render("enter") + t.KeyDesc.Render(" "+text.T("rewind there")+"   ") +
		t.Key.Render("esc") + t.KeyDesc.Render(" "+text.T("cancel"))
	if len(p.rows) > visible {
		keys += t.Muted.Render(text.F("   %d-%d of %d", p.top+1, p.top+visible, len(p.rows)))
	}
	body := t.Title.Render(text.T("Rewind to which turn?")) + "\n" + intro + "\n\n" + strings.Join(lines, "\n") + "\n\n" + keys
	return t.Dialog.Width(w).Render(body)
}

// Keys lists the picker's keys.
func (p *rewindPicker) Keys() []key.Binding {
	km := p.ctx.Keys
	choose := km.Select
	choose.SetHelp("enter", text.T("rewind there"))
	cancel := km.Back
	cancel.SetHelp("esc", text.T("cancel"))
	return []key.Binding{km.ListMove, choose, cancel}
}

// branchLabel is a match's branch label (match.Rewind writes it in
// English, and saves keep it so: "what-if from H2 2026", joined by "; "
// when a branch is rewound again) in the interface's language. A part in
// another form is shown as it is.
func branchLabel(b string) string {
	parts := strings.Split(b, "; ")
	for i, p := range parts {
		var half, year int
		if n, err := fmt.Sscanf(p, "what-if from H%d %d", &half, &year); n == 2 && err == nil && (half == 1 || half == 2) &&
			fmt.Sprintf("what-if from H%d %d", half, year) == p {
			parts[i] = text.F("what-if from %s", text.Half(half, year))
		}
	}
	if text.Chinese() {
		return strings.Join(parts, "；")
	}
	return strings.Join(parts, "; ")
}
