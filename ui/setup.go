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
	"zerosum/game/match"
	"zerosum/game/sim"
	"zerosum/report"
	"zerosum/text"
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
	rowFacilitator
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

// setup is the new-game screen: a form on the left (scenario, seats, the
// facilitator, bot difficulty and personalities, seed, start) and, on the
// right, what the row under the cursor means: for an actor, its pitch,
// objectives and starting numbers. Each actor's seat is a human (with a
// name) or a bot: enter plays one actor alone against bots, space makes a
// seat human or bot, so several humans can share the keyboard (hot seat);
// with no human at all the bots play and the player watches.
type setup struct {
	ctx *Context

	scenarios []string
	scen      int
	packs     map[string]*content.Pack
	loadErr   error

	cursor      int    // row index
	actor       int    // the actor chosen with enter (the first human otherwise)
	humans      []bool // per actor: a human seat
	names       []string
	facilitator bool
	difficulty  bot.Difficulty
	moods       []int // per actor: moodDrawn or a bot.Personality
	seed        uint64

	editingMoods bool
	moodCursor   int // actor under the cursor while setting personalities

	editingSeed bool
	seedInput   textinput.Model
	seedNote    string // why a key was refused, while editing

	editingName bool
	nameFor     int // the actor whose player's name is being typed
	nameInput   textinput.Model

	detail    docView
	detailKey string // what the detail shows, to keep its scroll while it stays
}

