package serve

import (
	"crypto/subtle"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zerosum/text"
	"zerosum/ui"
)

// maxCodeTries is how many wrong room codes a connection may give before
// it is closed.
const maxCodeTries = 5

// phase is where a player is between connecting and playing.
type phase int

const (
	askCode  phase = iota
	codeWait       // a wrong code: the pause before the next try
	askName
	askSeat
	seated      // a seat taken, waiting for the start or the next turn
	playing     // the game, at the seat taken
	watching    // the public view, without a seat
	facLobby    // the facilitator, before the game starts
	facilitator // the facilitator's screen
)

// role is who connects: a player (who may choose to watch), a spectator
// (user name spectate) or the facilitator (user name facilitator, with a
// facilitator's key).
type role int

const (
	rolePlayer role = iota
	roleSpectator
	roleFacilitator
)

// The SSH user names that choose a role; any other name is a player's.
const (
	SpectatorUser   = "spectate"
	FacilitatorUser = "facilitator"
)

// roleOf is the role a user name asks for.
func roleOf(user string) role {
	switch strings.ToLower(user) {
	case SpectatorUser:
		return roleSpectator
	case FacilitatorUser:
		return roleFacilitator
	}
	return rolePlayer
}

// player is one connection's program: the lobby (room code, name, seat),
// then the game's interface at the seat taken.
type player struct {
	srv     *Server
	client  *client
	program *tea.Program
	role    role
	phase   phase
	input   string // what is typed at the prompt
	note    string // why the last answer was refused
	tries   int    // wrong room codes so far
	name    string
	cursor  int // the seat the lobby points at
	seat    int // the seat taken, once playing
	app     *ui.App
	width   int
	height  int
	// lastKey is when a key was last pressed; idle says the session was
	// closed for want of one.
	lastKey time.Time
	idle    bool
	// synced are the facilitator's settings the table last had from or
	// gave to this screen.
	synced facSettings
	// host says the facilitator is at the server's own terminal: leaving
	// stops the table.
	host bool
}

// waitMsg ends the pause after a wrong room code.
type waitMsg struct{}

// refreshMsg redraws the lobby, whose list of seats changes as players
// come and go.
type refreshMsg struct{}

// refresh is how often the lobby redraws itself and a session checks
// whether it has been idle too long.
const refresh = time.Second

func refreshCmd() tea.Cmd {
	return tea.Tick(refresh, func(time.Time) tea.Msg { return refreshMsg{} })
}

func (p *player) Init() tea.Cmd {
	p.lastKey = time.Now()
	if p.role == roleFacilitator {
		if p.srv.table.Started() {
			return tea.Batch(refreshCmd(), p.facilitate())
		}
		p.phase = facLobby
	}
	return refreshCmd()
}

func (p *player) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		p.width, p.height = m.Width, m.Height
	case tea.KeyPressMsg, tea.PasteMsg:
		p.lastKey = time.Now()
	case refreshMsg:
		// The facilitator may talk to the room for longer than that.
		if d := p.srv.cfg.IdleTimeout; d > 0 && time.Since(p.lastKey) >= d && p.role != roleFacilitator {
			p.idle = true
			return p, tea.Quit
		}
		if p.phase == facLobby && p.srv.table.Started() {
			return p, tea.Batch(refreshCmd(), p.facilitate())
		}
		return p, refreshCmd() // the lobby redraws; the game has nothing to do
	case openMsg:
		if p.phase == seated {
			return p, p.open()
		}
		return p, nil
	}
	switch p.phase {
	case playing, watching:
		_, cmd := p.app.Update(msg)
		return p, cmd
	case facilitator:
		_, cmd := p.app.Update(msg)
		p.syncFacil(msg)
		return p, cmd
	}
	if p.phase == facLobby {
		return p, p.facLobbyKey(msg)
	}
	if _, ok := msg.(waitMsg); ok && p.phase == codeWait {
		p.phase = askCode
		p.note = "That is not the room code. Ask your teacher for it and type it again."
		return p, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || p.phase == codeWait {
		return p, nil
	}
	switch k.String() {
	case "ctrl+c", "ctrl+d":
		return p, tea.Quit
	case "esc":
		if p.phase == askSeat {
			p.phase, p.input, p.note = askName, p.name, ""
			return p, nil
		}
		return p, tea.Quit
	}
	switch p.phase {
	case askSeat:
		return p, p.seatKey(k)
	case seated:
		if k.String() == "q" {
			return p, tea.Quit
		}
		return p, nil
	}
	switch k.String() {
	case "enter":
		return p, p.answer()
	case "backspace":
		if r := []rune(p.input); len(r) > 0 {
			p.input = string(r[:len(r)-1])
		}
		return p, nil
	}
	for _, r := range k.Text {
		if unicode.IsPrint(r) && len([]rune(p.input)) < 40 {
			p.input += string(r)
		}
	}
	return p, nil
}

