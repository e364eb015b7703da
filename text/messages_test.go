package text

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite lang/messages.txt from the code")

// codeDirs are the packages whose words a player reads.
var codeDirs = []string{"..", "../ui", "../report", "../serve", "../content", "../saves", "../untrusted", "."}

// scanMessages finds every text.T and text.F call in the code, and reports
// a call whose key is not a string literal (a key made at run time could
// never be translated).
func scanMessages(t *testing.T) (keys []string, where map[string]string) {
	t.Helper()
	where = map[string]string{}
	fset := token.NewFileSet()
	for _, dir := range codeDirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			local := dir == "."
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				var fn string
				switch x := call.Fun.(type) {
				case *ast.SelectorExpr:
					if id, ok := x.X.(*ast.Ident); ok && id.Name == "text" && !local {
						fn = x.Sel.Name
					}
				case *ast.Ident:
					if local {
						fn = x.Name
					}
				}
				if fn != "T" && fn != "F" {
					return true
				}
				k, ok := literal(call.Args[0])
				pos := fset.Position(call.Pos()).String()
				if !ok {
					if !local { // T and F themselves pass their argument on
						t.Errorf("%s: text.%s needs a string literal, so that it can be translated", pos, fn)
					}
					return true
				}
				if _, seen := where[k]; !seen {
					keys = append(keys, k)
					where[k] = pos
				}
				return true
			})
		}
	}
	slices.Sort(keys)
	return keys, where
}

// literal evaluates a string literal, or a sum of them.
func literal(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(x.X)
		b, ok2 := literal(x.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(x.X)
	}
	return "", false
}

// TestMessageList: lang/messages.txt lists exactly the keys the code uses
// (go test ./text -update rewrites it).
func TestMessageList(t *testing.T) {
	keys, _ := scanMessages(t)
	var b strings.Builder
	b.WriteString("# Every message the interface passes to text.T and text.F; written by\n# go test ./text -update. zerosum validate --lang zh checks each has its Chinese.\n")
	for _, k := range keys {
		b.WriteString(strconv.Quote(k) + "\n")
	}
	if *update {
		if err := os.WriteFile("lang/messages.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := InterfaceMessages(); !slices.Equal(got, keys) {
		t.Errorf("lang/messages.txt is out of step with the code (%d listed, %d used); run go test ./text -update", len(got), len(keys))
	}
}

// TestEveryMessageTranslated fails when the code gains an English message
// without its Chinese, or a translation prints other arguments than its
// English.
func TestEveryMessageTranslated(t *testing.T) {
	if err := CatalogError(); err != nil {
		t.Fatal(err)
	}
	keys, where := scanMessages(t)
	for _, k := range keys {
		if !Has("zh", k) {
			t.Errorf("%s: %q has no Chinese (add it to a file in text/lang/zh/)", where[k], k)
		} else if m := Mismatch("zh", k); m != "" {
			t.Errorf("%s: %q: %s", where[k], k, m)
		}
	}
	// Every translation is of a message the code still uses.
	for _, k := range Messages("zh") {
		if _, ok := where[k]; !ok {
			t.Errorf("text/lang/zh has a message the code no longer uses: %q", k)
		}
	}
}
