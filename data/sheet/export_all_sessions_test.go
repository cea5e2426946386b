package sheet

import (
	"reflect"
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

// 分享会 lists every session with its speaker's QQ number, the attendees and the points
// the session paid.
func TestEverythingWorkbookSessions(t *testing.T) {
	s := newStore(t)
	g := data.Group{Name: "星河卡盟", Number: "812345678"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	var ms []data.Member
	for _, d := range []data.MemberDraft{{QQ: "10001", Nickname: "小明"}, {QQ: "10002", Nickname: "小红"}, {QQ: "10003", Nickname: "小刚"}} {
		m, err := d.Parse(cst)
		if err == nil {
			err = s.SaveMember(&m)
		}
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	day := testNow.In(cst).AddDate(0, 0, 1).Format(data.DateLayout)
	held, err := s.CreateSession(g.ID, data.SessionDraft{Topic: "点券怎么充最划算", SpeakerID: ms[0].ID, StartsAt: day + " 20:00",
		Minutes: "90", How: data.SessionVoice, Description: "比价", Prepare: "想问的问题"}, cst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSession(g.ID, data.SessionDraft{Topic: "合租避坑", SpeakerID: ms[1].ID, StartsAt: day + " 21:00",
		How: data.SessionText}, cst); err != nil {
		t.Fatal(err)
	}
	for _, m := range [][2]data.SessionState{{data.SessionPlanning, data.SessionPublished}, {data.SessionPublished, data.SessionEnded}} {
		if m[1] == data.SessionEnded {
			if err := s.AddSessionAttendees(held.ID, []uint{ms[1].ID, ms[2].ID}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.MoveSession(held.ID, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetSessionSummary(held.ID, "活动日充值返利最高"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AwardSession(held.ID); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	rows, err := f.GetRows(AllSessionsSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"编号", "群", "状态", "主题", "主讲", "主讲QQ号", "开始时间", "时长（分钟）", "方式", "参加人数", "参加的成员", "内容介绍", "需要准备", "总结", "已发积分"},
		{"#1", "星河卡盟", "已结束", "点券怎么充最划算", "小明", "10001", day + " 20:00", "90", "QQ群语音", "2", "小红、小刚", "比价", "想问的问题", "活动日充值返利最高", "24"},
		{"#2", "星河卡盟", "筹备中", "合租避坑", "小红", "10002", day + " 21:00", "60", "文字", "0", "", "", "", "", "0"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("分享会:\n got %q\nwant %q", rows, want)
	}
}
