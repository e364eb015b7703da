package saves

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zerosum/text"
	"zerosum/untrusted"
)

// englishWords is three English words in a row: a sentence the
// translation missed.
var englishWords = regexp.MustCompile(`[A-Za-z][a-z]+(?: [A-Za-z][a-z]+){2,}`)

// TestErrorsInChinese: with the interface in Chinese, the errors a player
// reads about a bad save or replay, a bad save name and a file that is not
// a regular one are in Chinese, and still match their sentinel errors;
// back in English they read as before.
func TestErrorsInChinese(t *testing.T) {
	sc := scenario(t)
	m, a := newMatch(t, sc, 3, "beijing")
	m.Play(humanOrders(m, a))
	good, _ := FromMatch(m, a, nil, Settings{}, "2026-11-28T10:00:00Z").Encode()
	corrupt := bytes.Clone(good)
	corrupt[len(corrupt)/2] ^= 0x20
	future := bytes.Replace(good, []byte(fmt.Sprintf("%s %d ", SaveMagic, SaveVersion)), []byte(fmt.Sprintf("%s %d ", SaveMagic, SaveVersion+1)), 1)
	var replay bytes.Buffer
	MatchReplay(m).Encode(&replay)
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "folder"+saveExt), 0o755); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big"+saveExt)
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxFileBytes+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}

	type result struct {
		err    error
		is     error // the sentinel it wraps, or nil
		en, zh string
	}
	cases := map[string]func() result{
		"empty": func() result {
			_, err := DecodeSave(nil)
			return result{err, ErrNotSave, "not a ZERO SUM save: the file is empty", "不是ZERO SUM存档：文件为空"}
		},
		"truncated": func() result {
			_, err := DecodeSave(good[:len(good)*2/3])
			return result{err, nil, "the save is incomplete: the file ends too early (truncated?)", "存档不完整：文件提前结束（可能被截断）"}
		},
		"corrupt": func() result {
			_, err := DecodeSave(corrupt)
			return result{err, nil, "the save is damaged: its checksum does not match its contents", "存档已损坏：校验和与内容不符"}
		},
		"future": func() result {
			_, err := DecodeSave(future)
			return result{err, nil, fmt.Sprintf("the save is format version %d, made by a newer ZERO SUM; this one reads versions 1 to %d", SaveVersion+1, SaveVersion),
				fmt.Sprintf("该存档为格式版本%d，由较新版本的ZERO SUM生成；此版本只能读取版本1至%d", SaveVersion+1, SaveVersion)}
		},
		"foreign": func() result {
			_, err := DecodeSave([]byte("\x89PNG\r\n\x1a\n...."))
			return result{err, ErrNotSave, "not a ZERO SUM save", "不是ZERO SUM存档"}
		},
		"replay truncated": func() result {
			_, err := DecodeReplay(replay.Bytes()[:replay.Len()/2])
			return result{err, nil, "the replay is incomplete: the file ends too early (truncated?)", "回放不完整：文件提前结束（可能被截断）"}
		},
		"replay other format": func() result {
			_, err := DecodeReplay([]byte(`{"format":"x","version":1}`))
			return result{err, ErrNotReplay, `not a ZERO SUM replay (its format is "x")`, `不是ZERO SUM回放（其格式为"x"）`}
		},
		"reserved name": func() result {
			return result{ValidSlot("auto-1"), ErrReservedName, `"auto-1" is reserved for autosaves`, `"auto-1"专用于自动存档`}
		},
		"bad name": func() result {
			return result{ValidSlot("a/b"), nil, `a save name may hold letters, digits, spaces, - and _ (not '/')`, `存档名称只能包含字母、数字、空格、-和_（不能包含'/'）`}
		},
		"folder": func() result {
			p := filepath.Join(dir, "folder"+saveExt)
			_, err := ReadFile(p)
			return result{err, untrusted.ErrNotRegular, p + " is a folder: not a regular file", p + "是文件夹：非普通文件"}
		},
		"too large": func() result {
			_, err := ReadFile(big)
			return result{err, untrusted.ErrTooLarge, big + " is larger than the 16 MB such a file may have (16 MB): file too large",
				big + "超过了此类文件允许的大小16 MB（实际为16 MB）：文件过大"}
		},
		"mismatch": func() result {
			err := error(&MismatchError{Turn: 3, Want: strings.Repeat("a", 64), Got: strings.Repeat("b", 64)})
			return result{err, nil, "state hash differs at turn 3: the file says aaaaaaaaaaaa, this build computes bbbbbbbbbbbb",
				"第3回合的状态哈希不一致：文件记录为aaaaaaaaaaaa，此版本计算为bbbbbbbbbbbb"}
		},
	}
	for _, lang := range []string{"zh", "en"} {
		if err := text.SetLang(lang); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { text.SetLang("en") })
		for name, f := range cases {
			r := f()
			want := r.en
			if lang == "zh" {
				want = r.zh
			}
			if r.err == nil {
				t.Errorf("%s, %s: no error", lang, name)
				continue
			}
			if r.err.Error() != want {
				t.Errorf("%s, %s:\n got %q\nwant %q", lang, name, r.err.Error(), want)
			}
			if r.is != nil && !errors.Is(r.err, r.is) {
				t.Errorf("%s, %s: %v does not match %v", lang, name, r.err, r.is)
			}
			if lang == "zh" && englishWords.MatchString(r.err.Error()) {
				t.Errorf("%s: English left in %q", name, r.err.Error())
			}
		}
	}
}

// TestSentinelsFollowTheLanguage: the sentinel errors are made once, but
// print in the language of the moment.
func TestSentinelsFollowTheLanguage(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	for _, c := range []struct {
		err    error
		en, zh string
	}{
		{ErrNotSave, "not a ZERO SUM save", "不是ZERO SUM存档"},
		{ErrNotReplay, "not a ZERO SUM replay", "不是ZERO SUM回放"},
		{untrusted.ErrNotRegular, "not a regular file", "非普通文件"},
		{untrusted.ErrTooLarge, "file too large", "文件过大"},
	} {
		text.SetLang("zh")
		if got := c.err.Error(); got != c.zh {
			t.Errorf("in Chinese: %q, want %q", got, c.zh)
		}
		text.SetLang("en")
		if got := c.err.Error(); got != c.en {
			t.Errorf("in English: %q, want %q", got, c.en)
		}
	}
}
