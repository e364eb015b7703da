package content

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a content file, located by file and line.
type Problem struct {
	File string
	Line int // 0 when the problem concerns the file as a whole
	Msg  string
	// decode marks a value that could not be read at all; later checks of
	// that (zero) value on the same line are not worth repeating.
	decode bool
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is every problem found while loading, sorted by file and line.
// It is the error Load returns when anything is wrong.
type Problems []Problem

// Error lists the first ListedProblems problems, one a line, and counts
// the rest.
func (ps Problems) Error() string {
	lines := make([]string, 0, min(len(ps), ListedProblems)+1)
	for _, p := range ps[:min(len(ps), ListedProblems)] {
		lines = append(lines, p.String())
	}
	if more := len(ps) - ListedProblems; more > 0 {
		lines = append(lines, fmt.Sprintf("... and %d more (%s in all)", more, problemsCount(len(ps))))
	}
	return strings.Join(lines, "\n")
}

func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
	return ps
}

// deduplicated drops problems on a line where a value could not be read at
// all: the unreadable value is not reported again as out of range.
func (ps Problems) deduplicated() Problems {
	type at struct {
		file string
		line int
	}
	unreadable := map[at]bool{}
	for _, p := range ps {
		if p.decode {
			unreadable[at{p.File, p.Line}] = true
		}
	}
	var out Problems
	for _, p := range ps {
		if !p.decode && unreadable[at{p.File, p.Line}] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// report collects problems for one file.
type report struct {
	file string
	out  *Problems
}

func (r report) at(line int, format string, args ...any) {
	*r.out = append(*r.out, Problem{File: r.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// unreadable records a value the decoder could not read.
func (r report) unreadable(line int, format string, args ...any) {
	*r.out = append(*r.out, Problem{File: r.file, Line: line, Msg: fmt.Sprintf(format, args...), decode: true})
}
