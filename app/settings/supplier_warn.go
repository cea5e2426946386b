package settings

import (
	"fmt"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/reliability"
)

// newSupplierWarn is the blacklist's one setting: above which invalid rate adding a
// resource from a supplier shows a warning.
func newSupplierWarn(e *ui.Env) *numberChoice {
	return newNumberChoice(e, numberSpec{
		heading: "失效名单",
		before:  "供应商的失效率高于",
		after:   "时，新增或编辑它的资源会提醒",
		why: fmt.Sprintf("只提醒，不拦着保存。供过至少 %d 个资源的供应商才评判：只供过一两个的，一次失效就是 50%%–100%%，说明不了什么。",
			reliability.MinResources),
		choices: []int{5, 10, 15, 20, 25, 30, 40, 50},
		format:  "%d%%",
		load:    (*data.Store).SupplierWarnPercent,
		save:    (*data.Store).SetSupplierWarnPercent,
	})
}
