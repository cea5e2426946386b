package app

import (
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/posts"
)

// builtPost is a post made from the owner's template and ready to preview and copy.
type builtPost struct {
	kind        data.PostKind
	groupID     *uint
	text        string
	parts       []string
	resourceIDs []uint
	listed      int
	brokenOwn   bool            // the owner's template failed, so the default was used
	categories  []data.Category // the whole catalog's, for a choice of one (index posts)
}

// templateFor returns the owner's template for kind, or the default.
func templateFor(store *data.Store, kind data.PostKind) (string, error) {
	body, ok, err := store.PostTemplate(kind)
	if err != nil || !ok {
		return posts.Default(kind), err
	}
	return body, nil
}

// renderWith renders with the owner's template and falls back to the default if the
// owner's no longer runs, so a post can always be made.
func renderWith(store *data.Store, kind data.PostKind, render func(body string) (string, error)) (string, bool, error) {
	body, err := templateFor(store, kind)
	if err != nil {
		return "", false, err
	}
	text, err := render(body)
	if err == nil {
		return text, false, nil
	}
	text, err = render(posts.Default(kind))
	return text, true, err
}

// buildIndexPost makes the 资源索引表 for group g from the catalog: every category, or
// only the one called category when it is not empty, for a big catalog posted a
// category a day.
func buildIndexPost(store *data.Store, g data.Group, category string, now time.Time, loc *time.Location) (builtPost, error) {
	rs, err := store.Resources()
	if err != nil {
		return builtPost{}, err
	}
	cats, err := store.Categories()
	if err != nil {
		return builtPost{}, err
	}
	all := cats
	if category != "" {
		cats, rs = onlyCategory(cats, rs, category)
	}
	qqs, err := store.MemberQQs()
	if err != nil {
		return builtPost{}, err
	}
	idx, ids := posts.BuildIndex(g, cats, rs, now, loc)
	text, broken, err := renderWith(store, data.PostIndex, func(body string) (string, error) {
		return posts.RenderIndex(body, idx, qqs)
	})
	if err != nil {
		return builtPost{}, err
	}
	gid := g.ID
	return builtPost{kind: data.PostIndex, groupID: &gid, text: text, parts: posts.Split(text, posts.MaxPartRunes),
		resourceIDs: ids, listed: idx.Count, brokenOwn: broken, categories: all}, nil
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

// buildNewStockPost makes the 上新 post for one resource.
func buildNewStockPost(store *data.Store, g *data.Group, r data.Resource, now time.Time, loc *time.Location) (builtPost, error) {
	qqs, err := store.MemberQQs()
	if err != nil {
		return builtPost{}, err
	}
	var group data.Group
	var gid *uint
	if g != nil {
		group, gid = *g, &g.ID
	}
	ns := posts.BuildNewStock(group, r, now, loc)
	text, broken, err := renderWith(store, data.PostNewStock, func(body string) (string, error) {
		return posts.RenderNewStock(body, ns, qqs)
	})
	if err != nil {
		return builtPost{}, err
	}
	return builtPost{kind: data.PostNewStock, groupID: gid, text: text, parts: posts.Split(text, posts.MaxPartRunes),
		resourceIDs: []uint{r.ID}, listed: 1, brokenOwn: broken}, nil
}

// record keeps the post in the history once the owner copied it.
func (p builtPost) record(store *data.Store) error {
	return store.RecordPost(&data.Post{GroupID: p.groupID, Kind: p.kind, Title: firstLine(p.text), Body: p.text}, p.resourceIDs)
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
