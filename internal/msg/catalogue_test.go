package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// keyArgs are the functions whose arguments at these positions are
// catalogue keys: msg's own, and the helpers of packages that translate
// what they are given (cli's usageErr, warn, failure and inputErr).
var keyArgs = map[string][]int{
	"msg.Sprintf": {0}, "msg.Errorf": {0}, "msg.T": {0}, "msg.Plural": {1, 2}, "msg.Count": {1, 2}, "msg.New": {0},
	"cli.usageErr": {0}, "cli.warn": {1}, "cli.failure": {1}, "cli.inputErr": {1},
	"cli.exactArgs": {1}, "cli.newProgress": {1},
}

// keysInCode finds every literal key passed to the functions of keyArgs
// (at their positions) in the program's non-test Go files, with where it
// is.
func keysInCode(t *testing.T, keyArgs map[string][]int) map[string]string {
	t.Helper()
	root := filepath.Join("..", "..")
	keys := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		pkg := f.Name.Name
		// Inside a helper that takes keys, passing them on is fine.
		var helpers []ast.Node
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if _, ok := keyArgs[pkg+"."+fd.Name.Name]; ok {
					helpers = append(helpers, fd)
				}
			}
		}
		inHelper := func(n ast.Node) bool {
			for _, h := range helpers {
				if n.Pos() >= h.Pos() && n.End() <= h.End() {
					return true
				}
			}
			return false
		}
		ast.Inspect(f, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				if id, ok := fn.X.(*ast.Ident); ok {
					name = id.Name + "." + fn.Sel.Name
				}
			case *ast.Ident:
				name = pkg + "." + fn.Name
			}
			positions, ok := keyArgs[name]
			if !ok || strings.HasSuffix(path, filepath.Join("msg", "msg.go")) {
				return true
			}
			for _, i := range positions {
				if i >= len(call.Args) {
					continue
				}
				switch arg := call.Args[i].(type) {
				case *ast.BasicLit:
					if arg.Kind == token.STRING {
						if s, _ := strconv.Unquote(arg.Value); s != "" {
							keys[s] = fset.Position(arg.Pos()).String()
						}
						continue
					}
				case *ast.Ident:
					if inHelper(arg) {
						continue
					}
				case *ast.CallExpr: // an already translated message
					if sel, ok := arg.Fun.(*ast.SelectorExpr); ok {
						if id, ok := sel.X.(*ast.Ident); ok && id.Name == "msg" {
							continue
						}
					}
				}
				t.Errorf("%s: %s with a key that is not a string literal: the catalogue cannot check it", fset.Position(call.Args[i].Pos()), name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// verbs are a format's verbs by argument: "%s and %[1]d" → [s d]… in
// argument order, so that a reordered translation still matches.
func verbs(format string) []string {
	var out []string
	next := 1
	byArg := map[int]string{}
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		v := m[0][len(m[0])-1:]
		if v == "%" {
			continue
		}
		arg := next
		if m[1] != "" {
			arg, _ = strconv.Atoi(m[1][1 : len(m[1])-1])
		}
		byArg[arg] = v
		next = arg + 1
	}
	for i := 1; i <= len(byArg); i++ {
		out = append(out, byArg[i])
	}
	return out
}

// TestCatalogue: every key in the code has a Swedish translation with the
// same verbs, and the catalogue holds no key the code does not use.
func TestCatalogue(t *testing.T) {
	keys := keysInCode(t, keyArgs)
	for k, where := range keys {
		sv, ok := swedish[k]
		if !ok {
			t.Errorf("%s: no Swedish for %q", where, k)
			continue
		}
		if a, b := verbs(k), verbs(sv); !slices.Equal(a, b) {
			t.Errorf("%s: %q has the verbs %v, its Swedish %q has %v", where, k, a, sv, b)
		}
	}
	for k := range swedish {
		if _, used := keys[k]; !used {
			t.Errorf("the catalogue has %q, which no code uses", k)
		}
	}
}

// TestHelpTexts: every command's help text the code asks for (msg.Help)
// is there in both languages, with the same verbs and the same number of
// paragraphs, and none is there that no command asks for.
func TestHelpTexts(t *testing.T) {
	ids := keysInCode(t, map[string][]int{"msg.Help": {0}})
	for id, where := range ids {
		h, ok := helpTexts[id]
		if !ok {
			t.Errorf("%s: no help text %q", where, id)
			continue
		}
		if h.en == "" || h.sv == "" || h.en == h.sv {
			t.Errorf("%s: the help text %q is not in both languages", where, id)
		}
		if a, b := verbs(h.en), verbs(h.sv); !slices.Equal(a, b) {
			t.Errorf("%s: the help text %q has the verbs %v in English and %v in Swedish", where, id, a, b)
		}
		if a, b := strings.Count(h.en, "\n\n"), strings.Count(h.sv, "\n\n"); a != b {
			t.Errorf("%s: the help text %q has %d paragraphs in English and %d in Swedish", where, id, a+1, b+1)
		}
	}
	for id := range helpTexts {
		if _, used := ids[id]; !used {
			t.Errorf("the help text %q is asked for by no command", id)
		}
	}
	if len(ids) < 16 {
		t.Errorf("found %d msg.Help calls in the code, want every command's (16)", len(ids))
	}
}

func TestVerbs(t *testing.T) {
	if got := verbs("%s is %d of %q (%%)"); !slices.Equal(got, []string{"s", "d", "q"}) {
		t.Errorf("verbs = %v", got)
	}
	if got := verbs("%[2]d är %[1]s"); !slices.Equal(got, []string{"s", "d"}) {
		t.Errorf("reordered verbs = %v", got)
	}
}

func TestLanguage(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tc := range []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, Swedish},
		{map[string]string{"LANG": "C.UTF-8"}, Swedish},
		{map[string]string{"LANG": "en_GB.UTF-8"}, English},
		{map[string]string{"LANG": "en_GB.UTF-8", "LC_ALL": "sv_SE.UTF-8"}, Swedish},
		{map[string]string{"LANG": "sv_SE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, English},
	} {
		if got := FromEnv(env(tc.env)); got != tc.want {
			t.Errorf("FromEnv(%v) = %s, want %s", tc.env, got, tc.want)
		}
	}
	defer SetLanguage(Current())
	register(map[string]string{"test: %s is missing": "test: %s saknas"})
	defer delete(swedish, "test: %s is missing")
	SetLanguage(Swedish)
	if got := Sprintf("test: %s is missing", "Kommun"); got != "test: Kommun saknas" {
		t.Errorf("Swedish: %q", got)
	}
	SetLanguage(English)
	if got := Sprintf("test: %s is missing", "Kommun"); got != "test: Kommun is missing" {
		t.Errorf("English: %q", got)
	}
}
