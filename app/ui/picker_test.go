package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/data"
)

// Typing narrows the list, Enter picks the best match, typing again drops the pick, and
// new choices keep a pick they still have (a reload while the form is open).
func TestPicker(t *testing.T) {
	newTestEnv(t)
	changes := 0
	p := NewPicker(func() {}, "成员", 88, func() { changes++ })
	xm := Choice{ID: 7, Label: "小明 10001", Detail: "没有交易记录", Key: data.SearchKey("小明", "10001")}
	xh := Choice{ID: 8, Label: "小红 10002", Detail: "交易 2 笔", Key: data.SearchKey("小红", "10002")}
	p.SetChoices([]Choice{xm, xh})
	if len(p.Shown) != 2 {
		t.Fatalf("nothing typed shows %d", len(p.Shown))
	}
	test.Type(p.Entry, "xiaoh")
	if len(p.Shown) != 1 || p.ID() != 0 {
		t.Fatalf("typing xiaoh shows %d, picked %d", len(p.Shown), p.ID())
	}
	p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.ID() != 8 || p.Entry.Text != "小红 10002" || p.Picked.Text != "已选：小红 10002，交易 2 笔" || changes != 1 {
		t.Fatalf("Enter picked %d, entry %q, picked %q, %d changes", p.ID(), p.Entry.Text, p.Picked.Text, changes)
	}
	p.SetChoices([]Choice{xh, xm})
	if p.ID() != 8 || *p.IDPtr() != 8 {
		t.Fatalf("a reload lost the pick: %d", p.ID())
	}
	p.SetChoices([]Choice{xm})
	if p.ID() != 0 || p.IDPtr() != nil {
		t.Fatalf("a pick no longer offered stayed: %d", p.ID())
	}
	test.Type(p.Entry, "x")
	if p.ID() != 0 {
		t.Fatal("typing kept the pick")
	}
}
