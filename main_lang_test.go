package main

import (
	"os"
	"testing"
)

// TestMain runs the command-line tests in English whatever the machine's
// locale, unless a test asks for another language itself.
func TestMain(m *testing.M) {
	os.Setenv("ZEROSUM_LANG", "en")
	os.Exit(m.Run())
}
