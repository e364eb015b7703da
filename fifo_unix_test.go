//go:build unix

package main

import "syscall"

// mkfifo makes a named pipe, which a hostile file may be instead of a
// regular file: opening it to read waits until someone writes.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
