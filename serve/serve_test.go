package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/saves"
	"zerosum/ui"
)

// The tests run a real server on the loopback interface and play it with
// a real SSH client library: each player's terminal is an SSH session with
// a PTY; what the server writes is read back with the escape sequences
// taken out.

const (
	testCode = "ROOM42"
	testSeed = 5
	// patience bounds every wait for the server, so that a broken server
	// fails the test instead of hanging it. It is not a speed limit.
	patience = 20 * time.Second
)

// testServer is a server on a loopback port.
type testServer struct {
	srv   *Server
	table *Table
	addr  string
	done  chan error
}

func startServer(t *testing.T, keyPath string, edit func(*Config)) *testServer {
	t.Helper()
	return startServerOn(t, "flashpoint", keyPath, edit)
}

// startServerOn is startServer with a table of another scenario.
func startServerOn(t *testing.T, scenario, keyPath string, edit func(*Config)) *testServer {
	t.Helper()
	p, err := content.Load(scenario)
	if err != nil {
		t.Fatal(err)
	}
	table, err := NewTable(p, testSeed, bot.Normal, nil)
	if err != nil {
		t.Fatal(err)
	}
	return startServerWith(t, table, keyPath, edit)
}

// startServerWith serves a table made by the test.
func startServerWith(t *testing.T, table *Table, keyPath string, edit func(*Config)) *testServer {
	t.Helper()
	cfg := Config{HostKeyPath: keyPath, RoomCode: testCode, WrongCodeDelay: 200 * time.Millisecond, Theme: ui.ThemeMono}
	if edit != nil {
		edit(&cfg)
	}
	srv, err := New(table, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{srv: srv, table: table, addr: ln.Addr().String(), done: make(chan error, 1)}
	go func() { ts.done <- srv.Serve(ln) }()
	t.Cleanup(func() { ts.stop(t) })
	return ts
}

// stop shuts the server down (once).
func (ts *testServer) stop(t *testing.T) {
	if ts.done == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	_ = ts.srv.Shutdown(ctx)
	if err := <-ts.done; err != nil {
		t.Errorf("serve: %v", err)
	}
	ts.done = nil
}

// dial connects a client; hostKey, when set, receives the server's key.
func dial(t *testing.T, addr, user string, hostKey *gossh.PublicKey, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	if len(auth) == 0 {
		// A student without a key: a server that asks for something
		// asks nothing of them (keyboard-interactive, no question).
		auth = []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}
	}
	cfg := &gossh.ClientConfig{
		User: user,
		Auth: auth,
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			if hostKey != nil {
				*hostKey = k
			}
			return nil
		},
		Timeout: patience,
	}
	c, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// term is a player's terminal: an SSH session with a PTY.
type term struct {
	t      *testing.T
	name   string
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	mu     sync.Mutex
	out    bytes.Buffer
	mark   int // where the next wait starts reading
	closed chan struct{}
}

func connect(t *testing.T, addr, name string, w, h int) *term {
	t.Helper()
	return connectAs(t, addr, strings.ToLower(name), name, w, h)
}

// connectAs is connect as an SSH user, with the given ways to log in.
func connectAs(t *testing.T, addr, user, name string, w, h int, auth ...gossh.AuthMethod) *term {
	t.Helper()
	c := dial(t, addr, user, nil, auth...)
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, name: name, client: c, sess: s, closed: make(chan struct{})}
	if tm.in, err = s.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := s.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		// Like the ssh command, the client hangs up once its session
		// ends.
		defer c.Close()
		defer close(tm.closed)
		buf := make([]byte, 4096)
		for {
			n, err := out.Read(buf)
			tm.mu.Lock()
			tm.out.Write(buf[:n])
			tm.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { s.Close() })
	return tm
}

// squeeze is text with the escape sequences and every space taken out, so
// that a renderer's choice between spaces and cursor moves does not
// matter.
func squeeze(s string) string {
	return strings.Join(strings.Fields(ansi.Strip(s)), "")
}

// all is everything the server has written to this terminal.
func (tm *term) all() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

