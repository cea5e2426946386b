package sheet

import (
	"reflect"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
	"github.com/qunhuo/qunhuo/data/talent"
)

// 资源达人 lists every confirmed month with the winner's QQ number, the formula and the
// top three with what each contributed.
func TestEverythingWorkbookTalent(t *testing.T) {
	s := newStore(t)
	g := data.Group{Name: "星河卡盟", Number: "812345678"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	var ms []data.Member
	for _, d := range []data.MemberDraft{{QQ: "10001", Nickname: "小明"}, {QQ: "10002", Nickname: "小红"}} {
		m, err := d.Parse(cst)
		if err == nil {
			err = s.SaveMember(&m)
		}
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	may := time.Date(2026, 5, 10, 12, 0, 0, 0, cst)
	past, err := data.Open(s.Path(), data.WithClock(func() time.Time { return may }))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		m int
		r points.Reason
	}{{0, points.ShareResource}, {0, points.Help}, {1, points.Swap}} {
		if _, err := past.AddPoints(data.PointDraft{MemberID: ms[a.m].ID, GroupID: &g.ID, Reason: a.r, Amount: a.r.DefaultAmount()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := past.Close(); err != nil {
		t.Fatal(err)
	}
	w := talent.Weights{talent.ShareResource: 10, talent.Swap: 5, talent.Help: 3}
	if _, err := s.ConfirmTalent(g.ID, talent.Month{Year: 2026, Month: time.May}, ms[0].ID, w, cst); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	rows, err := f.GetRows(AllTalentSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"月份", "群", "资源达人", "QQ号", "得分", "计分公式", "第一名", "第二名", "第三名", "确认时间", "确认人"},
		{"2026年5月", "星河卡盟", "小明", "10001", "13", "得分 = 分享资源×10 + 完成置换×5 + 帮助解答×3",
			"小明 13 分：分享资源 1 次（10 分）、帮助解答 1 次（3 分）", "小红 5 分：完成置换 1 次（5 分）", "",
			"2026-06-01 10:00", "群主"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows:\n%q\nwant\n%q", rows, want)
	}
}
