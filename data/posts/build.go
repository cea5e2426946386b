package posts

import (
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Built is a post made from the owner's template and ready to preview and copy.
type Built struct {
	Kind        data.PostKind
	GroupID     *uint
	Text        string
	Parts       []string // Text split for QQ, each part copied on its own
	ResourceIDs []uint
	Listed      int             // resources the post names
	BrokenOwn   bool            // the owner's template failed, so the default was used
	Categories  []data.Category // the whole catalog's, for a choice of one (index posts)
}

// TemplateFor returns the owner's template for kind, or the default.
func TemplateFor(store *data.Store, kind data.PostKind) (string, error) {
	body, ok, err := store.PostTemplate(kind)
	if err != nil || !ok {
		return Default(kind), err
	}
	return body, nil
}

// renderWith renders with the owner's template and falls back to the default if the
// owner's no longer runs, so a post can always be made.
func renderWith(store *data.Store, kind data.PostKind, render func(body string) (string, error)) (string, bool, error) {
	body, err := TemplateFor(store, kind)
	if err != nil {
		return "", false, err
	}
	text, err := render(body)
	if err == nil {
		return text, false, nil
	}
	text, err = render(Default(kind))
	return text, true, err
}

// BuildIndexPost makes the 资源索引表 for group g from the catalog: every category, or
// only the one called category when it is not empty, for a big catalog posted a
// category a day.
func BuildIndexPost(store *data.Store, g data.Group, category string, now time.Time, loc *time.Location) (Built, error) {
	rs, err := store.Resources()
	if err != nil {
		return Built{}, err
	}
	cats, err := store.Categories()
	if err != nil {
		return Built{}, err
	}
	all := cats
	if category != "" {
		cats, rs = onlyCategory(cats, rs, category)
	}
	qqs, err := store.MemberQQs()
	if err != nil {
		return Built{}, err
	}
	idx, ids := BuildIndex(g, cats, rs, now, loc)
	text, broken, err := renderWith(store, data.PostIndex, func(body string) (string, error) {
		return RenderIndex(body, idx, qqs)
	})
	if err != nil {
		return Built{}, err
	}
	gid := g.ID
	return Built{Kind: data.PostIndex, GroupID: &gid, Text: text, Parts: Split(text, MaxPartRunes),
		ResourceIDs: ids, Listed: idx.Count, BrokenOwn: broken, Categories: all}, nil
}

// onlyCategory keeps the category called name and its resources.
func onlyCategory(cats []data.Category, rs []data.Resource, name string) ([]data.Category, []data.Resource) {
	var keptCats []data.Category
	for _, c := range cats {
		if c.Name == name {
			keptCats = append(keptCats, c)
		}
	}
	var kept []data.Resource
	for _, r := range rs {
		if r.Category.Name == name {
			kept = append(kept, r)
		}
	}
	return keptCats, kept
}

// BuildNewStockPost makes the 上新 post for one resource. A resource that cannot be
// bought at now (售罄, 已过期, 未开始, 下架, 失效) is refused with a *NotOnSaleError.
func BuildNewStockPost(store *data.Store, g *data.Group, r data.Resource, now time.Time, loc *time.Location) (Built, error) {
	if err := CheckOnSale(r, now, loc); err != nil {
		return Built{}, err
	}
	qqs, err := store.MemberQQs()
	if err != nil {
		return Built{}, err
	}
	var group data.Group
	var gid *uint
	if g != nil {
		group, gid = *g, &g.ID
	}
	ns := BuildNewStock(group, r, now, loc)
	text, broken, err := renderWith(store, data.PostNewStock, func(body string) (string, error) {
		return RenderNewStock(body, ns, qqs)
	})
	if err != nil {
		return Built{}, err
	}
	return Built{Kind: data.PostNewStock, GroupID: gid, Text: text, Parts: Split(text, MaxPartRunes),
		ResourceIDs: []uint{r.ID}, Listed: 1, BrokenOwn: broken}, nil
}

// Record keeps the post in the history once the owner copied it.
func (p Built) Record(store *data.Store) error {
	return store.RecordPost(&data.Post{GroupID: p.GroupID, Kind: p.Kind, Title: firstLine(p.Text), Body: p.Text}, p.ResourceIDs)
}

func firstLine(text string) string {
	for i, r := range text {
		if r == '\n' {
			text = text[:i]
			break
		}
	}
	if len([]rune(text)) > 50 {
		text = string([]rune(text)[:50])
	}
	return text
}
