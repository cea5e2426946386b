package blacklist

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// resources adds resources named as given, each "name@supplier".
func resources(t *testing.T, e *ui.Env, specs ...string) []data.Resource {
	t.Helper()
	var rs []data.Resource
	for _, spec := range specs {
		name, sup, _ := strings.Cut(spec, "@")
		rs = append(rs, uitest.MustResource(t, e, data.ResourceDraft{Name: name, Category: "游戏类", Price: "10", Supplier: sup}))
	}
	return rs
}

func history(t *testing.T, e *ui.Env, id uint) []data.ResourceEvent {
	t.Helper()
	evs, err := e.Store.ResourceHistory(id)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func status(t *testing.T, e *ui.Env, id uint) data.ResourceStatus {
	t.Helper()
	r, err := e.Store.Resource(id)
	if err != nil {
		t.Fatal(err)
	}
	return r.Status
}

// Marking without a reason is refused at 失效原因 and changes nothing; with a reason
// and evidence it is kept with who and when.
func TestMarkDialogNeedsAReason(t *testing.T) {
	e := uitest.NewEnv(t)
	r := resources(t, e, "王者荣耀点券 60点@老王卡铺")[0]
	done := 0
	d := ShowMarkInvalid(e, r, func() { done++ })
	test.Type(d.Evidence, "群友截图：卡密已被使用")
	test.Tap(d.SaveButton)
	if !strings.Contains(d.Notes["reason"].Text, "请选择失效原因") && !strings.Contains(uifind.OverlayText(e.Win), "请选择失效原因") {
		t.Errorf("no reason refused without naming the field; summary %q", d.Summary.Text)
	}
	if done != 0 || status(t, e, r.ID) != data.StatusOnSale || len(history(t, e, r.ID)) != 0 {
		t.Fatal("a mark without a reason changed the resource")
	}
	d.Reason.SetSelected("卡密无效")
	test.Tap(d.SaveButton)
	if done != 1 || status(t, e, r.ID) != data.StatusInvalid {
		t.Fatalf("with a reason: done %d, status %s", done, status(t, e, r.ID))
	}
	evs := history(t, e, r.ID)
	if len(evs) != 1 || evs[0].Reason != data.ReasonCardInvalid || evs[0].Note != "群友截图：卡密已被使用" || evs[0].ByName != "群主" ||
		!evs[0].At.Equal(uitest.Now) {
		t.Errorf("history = %+v", evs)
	}
}

// The list shows what is 失效, narrowed by supplier and reason; a row shows its
// history; 移出失效名单… needs a note and then takes it off with the status chosen.
func TestBlacklistScreenListFilterRestore(t *testing.T) {
	e := uitest.NewEnv(t)
	rs := resources(t, e, "王者荣耀点券 60点@老王卡铺", "爱奇艺黄金VIP会员@老王卡铺", "腾讯视频VIP月卡@小李货源", "QQ音乐绿钻@")
	for i, reason := range []string{"卡密无效", "已过期", "卡密无效"} {
		if err := e.Store.MarkInvalid(rs[i].ID, data.InvalidMark{Reason: reason, Evidence: "证据" + rs[i].Name}); err != nil {
			t.Fatal(err)
		}
	}
	s := NewScreen(e, Links{})
	uitest.Show(e, s.Content())
	s.Refresh()
	names := func() []string {
		var ns []string
		for _, en := range s.entries {
			ns = append(ns, en.Resource.Name)
		}
		return ns
	}
	if got := strings.Join(names(), "|"); got != "腾讯视频VIP月卡|爱奇艺黄金VIP会员|王者荣耀点券 60点" || s.Count.Text != "共 3 个失效资源" {
		t.Fatalf("list = %s (%s)", got, s.Count.Text)
	}
	s.Supplier.SetSelected("老王卡铺")
	if got := strings.Join(names(), "|"); got != "爱奇艺黄金VIP会员|王者荣耀点券 60点" {
		t.Errorf("老王卡铺 = %s", got)
	}
	s.Reason.SetSelected("卡密无效")
	if got := strings.Join(names(), "|"); got != "王者荣耀点券 60点" {
		t.Errorf("老王卡铺 and 卡密无效 = %s", got)
	}
	s.Supplier.SetSelected(noSupplier)
	if len(s.entries) != 0 || !s.Empty.Visible() || !strings.Contains(s.Empty.Message.Text, "没有符合") {
		t.Errorf("no match: %v, empty state %q", names(), s.Empty.Message.Text)
	}
	s.Supplier.SetSelected(allSuppliers)
	s.Reason.SetSelected(allReasons)

	s.Table.Select(widget.TableCellID{Row: 2, Col: 0})
	if !strings.Contains(s.Detail.Text, "群主 标为失效：卡密无效，证据王者荣耀点券 60点") {
		t.Errorf("detail = %q", s.Detail.Text)
	}
	test.Tap(s.RestoreBtn)
	top := e.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("移出失效名单… opened nothing")
	}
	save := uifind.OverlayButton(t, e.Win, "移出失效名单")
	test.Tap(save)
	if !strings.Contains(uifind.OverlayText(e.Win), "移出说明不能为空") {
		t.Errorf("no note refused without naming the field: %q", uifind.OverlayText(e.Win))
	}
	id := rs[0].ID
	if status(t, e, id) != data.StatusInvalid || len(history(t, e, id)) != 1 {
		t.Fatal("restored without a note")
	}
	var note *ui.Entry
	var to *widget.RadioGroup
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *ui.Entry:
			if w.MultiLine {
				note = w
			}
		case *widget.RadioGroup:
			to = w
		}
	}
	test.Type(note, "上家补发了新卡密，已验证")
	to.SetSelected("下架")
	test.Tap(save)
	if status(t, e, id) != data.StatusOffShelf {
		t.Errorf("status after restore = %s, want 下架", status(t, e, id))
	}
	evs := history(t, e, id)
	if len(evs) != 2 || evs[1].Kind != data.EventRestored || evs[1].Note != "上家补发了新卡密，已验证" {
		t.Errorf("history = %+v", evs)
	}
	if got := strings.Join(names(), "|"); got != "腾讯视频VIP月卡|爱奇艺黄金VIP会员" {
		t.Errorf("after restore the list = %s", got)
	}
}

