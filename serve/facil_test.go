package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/saves"
	"zerosum/ui"
)

const (
	up    = "\x1b[A"
	right = "\x1b[C"
	left  = "\x1b[D"
)

// facilitatorKey makes a facilitator's key and the authorized_keys file
// that lists it.
func facilitatorKey(t *testing.T) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "facilitators")
	if err := os.WriteFile(path, gossh.MarshalAuthorizedKey(s.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// spectate connects a spectator (ssh spectate@HOST) and gives the room
// code.
func spectate(t *testing.T, ts *testServer, w, h int) *term {
	t.Helper()
	tm := connectAs(t, ts.addr, SpectatorUser, "spectator", w, h)
	tm.waitFor("Room code:")
	tm.send(testCode + enter)
	tm.waitFor("WATCHING")
	return tm
}

// secretCovert are the names of the covert orders of actor a resolved so
// far that have not come to light.
func secretCovert(ts *testServer, a int) map[string]bool {
	ts.table.mu.Lock()
	defer ts.table.mu.Unlock()
	sc := ts.table.pack.Scenario
	out := map[string]bool{}
	for _, c := range ts.table.m.State().Covert {
		if c.Actor == a && c.Exposed == 0 {
			out[sc.Actions[c.Action].Name] = true
		}
	}
	for _, c := range ts.table.m.State().Covert {
		if c.Actor == a && c.Exposed != 0 {
			delete(out, sc.Actions[c.Action].Name)
		}
	}
	return out
}

// availableRow is the row, in an actor's Orders pane now, of the first
// action it may take.
func availableRow(t *testing.T, ts *testServer, actor int) int {
	t.Helper()
	ts.table.mu.Lock()
	defer ts.table.mu.Unlock()
	sc := ts.table.pack.Scenario
	v := sc.View(ts.table.m.State(), actor, false)
	var rows []int
	for _, op := range sc.Options(&v, actor, nil) {
		if len(rows) == 0 || rows[len(rows)-1] != op.Action {
			rows = append(rows, op.Action)
			if op.Available {
				return len(rows) - 1
			}
		}
	}
	t.Fatalf("%s may take no action", sc.Actors[actor].ID)
	return -1
}

// waitFac waits until the table's facilitator settings satisfy cond.
func waitFac(t *testing.T, ts *testServer, what string, cond func(facSettings) bool) {
	t.Helper()
	waitUntil(t, what, func() bool {
		ts.table.mu.Lock()
		defer ts.table.mu.Unlock()
		return cond(ts.table.fac)
	})
}

// TestFacilitatorAndSpectatorOverSSH plays two turns with two players, a
// facilitator and a spectator, all over SSH. The facilitator starts the
// game, pauses (the turn waits though every order is in), queues news
// (both players read it), lets the turn resolve, sets the timer (the
// second turn resolves when it runs out, with the players' orders as they
// stood), reveals and exports the debrief. Neither the other player's nor
// the spectator's terminal ever receives a covert order that stayed
// secret, and the spectator sees the public view turn by turn.
func TestFacilitatorAndSpectatorOverSSH(t *testing.T) {
	signer, keys := facilitatorKey(t)
	st, err := saves.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p, _ := content.Load("flashpoint")
	table, err := NewTable(p, testSeed, bot.Normal, st)
	if err != nil {
		t.Fatal(err)
	}
	table.minute, table.grace = 3*time.Second, time.Second
	ts := startServerWith(t, table, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.FacilitatorKeys = keys })
	sc := table.Scenario()
	wa, _ := sc.ActorIndex("washington")
	bj, _ := sc.ActorIndex("beijing")
	covert := []string{"stockpile_chips", "grey_market_chips"}

	// Without the key, the name facilitator gets nobody in.
	if _, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{User: FacilitatorUser, HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}}); err == nil {
		t.Fatal("the user facilitator got in without a facilitator's key")
	}

	fac := connectAs(t, ts.addr, FacilitatorUser, "facilitator", 100, 40, gossh.PublicKeys(signer))
	fac.waitFor("the game has not started")
	fac.waitFor("Room code: " + testCode)
	ana := seatPlayer(t, ts, "Ana", wa, 100, 30)
	bo := seatPlayer(t, ts, "Bo", bj, 80, 24)
	spec := spectate(t, ts, 100, 40)
	spec.waitFor("The game has not started")
	if ts.table.Started() {
		t.Fatal("the game started before the facilitator started it")
	}

	// The facilitator starts the game, and turns pausing on.
	fac.send("s")
	fac.waitFor("not for the players' eyes")
	ana.waitFor("BRIEFING")
	bo.waitFor("BRIEFING")
	// (The screen redraws only the cells that change: what a row says is
	// checked on the table.)
	fac.send(down, enter)
	waitFac(t, ts, "the table pauses", func(f facSettings) bool { return f.pause })

	// Custom news, queued for this turn.
	fac.send(down, down, down, enter)
	fac.waitFor("Write custom news")
	fac.send("Hotline opens across the Strait" + enter)
	fac.send("tension=-2" + enter)
	fac.waitFor("Queued:")
	waitFac(t, ts, "the table queues the news", func(f facSettings) bool { return len(f.inject) == 1 })

	// Both players hand in their orders: Ana one, Bo two covert ones.
	ana.send(enter)
	ana.waitFor("[1 Orders]")
	for range actionRow(t, sc, wa, "tighten_controls") {
		ana.send(down)
	}
	for range availableRow(t, ts, wa) {
		ana.send(down)
	}
	ana.send(space)
	ana.waitFor("In your orders")
	ana.send("E")
	ana.waitFor("End turn 1")
	ana.send("y")
	ana.waitFor("YOUR ORDERS ARE IN")
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
	bo.waitFor("YOUR ORDERS ARE IN")

	// Paused: every order is in, and the turn waits for the facilitator.
	fac.waitFor("ALL ORDERS ARE IN")
	if n := ts.table.Turns(); n != 0 {
		t.Fatalf("the turn resolved while paused (%d turns)", n)
	}
	spec.waitFor("✓ orders in") // the table as the spectator sees it

	// Pausing off: the turn resolves, with the news.
	fac.send(up, up, up, enter)
	waitFac(t, ts, "the pause is off", func(f facSettings) bool { return !f.pause })
	ana.waitFor("Turn 1 of 6 resolved")
	bo.waitFor("Turn 1 of 6 resolved")
	ana.send("G") // the news closes the report
	bo.send("G")
	ana.waitFor("Hotline opens across the Strait")
	bo.waitFor("Hotline opens across the Strait")
	spec.waitFor("What everyone did in")
	spec.waitFor("Hotline opens across the Strait")
	ts.table.mu.Lock()
	if tn := ts.table.m.Turns[0]; len(tn.Inject) != 1 || tn.Inject[0].Headline != "Hotline opens across the Strait" {
		t.Errorf("the turn's news: %+v", tn.Inject)
	}
	ts.table.mu.Unlock()

	// The timer: one (short) minute, set with the turn under way; nobody
	// submits, and the turn resolves when it runs out, each player's
	// orders going in as they stood (Ana has one in progress).
	bo.send(enter)
	bo.waitFor("Turn 2/6")
	ana.send(enter)
	ana.waitFor("Turn 2/6")
	for range availableRow(t, ts, wa) {
		ana.send(down)
	}
	ana.send(space)
	ana.waitFor("In your orders")
	fac.send(down, right)
	waitFac(t, ts, "the timer is set", func(f facSettings) bool { return f.minutes == 1 })
	ana.waitFor("left")
	ana.waitFor("Turn 2 of 6 resolved")
	bo.waitFor("Turn 2 of 6 resolved")
	// The timer off again, before the third turn runs out.
	fac.send(left)
	waitFac(t, ts, "the timer is off", func(f facSettings) bool { return f.minutes == 0 })
	ts.table.mu.Lock()
	var anas []game.Order
	for _, o := range ts.table.m.Turns[1].Orders {
		if o.Actor == "washington" {
			anas = append(anas, o)
		}
	}
	ts.table.mu.Unlock()
	if len(anas) != 1 {
		t.Errorf("when the time ran out, Ana's order in progress should have gone in: %v", anas)
	}

	// Nobody else's terminal received Beijing's covert orders that stayed
	// secret; Bo's own did, and so does the facilitator's reveal.
	secret := secretCovert(ts, bj)
	if len(secret) == 0 {
		t.Fatalf("seed %d: every covert order came to light; pick a seed that keeps one secret", testSeed)
	}
	fac.send(down, down, down, down, down, enter)
	fac.waitFor("THE FACILITATOR'S VIEW")
	fac.send("G") // every covert action closes the page
	for name := range secret {
		fac.waitFor(name)
		for _, tm := range []*term{ana, spec} {
			if strings.Contains(squeeze(tm.all()), squeeze(name)) {
				t.Errorf("%s's terminal was sent Beijing's secret covert order %q", tm.name, name)
			}
		}
		if !strings.Contains(squeeze(bo.all()), squeeze(name)) {
			t.Errorf("Bo's terminal never showed his own order %q: the check above proves nothing", name)
		}
	}
	// The spectator never had a real hidden number's heading; one who
	// comes now sees the third turn (a whole screen: the first one's
	// screen is redrawn only where it changes).
	ts.table.mu.Lock()
	n, over := len(ts.table.m.Turns), ts.table.m.Over()
	ts.table.mu.Unlock()
	if n != 2 || over {
		t.Fatalf("%d turns resolved (over: %v), want 2 and a game going on", n, over)
	}
	late := spectate(t, ts, 100, 40)
	late.waitFor("Turn 3 of 6")
	if s := squeeze(spec.all()); strings.Contains(s, squeeze("Every actor's real numbers")) || strings.Contains(s, squeeze("Covert actions so far")) {
		t.Error("the spectator was shown the facilitator's full view")
	}

	// Export: the debrief is written to the data folder.
	fac.send("e")
	fac.waitFor("Debrief report written to")
	reports, _ := filepath.Glob(filepath.Join(st.Dir, "reports", "*.md"))
	if len(reports) != 1 {
		t.Fatalf("reports written: %v", reports)
	}
	if data, _ := os.ReadFile(reports[0]); !slices.ContainsFunc(strings.Split(string(data), "\n"), func(l string) bool { return strings.Contains(l, "Ana") }) {
		t.Errorf("the debrief does not name Ana:\n%s", data)
	}
}

