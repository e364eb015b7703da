package content

import (
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The limits of a scenario's files, far above what a scenario needs (the
// largest built-in file has 15 KB, the longest text under 1,000
// characters): a file over them is refused with a problem, not read to
// the end, so a huge or endless file cannot exhaust memory or time.
const (
	// MaxFileBytes is the largest scenario file read.
	MaxFileBytes = 1 << 20
	// maxScenarioBytes is the most text one scenario's files may hold.
	maxScenarioBytes = 8 << 20
	// maxEventFiles is the most files an events/ folder may hold.
	maxEventFiles = 100
	// maxTextRunes is the longest text (a name, a description).
	maxTextRunes = 4000
	// ListedProblems is how many problems Problems.Error lists; the rest
	// are counted.
	ListedProblems = 50
)

// tooBig reports, as a problem, a file over the limits; the loader then
// leaves it unread.
func (l *loader) tooBig(shown string, data []byte) bool {
	if len(data) > MaxFileBytes {
		l.reporter(shown).at(0, "the file has %d bytes; a scenario file may have at most %d", len(data), MaxFileBytes)
		return true
	}
	if l.bytes += len(data); l.bytes > maxScenarioBytes {
		l.reporter(shown).at(0, "the scenario's files hold more than %d bytes in all; that is the most a scenario may have", maxScenarioBytes)
		return true
	}
	return false
}

// parsed holds the YAML trees of the embedded files, by their text: each
// load of a scenario that extends race2025 (a game, a save being listed, a
// fuzz input) reads them again, and decoding only reads a tree. Only the
// embedded files are kept, so the cache is as large as the binary's
// content at most.
var parsed struct {
	sync.RWMutex
	trees map[string]*yaml.Node
}

// parseYAML parses a file's text, from the cache when it is an embedded
// file's.
func parseYAML(data []byte) (*yaml.Node, error) {
	parsed.RLock()
	doc, ok := parsed.trees[string(data)]
	parsed.RUnlock()
	if ok {
		return doc, nil
	}
	doc = &yaml.Node{}
	if err := yaml.Unmarshal(data, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// rememberEmbedded parses an embedded file into the cache.
func rememberEmbedded(data []byte) {
	parsed.RLock()
	_, ok := parsed.trees[string(data)]
	parsed.RUnlock()
	if ok {
		return
	}
	doc := &yaml.Node{}
	if yaml.Unmarshal(data, doc) != nil {
		return
	}
	parsed.Lock()
	if parsed.trees == nil {
		parsed.trees = map[string]*yaml.Node{}
	}
	parsed.trees[string(data)] = doc
	parsed.Unlock()
}

// problemsCount writes "N problem(s)".
func problemsCount(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}