// waitFor waits until the screen shows text (spaces aside) after the last
// mark, and moves the mark past it.
func (tm *term) waitFor(text string) {
	tm.t.Helper()
	want := squeeze(text)
	deadline := time.Now().Add(patience)
	for {
		tm.mu.Lock()
		out := tm.out.String()
		if strings.Contains(squeeze(out[tm.mark:]), want) {
			// The mark moves to the end of the shortest output that
			// shows it, so that what the same frame shows next can be
			// waited for too.
			lo, hi := tm.mark, len(out)
			for lo < hi {
				mid := (lo + hi) / 2
				if strings.Contains(squeeze(out[tm.mark:mid]), want) {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			tm.mark = hi
			tm.mu.Unlock()
			return
		}
		tm.mu.Unlock()
		select {
		case <-tm.closed:
			tm.t.Fatalf("%s: the connection closed before %q appeared; the screen said:\n%s", tm.name, text, ansi.Strip(tm.all()[max(len(tm.all())-3000, 0):]))
		default:
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("%s: %q did not appear; the screen said:\n%s", tm.name, text, ansi.Strip(tm.all()[max(len(tm.all())-3000, 0):]))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// type sends keys as the terminal would.
func (tm *term) send(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(tm.in, k); err != nil {
			tm.t.Fatalf("%s: send %q: %v", tm.name, k, err)
		}
		time.Sleep(20 * time.Millisecond) // one key at a time, as a person types
	}
}

const (
	enter = "\r"
	down  = "\x1b[B"
	space = " "
)

// seatPlayer connects a player, gives the room code and their name and
// takes the seat of actor a: before the game starts, they wait in the
// lobby (once it has, the caller waits for what it expects).
func seatPlayer(t *testing.T, ts *testServer, name string, a, w, h int) *term {
	t.Helper()
	tm := connect(t, ts.addr, name, w, h)
	tm.waitFor("Room code:")
	tm.send(strings.ToLower(testCode) + enter)
	tm.waitFor("Name:")
	tm.send(name + enter)
	tm.waitFor("choose a free seat")
	tm.send(string(rune('1' + a)))
	if !ts.table.Started() {
		tm.waitFor("Waiting for the host to start the game")
	}
	return tm
}

// begin starts the game (as the host does) and waits for the briefing on
// each seated player's screen.
func begin(t *testing.T, ts *testServer, players ...*term) {
	t.Helper()
	if !ts.table.Start() {
		t.Fatal("the game had started already")
	}
	for _, tm := range players {
		tm.waitFor("BRIEFING")
	}
}

// actionRow is the row of an action in an actor's Orders pane at the
// start of the game.
func actionRow(t *testing.T, sc *game.Scenario, actor int, action string) int {
	t.Helper()
	st, _ := sc.NewGame(testSeed)
	v := sc.View(&st, actor, false)
	var rows []int
	for _, op := range sc.Options(&v, actor, nil) {
		if len(rows) == 0 || rows[len(rows)-1] != op.Action {
			rows = append(rows, op.Action)
		}
	}
	i := slices.IndexFunc(rows, func(ai int) bool { return sc.Actions[ai].ID == action })
	if i < 0 {
		t.Fatalf("%s has no action %s", sc.Actors[actor].ID, action)
	}
	return i
}

func TestWrongRoomCodeIsRefused(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.WrongCodeDelay = 500 * time.Millisecond })
	tm := connect(t, ts.addr, "Eve", 80, 24)
	tm.waitFor("Room code:")
	tm.send("NOTIT" + enter)
	tm.waitFor("That is not the room code. Wait a moment")
	// During the pause what is typed is dropped: the right code typed at
	// once does not get in.
	tm.send(testCode + enter)
	time.Sleep(100 * time.Millisecond)
	if strings.Contains(squeeze(tm.all()), "Name:") {
		t.Fatal("a code typed during the pause after a wrong one was taken")
	}
	// After the pause the code is asked again, and the right one opens
	// the lobby.
	tm.waitFor("type it again")
	tm.send(testCode + enter)
	tm.waitFor("Name:")
	if n := len(ts.table.Seats()); n != 4 || ts.table.Seats()[0].Player != "" {
		t.Fatalf("nobody took a seat, yet the table says %+v", ts.table.Seats())
	}
}

func TestTooManyWrongCodesCloseTheConnection(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.WrongCodeDelay = 100 * time.Millisecond })
	tm := connect(t, ts.addr, "Eve", 80, 24)
	tm.waitFor("Room code:")
	for i := range maxCodeTries {
		if i > 0 {
			tm.waitFor("type it again")
		}
		tm.send("NOTIT" + enter)
	}
	select {
	case <-tm.closed:
	case <-time.After(patience):
		t.Fatalf("after %d wrong codes the connection is still open", maxCodeTries)
	}
	if strings.Contains(squeeze(tm.all()), "Name:") {
		t.Fatal("a wrong code opened the lobby")
	}
}