// TestLateJoinerPlaysFromTheNextTurn starts the game with one player; a
// second arrives during the first turn, waits in the lobby while her
// seat's bot plays it, and plays from the second turn, which waits for
// her.
func TestLateJoinerPlaysFromTheNextTurn(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.Autostart = true })
	sc := ts.table.Scenario()
	wa, _ := sc.ActorIndex("washington")
	bj, _ := sc.ActorIndex("beijing")
	ana := seatPlayer(t, ts, "Ana", wa, 80, 24) // nobody plays yet: she plays at once
	ana.waitFor("BRIEFING")
	cy := seatPlayer(t, ts, "Cy", bj, 80, 24)
	cy.waitFor("you play Beijing from the next turn")
	if s := ts.table.Seats()[bj]; s.Player != "Cy" || !s.Waiting {
		t.Fatalf("Cy's seat: %+v", s)
	}
	ts.table.mu.Lock()
	human := ts.table.m.Seats[bj].Human
	ts.table.mu.Unlock()
	if human {
		t.Fatal("the late joiner's seat left its bot in the middle of the turn")
	}
	// Turn 1 resolves with Ana's orders alone.
	ana.send(enter)
	ana.waitFor("[1 Orders]")
	ana.send("E", "y")
	ana.waitFor("Turn 1 of 6 resolved")
	cy.waitFor("Turn 2/6")
	if s := ts.table.Seats()[bj]; s.Waiting || !s.Connected {
		t.Fatalf("Cy's seat after turn 1: %+v", s)
	}
	// Turn 2 waits for Cy.
	ana.send(enter)
	ana.waitFor("Turn 2/6")
	ana.send("E", "y")
	ana.waitFor("Beijing (Cy) … giving orders")
	if n := ts.table.Turns(); n != 1 {
		t.Fatalf("turn 2 resolved before Cy submitted (%d turns)", n)
	}
	cy.send("E", "y")
	cy.waitFor("Turn 2 of 6 resolved")
	ana.waitFor("Turn 2 of 6 resolved")
}

