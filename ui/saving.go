package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game/match"
	"zerosum/saves"
	"zerosum/text"
)

// This file is the interface's side of saving: the commands that read and
// write the data directory (every file operation runs in a tea.Cmd, never
// in Update) and the App's handling of their answers. The answers go to
// the App rather than to a screen, because the player may have moved on
// by the time a write is done; the App updates the session, shows the
// outcome in the footer or a dialog, and switches screens when a load or
// a rewind asks for it.

// ioMsg is embedded in every answer of a file command, so the App can
// count the commands still under way (tests wait for none).
type ioMsg struct{}

func (ioMsg) ioAnswer() {}

type ioAnswer interface{ ioAnswer() }

// io counts a file command as under way and returns it.
func (c *Context) io(f func() tea.Msg) tea.Cmd {
	c.busy++
	return f
}

// savesIndex is what the data directory held at the last scan.
type savesIndex struct {
	Scanned bool
	Entries []saves.Entry // every save, as Store.List gives them
	Newest  *saves.Entry  // the newest good autosave (Store.Newest), nil if none
	Replays []replayFile  // the kept replays, newest name first
	// Turns is each scenario's number of turns, for "turn 3 of 12".
	Turns map[string]int
}

// replayFile is one kept replay, decoded (or why it could not be), with
// the names a list shows.
type replayFile struct {
	Name   string // the file name without .replay.json
	Path   string
	Replay *saves.Replay
	Err    error

	Title   string // the scenario's title
	Outcome string // the world outcome's name
	Players string // who played: "Beijing (You)"; "bots only"
}

// continuable is the autosave "Continue" resumes: the newest good one,
// when its game is not over.
func (ix *savesIndex) continuable() *saves.Entry {
	if ix.Newest == nil || ix.Newest.Save.Preview.Over {
		return nil
	}
	return ix.Newest
}

// entry finds a save by name and kind.
func (ix *savesIndex) entry(name string, kind saves.Kind) (saves.Entry, bool) {
	for _, e := range ix.Entries {
		if e.Name == name && e.Kind == kind {
			return e, true
		}
	}
	return saves.Entry{}, false
}

// savesScannedMsg carries a fresh index.
type savesScannedMsg struct {
	ioMsg
	index savesIndex
}

// scanSaves reads the list of saves and replays.
func (c *Context) scanSaves() tea.Cmd {
	st := c.Store()
	if st == nil {
		return nil
	}
	return c.io(func() tea.Msg {
		ix := savesIndex{Scanned: true, Entries: st.List(), Turns: map[string]int{}}
		if e, err := st.Newest(); err == nil {
			ix.Newest = &e
		}
		packs := map[string]*content.Pack{}
		pack := func(id, source string, files map[string]string) *content.Pack {
			where := content.Source(id, source)
			if p, ok := packs[where]; ok {
				return p
			}
			p, _ := content.LoadRecorded(id, source, files) // nil for a scenario this build lacks (or a moved file)
			packs[where] = p
			if p != nil {
				ix.Turns[id] = p.Scenario.Turns
			}
			return p
		}
		for _, e := range ix.Entries {
			if e.Save != nil {
				pack(e.Save.Scenario, e.Save.Source, e.Save.ScenarioFiles)
			}
		}
		for _, path := range st.Replays() {
			rf := replayFile{Name: strings.TrimSuffix(filepath.Base(path), ".replay.json"), Path: path}
			data, err := saves.ReadFile(path)
			if err == nil {
				rf.Replay, err = saves.DecodeReplay(data)
			}
			rf.Err = err
			if r := rf.Replay; r != nil {
				rf.describe(pack(r.Scenario, r.Source, r.ScenarioFiles))
			}
			ix.Replays = append(ix.Replays, rf)
		}
		return savesScannedMsg{index: ix}
	})
}

