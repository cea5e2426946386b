package settings

import (
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// newInsightSilence is 互动率's setting: how long without a word makes a member 潜水,
// for the silent members on 互动率 and 今日.
func newInsightSilence(e *ui.Env) *numberChoice {
	return newNumberChoice(e, numberSpec{
		heading: "互动率",
		before:  "超过",
		after:   "没说话算潜水",
		why:     "「互动率」和「今日」按聊天记录和 QQ 群成员名单的最后发言时间，列出这么久没说话的成员，方便你私聊请他们回来。",
		choices: []int{7, 14, 21, 30, 60, 90},
		format:  "%d 天",
		load:    (*data.Store).InsightSilentDays,
		save:    (*data.Store).SetInsightSilentDays,
	})
}
