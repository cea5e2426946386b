package sheet

import (
	"reflect"
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

// The 失效名单 sheet has every resource that was on the blacklist, those on it now
// first, with every move: reason, note, who and when.
func TestEverythingWorkbookBlacklist(t *testing.T) {
	s := newStore(t)
	rs := saveDrafts(t, s,
		data.ResourceDraft{Name: "王者荣耀点券 60点", Category: "游戏类", Price: "6", Supplier: "老王卡铺"},
		data.ResourceDraft{Name: "爱奇艺黄金VIP会员", Category: "影音类", Price: "15"},
		data.ResourceDraft{Name: "腾讯视频VIP月卡", Category: "影音类", Price: "18"},
	)
	byName := map[string]uint{}
	for _, r := range rs {
		byName[r.Name] = r.ID
	}
	a, b := byName["王者荣耀点券 60点"], byName["爱奇艺黄金VIP会员"]
	if err := s.MarkInvalid(a, data.InvalidMark{Reason: "卡密无效", Evidence: "群友截图"}); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreResource(a, data.StatusOnSale, "补发了新卡密"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkInvalid(b, data.InvalidMark{Reason: "已过期"}); err != nil {
		t.Fatal(err)
	}
	c, err := s.Resource(byName["腾讯视频VIP月卡"])
	if err != nil {
		t.Fatal(err)
	}
	c.Status = data.StatusInvalid
	if err := s.SaveResources([]*data.Resource{&c}); err != nil { // as an import would
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	got, err := f.GetRows(AllBlacklistSheet)
	if err != nil {
		t.Fatal(err)
	}
	at := testNow.Format(data.DateMinLayout)
	want := [][]string{
		{"资源", "供应商", "现在", "时间", "操作", "原因", "说明", "操作人"},
		{"腾讯视频VIP月卡", "", "在名单中", at, "标为失效", "其他", data.NoteImportInvalid, "群主"},
		{"爱奇艺黄金VIP会员", "", "在名单中", at, "标为失效", "已过期", "", "群主"},
		{"王者荣耀点券 60点", "老王卡铺", "已移出", at, "标为失效", "卡密无效", "群友截图", "群主"},
		{"王者荣耀点券 60点", "老王卡铺", "已移出", at, "移出失效名单", "", "补发了新卡密", "群主"},
	}
	for i := range got { // excelize leaves trailing empty cells out
		for len(got[i]) < len(want[0]) {
			got[i] = append(got[i], "")
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("失效名单:\n got %q\nwant %q", got, want)
	}
}
