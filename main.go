// Command zerosum is ZERO SUM, a turn-based strategy game about the
// geopolitics of the AI race. Without arguments it opens the title screen;
// subcommands run games without a screen, check content and replays.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
