package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/sim"
)

// newSeed draws a seed people can read out and type back. It is the
// interface's own randomness (the game's dice live in the state); tests
// replace it to pin the seed.
var newSeed = func() uint64 { return rand.Uint64N(900_000) + 100_000 }

// seedDigits is the longest seed that can be typed: 19 digits always fit
// in a uint64.
const seedDigits = 19

// moodDrawn marks a bot whose personality the seed draws.
const moodDrawn = -1

// setupRowKind is what a row of the setup form sets.
type setupRowKind int

const (
	rowScenario setupRowKind = iota
	rowActor
	rowDifficulty
	rowMoods
	rowSeed
	rowStart
)

// setupRow is one row of the form; actor rows carry their actor.
type setupRow struct {
	kind  setupRowKind
	actor int
}

// setup is the new-game screen: a form on the left (scenario, actor, bot
// difficulty and personalities, seed, start) and, on the right, what the
// row under the cursor means: for an actor, its pitch, objectives and
// starting numbers.
type setup struct {
	ctx *Context

	scenarios []string
	scen      int
	packs     map[string]*content.Pack
	loadErr   error

	cursor     int // row index
	actor      int // the chosen actor
	difficulty bot.Difficulty
	moods      []int // per actor: moodDrawn or a bot.Personality
	seed       uint64

	editingMoods bool
	moodCursor   int // actor under the cursor while setting personalities

	editingSeed bool
	seedInput   textinput.Model
	seedNote    string // why a key was refused, while editing

	detail    docView
	detailKey string // what the detail shows, to keep its scroll while it stays
}

func newSetup(ctx *Context) *setup {
	s := &setup{ctx: ctx, scenarios: content.ScenarioIDs(), packs: map[string]*content.Pack{},
		difficulty: bot.Normal, seed: newSeed(), detail: newDocView()}
	s.scen = max(slices.Index(s.scenarios, content.DefaultScenario), 0)
	s.seedInput = newSeedInput(ctx)
	s.resetActors()
	s.cursor = s.actorRow(s.actor)
	s.Resize()
	return s
}

// newSetupFrom is the setup with a session's choices, for going back from
// the briefing.
func newSetupFrom(ctx *Context, g *Session) *setup {
	s := newSetup(ctx)
	id := g.Scenario().ID
	if i := slices.Index(s.scenarios, id); i >= 0 {
		s.scen = i
	} else {
		s.scenarios = append(s.scenarios, id)
		s.scen = len(s.scenarios) - 1
	}
	s.packs[id] = g.Pack
	s.resetActors()
	s.actor, s.seed = g.Player, g.Match.Seed
	drawn := sim.SeatsFor(g.Scenario(), g.Match.Seed, bot.Normal)
	for a, seat := range g.Match.Seats {
		if seat.Human {
			continue
		}
		s.difficulty = seat.Bot.Difficulty
		if seat.Bot.Personality != drawn[a].Personality {
			s.moods[a] = int(seat.Bot.Personality)
		}
	}
	s.cursor = s.actorRow(s.actor)
	s.Resize()
	return s
}

func newSeedInput(ctx *Context) textinput.Model { return newTextField(ctx, seedDigits, "digits") }

// newTextField is a one-line text field in the theme's styles, holding at
// most limit characters, with a cursor that does not blink (no timers).
func newTextField(ctx *Context, limit int, placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = limit
	ti.Placeholder = placeholder
	st := textinput.DefaultDarkStyles()
	th := ctx.Theme
	st.Focused.Text, st.Blurred.Text = th.Bold, th.Text
	st.Focused.Placeholder, st.Blurred.Placeholder = th.Muted, th.Muted
	st.Focused.Prompt, st.Blurred.Prompt = th.Accent, th.Muted
	st.Cursor.Color = th.Accent.GetForeground()
	st.Cursor.Blink = false // no timers
	ti.SetStyles(st)
	ti.SetWidth(limit + 1)
	return ti
}

