package members

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

func TestEmptyGroupSaysToImportItsMemberList(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	imported := 0
	s := NewScreen(e, Links{ImportMembers: func(into data.Group, _ func()) {
		if into.ID == g.ID {
			imported++
		}
	}})
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()

	want := "「原神资源互助群」还没有成员。点「导入成员名单」从QQ群导出的成员表格导入，或「新增成员」一位一位添加。"
	if !s.empty.Visible() || s.empty.Message.Text != want {
		t.Fatalf("an empty group says %q (shown %v)", s.empty.Message.Text, s.empty.Visible())
	}
	if got := uifind.ButtonTexts(s.empty.Buttons); got != "导入成员名单\n新增成员\n" {
		t.Fatalf("the empty group offers %q", got)
	}
	test.Tap(uifind.FindButton(s.empty.Buttons, "导入成员名单"))
	if imported != 1 {
		t.Errorf("「导入成员名单」 opened the import into this group %d times, want once", imported)
	}
	test.Tap(uifind.FindButton(s.empty.Buttons, "新增成员"))
	if s.form == nil || e.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("「新增成员」 did not open the form")
	}
}

func TestNoGroupYetOffersOnlyAddingAMember(t *testing.T) {
	e := uitest.NewEnv(t)
	s := openMembers(t, e, nil)
	if !s.empty.Visible() || !strings.HasPrefix(s.empty.Message.Text, "还没有成员。") {
		t.Fatalf("with no group the list says %q (shown %v)", s.empty.Message.Text, s.empty.Visible())
	}
	if got := uifind.ButtonTexts(s.empty.Buttons); got != "新增成员\n" {
		t.Errorf("with no group to import into, the list offers %q", got)
	}
}

func TestSearchThatFindsNoOneOffersToClearIt(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	m, _ := data.MemberDraft{QQ: "2876543210", Nickname: "小鱼儿",
		Memberships: []data.MembershipDraft{{GroupID: g.ID, CardName: "小鱼-原神代肝", Role: data.RoleMember}}}.Parse(e.Loc)
	if err := e.Store.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, e, &g)
	if s.empty.Visible() {
		t.Fatalf("a list with a member says %q", s.empty.Message.Text)
	}
	test.Type(s.search, "西瓜")
	if !s.empty.Visible() || !strings.HasPrefix(s.empty.Message.Text, "没有符合条件的成员") {
		t.Fatalf("a search that finds no one says %q (shown %v)", s.empty.Message.Text, s.empty.Visible())
	}
	test.Tap(uifind.FindButton(s.empty.Buttons, "清除搜索"))
	if s.search.Text != "" || len(s.shown) != 1 || s.empty.Visible() {
		t.Errorf("after 清除搜索: search %q, %d shown, empty state %v", s.search.Text, len(s.shown), s.empty.Visible())
	}
}

func TestDetailPaneShowsTheSelectedMemberInFull(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	m, err := data.MemberDraft{QQ: "2876543210", Nickname: "小鱼儿", Notes: "常买原神月卡，周末晚上在线，喜欢先问价再下单",
		Motivations: []string{"刚需获取"}, Interests: "原神,王者荣耀,腾讯视频", Segments: "学生",
		Memberships: []data.MembershipDraft{{GroupID: g.ID, CardName: "小鱼-原神代肝-长期收号", Role: data.RoleAdmin, JoinedOn: "2025-03-02"}}}.Parse(e.Loc)
	if err == nil {
		err = e.Store.SaveMember(&m)
	}
	if err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, e, &g)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	want := strings.Join([]string{"QQ号：2876543210", "昵称：小鱼儿", "群名片：小鱼-原神代肝-长期收号", "身份：管理员", "入群日期：2025-03-02",
		"动机：刚需获取", "兴趣：原神、王者荣耀、腾讯视频", "人群：学生", "备注：常买原神月卡，周末晚上在线，喜欢先问价再下单"}, ui.FieldGap)
	if got := s.detail.String(); got != want {
		t.Errorf("the pane says\n%q\nwant\n%q", got, want)
	}
}