// answer takes what was typed at the prompt.
func (p *player) answer() tea.Cmd {
	in := p.input
	p.input, p.note = "", ""
	switch p.phase {
	case askCode:
		if subtle.ConstantTimeCompare([]byte(strings.ToUpper(strings.TrimSpace(in))), []byte(p.srv.cfg.RoomCode)) == 1 {
			if p.role == roleSpectator {
				return p.watch()
			}
			p.phase = askName
			return nil
		}
		p.tries++
		if p.tries >= maxCodeTries {
			return tea.Quit
		}
		p.phase = codeWait
		p.note = "That is not the room code. Wait a moment…"
		return tea.Tick(p.srv.cfg.WrongCodeDelay, func(time.Time) tea.Msg { return waitMsg{} })
	case askName:
		name, err := CheckName(in)
		if err != nil {
			p.note, p.input = sentence(err), in
			return nil
		}
		a, err := p.srv.table.SeatOf(name)
		if err != nil {
			p.note, p.input = sentence(err), in
			return nil
		}
		p.name = name
		if a >= 0 {
			return p.take(a) // back at the seat they held
		}
		p.phase, p.cursor = askSeat, 0
		p.skipTaken(1)
	}
	return nil
}

// seatKey moves the lobby's pointer or takes the seat it points at.
func (p *player) seatKey(k tea.KeyPressMsg) tea.Cmd {
	n := len(p.srv.table.Scenario().Actors)
	switch s := k.String(); {
	case s == "up" || s == "k":
		p.cursor = (p.cursor + n - 1) % n
		p.skipTaken(-1)
	case s == "down" || s == "j":
		p.cursor = (p.cursor + 1) % n
		p.skipTaken(1)
	case s == "w":
		return p.watch()
	case s == "enter":
		return p.take(p.cursor)
	case len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < n:
		return p.take(int(s[0] - '1'))
	}
	return nil
}

// skipTaken moves the pointer off seats that players hold, in direction
// dir, when there is a free one.
func (p *player) skipTaken(dir int) {
	seats := p.srv.table.Seats()
	n := len(seats)
	for range n {
		if seats[p.cursor].Player == "" {
			return
		}
		p.cursor = (p.cursor + dir + n) % n
	}
}

// take seats the player: the game opens on their screen, or they wait in
// the lobby for the start or the next turn.
func (p *player) take(a int) tea.Cmd {
	active, err := p.srv.table.join(p.name, a, p.client)
	if err != nil {
		p.note = sentence(err)
		return nil
	}
	p.seat, p.phase, p.note = a, seated, ""
	if active {
		return p.open()
	}
	return nil
}

// open opens the game at the seat taken.
func (p *player) open() tea.Cmd {
	ts, err := p.srv.table.open(p.seat, p.client)
	if err != nil {
		p.note = sentence(err)
		return nil
	}
	p.phase = playing
	return p.run(ui.New(ui.Options{Theme: p.srv.cfg.Theme, Table: ts}))
}

// watch opens the public view of the game, without a seat.
func (p *player) watch() tea.Cmd {
	p.phase = watching
	return p.run(ui.New(ui.Options{Theme: p.srv.cfg.Theme, Watch: p.srv.table.watchStart(p.client)}))
}

// facilitate opens the facilitator's screen.
func (p *player) facilitate() tea.Cmd {
	p.phase = facilitator
	tf := p.srv.table.facStart(p.client)
	tf.Resolve = p.srv.table.ResolveNow
	if p.host {
		tf.Leave, tf.LeaveDetail = "Stop the table?", "Every player is told the table has stopped; the game is saved, and zerosum serve --resume last-good sets it up again."
	} else {
		tf.Leave, tf.LeaveDetail = "Leave the facilitator's screen?", "The table goes on without you: connect again to come back."
	}
	p.synced = facSettings{pause: tf.Pause, minutes: tf.TimerMinutes, inject: slices.Clone(tf.Inject)}
	return p.run(ui.New(ui.Options{Theme: p.srv.cfg.Theme, TableFacil: tf}))
}

// run starts an App on the player's screen.
func (p *player) run(app *ui.App) tea.Cmd {
	p.app = app
	cmd := p.app.Init()
	if p.width > 0 {
		p.app.Update(tea.WindowSizeMsg{Width: p.width, Height: p.height})
	}
	return cmd
}

// syncFacil tells the table what the facilitator changed on their screen,
// and takes what the table says the settings are.
func (p *player) syncFacil(msg tea.Msg) {
	if m, ok := msg.(ui.TableFacilMsg); ok {
		p.synced = facSettings{pause: m.Pause, minutes: m.TimerMinutes, inject: slices.Clone(m.Inject)}
		return
	}
	pause, minutes, inject, ok := p.app.TableFacilSettings()
	if !ok {
		return
	}
	now := facSettings{pause: pause, minutes: minutes, inject: inject}
	if !reflect.DeepEqual(now, p.synced) {
		p.synced = now
		p.srv.table.setFacil(pause, minutes, inject)
	}
}

// facLobbyKey is the facilitator's key before the game starts: s starts
// it.
func (p *player) facLobbyKey(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch k.String() {
	case "ctrl+c", "q":
		return tea.Quit
	case "s", "S":
		p.srv.table.Start()
		return p.facilitate()
	}
	return nil
}

