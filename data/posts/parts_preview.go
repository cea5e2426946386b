package posts

import (
	"fmt"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Preview is what the template editor renders a template with while the owner types:
// the group's own catalog cut to a few resources, so a keystroke renders in well under
// a millisecond at any catalog size, or sample data when nothing is on sale yet.
type Preview struct {
	kind    data.PostKind
	post    any
	knownQQ []string
	Note    string // what the preview shows, in Chinese, for a line beside it
}

// How much of the catalog the index preview shows.
const (
	previewCategories  = 3
	previewPerCategory = 3
)

// IndexPreview prepares the preview of the 资源索引表 of group g (nil: none yet).
func IndexPreview(store *data.Store, g *data.Group, now time.Time, loc *time.Location) (Preview, error) {
	rs, err := store.Resources()
	if err != nil {
		return Preview{}, err
	}
	cats, err := store.Categories()
	if err != nil {
		return Preview{}, err
	}
	qqs, err := store.MemberQQs()
	if err != nil {
		return Preview{}, err
	}
	group := sampleGroup(g)
	idx, _ := BuildIndex(group, cats, rs, now, loc)
	if idx.Count == 0 {
		p := SamplePreview(data.PostIndex, g)
		p.Note = "资源库里还没有在售资源，预览用的是示例资源。"
		return p, nil
	}
	cut, trimmed := idx, false
	cut.Categories = nil
	for i, c := range idx.Categories {
		if i == previewCategories {
			trimmed = true
			break
		}
		if len(c.Resources) > previewPerCategory {
			c.Resources, trimmed = c.Resources[:previewPerCategory], true
		}
		cut.Categories = append(cut.Categories, c)
	}
	p := Preview{kind: data.PostIndex, post: cut, knownQQ: qqs, Note: "预览用的是你的资源库。"}
	if trimmed {
		p.Note = fmt.Sprintf("预览用的是你的资源库，只列了前 %d 个分类、每类前 %d 个资源。", previewCategories, previewPerCategory)
	}
	return p, nil
}

// NewStockPreview prepares the preview of the 上新 post of r (nil, or not on sale: a
// sample resource) for group g.
func NewStockPreview(store *data.Store, g *data.Group, r *data.Resource, now time.Time, loc *time.Location) (Preview, error) {
	if r == nil || CheckOnSale(*r, now, loc) != nil {
		return SamplePreview(data.PostNewStock, g), nil
	}
	qqs, err := store.MemberQQs()
	if err != nil {
		return Preview{}, err
	}
	return Preview{kind: data.PostNewStock, post: BuildNewStock(sampleGroup(g), *r, now, loc), knownQQ: qqs,
		Note: "预览用的是「" + r.Name + "」。"}, nil
}

// SamplePreview is the preview of kind on sample data, for group g (nil: 示例群).
func SamplePreview(kind data.PostKind, g *data.Group) Preview {
	now := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	group := sampleGroup(g)
	full, bare := sampleResources(now)
	p := Preview{kind: kind, Note: "预览用的是示例资源。"}
	switch kind {
	case data.PostIndex:
		p.post, _ = BuildIndex(group, []data.Category{full.Category}, []data.Resource{full, bare}, now, time.UTC)
	case data.PostReply:
		p.post = BuildReply(group, "小明", "求"+full.Name, full, now, time.UTC)
	case data.PostRestock:
		p.post = restockSamples(now)[0]
		p.Note = "预览用的是示例需求。"
	default:
		p.post = BuildNewStock(group, full, now, time.UTC)
	}
	return p
}

func sampleGroup(g *data.Group) data.Group {
	if g == nil {
		return data.Group{Name: "示例群"}
	}
	return *g
}

// Render makes the post of template body as the preview shows it.
func (p Preview) Render(body string) (string, error) {
	if p.post == nil {
		return "", &TemplateError{Message: lineMessage(0, "没有这种公告模板")}
	}
	return render(p.kind, body, p.post, p.knownQQ)
}
