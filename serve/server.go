package serve

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"zerosum/text"
	"zerosum/ui"
)

// Defaults of the server's limits.
const (
	DefaultMaxSessions    = 40
	DefaultIdleTimeout    = 30 * time.Minute
	DefaultWrongCodeDelay = 3 * time.Second
	DefaultKeepAlive      = 15 * time.Second
	DefaultBurst          = 10
	DefaultEvery          = time.Second
)

// Config is how a server runs.
type Config struct {
	// HostKeyPath is the server's private host key, generated there the
	// first time (so the fingerprint stays the same across restarts).
	HostKeyPath string
	// RoomCode is asked before a seat is taken (upper case).
	RoomCode    string
	MaxSessions int // concurrent sessions; 0: DefaultMaxSessions
	// IdleTimeout closes a session in which no key was pressed for this
	// long (0: none). It is kept by the session itself: the connection's
	// own traffic (the keep-alive) does not count.
	IdleTimeout    time.Duration
	WrongCodeDelay time.Duration // the pause after a wrong room code
	// AuthorizedKeys, when set, is an authorized_keys file: only the
	// keys it lists may connect. It is read once, at start.
	AuthorizedKeys string
	// KeepAlive is how often a connection is asked whether it is still
	// there; one that does not answer within the same time is closed, so
	// that a laptop that dropped off the network frees its player's seat
	// for their return (0: DefaultKeepAlive).
	KeepAlive time.Duration
	// PerAddress limits new connections from one address: at most Burst
	// at once, then one every Every (zero values: DefaultBurst and
	// DefaultEvery).
	Burst int
	Every time.Duration
	Theme ui.ThemeName
	// FacilitatorKeys, when set, is an authorized_keys file of the keys
	// that may facilitate: connecting as the user "facilitator" with one
	// of them opens the facilitator's screen (no room code). It is read
	// once, at start.
	FacilitatorKeys string
	// Autostart starts the game at once: players then take their seats as
	// they come (a newcomer from the next turn). Otherwise it starts when
	// a facilitator, or the host (Table.Start), starts it.
	Autostart bool
	// Banner is what the facilitator's lobby says besides the room code
	// (how players connect).
	Banner []string
}

// Server serves one table over SSH.
type Server struct {
	cfg      Config
	table    *Table
	ssh      *ssh.Server
	sessions atomic.Int64

	limiter *limiter

	// facilitators says facilitators may connect over SSH.
	facilitators bool

	mu       sync.Mutex
	programs map[*tea.Program]bool // the programs running
	stopping string                // what players are told once the server stops
}

// noPTY is what a session without a terminal is told.
const noPTY = "zerosum serve needs an interactive terminal: connect with ssh -t -p PORT HOST"

