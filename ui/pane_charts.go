package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/game"
	"zerosum/text"
)

// chartsPane draws the history of the tracks and the player's numbers,
// one chart at a time, chosen from a list.
type chartsPane struct {
	d      *dashboard
	cursor int
	gen    int
	charts []chartSpec
}

// chartSpec is one chart the pane offers.
type chartSpec struct {
	name  string
	note  string
	chart LineChart
}

func newChartsPane(d *dashboard) *chartsPane { return &chartsPane{d: d} }

func (p *chartsPane) update(k tea.KeyPressMsg) {
	keys := &p.d.ctx.Keys
	n := len(p.specs())
	switch {
	case key.Matches(k, keys.Left), key.Matches(k, keys.Up):
		p.cursor = (p.cursor + n - 1) % n
	case key.Matches(k, keys.Right), key.Matches(k, keys.Down):
		p.cursor = (p.cursor + 1) % n
	case key.Matches(k, keys.Top):
		p.cursor = 0
	case key.Matches(k, keys.Bottom):
		p.cursor = n - 1
	}
}

func (p *chartsPane) keys() []key.Binding {
	return []key.Binding{p.d.ctx.Keys.ChartPick, p.d.ctx.Keys.PaneKeys}
}

func (p *chartsPane) help() []key.Binding {
	k := &p.d.ctx.Keys
	return []key.Binding{k.ChartPick, k.Up, k.Down, k.Top, k.Bottom}
}

// specs builds the charts from the player's view of the history, once a
// turn.
func (p *chartsPane) specs() []chartSpec {
	d := p.d
	if p.gen == d.gen && p.charts != nil {
		return p.charts
	}
	p.gen = d.gen
	p.charts = historyCharts(d.ctx, &d.view, d.player(), d.sc().Turns)
	p.cursor = min(p.cursor, len(p.charts)-1)
	return p.charts
}

// historyCharts are the charts of a game's history as one actor may know
// it: the Strait, the gap, the actor's score and stats, the other tracks,
// the swing states. slots is the length of the x axis (the whole game).
func historyCharts(ctx *Context, v *game.State, player, slots int) []chartSpec {
	sc := ctx.Game.Scenario()
	hist := v.History
	slots = max(slots, len(hist))
	labels := make([]string, slots)
	for i := range labels {
		labels[i] = text.Half(sc.HalfYear(i + 1))
	}
	series := func(name string, f func(sn *game.Snapshot) int) Series {
		s := Series{Name: name, Values: make([]int, len(hist))}
		for i := range hist {
			s.Values[i] = f(&hist[i])
		}
		return s
	}
	track := func(t game.Track) Series {
		return series(sc.TrackName(t), func(sn *game.Snapshot) int { return sn.Tracks[t] })
	}
	var out []chartSpec
	out = append(out, chartSpec{
		name: text.T("Strait tension"),
		note: text.T("Tension 0-10 (a crisis at 10), export-control level 0-5 and quota level 0-2."),
		chart: LineChart{Series: []Series{track(game.TrackTension), track(game.TrackControls), track(game.TrackQuotas)},
			Min: 0, Max: 10},
	})
	gap := series(text.T("Gap as you know it"), func(sn *game.Snapshot) int { return sn.Gap })
	gapNote := text.T("The real US-China capability gap (US frontier minus China's) and Washington's perception of it.")
	gapSeries := []Series{gap, track(game.TrackPerceivedGap)}
	if !ctx.Game.Reveal && !gapKnown(sc, v, player) {
		gapNote = text.T("China's frontier is secret, so the gap you know is Washington's estimate.")
		gapSeries = []Series{track(game.TrackPerceivedGap)}
	}
	out = append(out, chartSpec{name: text.T("Capability gap"), note: gapNote, chart: LineChart{Series: gapSeries}})
	score := chartSpec{
		name: text.T("Your score"),
		note: text.T("Your score at each turn's start, as you could have read it then (0-100)."),
		chart: LineChart{Series: []Series{{Name: text.T("Score"), Values: historyScores(sc, v, player)}},
			Min: 0, Max: 100},
	}
	if r := scoreAsRead(sc, v, player, player, ctx.Game.Reveal); r.any {
		score.note = text.F("Your score at each turn's start as you could read it then (0-100): an estimate, since %s.", estimateWhy(sc, r, player, false))
		score.chart.Series[0].Name = text.T("Score (≈, an estimate)")
	}
	out = append(out, score)
	var stats []game.Stat
	for s := range game.NumStats {
		if sc.Actors[player].Has[s] && s != game.StatCapital {
			stats = append(stats, s)
		}
	}
	for i := 0; i < len(stats); i += 4 {
		var ss []Series
		var names []string
		for _, s := range stats[i:min(i+4, len(stats))] {
			ss = append(ss, series(sc.StatName(s), func(sn *game.Snapshot) int { return sn.Stats[player][s] }))
			names = append(names, sc.StatName(s))
		}
		out = append(out, chartSpec{name: text.F("Your stats: %s", strings.Join(names, text.T(", "))),
			note: text.T("Your stats (each runs from 0 to 100; the scale is zoomed in)."), chart: LineChart{Series: ss}})
	}
	out = append(out, chartSpec{name: text.T("Your capital"), note: text.T("The capital you had to spend at each turn's start."),
		chart: LineChart{Series: []Series{series(sc.StatName(game.StatCapital), func(sn *game.Snapshot) int {
			return sn.Stats[player][game.StatCapital]
		})}}})
	out = append(out, chartSpec{
		name: text.T("The world's tracks"),
		note: text.T("Open-model diffusion, the regulation climate, bloc fragmentation and AI momentum (each 0-100; the scale is zoomed in)."),
		chart: LineChart{Series: []Series{track(game.TrackDiffusion), track(game.TrackRegulation),
			track(game.TrackFragmentation), track(game.TrackMomentum)}},
	})
	for i := 0; i < len(sc.Swing); i += 4 {
		var ss []Series
		var names []string
		for k := i; k < min(i+4, len(sc.Swing)); k++ {
			ss = append(ss, series(sc.Swing[k].Name, func(sn *game.Snapshot) int { return sn.Align[k] }))
			names = append(names, sc.Swing[k].Name)
		}
		out = append(out, chartSpec{name: text.F("Alignment: %s", strings.Join(names, text.T(", "))),
			note:  text.F("-100 China bloc … +100 US bloc; a state is in a bloc at ±%d (the scale is zoomed in).", game.BlocLimit),
			chart: LineChart{Series: ss}})
	}
	for i := range out {
		out[i].chart.XLabels = labels
	}
	return out
}

