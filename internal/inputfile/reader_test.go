package inputfile_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneReader: no package of the program opens a file to read but
// through Read (the test helpers and generators excepted), so that every
// input gets the same check.
func TestOneReader(t *testing.T) {
	root := filepath.Join("..", "..")
	// The release build (release, kompass-release) reads the repository's
	// own files and the binary it built, no user's input.
	allowed := map[string]bool{"inputfile": true, "testkit": true, "samples": true, "kompass-bench": true, "release": true, "kompass-release": true}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || allowed[d.Name()]) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "os" && (sel.Sel.Name == "Open" || sel.Sel.Name == "ReadFile" || sel.Sel.Name == "OpenFile") {
					t.Errorf("%s: os.%s; read inputs with inputfile.Read", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
