// Package content holds the scenarios of ZERO SUM as human-editable YAML
// files, embedded in the binary, and turns them into validated
// game.Scenario values. Every problem in a file is reported with the file,
// the line and a plain explanation.
package content

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"zerosum/game"
	"zerosum/text"
	"zerosum/untrusted"
)

//go:embed data
var embedded embed.FS

// dataFS is where the embedded scenarios and common files are read from;
// langFS is where translations are (tests point them elsewhere).
var (
	dataFS fs.FS = embedded
	langFS fs.FS = embedded
)

// DefaultScenario is the id of the scenario `go run .` plays.
const DefaultScenario = "race2025"

// Pack is a loaded scenario with its text in one language.
type Pack struct {
	Scenario *game.Scenario
	Lang     string
	Summary  string
	Note     string // what the model simplifies, shown in-game
	Glossary []Term
	Files    []string // the files it was loaded from
	// Omitted lists what a single-file scenario leaves out of its base
	// besides the actors not in play (their actions, events that read
	// them), each with the reason: "event x: it reads huawei.yield, but
	// huawei is not in play in this scenario".
	Omitted []string
	// Untranslated lists the text keys a translated pack keeps in English
	// because the translation leaves them out, sorted.
	Untranslated []string

	text   map[string]string // the text players read, placeholders filled in
	raw    map[string]string // the text as written, with its {placeholders}
	levels [game.NumTracks][]string
	// sources are the scenario's own files by name in its folder.
	sources map[string][]byte
	// decided maps an event to the actor whose own decision it describes
	// (decided_by:); objRange maps "objectives.<actor>.<id>" to its from
	// and to, for {from} and {to} in its text.
	decided  map[string]string
	sameAs   map[string][]string
	objRange map[string][2]int
}

// DecidedBy is the actor whose own decision an event describes (its
// decided_by:), or "". Such an event is in play only where that actor is
// not.
func (p *Pack) DecidedBy(event string) string { return p.decided[event] }

// SameAs lists the actions that are the same happening as an event (its
// same_as:): it never fires once one of them is taken, and they cannot be
// taken once it has fired.
func (p *Pack) SameAs(event string) []string { return p.sameAs[event] }

// Term is one glossary entry.
type Term struct {
	ID     string
	Term   string
	Common bool // a common noun ("export controls"), lower-cased inside a sentence
	Def    string
	See    []string
}

// T returns the text for a key such as "actions.tighten_controls.desc",
// or "" when there is none.
func (p *Pack) T(key string) string { return p.text[key] }

// Level names a value of a stepped track (export controls, quotas), or "".
func (p *Pack) Level(t game.Track, v int) string {
	if v >= 0 && v < len(p.levels[t]) {
		return p.levels[t][v]
	}
	return ""
}

// LinkText is how a glossary link reads in running text: its own words
// when it has them, else the term's name, a common noun in lower case
// inside a sentence (start is false); a link to no term reads as its id
// with spaces for underscores.
func (p *Pack) LinkText(l text.Link, start bool) string {
	if l.Words != "" {
		return l.Words
	}
	t, ok := p.TermByID(l.ID)
	if !ok || t.Term == "" {
		return strings.ReplaceAll(l.ID, "_", " ")
	}
	if t.Common && !start {
		return text.Uncapitalize(t.Term)
	}
	return t.Term
}

// TermByID finds a glossary entry.
func (p *Pack) TermByID(id string) (Term, bool) {
	for _, t := range p.Glossary {
		if t.ID == id {
			return t, true
		}
	}
	return Term{}, false
}

// source is where a scenario's files come from.
type source struct {
	fsys  fs.FS
	dir   string // the scenario's folder inside fsys
	file  string // the scenario's main file in dir: scenario.yaml, or a single-file scenario
	label string // how file names are shown in messages
}

// embeddedSource is the embedded scenario id.
func embeddedSource(id string) source {
	return source{fsys: dataFS, dir: "data/" + id, file: "scenario.yaml", label: id}
}

func (s source) name(file string) string { return path.Join(s.label, file) }

// Load loads an embedded scenario by id, with its text in the interface's
// language (text.Lang) where there is a translation, else in English. An
// argument that looks like a path (it holds a slash or ends in .yaml, which
// no scenario id can) is loaded from disk with LoadPath instead.
func Load(id string) (*Pack, error) { return LoadLang(id, UILang()) }

// UILang is the language scenarios are loaded in: the interface's, when
// the content has a translation into it.
func UILang() string {
	if l := text.Lang(); slices.Contains(Languages(), l) {
		return l
	}
	return "en"
}

