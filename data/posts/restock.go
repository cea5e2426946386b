package posts

import (
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Restock is what the 补货清单 template sees: what members asked for and the group
// could not give, by category, for the owner to send to suppliers. It names no
// member: a supplier needs the item and how many wait, not who.
type Restock struct {
	GroupName  string            // 群名称
	Date       string            // the day of the list
	Count      int               // items on the list
	Categories []RestockCategory // 未分类 last
}

// RestockCategory is one category of the list.
type RestockCategory struct {
	Name  string        // 分类名称, or 未分类
	Count int           // items under it
	Items []RestockItem // most asked first
}

// RestockItem is one thing members wait for.
type RestockItem struct {
	Name  string // the item as asked, without 求 and the like: 原神月卡
	Asked int    // members waiting
	Since string // when the longest-waiting asked: 11-20
}

// Uncategorized names the requests whose category is not known yet.
const Uncategorized = "未分类"

// BuildRestock prepares the 补货清单 of group g from the demand board's lines (most
// asked first), grouped under the categories in cats' order, dates shown in loc. Only
// items found 无货 at least once are listed: a request still waiting for a reply may
// well be in stock.
func BuildRestock(g data.Group, cats []data.Category, lines []data.DemandLine, now time.Time, loc *time.Location) Restock {
	loc = orLocal(loc)
	rs := Restock{GroupName: g.Name, Date: now.In(loc).Format(data.DateLayout)}
	at := map[uint]int{}
	for _, c := range cats {
		at[c.ID] = len(rs.Categories)
		rs.Categories = append(rs.Categories, RestockCategory{Name: c.Name})
	}
	var none RestockCategory
	for _, l := range lines {
		if l.NoStock == 0 {
			continue
		}
		item := RestockItem{Name: l.ItemKey, Asked: len(l.MemberIDs), Since: l.Oldest.In(loc).Format("01-02")}
		if i, ok := at[l.CategoryID]; ok && l.CategoryID != 0 {
			rs.Categories[i].Items = append(rs.Categories[i].Items, item)
			continue
		}
		none.Items = append(none.Items, item)
	}
	if len(none.Items) > 0 {
		none.Name = Uncategorized
		rs.Categories = append(rs.Categories, none)
	}
	kept := rs.Categories[:0]
	for _, c := range rs.Categories {
		if len(c.Items) > 0 {
			c.Count = len(c.Items)
			rs.Count += c.Count
			kept = append(kept, c)
		}
	}
	rs.Categories = kept
	return rs
}

// RenderRestock makes the 补货清单 from template body, like RenderIndex.
func RenderRestock(body string, rs Restock, knownQQ []string) (string, error) {
	return render(data.PostRestock, body, rs, knownQQ)
}

// BuildRestockPost makes the 补货清单 of group g (nil: every group's requests) from
// the demand board, split for QQ like the index.
func BuildRestockPost(store *data.Store, g *data.Group, now time.Time, loc *time.Location) (Built, error) {
	var group data.Group
	var gid *uint
	if g != nil {
		group, gid = *g, &g.ID
	}
	lines, err := store.DemandBoard(group.ID)
	if err != nil {
		return Built{}, err
	}
	cats, err := store.Categories()
	if err != nil {
		return Built{}, err
	}
	qqs, err := store.MemberQQs()
	if err != nil {
		return Built{}, err
	}
	rs := BuildRestock(group, cats, lines, now, loc)
	text, broken, err := renderWith(store, data.PostRestock, func(body string) (string, error) {
		return RenderRestock(body, rs, qqs)
	})
	if err != nil {
		return Built{}, err
	}
	return Built{Kind: data.PostRestock, GroupID: gid, Text: text, Parts: Split(text, MaxPartRunes),
		Listed: rs.Count, BrokenOwn: broken}, nil
}

func restockFields() []Field {
	const inCats, inItems = "{{range .Categories}}", "{{range .Items}}"
	return []Field{
		{Name: "{{.GroupName}}", Description: "群名称"},
		{Name: "{{.Date}}", Description: "日期，如 2026-11-26"},
		{Name: "{{.Count}}", Description: "清单上一共几样"},
		{Name: "{{range .Categories}}…{{end}}", Description: "按分类逐个重复中间的内容；后面加 {{else}} 可写没有缺货时的话"},
		{Name: "{{.Name}}", Description: "分类名称；不知道分类的在「未分类」里", Within: inCats},
		{Name: "{{.Count}}", Description: "这个分类有几样", Within: inCats},
		{Name: "{{range .Items}}…{{end}}", Description: "逐个重复这个分类里缺的东西，求的人多的在前", Within: inCats},
		{Name: "{{.Name}}", Description: "缺的东西，如 原神月卡", Within: inItems},
		{Name: "{{.Asked}}", Description: "有几位成员在等", Within: inItems},
		{Name: "{{.Since}}", Description: "最早是哪天求的，如 11-20", Within: inItems},
	}
}

// restockSamples are a list with items in a category and uncategorized, and an empty one.
func restockSamples(now time.Time) []any {
	g := data.Group{Name: "示例群"}
	cat := data.Category{ID: 1, Name: "游戏类", Position: 1}
	lines := []data.DemandLine{
		{ItemKey: "原神月卡", CategoryID: 1, MemberIDs: []uint{1, 2, 3}, NoStock: 3, Oldest: now.Add(-48 * time.Hour)},
		{ItemKey: "星巴克券", MemberIDs: []uint{4}, NoStock: 1, Oldest: now.Add(-2 * time.Hour)},
	}
	return []any{BuildRestock(g, []data.Category{cat}, lines, now, time.UTC), BuildRestock(g, nil, nil, now, time.UTC)}
}