// TestTableResolvesAsTheMatchDoes plays a game at the table, the bots
// choosing outside its lock, a late player taking a seat from the second
// turn and the facilitator's news in the third, and the same game with
// match.PlayWith: every turn's state is the same (hard bots included).
func TestTableResolvesAsTheMatchDoes(t *testing.T) {
	p, _ := content.Load("flashpoint")
	sc := p.Scenario
	table, err := NewTable(p, testSeed, bot.Hard, nil)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := NewTable(p, testSeed, bot.Hard, nil) // its match, played directly
	if err != nil {
		t.Fatal(err)
	}
	m := ref.m
	wa, _ := sc.ActorIndex("washington")
	bj, _ := sc.ActorIndex("beijing")
	ana, cy := newClient(func(tea.Msg) {}), newClient(func(tea.Msg) {})
	defer ana.stop()
	defer cy.stop()
	if _, err := table.join("Ana", wa, ana); err != nil {
		t.Fatal(err)
	}
	table.Start()
	news, err := sc.ParseInjection("news:Hotline opens|tension=-1")
	if err != nil {
		t.Fatal(err)
	}
	orders := []game.Order{{Actor: "washington", Action: "net_assessment"}}
	for turn := 1; turn <= 3; turn++ {
		human := map[int][]game.Order{wa: orders}
		var inject []game.Injection
		switch turn {
		case 1:
			if active, err := table.join("Cy", bj, cy); err != nil || active {
				t.Fatalf("Cy joining mid-turn: active %v, %v", active, err)
			}
		case 2:
			human[bj] = nil
			m.Seats[bj].Human = true
			table.submit(bj, cy, nil)
		case 3:
			human[bj] = nil
			table.submit(bj, cy, nil)
			inject = []game.Injection{news}
			table.setFacil(false, 0, inject)
		}
		m.Seats[wa].Human = true
		if _, err := m.PlayWith(human, inject); err != nil {
			t.Fatal(err)
		}
		table.submit(wa, ana, orders)
		waitUntil(t, fmt.Sprintf("turn %d resolves", turn), func() bool { return table.Turns() == turn })
		table.mu.Lock()
		got, want := table.m.State().Hash(), m.State().Hash()
		table.mu.Unlock()
		if got != want {
			t.Fatalf("turn %d: the table's world differs from the match's", turn)
		}
	}
}

