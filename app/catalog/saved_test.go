package catalog

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// After a save the catalog says 已保存 and selects the saved resource's row, which the
// owner finds without looking for it; a search that would hide it is cleared.
func TestSavedResourceIsConfirmedAndSelected(t *testing.T) {
	e := uitest.NewEnv(t)
	for _, name := range []string{"王者荣耀点券 60元", "腾讯视频VIP月卡", "原神创世结晶 648", "移动话费 100元", "爱奇艺黄金会员 年卡"} {
		uitest.MustResource(t, e, data.ResourceDraft{Name: name, Category: "游戏类", Price: "10", Status: "上架"})
	}
	s := openResources(t, e)
	sel := uitest.WatchSelection(&s.table.Table)
	s.Search("wzry") // only 王者荣耀 shows; the new one would be hidden

	test.Tap(s.addButton)
	f := s.form
	test.Type(f.name, "哔哩哔哩大会员 月卡")
	f.category.SetSelected("影音类")
	test.Type(f.price, "15")
	test.Tap(f.SaveButton)
	e.Tasks.Wait()

	if sel.Row < 0 || sel.Row >= len(s.shown) {
		t.Fatalf("no row is selected after the save (row %d of %d shown)", sel.Row, len(s.shown))
	}
	if got := s.all[s.shown[sel.Row]].Name; got != "哔哩哔哩大会员 月卡" {
		t.Errorf("the selected row is %q, want the saved resource", got)
	}
	if cur := s.current(); cur == nil || cur.Name != "哔哩哔哩大会员 月卡" {
		t.Errorf("the screen's actions are on %+v, want the saved resource", cur)
	}
	if got := s.notice.Text(); !strings.Contains(got, "已保存「哔哩哔哩大会员 月卡」") || !strings.Contains(got, "已清除筛选") {
		t.Errorf("notice = %q, want 已保存 and that the search was cleared", got)
	}
	if s.search.Text != "" {
		t.Errorf("the search %q still hides the saved resource", s.search.Text)
	}

	// Editing keeps the edited row selected and says so again.
	test.Tap(s.editButton)
	s.form.price.SetText("13.9")
	test.Tap(s.form.SaveButton)
	e.Tasks.Wait()
	if sel.Row < 0 || s.all[s.shown[sel.Row]].Name != "哔哩哔哩大会员 月卡" || s.all[s.shown[sel.Row]].PriceCents != 1390 {
		t.Errorf("after an edit the selected row is %d, want the edited resource", sel.Row)
	}
	if got := s.notice.Text(); got != "已保存「哔哩哔哩大会员 月卡」" {
		t.Errorf("notice after the edit = %q", got)
	}
}
