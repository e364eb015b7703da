package content

import (
	"regexp"
	"sort"
	"testing"

	"zerosum/text"
)

// possessorRepeated finds a name that follows its own possessive, as a
// glossary link can make it: "Nvidia's [[h100]]" reads "Nvidia's Nvidia
// H100".
var possessorRepeated = regexp.MustCompile(`\b(\p{Lu}[\p{L}\p{N}-]*)'s (\p{Lu}[\p{L}\p{N}-]*)\b`)

// Every text of the embedded scenarios reads well once its glossary links
// are written out: no name repeats the possessive just before it.
func TestTextsReadWithTheirLinks(t *testing.T) {
	for _, id := range ScenarioIDs() {
		p, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		keys := make([]string, 0, len(p.text))
		for k := range p.text {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s := text.Expand(text.Collapse(p.text[k]), p.LinkText)
			for _, m := range possessorRepeated.FindAllStringSubmatch(s, -1) {
				if m[1] == m[2] {
					t.Errorf("%s: %s reads %q", id, k, m[0])
				}
			}
		}
	}
}