// New prepares a server for a table.
func New(t *Table, cfg Config) (*Server, error) {
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	cfg.RoomCode = strings.ToUpper(strings.TrimSpace(cfg.RoomCode))
	if cfg.RoomCode == "" {
		return nil, errors.New("a server needs a room code")
	}
	if cfg.HostKeyPath == "" {
		return nil, errors.New("a server needs a place for its host key")
	}
	if err := os.MkdirAll(filepath.Dir(cfg.HostKeyPath), 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the folder of the host key: %w", err)
	}
	if cfg.KeepAlive <= 0 {
		cfg.KeepAlive = DefaultKeepAlive
	}
	if cfg.Burst <= 0 {
		cfg.Burst = DefaultBurst
	}
	if cfg.Every <= 0 {
		cfg.Every = DefaultEvery
	}
	s := &Server{cfg: cfg, table: t, programs: map[*tea.Program]bool{}, limiter: newLimiter(cfg.Burst, cfg.Every, time.Now)}
	opts := []ssh.Option{
		wish.WithHostKeyPath(cfg.HostKeyPath),
		// Listed last to first: the rate limit runs first, then the
		// session cap, then the terminal check, then the role, then the
		// game.
		wish.WithMiddleware(bm.MiddlewareWithProgramHandler(s.program), s.checkRole, s.needPTY, s.capSessions, s.rateLimit),
	}
	var players, facilitators []gossh.PublicKey
	if cfg.AuthorizedKeys != "" {
		keys, err := readAuthorizedKeys(cfg.AuthorizedKeys)
		if err != nil {
			return nil, err
		}
		players = keys
	}
	if cfg.FacilitatorKeys != "" {
		keys, err := readAuthorizedKeys(cfg.FacilitatorKeys)
		if err != nil {
			return nil, err
		}
		facilitators = keys
	}
	has := func(keys []gossh.PublicKey, k ssh.PublicKey) bool {
		return slices.ContainsFunc(keys, func(a gossh.PublicKey) bool { return ssh.KeysEqual(a, k) })
	}
	if players != nil || facilitators != nil {
		// The user "facilitator" gets in with a facilitator's key only, by
		// the public key method alone: a session under that name was
		// opened with one of those keys.
		opts = append(opts, wish.WithPublicKeyAuth(func(ctx ssh.Context, k ssh.PublicKey) bool {
			switch {
			case roleOf(ctx.User()) == roleFacilitator:
				return has(facilitators, k)
			case players != nil:
				return has(players, k)
			}
			return true
		}))
		if players == nil {
			// Anyone else may connect, with a key or without one.
			opts = append(opts, wish.WithKeyboardInteractiveAuth(func(ctx ssh.Context, _ gossh.KeyboardInteractiveChallenge) bool {
				return roleOf(ctx.User()) != roleFacilitator
			}))
		}
	}
	s.facilitators = facilitators != nil
	if cfg.Autostart {
		t.Start()
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, fmt.Errorf("cannot start the SSH server: %w", err)
	}
	s.ssh = srv
	return s, nil
}

// Fingerprint is the host key's SHA256 fingerprint, as ssh prints it.
func (s *Server) Fingerprint() string {
	if len(s.ssh.HostSigners) == 0 {
		return ""
	}
	return gossh.FingerprintSHA256(s.ssh.HostSigners[0].PublicKey())
}

// Serve accepts connections on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections and waits for the open ones to
// end, or closes them when ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	return s.ShutdownSaying(ctx, "The host stopped the table.")
}

// ShutdownSaying is Shutdown that tells every player why, in a line
// printed once their game has closed.
func (s *Server) ShutdownSaying(ctx context.Context, why string) error {
	s.mu.Lock()
	s.stopping = why
	for p := range s.programs {
		go p.Quit()
	}
	s.mu.Unlock()
	err := s.ssh.Shutdown(ctx)
	if err != nil {
		s.ssh.Close()
	}
	return err
}

// Sessions is how many sessions are open.
func (s *Server) Sessions() int { return int(s.sessions.Load()) }

// capSessions refuses a session beyond the cap.
func (s *Server) capSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer s.sessions.Add(-1)
		if n := s.sessions.Add(1); n > int64(s.cfg.MaxSessions) {
			wish.Println(sess, fmt.Sprintf("The table is full (%d connections): try again later.", s.cfg.MaxSessions))
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}

// rateLimit refuses a session from an address that opened too many in
// a short time.
func (s *Server) rateLimit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		host, _, err := net.SplitHostPort(sess.RemoteAddr().String())
		if err != nil {
			host = sess.RemoteAddr().String()
		}
		if !s.limiter.allow(host) {
			wish.Println(sess, "Too many connections from your computer in a short time: wait a few seconds and try again.")
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}

// keepAlive asks the client every KeepAlive whether it is there, and
// closes the connection when it does not answer in time, until stop.
func (s *Server) keepAlive(sess ssh.Session, stop <-chan struct{}) {
	conn, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn)
	if !ok {
		return
	}
	tick := time.NewTicker(s.cfg.KeepAlive)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		answer := make(chan error, 1)
		go func() {
			_, _, err := conn.SendRequest("keepalive@openssh.com", true, nil)
			answer <- err
		}()
		select {
		case <-stop:
			return
		case err := <-answer:
			if err == nil {
				continue
			}
		case <-time.After(s.cfg.KeepAlive):
		}
		conn.Close() // gone: the session ends, and the player leaves the table
		return
	}
}

