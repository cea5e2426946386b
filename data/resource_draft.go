package data

import (
	"fmt"
	"strings"
	"time"
)

// ResourceDraft is a resource as text, the way a form or an imported row holds it.
type ResourceDraft struct {
	Name, Category, Price, OriginalPrice, Redeem, Stock  string
	ValidFrom, ValidUntil, Supplier, Status, Tags, Notes string
}

// DraftOf turns a saved resource back into form text, with dates in loc.
func DraftOf(r *Resource, loc *time.Location) ResourceDraft {
	d := ResourceDraft{
		Name:       r.Name,
		Category:   r.Category.Name,
		Price:      Yuan(r.PriceCents),
		Redeem:     r.Redeem,
		ValidFrom:  formatBound(r.ValidFrom, loc, false),
		ValidUntil: formatBound(r.ValidUntil, loc, true),
		Supplier:   r.SupplierName(),
		Status:     r.Status.Label(),
		Tags:       strings.Join(r.TagList(), ","),
		Notes:      r.Notes,
	}
	if r.OriginalPriceCents > 0 {
		d.OriginalPrice = Yuan(r.OriginalPriceCents)
	}
	if !r.Unlimited {
		d.Stock = fmt.Sprint(r.Stock)
	}
	return d
}

// formatBound shows a start or a deadline so that Parse reads it back unchanged. A date
// alone means the start of the day for a start and its last minute for a deadline, so
// a deadline at midnight must keep its time, or an edit would move it by a day.
func formatBound(t *time.Time, loc *time.Location, deadline bool) string {
	if t == nil {
		return ""
	}
	l := t.In(loc)
	wholeDay := l.Hour() == 0 && l.Minute() == 0
	if deadline {
		wholeDay = l.Hour() == 23 && l.Minute() == 59
	}
	if wholeDay {
		return l.Format(DateLayout)
	}
	return l.Format(DateMinLayout)
}

// Parse checks every field of the draft and returns the resource it describes, with
// its category and supplier named (the store resolves them when saving). prev is the
// saved resource being edited, or nil: a deadline already past is refused unless it is
// the one prev already had. Dates are read in loc.
func (d ResourceDraft) Parse(prev *Resource, now time.Time, loc *time.Location) (Resource, error) {
	var p problems
	r := Resource{
		Name:               checkText(&p, "name", "名称", d.Name, MaxNameLen, true),
		Category:           Category{Name: checkText(&p, "category", "分类", d.Category, MaxCategoryLen, true)},
		PriceCents:         parsePrice(&p, "price", "价格", d.Price, true),
		OriginalPriceCents: parsePrice(&p, "original_price", "原价", d.OriginalPrice, false),
		Redeem:             checkText(&p, "redeem", "兑换方式", d.Redeem, MaxShortLen, false),
		ValidFrom:          parseDate(&p, "valid_from", "开始时间", d.ValidFrom, loc, false),
		ValidUntil:         parseDate(&p, "valid_until", "截止时间", d.ValidUntil, loc, true),
		Notes:              checkText(&p, "notes", "备注", d.Notes, MaxNotesLen, false),
		Status:             StatusOnSale,
	}
	r.Stock, r.Unlimited = parseStock(&p, "stock", "库存", d.Stock)
	if name := checkText(&p, "supplier", "供应商", d.Supplier, MaxShortLen, false); name != "" {
		r.Supplier = &Supplier{Name: name}
	}
	if strings.TrimSpace(d.Status) != "" {
		st, ok := StatusByLabel(d.Status)
		if !ok {
			p.add("status", "状态只能是 上架、售罄、下架 或 失效")
		}
		r.Status = st
	}
	tags := SplitTags(d.Tags)
	checkTags(&p, "tags", "标签", tags)
	r.Tags = strings.Join(tags, ",")
	checkDates(&p, &r, prev, now)
	if prev != nil {
		r.ID = prev.ID
		r.CreatedAt = prev.CreatedAt
	}
	return r, p.err()
}

// checkDates refuses a deadline before the start, and a deadline already past unless
// it is unchanged from the saved resource.
func checkDates(p *problems, r, prev *Resource, now time.Time) {
	if r.ValidFrom != nil && r.ValidUntil != nil && !r.ValidUntil.After(*r.ValidFrom) {
		p.add("valid_until", "截止时间必须晚于开始时间")
		return
	}
	if r.ValidUntil == nil || r.ValidUntil.After(now) {
		return
	}
	// Forms show minutes only, so a saved deadline with seconds comes back truncated.
	if prev != nil && prev.ValidUntil != nil && prev.ValidUntil.Truncate(time.Minute).Equal(*r.ValidUntil) {
		return
	}
	p.add("valid_until", "截止时间已经过去了，请填写将来的时间")
}

// StockNote says, as the owner types, what the draft's stock means for its status: a
// counted stock of 0 on a resource 上架 is sold out, so no post lists it; a resource
// marked 售罄 that has stock again stays out of posts until it is back 上架. It returns
// the note and the status to offer in one click, or a plain hint and "" when stock and
// status agree (or the stock is not a number yet: its field says so).
func (d ResourceDraft) StockNote() (note string, offer ResourceStatus) {
	var p problems
	stock, unlimited := parseStock(&p, "stock", "库存", d.Stock)
	status, ok := StatusByLabel(d.Status)
	if p.err() != nil || !ok {
		return StockHint, ""
	}
	soldOut := !unlimited && stock == 0
	switch {
	case soldOut && status == StatusOnSale:
		return "库存为 0：按售罄处理，不进公告。", StatusSoldOut
	case soldOut && status == StatusSoldOut:
		return "已设为售罄。补货后改库存、改回上架。", ""
	case !soldOut && status == StatusSoldOut:
		return "售罄不进公告；补了货就改回上架。", StatusOnSale
	}
	return StockHint, ""
}

// StockHint is what the stock field means, shown under it while nothing needs saying.
// The notes are short: the form shows them on one line beside the status.
const StockHint = "留空表示不限；填 0 表示售罄。"
