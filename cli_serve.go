package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode"

	"zerosum/game/bot"
	"zerosum/serve"
)

// serveCmd hosts one table over SSH.
type serveCmd struct {
	Listen         string        `help:"The address to listen on, host:port (:2222 listens on every address)." default:":2222"`
	Scenario       string        `help:"Scenario id, or the path of a scenario file or folder." default:"${scenario}"`
	Seed           uint64        `help:"Seed of the game (default: a random one, printed at start)."`
	Difficulty     string        `help:"Difficulty of the bots in the seats nobody takes." default:"normal" enum:"easy,normal,hard"`
	Resume         string        `help:"Set the table up again from a save (a name such as last-good, or a file): its scenario, seed, turns and seats; players give their names again to take their seats back."`
	RoomCode       string        `name:"room-code" help:"The code players type before they take a seat (default: one generated and printed at start)."`
	MaxSessions    int           `name:"max-sessions" help:"The most connections open at once." default:"40"`
	AuthorizedKeys string        `name:"authorized-keys" type:"path" help:"Admit only the SSH keys this authorized_keys file lists (read at start); players then connect with their key."`
	IdleTimeout    time.Duration `name:"idle-timeout" help:"Close a connection after this long without a key pressed (0: never)." default:"30m"`
	// The facilitator and the start of the game.
	FacilitatorKeys string `name:"facilitator-keys" type:"path" help:"Admit as facilitator the SSH keys this authorized_keys file lists (read at start): ssh -p PORT facilitator@HOST with one of them opens the facilitator's screen."`
	Facilitator     bool   `help:"Open the facilitator's screen in this terminal while the server runs; leaving it stops the table."`
	Autostart       bool   `help:"Start the game at once: players take their seats as they come, a newcomer from the next turn. Otherwise the facilitator starts it, or the host by pressing enter here."`
}