// TestNoFacilitatorWithoutKeys refuses the user name facilitator on a
// table that names no facilitator's key.
func TestNoFacilitatorWithoutKeys(t *testing.T) {
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), nil)
	tm := connectAs(t, ts.addr, FacilitatorUser, "facilitator", 80, 24)
	tm.waitFor("This table takes no facilitator over SSH")
	<-tm.closed
}

// TestResumeKeepsTheFacilitatorsSettings saves a table with pausing on,
// a timer and queued news, and sets it up again from the save.
func TestResumeKeepsTheFacilitatorsSettings(t *testing.T) {
	st, err := saves.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p, _ := content.Load("flashpoint")
	table, err := NewTable(p, testSeed, bot.Normal, st)
	if err != nil {
		t.Fatal(err)
	}
	news, err := p.Scenario.ParseInjection("news:Hotline opens|tension=-1")
	if err != nil {
		t.Fatal(err)
	}
	table.setFacil(true, 4, []game.Injection{news})
	if _, err := table.Save(); err != nil {
		t.Fatal(err)
	}
	entry, err := st.Newest()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ResumeTable(p, entry.Save, st)
	if err != nil {
		t.Fatal(err)
	}
	if f := back.fac; !f.pause || f.minutes != 4 || len(f.inject) != 1 || f.inject[0].Headline != "Hotline opens" {
		t.Fatalf("the resumed table's settings: %+v", f)
	}
}

// TestTimerWithPauseWaitsForTheFacilitator runs the timer out on a paused
// table whose only player's screen does not answer: the table asks the
// screen for its orders, gives up after the grace (the seat's bot will
// play the turn), and waits for the facilitator, who resolves it; the
// world is the one where the bot played that seat.
func TestTimerWithPauseWaitsForTheFacilitator(t *testing.T) {
	p, _ := content.Load("flashpoint")
	table, err := NewTable(p, testSeed, bot.Normal, nil)
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := NewTable(p, testSeed, bot.Normal, nil)
	table.minute, table.grace = 50*time.Millisecond, 50*time.Millisecond
	var mu sync.Mutex
	var got []tea.Msg
	ana := newClient(func(m tea.Msg) { mu.Lock(); got = append(got, m); mu.Unlock() })
	defer ana.stop()
	if _, err := table.join("Ana", 0, ana); err != nil {
		t.Fatal(err)
	}
	table.Start()
	table.setFacil(true, 1, nil)
	waitUntil(t, "the turn waits for the facilitator", func() bool {
		table.mu.Lock()
		defer table.mu.Unlock()
		return table.waiting
	})
	if n := table.Turns(); n != 0 {
		t.Fatalf("the timer resolved a paused turn (%d turns)", n)
	}
	mu.Lock()
	asked := slices.ContainsFunc(got, func(m tea.Msg) bool { _, ok := m.(ui.TableCollectMsg); return ok })
	clock := slices.ContainsFunc(got, func(m tea.Msg) bool { c, ok := m.(ui.TableClockMsg); return ok && !c.Deadline.IsZero() })
	mu.Unlock()
	if !asked || !clock {
		t.Fatalf("Ana's screen was sent the deadline (%v) and asked for her orders (%v)", clock, asked)
	}
	table.ResolveNow()
	waitUntil(t, "the facilitator resolves the turn", func() bool { return table.Turns() == 1 })
	if _, err := ref.m.Play(nil); err != nil {
		t.Fatal(err)
	}
	table.mu.Lock()
	defer table.mu.Unlock()
	if table.m.State().Hash() != ref.m.State().Hash() {
		t.Fatal("the overdue seat was not played by its bot")
	}
	if !table.m.Seats[0].Human {
		t.Fatal("Ana lost her seat to the bot for good")
	}
}
