package posts

import (
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// NotOnSaleError is a resource a 上新 post must not advertise, because a member who
// answers it cannot buy it now. Error() is a Chinese sentence for the owner that names
// the state and says what to do.
type NotOnSaleError struct {
	Name  string             // the resource
	State data.ResourceState // what it is now: 售罄, 已过期, 未开始, 下架 or 失效
	// ByStock is true when it is sold out because its counted stock is 0 while its
	// status is still 上架.
	ByStock bool
	Message string
}

// Error is the owner's message: safe to show as it is.
func (e *NotOnSaleError) Error() string { return e.Message }

// Lines is the message with each sentence on a line of its own, so a narrow dialog
// does not break a sentence at the space in "库存为 0".
func (e *NotOnSaleError) Lines() string {
	return strings.ReplaceAll(strings.TrimSuffix(e.Message, "。"), "。", "。\n") + "。"
}

// CheckOnSale tells whether r can be advertised in a 上新 post at now: nil when it is on
// sale, else a *NotOnSaleError. Dates in the message are shown in loc (nil: time.Local).
func CheckOnSale(r data.Resource, now time.Time, loc *time.Location) error {
	state := r.StateAt(now)
	if state == data.StateOnSale {
		return nil
	}
	loc = orLocal(loc)
	e := &NotOnSaleError{Name: r.Name, State: state}
	name := "「" + r.Name + "」"
	switch state {
	case data.StateSoldOut:
		if r.Status == data.StatusSoldOut {
			e.Message = name + "已标为售罄，不发上新。补货后把状态改回上架、库存改成大于 0，再发上新。"
		} else {
			e.ByStock = true
			e.Message = name + "库存为 0，已按售罄处理。补货后把库存改成大于 0 再发上新。"
		}
	case data.StateExpired:
		e.Message = name + "的截止时间 " + moment(*r.ValidUntil, now, loc) +
			" 已经过了，已按过期处理。还要接着卖，先把截止时间改到以后，再发上新。"
	case data.StateUpcoming:
		e.Message = name + "要到 " + moment(*r.ValidFrom, now, loc) +
			" 才开售，现在群友想买也买不到。到了开售时间再发上新。"
	case data.StateOffShelf:
		e.Message = name + "已下架，不发上新。要卖的话先重新上架，再发上新。"
	default:
		e.Message = name + "已标为失效，不能再发上新。货源恢复后把状态改回上架，再发上新。"
	}
	return e
}
