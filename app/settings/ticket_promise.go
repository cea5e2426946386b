package settings

import (
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// newTicketPromise is 售后工单's one setting: within how many hours of opening a ticket
// the owner promises a first response. It applies to tickets opened from then on.
func newTicketPromise(e *ui.Env) *numberChoice {
	return newNumberChoice(e, numberSpec{
		heading: "售后工单",
		before:  "承诺开单后",
		after:   "内首次回复",
		why: "开单后在这段时间内首次回复成员。快到期（剩 2 小时）和已超时的工单排在最上面，「今日」会提醒，" +
			"群活开着时还会弹出桌面通知。改动只对之后开的工单有效。",
		choices: []int{2, 4, 8, 12, 24, 48, 72},
		format:  "%d 小时",
		load:    (*data.Store).TicketPromiseHours,
		save:    (*data.Store).SetTicketPromiseHours,
		saved:   func(label string) string { return "√ 已保存，之后开的工单按 " + label + "计时" },
	})
}
