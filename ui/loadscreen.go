package ui

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/saves"
	"zerosum/text"
)

// listKind is what a savesScreen lists.
type listKind int

const (
	listSaves   listKind = iota // saves and autosaves: load, view or delete
	listReplays                 // replays of finished games: view
)

// savesScreen lists the files the player keeps, with a preview of the one
// under the cursor: the saves and autosaves (load one, view it in the
// replay viewer, delete a named one) or the kept replays (view one). A
// file that cannot be read is listed with its error.
type savesScreen struct {
	ctx    *Context
	kind   listKind
	back   Screen
	cursor int
	top    int
}

func newSavesScreen(ctx *Context, kind listKind, back Screen) *savesScreen {
	return &savesScreen{ctx: ctx, kind: kind, back: back}
}

// Opened reads the list afresh.
func (s *savesScreen) Opened() tea.Cmd { return s.ctx.scanSaves() }

func (s *savesScreen) count() int {
	if s.kind == listReplays {
		return len(s.ctx.Saves.Replays)
	}
	return len(s.ctx.Saves.Entries)
}

// entry is the save under the cursor (ok false when the list is empty).
func (s *savesScreen) entry() (saves.Entry, bool) {
	es := s.ctx.Saves.Entries
	if s.kind != listSaves || s.cursor >= len(es) {
		return saves.Entry{}, false
	}
	return es[s.cursor], true
}

