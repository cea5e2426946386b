package posts

import (
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Index is what the 资源索引表 template sees: {{.GroupName}}, {{.Date}}, {{.Count}} and
// {{range .Categories}}. Every value is already formatted, so a template never needs
// a function call.
type Index struct {
	GroupName  string          // 群名称
	Date       string          // the day of the post, such as 2026-11-26
	Count      int             // resources listed in the whole post
	Categories []IndexCategory // only categories with something on sale, in the owner's order
}

// IndexCategory is one category of the index with the resources listed under it.
type IndexCategory struct {
	Name      string    // 分类名称
	Count     int       // resources listed under it
	Resources []Listing // by name in dictionary order
}

// Listing is one resource as a post shows it. Optional values are "" when they do
// not apply, so a template can test them with {{if .OriginalPrice}}.
type Listing struct {
	Name          string // 资源名称
	Category      string // 分类名称
	Price         string // ¥12.5, or 免费 for 0
	OriginalPrice string // ¥30, only when higher than the price
	Saving        string // ¥17.5, the difference, only when OriginalPrice is set
	Redeem        string // 兑换方式, such as 卡密自动发货
	Stock         string // 20, or 不限
	Deadline      string // 12-31 23:59 for a 限时 resource (with the year when not this year)
	Start         string // when a resource not yet on sale opens, like Deadline
	Notes         string // 备注
}

// NewStock is what the 上新 template sees: the group, the day and one resource, whose
// fields are promoted so the template writes {{.Name}} and {{.Price}} directly.
type NewStock struct {
	GroupName string // 群名称
	Date      string // the day of the post, such as 2026-11-26
	Listing
}

// BuildIndex prepares the index post for group g at now: the resources of rs that are
// on sale at now (StateAt), grouped under cats in the owner's order and by name in
// dictionary order (data.CompareNames) within a category, dates shown in loc (nil:
// time.Local). Resources whose category is missing from cats come after, under their
// own category. It also returns the IDs of the listed resources, in post order, so
// the post can be recorded with them.
func BuildIndex(g data.Group, cats []data.Category, rs []data.Resource, now time.Time, loc *time.Location) (Index, []uint) {
	loc = orLocal(loc)
	idx := Index{GroupName: g.Name, Date: now.In(loc).Format(data.DateLayout)}
	byID := make(map[uint]int, len(cats)) // category ID → position in sections
	sections := make([]IndexCategory, 0, len(cats))
	for _, c := range cats {
		byID[c.ID] = len(sections)
		sections = append(sections, IndexCategory{Name: c.Name})
	}
	listed := make([][]*data.Resource, len(sections))
	for i := range rs {
		r := &rs[i]
		if r.StateAt(now) != data.StateOnSale {
			continue
		}
		pos, ok := byID[r.CategoryID]
		if !ok {
			pos = len(sections)
			byID[r.CategoryID] = pos
			sections = append(sections, IndexCategory{Name: r.Category.Name})
			listed = append(listed, nil)
		}
		listed[pos] = append(listed[pos], r)
	}
	var ids []uint
	for i, s := range sections {
		if len(listed[i]) == 0 {
			continue
		}
		data.SortByName(listed[i], func(r **data.Resource) string { return (*r).Name }, nil)
		s.Resources = make([]Listing, len(listed[i]))
		for k, r := range listed[i] {
			s.Resources[k] = listingOf(r, now, loc)
			ids = append(ids, r.ID)
		}
		s.Count = len(s.Resources)
		idx.Categories = append(idx.Categories, s)
		idx.Count += s.Count
	}
	return idx, ids
}

// BuildNewStock prepares the 上新 post for resource r (with its Category loaded) in
// group g, dates shown in loc (nil: time.Local).
func BuildNewStock(g data.Group, r data.Resource, now time.Time, loc *time.Location) NewStock {
	loc = orLocal(loc)
	return NewStock{
		GroupName: g.Name,
		Date:      now.In(loc).Format(data.DateLayout),
		Listing:   listingOf(&r, now, loc),
	}
}

func listingOf(r *data.Resource, now time.Time, loc *time.Location) Listing {
	l := Listing{
		Name:     r.Name,
		Category: r.Category.Name,
		Price:    price(r.PriceCents),
		Redeem:   r.Redeem,
		Stock:    r.StockText(),
		Notes:    r.Notes,
	}
	if r.Discounted() {
		l.OriginalPrice = "¥" + data.Yuan(r.OriginalPriceCents)
		l.Saving = "¥" + data.Yuan(r.OriginalPriceCents-r.PriceCents)
	}
	if r.ValidUntil != nil {
		l.Deadline = moment(*r.ValidUntil, now, loc)
	}
	if r.ValidFrom != nil && now.Before(*r.ValidFrom) {
		l.Start = moment(*r.ValidFrom, now, loc)
	}
	return l
}

// price shows 分 as ¥12.5; a free resource says so rather than ¥0, which reads like
// a mistake.
func price(cents int64) string {
	if cents == 0 {
		return "免费"
	}
	return "¥" + data.Yuan(cents)
}

// moment shows t as 12-31 23:59, short enough for a QQ line, adding the year only when
// it is not the current one so a deadline next January is not misread.
func moment(t, now time.Time, loc *time.Location) string {
	l := t.In(loc)
	if l.Year() != now.In(loc).Year() {
		return l.Format(data.DateMinLayout)
	}
	return l.Format("01-02 15:04")
}

func orLocal(loc *time.Location) *time.Location {
	if loc == nil {
		return time.Local
	}
	return loc
}
