package saves

import (
	"errors"

	"zerosum/text"
	"zerosum/untrusted"
)

// lazyError is a sentinel error (compared with errors.Is) whose words are
// looked up when it is printed, so that it reads in the interface's
// language of the moment rather than in the one set when the package
// was initialised.
type lazyError struct{ msg func() string }

func (e *lazyError) Error() string { return e.msg() }

// wrapError is an error with its own words, in the interface's language,
// that still unwraps to err (errors.Is and errors.As see through it).
type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

// wrap is "msg: err" in the interface's language (a Chinese colon in
// Chinese, and the system's reason in Chinese where it is a common one),
// wrapping err.
func wrap(msg string, err error) error {
	return &wrapError{msg: text.F("%s: %v", msg, untrusted.Reason(err)), err: err}
}

// ErrReservedName is wrapped by ValidSlot's error for a name kept for the
// autosaves.
var ErrReservedName = errors.New("reserved for autosaves")