func TestSessionWithoutPTYIsRefused(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), nil)
	c := dial(t, ts.addr, "script", nil)
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	s.Stdout, s.Stderr = &out, &errOut
	err = s.Run("play")
	var exit *gossh.ExitError
	if !errorsAs(err, &exit) || exit.ExitStatus() != 1 {
		t.Fatalf("a session without a terminal should end with status 1, got %v", err)
	}
	if got := out.String() + errOut.String(); got != noPTY()+"\n" {
		t.Fatalf("a session without a terminal should be told so in one line, got %q", got)
	}
}

func errorsAs(err error, target **gossh.ExitError) bool {
	e, ok := err.(*gossh.ExitError)
	if ok {
		*target = e
	}
	return ok
}

func TestSessionCap(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.MaxSessions = 1 })
	first := connect(t, ts.addr, "Ana", 80, 24)
	first.waitFor("Room code:")
	second := connect(t, ts.addr, "Bo", 80, 24)
	second.waitFor("The table is full")
	<-second.closed
	// The first is still served.
	first.send(testCode + enter)
	first.waitFor("Name:")
}

func TestHostKeyIsKeptAcrossRestarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "serve", "host_ed25519")
	var before, after gossh.PublicKey
	ts := startServer(t, path, nil)
	dial(t, ts.addr, "ana", &before).Close()
	fp := ts.srv.Fingerprint()
	ts.stop(t)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("the host key was not kept: %v", err)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("the host key is readable by others: %v", perm)
	}
	ts = startServer(t, path, nil)
	dial(t, ts.addr, "ana", &after).Close()
	if before == nil || after == nil || !bytes.Equal(before.Marshal(), after.Marshal()) {
		t.Fatal("the server presented another host key after a restart")
	}
	if fp == "" || ts.srv.Fingerprint() != fp || fp != gossh.FingerprintSHA256(after) {
		t.Fatalf("fingerprints: %q before, %q after, key %q", fp, ts.srv.Fingerprint(), gossh.FingerprintSHA256(after))
	}
}

