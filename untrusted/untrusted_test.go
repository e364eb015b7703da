package untrusted

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// hostilePaths makes what a hostile file may be instead of a regular file:
// a named pipe nobody writes to (opening it would wait for ever), a device
// that never ends, a folder.
func hostilePaths(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	paths := map[string]string{"a folder": dir}
	if fifo := filepath.Join(dir, "pipe.zsave"); mkfifo(fifo) == nil {
		paths["a named pipe"] = fifo
	}
	if runtime.GOOS != "windows" {
		paths["a device"] = "/dev/zero"
	}
	return paths
}

// TestReadFileRefusesAllButRegularFiles: ReadFile names what a path is
// instead of reading it, and refuses a file over the limit without
// reading it whole.
func TestReadFileRefusesAllButRegularFiles(t *testing.T) {
	for kind, path := range hostilePaths(t) {
		_, err := ReadFile(path, 1<<20)
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), kind) {
			t.Errorf("%s: got %v, want it named as %s", path, err, kind)
		}
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "big")
	os.WriteFile(big, bytes.Repeat([]byte("x"), 2048), 0o644)
	if _, err := ReadFile(big, 1024); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1 KB") {
		t.Errorf("a file over the limit: %v", err)
	}
	if data, err := ReadFile(big, 2048); err != nil || len(data) != 2048 {
		t.Errorf("a file at the limit: %d bytes, %v", len(data), err)
	}
}

// TestDirFS: a folder read through DirFS refuses pipes and large files
// inside it, and takes file names that are not UTF-8.
func TestDirFS(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok\xff.yaml"), []byte("id: x\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "big.yaml"), bytes.Repeat([]byte("x"), 100), 0o644)
	fsys := DirFS(dir, 64)
	if data, err := fs.ReadFile(fsys, "ok\xff.yaml"); err != nil || string(data) != "id: x\n" {
		t.Errorf("a name that is not UTF-8: %q, %v", data, err)
	}
	if _, err := fs.ReadFile(fsys, "big.yaml"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a file over the limit: %v", err)
	}
	if _, err := fs.ReadFile(fsys, "../escape"); err == nil {
		t.Error("a name leaving the folder was read")
	}
	if mkfifo(filepath.Join(dir, "pipe.yaml")) == nil {
		if _, err := fs.ReadFile(fsys, "pipe.yaml"); !errors.Is(err, ErrNotRegular) {
			t.Errorf("a named pipe: %v", err)
		}
		if _, err := fsys.Open("pipe.yaml"); !errors.Is(err, ErrNotRegular) {
			t.Errorf("opening a named pipe: %v", err)
		}
	}
}

// TestText: every control character is dropped (escape sequences lose
// their ESC, so the terminal prints them as text), newlines and tabs stay,
// bytes that are not UTF-8 become U+FFFD, and printable text is unchanged.
func TestText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Washington", "Washington"},
		{"台北 — Taipei", "台北 — Taipei"},
		{"a\nb\tc", "a\nb\tc"},
		{"\x1b]0;owned\x07title", "]0;ownedtitle"},
		{"\x1b[2Jclear", "[2Jclear"},
		{"c1\u009b31m csi", "c131m csi"},
		{"del\x7f", "del"},
		{"cr\roverwrite", "croverwrite"},
		{"bad\xffbyte", "bad\ufffdbyte"},
		{"\x9b", "\ufffd"},
	}
	for _, c := range cases {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
		var b bytes.Buffer
		if n, err := Writer(&b).Write([]byte(c.in)); err != nil || n != len(c.in) || b.String() != c.want {
			t.Errorf("Writer(%q): wrote %q (n %d, %v)", c.in, b.String(), n, err)
		}
	}
}
