package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// briefing is the actor briefing (placeholder, replaced by the full one).
type briefing struct{ ctx *Context }

func newBriefing(ctx *Context) *briefing { return &briefing{ctx: ctx} }

func (b *briefing) Update(msg tea.Msg) (Screen, tea.Cmd) { return b, nil }
func (b *briefing) View() string                         { return "Briefing" }
func (b *briefing) Name() string                         { return "Briefing" }
func (b *briefing) Keys() []key.Binding                  { return nil }
func (b *briefing) KeyGroups() [][]key.Binding           { return nil }
