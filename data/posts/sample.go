package posts

import (
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// samples returns the data Check runs a template of kind against, so that every
// {{if}} and {{range}} branch is taken once, because text/template only finds a
// misspelt field on a branch it actually takes: for the index, a catalog with one
// resource that has every optional value and one that has none, then an empty
// catalog; for 上新, those two resources. The first sample is the full one. nil for
// an unknown kind.
func samples(kind data.PostKind) []any {
	now := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	g := data.Group{Name: "示例群"}
	full, bare := sampleResources(now)
	switch kind {
	case data.PostIndex:
		cats := []data.Category{full.Category}
		idx, _ := BuildIndex(g, cats, []data.Resource{full, bare}, now, time.UTC)
		empty, _ := BuildIndex(g, cats, nil, now, time.UTC)
		return []any{idx, empty}
	case data.PostNewStock:
		upcoming := full
		later := now.Add(24 * time.Hour)
		upcoming.ValidFrom = &later
		return []any{BuildNewStock(g, upcoming, now, time.UTC), BuildNewStock(g, bare, now, time.UTC)}
	case data.PostReply:
		return replySamples([]data.Resource{full, bare}, now)
	case data.PostRestock:
		return restockSamples(now)
	}
	return nil
}

// sampleResources returns a resource with every optional value and one with none.
func sampleResources(now time.Time) (full, bare data.Resource) {
	cat := data.Category{ID: 1, Name: "游戏类", Position: 1}
	until := now.Add(7 * 24 * time.Hour)
	full = data.Resource{
		ID: 1, Name: "示例点卡", CategoryID: cat.ID, Category: cat,
		PriceCents: 950, OriginalPriceCents: 1000, Redeem: "卡密自动发货",
		Stock: 5, ValidUntil: &until, Status: data.StatusOnSale, Notes: "示例备注",
	}
	bare = data.Resource{
		ID: 2, Name: "示例会员", CategoryID: cat.ID, Category: cat,
		PriceCents: 1500, Unlimited: true, Status: data.StatusOnSale,
	}
	return full, bare
}