// readAuthorizedKeys reads the keys of an authorized_keys file; a line
// that is not a key is an error that names it.
func readAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the authorized keys: %w", err)
	}
	var keys []gossh.PublicKey
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key (%v)", path, i+1, err)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%s lists no key: nobody could connect", path)
	}
	return keys, nil
}

// needPTY refuses a session without a terminal in one line.
func (s *Server) needPTY(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			wish.Println(sess, noPTY)
			_ = sess.Exit(1)
			return
		}
		stop := make(chan struct{})
		var alive sync.WaitGroup
		alive.Go(func() { s.keepAlive(sess, stop) })
		next(sess)
		close(stop)
		alive.Wait()
		s.mu.Lock()
		why := s.stopping
		s.mu.Unlock()
		if why != "" {
			wish.Println(sess, why)
		}
		if p, ok := sess.Context().Value(playerKey{}).(*player); ok {
			if p.idle && why == "" {
				wish.Println(sess, fmt.Sprintf("Closed after %s without a key pressed. Connect again and give the same name to take your seat back.", span(p.srv.cfg.IdleTimeout)))
			}
			s.mu.Lock()
			delete(s.programs, p.program)
			s.mu.Unlock()
			p.leave()
		}
	}
}

// leave takes a stopped program away from the table: a player keeps
// their seat and their orders in progress.
func (p *player) leave() {
	p.client.stop()
	switch p.phase {
	case playing:
		orders, submitted := p.app.TableSeatOrders()
		p.srv.table.leave(p.seat, p.client, orders, submitted)
	case seated:
		p.srv.table.leave(p.seat, p.client, nil, false)
	case watching, facilitator, facLobby:
		p.srv.table.unwatch(p.client)
	}
}

// checkRole refuses the user name facilitator when no facilitator may
// connect over SSH.
func (s *Server) checkRole(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if roleOf(sess.User()) == roleFacilitator && !s.facilitators {
			wish.Println(sess, "This table takes no facilitator over SSH: the host names the facilitators' keys with zerosum serve --facilitator-keys FILE.")
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}

// RunFacilitator opens the facilitator's screen on the server's own
// terminal (zerosum serve --facilitator) and returns once the
// facilitator leaves it; the caller then stops the server.
func (s *Server) RunFacilitator(opts ...tea.ProgramOption) error {
	p := &player{srv: s, role: roleFacilitator, host: true}
	prog := tea.NewProgram(p, opts...)
	p.client, p.program = newClient(prog.Send), prog
	s.mu.Lock()
	s.programs[prog] = true
	s.mu.Unlock()
	_, err := prog.Run()
	s.mu.Lock()
	delete(s.programs, prog)
	s.mu.Unlock()
	p.leave()
	return err
}

type playerKey struct{}

// program builds a connection's program.
func (s *Server) program(sess ssh.Session) *tea.Program {
	p := &player{srv: s, role: roleOf(sess.User())}
	if pty, _, ok := sess.Pty(); ok {
		p.width, p.height = pty.Window.Width, pty.Window.Height
	}
	prog := tea.NewProgram(p, bm.MakeOptions(sess)...)
	p.client, p.program = newClient(prog.Send), prog
	sess.Context().SetValue(playerKey{}, p)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping != "" {
		go prog.Quit()
	}
	s.programs[prog] = true
	return prog
}

// RoomCode makes a room code: six letters and digits that cannot be
// mistaken for one another on a board.
func RoomCode() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 6)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// span says a duration as people do: "30 minutes", "1 hour", "2.5s".
func span(d time.Duration) string {
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		n := int(d / time.Hour)
		return fmt.Sprintf("%d hour%s", n, text.Plural(n))
	case d >= time.Minute && d%time.Minute == 0:
		n := int(d / time.Minute)
		return fmt.Sprintf("%d minute%s", n, text.Plural(n))
	}
	return d.String()
}
