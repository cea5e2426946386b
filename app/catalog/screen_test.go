package catalog

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// linksCalled records what the catalog asked other areas to open.
type linksCalled struct {
	imports int
	posted  []string
}

func openResources(t *testing.T, e *ui.Env) *Screen {
	s, _ := openResourcesWithLinks(t, e)
	return s
}

func openResourcesWithLinks(t *testing.T, e *ui.Env) (*Screen, *linksCalled) {
	t.Helper()
	called := &linksCalled{}
	s := NewScreen(e, Links{
		ImportResources: func(func()) { called.imports++ },
		NewStockPost:    func(_ *data.Group, r data.Resource) { called.posted = append(called.posted, r.Name) },
	})
	uitest.Show(e, s.Content())
	s.Refresh()
	e.Tasks.Wait()
	return s, called
}

// cellText is what the catalog table shows in row, col.
func cellText(s *Screen, row, col int) string {
	text, _ := resourceCell(&s.all[s.shown[row]], col, s.env)
	return text
}

func TestAddResourceThroughForm(t *testing.T) {
	e := uitest.NewEnv(t)
	s := openResources(t, e)

	test.Tap(s.addButton)
	e.Tasks.Wait()
	f := s.form
	test.Type(f.name, "王者荣耀点券 60元")
	f.category.SetSelected("游戏类")
	test.Type(f.price, "58")
	test.Type(f.original, "60")
	test.Type(&f.redeem.Entry, "直充")
	test.Type(f.stock, "20")
	test.Type(f.validUntil, "2026-12-31")
	test.Type(f.tags, "王者荣耀,点券")
	test.Tap(f.SaveButton)
	e.Tasks.Wait()
	e.Tasks.Wait() // the reload the save started

	if len(s.shown) != 1 {
		t.Fatalf("table shows %d rows, want 1", len(s.shown))
	}
	for col, want := range map[int]string{0: "王者荣耀点券 60元", 1: "游戏类", 2: "¥58", 3: "¥60", 4: "直充", 5: "20", 6: "2026-12-31", 7: "上架"} {
		if got := cellText(s, 0, col); got != want {
			t.Errorf("column %s = %q, want %q", resourceColumns[col].Title, got, want)
		}
	}
	rs, err := e.Store.Resources()
	if err != nil || len(rs) != 1 {
		t.Fatalf("database has %d resources (%v), want 1", len(rs), err)
	}
	r := rs[0]
	if r.PriceCents != 5800 || r.OriginalPriceCents != 6000 || r.Stock != 20 || r.Unlimited || r.Category.Name != "游戏类" {
		t.Errorf("saved %+v", r)
	}
	if e.Win.Canvas().Overlays().Top() != nil {
		t.Error("the form is still open after a good save")
	}
}

func TestResourceFormRefusesBadInputAtTheField(t *testing.T) {
	tests := []struct {
		name  string
		fill  func(f *resourceForm)
		field string
		says  string
	}{
		{"empty name", func(f *resourceForm) { test.Type(f.price, "10") }, "name", "名称不能为空"},
		{"negative price", func(f *resourceForm) { test.Type(f.name, "爱奇艺月卡"); test.Type(f.price, "-5") }, "price", "价格不能为负数"},
		{"price over 100000 yuan", func(f *resourceForm) { test.Type(f.name, "爱奇艺月卡"); test.Type(f.price, "100000.01") }, "price", "价格不能超过 100000 元"},
		{"deadline before start", func(f *resourceForm) {
			test.Type(f.name, "双十二话费券")
			test.Type(f.price, "9.9")
			test.Type(f.validFrom, "2026-12-12")
			test.Type(f.validUntil, "2026-12-10")
		}, "valid_until", "截止时间必须晚于开始时间"},
		{"deadline already past", func(f *resourceForm) {
			test.Type(f.name, "过期券")
			test.Type(f.price, "1")
			test.Type(f.validUntil, "2026-11-01")
		}, "valid_until", "截止时间已经过去了"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := uitest.NewEnv(t)
			s := openResources(t, e)
			test.Tap(s.addButton)
			e.Tasks.Wait()
			f := s.form
			tt.fill(f)
			test.Tap(f.SaveButton)
			e.Tasks.Wait()

			entry := f.Fields[tt.field]
			if err := entry.Validate(); err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("field %s validation = %v, want it to say %q", tt.field, err, tt.says)
			}
			if !strings.Contains(f.Summary.Text, tt.says) {
				t.Errorf("summary %q does not say %q", f.Summary.Text, tt.says)
			}
			if rs, _ := e.Store.Resources(); len(rs) != 0 {
				t.Errorf("bad input was saved: %d resources", len(rs))
			}
			if e.Win.Canvas().Overlays().Top() == nil {
				t.Error("the form closed although the input was refused")
			}
		})
	}
}

func TestSearchFindsByPinyinInitials(t *testing.T) {
	e := uitest.NewEnv(t)
	for _, name := range []string{"王者荣耀点券 60元", "腾讯视频VIP月卡", "原神创世结晶 648", "移动话费 100元"} {
		uitest.MustResource(t, e, data.ResourceDraft{Name: name, Category: "游戏类", Price: "10"})
	}
	s := openResources(t, e)

	tests := []struct{ typed, want string }{
		{"wzry", "王者荣耀点券 60元"},
		{"txsp", "腾讯视频VIP月卡"},
		{"原神", "原神创世结晶 648"},
		{"yidong", "移动话费 100元"},
	}
	for _, tt := range tests {
		s.search.SetText("")
		test.Type(s.search, tt.typed)
		if len(s.shown) != 1 || cellText(s, 0, 0) != tt.want {
			var got []string
			for i := range s.shown {
				got = append(got, cellText(s, i, 0))
			}
			t.Errorf("typing %q shows %v, want [%s]", tt.typed, got, tt.want)
		}
	}
	s.search.SetText("")
	if len(s.shown) != 4 {
		t.Errorf("empty search shows %d rows, want all 4", len(s.shown))
	}
}

