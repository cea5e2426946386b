package settings

import (
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// newNoticeDays is 精准匹配's one setting: for how many days a member told about a
// resource is not pushed the same resource again.
func newNoticeDays(e *ui.Env) *numberChoice {
	return newNumberChoice(e, numberSpec{
		heading: "精准匹配",
		before:  "告知过的成员",
		after:   "内不再点名",
		why:     "同一个资源，告知过的成员在这段时间里不再被点名，免得一件事反复推给同一个人。",
		choices: []int{1, 3, 5, 7, 10, 14, 30, 60, 90},
		format:  "%d 天",
		load:    (*data.Store).NoticeDays,
		save:    (*data.Store).SetNoticeDays,
	})
}
