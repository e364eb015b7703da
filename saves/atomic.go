package saves

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"zerosum/text"
)

// fileOps are the file-system steps of an atomic write. Tests replace them
// to stop a write at any step, as a crash would.
type fileOps interface {
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(from, to string) error
	SyncDir(dir string) error
	Remove(name string) error
}

// tempFile is the part of *os.File an atomic write uses.
type tempFile interface {
	Name() string
	Write(b []byte) (int, error)
	Sync() error
	Close() error
}

// osOps is the real file system.
type osOps struct{}

func (osOps) CreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
func (osOps) Rename(from, to string) error                     { return rename(from, to) }
func (osOps) Remove(name string) error                         { return os.Remove(name) }
func (osOps) SyncDir(dir string) error                         { return syncDir(dir) }

// tempInfix marks the temporary files of writeAtomic: ".<name>.tmp-<random>".
const tempInfix = ".tmp-"

// writeAtomic replaces path with data so that, whatever happens, path holds
// either its old bytes or all of the new ones: write a temporary file in the
// same folder, flush it to disk, rename it over path, then flush the folder
// so the rename itself survives a power cut.
func writeAtomic(ops fileOps, path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := ops.CreateTemp(dir, "."+filepath.Base(path)+tempInfix+"*")
	if err != nil {
		return wrap(text.F("cannot write %s", path), err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			ops.Remove(tmp) // best effort: a leftover temp file is swept on the next Open
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return wrap(text.F("cannot write %s", path), err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return wrap(text.F("cannot write %s", path), err)
	}
	if err := f.Close(); err != nil {
		return wrap(text.F("cannot write %s", path), err)
	}
	if err := ops.Rename(tmp, path); err != nil {
		return wrap(text.F("cannot write %s", path), err)
	}
	if err := ops.SyncDir(dir); err != nil {
		return wrap(text.F("cannot write %s", path), err)
	}
	return nil
}

// WriteFile replaces path with data as saves are written (see writeAtomic):
// a reader never finds it half-written. It is for the other files a player
// keeps, such as debrief reports, so the file is readable by everyone.
func WriteFile(path string, data []byte) error { return writeAtomic(sharedOps{}, path, data) }

// sharedOps is the real file system, with files others may read.
type sharedOps struct{ osOps }

func (sharedOps) CreateTemp(dir, pattern string) (tempFile, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// WriteNew writes a new file at path as WriteFile does, but never replaces
// one: when path exists by the time the data is on disk, it fails with an
// error that wraps fs.ErrExist and leaves that file alone.
func WriteNew(path string, data []byte) error { return writeAtomic(newFileOps{}, path, data) }

// newFileOps puts the finished file in place with a hard link, which
// fails when the name is taken, instead of a rename, which replaces it.
type newFileOps struct{ sharedOps }

func (newFileOps) Rename(from, to string) error {
	err := os.Link(from, to)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		// A file system without hard links: check, then rename.
		if _, serr := os.Lstat(to); serr == nil {
			return &os.LinkError{Op: "write", Old: from, New: to, Err: fs.ErrExist}
		}
		return rename(from, to)
	}
	if err != nil {
		return err
	}
	return os.Remove(from)
}