// pack is the selected scenario, loaded on first use.
func (s *setup) pack() *content.Pack {
	id := s.scenarios[s.scen]
	if p, ok := s.packs[id]; ok {
		return p
	}
	p, err := content.Load(id)
	s.loadErr = err
	if err != nil {
		return nil
	}
	s.packs[id] = p
	return p
}

// resetActors fits the actor choice and personalities to the scenario.
func (s *setup) resetActors() {
	n := 0
	if p := s.pack(); p != nil {
		n = len(p.Scenario.Actors)
	}
	s.moods = make([]int, n)
	for i := range s.moods {
		s.moods[i] = moodDrawn
	}
	s.actor = min(s.actor, max(n-1, 0))
}

func (s *setup) rows() []setupRow {
	rows := []setupRow{{kind: rowScenario}}
	for a := range s.moods {
		rows = append(rows, setupRow{kind: rowActor, actor: a})
	}
	return append(rows, setupRow{kind: rowDifficulty}, setupRow{kind: rowMoods},
		setupRow{kind: rowSeed}, setupRow{kind: rowStart})
}

func (s *setup) actorRow(a int) int { return 1 + a }

func (s *setup) row() setupRow { return s.rows()[min(s.cursor, len(s.rows())-1)] }

// drawn is the personality the seed gives each actor's bot.
func (s *setup) drawn() []bot.Personality {
	p := s.pack()
	if p == nil {
		return nil
	}
	var out []bot.Personality
	for _, b := range sim.SeatsFor(p.Scenario, s.seed, s.difficulty) {
		out = append(out, b.Personality)
	}
	return out
}

// Capturing is true while the seed is being typed, so q and ? are typed
// (and refused as non-digits) rather than obeyed.
func (s *setup) Capturing() bool { return s.editingSeed }

// Resize lays the screen out again.
func (s *setup) Resize() {
	_, rw := s.columns()
	s.detail.setSize(rw, max(s.ctx.BodyHeight()-1, 1))
	s.refresh()
}

// columns are the widths of the form and of the detail.
func (s *setup) columns() (lw, rw int) {
	lw = 30
	if s.ctx.Width >= 110 {
		lw = 46
	}
	return lw, max(s.ctx.Width-lw-3, 10)
}

// refresh rebuilds the detail for the row under the cursor, keeping its
// scroll while it shows the same thing.
func (s *setup) refresh() {
	_, rw := s.columns()
	r := s.row()
	k := fmt.Sprint(r.kind, r.actor)
	s.detail.setContent(s.detailText(r, rw))
	if k != s.detailKey {
		s.detail.vp.GotoTop()
		s.detailKey = k
	}
}

