package posts

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// partSeparator stands between the parts of a split post in a golden file; it is not
// part of any post.
const partSeparator = "\n\n~~~~~~~~ 下一条 ~~~~~~~~\n\n"

func TestGolden(t *testing.T) {
	rs := catalog()
	known := []string{"2851234567"}
	tests := []struct {
		name   string
		render func() (string, error)
	}{
		{"index", func() (string, error) {
			idx, _ := BuildIndex(group, allCats, rs, fixedNow, cst)
			return RenderIndex(Default(data.PostIndex), idx, known)
		}},
		{"index_empty", func() (string, error) {
			idx, _ := BuildIndex(group, allCats, rs[3:6], fixedNow, cst) // sold out, upcoming
			return RenderIndex(Default(data.PostIndex), idx, known)
		}},
		{"index_long", func() (string, error) {
			idx, _ := BuildIndex(group, allCats, bigCatalog(), fixedNow, cst)
			text, err := RenderIndex(Default(data.PostIndex), idx, known)
			return strings.Join(Split(text, MaxPartRunes), partSeparator), err
		}},
		{"new_stock", func() (string, error) {
			ns := BuildNewStock(group, byName(rs, "爱奇艺黄金会员 年卡"), fixedNow, cst)
			return RenderNewStock(Default(data.PostNewStock), ns, known)
		}},
		{"new_stock_upcoming", func() (string, error) {
			ns := BuildNewStock(group, byName(rs, "蛋仔派对 彩虹币"), fixedNow, cst)
			return RenderNewStock(Default(data.PostNewStock), ns, known)
		}},
		{"new_stock_free", func() (string, error) {
			ns := BuildNewStock(group, byName(rs, "肯德基 早餐兑换券"), fixedNow, cst)
			return RenderNewStock(Default(data.PostNewStock), ns, known)
		}},
		{"new_stock_plain", func() (string, error) {
			ns := BuildNewStock(group, byName(rs, "网易云音乐黑胶VIP 月卡"), fixedNow, cst)
			return RenderNewStock(Default(data.PostNewStock), ns, known)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.render()
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			assertGolden(t, tt.name, got)
		})
	}
}

// TestGoldenLongSplits keeps the long golden honest: it must really be split, or it
// would not show what a split post looks like.
func TestGoldenLongSplits(t *testing.T) {
	idx, _ := BuildIndex(group, allCats, bigCatalog(), fixedNow, cst)
	text, err := RenderIndex(Default(data.PostIndex), idx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(Split(text, MaxPartRunes)); n < 3 {
		t.Fatalf("the long catalog makes %d parts, want at least 3", n)
	}
}

// assertGolden compares got with testdata/name.golden; -update rewrites the file, and
// a mismatch leaves the actual text in testdata/failed/ to compare or copy over.
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) == got {
		return
	}
	failed := filepath.Join("testdata", "failed", name+".golden")
	if err := os.MkdirAll(filepath.Dir(failed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(failed, []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	line, w, g := firstDifference(string(want), got)
	t.Errorf("%s differs at line %d:\nwant %q\n got %q\nactual output: %s (go test -update accepts it)",
		path, line, w, g, failed)
}

// firstDifference returns the first line (1-based) where a and b differ, and the two lines.
func firstDifference(a, b string) (int, string, string) {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y || i >= len(al) || i >= len(bl) {
			return i + 1, x, y
		}
	}
	return 0, "", ""
}
