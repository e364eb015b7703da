package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// ThemeName picks a palette.
type ThemeName string

// The themes. Every theme also marks meaning with words and glyphs (signs,
// arrows, bloc letters), so no information rests on colour alone.
const (
	ThemeDefault    ThemeName = "default"
	ThemeColorBlind ThemeName = "colorblind" // Okabe-Ito palette, safe for the common colour-vision deficiencies
	ThemeMono       ThemeName = "mono"       // no colour: bold, faint, underline and reverse only (NO_COLOR)
)

// ThemeNames lists the themes.
var ThemeNames = []ThemeName{ThemeDefault, ThemeColorBlind, ThemeMono}

// palette is a theme's colours by role.
type palette struct {
	text, muted, accent, title color.Color
	good, bad, warn, danger    color.Color
	us, china, neutral         color.Color
	border, focus, selectBg    color.Color
	barFill, barEmpty          color.Color
}

func paletteFor(name ThemeName) palette {
	switch name {
	case ThemeColorBlind:
		// Okabe & Ito, "Color Universal Design" (2008).
		return palette{
			text: lipgloss.Color("#EEEEEE"), muted: lipgloss.Color("#999999"),
			accent: lipgloss.Color("#56B4E9"), title: lipgloss.Color("#F0E442"),
			good: lipgloss.Color("#009E73"), bad: lipgloss.Color("#D55E00"),
			warn: lipgloss.Color("#E69F00"), danger: lipgloss.Color("#D55E00"),
			us: lipgloss.Color("#56B4E9"), china: lipgloss.Color("#E69F00"), neutral: lipgloss.Color("#CC79A7"),
			border: lipgloss.Color("#666666"), focus: lipgloss.Color("#56B4E9"), selectBg: lipgloss.Color("#0072B2"),
			barFill: lipgloss.Color("#56B4E9"), barEmpty: lipgloss.Color("#444444"),
		}
	default:
		return palette{
			text: lipgloss.Color("#E4E4E4"), muted: lipgloss.Color("#8A8A8A"),
			accent: lipgloss.Color("#87AFFF"), title: lipgloss.Color("#FFD75F"),
			good: lipgloss.Color("#5FD787"), bad: lipgloss.Color("#FF5F5F"),
			warn: lipgloss.Color("#FFAF00"), danger: lipgloss.Color("#FF005F"),
			us: lipgloss.Color("#5FAFFF"), china: lipgloss.Color("#FF5F5F"), neutral: lipgloss.Color("#D7AF5F"),
			border: lipgloss.Color("#585858"), focus: lipgloss.Color("#87AFFF"), selectBg: lipgloss.Color("#303F6F"),
			barFill: lipgloss.Color("#87AFFF"), barEmpty: lipgloss.Color("#3A3A3A"),
		}
	}
}

// Theme holds every style the screens use. Screens never pick colours
// themselves; they ask for a role here.
type Theme struct {
	Name ThemeName
	Mono bool

	Text, Muted, Bold, Title, Heading, Accent lipgloss.Style
	Good, Bad, Warn, Danger                   lipgloss.Style
	US, China, Neutral                        lipgloss.Style
	Key, KeyDesc                              lipgloss.Style
	Selected, Disabled                        lipgloss.Style
	Pane, PaneFocused                         lipgloss.Style // bordered boxes
	Tab, TabActive                            lipgloss.Style
	BarFill, BarEmpty                         lipgloss.Style
	Dialog                                    lipgloss.Style
	Term                                      lipgloss.Style // a glossary term in running text
}

// NewTheme builds the styles of a theme.
func NewTheme(name ThemeName) Theme {
	if name == ThemeMono {
		return monoTheme()
	}
	p := paletteFor(name)
	s := lipgloss.NewStyle()
	border := lipgloss.RoundedBorder()
	return Theme{
		Name: name,
		Text: s.Foreground(p.text), Muted: s.Foreground(p.muted), Bold: s.Bold(true),
		Title: s.Foreground(p.title).Bold(true), Heading: s.Foreground(p.accent).Bold(true), Accent: s.Foreground(p.accent),
		Good: s.Foreground(p.good), Bad: s.Foreground(p.bad), Warn: s.Foreground(p.warn).Bold(true),
		Danger: s.Foreground(p.danger).Bold(true).Reverse(true),
		US:     s.Foreground(p.us), China: s.Foreground(p.china), Neutral: s.Foreground(p.neutral),
		Key: s.Foreground(p.accent).Bold(true), KeyDesc: s.Foreground(p.muted),
		Selected: s.Background(p.selectBg).Bold(true), Disabled: s.Foreground(p.muted).Faint(true),
		Pane:        s.Border(border).BorderForeground(p.border).Padding(0, 1),
		PaneFocused: s.Border(border).BorderForeground(p.focus).Padding(0, 1),
		Tab:         s.Foreground(p.muted).Padding(0, 1),
		TabActive:   s.Foreground(p.title).Bold(true).Underline(true).Padding(0, 1),
		BarFill:     s.Foreground(p.barFill), BarEmpty: s.Foreground(p.barEmpty),
		Dialog: s.Border(lipgloss.DoubleBorder()).BorderForeground(p.accent).Padding(1, 2),
		Term:   s.Foreground(p.accent).Underline(true),
	}
}

func monoTheme() Theme {
	s := lipgloss.NewStyle()
	border := lipgloss.NormalBorder()
	return Theme{
		Name: ThemeMono, Mono: true,
		Text: s, Muted: s.Faint(true), Bold: s.Bold(true),
		Title: s.Bold(true), Heading: s.Bold(true).Underline(true), Accent: s.Bold(true),
		Good: s.Bold(true), Bad: s.Underline(true), Warn: s.Bold(true), Danger: s.Bold(true).Reverse(true),
		US: s, China: s, Neutral: s,
		Key: s.Bold(true), KeyDesc: s.Faint(true),
		Selected: s.Reverse(true), Disabled: s.Faint(true),
		Pane: s.Border(border).Padding(0, 1), PaneFocused: s.Border(lipgloss.ThickBorder()).Padding(0, 1),
		Tab: s.Padding(0, 1), TabActive: s.Bold(true).Reverse(true).Padding(0, 1),
		BarFill: s, BarEmpty: s.Faint(true),
		Dialog: s.Border(lipgloss.DoubleBorder()).Padding(1, 2),
		Term:   s.Underline(true),
	}
}
