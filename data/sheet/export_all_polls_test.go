package sheet

import (
	"reflect"
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

// The 投票 sheet lists each poll a row per option: what it stands for and its votes.
func TestEverythingWorkbookPolls(t *testing.T) {
	s := newStore(t)
	g := data.Group{Name: "王者群", Number: "11111111"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	cats, err := s.Categories()
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.CreatePoll(g.ID, data.PollDraft{Question: "下周想要哪类资源？", ClosesAt: "2026-12-05 20:00",
		Options: []data.PollOptionDraft{{Label: cats[0].Name, CategoryID: &cats[0].ID}, {Label: "别的"}}}, cst)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPollCounts(p.ID, []string{"6", "1"}); err != nil {
		t.Fatal(err)
	}
	if err := s.ClosePoll(p.ID); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	rows, err := f.GetRows(AllPollsSheet)
	if err != nil {
		t.Fatal(err)
	}
	when := testNow.In(cst).Format(data.DateMinLayout)
	want := [][]string{
		{"群", "编号", "问题", "状态", "截止时间", "结束时间", "结果来源", "序号", "选项", "对应", "票数"},
		{"王者群", "#1", "下周想要哪类资源？", "已结束", "2026-12-05 20:00", when, "手动填写", "1", cats[0].Name, "分类：" + cats[0].Name, "6"},
		{"王者群", "#1", "下周想要哪类资源？", "已结束", "2026-12-05 20:00", when, "手动填写", "2", "别的", "", "1"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("投票 sheet\n%q\nwant\n%q", rows, want)
	}
}
