package posts

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

func openStore(t *testing.T) *data.Store {
	t.Helper()
	store, err := data.Open(filepath.Join(t.TempDir(), data.DatabaseFile),
		data.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	return store
}

func mustSave(t *testing.T, store *data.Store, d data.ResourceDraft) data.Resource {
	t.Helper()
	r, err := d.Parse(nil, fixedNow, cst)
	if err == nil {
		err = store.SaveResource(&r)
	}
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestIndexPreviewCutsTheCatalog(t *testing.T) {
	store := openStore(t)
	p, err := IndexPreview(store, &group, fixedNow, cst)
	if err != nil {
		t.Fatal(err)
	}
	text, err := p.Render(Default(data.PostIndex))
	if err != nil || !strings.Contains(text, "示例点卡") || !strings.Contains(p.Note, "示例资源") {
		t.Errorf("empty catalog: note %q, preview %q (%v)", p.Note, text, err)
	}

	mustSave(t, store, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10"})
	p, _ = IndexPreview(store, &group, fixedNow, cst)
	if text, _ := p.Render(Default(data.PostIndex)); !strings.Contains(text, "王者荣耀点券") || strings.Contains(p.Note, "只列了") {
		t.Errorf("small catalog: note %q, preview %q", p.Note, text)
	}

	for _, cat := range []string{"影音类", "生活类", "话费类"} {
		for i := range 5 {
			mustSave(t, store, data.ResourceDraft{Name: cat + "资源" + string(rune('A'+i)), Category: cat, Price: "1"})
		}
	}
	p, _ = IndexPreview(store, &group, fixedNow, cst)
	text, _ = p.Render("{{range .Categories}}{{.Name}}({{.Count}}){{range .Resources}}+{{end}}\n{{end}}")
	if text != "游戏类(1)+\n影音类(5)+++\n生活类(5)+++" || !strings.Contains(p.Note, "只列了") {
		t.Errorf("big catalog: note %q, preview %q", p.Note, text)
	}
}

func TestNewStockPreviewUsesTheResource(t *testing.T) {
	store := openStore(t)
	r := mustSave(t, store, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10", Stock: "5"})
	p, err := NewStockPreview(store, &group, &r, fixedNow, cst)
	if text, _ := p.Render(Default(data.PostNewStock)); err != nil || !strings.Contains(text, "王者荣耀点券") || !strings.Contains(p.Note, "「王者荣耀点券」") {
		t.Errorf("on sale: note %q, preview %q (%v)", p.Note, text, err)
	}
	r.Stock = 0
	p, _ = NewStockPreview(store, &group, &r, fixedNow, cst)
	if text, _ := p.Render(Default(data.PostNewStock)); !strings.Contains(text, "示例点卡") {
		t.Errorf("sold out: preview %q, want the sample", text)
	}
	if _, err := (Preview{}).Render("x"); err == nil {
		t.Error("an empty preview rendered")
	}
}
