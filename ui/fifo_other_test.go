//go:build !unix

package ui

import "errors"

// mkfifo: this system has no named pipes in the file system.
func mkfifo(string) error { return errors.ErrUnsupported }
