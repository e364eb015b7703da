package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/saves"
	"zerosum/text"
)

// saveDialog asks for a save's name and saves the game in play under it,
// orders not yet submitted included. The name follows saves.ValidSlot;
// replacing an existing save is confirmed once the write finds it there.
type saveDialog struct {
	ctx   *Context
	input textinput.Model
	note  string // why the name was refused
}

// saveNameLimit is the longest save name (saves.ValidSlot).
const saveNameLimit = 40

func newSaveDialog(ctx *Context) *saveDialog {
	ti := newTextField(ctx, saveNameLimit, text.T("a name for this save"))
	ti.SetValue(defaultSaveName(ctx.Game))
	ti.CursorEnd()
	ti.Focus()
	return &saveDialog{ctx: ctx, input: ti}
}

// defaultSaveName suggests a name: the actor and the date ("Beijing H2
// 2025"), with "whatif" on a branch, in the characters a name may hold.
// It stays in English whatever the interface's language: a save's name is
// also its file's name, which holds Latin letters and digits only, and the
// actor's id stands in for a name in other letters.
func defaultSaveName(g *Session) string {
	sc := g.Scenario()
	actor := sc.Actors[g.Player].Name
	if !latinName(actor) {
		actor = text.Capitalize(sc.Actors[g.Player].ID)
	}
	name := actor + " " + sc.Date(g.State().Turn)
	switch {
	case g.HotSeat():
		name = "Hot seat " + sc.Date(g.State().Turn)
	case g.Spectating():
		name = "Bots " + sc.Date(g.State().Turn)
	}
	if g.Match.Branch != "" {
		name += " whatif"
	}
	var b strings.Builder
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	return ansi.Truncate(strings.TrimSpace(b.String()), saveNameLimit, "")
}

// Capturing is always true: every printable key is typed into the name.
func (d *saveDialog) Capturing() bool { return true }

// Update types the name; enter saves, esc cancels.
func (d *saveDialog) Update(msg tea.Msg) (Dialog, tea.Cmd, bool) {
	if p, ok := msg.(tea.PasteMsg); ok {
		d.note = ""
		d.input, _ = d.input.Update(p)
		return d, nil, false
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil, false
	}
	km := d.ctx.Keys
	switch {
	case key.Matches(k, km.Select):
		name := strings.TrimSpace(d.input.Value())
		if err := saves.ValidSlot(name); err != nil {
			d.note = slotProblem(name, err)
			return d, nil, false
		}
		return d, d.ctx.saveSlot(d.ctx.Game, name), true
	case key.Matches(k, km.Back):
		d.ctx.Flash(text.T("Not saved."))
		return d, nil, true
	}
	d.note = ""
	d.input, _ = d.input.Update(k)
	return d, nil, false
}

// View draws the box: the name field, what is saved, and what a name may
// hold.
func (d *saveDialog) View() string {
	t := d.ctx.Theme
	g := d.ctx.Game
	sc := g.Scenario()
	w := min(64, d.ctx.Width-4)
	iw := w - t.Dialog.GetHorizontalFrameSize()
	turn := g.State().Turn
	date := text.Half(sc.HalfYear(turn))
	who := sc.Actors[g.Player].Name
	n := g.PendingCount()
	var what string
	switch {
	case g.Spectating():
		what = text.F("Saves the bots' game at turn %d (%s).", turn, date)
	case g.HotSeat() && n > 0:
		what = text.F("Saves the hot-seat game at turn %d (%s), with every player's orders not yet resolved.", turn, date)
	case g.HotSeat():
		what = text.F("Saves the hot-seat game at turn %d (%s).", turn, date)
	case n > 0:
		what = text.F("Saves %s at turn %d (%s), with your %d orders not yet submitted.", who, turn, date, n)
	default:
		what = text.F("Saves %s at turn %d (%s).", who, turn, date)
	}
	if g.Match.Branch != "" {
		what += text.F(" The save is marked as a what-if branch (%s).", g.Match.Branch)
	}
	field := t.Muted.Render(text.T("Name ")) + d.input.View()
	var status string
	switch name := strings.TrimSpace(d.input.Value()); {
	case d.note != "":
		status = t.Bad.Render(wrap("✗ "+d.note, iw))
	case name != "" && func() bool { _, ok := d.ctx.Saves.entry(name, saves.KindSlot); return ok }():
		status = t.Warn.Render(wrap(text.T("A save of this name exists: saving asks before replacing it."), iw))
	default:
		status = t.Muted.Render(wrap(text.T("Letters, digits, spaces, - and _, up to 40 characters."), iw))
	}
	body := t.Title.Render(text.T("Save the game")) + "\n\n" + wrap(what, iw) + "\n\n" + ansi.Truncate(field, iw, "") +
		"\n" + status + "\n\n" + t.Key.Render("enter") + t.KeyDesc.Render(" "+text.T("save")+"   ") + t.Key.Render("esc") + t.KeyDesc.Render(" "+text.T("cancel"))
	return t.Dialog.Width(w).Render(body)
}

// Keys lists the dialog's keys.
func (d *saveDialog) Keys() []key.Binding {
	km := d.ctx.Keys
	save := km.Select
	save.SetHelp("enter", text.T("save"))
	cancel := km.Back
	cancel.SetHelp("esc", text.T("cancel"))
	return []key.Binding{km.NameType, save, cancel}
}

// latinName reports whether a name is written in the letters a save's name
// may hold (so an English actor's name suggests itself as it is).
func latinName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// slotProblem says why a save's name is refused (saves.ValidSlot's
// reasons, in the interface's language), as a sentence.
func slotProblem(name string, err error) string {
	switch {
	case strings.TrimSpace(name) == "":
		return text.T("A save needs a name.")
	case len([]rune(name)) > saveNameLimit:
		return text.F("A save name has at most %d characters.", saveNameLimit)
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ' || r == '-' || r == '_') {
			return text.F("A save name may hold letters, digits, spaces, - and _ (not %q).", r)
		}
	}
	if errors.Is(err, saves.ErrReservedName) {
		return text.F("%q is reserved for autosaves.", name)
	}
	return text.Capitalize(err.Error()) + "."
}