// LoadLang loads an embedded scenario with its text in a language: English
// is written in the content files themselves; another language comes from
// data/lang/<lang>.yaml, which maps text keys ("actions.thaw.name") to
// translations and falls back to English for any key it leaves out. Like
// Load, it loads a path from disk.
func LoadLang(id, lang string) (*Pack, error) {
	if lang != "en" && !slices.Contains(Languages(), lang) {
		return nil, fmt.Errorf("no text in language %q; the languages are: en %s", lang, strings.Join(Languages(), " "))
	}
	if IsPath(id) {
		return loadPath(id, lang)
	}
	if !slices.Contains(ScenarioIDs(), id) {
		return nil, fmt.Errorf("unknown scenario %q; the scenarios are: %s%s", id,
			strings.Join(ScenarioIDs(), ", "), game.Suggest(id, ScenarioIDs()))
	}
	return load(embeddedSource(id), lang)
}

// IsPath reports whether a scenario argument names a file or folder rather
// than an embedded scenario: it holds a path separator or ends in .yaml.
func IsPath(idOrPath string) bool {
	return strings.ContainsAny(idOrPath, "/\\") || strings.HasSuffix(idOrPath, ".yaml") || strings.HasSuffix(idOrPath, ".yml")
}

// Languages lists the translations embedded besides English.
func Languages() []string {
	entries, _ := fs.ReadDir(embedded, "data/lang")
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			out = append(out, name)
		} else if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// LoadPath loads a scenario from disk: a folder in the full format (one
// holding scenario.yaml, actors/, events/ and swing.yaml), that folder's
// scenario.yaml, or a single-file scenario that extends an embedded one
// (extends: race2025; see docs/scenarios.md).
func LoadPath(p string) (*Pack, error) { return loadPath(p, UILang()) }

func loadPath(p, lang string) (*Pack, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("cannot open scenario: %w", err)
	}
	// Files are read as untrusted.ReadFile reads them: regular files only,
	// none larger than MaxFileBytes, so a pipe or a device named as a
	// scenario is a problem, not a hang.
	var pack *Pack
	switch {
	case fi.IsDir():
		pack, err = load(source{fsys: untrusted.DirFS(p, MaxFileBytes), dir: ".", file: "scenario.yaml",
			label: filepath.ToSlash(filepath.Clean(p))}, lang)
	case fi.Mode().IsRegular():
		dir := filepath.Dir(p)
		pack, err = load(source{fsys: untrusted.DirFS(dir, MaxFileBytes), dir: ".", file: filepath.Base(p),
			label: filepath.ToSlash(dir)}, lang)
	default:
		return nil, fmt.Errorf("cannot open scenario: %s is %s, not a scenario file or folder", p, untrusted.Kind(fi.Mode()))
	}
	if err != nil {
		return nil, err
	}
	// Name where it came from, and keep its text, so that a save or replay
	// carries the scenario with it (see LoadRecorded).
	if abs, aerr := filepath.Abs(p); aerr == nil {
		pack.Scenario.Source = abs
	} else {
		pack.Scenario.Source = p
	}
	pack.Scenario.SourceFiles = pack.sources
	return pack, nil
}

// LoadRecorded loads the scenario a save or replay was played with: id is
// the scenario's id, hint where it was loaded from (its Source) and files
// the text the save or replay carries. A scenario that is not built in is
// loaded from that text (hint is then only a name for it): the file plays on
// any machine, and nothing it says makes the game read another file. A
// file from before scenarios were carried has only the source path; it is
// read as a path given on the command line is (regular files within the
// size limits), and a moved scenario is given with --scenario.
func LoadRecorded(id, hint string, files map[string]string) (*Pack, error) {
	if len(files) == 0 {
		return Load(Source(id, hint))
	}
	m := fstest.MapFS{}
	for name, text := range files {
		if !fs.ValidPath(name) || name == "." {
			return nil, fmt.Errorf("the scenario carried in the file has a file named %q, which cannot be a scenario file", name)
		}
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	main := "scenario.yaml"
	if _, ok := files[main]; !ok {
		if len(files) != 1 {
			return nil, fmt.Errorf("the scenario carried in the file has %d files but no scenario.yaml", len(files))
		}
		for name := range files {
			main = name
		}
	}
	pack, err := load(source{fsys: m, dir: ".", file: main, label: "(" + id + ", as carried in the file)"}, UILang())
	if err != nil {
		return nil, err
	}
	pack.Scenario.Source = hint
	pack.Scenario.SourceFiles = pack.sources
	return pack, nil
}

// Source says how to load a scenario again: its Source path when it was
// loaded from a file, otherwise its id.
func Source(id, path string) string {
	if path != "" {
		return path
	}
	return id
}

// ScenarioIDs lists the embedded scenarios, sorted.
func ScenarioIDs() []string {
	entries, _ := fs.ReadDir(dataFS, "data")
	var out []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "common" && e.Name() != "lang" {
			out = append(out, e.Name())
		}
	}
	return out
}

