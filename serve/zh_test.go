package serve

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"zerosum/text"
)

// TestChineseLobbyOverSSH runs the server in Chinese (zerosum serve --lang
// zh: the language is the whole process's) and plays its lobby over a
// real SSH connection: the Chinese prompts arrive, a wrong room code is
// refused in Chinese, a player with a Chinese name takes a seat, and
// another player's seat list shows them. Every page of the lobby, with the
// longest name a player may give, fits the terminal (80 and 40 columns)
// and never starts a line with closing punctuation. A session without a
// terminal is refused in Chinese too.
func TestChineseLobbyOverSSH(t *testing.T) {
	text.SetLang("zh")
	t.Cleanup(func() { text.SetLang("en") })
	ts := startServer(t, filepath.Join(t.TempDir(), "host_ed25519"), func(c *Config) { c.WrongCodeDelay = 300 * time.Millisecond })

	ana := connect(t, ts.addr, "Ana", 80, 24)
	ana.waitFor("ZERO SUM · 共享对局")
	ana.waitFor("输入老师给你的房间码，然后按enter。")
	ana.waitFor("房间码：")
	ana.send("NOTIT" + enter)
	ana.waitFor("房间码不正确。请稍候")
	ana.waitFor("房间码不正确。请向老师询问后重新输入。")
	ana.send(strings.ToLower(testCode) + enter)
	ana.waitFor("名字：")
	ana.send("第一组小明" + enter)
	ana.waitFor("第一组小明，请选择一个空余席位")
	ana.send("2")
	ana.waitFor("第一组小明，你扮演北京。正在等待主办方开始游戏")
	if s := ts.table.Seats()[1]; s.Player != "第一组小明" || !s.Connected {
		t.Fatalf("the seat Ana took: %+v", s)
	}

	bo := connect(t, ts.addr, "Bo", 40, 20)
	bo.waitFor("房间码：")
	bo.send(testCode + enter)
	bo.waitFor("名字：")
	bo.send("第一组小明" + enter)
	bo.waitFor("第一组小明已在对局中，扮演北京：请换一个名字")
	for range len([]rune("第一组小明")) {
		bo.send("\x7f") // backspace
	}
	bo.send("李华" + enter)
	bo.waitFor("第一组小明（已连接，等待参与）")
	bo.waitFor("3个空余席位 · 游戏尚未开始")

	// Every page of the lobby fits the terminal, in cells.
	long := strings.Repeat("长", MaxNameLen)
	for _, w := range []int{80, 40} {
		for _, ph := range []phase{askCode, codeWait, askName, askSeat, seated, facLobby} {
			p := &player{srv: ts.srv, phase: ph, name: long, seat: 1, width: w, height: 24,
				input: strings.Repeat("字", 40), note: sentence(errors.New(text.F("%s holds that seat: choose a free one", long)))}
			frame := p.lobby()
			if !strings.Contains(frame, "共享对局") {
				t.Fatalf("the lobby is not in Chinese:\n%s", frame)
			}
			for i, l := range strings.Split(ansi.Strip(frame), "\n") {
				if n := text.Width(l); n > w {
					t.Errorf("phase %d at %d columns: line %d is %d cells wide: %q", ph, w, i+1, n, l)
				}
				if r := []rune(strings.TrimLeft(l, " ")); len(r) > 0 && strings.ContainsRune("，。、；：？！）", r[0]) {
					t.Errorf("phase %d at %d columns: line %d starts with closing punctuation: %q", ph, w, i+1, l)
				}
			}
		}
	}

	// A session without a terminal is told so in Chinese, in one line.
	c := dial(t, ts.addr, "script", nil)
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	s.Stdout, s.Stderr = &out, &errOut
	err = s.Run("play")
	if got := out.String() + errOut.String(); got != "zerosum serve需要交互式终端：请用ssh -t -p PORT HOST连接\n" {
		t.Fatalf("a session without a terminal was told %q (%v)", got, err)
	}

	// Durations in Chinese (the idle-timeout notice).
	for d, want := range map[time.Duration]string{30 * time.Minute: "30分钟", time.Hour: "1小时", 2500 * time.Millisecond: "2.5s"} {
		if got := span(d); got != want {
			t.Errorf("span(%v) in Chinese = %q, want %q", d, got, want)
		}
	}
}
