package sheet

import (
	"fmt"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// BenchmarkPlan20000 plans a 20,000-row import against a 20,000-resource catalog,
// the size of a big 卡盟: a quarter of the rows change a price, a tenth are new, and
// the rest match. Everything is in memory; planning never touches the database.
func BenchmarkPlan20000(b *testing.B) {
	const n = 20_000
	cats := []string{"游戏类", "影音类", "生活类", "话费类"}
	deadline := time.Date(2026, 12, 31, 23, 59, 0, 0, cst).UTC()
	catalog := make([]data.Resource, n)
	for i := range catalog {
		catalog[i] = data.Resource{
			ID: uint(i + 1), Name: fmt.Sprintf("资源%05d 王者荣耀点券", i), Category: data.Category{Name: cats[i%4]},
			PriceCents: int64(1000 + i), Redeem: "卡密", Unlimited: i%3 != 0, Stock: i % 50,
			ValidUntil: &deadline, Status: data.StatusOnSale, Tags: "王者,点券",
		}
	}
	rows := [][]string{{"分类", "名称", "价格", "原价", "兑换方式", "库存", "截止时间", "标签"}}
	for i := range n {
		name, price := catalog[i].Name, data.Yuan(catalog[i].PriceCents)
		switch {
		case i%10 == 0:
			name = fmt.Sprintf("新资源%05d", i)
		case i%4 == 1:
			price = data.Yuan(catalog[i].PriceCents - 50)
		}
		stock := ""
		if !catalog[i].Unlimited {
			stock = fmt.Sprint(catalog[i].Stock)
		}
		rows = append(rows, []string{cats[i%4], name, price, "", "卡密", stock, "2026-12-31", "王者,点券"})
	}
	tb := &Table{Rows: rows}
	m, err := Detect[ResourceField](tb)
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{Now: testNow, Loc: cst}
	b.ReportAllocs()
	for b.Loop() {
		p, err := NewResourcePlan(tb, m, catalog, opt)
		if err != nil || p.Count(RowInvalid) != 0 || p.Count(RowNew) != n/10 {
			b.Fatalf("plan: %v, %s", err, p.Summary())
		}
	}
}
