package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/alecthomas/kong"

	"zerosum/content"
	"zerosum/saves"
	"zerosum/text"
	"zerosum/ui"
	"zerosum/untrusted"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// cli is the command line. Each command is a struct with a Run method.
type cli struct {
	DataDir string `name:"data-dir" help:"Where saves, autosaves and replays live (default: $ZEROSUM_HOME, else the user data directory)." type:"path"`
	Lang    string `name:"lang" help:"Language of the game and its reports: en or zh (default: $ZEROSUM_LANG, else the language last chosen on the title screen, else the locale: LC_ALL, LC_MESSAGES or LANG starting with zh means zh)." placeholder:"en|zh"`

	Title     titleCmd     `cmd:"" default:"withargs" hidden:"" help:"Open the title screen (what zerosum with no command does)."`
	Play      playCmd      `cmd:"" help:"Start a game straight away (zerosum with no arguments opens the title screen)."`
	Load      loadCmd      `cmd:"" help:"Resume a saved game: a save's name, an autosave (auto-000012, last-good) or a file."`
	Sim       simCmd       `cmd:"" help:"Play all-bot games and print statistics."`
	Replay    replayCmd    `cmd:"" help:"Re-run a replay; --verify checks every turn's state hash."`
	Report    reportCmd    `cmd:"" help:"Write the debrief report (Markdown) of a save or replay."`
	Forecast  forecastCmd  `cmd:"" help:"Play many possible futures of a save or replay with bots in every seat and print how likely each outcome is."`
	Validate  validateCmd  `cmd:"" help:"Check scenario files and report every problem with file and line."`
	Serve     serveCmd     `cmd:"" help:"Host one table over SSH: every player connects with ssh from their own computer, takes a seat and plays on their own screen."`
	Scenarios scenariosCmd `cmd:"" help:"List the scenarios."`
	Version   versionCmd   `cmd:"" help:"Print the version."`
}

// env is what commands write to.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dataDir        string // --data-dir, if given
	// tty is the standard error when it is a terminal, unfiltered, for a
	// progress bar; nil otherwise.
	tty io.Writer
	// langFrom is what chose the language explicitly ("--lang",
	// "ZEROSUM_LANG"), or "" (see ui.Options.LangFrom).
	langFrom string
}

// keptLang is the language the title screen kept in the data directory
// for the next start, or "" when there is none; a settings file that
// cannot be read, or names a language the game does not have, is reported
// as a warning and passed over.
func keptLang(dataDir string, stderr io.Writer) string {
	dir := dataDir
	if dir == "" {
		d, err := saves.DefaultDir()
		if err != nil {
			return "" // no data directory: nothing was kept
		}
		dir = d
	}
	p, err := saves.ReadPrefs(dir)
	if err != nil {
		fmt.Fprintf(stderr, "warning: %v; the language kept there is passed over\n", err)
		return ""
	}
	if p.Language != "" && !slices.Contains(text.Languages, p.Language) {
		fmt.Fprintf(stderr, "warning: the settings in %s name the language %q, which the game does not have (%s); it is passed over\n",
			dir, p.Language, strings.Join(text.Languages, ", "))
		return ""
	}
	return p.Language
}

