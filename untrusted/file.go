package untrusted

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"zerosum/text"
)

// ErrNotRegular is wrapped by the errors for paths that are not regular
// files: devices, named pipes, sockets and folders.
var ErrNotRegular error = &lazyError{func() string { return text.T("not a regular file") }}

// ErrTooLarge is wrapped by the errors for files over their size limit.
var ErrTooLarge error = &lazyError{func() string { return text.T("file too large") }}

// lazyError is a sentinel error (compared with errors.Is) whose words are
// looked up when it is printed, in the interface's language of the moment.
type lazyError struct{ msg func() string }

func (e *lazyError) Error() string { return e.msg() }

// wrapError is an error with its own words that still unwraps to err.
type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

// Reason is err's text for a player: in Chinese, the common reasons the
// system gives for a file it cannot use (no permission, no such file, a
// full disk, a read-only disk) are in Chinese, the rest as the system
// wrote them; in English, err's text as it is.
func Reason(err error) string {
	if !text.Chinese() {
		return err.Error()
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return text.T("permission denied")
	case errors.Is(err, fs.ErrNotExist):
		return text.T("no such file or folder")
	case errors.Is(err, syscall.ENOSPC):
		return text.T("no space left on the disk")
	case errors.Is(err, syscall.EROFS):
		return text.T("the disk is read-only")
	}
	return err.Error()
}

// ReadFile reads the regular file at path, refusing anything else and any
// file larger than limit bytes. It never blocks on a named pipe or reads
// a device: the path is checked before it is opened, and the open file
// again (it may have been swapped in between).
func ReadFile(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(path, fi, limit); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, path, limit)
}

// readOpen reads an open file after checking it is still a regular file
// within the limit; a file that grows past the limit while it is read is
// refused too.
func readOpen(f *os.File, path string, limit int64) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(path, fi, limit); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, int64(len(data)), limit)
	}
	return data, nil
}

// regular says why a file cannot be read, or nil.
func regular(path string, fi fs.FileInfo, limit int64) error {
	if !fi.Mode().IsRegular() {
		return &wrapError{text.F("%s: %v", text.F("%s is %s", path, KindText(fi.Mode())), ErrNotRegular), ErrNotRegular}
	}
	if fi.Size() > limit {
		return tooLarge(path, fi.Size(), limit)
	}
	return nil
}

func tooLarge(path string, size, limit int64) error {
	return &wrapError{text.F("%s: %v", text.F("%s is larger than the %s such a file may have (%s)", path, Size(limit), Size(size)), ErrTooLarge), ErrTooLarge}
}

// Kind names what a file that is not a regular file is, for messages.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsRegular():
		return "a regular file"
	}
	return "not a regular file"
}

// KindText is Kind in the interface's language.
func KindText(m fs.FileMode) string {
	switch k := Kind(m); k {
	case "a folder":
		return text.T("a folder")
	case "a named pipe":
		return text.T("a named pipe")
	case "a socket":
		return text.T("a socket")
	case "a device":
		return text.T("a device")
	case "a symbolic link":
		return text.T("a symbolic link")
	case "a regular file":
		return text.T("a regular file")
	default:
		return text.T("not a regular file")
	}
}

// Size writes a byte count for people: "512 bytes", "64 KB", "16 MB".
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%s MB", decimal(n, 1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%s KB", decimal(n, 1<<10))
	}
	return text.F("%d bytes", n)
}

// decimal writes n/unit with one decimal, without a trailing ".0".
func decimal(n, unit int64) string {
	tenths := n * 10 / unit
	if tenths%10 == 0 {
		return fmt.Sprint(tenths / 10)
	}
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

// DirFS is a folder on disk as an fs.FS whose files are read as ReadFile
// reads them: regular files only, each at most limit bytes. Opening a
// named pipe or a device inside it is an error, not a hang.
func DirFS(dir string, limit int64) fs.FS { return dirFS{dir: dir, limit: limit} }

type dirFS struct {
	dir   string
	limit int64
}

func (d dirFS) path(op, name string) (string, error) {
	if !validName(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(d.dir, filepath.FromSlash(name)), nil
}

// validName is fs.ValidPath without its demand for UTF-8: a file name is
// bytes to the system, and a scenario file called "é.yaml" in Latin-1 is
// still a file. Like os.DirFS, it refuses \ and : on Windows.
func validName(name string) bool {
	if name == "." {
		return true
	}
	if runtime.GOOS == "windows" && strings.ContainsAny(name, `\:`) {
		return false
	}
	for elem := range strings.SplitSeq(name, "/") {
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
	}
	return true
}

// Open opens a folder, or a regular file within the limit.
func (d dirFS) Open(name string) (fs.File, error) {
	full, err := d.path("open", name)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(full)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return os.Open(full)
	}
	if err := regular(name, fi, d.limit); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return os.OpenFile(full, os.O_RDONLY|openFlags, 0)
}

// ReadFile reads a regular file within the limit.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	full, err := d.path("read", name)
	if err != nil {
		return nil, err
	}
	data, err := ReadFile(full, d.limit)
	if err != nil {
		// Name the file as the caller knows it, not by its full path.
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrapPath(err, full, name)}
	}
	return data, nil
}

// Stat describes a file without opening it.
func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	full, err := d.path("stat", name)
	if err != nil {
		return nil, err
	}
	return os.Stat(full)
}

// ReadDir lists a folder.
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := d.path("readdir", name)
	if err != nil {
		return nil, err
	}
	return os.ReadDir(full)
}

// unwrapPath drops the *fs.PathError os wraps around an error (it would
// name the full path a second time).
func unwrapPath(err error, full, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == full {
		return pe.Err
	}
	return err
}
