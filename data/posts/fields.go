package posts

import "github.com/qunhuo/qunhuo/data"

// Field is one value a template can show, for the help panel beside the template editor.
type Field struct {
	Name        string // as written in a template: {{.GroupName}}, or {{range .Categories}}…{{end}}
	Description string // what it shows, in Chinese, with an example
	Within      string // the {{range …}} it must be written inside, or "" for anywhere
}

// The ranges fields can live in, named the way the owner writes them.
const (
	inCategories = "{{range .Categories}}"
	inResources  = "{{range .Resources}}"
)

// Fields lists the fields the template of kind can use, in the order the help panel
// shows them; nil for an unknown kind.
func Fields(kind data.PostKind) []Field {
	switch kind {
	case data.PostIndex:
		return indexFields()
	case data.PostNewStock:
		return newStockFields()
	case data.PostReply:
		return replyFields()
	case data.PostRestock:
		return restockFields()
	}
	return nil
}

func indexFields() []Field {
	fs := []Field{
		{Name: "{{.GroupName}}", Description: "群名称"},
		{Name: "{{.Date}}", Description: "发布日期，如 2026-11-26"},
		{Name: "{{.Count}}", Description: "表里在售资源的总数"},
		{Name: "{{range .Categories}}…{{end}}", Description: "按分类顺序逐个重复中间的内容；没有在售资源的分类不出现。后面加 {{else}} 可写没有资源时的话"},
		{Name: "{{.Name}}", Description: "分类名称，如 游戏类", Within: inCategories},
		{Name: "{{.Count}}", Description: "这个分类在售资源的数量", Within: inCategories},
		{Name: "{{range .Resources}}…{{end}}", Description: "逐个重复这个分类里的资源", Within: inCategories},
	}
	return append(fs, listingFields(inResources, false)...)
}

func newStockFields() []Field {
	fs := []Field{
		{Name: "{{.GroupName}}", Description: "群名称"},
		{Name: "{{.Date}}", Description: "发布日期，如 2026-11-26"},
	}
	return append(fs, listingFields("", true)...)
}

// listingFields describes Listing. The index only lists what is on sale now, so its
// Start is always empty and is left out of its help.
func listingFields(within string, withStart bool) []Field {
	fs := []Field{
		{Name: "{{.Name}}", Description: "资源名称"},
		{Name: "{{.Category}}", Description: "资源所在的分类"},
		{Name: "{{.Price}}", Description: "现价，如 ¥12.5；价格为 0 时显示“免费”"},
		{Name: "{{.OriginalPrice}}", Description: "原价，如 ¥30；只有原价比现价高时才有"},
		{Name: "{{.Saving}}", Description: "比原价省多少，如 ¥17.5；没有原价时为空"},
		{Name: "{{.Redeem}}", Description: "兑换方式，如 卡密自动发货；没填时为空"},
		{Name: "{{.Stock}}", Description: "库存，如 20；不限库存时显示“不限”"},
		{Name: "{{.Deadline}}", Description: "限时资源的截止时间，如 12-31 23:59；不限时为空"},
	}
	if withStart {
		fs = append(fs, Field{Name: "{{.Start}}", Description: "还没开售时的开售时间，如 12-01 10:00；已开售为空"})
	}
	fs = append(fs, Field{Name: "{{.Notes}}", Description: "备注；没填时为空"})
	for i := range fs {
		fs[i].Within = within
	}
	return fs
}
