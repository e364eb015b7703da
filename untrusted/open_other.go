//go:build !unix

package untrusted

// openFlags: other systems have no named pipes in the file system that an
// open could wait on.
const openFlags = 0
