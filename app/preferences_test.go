package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Everything that belongs to the data (the current group, the low-stock line, the last
// backup, the chooser's folders, column widths) lives in the database, so a -data folder
// on a USB stick carries it and two data folders do not share it. Fyne's Preferences
// are per computer and per app id, shared by every data folder: no code may use them.
func TestNothingIsKeptInFynePreferences(t *testing.T) {
	fset := token.NewFileSet()
	files := 0
	for _, root := range []string{".", "../data", "../main.go"} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files++
			ast.Inspect(f, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Preferences" {
					t.Errorf("%s uses Preferences: keep it in the database (data.Store.Setting)", fset.Position(sel.Pos()))
				}
				return true
			})
			return nil
		})
	}
	if files < 40 {
		t.Fatalf("read only %d source files: the test is not looking at the code", files)
	}
}
