package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// title is the title screen (placeholder, replaced by the full one).
type title struct{ ctx *Context }

func newTitle(ctx *Context) *title { return &title{ctx: ctx} }

func (t *title) Update(msg tea.Msg) (Screen, tea.Cmd) { return t, nil }
func (t *title) View() string                         { return t.ctx.Theme.Title.Render("ZERO SUM") }
func (t *title) Name() string                         { return "Title" }
func (t *title) Keys() []key.Binding                  { return nil }
func (t *title) KeyGroups() [][]key.Binding           { return nil }
