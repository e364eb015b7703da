package saves

import (
	"context"
	"errors"
	"path/filepath"
	"time"
	"zerosum/text"

	"github.com/gofrs/flock"
)

// lockName is the data directory's lock file. It is never removed:
// removing a lock file while another process waits on it would let two
// writers in.
const lockName = ".lock"

// lockWait is how long a write waits for another game on the same data
// directory to finish its own write (a few milliseconds, normally).
const lockWait = 10 * time.Second

// locked runs f holding the data directory's lock, an advisory lock on
// lockName that every ZERO SUM writing to the directory takes (flock on
// Unix, LockFileEx on Windows). The system releases it when a process
// dies, so a crash never leaves the directory locked.
func (s *Store) locked(f func() error) error {
	l := flock.New(filepath.Join(s.Dir, lockName))
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := l.TryLockContext(ctx, 5*time.Millisecond)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || err == nil && !ok:
		return errors.New(text.F("cannot write to the data directory %s: another ZERO SUM has been writing there for %v; try again", s.Dir, lockWait))
	case err != nil:
		return wrap(text.F("cannot lock the data directory %s", s.Dir), err)
	}
	defer l.Close()
	return f()
}