// Update handles the form's keys; see the help overlay for the list.
func (s *setup) Update(msg tea.Msg) (Screen, tea.Cmd) {
	defer s.refresh()
	if p, ok := msg.(tea.PasteMsg); ok && s.editingSeed {
		s.typeSeed(p.Content)
		return s, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	switch {
	case s.editingSeed:
		s.updateSeed(k)
	case s.editingMoods:
		s.updateMoods(k)
	default:
		s.updateForm(k)
	}
	return s, nil
}

func (s *setup) updateForm(k tea.KeyPressMsg) {
	km := s.ctx.Keys
	rows := s.rows()
	r := s.row()
	switch {
	case key.Matches(k, km.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, km.Down):
		s.cursor = min(s.cursor+1, len(rows)-1)
	case key.Matches(k, km.Top):
		s.cursor = 0
	case key.Matches(k, km.Bottom):
		s.cursor = len(rows) - 1
	case key.Matches(k, km.PageUp, km.PageDown):
		s.detail.scroll(k, km)
	case key.Matches(k, km.Back):
		s.ctx.SwitchTo(newTitle(s.ctx))
	case key.Matches(k, km.NewSeed):
		s.seed = newSeed()
	case key.Matches(k, km.Left, km.Right):
		step := 1
		if key.Matches(k, km.Left) {
			step = -1
		}
		s.cycle(r, step)
	case key.Matches(k, km.Select, km.Toggle):
		s.choose(r)
	case r.kind == rowSeed && key.Matches(k, km.SeedDigits):
		s.startSeed("")
		s.typeSeed(k.Text)
	}
}

// cycle changes the value of a row with a choice of values.
func (s *setup) cycle(r setupRow, step int) {
	switch r.kind {
	case rowScenario:
		if len(s.scenarios) > 1 {
			s.scen = (s.scen + step + len(s.scenarios)) % len(s.scenarios)
			s.resetActors()
		}
	case rowDifficulty:
		n := int(bot.NumDifficulties)
		s.difficulty = bot.Difficulty((int(s.difficulty) + step + n) % n)
	case rowMoods:
		// Every bot at once: drawn, hawk, dove, hedger.
		next := nextMood(s.commonMood(), step)
		for a := range s.moods {
			s.moods[a] = next
		}
	}
}

// commonMood is the personality every bot is set to, or moodDrawn when
// they differ.
func (s *setup) commonMood() int {
	m := moodDrawn
	for a, v := range s.moods {
		if a == s.actor {
			continue
		}
		if m == moodDrawn {
			m = v
		} else if v != m {
			return moodDrawn
		}
	}
	return m
}

func nextMood(m, step int) int {
	n := int(bot.NumPersonalities) + 1 // with "drawn"
	return ((m+1+step)%n+n)%n - 1
}

// choose acts on enter.
func (s *setup) choose(r setupRow) {
	switch r.kind {
	case rowActor:
		// Chosen: on to Start, where the choices are summed up.
		s.actor = r.actor
		s.cursor = len(s.rows()) - 1
	case rowDifficulty:
		s.cycle(r, 1)
	case rowScenario:
		s.cycle(r, 1)
	case rowMoods:
		s.editingMoods = true
		s.moodCursor = 0
		if s.moodCursor == s.actor {
			s.moveMood(1)
		}
	case rowSeed:
		s.startSeed(strconv.FormatUint(s.seed, 10))
	case rowStart:
		s.start()
	}
}

func (s *setup) updateMoods(k tea.KeyPressMsg) {
	km := s.ctx.Keys
	switch {
	case key.Matches(k, km.Up):
		s.moveMood(-1)
	case key.Matches(k, km.Down):
		s.moveMood(1)
	case key.Matches(k, km.Left):
		s.moods[s.moodCursor] = nextMood(s.moods[s.moodCursor], -1)
	case key.Matches(k, km.Right, km.Toggle):
		s.moods[s.moodCursor] = nextMood(s.moods[s.moodCursor], 1)
	case key.Matches(k, km.Select, km.Back):
		s.editingMoods = false
	case key.Matches(k, km.PageUp, km.PageDown):
		s.detail.scroll(k, km)
	}
}

// moveMood steps the personality cursor, skipping the player's own actor.
func (s *setup) moveMood(step int) {
	n := len(s.moods)
	for i := 1; i < n; i++ {
		c := ((s.moodCursor+step*i)%n + n) % n
		if c != s.actor {
			s.moodCursor = c
			return
		}
	}
}

func (s *setup) startSeed(v string) {
	s.editingSeed = true
	s.seedNote = ""
	s.seedInput.SetValue(v)
	s.seedInput.CursorEnd()
	s.seedInput.Focus()
}

func (s *setup) updateSeed(k tea.KeyPressMsg) {
	km := s.ctx.Keys
	switch {
	case key.Matches(k, km.Select):
		v := s.seedInput.Value()
		n, err := strconv.ParseUint(v, 10, 64)
		if v == "" || err != nil {
			s.seedNote = "Type at least one digit, or esc to keep " + strconv.FormatUint(s.seed, 10) + "."
			return
		}
		s.seed = n
		s.stopSeed()
	case key.Matches(k, km.Back):
		s.stopSeed()
	case k.Text != "":
		s.typeSeed(k.Text)
	default:
		// Editing keys: backspace, delete, arrows, home, end.
		s.seedNote = ""
		s.seedInput, _ = s.seedInput.Update(k)
	}
}

// typeSeed adds typed or pasted text to the seed, digits only.
func (s *setup) typeSeed(text string) {
	for _, r := range text {
		if r < '0' || r > '9' {
			s.seedNote = fmt.Sprintf("%q is not a digit: a seed is a number.", r)
			return
		}
	}
	s.seedNote = ""
	if len(s.seedInput.Value()) >= seedDigits {
		s.seedNote = fmt.Sprintf("A seed has at most %d digits.", seedDigits)
		return
	}
	s.seedInput, _ = s.seedInput.Update(tea.PasteMsg{Content: text})
}

func (s *setup) stopSeed() {
	s.editingSeed = false
	s.seedNote = ""
	s.seedInput.Blur()
}

// personalities are the bots' personalities the player set by hand, keyed
// by actor id, as NewSession takes them.
func (s *setup) personalities() map[string]bot.Personality {
	p := s.pack()
	out := map[string]bot.Personality{}
	for a, m := range s.moods {
		if m != moodDrawn && a != s.actor && p != nil {
			out[p.Scenario.Actors[a].ID] = bot.Personality(m)
		}
	}
	return out
}

// start builds the session and goes to the briefing.
func (s *setup) start() {
	p := s.pack()
	if p == nil {
		s.ctx.Open(NewNotice(s.ctx, "Cannot load the scenario", fmt.Sprint(s.loadErr)))
		return
	}
	g, err := NewSession(p, s.seed, p.Scenario.Actors[s.actor].ID, s.difficulty, s.personalities())
	if err != nil {
		s.ctx.Open(NewNotice(s.ctx, "Cannot start that game", err.Error()))
		return
	}
	s.ctx.Game = s.ctx.attach(g)
	s.ctx.SwitchTo(newBriefing(s.ctx))
}

// View draws the form and the detail side by side.
func (s *setup) View() string {
	w, h := s.ctx.Width, s.ctx.BodyHeight()
	lw, rw := s.columns()
	left := fit(s.form(lw), lw, h)
	sep := strings.TrimSuffix(strings.Repeat(s.ctx.Theme.Muted.Render("│")+"\n", h), "\n")
	right := fit(s.detailHead(rw)+"\n"+s.detail.view(), rw, h)
	return fit(lipgloss.JoinHorizontal(lipgloss.Top, left, " ", sep, " ", right), w, h)
}

// form is the left column.
func (s *setup) form(w int) string {
	th := s.ctx.Theme
	p := s.pack()
	var lines []string
	lines = append(lines, th.Title.Render("NEW GAME"), "")
	i := 0
	scen := s.scenarios[s.scen]
	if p != nil {
		scen = p.Scenario.Title
	}
	lines = append(lines, th.Heading.Render("Scenario"))
	lines = append(lines, s.rowText(i, ansi.Truncate(scen, w-4, "…"), w))
	i++
	lines = append(lines, th.Heading.Render("Your actor"))
	if p != nil {
		for a, ad := range p.Scenario.Actors {
			mark := "○ "
			if a == s.actor {
				mark = "● "
			}
			name := mark + ad.Name
			if w >= 40 {
				name = docPad(name, 14) + th.Muted.Render(ansi.Truncate(p.T("actors."+ad.ID+".title"), w-18, "…"))
			}
			if a == s.actor {
				name += th.Accent.Render(" (you)")
			}
			lines = append(lines, s.rowText(i, name, w))
			i++
		}
	}
	lines = append(lines, "")
	lines = append(lines, s.rowText(i, docPad("Bots", 12)+"‹ "+s.difficulty.String()+" ›", w))
	i++
	lines = append(lines, s.rowText(i, docPad("Personality", 12)+s.moodSummary(), w))
	i++
	seed := strconv.FormatUint(s.seed, 10)
	if s.editingSeed {
		seed = s.seedInput.View()
	}
	lines = append(lines, s.rowText(i, docPad("Seed", 12)+seed, w))
	i++
	lines = append(lines, "")
	start := "▶ Start the game"
	if p == nil {
		start = th.Disabled.Render(start)
	}
	lines = append(lines, s.rowText(i, start, w))
	return strings.Join(lines, "\n")
}

// rowText draws one form row, highlighted under the cursor.
func (s *setup) rowText(i int, text string, w int) string {
	th := s.ctx.Theme
	if i == s.cursor {
		if s.editingSeed || s.editingMoods {
			return th.Accent.Render("▸ ") + text
		}
		return th.Selected.Render(docPad("▸ "+ansi.Strip(text), w))
	}
	return "  " + text
}

// moodSummary is the personalities row's value.
func (s *setup) moodSummary() string {
	set := 0
	for a, m := range s.moods {
		if a != s.actor && m != moodDrawn {
			set++
		}
	}
	switch {
	case set == 0:
		return "random"
	case set == len(s.moods)-1 && s.commonMood() != moodDrawn:
		return "all " + bot.Personality(s.commonMood()).String()
	}
	return fmt.Sprintf("%d set, %d random", set, len(s.moods)-1-set)
}

// detailHead is the line above the detail: what it shows and whether it
// scrolls.
func (s *setup) detailHead(w int) string {
	th := s.ctx.Theme
	names := map[setupRowKind]string{rowScenario: "SCENARIO", rowActor: "ACTOR", rowDifficulty: "BOT DIFFICULTY",
		rowMoods: "BOT PERSONALITIES", rowSeed: "SEED", rowStart: "READY"}
	r := s.row()
	head := names[r.kind]
	if r.kind == rowActor {
		if p := s.pack(); p != nil {
			head = strings.ToUpper(p.Scenario.Actors[r.actor].Name)
		}
	}
	pos := s.detail.position()
	if pos != "" {
		pos = "pgdn/pgup " + pos
	}
	return docSpread(th.Heading.Render(head), th.Muted.Render(pos), w)
}

// detailText explains the row under the cursor.
func (s *setup) detailText(r setupRow, w int) string {
	th := s.ctx.Theme
	p := s.pack()
	if p == nil {
		return th.Bad.Render("The scenario cannot be loaded:") + "\n" + lipgloss.Wrap(fmt.Sprint(s.loadErr), w, " ")
	}
	sc := p.Scenario
	pctx := *s.ctx // Prose reads glossary terms from the session's pack
	pctx.Game = &Session{Pack: p}
	prose := func(text string) string { return Prose(&pctx, text, w) }
	wrap := func(text string) string { return lipgloss.Wrap(text, w, " ") }
	hint := func(keys, what string) string { return th.Key.Render(keys) + " " + th.KeyDesc.Render(what) }

	switch r.kind {
	case rowScenario:
		out := []string{th.Bold.Render(sc.Title),
			th.Muted.Render(wrap(fmt.Sprintf("%d turns of half a year, %s to %s · %d actors",
				sc.Turns, sc.Date(1), sc.Date(sc.Turns), len(sc.Actors)))),
			"", prose(p.Summary), ""}
		if len(s.scenarios) > 1 {
			out = append(out, hint("←/→", fmt.Sprintf("another scenario (%d available)", len(s.scenarios))))
		} else {
			out = append(out, th.Muted.Render("The only scenario so far."))
		}
		return strings.Join(out, "\n")

	case rowActor:
		return s.actorDetail(&pctx, p, r.actor, w)

	case rowDifficulty:
		out := []string{wrap("How sharply the bots play. Every bot obeys the same rules as you, sees only what its own actor may see, and knows the mutual-loss rule."), ""}
		descs := [bot.NumDifficulties]string{
			"misjudge often and leave an action point unused",
			"misjudge now and then",
			"rarely misjudge",
		}
		for d := range bot.NumDifficulties {
			mark := "  "
			label := d.String()
			if d == s.difficulty {
				mark, label = "● ", th.Bold.Render(label)
			}
			out = append(out, docRow(mark+label, 9, descs[d], w))
		}
		out = append(out, "", hint("←/→ enter", "change"))
		return strings.Join(out, "\n")

	case rowMoods:
		out := []string{wrap("Each bot has a personality that tilts what it prefers. By default the seed draws them at random; you may set any of them."), ""}
		descs := [bot.NumPersonalities]string{
			"presses rivals; accepts more risk",
			"seeks calm and partners; fears escalation",
			"keeps options open; builds and trades with both sides",
		}
		for m := range bot.NumPersonalities {
			out = append(out, docRow("  "+m.String(), 9, descs[m], w))
		}
		out = append(out, "")
		drawn := s.drawn()
		for a, ad := range sc.Actors {
			var v string
			switch {
			case a == s.actor:
				v = th.Accent.Render("you")
			case s.moods[a] == moodDrawn:
				v = drawn[a].String() + th.Muted.Render(" (random)")
			default:
				v = th.Bold.Render(bot.Personality(s.moods[a]).String()) + th.Muted.Render(" (set)")
			}
			line := "  " + docPad(ad.Name, 12) + v
			if s.editingMoods && a == s.moodCursor {
				line = th.Selected.Render("▸ "+docPad(ad.Name, 12)) + v + th.Muted.Render("  ←/→")
			}
			out = append(out, line)
		}
		out = append(out, "")
		if s.editingMoods {
			out = append(out, hint("↑/↓", "bot")+"  "+hint("←/→", "personality")+"  "+hint("enter/esc", "done"))
		} else {
			out = append(out, hint("enter", "set one by one")+"  "+hint("←/→", "set all"))
		}
		return strings.Join(out, "\n")

	case rowSeed:
		out := []string{wrap("The seed fixes every roll of the dice: which events fire, which secrets come out, how the bots misjudge. " +
			"The same scenario, seed and orders always give the same game, so a class can play one world and compare."), ""}
		if s.editingSeed {
			out = append(out, th.Bold.Render("Typing the seed: digits only."))
			if s.seedNote != "" {
				out = append(out, th.Warn.Render(wrap(s.seedNote)))
			}
			out = append(out, "", hint("enter", "use it")+"  "+hint("esc", "cancel")+"  "+hint("backspace", "delete"))
		} else {
			out = append(out, hint("enter or 0-9", "type a seed"), hint("r", "a new random seed"))
		}
		return strings.Join(out, "\n")

	case rowStart:
		a := sc.Actors[s.actor]
		out := []string{
			wrap("You lead " + th.Bold.Render(a.Name) + " (" + p.T("actors."+a.ID+".title") + ")"),
			wrap(fmt.Sprintf("against %d bots (%s; personalities: %s),", len(sc.Actors)-1, s.difficulty, s.moodSummary())),
			wrap("in " + sc.Title + ","),
			"with seed " + th.Bold.Render(strconv.FormatUint(s.seed, 10)) + ".",
			"", hint("enter", "start: the briefing comes first"),
		}
		return strings.Join(out, "\n")
	}
	return ""
}

// actorDetail is an actor's pitch, objectives and starting position.
func (s *setup) actorDetail(pctx *Context, p *content.Pack, a, w int) string {
	th := s.ctx.Theme
	sc := p.Scenario
	ad := sc.Actors[a]
	var out []string
	who := th.Bold.Render(p.T("actors." + ad.ID + ".title"))
	note := th.Muted.Render("enter: play as " + ad.Name)
	if a == s.actor {
		note = th.Accent.Render("● your actor")
	}
	if lipgloss.Width(who)+2+lipgloss.Width(note) <= w {
		who += "  " + note
	} else {
		who += "\n" + note
	}
	out = append(out, who, Prose(pctx, p.T("actors."+ad.ID+".pitch"), w), "")
	out = append(out, th.Heading.Render("Objectives")+th.Muted.Render(" (weights add up to the score, 0-100)"))
	for _, o := range ad.Objectives {
		out = append(out, th.Bold.Render(fmt.Sprintf("%2d  %s", o.Weight, o.Name)))
		desc := p.T("objectives." + ad.ID + "." + o.ID + ".desc")
		if desc == "" {
			desc = fmt.Sprintf("%s, from %d to %d.", sc.Label(o.Measure, a), o.From, o.To)
		}
		out = append(out, docIndent(Prose(pctx, desc, w-4), 4))
	}
	out = append(out, "", th.Heading.Render("Each turn")+"  "+
		fmt.Sprintf("%d action points · about %d capital", ad.AP, ad.Income))
	var stats []string
	for st := range game.NumStats {
		if ad.Has[st] {
			stats = append(stats, sc.StatName(st)+" "+th.Bold.Render(itoa(ad.Start[st])))
		}
	}
	out = append(out, th.Heading.Render("Starts with"))
	out = append(out, docFlow(stats, " · ", w)...)
	return strings.Join(out, "\n")
}

// Name is shown in the help overlay.
func (s *setup) Name() string { return "New game" }

// Keys are the setup's keys for the footer: they follow what is being
// edited.
func (s *setup) Keys() []key.Binding {
	km := s.ctx.Keys
	switch {
	case s.editingSeed:
		digits, erase := km.SeedDigits, km.SeedErase
		digits.SetHelp("0-9", "type")
		erase.SetHelp("backspace", "delete")
		use := km.Select
		use.SetHelp("enter", "use")
		cancel := km.Back
		cancel.SetHelp("esc", "cancel")
		return []key.Binding{digits, erase, use, cancel}
	case s.editingMoods:
		done := km.Select
		done.SetHelp("enter", "done")
		char := km.Right
		char.SetHelp("←/→", "personality")
		return []key.Binding{km.Up, km.Down, char, done}
	}
	bind := []key.Binding{km.Up, km.Down}
	switch s.row().kind {
	case rowActor:
		pick := km.Select
		pick.SetHelp("enter", "play this actor")
		bind = append(bind, pick)
	case rowScenario, rowDifficulty, rowMoods:
		ch := km.Right
		ch.SetHelp("←/→", "change")
		bind = append(bind, ch)
		if s.row().kind == rowMoods {
			one := km.Select
			one.SetHelp("enter", "one by one")
			bind = append(bind, one)
		}
	case rowSeed:
		edit := km.Select
		edit.SetHelp("enter", "type a seed")
		bind = append(bind, edit, km.NewSeed)
	case rowStart:
		go_ := km.Select
		go_.SetHelp("enter", "start")
		bind = append(bind, go_)
	}
	return append(bind, km.Back)
}

// KeyGroups are the setup's keys for the help overlay.
func (s *setup) KeyGroups() [][]key.Binding {
	km := s.ctx.Keys
	sel := km.Select
	sel.SetHelp("enter", "choose/start")
	ch := km.Right
	ch.SetHelp("←/→", "change")
	return [][]key.Binding{
		{km.Up, km.Down, km.Top, km.Bottom, sel, ch, km.Back},
		{km.PageUp, km.PageDown, km.NewSeed, km.SeedDigits, km.SeedErase},
	}
}

// docFlow lays items out left to right, separated by sep, breaking lines
// only between items.
func docFlow(items []string, sep string, width int) []string {
	var lines []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = it
		case lipgloss.Width(cur+sep+it) <= width:
			cur += sep + it
		default:
			lines = append(lines, cur)
			cur = it
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
