package saves

import "errors"

// lazyError is a sentinel error (compared with errors.Is) whose words are
// looked up when it is printed, so that it reads in the interface's
// language of the moment rather than in the one set when the package
// was initialised.
type lazyError struct{ msg func() string }

func (e *lazyError) Error() string { return e.msg() }

// wrapError is an error with its own words that still unwraps to err, for
// a sentinel whose text would not read as part of the sentence.
type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

// ErrReservedName is wrapped by ValidSlot's error for a name kept for the
// autosaves.
var ErrReservedName = errors.New("reserved for autosaves")
