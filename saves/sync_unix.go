//go:build !windows

package saves

import "os"

// rename replaces to with from.
func rename(from, to string) error { return os.Rename(from, to) }

// syncDir flushes a folder, so that a rename in it survives a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
