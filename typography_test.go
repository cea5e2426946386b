package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// halfWidth are the ASCII marks that Chinese writing writes full-width: ，；：（）？！.
var halfWidth = map[rune]rune{',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！'}

// Chinese sentences use full-width punctuation (DESIGN.md, quality bar); half-width
// stays inside numbers, prices and times (1,000 ¥9.9 20:00). A mark counts as part
// of a Chinese sentence when a Chinese character stands right before or after it.
// This reads every string in the code the owner can see (app/, data/ with the demo
// data, not tests), the
// default post templates, and the posts they render (the golden files).
func TestChineseSentencesUseFullWidthPunctuation(t *testing.T) {
	texts := map[string]string{}
	for _, root := range []string{"app", "data"} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
				strings.Contains(path, "testdata") || strings.Contains(path, "uitest") {
				return err
			}
			stringsIn(t, path, texts)
			return nil
		})
	}
	tmpls, _ := filepath.Glob("assets/templates/*.tmpl")
	goldens, _ := filepath.Glob("data/posts/testdata/*.golden") // posts as rendered
	tmpls = append(tmpls, goldens...)
	if len(tmpls) == 0 || len(texts) < 100 {
		t.Fatalf("read %d templates and %d strings: the test is not looking at the code", len(tmpls), len(texts))
	}
	for _, p := range tmpls {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[p] = string(b)
	}
	for where, s := range texts {
		if notSentences[s] {
			continue
		}
		if bad := HalfWidthInChinese(s); bad != "" {
			t.Errorf("%s: %q has half-width %s in a Chinese sentence", where, s, bad)
		}
	}
}

// notSentences are literals that hold Chinese characters but are no text anyone reads:
// the characters the sheet reader looks for in a cell's number format to tell a date
// or a time (data/sheet/xlsx.go).
var notSentences = map[string]bool{":时": true, "-/:年月日时": true}

// HalfWidthInChinese names the first half-width mark next to a Chinese character in s.
func HalfWidthInChinese(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		if _, ok := halfWidth[r]; !ok {
			continue
		}
		before := i > 0 && (unicode.Is(unicode.Han, rs[i-1]) || strings.ContainsRune("」』】", rs[i-1]))
		after := i+1 < len(rs) && (unicode.Is(unicode.Han, rs[i+1]) || strings.ContainsRune("「『【", rs[i+1]))
		if before || after {
			return strconv.QuoteRune(r) + " at " + strconv.Quote(string(rs[max(0, i-4):min(len(rs), i+5)]))
		}
	}
	return ""
}

func stringsIn(t *testing.T, path string, into map[string]string) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil {
				into[fset.Position(lit.Pos()).String()] = s
			}
		}
		return true
	})
}

func TestHalfWidthInChinese(t *testing.T) {
	for s, bad := range map[string]bool{
		"兑换:直充": true, "删除「小鱼」(123456）": true, "请先改正:名称;价格": true, "价格(元)": true, "QQ号(5–12 位数字)": true,
		"兑换：直充": false, "库存 1,000": false, "¥9.9": false, "20:00 截止": false, "(1/3)": false, "ok, fine": false,
	} {
		if got := HalfWidthInChinese(s) != ""; got != bad {
			t.Errorf("HalfWidthInChinese(%q) found %v, want %v", s, got, bad)
		}
	}
}
