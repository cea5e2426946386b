package catalog

import (
	"strings"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// showDetail shows the selected resource in full under the table, or the hint.
func (s *Screen) showDetail(r *data.Resource) {
	if r == nil {
		s.detail.Clear()
		return
	}
	s.detail.Show(resourceDetails(r, s.env))
}

// resourceDetails are every value of r the owner keeps, in the form's order; the table
// has only room for the first few, clipped.
func resourceDetails(r *data.Resource, e *ui.Env) []ui.Field {
	valid := ""
	from, until := data.FormatDate(r.ValidFrom, e.Loc), data.FormatDate(r.ValidUntil, e.Loc)
	switch {
	case from != "" && until != "":
		valid = from + " 至 " + until
	case from != "":
		valid = from + " 起"
	case until != "":
		valid = "至 " + until
	}
	price := func(cents int64) string {
		if cents == 0 {
			return ""
		}
		return "¥" + data.Yuan(cents)
	}
	return []ui.Field{
		{Label: "名称", Value: r.Name},
		{Label: "分类", Value: r.Category.Name},
		{Label: "价格", Value: "¥" + data.Yuan(r.PriceCents)},
		{Label: "原价", Value: price(r.OriginalPriceCents)},
		{Label: "兑换方式", Value: r.Redeem},
		{Label: "库存", Value: r.StockText()},
		{Label: "有效期", Value: valid},
		{Label: "状态", Value: string(r.StateAt(e.Now()))},
		{Label: "供应商", Value: r.SupplierName()},
		{Label: "标签", Value: strings.Join(r.TagList(), "、")},
		{Label: "备注", Value: r.Notes},
	}
}