func (c serveCmd) Run(e *env) error {
	d, err := bot.ParseDifficulty(c.Difficulty)
	if err != nil {
		return failf("%v", err)
	}
	if c.MaxSessions < 1 {
		return failf("--max-sessions must be at least 1")
	}
	if c.IdleTimeout < 0 {
		return failf("--idle-timeout cannot be negative")
	}
	code := strings.ToUpper(c.RoomCode)
	for _, r := range code {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) || r > unicode.MaxASCII {
			return failf("--room-code: use letters A to Z and digits only, so that every keyboard can type it")
		}
	}
	if code == "" {
		code = serve.RoomCode()
	}
	seed := c.Seed
	if seed == 0 {
		seed = randomSeed()
	}
	st, err := e.store()
	if err != nil {
		return failf("%v", err)
	}
	var table *serve.Table
	if c.Resume != "" {
		entry, err := st.Load(c.Resume)
		if err != nil {
			return failf("cannot resume %s: %s", c.Resume, because(c.Resume, err))
		}
		p, err := recordedScenario(entry.Save.Scenario, entry.Save.Source, entry.Save.ScenarioFiles)
		if err != nil {
			return failf("cannot resume %s: %v", c.Resume, err)
		}
		if table, err = serve.ResumeTable(p, entry.Save, st); err != nil {
			return failf("cannot resume %s: %v", c.Resume, err)
		}
		seed = entry.Save.Seed
	} else {
		p, err := loadScenario(c.Scenario)
		if err != nil {
			return failf("%v", err)
		}
		if table, err = serve.NewTable(p, seed, d, st); err != nil {
			return failf("%v", err)
		}
	}
	sc := table.Scenario()
	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return failf("cannot listen on %s: %v", c.Listen, err)
	}
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	var banner []string
	for _, h := range addresses(host) {
		banner = append(banner, fmt.Sprintf("Players type: ssh -p %s %s", port, h))
	}
	srv, err := serve.New(table, serve.Config{
		HostKeyPath:     filepath.Join(st.Dir, "serve", "host_ed25519"),
		RoomCode:        code,
		MaxSessions:     c.MaxSessions,
		IdleTimeout:     c.IdleTimeout,
		AuthorizedKeys:  c.AuthorizedKeys,
		FacilitatorKeys: c.FacilitatorKeys,
		Autostart:       c.Autostart,
		Banner:          banner,
		WrongCodeDelay:  serve.DefaultWrongCodeDelay,
		Theme:           theme(""),
	})
	if err != nil {
		ln.Close()
		return failf("%v", err)
	}
	fmt.Fprintf(e.stdout, "ZERO SUM table: %s, seed %d, turn %d of %d\n", sc.Title, seed, min(table.Turns()+1, sc.Turns), sc.Turns)
	fmt.Fprintf(e.stdout, "Listening on %s (host key %s)\n", ln.Addr(), srv.Fingerprint())
	fmt.Fprintf(e.stdout, "Room code: %s\n", code)
	for _, l := range banner {
		fmt.Fprintln(e.stdout, l)
	}
	if c.FacilitatorKeys != "" {
		fmt.Fprintf(e.stdout, "Facilitators type: ssh -p %s facilitator@HOST (with a key listed in %s)\n", port, c.FacilitatorKeys)
	}
	fmt.Fprintf(e.stdout, "Spectators type: ssh -p %s spectate@HOST\n", port)
	fmt.Fprintf(e.stdout, "Autosaves go to %s. Press ctrl+c to stop.\n", filepath.Join(st.Dir, "autosaves"))

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	left := make(chan error, 1)
	switch {
	case c.Facilitator:
		// The facilitator's screen takes this terminal; leaving it stops
		// the table.
		go func() { left <- srv.RunFacilitator() }()
	case table.Started():
		fmt.Fprintln(e.stdout, "The game has started: players take their seats as they come.")
	default:
		if c.FacilitatorKeys != "" {
			fmt.Fprintln(e.stdout, "The game starts when a facilitator starts it, or when you press enter here.")
		} else {
			fmt.Fprintln(e.stdout, "Press enter here to start the game once the players have taken their seats.")
		}
		go waitForEnter(e, table)
	}
	select {
	case err := <-done:
		if err != nil {
			return failf("the server stopped: %v", err)
		}
		return nil
	case <-sig:
	case err := <-left:
		if err != nil {
			fmt.Fprintf(e.stderr, "warning: the facilitator's screen failed: %v\n", err)
		}
		left = nil
	}
	fmt.Fprintln(e.stdout, "Stopping: saving the table and closing every connection.")
	where, err := table.Save()
	why := "The host stopped the table."
	if err != nil {
		fmt.Fprintf(e.stderr, "warning: the table could not be saved: %v\n", err)
	} else if where != "" {
		fmt.Fprintf(e.stdout, "Saved as %s.\n", where)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.ShutdownSaying(ctx, why)
	<-done
	if c.Facilitator && left != nil {
		<-left // the facilitator's screen gives the terminal back
	}
	return nil
}

// waitForEnter starts the game when the host presses enter in the
// server's terminal (or whatever line they type); it stops at the end of
// the input.
func waitForEnter(e *env, table *serve.Table) {
	sc := bufio.NewScanner(e.stdin)
	for sc.Scan() {
		if table.Start() {
			fmt.Fprintln(e.stdout, "The game has started: everyone seated opens their briefing.")
			return
		}
		if table.Started() {
			return
		}
	}
}

// addresses are the addresses players can reach the server at: the one
// it listens on, or, listening on every address, this computer's own
// (IPv4 first; loopback only when there is nothing else).
func addresses(host string) []string {
	if ip := net.ParseIP(host); ip == nil || !ip.IsUnspecified() {
		return []string{host}
	}
	var v4, v6 []string
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok || n.IP.IsLoopback() || n.IP.IsLinkLocalUnicast() {
				continue
			}
			if n.IP.To4() != nil {
				v4 = append(v4, n.IP.String())
			} else {
				v6 = append(v6, n.IP.String())
			}
		}
	}
	if out := append(v4, v6...); len(out) > 0 {
		return out
	}
	return []string{"127.0.0.1"}
}