// TestTwoPlayersPlayTwoTurns seats Ana at Washington and Bo at Beijing,
// each at their own terminal; Bo gives two covert orders. Each turn
// resolves once both have submitted, with both players' orders, and
// nothing Ana's terminal was ever sent names Bo's covert orders.
func TestTwoPlayersPlayTwoTurns(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), nil)
	sc := ts.table.Scenario()
	wa, _ := sc.ActorIndex("washington")
	bj, _ := sc.ActorIndex("beijing")
	covert := []string{"stockpile_chips", "grey_market_chips"}

	ana := seatPlayer(t, ts, "Ana", wa, 100, 30)
	bo := seatPlayer(t, ts, "Bo", bj, 80, 24)
	if n := ts.table.Turns(); n != 0 || ts.table.Started() {
		t.Fatalf("the game began before the host started it")
	}
	begin(t, ts, ana, bo)
	if s := ts.table.Seats(); s[wa].Player != "Ana" || s[bj].Player != "Bo" || !s[wa].Connected || !s[bj].Connected {
		t.Fatalf("seats: %+v", s)
	}

	// Ana: the briefing, then one order, and submit.
	ana.send(enter)
	ana.waitFor("[1 Orders]")
	for range actionRow(t, sc, wa, "tighten_controls") {
		ana.send(down)
	}
	ana.send(space)
	ana.waitFor("In your orders")
	ana.send("E")
	ana.waitFor("End turn 1")
	ana.send("y")
	ana.waitFor("YOUR ORDERS ARE IN")
	ana.waitFor("Beijing (Bo) … giving orders")
	if n := ts.table.Turns(); n != 0 {
		t.Fatalf("the turn resolved before Bo submitted (%d turns)", n)
	}

	// Bo: two covert orders, and submit.
	bo.send(enter)
	bo.waitFor("[1 Orders]")
	at := 0
	for i, id := range covert {
		row := actionRow(t, sc, bj, id)
		for ; at < row; at++ {
			bo.send(down)
		}
		bo.send(space)
		bo.waitFor(fmt.Sprintf("%d of 3 AP left", 2-i))
	}
	bo.send("E")
	bo.waitFor("End turn 1")
	bo.send("y")

	ana.waitFor("Turn 1 of 6 resolved")
	bo.waitFor("Turn 1 of 6 resolved")
	bo.waitFor("(covert)") // its own covert orders are in its own report

	ts.table.mu.Lock()
	if len(ts.table.m.Turns) != 1 {
		t.Fatalf("%d turns resolved, want 1", len(ts.table.m.Turns))
	}
	orders := ts.table.m.Turns[0].Orders
	secret := map[string]bool{}
	for _, id := range covert {
		ai, _ := sc.ActionIndex(id)
		if !slices.ContainsFunc(orders, func(o game.Order) bool { return o.Actor == "beijing" && o.Action == id }) {
			t.Errorf("Bo's order %s was not resolved: %v", id, orders)
		}
		secret[sc.Actions[ai].Name] = true
		for _, c := range ts.table.m.State().Covert {
			if c.Actor == bj && c.Action == ai && c.Exposed != 0 {
				delete(secret, sc.Actions[ai].Name) // it came to light: public now
			}
		}
	}
	if !slices.ContainsFunc(orders, func(o game.Order) bool { return o.Actor == "washington" && o.Action == "tighten_controls" }) {
		t.Errorf("Ana's order was not resolved: %v", orders)
	}
	ts.table.mu.Unlock()
	if len(secret) == 0 {
		t.Fatalf("seed %d: both covert orders came to light; pick a seed that keeps one secret", testSeed)
	}
	seen := squeeze(ana.all())
	for name := range secret {
		if strings.Contains(seen, squeeze(name)) {
			t.Errorf("Ana's terminal was sent Beijing's covert order %q", name)
		}
		if !strings.Contains(squeeze(bo.all()), squeeze(name)) {
			t.Errorf("Bo's terminal never showed his own order %q: the check above proves nothing", name)
		}
	}

	// Both go on to turn 2 on their own dashboards, and play it: Bo
	// first this time.
	ana.send(enter)
	ana.waitFor("Turn 2/6")
	bo.send(enter)
	bo.waitFor("Turn 2/6")
	bo.send("E")
	bo.waitFor("End turn 2")
	bo.send("y")
	bo.waitFor("Washington (Ana) … giving orders")
	ana.send("E")
	ana.waitFor("End turn 2")
	ana.send("y")
	ana.waitFor("Turn 2 of 6 resolved")
	bo.waitFor("Turn 2 of 6 resolved")
	if n := ts.table.Turns(); n != 2 {
		t.Fatalf("%d turns resolved, want 2", n)
	}
	// Nothing since has told Ana what stays secret.
	var exposed []string
	ts.table.mu.Lock()
	for _, c := range ts.table.m.State().Covert {
		if c.Actor == bj && c.Exposed != 0 && secret[sc.Actions[c.Action].Name] {
			delete(secret, sc.Actions[c.Action].Name) // it came to light in turn 2
			exposed = append(exposed, sc.Actions[c.Action].Name)
		}
	}
	ts.table.mu.Unlock()
	// What came to light is news on Ana's screen: the same check sees
	// a name when it is there.
	for _, name := range exposed {
		if !strings.Contains(squeeze(ana.all()), squeeze(name)) {
			t.Errorf("Beijing's %q came to light in turn 2, but Ana's report never named it", name)
		}
	}
	if len(secret) == 0 {
		t.Fatalf("seed %d: both covert orders came to light by turn 2; pick a seed that keeps one secret", testSeed)
	}
	seen = squeeze(ana.all())
	for name := range secret {
		if strings.Contains(seen, squeeze(name)) {
			t.Errorf("by turn 2, Ana's terminal was sent Beijing's covert order %q", name)
		}
	}
}

// TestReconnectKeepsTheSeatAndOrders drops Ana's connection while she is
// composing her orders; she connects again, gives the same name, and is
// back at her seat with her orders in progress, without choosing a seat.
func TestReconnectKeepsTheSeatAndOrders(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), nil)
	sc := ts.table.Scenario()
	wa, _ := sc.ActorIndex("washington")
	ana := seatPlayer(t, ts, "Ana", wa, 80, 24)
	begin(t, ts, ana)
	ana.send(enter)
	ana.waitFor("[1 Orders]")
	ana.send(space)
	ana.waitFor("2 of 3 AP left")
	ana.client.Close() // the laptop drops off the network
	waitUntil(t, "Ana's seat is freed", func() bool { return !ts.table.Seats()[wa].Connected })
	if s := ts.table.Seats()[wa]; s.Player != "Ana" {
		t.Fatalf("the seat was not kept for Ana: %+v", s)
	}
	ts.table.mu.Lock()
	kept, human := len(ts.table.seats[wa].orders), ts.table.m.Seats[wa].Human
	ts.table.mu.Unlock()
	if kept != 1 || human {
		t.Fatalf("after the drop the seat keeps %d orders (want 1) and human=%v (want a bot's seat until she returns)", kept, human)
	}

	back := connect(t, ts.addr, "Ana", 80, 24)
	back.waitFor("Room code:")
	back.send(testCode + enter)
	back.waitFor("Name:")
	back.send("ana" + enter) // names are matched without regard to case
	back.waitFor("2 of 3 AP left")
	if strings.Contains(squeeze(back.all()), squeeze("choose a free seat")) {
		t.Error("a returning player was asked to choose a seat")
	}
	if s := ts.table.Seats()[wa]; !s.Connected || s.Player != "Ana" {
		t.Fatalf("Ana is not back at her seat: %+v", s)
	}
	// A second connection giving the same name is refused while she is
	// here.
	twin := connect(t, ts.addr, "Ana", 80, 24)
	twin.waitFor("Room code:")
	twin.send(testCode + enter)
	twin.waitFor("Name:")
	twin.send("Ana" + enter)
	twin.waitFor("Ana is at the table already")
}