// Embedded returns the embedded content files, for tests and tools.
func Embedded() fs.FS { return embedded }

func newLoader(src source) *loader {
	return &loader{src: src, files: map[string][]byte{}, where: map[string]place{}, sources: map[string][]byte{}}
}

// loader gathers problems while reading and building one scenario.
type loader struct {
	src      source
	problems Problems
	files    map[string][]byte // name shown -> bytes, for the content hash
	where    map[string]place  // text key -> where it was written
	// own marks the text a single-file scenario writes itself: a
	// translation is written for the base's text, so it leaves this text
	// in English rather than put the base's words on it.
	own map[string]bool
	// sources are the files read from the scenario's own folder (not the
	// common ones), by name in it; bytes counts all the text read.
	sources map[string][]byte
	bytes   int
}

type place struct {
	r    report
	line int
}

func (l *loader) reporter(file string) report {
	return report{file: file, out: &l.problems}
}

// read decodes one file into v; a missing file is a problem unless optional.
func (l *loader) read(fsys fs.FS, name, shown string, v any, optional bool) bool {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if !optional {
			l.reporter(shown).at(0, "cannot read the file: %v", unwrapPathError(err))
		}
		return false
	}
	if l.tooBig(shown, data) {
		return false
	}
	l.files[shown] = data
	if e, ok := fsys.(embed.FS); ok && e == embedded {
		rememberEmbedded(data)
	}
	return decodeFile(l.reporter(shown), data, v)
}

