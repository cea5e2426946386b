package catalog

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// 失效 is not a status the form offers: a resource goes on the blacklist only through
// 标为失效…, with a reason. A resource already on it keeps 失效, locked, and the form
// says how it comes off.
func TestFormOffersNoInvalidStatus(t *testing.T) {
	e := uitest.NewEnv(t)
	s := openResources(t, e)
	test.Tap(s.addButton)
	if slices.Contains(s.form.status.Options, "失效") {
		t.Errorf("the new resource form offers %v", s.form.status.Options)
	}
	s.form.Close()

	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "滴滴打车 券包", Category: "生活类", Price: "5"})
	if err := e.Store.MarkInvalid(r.ID, data.InvalidMark{Reason: "与描述不符"}); err != nil {
		t.Fatal(err)
	}
	s.Refresh()
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.editButton)
	f := s.form
	if !f.status.Disabled() || f.status.Selected != "失效" {
		t.Errorf("an invalid resource's status: %q, disabled %v", f.status.Selected, f.status.Disabled())
	}
	if !strings.Contains(f.supplierNote.Text, "移出失效名单…") {
		t.Errorf("the form does not say how it comes off: %q", f.supplierNote.Text)
	}
	test.Type(f.notes, "改个备注")
	test.Tap(f.SaveButton)
	got, _ := e.Store.Resource(r.ID)
	evs, _ := e.Store.ResourceHistory(r.ID)
	if got.Status != data.StatusInvalid || got.Notes != "改个备注" || len(evs) != 1 {
		t.Errorf("after an edit: status %s, notes %q, %d moves", got.Status, got.Notes, len(evs))
	}
}

// The button under the table marks what is not on the blacklist and restores what is;
// 下架 is locked for a resource on it, since that would take it off without a note.
func TestInvalidButtonFollowsTheStatus(t *testing.T) {
	e := uitest.NewEnv(t)
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "滴滴打车 券包", Category: "生活类", Price: "5"})
	var marked, restored []string
	s := NewScreen(e, Links{
		MarkInvalid: func(r data.Resource, done func()) {
			marked = append(marked, r.Name)
			if err := e.Store.MarkInvalid(r.ID, data.InvalidMark{Reason: "其他"}); err != nil {
				t.Fatal(err)
			}
			done()
		},
		RestoreInvalid: func(r data.Resource, done func()) { restored = append(restored, r.Name); done() },
	})
	uitest.Show(e, s.Content())
	s.Refresh()
	if !s.invalidBtn.Disabled() {
		t.Error("标为失效… is enabled with nothing selected")
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if s.invalidBtn.Text != "标为失效…" || s.invalidBtn.Disabled() || s.shelfButton.Disabled() {
		t.Fatalf("on sale: %q, disabled %v, 下架 disabled %v", s.invalidBtn.Text, s.invalidBtn.Disabled(), s.shelfButton.Disabled())
	}
	test.Tap(s.invalidBtn)
	if len(marked) != 1 || marked[0] != r.Name {
		t.Fatalf("marked %v", marked)
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if s.invalidBtn.Text != "移出失效名单…" || !s.shelfButton.Disabled() {
		t.Errorf("after marking: %q, 下架 disabled %v", s.invalidBtn.Text, s.shelfButton.Disabled())
	}
	test.Tap(s.invalidBtn)
	if len(restored) != 1 || len(marked) != 1 {
		t.Errorf("restore: marked %v, restored %v", marked, restored)
	}
}

// Choosing a supplier whose invalid rate is above the owner's line warns in the form,
// without stopping the save; a good one says its record; a new one says it has none.
func TestFormWarnsAboutAnUnreliableSupplier(t *testing.T) {
	e := uitest.NewEnv(t)
	for i, name := range []string{"A1", "A2", "A3", "B1"} {
		sup := "老王卡铺"
		if i == 3 {
			sup = "小李货源"
		}
		r := uitest.MustResource(t, e, data.ResourceDraft{Name: name, Category: "游戏类", Price: "1", Supplier: sup})
		if i == 0 {
			if err := e.Store.MarkInvalid(r.ID, data.InvalidMark{Reason: "卡密无效"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := openResources(t, e)
	test.Tap(s.addButton)
	f := s.form
	f.supplier.SetText("老王卡铺")
	if f.supplierNote.Importance != widget.WarningImportance || !strings.Contains(f.supplierNote.Text, "失效率 33.3%") ||
		!strings.Contains(f.supplierNote.Text, "高于 20%") {
		t.Errorf("老王卡铺: %q (importance %v)", f.supplierNote.Text, f.supplierNote.Importance)
	}
	f.supplier.SetText("小李货源")
	if f.supplierNote.Importance == widget.WarningImportance || !strings.Contains(f.supplierNote.Text, "满 3 个才算失效率") {
		t.Errorf("小李货源: %q", f.supplierNote.Text)
	}
	f.supplier.SetText("没见过的")
	if !strings.Contains(f.supplierNote.Text, "还没有记录") {
		t.Errorf("a new supplier: %q", f.supplierNote.Text)
	}
	f.supplier.SetText("老王卡铺")
	test.Type(f.name, "A4")
	f.price.SetText("2")
	test.Tap(f.SaveButton)
	rs, _ := e.Store.Resources()
	if len(rs) != 5 {
		t.Errorf("the warning stopped the save: %d resources", len(rs))
	}
	if err := e.Store.SetSupplierWarnPercent(40); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.addButton)
	s.form.supplier.SetText("老王卡铺")
	if s.form.supplierNote.Importance == widget.WarningImportance {
		t.Errorf("at 40%% 老王卡铺 (1 in 4) still warns: %q", s.form.supplierNote.Text)
	}
}

// A resource on the blacklist that a post named cannot be deleted, and is not offered
// 下架 either: it stays on the list.
func TestDeleteOfAnInvalidResourceInAPost(t *testing.T) {
	e := uitest.NewEnv(t)
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "滴滴打车 券包", Category: "生活类", Price: "5"})
	if err := e.Store.RecordPost(&data.Post{Kind: data.PostIndex, Body: "索引表"}, []uint{r.ID}); err != nil {
		t.Fatal(err)
	}
	if err := e.Store.MarkInvalid(r.ID, data.InvalidMark{Reason: "其他"}); err != nil {
		t.Fatal(err)
	}
	s := openResources(t, e)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.delete(r.ID, r.Name)
	if text := uifind.OverlayText(e.Win); !strings.Contains(text, "它在失效名单里") {
		t.Errorf("the refusal says %q", text)
	}
	if got, _ := e.Store.Resource(r.ID); got.Status != data.StatusInvalid {
		t.Errorf("status %s after the refused delete", got.Status)
	}
}