// TestShutdownTellsPlayersAndEndsEverySession stops the server with
// players in the lobby and at the table: each is told why, every
// connection ends, and the goroutines of the sessions are gone.
func TestShutdownTellsPlayersAndEndsEverySession(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), nil)
	warmUp(t, ts)
	base := runtime.NumGoroutine() - 1 // the server's accepting goroutine ends too
	ana := seatPlayer(t, ts, "Ana", 0, 80, 24)
	begin(t, ts, ana)
	lobby := connect(t, ts.addr, "Bo", 80, 24)
	lobby.waitFor("Room code:")
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	if err := ts.srv.ShutdownSaying(ctx, "The host stopped the table."); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if err := <-ts.done; err != nil {
		t.Fatal(err)
	}
	ts.done = nil
	for _, tm := range []*term{ana, lobby} {
		select {
		case <-tm.closed:
		case <-time.After(patience):
			t.Fatalf("%s: the connection is still open after the shutdown", tm.name)
		}
		tm.waitFor("The host stopped the table.")
	}
	waitUntil(t, "the sessions' goroutines end", func() bool { return runtime.NumGoroutine() <= base })
}

// warmUp opens and closes one session, so that what the process starts
// once for good (the signal handler of the first program) is counted in
// the baseline of goroutines.
func warmUp(t *testing.T, ts *testServer) {
	t.Helper()
	tm := connect(t, ts.addr, "warm-up", 80, 24)
	tm.waitFor("Room code:")
	tm.client.Close()
	waitUntil(t, "the warm-up session ends", func() bool { return ts.srv.Sessions() == 0 })
}