// historyScores is an actor's score at each turn start, computed from the
// history as the actor could read it (so a hidden gap counts as perceived,
// like the score in the header).
func historyScores(sc *game.Scenario, v *game.State, actor int) []int {
	out := make([]int, len(v.History))
	us, cn := sc.RoleActor(game.RoleUSGov), sc.RoleActor(game.RoleChinaGov)
	for i, sn := range v.History {
		st := v.Clone()
		st.Turn = sn.Turn
		st.Tracks = sn.Tracks
		for a := range st.Actors {
			st.Actors[a].Stats = sn.Stats[a]
		}
		for k := range st.Swing {
			st.Swing[k].Align, st.Swing[k].Sovereign = sn.Align[k], sn.Sovereign[k]
		}
		if us >= 0 && cn >= 0 {
			st.Actors[cn].Stats[game.StatFrontier] = st.Actors[us].Stats[game.StatFrontier] - sn.Gap
		}
		if i < len(v.History)-1 {
			st.Crisis = game.Crisis{}
		}
		out[i] = sc.Score(&st, actor).Total
	}
	return out
}

func (p *chartsPane) view(w, h int) string {
	t := p.d.ctx.Theme
	specs := p.specs()
	cs := specs[p.cursor]
	var listCol []string
	cw := w
	if w >= 90 {
		lw := 0
		for _, s := range specs {
			lw = max(lw, text.Width(s.name)+2)
		}
		lw = min(lw, 30)
		listCol = append(listCol, t.Muted.Render(pad(text.T("Charts (←/→)"), lw)))
		for i, s := range specs {
			line := "  " + s.name
			if i == p.cursor {
				line = t.Selected.Render(pad("▸ "+s.name, lw))
			}
			listCol = append(listCol, pad(line, lw))
		}
		cw = w - lw - 2
		for i := range listCol {
			listCol[i] = pad(listCol[i], lw) + "  "
		}
	}
	// The chart's name and what it shows: on two lines when there is
	// room, else on one (short terminals need every row for the plot).
	head := t.Heading.Render(fmt.Sprintf("◂ %d/%d ▸ %s", p.cursor+1, len(specs), cs.name))
	var out []string
	if h >= 18 {
		out = append(out, ansi.Truncate(head, cw, "…"))
		for i, l := range strings.Split(wrap(cs.note, cw), "\n") {
			if i < 2 {
				out = append(out, t.Muted.Render(l))
			}
		}
	} else {
		out = append(out, ansi.Truncate(head+t.Muted.Render(" · "+cs.note), cw, "…"))
	}
	ch := cs.chart
	out = append(out, strings.Split(ch.Render(t, cw, max(h-len(out), 4)), "\n")...)
	if listCol != nil {
		for i := range out {
			if i < len(listCol) {
				out[i] = listCol[i] + out[i]
			} else {
				out[i] = pad("", w-cw) + out[i]
			}
		}
	}
	return fit(strings.Join(out, "\n"), w, h)
}