// describe fills in the names a list of replays shows.
func (rf *replayFile) describe(p *content.Pack) {
	r := rf.Replay
	rf.Title, rf.Outcome = r.Scenario, r.Outcome
	var humans []string
	for _, s := range r.Seats {
		if s.Kind != "human" {
			continue
		}
		name := s.Actor
		if p != nil {
			if a, ok := p.Scenario.ActorIndex(s.Actor); ok {
				name = p.Scenario.Actors[a].Name
			}
		}
		if s.Name != "" {
			name = text.F("%s (%s)", name, s.Name)
		}
		humans = append(humans, name)
	}
	rf.Players = endJoin(humans)
	if rf.Players == "" {
		rf.Players = text.T("bots only")
	}
	if p == nil {
		return
	}
	rf.Title = p.Scenario.Title
	for _, o := range p.Scenario.Outcomes {
		if o.ID == r.Outcome {
			rf.Outcome = o.Name
			if n := p.T("outcomes." + o.ID + ".name"); n != "" {
				rf.Outcome = n
			}
		}
	}
}

// autosavedMsg answers an autosave of the start of a turn.
type autosavedMsg struct {
	ioMsg
	match  *match.Match
	states int // len(match.States) when it was taken: which turn start
	turn   int
	err    error
}

// autosave writes the start of the session's turn as an autosave.
func (c *Context) autosave(g *Session) tea.Cmd {
	if g == nil || g.Store == nil {
		return nil
	}
	sv := saves.FromMatchWith(g.Match, g.Player, saves.TurnInProgress{}, g.settings(), c.Now())
	st, m, n, turn := g.Store, g.Match, len(g.Match.States), g.State().Turn
	return c.io(func() tea.Msg { return autosavedMsg{match: m, states: n, turn: turn, err: st.Autosave(sv)} })
}

// replayKeptMsg answers keeping the replay of a finished game.
type replayKeptMsg struct {
	ioMsg
	match *match.Match
	path  string
	err   error
}

// replayName names a kept replay: scenario, seed, "whatif" for a branch,
// and the time ("race2025-seed7-20261128-104104").
func replayName(m *match.Match, now time.Time) string {
	name := fmt.Sprintf("%s-seed%d", m.Scenario.ID, m.Seed)
	if m.Branch != "" {
		name += "-whatif"
	}
	return name + "-" + now.UTC().Format("20060102-150405")
}

// keepReplay stores the replay of the session's finished game.
func (c *Context) keepReplay(g *Session) tea.Cmd {
	if g == nil || g.Store == nil {
		return nil
	}
	r := saves.MatchReplay(g.Match)
	st, m, name := g.Store, g.Match, replayName(g.Match, c.now())
	return c.io(func() tea.Msg {
		path, err := st.KeepReplay(r, name)
		return replayKeptMsg{match: m, path: path, err: err}
	})
}

// turnDone is what follows the resolution of a turn: the autosave of the
// new turn's start and, when the game has ended, its replay.
func (c *Context) turnDone(g *Session) tea.Cmd {
	if g.Match.Over() {
		return tea.Batch(c.autosave(g), c.keepReplay(g))
	}
	return c.autosave(g)
}

// slotSavedMsg answers writing a named save.
type slotSavedMsg struct {
	ioMsg
	name   string
	sv     *saves.Save
	exists bool // not written: a save of that name is there and replacing it was not confirmed
	err    error
	// What was saved, so the session can count itself saved.
	match  *match.Match
	states int
	orders string
}

// saveSlot writes the session (with every seat's pending orders) as a
// named save. Unless replace is set, an existing save of that name is left
// alone and the answer asks for a confirmation.
func (c *Context) saveSlot(g *Session, name string) tea.Cmd {
	return c.writeSlot(g.Store, name, g.toSave(c.Now()), false, g.Match, len(g.Match.States), g.pendingKey())
}