// waitUntil polls cond until it holds.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !cond() {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("waited in vain until %s; goroutines:\n%s", what, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestFortySessions is the load test: 40 sessions at once on a table of
// the full game: 8 players take every seat and play a turn, 16 spectators
// watch it (half by the user name spectate, half by choosing to watch in
// the lobby), a facilitator-less host starts the game, and 16 more wait in
// the lobby. Once they all leave, the server's goroutines are back to
// what they were before the first connected, and its heap close to it.
// The figures are logged (go test -v -run TestFortySessions ./serve).
func TestFortySessions(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test is long")
	}
	const sessions, spectators = 40, 16
	ts := startServerOn(t, "race2025", filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.Burst = sessions + 1 })
	sc := ts.table.Scenario()
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	warmUp(t, ts)
	baseG, baseHeap := runtime.NumGoroutine(), heap()

	seated := len(sc.Actors)
	var terms []*term
	for i := range sessions {
		if i >= seated && i < seated+spectators/2 {
			terms = append(terms, connectAs(t, ts.addr, SpectatorUser, fmt.Sprintf("S%02d", i+1), 100, 30))
		} else {
			terms = append(terms, connect(t, ts.addr, fmt.Sprintf("P%02d", i+1), 100, 30))
		}
	}
	// The first eight take every seat, the next sixteen watch, the rest
	// wait in the lobby.
	for i, tm := range terms {
		tm.waitFor("Room code:")
		tm.send(testCode + enter)
		switch {
		case i < seated:
			tm.waitFor("Name:")
			tm.send(tm.name + enter)
			tm.waitFor("choose a free seat")
			tm.send(string(rune('1' + i)))
			tm.waitFor("Waiting for the host to start the game")
		case i < seated+spectators/2:
			tm.waitFor("WATCHING")
		case i < seated+spectators:
			tm.waitFor("Name:")
			tm.send(tm.name + enter)
			tm.waitFor("every seat is taken")
			tm.send("w")
			tm.waitFor("WATCHING")
		default:
			tm.waitFor("Name:")
			tm.send(tm.name + enter)
			tm.waitFor("every seat is taken")
		}
	}
	if n := ts.srv.Sessions(); n != sessions {
		t.Fatalf("%d sessions open, want %d", n, sessions)
	}
	begin(t, ts, terms[:seated]...)
	peakG, peakHeap := runtime.NumGoroutine(), heap()
	for _, tm := range terms[:seated] {
		tm.send(enter)
		tm.waitFor("[1 Orders]")
		tm.send("E")
		tm.waitFor("End turn 1")
		tm.send("y")
	}
	for _, tm := range terms[:seated] {
		tm.waitFor("Turn 1 of 12 resolved")
	}
	for _, tm := range terms[seated : seated+spectators] {
		tm.waitFor("What everyone did in")
	}
	peakG, peakHeap = max(peakG, runtime.NumGoroutine()), max(peakHeap, heap())
	for _, tm := range terms {
		tm.client.Close()
	}
	waitUntil(t, "every session ends", func() bool { return ts.srv.Sessions() == 0 })
	waitUntil(t, "the sessions' goroutines end", func() bool { return runtime.NumGoroutine() <= baseG })
	// The heap gets the same patience as the goroutines: what other tests'
	// servers still hold while they wind down is let go in its own time.
	limit := baseHeap + (peakHeap-baseHeap)/4
	afterHeap := heap()
	for deadline := time.Now().Add(patience); afterHeap > limit && time.Now().Before(deadline); afterHeap = heap() {
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("%d sessions (%d seated, %d spectators, %d in the lobby; one turn played): goroutines %d before, %d with them, %d after; heap %.1f MB before, %.1f MB with them, %.1f MB after",
		sessions, seated, spectators, sessions-seated-spectators, baseG, peakG, runtime.NumGoroutine(), mb(baseHeap), mb(peakHeap), mb(afterHeap))
	// The table keeps one more turn of the match; the sessions keep
	// nothing.
	if afterHeap > limit {
		t.Errorf("the heap did not come back down after the sessions left: %.1f MB before, %.1f MB with them, %.1f MB after", mb(baseHeap), mb(peakHeap), mb(afterHeap))
	}
	ts.table.mu.Lock()
	defer ts.table.mu.Unlock()
	if len(ts.table.watchers) != 0 || len(ts.table.facils) != 0 {
		t.Errorf("the table still lists %d spectators and %d facilitators", len(ts.table.watchers), len(ts.table.facils))
	}
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

func TestAuthorizedKeys(t *testing.T) {
	signer := func() gossh.Signer {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		s, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	known, unknown := signer(), signer()
	path := filepath.Join(t.TempDir(), "authorized_keys")
	body := "# the class\n\n" + string(gossh.MarshalAuthorizedKey(known.PublicKey()))
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.AuthorizedKeys = path })
	connectWith := func(s gossh.Signer) (*gossh.Client, error) {
		return gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
			User: "ana", Auth: []gossh.AuthMethod{gossh.PublicKeys(s)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: patience,
		})
	}
	c, err := connectWith(known)
	if err != nil {
		t.Fatalf("a listed key was refused: %v", err)
	}
	c.Close()
	if c, err := connectWith(unknown); err == nil {
		c.Close()
		t.Fatal("a key not listed was let in")
	}
	// Without any key: refused too.
	if c, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{User: "ana", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: patience}); err == nil {
		c.Close()
		t.Fatal("a client without a key was let in")
	}

	// A file that is not an authorized_keys file is refused at start,
	// with the line.
	bad := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(bad, []byte(body+"not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p, _ := content.Load("flashpoint")
	table, _ := NewTable(p, 1, bot.Normal, nil)
	_, err = New(table, Config{HostKeyPath: filepath.Join(t.TempDir(), "k"), RoomCode: "X", AuthorizedKeys: bad})
	if err == nil || !strings.Contains(err.Error(), bad+":4:") {
		t.Fatalf("a bad line should be reported with its number, got %v", err)
	}
}

func TestRateLimitPerAddress(t *testing.T) {
	now := time.Unix(1000, 0)
	l := newLimiter(3, time.Second, func() time.Time { return now })
	for i := range 3 {
		if !l.allow("10.0.0.1") {
			t.Fatalf("connection %d within the burst was refused", i+1)
		}
	}
	if l.allow("10.0.0.1") {
		t.Fatal("a connection past the burst was allowed")
	}
	if !l.allow("10.0.0.2") {
		t.Fatal("another address was refused")
	}
	now = now.Add(time.Second)
	if !l.allow("10.0.0.1") || l.allow("10.0.0.1") {
		t.Fatal("a second later, exactly one more connection should be allowed")
	}

	// Over SSH: the refused session is told why.
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.Burst, c.Every = 1, time.Hour })
	first := connect(t, ts.addr, "Ana", 80, 24)
	first.waitFor("Room code:")
	second := connect(t, ts.addr, "Bo", 80, 24)
	second.waitFor("Too many connections from your computer")
	<-second.closed
}

