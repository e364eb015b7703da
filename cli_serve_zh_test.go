package main

import (
	"strings"
	"testing"

	"zerosum/text"
)

// TestServeRefusalsInChinese: zerosum serve --lang zh says what is wrong
// with its flags in Chinese, and in English without --lang.
func TestServeRefusalsInChinese(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	for _, c := range []struct {
		args   []string
		zh, en string
	}{
		{[]string{"--max-sessions", "0"}, "--max-sessions至少为1", "--max-sessions must be at least 1"},
		{[]string{"--idle-timeout=-1m"}, "--idle-timeout不能为负数", "--idle-timeout cannot be negative"},
		{[]string{"--room-code", "ÉCOLE1"}, "--room-code：只能使用字母A至Z和数字", "--room-code: use letters A to Z and digits only"},
	} {
		dir := t.TempDir()
		code, _, stderr := cliRun(t, append([]string{"--lang", "zh", "--data-dir", dir, "serve"}, c.args...)...)
		if code != 1 || !strings.Contains(stderr, c.zh) {
			t.Errorf("serve %v in Chinese: status %d, %q; want %q", c.args, code, stderr, c.zh)
		}
		code, _, stderr = cliRun(t, append([]string{"--data-dir", dir, "serve"}, c.args...)...)
		if code != 1 || !strings.Contains(stderr, c.en) {
			t.Errorf("serve %v in English: status %d, %q; want %q", c.args, code, stderr, c.en)
		}
	}
}
