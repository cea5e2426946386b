package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/qunhuo/qunhuo/assets"
)

// Every character the GUI writes must have a glyph in the embedded font, or owners on
// a system without Chinese fonts see boxes. This reads every string in the screens'
// source under app/ (every area) and Fyne's Chinese words.
func TestScreensUseOnlyCharactersTheFontHas(t *testing.T) {
	font, err := sfnt.Parse(assets.FontRegular)
	if err != nil {
		t.Fatalf("parse font: %v", err)
	}
	var buf sfnt.Buffer
	has := func(r rune) bool {
		i, err := font.GlyphIndex(&buf, r)
		return err == nil && i != 0
	}
	if has('✔') || !has('√') {
		t.Fatal("the glyph check cannot tell a missing symbol from a present one")
	}
	texts := map[string]string{"assets/fyne-zh.json": string(assets.FyneChinese)}
	var files []string
	_ = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.Contains(path, "testdata") {
			files = append(files, path)
		}
		return err
	})
	if len(files) < 20 {
		t.Fatalf("found only %d source files under app/", len(files))
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					texts[fset.Position(lit.Pos()).String()] += s
				}
			}
			return true
		})
	}
	for where, text := range texts {
		for _, r := range text {
			if r > 0x7f && !has(r) {
				t.Errorf("%s: %q (U+%04X) has no glyph in the embedded font", where, r, r)
			}
		}
	}
}