func (c *Context) writeSlot(st *saves.Store, name string, sv *saves.Save, replace bool, m *match.Match, states int, orders string) tea.Cmd {
	return c.io(func() tea.Msg {
		msg := slotSavedMsg{name: name, sv: sv, match: m, states: states, orders: orders}
		if !replace && st.SlotExists(name) {
			msg.exists = true
			return msg
		}
		msg.err = st.SaveSlot(name, sv)
		return msg
	})
}

// deletedMsg answers deleting a named save.
type deletedMsg struct {
	ioMsg
	name string
	err  error
}

func (c *Context) deleteSlot(name string) tea.Cmd {
	st := c.Store()
	return c.io(func() tea.Msg { return deletedMsg{name: name, err: st.Delete(name)} })
}

// loadedMsg answers loading a save: the game rebuilt from it, or why not.
type loadedMsg struct {
	ioMsg
	entry   saves.Entry
	session *Session
	err     error
	view    bool   // open it in the replay viewer instead of playing on
	back    Screen // where the viewer goes back to
}

// entryLabel names a save for a player: `the save "x"`, "the autosave
// auto-000003", "the last good autosave".
func entryLabel(e saves.Entry) string {
	switch e.Kind {
	case saves.KindSlot:
		return text.F("the save %q", e.Name)
	case saves.KindLastGood:
		return text.T("the last good autosave")
	}
	return text.F("the autosave %s", e.Name)
}

// loadSave rebuilds the game a listed save holds (replaying it is work for
// a command too).
func (c *Context) loadSave(e saves.Entry, view bool, back Screen) tea.Cmd {
	st := c.Store()
	return c.io(func() tea.Msg {
		msg := loadedMsg{entry: e, view: view, back: back}
		if e.Err != nil {
			msg.err = e.Err
			return msg
		}
		// Restore fills in what an older format lacked; it works on a copy,
		// since the listed save is the screen's to read meanwhile.
		sv := *e.Save
		sv.Turns = slices.Clone(sv.Turns)
		msg.session, msg.err = restoreSession(&sv, st, entryLabel(e))
		return msg
	})
}

// replayOpenedMsg answers opening a kept replay.
type replayOpenedMsg struct {
	ioMsg
	file  replayFile
	pack  *content.Pack
	match *match.Match
	err   error
	back  Screen
}

// openReplay re-runs a kept replay into a match for the viewer.
func (c *Context) openReplay(rf replayFile, back Screen) tea.Cmd {
	return c.io(func() tea.Msg {
		msg := replayOpenedMsg{file: rf, back: back}
		if rf.Err != nil {
			msg.err = rf.Err
			return msg
		}
		msg.pack, msg.err = content.LoadRecorded(rf.Replay.Scenario, rf.Replay.Source, rf.Replay.ScenarioFiles)
		if msg.err == nil {
			msg.match, msg.err = rf.Replay.Restore(msg.pack.Scenario)
		}
		return msg
	})
}