func TestFiltersByCategoryAndState(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "优酷VIP月卡", Category: "影音类", Price: "12", Stock: "0"})
	s := openResources(t, e)

	s.category.SetSelected("影音类")
	if len(s.shown) != 1 || cellText(s, 0, 0) != "优酷VIP月卡" {
		t.Fatalf("影音类 shows %d rows", len(s.shown))
	}
	if got := cellText(s, 0, 7); got != "售罄" {
		t.Errorf("stock 0 shows state %q, want 售罄", got)
	}
	s.category.SetSelected(allCategories)
	s.state.SetSelected(string(data.StateOnSale))
	if len(s.shown) != 1 || cellText(s, 0, 0) != "王者荣耀点券" {
		t.Errorf("上架 filter shows %d rows", len(s.shown))
	}
}

func TestDeletingAnnouncedResourceOffersOffShelf(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10"})
	if err := e.Store.RecordPost(&data.Post{GroupID: &g.ID, Kind: data.PostIndex, Body: "【王者荣耀福利群】"}, []uint{r.ID}); err != nil {
		t.Fatal(err)
	}
	s := openResources(t, e)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.deleteBtn)
	test.Tap(uifind.OverlayButton(t, e.Win, "删除"))
	e.Tasks.Wait()

	if !strings.Contains(uifind.OverlayText(e.Win), "不能删除") {
		t.Fatalf("no explanation shown; dialog says %q", uifind.OverlayText(e.Win))
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "下架"))
	e.Tasks.Wait()
	e.Tasks.Wait()
	got, err := e.Store.Resource(r.ID)
	if err != nil {
		t.Fatalf("the announced resource was deleted: %v", err)
	}
	if got.Status != data.StatusOffShelf {
		t.Errorf("status = %s, want 下架", got.Status.Label())
	}
}

func TestDeleteUnannouncedResource(t *testing.T) {
	e := uitest.NewEnv(t)
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "饿了么红包", Category: "生活类", Price: "3"})
	s := openResources(t, e)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.deleteBtn)
	test.Tap(uifind.OverlayButton(t, e.Win, "删除"))
	e.Tasks.Wait()
	e.Tasks.Wait()
	if _, err := e.Store.Resource(r.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("after delete: %v, want ErrNotFound", err)
	}
	if len(s.all) != 0 {
		t.Errorf("table still holds %d resources", len(s.all))
	}
}

// The catalog screen as an owner sees it, with a catalog of three, must keep rendering
// the same: columns, prices, states and their colours.
func TestResourcesScreenRendersAsMarkup(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "58", OriginalPrice: "60", Redeem: "直充", ValidUntil: "2026-12-31"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "爱奇艺黄金会员月卡", Category: "影音类", Price: "15", Redeem: "卡密", Stock: "0"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "移动话费 100元", Category: "话费类", Price: "96.5", Redeem: "直充", Status: "下架"})
	openResources(t, e)
	e.Win.Resize(fyne.NewSize(1000, 360))
	test.AssertRendersToMarkup(t, "resources_screen.xml", e.Win.Canvas())
}

// Every button that opens a dialog opens it without crashing, in Chinese.
func TestCatalogButtonsOpenTheirDialogs(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10"})
	for _, tt := range []struct {
		button func(s *Screen) *widget.Button
		shows  string
	}{
		{func(s *Screen) *widget.Button { return s.catsButton }, "分类管理"},
		{func(s *Screen) *widget.Button { return s.addButton }, "新增资源"},
		{func(s *Screen) *widget.Button { return s.editButton }, "编辑资源"},
	} {
		s := openResources(t, e)
		s.table.Select(widget.TableCellID{Row: 0, Col: 0})
		test.Tap(tt.button(s))
		top := e.Win.Canvas().Overlays().Top()
		if top == nil {
			t.Errorf("no dialog for %q", tt.shows)
			continue
		}
		if text := uifind.OverlayText(e.Win) + uifind.ButtonTexts(top); !strings.Contains(text, tt.shows) {
			t.Errorf("dialog for %q shows %q", tt.shows, text)
		}
		e.Win.Canvas().Overlays().Remove(top)
	}
	s, called := openResourcesWithLinks(t, e)
	test.Tap(s.importBtn)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.postButton)
	if called.imports != 1 || strings.Join(called.posted, ",") != "王者荣耀点券" {
		t.Errorf("导入表格 and 上新公告 should open the import and the post of the selected resource: %+v", called)
	}
	before := len(e.Win.Canvas().Overlays().List())
	test.Tap(s.exportBtn)
	if after := len(e.Win.Canvas().Overlays().List()); after != before+1 {
		t.Errorf("导出 should open its menu of formats: overlays %d → %d", before, after)
	}
}

func TestEnterInAFieldSaves(t *testing.T) {
	e := uitest.NewEnv(t)
	s := openResources(t, e)
	test.Tap(s.addButton)
	test.Type(s.form.name, "B站大会员月卡")
	test.Type(s.form.price, "15")
	s.form.price.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if rs, _ := e.Store.Resources(); len(rs) != 1 {
		t.Errorf("Enter in 价格 saved %d resources, want 1", len(rs))
	}
}