// TestIdleSessionIsClosed leaves a seated player without a key pressed
// longer than the idle timeout, while the keep-alive keeps the connection
// busy: the session is closed, says why, and the seat is kept.
func TestIdleSessionIsClosed(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) {
		c.IdleTimeout, c.KeepAlive = 2500*time.Millisecond, 100*time.Millisecond
	})
	tm := seatPlayer(t, ts, "Ana", 0, 80, 24)
	begin(t, ts, tm)
	select {
	case <-tm.closed:
	case <-time.After(patience):
		t.Fatal("an idle session stayed open")
	}
	tm.waitFor("Closed after 2.5s without a key pressed")
	waitUntil(t, "the idle session ends", func() bool { return ts.srv.Sessions() == 0 })
	if s := ts.table.Seats()[0]; s.Player != "Ana" || s.Connected {
		t.Fatalf("the seat after an idle close: %+v", s)
	}
}

// TestResumeFromSave saves a table with a turn played, one player's
// orders in progress and the other's submitted, sets a new table up from
// the save (as serve --resume does after a restart), and the first player
// comes back to their seat and orders by giving their name.
func TestResumeFromSave(t *testing.T) {
	st, err := saves.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p, _ := content.Load("flashpoint")
	table, err := NewTable(p, testSeed, bot.Normal, st)
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Scenario
	wa, _ := sc.ActorIndex("washington")
	bj, _ := sc.ActorIndex("beijing")
	ana, bo := newClient(func(tea.Msg) {}), newClient(func(tea.Msg) {})
	defer ana.stop()
	defer bo.stop()
	if _, err := table.join("Ana", wa, ana); err != nil {
		t.Fatal(err)
	}
	if _, err := table.join("Bo", bj, bo); err != nil {
		t.Fatal(err)
	}
	table.Start()
	table.submit(wa, ana, nil)
	table.submit(bj, bo, []game.Order{{Actor: "beijing", Action: "stockpile_chips"}})
	if table.Turns() != 1 {
		t.Fatalf("the turn did not resolve: %d turns", table.Turns())
	}
	pending := []game.Order{{Actor: "washington", Action: "tighten_controls"}}
	table.leave(wa, ana, pending, false) // Ana drops mid-turn; Bo is still composing
	if table.Turns() != 1 {
		t.Fatalf("the turn resolved while Bo was composing: %d turns", table.Turns())
	}
	where, err := table.Save()
	if err != nil || where == "" {
		t.Fatalf("save: %q %v", where, err)
	}
	entry, err := st.Newest()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ResumeTable(p, entry.Save, st)
	if err != nil {
		t.Fatal(err)
	}
	table.mu.Lock()
	wantHash, wantTurns := table.m.State().Hash(), len(table.m.Turns)
	table.mu.Unlock()
	if back.m.State().Hash() != wantHash || len(back.m.Turns) != wantTurns {
		t.Fatalf("the resumed table is at turn %d with another world", len(back.m.Turns))
	}
	seats := back.Seats()
	if seats[wa].Player != "Ana" || seats[bj].Player != "Bo" || seats[wa].Connected || seats[bj].Connected {
		t.Fatalf("the resumed seats: %+v", seats)
	}
	if got := back.seats[wa].orders; !slices.Equal(got, pending) {
		t.Fatalf("Ana's orders in progress after the resume: %v, want %v", got, pending)
	}

	ts := startServerWith(t, back, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.Autostart = true })
	tm := connect(t, ts.addr, "Ana", 80, 24)
	tm.waitFor("Room code:")
	tm.send(testCode + enter)
	tm.waitFor("Name:")
	tm.send("Ana" + enter)
	tm.waitFor("2 of 3 AP left") // her order in progress is there
	if s := back.Seats()[wa]; !s.Connected {
		t.Fatalf("Ana is not back at her seat: %+v", s)
	}
}

