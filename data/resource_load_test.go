package data_test

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// resourcesByGORM is how Resources used to load the catalog, through GORM's Preload
// and a sort in Go (names in dictionary order): the reference its scan must match.
func resourcesByGORM(t *testing.T, s *data.Store) []data.Resource {
	t.Helper()
	var rs []data.Resource
	if err := data.DB(s).Preload("Category").Preload("Supplier").Find(&rs).Error; err != nil {
		t.Fatal(err)
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := &rs[i].Category, &rs[j].Category
		if a.Position != b.Position {
			return a.Position < b.Position
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return data.CompareNames(rs[i].Name, rs[j].Name) < 0
	})
	return rs
}

func TestResourcesMatchesGORM(t *testing.T) {
	s := datatest.OpenTemp(t)
	if err := datatest.FillDemo(s, datatest.SmallDemo, 5); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Zzz 最后", "AAA 最前", "aaa 小写", "中国移动话费 100元"} {
		r := data.Resource{Name: name, Category: data.Category{Name: "话费类"}, PriceCents: 990, Status: data.StatusOnSale, Unlimited: true}
		if err := s.SaveResource(&r); err != nil {
			t.Fatal(err)
		}
	}
	cs, _ := s.Categories()
	if err := s.MoveCategory(cs[3].ID, -1); err != nil {
		t.Fatal(err)
	}
	got, err := s.Resources()
	if err != nil {
		t.Fatal(err)
	}
	want := resourcesByGORM(t, s)
	if len(got) != len(want) {
		t.Fatalf("%d resources, want %d", len(got), len(want))
	}
	for i := range got {
		if g, w := resourceText(got[i]), resourceText(want[i]); g != w {
			t.Errorf("row %d:\n got %s\nwant %s", i, g, w)
		}
	}
}

// resourceText shows every field of r, pointers followed, for comparing loads.
func resourceText(r data.Resource) string {
	opt := func(p any) string {
		switch v := p.(type) {
		case *time.Time:
			if v != nil {
				return v.UTC().String()
			}
		case *uint:
			if v != nil {
				return fmt.Sprint(*v)
			}
		case *data.Supplier:
			if v != nil {
				return fmt.Sprintf("%+v", *v)
			}
		}
		return "nil"
	}
	return fmt.Sprintf("%d %q %d %+v %d/%d %q %d/%v %s..%s sup %s %s %s %q %q %q %s %s",
		r.ID, r.Name, r.CategoryID, r.Category, r.PriceCents, r.OriginalPriceCents, r.Redeem, r.Stock, r.Unlimited,
		opt(r.ValidFrom), opt(r.ValidUntil), opt(r.SupplierID), opt(r.Supplier), r.Status, r.Tags, r.Notes, r.SearchKey,
		r.CreatedAt.UTC(), r.UpdatedAt.UTC())
}
