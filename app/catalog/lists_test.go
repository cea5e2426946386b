package catalog

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

func TestEmptyCatalogSaysWhatToDoWithItsButtons(t *testing.T) {
	e := uitest.NewEnv(t)
	s, called := openResourcesWithLinks(t, e)

	if !s.empty.Visible() || s.empty.Message.Text != "资源库还是空的。点「新增资源」添加第一条，或「导入表格」从上家的价目表导入。" {
		t.Fatalf("an empty catalog says %q (shown %v)", s.empty.Message.Text, s.empty.Visible())
	}
	if got := uifind.ButtonTexts(s.empty.Buttons); got != "新增资源\n导入表格\n" {
		t.Fatalf("the empty catalog offers %q", got)
	}
	test.Tap(uifind.FindButton(s.empty.Buttons, "导入表格"))
	if called.imports != 1 {
		t.Errorf("「导入表格」 opened the import %d times, want once", called.imports)
	}
	test.Tap(uifind.FindButton(s.empty.Buttons, "新增资源"))
	if s.form == nil || e.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("「新增资源」 did not open the form")
	}
	test.Type(s.form.name, "王者荣耀点券 60元")
	s.form.category.SetSelected("游戏类")
	test.Type(s.form.price, "58")
	test.Tap(s.form.SaveButton)
	e.Tasks.Wait()
	if s.empty.Visible() || len(s.shown) != 1 {
		t.Errorf("after the first resource the table shows %d rows and the empty state %v", len(s.shown), s.empty.Visible())
	}
}

func TestNothingIsSaidBeforeTheCatalogLoads(t *testing.T) {
	e := uitest.NewEnv(t)
	s := NewScreen(e, Links{})
	uitest.Show(e, s.Content())
	s.Search("wzry")
	if s.empty.Visible() {
		t.Errorf("before the first load the catalog already says %q", s.empty.Message.Text)
	}
}

func TestFilterThatHidesEverythingOffersToClearIt(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "58"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "腾讯视频VIP月卡", Category: "影音类", Price: "15"})
	s := openResources(t, e)
	if s.empty.Visible() {
		t.Fatalf("a catalog with rows says %q", s.empty.Message.Text)
	}

	s.category.SetSelected("影音类")
	s.Search("wzry")
	if !s.empty.Visible() || !strings.HasPrefix(s.empty.Message.Text, "没有符合条件的资源") {
		t.Fatalf("a filter that hides everything says %q (shown %v)", s.empty.Message.Text, s.empty.Visible())
	}
	if got := uifind.ButtonTexts(s.empty.Buttons); got != "清除筛选\n" {
		t.Fatalf("the filtered catalog offers %q", got)
	}
	test.Tap(uifind.FindButton(s.empty.Buttons, "清除筛选"))
	if len(s.shown) != 2 || s.empty.Visible() {
		t.Errorf("after 清除筛选 the table shows %d of 2 rows, empty state %v", len(s.shown), s.empty.Visible())
	}
	if s.search.Text != "" || s.category.Selected != allCategories || s.state.Selected != allStates {
		t.Errorf("filters left: search %q, category %q, state %q", s.search.Text, s.category.Selected, s.state.Selected)
	}
}

func TestDetailPaneShowsTheSelectedResourceInFull(t *testing.T) {
	e := uitest.NewEnv(t)
	long := "王者荣耀点券 648元 直充到账 全区全服通用 下单后五分钟内到账 节假日照常发货"
	uitest.MustResource(t, e, data.ResourceDraft{Name: long, Category: "游戏类", Price: "600", OriginalPrice: "648",
		Redeem: "直充", Stock: "3", ValidUntil: "2026-12-31", Supplier: "老王卡盟", Tags: "王者荣耀,点券",
		Notes: "上家周末不发货，周五晚上下的单周一补发"})
	s := openResources(t, e)
	if got := s.detail.String(); !strings.HasPrefix(got, "点选一行，这里显示它的全部内容。") {
		t.Errorf("with nothing selected the pane says %q", got)
	}

	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	want := strings.Join([]string{"名称：" + long, "分类：游戏类", "价格：¥600", "原价：¥648", "兑换方式：直充", "库存：3",
		"有效期：至 2026-12-31", "状态：上架", "供应商：老王卡盟", "标签：王者荣耀、点券", "备注：上家周末不发货，周五晚上下的单周一补发"}, ui.FieldGap)
	if got := s.detail.String(); got != want {
		t.Errorf("the pane says\n%q\nwant\n%q", got, want)
	}
}

func TestCatalogRemembersColumnWidths(t *testing.T) {
	e := uitest.NewEnv(t)
	if err := e.Store.SetSetting("column_widths_catalog", "400,80,80,80,100,70,140,70"); err != nil {
		t.Fatal(err)
	}
	s := openResources(t, e)
	if got := s.table.Widths(); got[0] != 400 {
		t.Errorf("the name column is %v wide, want the 400 the owner left", got[0])
	}
}

// TestCellsUseOnlyReadableColours holds the catalog to the importances whose colours
// app/ui's TestListTextContrast measures in both themes.
func TestCellsUseOnlyReadableColours(t *testing.T) {
	e := uitest.NewEnv(t)
	readable := map[widget.Importance]bool{widget.MediumImportance: true, widget.LowImportance: true,
		widget.SuccessImportance: true, widget.WarningImportance: true, widget.DangerImportance: true}
	r := data.Resource{Name: "爱奇艺月卡", PriceCents: 1500, OriginalPriceCents: 1900, Stock: 3}
	for _, st := range data.ResourceStates {
		if imp := stateImportance(st); !readable[imp] {
			t.Errorf("state %s is drawn with importance %v, whose colour is not measured", st, imp)
		}
	}
	for col := range resourceColumns {
		if _, imp := resourceCell(&r, col, e); !readable[imp] {
			t.Errorf("column %s is drawn with importance %v, whose colour is not measured", resourceColumns[col].Title, imp)
		}
	}
}