// readOwn reads one of the scenario's own files (rel: its name in the
// scenario's folder) as read does, and keeps its text for saves.
func (l *loader) readOwn(rel, shown string, v any) bool {
	ok := l.read(l.src.fsys, path.Join(l.src.dir, rel), shown, v, false)
	if data, read := l.files[shown]; read {
		l.sources[rel] = data
	}
	return ok
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// load loads a scenario in either format: the main file decides. A file
// with extends: at the top (or any file not called scenario.yaml) is a
// single-file scenario; otherwise it is the frame of a full folder.
func load(src source, lang string) (*Pack, error) {
	data, err := fs.ReadFile(src.fsys, path.Join(src.dir, src.file))
	switch {
	case err == nil && (src.file != "scenario.yaml" || len(data) > MaxFileBytes || extending(data)):
		return loadExtending(src, data, lang)
	case err != nil && src.file != "scenario.yaml":
		// A single file that cannot be read (too large, say): say so,
		// rather than look for a folder's scenario.yaml beside it.
		l := newLoader(src)
		l.reporter(src.name(src.file)).at(0, "cannot read the file: %v", unwrapPathError(err))
		return nil, l.problems
	}
	return loadFolder(src, lang)
}

// loadFolder loads a scenario in the full folder format: every actor it
// lists is in play, so the events their own orders decide go (see
// settleFolder), and its text is filled in from its own rules.
func loadFolder(src source, lang string) (*Pack, error) {
	l := newLoader(src)
	p := l.buildFolder()
	if p == nil || len(l.problems) > 0 {
		return nil, l.problems.deduplicated().sorted()
	}
	p.sources = l.sources
	l.settleFolder(p)
	if lang != "en" && len(l.problems) == 0 {
		l.translate(p, lang, langFS)
	}
	l.expand(p)
	if len(l.problems) > 0 {
		return nil, l.problems.deduplicated().sorted()
	}
	return p, nil
}

// loadBase loads a scenario in the full folder format as the base of a
// single-file scenario: everything it defines stays in it, and its text
// keeps its placeholders, since the single file decides who is in play
// and may change the rules the text states.
func loadBase(src source) (*Pack, error) {
	l := newLoader(src)
	p := l.buildFolder()
	if p == nil || len(l.problems) > 0 {
		return nil, l.problems.deduplicated().sorted()
	}
	return p, nil
}

// buildFolder reads and builds a folder; nil when there is nothing to
// build on.
func (l *loader) buildFolder() *Pack {
	b := l.gather()
	if b.scenarioName != "" && b.scenario.Line == 0 {
		// Without a readable scenario.yaml there is nothing to build on.
		return nil
	}
	// Build even when some files had problems, so that one run reports
	// as many as it can; a value that failed to decode stays zero and is
	// not reported twice (see Problems.deduplicated).
	return l.build(b)
}

// settleFolder takes out of a folder scenario the events its actors' own
// orders decide, and whatever depends on them (see cast.go).
func (l *loader) settleFolder(p *Pack) {
	all := make([]bool, len(p.Scenario.Actors))
	for i := range all {
		all[i] = true
	}
	c := newCast(p.Scenario, all)
	c.decide(p.decided)
	c.settle()
	p.Omitted = c.omitted()
	p.Scenario = c.scenario()
	if err := p.Scenario.Index(); err != nil {
		l.reporter(l.src.name(l.src.file)).at(0, "%v", err)
	}
}

// bundle is every decoded file of a scenario, with where each came from.
type bundle struct {
	scenario     scenarioFile
	scenarioName string
	swing        []swingFile
	swingName    string
	actors       []actorFile
	actorNames   []string
	events       []eventFile
	eventNames   []string // the file of each event
	names        namesFile
	namesName    string
	glossary     []termFile
	glossaryName string
}

func (l *loader) gather() *bundle {
	src := l.src
	b := &bundle{}
	b.namesName, b.glossaryName = "common/names.yaml", "common/glossary.yaml"
	l.read(dataFS, "data/common/names.yaml", b.namesName, &b.names, false)
	l.read(dataFS, "data/common/glossary.yaml", b.glossaryName, &b.glossary, false)

	b.scenarioName = src.name("scenario.yaml")
	l.readOwn("scenario.yaml", b.scenarioName, &b.scenario)
	if b.scenario.Line == 0 {
		return b
	}
	b.swingName = src.name("swing.yaml")
	l.readOwn("swing.yaml", b.swingName, &b.swing)

	seen := map[string]int{}
	for _, id := range b.scenario.Actors {
		if prev, dup := seen[id.V]; dup {
			l.reporter(b.scenarioName).at(id.Line, "actor %q is listed twice (first on line %d)", id.V, prev)
			continue
		}
		seen[id.V] = id.Line
		if !validID(id.V) {
			l.reporter(b.scenarioName).at(id.Line, "actor id %q should be lower-case letters, digits and _", id.V)
			continue
		}
		var a actorFile
		name := src.name("actors/" + id.V + ".yaml")
		if _, err := fs.Stat(src.fsys, path.Join(src.dir, "actors", id.V+".yaml")); err != nil {
			l.reporter(b.scenarioName).at(id.Line, "actor %q is listed but there is no file actors/%s.yaml%s",
				id.V, id.V, game.Suggest(id.V, l.actorFiles()))
			continue
		}
		l.readOwn("actors/"+id.V+".yaml", name, &a)
		if a.Line == 0 {
			continue // not even YAML: reported already
		}
		if a.ID.V != id.V {
			l.reporter(name).at(a.ID.Line, "the file is actors/%s.yaml but its id is %q", id.V, a.ID.V)
		}
		b.actors = append(b.actors, a)
		b.actorNames = append(b.actorNames, name)
	}

	entries, _ := fs.ReadDir(src.fsys, path.Join(src.dir, "events"))
	if len(entries) > maxEventFiles {
		l.reporter(src.name("events")).at(0, "the folder holds %d files; a scenario may have at most %d event files", len(entries), maxEventFiles)
		entries = nil
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		var evs []eventFile
		name := src.name("events/" + e.Name())
		l.readOwn("events/"+e.Name(), name, &evs)
		for _, ev := range evs {
			b.events = append(b.events, ev)
			b.eventNames = append(b.eventNames, name)
		}
	}
	return b
}

func (l *loader) actorFiles() []string {
	entries, _ := fs.ReadDir(l.src.fsys, path.Join(l.src.dir, "actors"))
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	return out
}

func validID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// contentHash fingerprints every file the scenario was built from.
func (l *loader) contentHash() string {
	names := make([]string, 0, len(l.files))
	for n := range l.files {
		names = append(names, n)
	}
	// Paths are hashed relative to the scenario, common files first, so
	// that the same files give the same hash wherever they sit (on disk,
	// embedded, or carried in a save).
	own := func(n string) (bool, string) {
		rel, ok := strings.CutPrefix(n, l.src.label+"/")
		return ok, rel
	}
	slices.SortFunc(names, func(a, b string) int {
		aOwn, aRel := own(a)
		bOwn, bRel := own(b)
		if aOwn != bOwn {
			if aOwn {
				return 1
			}
			return -1
		}
		return strings.Compare(aRel, bRel)
	})
	h := sha256.New()
	for _, n := range names {
		_, rel := own(n)
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(l.files[n]))
		h.Write(l.files[n])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
