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

// Ctrl+Q and Ctrl+digit must work while the owner types, and Fyne gives a focused entry
// every shortcut: a plain widget.Entry drops them. So the screens make their entries
// with app/ui (ui.NewEntry, ui.NewMultiLineEntry, ui.NewSelectEntry, FormKit.Entry) or
// embed widget.Entry in a type of their own that calls ui.PassOn. Only the file
// chooser, a dialog where no window shortcut belongs, makes plain ones.
func TestScreensUseEntriesThatPassShortcutsOn(t *testing.T) {
	fset := token.NewFileSet()
	files := 0
	_ = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			strings.HasPrefix(path, "ui/file_chooser") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files++
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "widget" {
				switch sel.Sel.Name {
				case "NewEntry", "NewMultiLineEntry", "NewSelectEntry", "NewPasswordEntry", "NewEntryWithData":
					t.Errorf("%s: widget.%s drops Ctrl+Q and Ctrl+digit; use app/ui's entries", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
		// A type that embeds widget.Entry must pass shortcuts on itself.
		for _, decl := range f.Decls {
			checkEmbeddedEntry(t, fset, f, decl)
		}
		return nil
	})
	if files < 40 {
		t.Fatalf("read only %d source files: the test is not looking at the code", files)
	}
}

func checkEmbeddedEntry(t *testing.T, fset *token.FileSet, f *ast.File, decl ast.Decl) {
	gd, ok := decl.(*ast.GenDecl)
	if !ok || gd.Tok != token.TYPE {
		return
	}
	for _, spec := range gd.Specs {
		ts := spec.(*ast.TypeSpec)
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			continue
		}
		for _, field := range st.Fields.List {
			sel, ok := field.Type.(*ast.SelectorExpr)
			if len(field.Names) != 0 || !ok || sel.Sel.Name != "Entry" && sel.Sel.Name != "SelectEntry" {
				continue
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "widget" {
				continue
			}
			if !hasMethod(f, ts.Name.Name, "TypedShortcut") {
				t.Errorf("%s: %s embeds widget.%s without a TypedShortcut that calls ui.PassOn", fset.Position(ts.Pos()), ts.Name.Name, sel.Sel.Name)
			}
		}
	}
}

func hasMethod(f *ast.File, typeName, method string) bool {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || fd.Name.Name != method {
			continue
		}
		if star, ok := fd.Recv.List[0].Type.(*ast.StarExpr); ok {
			if id, ok := star.X.(*ast.Ident); ok && id.Name == typeName {
				return true
			}
		}
	}
	return false
}
