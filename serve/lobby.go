package serve

import (
	"crypto/subtle"
	"fmt"
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
	playing
)

// player is one connection's program: the lobby (room code, name, seat),
// then the game's interface at the seat taken.
type player struct {
	srv     *Server
	client  *client
	program *tea.Program
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
	return refreshCmd()
}

func (p *player) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		p.width, p.height = m.Width, m.Height
	case tea.KeyPressMsg, tea.PasteMsg:
		p.lastKey = time.Now()
	case refreshMsg:
		if d := p.srv.cfg.IdleTimeout; d > 0 && time.Since(p.lastKey) >= d {
			p.idle = true
			return p, tea.Quit
		}
		return p, refreshCmd() // the lobby redraws; the game has nothing to do
	}
	if p.phase == playing {
		_, cmd := p.app.Update(msg)
		return p, cmd
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
	if p.phase == askSeat {
		return p, p.seatKey(k)
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

// take seats the player and opens the game on their screen.
func (p *player) take(a int) tea.Cmd {
	ts, err := p.srv.table.join(p.name, a, p.client)
	if err != nil {
		p.note = sentence(err)
		return nil
	}
	p.seat, p.phase = a, playing
	p.app = ui.New(ui.Options{Theme: p.srv.cfg.Theme, Table: ts})
	cmd := p.app.Init()
	if p.width > 0 {
		p.app.Update(tea.WindowSizeMsg{Width: p.width, Height: p.height})
	}
	return cmd
}

func (p *player) View() tea.View {
	if p.phase == playing {
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
			b.WriteString("\n" + bold.Render(p.name) + ", every seat is taken: join a group that has one, or ask your teacher. This list updates itself; esc changes your name.\n")
		} else {
			b.WriteString("\n" + bold.Render(p.name) + ", choose a free seat: up and down, then enter (or its number). Esc changes your name.\n")
		}
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
	fmt.Fprintf(&b, "\n%s\n", muted.Render(fmt.Sprintf("%d free seat%s · turn %d", free, text.Plural(free), p.srv.table.Turns()+1)))
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