func newSetup(ctx *Context) *setup {
	s := &setup{ctx: ctx, scenarios: content.ScenarioIDs(), packs: map[string]*content.Pack{},
		difficulty: bot.Normal, seed: newSeed(), detail: newDocView()}
	s.scen = max(slices.Index(s.scenarios, content.DefaultScenario), 0)
	s.seedInput = newSeedInput(ctx)
	s.nameInput = newTextField(ctx, maxNameLen, text.T("a name"))
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
	s.facilitator = g.Facil != nil
	drawn := sim.BotsFor(g.Scenario(), g.Match.Seed, bot.Normal)
	for a, seat := range g.Match.Seats {
		s.humans[a] = seat.Human
		if seat.Human {
			if seat.Name != "You" && !defaultName(seat.Name) {
				s.names[a] = seat.Name
			}
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

func newSeedInput(ctx *Context) textinput.Model {
	return newTextField(ctx, seedDigits, text.T("digits"))
}

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
	s.humans, s.names = make([]bool, n), make([]string, n)
	if n > 0 {
		s.humans[s.actor] = true
	}
}

// humanCount is how many seats humans hold.
func (s *setup) humanCount() int {
	n := 0
	for _, h := range s.humans {
		if h {
			n++
		}
	}
	return n
}

// playerName is the name a human seat plays under: the one typed, else
// "You" for a single player (a mark kept in saves, never shown as it is)
// and "Player N" in a hot-seat game, in the interface's language.
func (s *setup) playerName(a int) string {
	if s.names[a] != "" {
		return s.names[a]
	}
	if s.humanCount() <= 1 {
		return "You"
	}
	n := 0
	for b := 0; b <= a; b++ {
		if s.humans[b] {
			n++
		}
	}
	return text.F("Player %d", n)
}

// seatTag is how the form marks a human seat: "you" for a single player
// without a name of their own, else the player's name.
func (s *setup) seatTag(a int) string {
	if n := s.playerName(a); n != "You" {
		return n
	}
	return text.T("you")
}

// defaultName reports whether a name is one the setup gives ("Player 2",
// or the same in the interface's language).
func defaultName(name string) bool {
	n, ok := strings.CutPrefix(name, "Player ")
	if _, err := strconv.Atoi(n); ok && err == nil {
		return true
	}
	for i := 1; i <= maxSeats; i++ {
		if name == text.F("Player %d", i) {
			return true
		}
	}
	return false
}

// maxSeats bounds the seats a setup names by number.
const maxSeats = 64

// difficultyName is a bot difficulty ("easy", "normal", "hard", as saves
// and the command line write it) as the interface writes it.
func difficultyName(id string) string {
	if d, err := bot.ParseDifficulty(id); err == nil && d.String() == id {
		return report.DifficultyName(d)
	}
	return id
}

// difficultyDesc says what a difficulty does (bot.Difficulty.Describe, in
// the interface's language).
func difficultyDesc(d bot.Difficulty) string {
	switch d {
	case bot.Easy:
		return text.T("thinks less: weighs only part of what it could do, some games more than others, and misjudges more often")
	case bot.Normal:
		return text.T("weighs every option by where the rules will take it by the end of the game")
	case bot.Hard:
		return text.T("looks ahead by playing out possible futures with the real rules, and takes what works best in them")
	}
	return d.Describe()
}

// personalityName is a bot's personality as the interface writes it.
func personalityName(p bot.Personality) string { return report.PersonalityName(p) }

func (s *setup) rows() []setupRow {
	rows := []setupRow{{kind: rowScenario}}
	for a := range s.moods {
		rows = append(rows, setupRow{kind: rowActor, actor: a})
	}
	return append(rows, setupRow{kind: rowFacilitator}, setupRow{kind: rowDifficulty}, setupRow{kind: rowMoods},
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
	for _, b := range sim.BotsFor(p.Scenario, s.seed, s.difficulty) {
		out = append(out, b.Personality)
	}
	return out
}

// Capturing is true while the seed or a player's name is being typed, so
// q and ? are typed (and refused as non-digits in a seed) rather than
// obeyed.
func (s *setup) Capturing() bool { return s.editingSeed || s.editingName }

// Resize lays the screen out again.
func (s *setup) Resize() {
	lw, rw := s.columns()
	s.nameInput.SetWidth(max(lw-18, 8)) // beside the actor's name in the form
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
	if p, ok := msg.(tea.PasteMsg); ok && s.editingName {
		s.nameInput, _ = s.nameInput.Update(tea.PasteMsg{Content: strings.ReplaceAll(p.Content, "\n", " ")})
		return s, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	switch {
	case s.editingSeed:
		s.updateSeed(k)
	case s.editingName:
		s.updateName(k)
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
	if c, ok := moveCursor(&km, k, s.cursor, len(rows), 0); ok {
		s.cursor = c
		return
	}
	switch {
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
	case r.kind == rowActor && key.Matches(k, km.SeatToggle):
		s.toggleSeat(r.actor)
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
	case rowFacilitator:
		s.facilitator = !s.facilitator
	}
}

// toggleSeat makes a seat human (and asks the player's name) or a bot.
func (s *setup) toggleSeat(a int) {
	if s.humans[a] {
		s.humans[a] = false
		s.names[a] = ""
		s.syncActor()
		return
	}
	s.humans[a] = true
	s.syncActor()
	s.editingName, s.nameFor = true, a
	s.nameInput.SetValue(s.names[a])
	s.nameInput.CursorEnd()
	s.nameInput.Focus()
}

// syncActor keeps the chosen actor a human when there is one.
func (s *setup) syncActor() {
	if s.actor < len(s.humans) && s.humans[s.actor] {
		return
	}
	for a, h := range s.humans {
		if h {
			s.actor = a
			return
		}
	}
}

// updateName types a player's name; enter keeps it, esc keeps the name the
// seat had.
func (s *setup) updateName(k tea.KeyPressMsg) {
	km := s.ctx.Keys
	switch {
	case key.Matches(k, km.Select):
		s.names[s.nameFor] = strings.TrimSpace(s.nameInput.Value())
		s.stopName()
	case key.Matches(k, km.Back):
		s.stopName()
	default:
		s.nameInput, _ = s.nameInput.Update(k)
	}
}

func (s *setup) stopName() {
	s.editingName = false
	s.nameInput.Blur()
}

// commonMood is the personality every bot is set to, or moodDrawn when
// they differ.
func (s *setup) commonMood() int {
	m := moodDrawn
	for a, v := range s.moods {
		if s.humans[a] {
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
		// Chosen to play alone: on to Start, where the choices are summed
		// up.
		s.actor = r.actor
		for a := range s.humans {
			s.humans[a] = a == r.actor
			if a != r.actor {
				s.names[a] = ""
			}
		}
		s.cursor = len(s.rows()) - 1
	case rowFacilitator:
		s.cycle(r, 1)
	case rowDifficulty:
		s.cycle(r, 1)
	case rowScenario:
		s.cycle(r, 1)
	case rowMoods:
		if s.humanCount() == len(s.humans) {
			return // no bot to set
		}
		s.editingMoods = true
		s.moodCursor = 0
		if s.humans[s.moodCursor] {
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

// moveMood steps the personality cursor, skipping the human seats.
func (s *setup) moveMood(step int) {
	n := len(s.moods)
	for i := 1; i < n; i++ {
		c := ((s.moodCursor+step*i)%n + n) % n
		if !s.humans[c] {
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
			s.seedNote = text.F("Type at least one digit, or esc to keep %s.", strconv.FormatUint(s.seed, 10))
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
func (s *setup) typeSeed(typed string) {
	for _, r := range typed {
		if r < '0' || r > '9' {
			s.seedNote = text.F("%q is not a digit: a seed is a number.", r)
			return
		}
	}
	s.seedNote = ""
	if len(s.seedInput.Value()) >= seedDigits {
		s.seedNote = text.F("A seed has at most %d digits.", seedDigits)
		return
	}
	s.seedInput, _ = s.seedInput.Update(tea.PasteMsg{Content: typed})
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
		if m != moodDrawn && !s.humans[a] && p != nil {
			out[p.Scenario.Actors[a].ID] = bot.Personality(m)
		}
	}
	return out
}

// seats are the match's seats as the form sets them.
func (s *setup) seats(sc *game.Scenario) []match.Seat {
	seats := make([]match.Seat, len(sc.Actors))
	for a, b := range sim.BotsFor(sc, s.seed, s.difficulty) {
		if p, ok := s.personalities()[sc.Actors[a].ID]; ok {
			b.Personality = p
		}
		seats[a] = match.Seat{Bot: b}
		if s.humans[a] {
			seats[a] = match.Seat{Human: true, Name: s.playerName(a)}
		}
	}
	return seats
}

// start builds the session and goes to the briefing (a single player),
// the first hand-over (hot seat) or the bots' game (no human).
func (s *setup) start() {
	p := s.pack()
	if p == nil {
		s.ctx.Open(NewNotice(s.ctx, text.T("Cannot load the scenario"), fmt.Sprint(s.loadErr)))
		return
	}
	g, err := NewMatchSession(p, s.seed, s.seats(p.Scenario), s.difficulty)
	if err != nil {
		s.ctx.Open(NewNotice(s.ctx, text.T("Cannot start that game"), err.Error()))
		return
	}
	if s.facilitator {
		g.Facil = &Facilitator{Pause: true}
	}
	s.ctx.Game = s.ctx.attach(g)
	s.ctx.SwitchTo(s.ctx.firstScreen())
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
	lines = append(lines, th.Title.Render(text.T("NEW GAME")), "")
	i := 0
	scen := s.scenarios[s.scen]
	if p != nil {
		scen = p.Scenario.Title
	}
	lines = append(lines, th.Heading.Render(text.T("Scenario")))
	lines = append(lines, s.rowText(i, text.Truncate(scen, w-4), w))
	i++
	lines = append(lines, th.Heading.Render(text.T("Seats"))+th.Muted.Render(text.T(" ● human ○ bot")))
	if p != nil {
		for a, ad := range p.Scenario.Actors {
			mark := "○ "
			if s.humans[a] {
				mark = "● "
			}
			tag := ""
			if s.humans[a] {
				tag = text.F("(%s)", s.seatTag(a))
				if s.editingName && s.nameFor == a {
					tag = s.nameInput.View()
				}
			}
			name := mark + ad.Name
			editing := s.editingName && s.nameFor == a
			if w >= 40 && !editing {
				title := p.T("actors." + ad.ID + ".title")
				if tag != "" {
					title = text.Truncate(title, max(w-18-lipgloss.Width(tag)-1, 1))
				}
				name = docPad(name, 14) + th.Muted.Render(title)
			} else if editing {
				name = docPad(name, 13)
			}
			if tag != "" {
				if !text.Chinese() || editing { // full-width brackets bring their own space
					name += " "
				}
				name += th.Accent.Render(tag)
			}
			lines = append(lines, s.rowText(i, text.Truncate(name, w-2), w))
			i++
		}
	}
	fac := text.T("off")
	if s.facilitator {
		fac = text.T("on")
	}
	lines = append(lines, s.rowText(i, docPad(text.T("Facilitator"), 12)+"‹ "+fac+" ›", w))
	i++
	lines = append(lines, s.rowText(i, docPad(text.T("Bots"), 12)+"‹ "+difficultyName(s.difficulty.String())+" ›", w))
	i++
	lines = append(lines, s.rowText(i, docPad(text.T("Personality"), 12)+s.moodSummary(), w))
	i++
	seed := strconv.FormatUint(s.seed, 10)
	if s.editingSeed {
		seed = s.seedInput.View()
	}
	lines = append(lines, s.rowText(i, docPad(text.T("Seed"), 12)+seed, w))
	i++
	lines = append(lines, "")
	start := text.T("▶ Start the game")
	if s.humanCount() == 0 {
		start = text.T("▶ Watch the bots play")
	}
	if p == nil {
		start = th.Disabled.Render(start)
	}
	lines = append(lines, s.rowText(i, start, w))
	return strings.Join(lines, "\n")
}

// rowText draws one form row, highlighted under the cursor.
func (s *setup) rowText(i int, row string, w int) string {
	th := s.ctx.Theme
	if i == s.cursor {
		if s.editingSeed || s.editingMoods || s.editingName {
			return th.Accent.Render("▸ ") + row
		}
		return th.Selected.Render(docPad("▸ "+ansi.Strip(row), w))
	}
	return "  " + row
}

// moodSummary is the personalities row's value.
func (s *setup) moodSummary() string {
	set, bots := 0, 0
	for a, m := range s.moods {
		if !s.humans[a] {
			bots++
			if m != moodDrawn {
				set++
			}
		}
	}
	switch {
	case bots == 0:
		return text.T("no bots")
	case set == 0:
		return text.T("random")
	case set == bots && s.commonMood() != moodDrawn:
		return text.F("all %s", personalityName(bot.Personality(s.commonMood())))
	}
	return text.F("%d set, %d random", set, bots-set)
}

// detailHead is the line above the detail: what it shows and whether it
// scrolls.
func (s *setup) detailHead(w int) string {
	th := s.ctx.Theme
	names := map[setupRowKind]string{rowScenario: text.T("SCENARIO"), rowActor: text.T("ACTOR"), rowDifficulty: text.T("BOT DIFFICULTY"),
		rowMoods: text.T("BOT PERSONALITIES"), rowSeed: text.T("SEED"), rowStart: text.T("READY"), rowFacilitator: text.T("FACILITATOR")}
	r := s.row()
	head := names[r.kind]
	if r.kind == rowActor {
		if p := s.pack(); p != nil {
			head = strings.ToUpper(p.Scenario.Actors[r.actor].Name)
		}
	}
	pos := s.detail.position()
	if pos != "" {
		pos = "pgdn/pgup " + pos // the keys, then docView.position's words
	}
	return docSpread(th.Heading.Render(head), th.Muted.Render(pos), w)
}

// detailText explains the row under the cursor.
func (s *setup) detailText(r setupRow, w int) string {
	th := s.ctx.Theme
	p := s.pack()
	if p == nil {
		return th.Bad.Render(text.T("The scenario cannot be loaded:")) + "\n" + wrap(fmt.Sprint(s.loadErr), w)
	}
	sc := p.Scenario
	pctx := *s.ctx // Prose reads glossary terms from the session's pack
	pctx.Game = &Session{Pack: p}
	prose := func(s string) string { return Prose(&pctx, s, w) }
	wrap := func(s string) string { return wrap(s, w) }
	hint := func(keys, what string) string { return th.Key.Render(keys) + " " + th.KeyDesc.Render(what) }

	switch r.kind {
	case rowScenario:
		out := []string{th.Bold.Render(sc.Title),
			th.Muted.Render(wrap(text.F("%d turns of half a year, %s to %s · %d actors",
				sc.Turns, text.Half(sc.HalfYear(1)), text.Half(sc.HalfYear(sc.Turns)), len(sc.Actors)))),
			"", prose(p.Summary), ""}
		if len(s.scenarios) > 1 {
			out = append(out, hint("←/→", text.F("another scenario (%d available)", len(s.scenarios))))
		} else {
			out = append(out, th.Muted.Render(text.T("The only scenario so far.")))
		}
		return strings.Join(out, "\n")

	case rowActor:
		return s.actorDetail(&pctx, p, r.actor, w)

	case rowDifficulty:
		out := []string{wrap(text.T("How sharply the bots play. Every bot obeys the same rules as you, sees only what its own actor may see, and knows the mutual-loss rule.")), ""}
		for d := range bot.NumDifficulties {
			mark := "  "
			label := difficultyName(d.String())
			if d == s.difficulty {
				mark, label = "● ", th.Bold.Render(label)
			}
			out = append(out, docRow(mark+label, 9, difficultyDesc(d), w))
		}
		out = append(out, "", hint("←/→ enter", text.T("change")))
		return strings.Join(out, "\n")

	case rowMoods:
		out := []string{wrap(text.T("Each bot has a personality that tilts what it prefers. By default the seed draws them at random; you may set any of them.")), ""}
		descs := [bot.NumPersonalities]string{
			text.T("presses rivals; accepts more risk"),
			text.T("seeks calm and partners; fears escalation"),
			text.T("keeps options open; builds and trades with both sides"),
		}
		for m := range bot.NumPersonalities {
			out = append(out, docRow("  "+personalityName(m), 9, descs[m], w))
		}
		out = append(out, "")
		drawn := s.drawn()
		for a, ad := range sc.Actors {
			var v string
			switch {
			case s.humans[a]:
				v = th.Accent.Render(s.seatTag(a))
			case s.moods[a] == moodDrawn:
				v = personalityName(drawn[a]) + th.Muted.Render(text.T(" (random)"))
			default:
				v = th.Bold.Render(personalityName(bot.Personality(s.moods[a]))) + th.Muted.Render(text.T(" (set)"))
			}
			line := "  " + docPad(ad.Name, 12) + v
			if s.editingMoods && a == s.moodCursor {
				line = th.Selected.Render("▸ "+docPad(ad.Name, 12)) + v + th.Muted.Render("  ←/→")
			}
			out = append(out, line)
		}
		out = append(out, "")
		if s.editingMoods {
			out = append(out, hint("↑/↓", text.T("bot"))+"  "+hint("←/→", text.T("personality"))+"  "+hint("enter/esc", text.T("done")))
		} else {
			out = append(out, hint("enter", text.T("set one by one"))+"  "+hint("←/→", text.T("set all")))
		}
		return strings.Join(out, "\n")

	case rowSeed:
		out := []string{wrap(text.T("The seed fixes every roll of the dice: which events fire, which secrets come out, how the bots misjudge. " +
			"The same scenario, seed and orders always give the same game, so a class can play one world and compare.")), ""}
		if s.editingSeed {
			out = append(out, th.Bold.Render(text.T("Typing the seed: digits only.")))
			if s.seedNote != "" {
				out = append(out, th.Warn.Render(wrap(s.seedNote)))
			}
			out = append(out, "", hint("enter", text.T("use it"))+"  "+hint("esc", text.T("cancel"))+"  "+hint("backspace", text.T("delete")))
		} else {
			out = append(out, hint(text.T("enter or 0-9"), text.T("type a seed")), hint("r", text.T("a new random seed")))
		}
		return strings.Join(out, "\n")

	case rowStart:
		var out []string
		bots := len(sc.Actors) - s.humanCount()
		switch n := s.humanCount(); {
		case n == 0:
			out = append(out, wrap(text.F("Spectate: bots play all %d actors and you watch, turn by turn, with every secret shown", len(sc.Actors))),
				wrap(text.F("(%s; personalities: %s),", difficultyName(s.difficulty.String()), s.moodSummary())))
		case n == 1:
			a := sc.Actors[s.actor]
			title := p.T("actors." + a.ID + ".title")
			lead := text.F("You lead %s (%s)", th.Bold.Render(a.Name), title)
			if s.names[s.actor] != "" {
				lead = text.F("%s leads %s (%s)", s.names[s.actor], th.Bold.Render(a.Name), title)
			}
			out = append(out, wrap(lead),
				wrap(text.F("against %d bots (%s; personalities: %s),", bots, difficultyName(s.difficulty.String()), s.moodSummary())))
		default:
			var who []string
			for a, h := range s.humans {
				if h {
					who = append(who, text.F("%s (%s)", th.Bold.Render(sc.Actors[a].Name), s.playerName(a)))
				}
			}
			sep := ", "
			if text.Chinese() {
				sep = "、"
			}
			out = append(out, wrap(text.F("Hot seat: %d players share the keyboard: %s.", n, strings.Join(who, sep))),
				wrap(text.T("Each gives orders in turn, behind a hand-over page that hides everyone else's; the turn resolves once all have.")))
			if bots > 0 {
				out = append(out, wrap(text.F("Against %d bots (%s; personalities: %s),", bots, difficultyName(s.difficulty.String()), s.moodSummary())))
			}
		}
		out = append(out, wrap(text.F("in %s,", sc.Title)), text.F("with seed %s.", th.Bold.Render(strconv.FormatUint(s.seed, 10))))
		if s.facilitator {
			out = append(out, wrap(text.T("A facilitator runs the game: F2 opens their screen, and each turn waits for them once every order is in.")))
		}
		next := text.T("start: the briefing comes first")
		switch {
		case s.humanCount() == 0:
			next = text.T("start watching")
		case s.humanCount() > 1:
			next = text.T("start: the first hand-over")
		}
		out = append(out, "", hint("enter", next))
		return strings.Join(out, "\n")

	case rowFacilitator:
		out := []string{wrap(text.T("For a class: a facilitator (the teacher) runs the game from a screen of their own, behind F2 (or ctrl+f), that the players do not see.")), "",
			wrap(text.T("From it the facilitator resolves each turn once every order is in (the game waits for them), injects any event of the scenario or custom news with chosen effects, sets a timer for each player's orders, reveals the whole truth to the room when they choose, and exports the debrief report.")), ""}
		state := text.T("Off: the turn resolves as soon as the last player submits.")
		if s.facilitator {
			state = text.T("On.")
		}
		out = append(out, th.Bold.Render(wrap(state)), "", hint("←/→ enter", text.T("change")))
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
	note := th.Muted.Render(text.F("enter: play as %s", ad.Name))
	switch {
	case s.humans[a] && s.humanCount() == 1:
		note = th.Accent.Render(text.T("● your actor"))
	case s.humans[a]:
		note = th.Accent.Render(text.F("● %s plays it", s.playerName(a)))
	}
	if lipgloss.Width(who)+2+lipgloss.Width(note) <= w {
		who += "  " + note
	} else {
		who += "\n" + note
	}
	out = append(out, who, Prose(pctx, p.T("actors."+ad.ID+".pitch"), w), "")
	out = append(out, th.Heading.Render(text.T("Objectives"))+th.Muted.Render(text.T(" (weights add up to the score, 0-100)")))
	for _, o := range ad.Objectives {
		out = append(out, th.Bold.Render(fmt.Sprintf("%2d  %s", o.Weight, o.Name)))
		desc := p.T("objectives." + ad.ID + "." + o.ID + ".desc")
		if desc == "" {
			desc = text.F("%s, from %d to %d.", sc.Label(o.Measure, a), o.From, o.To)
		}
		out = append(out, docIndent(Prose(pctx, desc, w-4), 4))
	}
	out = append(out, "", th.Heading.Render(text.T("Each turn"))+"  "+
		text.F("%d action points · about %d capital", ad.AP, ad.Income))
	var stats []string
	for st := range game.NumStats {
		if ad.Has[st] {
			stats = append(stats, sc.StatName(st)+" "+th.Bold.Render(itoa(ad.Start[st])))
		}
	}
	out = append(out, th.Heading.Render(text.T("Starts with"))+th.Muted.Render(text.T(" (before the opening news moves them)")))
	out = append(out, docFlow(stats, " · ", w)...)
	return strings.Join(out, "\n")
}

// Name is shown in the help overlay.
func (s *setup) Name() string { return text.T("New game") }

// Keys are the setup's keys for the footer: they follow what is being
// edited.
func (s *setup) Keys() []key.Binding {
	km := s.ctx.Keys
	switch {
	case s.editingName:
		typeName := km.NameType
		typeName.SetHelp("a-z", text.T("type the player's name"))
		ok := km.Select
		ok.SetHelp("enter", text.T("done"))
		keep := km.Back
		keep.SetHelp("esc", text.T("keep the name"))
		return []key.Binding{typeName, ok, keep}
	case s.editingSeed:
		digits, erase := km.SeedDigits, km.SeedErase
		digits.SetHelp("0-9", text.T("type"))
		erase.SetHelp("backspace", text.T("delete"))
		use := km.Select
		use.SetHelp("enter", text.T("use"))
		cancel := km.Back
		cancel.SetHelp("esc", text.T("cancel"))
		return []key.Binding{digits, erase, use, cancel}
	case s.editingMoods:
		done := km.Select
		done.SetHelp("enter", text.T("done"))
		char := km.Right
		char.SetHelp("←/→", text.T("personality"))
		return []key.Binding{km.Up, km.Down, char, done}
	}
	bind := []key.Binding{km.ListMove}
	switch s.row().kind {
	case rowActor:
		pick := km.Select
		pick.SetHelp("enter", text.T("play alone"))
		bind = append(bind, pick, km.SeatToggle)
	case rowScenario, rowDifficulty, rowMoods, rowFacilitator:
		ch := km.Right
		ch.SetHelp("←/→", text.T("change"))
		bind = append(bind, ch)
		if s.row().kind == rowMoods {
			one := km.Select
			one.SetHelp("enter", text.T("one by one"))
			bind = append(bind, one)
		}
	case rowSeed:
		edit := km.Select
		edit.SetHelp("enter", text.T("type a seed"))
		bind = append(bind, edit, km.NewSeed)
	case rowStart:
		go_ := km.Select
		go_.SetHelp("enter", text.T("start"))
		bind = append(bind, go_)
	}
	return append(bind, km.Back)
}

// KeyGroups are the setup's keys for the help overlay.
func (s *setup) KeyGroups() [][]key.Binding {
	km := s.ctx.Keys
	sel := km.Select
	sel.SetHelp("enter", text.T("choose/start"))
	ch := km.Right
	ch.SetHelp("←/→", text.T("change"))
	seat := km.SeatToggle
	seat.SetHelp("space", text.T("seat: human (type a name) or bot"))
	return [][]key.Binding{
		{km.Up, km.Down, km.Top, km.Bottom, sel, ch, km.Back},
		{seat, km.PageUp, km.PageDown, km.NewSeed, km.SeedDigits, km.SeedErase},
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
