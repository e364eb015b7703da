package content

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"zerosum/game"
)

// Pos is a value with the line it was written on, for precise messages.
type Pos[T any] struct {
	V    T
	Line int
}

// lineType is the type of a struct's Line field, which the decoder fills.
var lineType = reflect.TypeFor[int]()

// decodeFile parses YAML text into v (a pointer), strictly: unknown keys,
// wrong types and duplicate keys are problems reported with their line. It
// never panics on any input.
func decodeFile(r report, data []byte, v any) bool {
	doc, err := parseYAML(data)
	if err != nil {
		line, msg := yamlError(err)
		r.at(line, "YAML syntax: %s", msg)
		return false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		r.at(0, "the file is empty")
		return false
	}
	before := len(*r.out)
	d := decoder{r: r}
	d.value(doc.Content[0], reflect.ValueOf(v).Elem(), "")
	return len(*r.out) == before
}

// yamlError pulls the line out of a yaml.v3 error message.
func yamlError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, tail, found := strings.Cut(rest, ":")
		if n, e := strconv.Atoi(num); found && e == nil {
			return n, strings.TrimSpace(tail)
		}
	}
	return 0, msg
}

// isPos reports whether t is a Pos[T].
func isPos(t reflect.Type) bool { return t.Kind() == reflect.Struct && fieldsOf(t).pos }

// structInfo is what the decoder needs of a struct type; it is worked out
// once per type (fieldsOf), not for every value of the type in every file.
type structInfo struct {
	pos    bool           // a Pos[T]
	line   int            // index of the Line field, or -1
	fields map[string]int // yaml name -> field index
	names  []string       // the yaml names, in field order
}

var structInfos sync.Map // reflect.Type -> *structInfo

func fieldsOf(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{line: -1, fields: map[string]int{}}
	if t.Kind() == reflect.Struct {
		si.pos = strings.HasPrefix(t.Name(), "Pos[")
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Name == "Line" && f.Type == lineType {
				si.line = i
				continue
			}
			tag := f.Tag.Get("yaml")
			if tag == "" || tag == "-" {
				continue
			}
			si.fields[tag] = i
			si.names = append(si.names, tag)
		}
	}
	structInfos.Store(t, si)
	return si
}

type decoder struct {
	r report
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, what string) {
	if n.Kind == yaml.AliasNode {
		// Aliases could expand exponentially (a "billion laughs" file), and
		// content has no need of them.
		d.r.unreadable(n.Line, "%s: YAML aliases (*name) are not supported in content files; write the value out", describe(what))
		return
	}
	// Pos[T]: decode T and record the line.
	if isPos(v.Type()) {
		d.value(n, v.Field(0), what)
		v.Field(1).SetInt(int64(n.Line))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v, what)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return
			}
			d.r.unreadable(n.Line, "%s should be a list: [a, b], or one \"- \" line per item", describe(what))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.value(c, s.Index(i), fmt.Sprintf("%s[%d]", what, i+1))
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.r.unreadable(n.Line, "%s should be a mapping of names to values: {a: 1, b: 2}, or one \"name: value\" line each", describe(what))
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if prev, dup := seen[k.Value]; dup {
				d.r.at(k.Line, "%q appears twice (first on line %d)", k.Value, prev)
				continue
			}
			seen[k.Value] = k.Line
			ev := reflect.New(v.Type().Elem()).Elem()
			d.value(val, ev, joinWhat(what, k.Value))
			if isPos(ev.Type()) {
				// An entry of a mapping is where its name is written, even
				// when its value (a list, a mapping) starts on a later line.
				ev.Field(1).SetInt(int64(k.Line))
			}
			m.SetMapIndex(reflect.ValueOf(k.Value), ev)
		}
		v.Set(m)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.r.unreadable(n.Line, "%s should be text", describe(what))
			return
		}
		// A text has at most as many characters as bytes: count only a long one.
		if len(n.Value) > maxTextRunes {
			if c := utf8.RuneCountInString(n.Value); c > maxTextRunes {
				d.r.unreadable(n.Line, "%s has %d characters; a text may have at most %d", describe(what), c, maxTextRunes)
				return
			}
		}
		v.SetString(n.Value)
	case reflect.Int:
		if n.Kind != yaml.ScalarNode {
			d.r.unreadable(n.Line, "%s should be a whole number", describe(what))
			return
		}
		i, err := strconv.Atoi(strings.TrimPrefix(n.Value, "+"))
		if err != nil {
			d.r.unreadable(n.Line, "%s: %q is not a whole number", describe(what), n.Value)
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode {
			d.r.unreadable(n.Line, "%s should be true or false", describe(what))
			return
		}
		switch n.Value {
		case "true", "yes":
			v.SetBool(true)
		case "false", "no":
			v.SetBool(false)
		default:
			d.r.unreadable(n.Line, "%s: %q should be true or false", describe(what), n.Value)
		}
	default:
		d.r.at(n.Line, "%s: unsupported type %s", describe(what), v.Type())
	}
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, what string) {
	if n.Kind != yaml.MappingNode {
		d.r.at(n.Line, "%s should be a mapping (key: value lines)", describe(what))
		return
	}
	si := fieldsOf(v.Type())
	fields, names := si.fields, si.names
	if si.line >= 0 {
		v.Field(si.line).SetInt(int64(n.Line))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if prev, dup := seen[k.Value]; dup {
			d.r.at(k.Line, "%q appears twice (first on line %d)", k.Value, prev)
			continue
		}
		seen[k.Value] = k.Line
		fi, ok := fields[k.Value]
		if !ok {
			d.r.at(k.Line, "unknown field %q%s%s (known: %s)", k.Value, inWhat(what),
				game.Suggest(k.Value, names), strings.Join(names, ", "))
			continue
		}
		d.value(val, v.Field(fi), joinWhat(what, k.Value))
	}
}

func joinWhat(what, key string) string {
	if what == "" {
		return key
	}
	return what + "." + key
}

func describe(what string) string {
	if what == "" {
		return "the document"
	}
	return what
}

func inWhat(what string) string {
	if what == "" {
		return ""
	}
	return " in " + what
}
