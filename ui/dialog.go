package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zerosum/text"
)

// Dialog is a box over the current screen that sees every key first.
type Dialog interface {
	// Update handles a message; done closes the dialog.
	Update(msg tea.Msg) (d Dialog, cmd tea.Cmd, done bool)
	View() string
	Keys() []key.Binding
}

// Confirm asks a yes/no question. OnYes and OnNo run synchronously when
// the player answers (either may be nil); what they return is a command.
type Confirm struct {
	ctx      *Context
	Question string
	Detail   string
	OnYes    func() tea.Cmd
	OnNo     func() tea.Cmd
}

// NewConfirm builds a confirmation dialog.
func NewConfirm(ctx *Context, question, detail string, onYes, onNo func() tea.Cmd) *Confirm {
	return &Confirm{ctx: ctx, Question: question, Detail: detail, OnYes: onYes, OnNo: onNo}
}

// Update answers y or n (esc is no).
func (c *Confirm) Update(msg tea.Msg) (Dialog, tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return c, nil, false
	}
	run := func(f func() tea.Cmd) tea.Cmd {
		if f == nil {
			return nil
		}
		return f()
	}
	switch {
	case key.Matches(k, c.ctx.Keys.Yes):
		return c, run(c.OnYes), true
	case key.Matches(k, c.ctx.Keys.No):
		return c, run(c.OnNo), true
	}
	return c, nil, false
}

// View draws the box.
func (c *Confirm) View() string {
	t := c.ctx.Theme
	w := min(60, c.ctx.Width-4)
	body := t.Title.Render(c.Question)
	if c.Detail != "" {
		body += "\n\n" + lipgloss.NewStyle().Width(w-6).Render(wrap(c.Detail, w-6))
	}
	body += "\n\n" + t.Key.Render("y") + t.KeyDesc.Render(" "+text.T("yes")+"   ") + t.Key.Render("n") + t.KeyDesc.Render(" "+text.T("no"))
	return t.Dialog.Width(w).Render(body)
}

// Keys lists the dialog's keys.
func (c *Confirm) Keys() []key.Binding { return []key.Binding{c.ctx.Keys.Yes, c.ctx.Keys.No} }

// Notice shows a message until any key.
type Notice struct {
	ctx   *Context
	Title string
	Body  string
}

// NewNotice builds a message box.
func NewNotice(ctx *Context, title, body string) *Notice {
	return &Notice{ctx: ctx, Title: title, Body: body}
}

// Update closes on any key.
func (n *Notice) Update(msg tea.Msg) (Dialog, tea.Cmd, bool) {
	_, ok := msg.(tea.KeyPressMsg)
	return n, nil, ok
}

// View draws the box.
func (n *Notice) View() string {
	t := n.ctx.Theme
	w := min(70, n.ctx.Width-4)
	body := t.Title.Render(n.Title) + "\n\n" + lipgloss.NewStyle().Width(w-6).Render(wrap(strings.TrimSpace(n.Body), w-6)) +
		"\n\n" + t.KeyDesc.Render(text.T("any key to close"))
	return t.Dialog.Width(w).Render(body)
}

// Keys lists the dialog's keys.
func (n *Notice) Keys() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys(), key.WithHelp(text.T("any key"), text.T("close")))}
}
