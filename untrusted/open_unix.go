//go:build unix

package untrusted

import "syscall"

// openFlags keeps an open from waiting for a writer when the path is a
// named pipe swapped in after it was checked; regular files ignore it.
const openFlags = syscall.O_NONBLOCK
