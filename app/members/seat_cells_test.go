package members

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/qqlist"
)

// After QQ's list was imported the member list shows who spoke last when, and who
// has left (已退群) in place of their role; a member in no list shows neither.
func TestMemberListShowsLastSpokeAndLeft(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	for _, list := range []string{
		`{"ec":0,"count":2,"mems":[{"uin":11111111,"nick":"甲","role":1,"last_speak_time":1764000000,"lv":{"level":1}},{"uin":22222222,"nick":"乙"}],"levelname":{"1":"潜水"}}`,
		`{"ec":0,"count":1,"mems":[{"uin":11111111,"nick":"甲","role":1,"last_speak_time":1764000000,"lv":{"level":1}}],"levelname":{"1":"潜水"}}`,
	} {
		l, err := qqlist.Parse(strings.NewReader(list))
		if err != nil {
			t.Fatal(err)
		}
		known, _ := e.Store.Members(0)
		if _, err := e.Store.ImportQQList(data.PlanQQList(l, known, g.ID, e.Loc), true); err != nil {
			t.Fatal(err)
		}
	}
	s := openMembers(t, e, &g)
	got := map[string]string{}
	for row := range s.shown {
		var cells []string
		for _, col := range []int{3, 8} {
			l := widget.NewLabel("")
			s.fillCell(row, col, l)
			cells = append(cells, l.Text)
		}
		got[s.all[s.shown[row]].QQ] = strings.Join(cells, " ")
	}
	if got["11111111"] != "管理员 2025-11-25" || got["22222222"] != "已退群 " {
		t.Errorf("cells %q", got)
	}
	if s.count.Text != "共 2 人（其中 1 人已退群），显示 2 人" {
		t.Errorf("count %q", s.count.Text)
	}
	// The detail pane says the rest: the level name and when they were found gone.
	details := func(qq string) string {
		for i := range s.all {
			if s.all[i].QQ == qq {
				var parts []string
				for _, f := range s.memberDetails(&s.all[i]) {
					parts = append(parts, f.Label+"="+f.Value)
				}
				return strings.Join(parts, "; ")
			}
		}
		return ""
	}
	if d := details("11111111"); !strings.Contains(d, "最后发言=2025-11-25; 群等级=潜水") || strings.Contains(d, "退群日期") {
		t.Errorf("detail of a member still in: %q", d)
	}
	if d := details("22222222"); !strings.Contains(d, "退群日期="+uitest.Now.In(e.Loc).Format(data.DateLayout)) {
		t.Errorf("detail of a member who left: %q", d)
	}
	if memberColumns[8].Title != "最后发言" {
		t.Errorf("column 8 is %q", memberColumns[8].Title)
	}
}