// freezer is a TCP relay to the server that can stop passing bytes
// without closing anything, like a laptop whose lid was shut.
type freezer struct {
	ln     net.Listener
	frozen chan struct{}
}

func newFreezer(t *testing.T, target string) *freezer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &freezer{ln: ln, frozen: make(chan struct{})}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				return
			}
			t.Cleanup(func() { c.Close(); s.Close() })
			go f.pipe(c, s)
			go f.pipe(s, c)
		}
	}()
	return f
}

// pipe copies until the relay freezes; then it holds what it read.
func (f *freezer) pipe(dst, src net.Conn) {
	buf := make([]byte, 32*1024)
	for {
		n, err := src.Read(buf)
		select {
		case <-f.frozen:
			return
		default:
		}
		if n > 0 {
			if _, err := dst.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// TestDeadConnectionFreesTheSeat shuts Ana's laptop (her connection stops
// answering, nothing is closed): the server notices, and she can take her
// seat back from a new connection.
func TestDeadConnectionFreesTheSeat(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.KeepAlive = 200 * time.Millisecond })
	relay := newFreezer(t, ts.addr)
	ana := seatPlayer(t, &testServer{srv: ts.srv, table: ts.table, addr: relay.ln.Addr().String()}, "Ana", 0, 80, 24)
	begin(t, ts, ana)
	close(relay.frozen)
	waitUntil(t, "the server notices the dead connection", func() bool { return !ts.table.Seats()[0].Connected })
	back := connect(t, ts.addr, "Ana", 80, 24)
	back.waitFor("Room code:")
	back.send(testCode + enter)
	back.waitFor("Name:")
	back.send("Ana" + enter)
	back.waitFor("BRIEFING")
	if !ts.table.Seats()[0].Connected {
		t.Fatal("Ana is not back at her seat")
	}
}

// TestGameToTheEnd plays a table to its end with two players, at the
// table itself: every turn resolves once both have submitted, and the
// copy of the finished match names both players, so that the end of the
// game lists them.
func TestGameToTheEnd(t *testing.T) {
	p, _ := content.Load("flashpoint")
	table, err := NewTable(p, testSeed, bot.Normal, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []tea.Msg
	var mu sync.Mutex
	ana := newClient(func(m tea.Msg) { mu.Lock(); got = append(got, m); mu.Unlock() })
	bo := newClient(func(tea.Msg) {})
	defer ana.stop()
	defer bo.stop()
	if _, err := table.join("Ana", 0, ana); err != nil {
		t.Fatal(err)
	}
	if _, err := table.join("Bo", 1, bo); err != nil {
		t.Fatal(err)
	}
	table.Start()
	for turn := 1; !table.m.Over(); turn++ {
		table.submit(0, ana, nil)
		if table.Turns() != turn-1 {
			t.Fatalf("turn %d resolved before Bo submitted", turn)
		}
		table.submit(1, bo, nil)
		if table.Turns() != turn {
			t.Fatalf("turn %d did not resolve once both submitted", turn)
		}
	}
	c := table.copyFor(0)
	if !c.Seats[0].Human || !c.Seats[1].Human || c.Seats[1].Name != "Bo" || c.Seats[2].Human {
		t.Fatalf("the finished copy's seats: %+v", c.Seats)
	}
	// Every turn reached Ana's screen, in order.
	waitUntil(t, "Ana's screen gets every turn", func() bool {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, m := range got {
			if tm, ok := m.(ui.TableTurnMsg); ok {
				n++
				if len(tm.Match.Turns) != n {
					t.Fatalf("turn messages out of order: #%d holds %d turns", n, len(tm.Match.Turns))
				}
			}
		}
		return n == table.Turns()
	})
	a := ui.New(ui.Options{Table: &ui.TableSeat{Pack: p, Match: c, Seat: 0}})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if s := ansi.Strip(a.View().Content); !strings.Contains(s, "Beijing (Bo)") || !strings.Contains(s, "Washington (Ana)") {
		t.Fatalf("the end of the game should list both players:\n%s", s)
	}
}

func TestSpan(t *testing.T) {
	for d, want := range map[time.Duration]string{30 * time.Minute: "30 minutes", time.Minute: "1 minute", 2 * time.Hour: "2 hours", 90 * time.Minute: "90 minutes", 2500 * time.Millisecond: "2.5s"} {
		if got := span(d); got != want {
			t.Errorf("span(%v) = %q, want %q", d, got, want)
		}
	}
}