// An empty blacklist says how resources get on it and opens the catalog.
func TestBlacklistEmptySaysWhatToDo(t *testing.T) {
	e := uitest.NewEnv(t)
	opened := 0
	s := NewScreen(e, Links{Catalog: func() { opened++ }})
	uitest.Show(e, s.Content())
	s.Refresh()
	if !s.Empty.Visible() || !strings.Contains(s.Empty.Message.Text, "标为失效…") {
		t.Fatalf("empty state = %q", s.Empty.Message.Text)
	}
	test.Tap(uifind.FindButton(s.Empty.Buttons, "去资源库"))
	if opened != 1 {
		t.Error("去资源库 did not open the catalog")
	}
}

// The reliability tab counts each supplier and flags those above the owner's line;
// picking one shows its resources on the list.
func TestReliabilityTab(t *testing.T) {
	e := uitest.NewEnv(t)
	rs := resources(t, e, "A1@老王卡铺", "A2@老王卡铺", "A3@老王卡铺", "B1@小李货源", "C1@新来的")
	for _, r := range []data.Resource{rs[0], rs[4]} {
		if err := e.Store.MarkInvalid(r.ID, data.InvalidMark{Reason: "其他"}); err != nil {
			t.Fatal(err)
		}
	}
	s := NewScreen(e, Links{})
	uitest.Show(e, s.Content())
	s.Refresh()
	s.Tabs.SelectIndex(1)
	got := map[string]string{}
	for _, r := range s.Reliab.rows {
		got[r.Name] = r.RateText() + " " + Verdict(r, s.percent)
	}
	want := map[string]string{
		"老王卡铺": "33.3% ⚠ 高于提醒线，进货前先核实",
		"小李货源": "0% 资源不足 3 个，暂不评判",
		"新来的":  "100% 资源不足 3 个，暂不评判",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	if err := e.Store.SetSupplierWarnPercent(40); err != nil {
		t.Fatal(err)
	}
	s.Refresh()
	for _, r := range s.Reliab.rows {
		if r.Name == "老王卡铺" && Verdict(r, s.percent) != "正常" {
			t.Errorf("at 40%% 老王卡铺 is %q", Verdict(r, s.percent))
		}
	}
	for i, r := range s.Reliab.rows {
		if r.Name == "老王卡铺" {
			s.Reliab.Table.Select(widget.TableCellID{Row: i, Col: 0})
		}
	}
	if s.Tabs.SelectedIndex() != 0 || s.Supplier.Selected != "老王卡铺" || len(s.entries) != 1 || s.entries[0].Resource.Name != "A1" {
		t.Errorf("picking 老王卡铺: tab %d, supplier %q, %d entries", s.Tabs.SelectedIndex(), s.Supplier.Selected, len(s.entries))
	}
}

// The 公示 lists what the filter shows; the options add suppliers and evidence.
func TestPostDialog(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "星河卡盟", "123456789")
	rs := resources(t, e, "王者荣耀点券 60点@老王卡铺", "爱奇艺黄金VIP会员@小李货源")
	for _, r := range rs {
		if err := e.Store.MarkInvalid(r.ID, data.InvalidMark{Reason: "卡密无效", Evidence: "QQ 2851234567 反馈"}); err != nil {
			t.Fatal(err)
		}
	}
	s := NewScreen(e, Links{})
	s.SetGroup(&g)
	uitest.Show(e, s.Content())
	s.Refresh()
	s.Supplier.SetSelected("老王卡铺")
	test.Tap(s.PostBtn)
	p := s.Post
	text := p.Preview.Text.Text
	if !strings.Contains(text, "【星河卡盟 · 失效资源公示】") || !strings.Contains(text, "王者荣耀点券 60点") || strings.Contains(text, "爱奇艺") {
		t.Errorf("post = %q", text)
	}
	if strings.Contains(text, "老王卡铺") {
		t.Error("the supplier is named before the owner chose to")
	}
	test.Tap(p.Suppliers)
	test.Tap(p.Evidence)
	text = p.Preview.Text.Text
	if !strings.Contains(text, "供应商：老王卡铺") || !strings.Contains(text, "说明：QQ") || strings.Contains(text, "2851234567") {
		t.Errorf("post with options = %q", text)
	}
	test.Tap(p.Preview.CopyButton)
	if got := e.App.Clipboard().Content(); got != text {
		t.Errorf("copied %q", got)
	}
}