// store opens the data directory.
func (e *env) store() (*saves.Store, error) {
	dir := e.dataDir
	if dir == "" {
		d, err := saves.DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	return saves.Open(dir)
}

// exitError carries an exit status through kong's Run.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

// failf makes an error that exits with status 1.
func failf(format string, args ...any) error {
	return &exitError{code: 1, err: fmt.Errorf(format, args...)}
}

// because is why a file could not be used, for a message that names the
// file already ("cannot load X: <because>"): without the file's name
// again, and a missing file or a refused one said plainly.
func because(path string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return text.T("there is no such file")
	case errors.Is(err, fs.ErrPermission):
		return text.T("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	s := err.Error()
	for _, p := range []string{path, filepath.Clean(path)} {
		s = strings.TrimPrefix(s, p+": ")
		if text.Chinese() {
			// The saves' errors in Chinese: "X：…" and "X是…" (the
			// English rewrites below would break the sentence).
			s = strings.TrimPrefix(s, p+"：")
			if rest, ok := strings.CutPrefix(s, p); ok && rest != "" && rest[0] >= 0x80 {
				s = "它" + rest
			}
			continue
		}
		if rest, ok := strings.CutPrefix(s, p+" "); ok {
			s = "it " + rest
		}
		s = strings.ReplaceAll(s, strconv.Quote(p), "of that name")
	}
	return s
}

// kongExit is how kong's exit requests escape Parse.
type kongExit int

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	tty := terminal(stderr)
	// Names, titles and paths printed come from files and arguments that
	// may hold escape sequences: nothing reaches the terminal raw.
	stdout, stderr = untrusted.Writer(stdout), untrusted.Writer(stderr)
	var c cli
	defer func() {
		if r := recover(); r != nil {
			if k, ok := r.(kongExit); ok {
				code = int(k)
				return
			}
			panic(r)
		}
	}()
	parser, err := kong.New(&c,
		kong.Name("zerosum"),
		kong.Description("ZERO SUM: a turn-based strategy game about the geopolitics of the AI race."),
		kong.Writers(stdout, stderr),
		kong.Exit(func(code int) { panic(kongExit(code)) }),
		kong.UsageOnError(),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		kong.Vars{"version": version, "scenario": content.DefaultScenario},
		kong.KindMapper(reflect.String, kong.MapperFunc(rawString)),
		kong.NamedMapper("path", kong.MapperFunc(rawPath)),
	)
	if err != nil {
		fmt.Fprintf(stderr, "zerosum: %v\n", err)
		return 2
	}
	ctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintf(stderr, "zerosum: %v\n", err)
		return 2
	}
	langFrom := ""
	switch {
	case c.Lang != "":
		langFrom = "--lang"
	case os.Getenv("ZEROSUM_LANG") != "":
		langFrom = "ZEROSUM_LANG"
	}
	kept := ""
	if langFrom == "" {
		kept = keptLang(c.DataDir, stderr)
	}
	lang, err := text.PickLangKept(c.Lang, kept, os.Getenv)
	if err == nil {
		err = text.SetLang(lang)
	}
	if err != nil {
		fmt.Fprintf(stderr, "zerosum: %v\n", err)
		return 2
	}
	if err := ctx.Run(&env{stdin: stdin, stdout: stdout, stderr: stderr, dataDir: c.DataDir, tty: tty, langFrom: langFrom}); err != nil {
		fmt.Fprintf(stderr, "zerosum: %v\n", err)
		var ee *exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return 1
	}
	return 0
}

// titleCmd opens the title screen; it runs when no command is named, so
// "zerosum --data-dir DIR" and "zerosum --theme mono" work as they read.
type titleCmd struct {
	Theme string `help:"Colours: default, colorblind or mono (NO_COLOR selects mono)." default:"" enum:",default,colorblind,mono"`
}

func (c titleCmd) Run(e *env) error {
	return runTUI(e, ui.Options{Theme: theme(c.Theme)})
}

type versionCmd struct{}

func (versionCmd) Run(e *env) error {
	goVersion := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
	}
	fmt.Fprintf(e.stdout, "zerosum %s (%s)\n", version, goVersion)
	for _, id := range content.ScenarioIDs() {
		if p, err := content.Load(id); err == nil {
			fmt.Fprintln(e.stdout, text.F("  scenario %s, content %s", id, p.Scenario.ContentHash))
		}
	}
	return nil
}

// rawString sets a string argument to its bytes as given. Kong's own
// decoding goes through JSON, which turns bytes that are not UTF-8 into
// U+FFFD; a file name is bytes to the system, so a name that is not UTF-8
// must reach it unchanged.
func rawString(ctx *kong.DecodeContext, target reflect.Value) error {
	t, err := ctx.Scan.PopValue("string")
	if err != nil {
		return err
	}
	s, ok := t.Value.(string)
	if !ok {
		s = fmt.Sprint(t.Value)
	}
	target.SetString(s)
	return nil
}

// rawPath is rawString for type:"path" arguments, expanded as kong does
// (~ and a relative path made absolute).
func rawPath(ctx *kong.DecodeContext, target reflect.Value) error {
	if err := rawString(ctx, target); err != nil {
		return err
	}
	if p := target.String(); p != "" && p != "-" {
		target.SetString(kong.ExpandPath(p))
	}
	return nil
}
