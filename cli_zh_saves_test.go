package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zerosum/text"
)

// zerosum load and replay in Chinese say why a save or replay cannot be
// used in Chinese sentences: the file is named once, and none of the
// English rewrites of the error ("of that name", "it is") reach them.
func TestLoadFailuresInChinese(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	dir := loadFixture(t)
	folder := filepath.Join(t.TempDir(), "folder.replay.json")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"load", "nosuch"}, []string{`没有名为"nosuch"的存档（现有存档：cut, auto-000001`}},
		{[]string{"load", "cut"}, []string{"存档不完整：文件提前结束（可能被截断）"}},
		{[]string{"replay", folder}, []string{"：它是文件夹：非普通文件"}},
	}
	for _, c := range cases {
		code, _, errs := cliRun(t, append([]string{"--lang", "zh", "--data-dir", dir}, c.args...)...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1: %s", c.args, code, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, w, errs)
			}
		}
		for _, bad := range []string{"of that name", " it ", folder + "：" + folder} {
			if strings.Contains(errs, bad) {
				t.Errorf("%v: %q in %s", c.args, bad, errs)
			}
		}
	}
}