// Update moves through the list and acts on the chosen file.
func (s *savesScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if _, ok := msg.(savesScannedMsg); ok {
		s.cursor = min(s.cursor, max(s.count()-1, 0))
		return s, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	km := s.ctx.Keys
	n := s.count()
	if c, ok := moveCursor(&km, k, s.cursor, n, 0); ok {
		s.cursor = c
		return s, nil
	}
	switch {
	case key.Matches(k, km.Back):
		s.ctx.SwitchTo(s.back)
	case n == 0:
	case s.kind == listReplays && key.Matches(k, km.Select, km.ViewReplay):
		rf := s.ctx.Saves.Replays[s.cursor]
		if rf.Err != nil {
			s.ctx.Open(NewNotice(s.ctx, text.F("Cannot open the replay %s", rf.Name), rf.Err.Error()))
			return s, nil
		}
		return s, s.ctx.openReplay(rf, s)
	case s.kind == listSaves && key.Matches(k, km.Select):
		e, _ := s.entry()
		return s, s.ctx.loadSave(e, false, s)
	case s.kind == listSaves && key.Matches(k, km.ViewReplay):
		e, _ := s.entry()
		return s, s.ctx.loadSave(e, true, s)
	case s.kind == listSaves && key.Matches(k, km.Delete):
		s.askDelete()
	}
	return s, nil
}

// askDelete confirms before deleting a named save; autosaves are not
// deleted by hand (they rotate by themselves).
func (s *savesScreen) askDelete() {
	e, _ := s.entry()
	if e.Kind != saves.KindSlot {
		s.ctx.Flash(text.T("Autosaves are not deleted by hand: the oldest go by themselves (the last five are kept)."))
		return
	}
	detail := text.T("This cannot be undone.")
	if e.Save != nil {
		p := e.Save.Preview
		_, who, _ := previewWords(e.Save)
		detail = text.F("It holds %s, turn %d (%s), saved %s. This cannot be undone.", who, p.Turn, previewDate(p), savedWhen(e.Save.SavedAt))
	}
	name := e.Name
	s.ctx.Open(NewConfirm(s.ctx, text.F("Delete the save %q?", name), detail,
		func() tea.Cmd { return s.ctx.deleteSlot(name) }, nil))
}

// Name is shown in the help overlay.
func (s *savesScreen) Name() string {
	if s.kind == listReplays {
		return text.T("Replays")
	}
	return text.T("Load a game")
}

// Keys are the list's keys for the footer.
func (s *savesScreen) Keys() []key.Binding {
	km := s.ctx.Keys
	move := km.ListMove
	if s.kind == listReplays {
		view := km.Select
		view.SetHelp("enter", text.T("watch"))
		return []key.Binding{move, view, km.Back}
	}
	load := km.Select
	load.SetHelp("enter", text.T("load"))
	view := km.ViewReplay
	view.SetHelp("v", text.T("view turn by turn"))
	return []key.Binding{move, load, view, km.Delete, km.Back}
}

// KeyGroups are the list's keys for the help overlay.
func (s *savesScreen) KeyGroups() [][]key.Binding {
	km := s.ctx.Keys
	moves := []key.Binding{km.Up, km.Down, km.Top, km.Bottom}
	if s.kind == listReplays {
		view := km.Select
		view.SetHelp("enter/v", text.T("watch the replay turn by turn"))
		return [][]key.Binding{moves, {view, km.Back}}
	}
	load := km.Select
	load.SetHelp("enter", text.T("load the save and play on"))
	view := km.ViewReplay
	view.SetHelp("v", text.T("view the game turn by turn"))
	del := km.Delete
	del.SetHelp("d", text.T("delete a named save (asks first)"))
	return [][]key.Binding{moves, {load, view, del, km.Back}}
}

// View draws the heading, the list and the preview: side by side on a
// wide terminal, one above the other otherwise.
func (s *savesScreen) View() string {
	t := s.ctx.Theme
	w, h := s.ctx.Width, s.ctx.BodyHeight()
	if w <= 0 || h <= 0 {
		return ""
	}
	head := text.T("LOAD A GAME")
	if s.kind == listReplays {
		head = text.T("REPLAYS OF FINISHED GAMES")
	}
	lines := []string{spread(t.Title.Render(head), t.Muted.Render(s.summary()), w), t.Muted.Render(strings.Repeat("─", w))}
	bh := h - len(lines)
	if s.count() == 0 {
		lines = append(lines, "", wrap(s.empty(), w))
		return fit(strings.Join(lines, "\n"), w, h)
	}
	if w >= 100 {
		lw := min(max(w*45/100, 44), 64)
		pw := w - lw - 3
		list := strings.Split(s.list(lw, bh), "\n")
		prev := strings.Split(fit(s.preview(pw), pw, bh), "\n")
		sep := t.Muted.Render(" │ ")
		for i := range bh {
			lines = append(lines, list[i]+sep+prev[i])
		}
		return fit(strings.Join(lines, "\n"), w, h)
	}
	lh := min(s.count()+1, max(bh/2, 4))
	lines = append(lines, s.list(w, lh), t.Muted.Render(strings.Repeat("─", w)), fit(s.preview(w), w, max(bh-lh-1, 1)))
	return fit(strings.Join(lines, "\n"), w, h)
}

// summary is the heading's right side: how many files, how many broken.
func (s *savesScreen) summary() string {
	if !s.ctx.Saves.Scanned {
		return ""
	}
	n, bad := 0, 0
	if s.kind == listReplays {
		for _, r := range s.ctx.Saves.Replays {
			n++
			if r.Err != nil {
				bad++
			}
		}
	} else {
		for _, e := range s.ctx.Saves.Entries {
			n++
			if e.Err != nil {
				bad++
			}
		}
	}
	out := text.F("%d saves", n)
	if s.kind == listReplays {
		out = text.F("%d replays", n)
	}
	if bad > 0 {
		out += text.F(" · %d cannot be read", bad)
	}
	return out
}

// empty says why the list is empty.
func (s *savesScreen) empty() string {
	switch {
	case s.ctx.Store() == nil:
		return text.T("Saving is off: there is no data directory (set ZEROSUM_HOME or use --data-dir), so there is nothing to load.")
	case !s.ctx.Saves.Scanned:
		return text.T("Reading the saves…")
	case s.kind == listReplays:
		return text.T("No replays yet: every finished game keeps one.")
	}
	return text.T("No saves yet. A game autosaves at the start of every turn; s on the turn screen saves it by name.")
}

// list draws the rows in w x h cells, scrolled to show the cursor; when
// they do not all fit, the last line says which are shown.
func (s *savesScreen) list(w, h int) string {
	t := s.ctx.Theme
	n := s.count()
	visible := h
	if n > h {
		visible = max(h-1, 1)
	}
	if s.cursor < s.top {
		s.top = s.cursor
	}
	if s.cursor >= s.top+visible {
		s.top = s.cursor - visible + 1
	}
	s.top = min(s.top, max(n-visible, 0))
	var out []string
	for i := s.top; i < n && i < s.top+visible; i++ {
		name, right, bad := s.row(i)
		cur := "  "
		if i == s.cursor {
			cur = "▸ "
		}
		if bad {
			name = "✗ " + name
		}
		line := spread(cur+name, right, w)
		switch {
		case i == s.cursor:
			line = t.Selected.Render(pad(line, w))
		case bad:
			line = t.Bad.Render(line)
		}
		out = append(out, line)
	}
	if n > visible {
		out = append(out, t.Muted.Render(text.F("  %d-%d of %d (↑/↓)", s.top+1, min(s.top+visible, n), n)))
	}
	return fit(strings.Join(out, "\n"), w, h)
}

// row is a list row: the name, what sits at its right and whether the
// file cannot be read.
func (s *savesScreen) row(i int) (name, right string, bad bool) {
	if s.kind == listReplays {
		rf := s.ctx.Saves.Replays[i]
		if rf.Err != nil {
			return rf.Name, text.T("cannot be read"), true
		}
		return rf.Name, text.F("%d turns", len(rf.Replay.Turns)), false
	}
	e := s.ctx.Saves.Entries[i]
	kind := map[saves.Kind]string{saves.KindSlot: text.T("save"), saves.KindAutosave: text.T("autosave"), saves.KindLastGood: text.T("last good")}[e.Kind]
	if e.Err != nil {
		return e.Name, text.F("%s · cannot be read", kind), true
	}
	p := e.Save.Preview
	when := text.F("turn %d", p.Turn)
	if p.Over {
		when = text.T("over")
	}
	if e.Save.Branch != "" {
		when += text.T(" · what-if")
	}
	return e.Name, kind + " · " + when, false
}

// preview describes the file under the cursor.
func (s *savesScreen) preview(w int) string {
	if s.kind == listReplays {
		return s.replayPreview(w)
	}
	t := s.ctx.Theme
	e, ok := s.entry()
	if !ok {
		return ""
	}
	hint := func(k, what string) string { return t.Key.Render(k) + " " + t.KeyDesc.Render(what) }
	var out []string
	title := map[saves.Kind]string{saves.KindSlot: text.T("Save"), saves.KindAutosave: text.T("Autosave"), saves.KindLastGood: text.T("Last good autosave")}[e.Kind]
	if e.Kind != saves.KindLastGood {
		title += " " + fmt.Sprintf("%q", e.Name)
	}
	if e.Err != nil {
		out = append(out, t.Bad.Render(wrap(text.F("✗ %s cannot be loaded", title), w)), "", wrap(e.Err.Error(), w), "")
		if nw := s.ctx.Saves.Newest; nw != nil {
			p := nw.Save.Preview
			_, who, _ := previewWords(nw.Save)
			out = append(out, wrap(text.F("The newest good autosave is %s: %s, turn %d (%s), saved %s. enter offers to load it instead.",
				nw.Name, who, p.Turn, previewDate(p), savedWhen(nw.Save.SavedAt)), w))
		} else {
			out = append(out, t.Muted.Render(wrap(text.T("There is no good autosave to offer instead."), w)))
		}
		return strings.Join(out, "\n")
	}
	sv := e.Save
	p := sv.Preview
	scenTitle, who, outcome := previewWords(sv)
	out = append(out, t.Title.Render(text.Truncate(title, w)))
	kind := map[saves.Kind]string{saves.KindSlot: text.T("named save"), saves.KindAutosave: text.T("autosave at the start of a turn"),
		saves.KindLastGood: text.T("copy of the newest autosave that read back whole")}[e.Kind]
	if e.Kind == saves.KindAutosave && p.Over {
		kind = text.T("autosave at the end of the game")
	}
	out = append(out, t.Muted.Render(wrap(text.F("%s · saved %s", kind, savedWhen(sv.SavedAt)), w)))
	if sv.Branch != "" {
		out = append(out, t.Warn.Render(wrap(text.F("branch: %s", sv.Branch), w)))
	} else {
		out = append(out, t.Muted.Render(text.T("main line")))
	}
	out = append(out, "")
	row := func(label, value string) { out = append(out, hang(t.Muted.Render(pad(label, 10))+value, w, 10)) }
	humans := 0
	for _, seat := range sv.Seats {
		if seat.Kind == "human" {
			humans++
		}
	}
	if humans == 1 {
		row(text.T("Actor"), t.Bold.Render(who))
	} else {
		row(text.T("Players"), t.Bold.Render(who))
	}
	turn := fmt.Sprintf("%d", p.Turn)
	if n := s.ctx.Saves.Turns[sv.Scenario]; n > 0 {
		turn = text.F("%d of %d", p.Turn, n)
	}
	if p.Over {
		row(text.T("Turn"), text.F("the game is over (%s)", previewDate(p)))
		if outcome != "" {
			row(text.T("Outcome"), outcome)
		}
	} else {
		row(text.T("Turn"), turn+" · "+previewDate(p))
	}
	row(text.T("Scenario"), scenTitle)
	score := fmt.Sprintf("%d/100", p.Score)
	if !p.Over {
		score = text.F("%d/100 so far, as far as the player could tell", p.Score)
	}
	if humans == 1 {
		// One player's estimate: in a hot-seat game it would tell the
		// room what one player knows.
		row(text.T("Score"), score)
	}
	seed := fmt.Sprintf("%d", sv.Seed)
	if sv.Settings.Difficulty != "" {
		seed = text.F("%d · bots %s", sv.Seed, difficultyName(sv.Settings.Difficulty))
	}
	row(text.T("Seed"), seed)
	if o := pendingOrdersText(sv); o != "" {
		row(text.T("Orders"), o)
	}
	out = append(out, "")
	if p.Over {
		out = append(out, hint("enter", text.T("see the end"))+"  "+hint("v", text.T("view the game turn by turn")))
	} else {
		out = append(out, hint("enter", text.T("play on"))+"  "+hint("v", text.T("view the game turn by turn")))
	}
	if e.Kind == saves.KindSlot {
		out = append(out, hint("d", text.T("delete this save")))
	}
	return strings.Join(out, "\n")
}

// pendingOrdersText says what a save holds of the turn in progress: the
// orders sealed by the players who have ended their turn and those chosen
// but still open, as counts only (a save's preview tells nobody what
// anyone ordered); "" when there are none.
func pendingOrdersText(sv *saves.Save) string {
	sealed, open := 0, 0
	count := func(actor string, n int) {
		if slices.Contains(sv.Submitted, actor) {
			sealed += n
		} else {
			open += n
		}
	}
	count(sv.Player, len(sv.Pending))
	for id, o := range sv.Others {
		count(id, len(o))
	}
	var parts []string
	if sealed > 0 {
		parts = append(parts, text.F("%d sealed by the players who have ended their turn", sealed))
	}
	if open > 0 {
		parts = append(parts, text.F("%d chosen, not yet submitted", open))
	}
	return text.Capitalize(strings.Join(parts, text.T("; ")))
}

// replayPreview describes the replay under the cursor.
func (s *savesScreen) replayPreview(w int) string {
	t := s.ctx.Theme
	rs := s.ctx.Saves.Replays
	if s.cursor >= len(rs) {
		return ""
	}
	rf := rs[s.cursor]
	if rf.Err != nil {
		return t.Bad.Render(wrap(text.F("✗ The replay %s cannot be read", rf.Name), w)) + "\n\n" + wrap(rf.Err.Error(), w)
	}
	r := rf.Replay
	out := []string{t.Title.Render(text.Truncate(rf.Name, w))}
	if r.Branch != "" {
		out = append(out, t.Warn.Render(wrap(text.F("branch: %s", r.Branch), w)))
	} else {
		out = append(out, t.Muted.Render(text.T("main line")))
	}
	out = append(out, "")
	row := func(label, value string) { out = append(out, hang(t.Muted.Render(pad(label, 10))+value, w, 10)) }
	row(text.T("Scenario"), rf.Title)
	row(text.T("Seed"), fmt.Sprintf("%d", r.Seed))
	row(text.T("Played by"), rf.Players)
	row(text.T("Turns"), fmt.Sprintf("%d", len(r.Turns)))
	if rf.Outcome != "" {
		row(text.T("Outcome"), rf.Outcome)
	} else {
		row(text.T("Outcome"), t.Muted.Render(text.T("unfinished")))
	}
	out = append(out, "", t.Key.Render("enter")+" "+t.KeyDesc.Render(text.T("watch it turn by turn, everything revealed")))
	return strings.Join(out, "\n")
}

// previewDate is a save's date as the interface writes it. The save keeps
// it in English ("H2 2026", "end of H2 2026"); it is read back into a
// half-year, and any other text is shown as it is.
func previewDate(p saves.Preview) string {
	d, end := strings.CutPrefix(p.Date, "end of ")
	var half, year int
	if n, err := fmt.Sscanf(d, "H%d %d", &half, &year); err != nil || n != 2 || (half != 1 && half != 2) || fmt.Sprintf("H%d %d", half, year) != d {
		return p.Date
	}
	if end {
		return text.F("end of %s", text.Half(half, year))
	}
	return text.Half(half, year)
}

// scenarioPacks are the built-in scenarios loaded in each language, to
// name a save's words in the reader's language: loaded once each.
var scenarioPacks struct {
	sync.Mutex
	m map[string]*content.Pack
}

// builtInPack is a built-in scenario in the interface's language, or nil
// for a scenario that is not built in (or cannot be loaded).
func builtInPack(id string) *content.Pack {
	if !slices.Contains(content.ScenarioIDs(), id) {
		return nil
	}
	key := id + "/" + text.Lang()
	scenarioPacks.Lock()
	defer scenarioPacks.Unlock()
	if p, ok := scenarioPacks.m[key]; ok {
		return p
	}
	p, err := content.Load(id)
	if err != nil {
		p = nil
	}
	if scenarioPacks.m == nil {
		scenarioPacks.m = map[string]*content.Pack{}
	}
	scenarioPacks.m[key] = p
	return p
}

// previewWords are a save's scenario title, who plays it (the actor, the
// human seats, or the bots) and its ending, in the interface's language.
// A save keeps them in the language it was saved in: for a built-in
// scenario they are named again from the scenario and the save's ids;
// for any other, or an id the scenario does not know, as kept.
func previewWords(sv *saves.Save) (title, who, outcome string) {
	p := sv.Preview
	title, who, outcome = p.Title, p.Actor, p.Outcome
	var humans []saves.Seat
	for _, seat := range sv.Seats {
		if seat.Kind == "human" {
			humans = append(humans, seat)
		}
	}
	if len(humans) == 0 && len(sv.Seats) > 0 {
		who = text.T("bots only")
	}
	pack := builtInPack(sv.Scenario)
	if pack == nil || sv.Source != "" || len(sv.ScenarioFiles) > 0 {
		return title, who, outcome
	}
	sc := pack.Scenario
	title = sc.Title
	if p.OutcomeID != "" {
		for _, o := range sc.Outcomes {
			if o.ID == p.OutcomeID {
				outcome = o.Name
			}
		}
	}
	name := func(id string) (string, bool) {
		a, ok := sc.ActorIndex(id)
		if !ok {
			return "", false
		}
		return sc.Actors[a].Name, true
	}
	switch len(humans) {
	case 0:
	case 1:
		if n, ok := name(sv.Player); ok {
			who = n
		}
	default:
		var names []string
		for _, h := range humans {
			n, ok := name(h.Actor)
			if !ok {
				return title, p.Actor, outcome
			}
			if h.Name != "" {
				n = text.F("%s (%s)", n, h.Name)
			}
			names = append(names, n)
		}
		sep := ", "
		if text.Chinese() {
			sep = "、"
		}
		who = strings.Join(names, sep)
	}
	return title, who, outcome
}

// PreviewWho is who plays a save and when it stands, in the interface's
// language, for a line of the command line's ("华盛顿, 2026年下半年").
func PreviewWho(sv *saves.Save) (who, date string) {
	_, who, _ = previewWords(sv)
	return who, previewDate(sv.Preview)
}
