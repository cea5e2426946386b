package sheet

import (
	"reflect"
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

// The 售后工单 sheet lists every ticket with the member's QQ number and the promise;
// 工单记录 has every move and reply, the opening included.
func TestEverythingWorkbookTickets(t *testing.T) {
	s := newStore(t)
	g := data.Group{Name: "星河卡盟", Number: "812345678"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	m := data.Member{QQ: "10001", Nickname: "小明"}
	if err := s.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	tk, err := s.OpenTicket(data.TicketDraft{GroupID: &g.ID, MemberID: m.ID, Category: data.TicketRefund, Description: "不想要了"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReplyTicket(tk.ID, "可以退"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MoveTicket(tk.ID, data.TicketResolved, ""); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	when := tk.OpenedAt.In(cst).Format(data.DateMinLayout)
	due := tk.DueAt.In(cst).Format(data.DateMinLayout)
	for sheet, want := range map[string][][]string{
		AllTicketsSheet: {
			{"编号", "群", "状态", "问题类型", "成员", "QQ号", "相关资源", "相关交易", "问题描述", "开单时间", "承诺回复期限", "首次回复时间", "按时回复", "解决时间", "关闭时间"},
			{"#1", "星河卡盟", "已解决", "退款", "小明", "10001", "", "", "不想要了", when, due, when, "是", when},
		},
		AllTicketEventsSheet: {
			{"编号", "时间", "从", "到", "说明"},
			{"#1", when, "", "待响应", "开单"},
			{"#1", when, "待响应", "处理中", "可以退"},
			{"#1", when, "处理中", "已解决"},
		},
	} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("%s:\n got %q\nwant %q", sheet, rows, want)
		}
	}
}
