package untrusted

import (
	"errors"
	"io/fs"
	"syscall"
	"testing"

	"zerosum/text"
)

// TestReasonInChinese: the common reasons the system gives are put into
// Chinese, and English keeps the system's words.
func TestReasonInChinese(t *testing.T) {
	t.Cleanup(func() { text.SetLang("en") })
	perm := &fs.PathError{Op: "open", Path: "/x/y", Err: fs.ErrPermission}
	full := &fs.PathError{Op: "write", Path: "/x/y", Err: syscall.ENOSPC}
	other := errors.New("something else")
	text.SetLang("zh")
	for _, c := range []struct {
		err  error
		want string
	}{
		{perm, "权限不足"}, {full, "磁盘空间已满"}, {&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrNotExist}, "文件或文件夹不存在"},
		{other, "something else"},
	} {
		if got := Reason(c.err); got != c.want {
			t.Errorf("in Chinese, Reason(%v) = %q, want %q", c.err, got, c.want)
		}
	}
	text.SetLang("en")
	for _, err := range []error{perm, full, other} {
		if got := Reason(err); got != err.Error() {
			t.Errorf("in English, Reason(%v) = %q", err, got)
		}
	}
}