// handleIO takes the answer of a file command: it updates the session,
// reports the outcome and switches screens when a load or a rewind asks
// for it. It reports whether msg was such an answer.
func (a *App) handleIO(msg tea.Msg) (tea.Cmd, bool) {
	if _, ok := msg.(ioAnswer); !ok {
		return nil, false
	}
	ctx := a.ctx
	ctx.busy = max(ctx.busy-1, 0)
	g := ctx.Game
	switch m := msg.(type) {
	case savesScannedMsg:
		ctx.Saves = m.index
	case autosavedMsg:
		current := g != nil && g.Match == m.match && len(g.Match.States) == m.states
		if current {
			g.KeepErr = m.err
			if m.err == nil {
				g.Saved, g.Kept = true, text.F("the autosave of turn %d", m.turn)
			}
		}
		if m.err != nil {
			ctx.FlashError(text.F("⚠ The autosave of turn %d failed: %v. Press s to save by hand.", m.turn, m.err))
		}
		return ctx.scanSaves(), true
	case replayKeptMsg:
		if g != nil && g.Match == m.match {
			g.ReplayPath, g.ReplayErr = m.path, m.err
		}
		if m.err != nil {
			ctx.FlashError(text.F("⚠ The replay of this game could not be kept: %v", m.err))
		}
		return ctx.scanSaves(), true
	case slotSavedMsg:
		return a.slotSaved(m), true
	case deletedMsg:
		if m.err != nil {
			ctx.FlashError(text.F("⚠ Could not delete the save %q: %v", m.name, m.err))
		} else {
			ctx.Flash(text.F("Deleted the save %q.", m.name))
		}
		return ctx.scanSaves(), true
	case loadedMsg:
		return a.loaded(m), true
	case reportWrittenMsg:
		ctx.reportWritten(m)
		return nil, true
	case replayOpenedMsg:
		if m.err != nil {
			ctx.Open(NewNotice(ctx, text.F("Cannot open the replay %s", m.file.Name), m.err.Error()))
			return nil, true
		}
		player := 0
		if hs := m.match.Humans(); len(hs) > 0 {
			player = hs[0]
		}
		src := viewSource{pack: m.pack, match: m.match, player: player, reveal: m.match.Over(),
			label: text.F("the replay %s", m.file.Name)}
		ctx.SwitchTo(newViewer(ctx, src, m.back))
		return nil, true
	case rewoundMsg:
		if m.err != nil {
			lost := m.branch
			ctx.Open(NewConfirm(ctx, text.T("The original line could not be kept"),
				text.F("Saving it failed: %v.\n\nRewind anyway? The original line would be lost.", m.err),
				func() tea.Cmd { return ctx.startBranch(lost, "") }, nil))
			return nil, true
		}
		return ctx.startBranch(m.branch, m.kept), true
	}
	return nil, true
}

// slotSaved reports a named save: replaced after a confirmation, saved,
// or failed.
func (a *App) slotSaved(m slotSavedMsg) tea.Cmd {
	ctx := a.ctx
	st := ctx.Store()
	switch {
	case m.exists:
		detail := text.T("A save of that name exists; it will be replaced by this game.")
		if e, ok := ctx.Saves.entry(m.name, saves.KindSlot); ok && e.Save != nil {
			p := e.Save.Preview
			detail = text.F("It holds %s, turn %d (%s), saved %s. It will be replaced by this game.", p.Actor, p.Turn, previewDate(p), savedWhen(e.Save.SavedAt))
		}
		ctx.Open(NewConfirm(ctx, text.F("Replace the save %q?", m.name), detail, func() tea.Cmd {
			return ctx.writeSlot(st, m.name, m.sv, true, m.match, m.states, m.orders)
		}, func() tea.Cmd {
			ctx.Flash(text.F("Not saved: the save %q is unchanged.", m.name))
			return nil
		}))
		return nil
	case m.err != nil:
		ctx.FlashError(text.F("⚠ Could not save %q: %v", m.name, m.err))
		return nil
	}
	if g := ctx.Game; g != nil && g.Match == m.match && len(g.Match.States) == m.states {
		g.Saved, g.KeepErr = true, nil
		g.Kept = text.F("the save %q", m.name)
		g.savedOrders = m.orders
	}
	ctx.Flash(text.F("Saved as %q.", m.name))
	return ctx.scanSaves()
}