func (p *player) View() tea.View {
	if p.app != nil {
		return p.app.View()
	}
	v := tea.NewView(p.lobby())
	v.AltScreen = true
	v.WindowTitle = "ZERO SUM"
	return v
}

var (
	bold  = lipgloss.NewStyle().Bold(true)
	muted = lipgloss.NewStyle().Faint(true)
	warn  = lipgloss.NewStyle().Foreground(lipgloss.Color("3"))
)

// lobby draws the table and the prompt.
func (p *player) lobby() string {
	sc := p.srv.table.Scenario()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n\n", bold.Render("ZERO SUM · a shared table"), muted.Render(fmt.Sprintf("%s · %d turns · %d seats", sc.Title, sc.Turns, len(sc.Actors))))
	switch p.phase {
	case askCode, codeWait:
		b.WriteString("Type the room code your teacher gave you, then enter.\n\n")
		if p.phase == askCode {
			b.WriteString(bold.Render("Room code: "+p.input+"_") + "\n")
		} else {
			b.WriteString("\n")
		}
	case askName:
		b.WriteString(p.table())
		b.WriteString("\nYour name (the name you give again to come back to your seat), then enter.\n\n")
		b.WriteString(bold.Render("Name: "+p.input+"_") + "\n")
	case askSeat:
		b.WriteString(p.table())
		if p.free() == 0 {
			b.WriteString("\n" + bold.Render(p.name) + ", every seat is taken: join a group that has one, or ask your teacher. This list updates itself; w watches the game without a seat; esc changes your name.\n")
		} else {
			b.WriteString("\n" + bold.Render(p.name) + ", choose a free seat: up and down, then enter (or its number). W watches the game without a seat; esc changes your name.\n")
		}
	case seated:
		b.WriteString(p.table())
		actor := sc.Actors[p.seat].Name
		if p.srv.table.Started() {
			fmt.Fprintf(&b, "\n%s, you play %s from the next turn: a bot plays the turn under way, and your screen opens when it resolves. This list updates itself; q leaves.\n", bold.Render(p.name), bold.Render(actor))
		} else {
			fmt.Fprintf(&b, "\n%s, you play %s. Waiting for the host to start the game: your briefing opens then. This list updates itself; q leaves.\n", bold.Render(p.name), bold.Render(actor))
		}
	case facLobby:
		fmt.Fprintf(&b, "%s\n\n", bold.Render("FACILITATOR · the game has not started"))
		fmt.Fprintf(&b, "Room code: %s\n", bold.Render(p.srv.cfg.RoomCode))
		for _, l := range p.srv.cfg.Banner {
			b.WriteString(l + "\n")
		}
		if fp := p.srv.Fingerprint(); fp != "" {
			b.WriteString(muted.Render("Host key "+fp) + "\n")
		}
		b.WriteString("\n" + p.table())
		b.WriteString("\nPress s to start the game when the room is ready: everyone seated opens their briefing, and bots play the seats nobody took (a player who comes later takes one from the next turn). q leaves.\n")
	}
	if p.note != "" {
		b.WriteString("\n" + warn.Render(p.note) + "\n")
	}
	out := b.String()
	if p.width > 0 {
		out = lipgloss.NewStyle().Width(p.width).Render(out)
	}
	return out
}

// free is how many seats nobody holds.
func (p *player) free() int {
	n := 0
	for _, s := range p.srv.table.Seats() {
		if s.Player == "" {
			n++
		}
	}
	return n
}

// table lists the seats: the actor, who holds it, whether they are here.
func (p *player) table() string {
	var b strings.Builder
	seats := p.srv.table.Seats()
	free := 0
	for a, s := range seats {
		holder := muted.Render("free: a bot plays it")
		switch {
		case s.Player != "" && s.Connected:
			holder = s.Player + " (connected)"
		case s.Player != "":
			holder = s.Player + muted.Render(" (away: a bot plays until they return)")
		default:
			free++
		}
		if s.Waiting {
			holder = s.Player + " (connected, waiting to play)"
		}
		mark := "  "
		if p.phase == askSeat && a == p.cursor {
			mark = "> "
		}
		line := fmt.Sprintf("%s%d  %-12s %s", mark, a+1, s.Actor, holder)
		if p.phase == askSeat && a == p.cursor {
			line = bold.Render(line)
		}
		b.WriteString(line + "\n")
	}
	status := fmt.Sprintf("%d free seat%s · turn %d", free, text.Plural(free), p.srv.table.Turns()+1)
	if !p.srv.table.Started() {
		status = fmt.Sprintf("%d free seat%s · the game has not started", free, text.Plural(free))
	}
	fmt.Fprintf(&b, "\n%s\n", muted.Render(status))
	return b.String()
}

// sentence is an error as a sentence on the lobby's screen.
func sentence(err error) string {
	s := []rune(err.Error())
	if len(s) == 0 {
		return ""
	}
	s[0] = unicode.ToUpper(s[0])
	if !strings.ContainsRune(".!?)", s[len(s)-1]) {
		s = append(s, '.')
	}
	return string(s)
}