// loaded starts the loaded game, opens it in the viewer, or says why it
// cannot be loaded and offers the newest good autosave instead.
func (a *App) loaded(m loadedMsg) tea.Cmd {
	ctx := a.ctx
	if m.err != nil {
		title := text.F("Cannot load %s", entryLabel(m.entry))
		body := m.err.Error()
		if nw := ctx.Saves.Newest; nw != nil && nw.Path != m.entry.Path {
			p := nw.Save.Preview
			good := *nw
			ctx.Open(NewConfirm(ctx, title, body+text.F("\n\nThe newest good autosave is %s: %s, turn %d (%s), saved %s. Load it instead?",
				good.Name, p.Actor, p.Turn, previewDate(p), savedWhen(good.Save.SavedAt)),
				func() tea.Cmd { return ctx.loadSave(good, m.view, m.back) }, nil))
			return nil
		}
		ctx.Open(NewNotice(ctx, title, body))
		return nil
	}
	g := m.session
	if m.view && g.HotSeat() && !g.Match.Over() {
		// Any one seat's view would show that player's secrets to
		// whoever is at the keyboard.
		ctx.Open(NewNotice(ctx, text.T("A hot-seat game in progress"),
			text.T("Viewing it turn by turn would show one player's secrets to everyone at the keyboard. Load it (enter) to play on behind the hand-overs, or view it once the game is over.")))
		return nil
	}
	if m.view {
		src := viewSource{pack: g.Pack, match: g.Match, player: g.Player, reveal: g.Match.Over() || g.Spectating(),
			label: entryLabel(m.entry), pending: g.Orders(), settings: g.settings(), from: g}
		ctx.SwitchTo(newViewer(ctx, src, m.back))
		return nil
	}
	ctx.Game = g
	g.Settings.Theme = string(ctx.Theme.Name)
	ctx.SwitchTo(ctx.beginTurn())
	p := m.entry.Save.Preview
	ctx.Flash(text.F("Loaded %s: %s, turn %d (%s).", entryLabel(m.entry), p.Actor, p.Turn, previewDate(p)))
	return nil
}

// savedWhen writes a save's time for a player: "2026-11-28 10:41 UTC".
func savedWhen(rfc string) string {
	t, err := time.Parse(time.RFC3339, rfc)
	if err != nil {
		if rfc == "" {
			return text.T("at an unknown time")
		}
		return rfc
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// quitDetail says what quitting now would lose.
func (g *Session) quitDetail() string {
	sc := g.Scenario()
	turn := g.State().Turn
	var parts []string
	switch {
	case g.Store == nil:
		parts = append(parts, text.T("Saving is off (no data directory), so this game cannot be resumed: quitting loses it."))
	case g.Saved && g.Kept != "":
		parts = append(parts, text.F("No turn is lost: %s holds the start of turn %d (%s), and Continue on the title screen resumes the newest autosave.",
			g.Kept, turn, text.Half(sc.HalfYear(turn))))
	case g.KeepErr != nil:
		parts = append(parts, text.F("The autosave of this turn failed (%v), so the turns since the last save would be lost. Press n, then s to save by hand.", g.KeepErr))
	case g.Saved:
		parts = append(parts, text.T("Nothing has been played yet."))
	default:
		parts = append(parts, text.T("This turn has not been autosaved yet, so the turns since the last save may be lost. Press n, then s to save by hand."))
	}
	if n := g.PendingCount(); n > 0 {
		switch {
		case g.Store != nil && g.pendingKey() == g.savedOrders && g.Saved && g.HotSeat():
			parts = append(parts, text.F("The players' orders for this turn are in %s.", g.Kept))
		case g.Store != nil && g.pendingKey() == g.savedOrders && g.Saved:
			parts = append(parts, text.F("Your orders for this turn are in %s.", g.Kept))
		case g.HotSeat():
			parts = append(parts, text.F("The players' %d orders for this turn, not yet resolved, will be lost unless you save first (n, then s).", n))
		default:
			parts = append(parts, text.F("Your %d unsubmitted orders for this turn will be lost unless you save first (n, then s).", n))
		}
	}
	return strings.Join(parts, "\n\n")
}

// savingOff is what a screen says when there is nowhere to save, as a
// sentence without its full stop (errSavingOff in the interface's language).
func savingOff() string {
	return text.T("Saving is off: there is no data directory (set ZEROSUM_HOME or use --data-dir)")
}

// errSavingOff is what a screen says when there is nowhere to save.
var errSavingOff = errors.New("saving is off: there is no data directory (set ZEROSUM_HOME or use --data-dir)")
