package importer

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// writeGBK saves text as Excel on Chinese Windows saves CSV: GBK, no BOM.
func writeGBK(t *testing.T, text string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "上家价目表.csv")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// openImport reads the file as the chooser would hand it over and returns the wizard.
func openImport(t *testing.T, e *ui.Env, path string, done func()) *importWizard {
	t.Helper()
	w := readImport(e, &resourceImport{}, path, done)
	if w == nil {
		t.Fatalf("the file was refused: %s", uifind.OverlayText(e.Win))
	}
	return w
}

// previewRow is what the preview list shows for a sheet row: its kind and its text.
func previewRow(t *testing.T, w *importWizard, line int) (kind, detail string) {
	t.Helper()
	for id, i := range w.shown {
		if w.all[i].line == line {
			o := newImportRow()
			w.updateRow(id, o)
			c := o.(*fyne.Container)
			return c.Objects[1].(*widget.Label).Text, c.Objects[0].(*widget.Label).Text
		}
	}
	t.Fatalf("row %d is not in the preview", line)
	return "", ""
}

func TestImportGBKPriceListThroughWizard(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "58"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "优酷VIP月卡", Category: "影音类", Price: "15"})
	path := writeGBK(t, "商品名称,分类,售价,兑换方式\r\n"+
		"王者荣耀点券 60元,游戏类,55,直充\r\n"+ // changed price and redeem
		"优酷VIP月卡,影音类,15,\r\n"+ // unchanged
		"原神创世结晶 648,游戏类,600,卡密\r\n"+ // new
		"坏价格,游戏类,-3,卡密\r\n") // invalid
	done := 0
	w := openImport(t, e, path, func() { done++ })

	if got := w.plan.Summary(); got != "新增 1 条，变更 1 条，不变 1 条，无效 1 条" {
		t.Fatalf("summary = %q", got)
	}
	if !w.importBtn.Disabled() {
		t.Fatal("import must wait while a row is invalid and skipping is off")
	}
	problems := w.plan.(planned[sheet.ResourceField, data.Resource]).Problems()
	if len(problems) != 1 || problems[0] != (sheet.Problem{Row: 5, Field: "价格", Reason: "价格不能为负数"}) {
		t.Errorf("problems = %+v, want row 5's price", problems)
	}
	// The preview shows the row number once, beside the kind, and the reason after the name.
	kind, detail := previewRow(t, w, 5)
	if kind != "第 5 行 无效" || detail != "坏价格：价格不能为负数" {
		t.Errorf("preview of row 5: %q %q", kind, detail)
	}
	if _, detail := previewRow(t, w, 2); detail != "王者荣耀点券 60元：价格 58 → 55；兑换方式 无 → 直充" {
		t.Errorf("preview of row 2: %q", detail)
	}
	test.Tap(w.skipInvalid)
	if w.importBtn.Disabled() || w.importBtn.Text != "导入 2 条" {
		t.Fatalf("button = %q disabled=%v", w.importBtn.Text, w.importBtn.Disabled())
	}
	test.Tap(w.importBtn)

	rs, err := e.Store.Resources()
	if err != nil || len(rs) != 3 {
		t.Fatalf("catalog has %d resources (%v), want 3", len(rs), err)
	}
	byName := map[string]data.Resource{}
	for _, r := range rs {
		byName[r.Name] = r
	}
	if r := byName["王者荣耀点券 60元"]; r.PriceCents != 5500 || r.Redeem != "直充" {
		t.Errorf("changed row saved as %+v", r)
	}
	if r, ok := byName["原神创世结晶 648"]; !ok || r.PriceCents != 60000 {
		t.Errorf("new row saved as %+v", r)
	}
	if done != 1 {
		t.Errorf("the catalog was told %d times to reload, want 1", done)
	}
}

func TestImportMappingChosenByTheOwner(t *testing.T) {
	e := uitest.NewEnv(t)
	path := writeGBK(t, "货品,价钱,备考\r\n腾讯视频VIP月卡,15,\r\n")
	w := openImport(t, e, path, nil)
	if w.plan != nil && w.plan.Count(sheet.RowNew) > 0 {
		t.Fatal("unknown headers should not be guessed")
	}
	w.columns[0].SetSelected(sheet.ResourceFieldName.Label())
	w.columns[1].SetSelected(sheet.ResourceFieldPrice.Label())
	if w.plan == nil || w.plan.Count(sheet.RowNew) != 1 {
		t.Fatalf("after mapping the plan is %v: %s", w.plan, w.summary.Text)
	}
	test.Tap(w.importBtn)
	rs, _ := e.Store.Resources()
	if len(rs) != 1 || rs[0].Name != "腾讯视频VIP月卡" || rs[0].Category.Name != "游戏类" {
		t.Errorf("imported %+v, want one resource in the default category 游戏类", rs)
	}
}

func TestImportMemberListIntoCurrentGroup(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	other := uitest.MustGroup(t, e, "原神群", "22222222")
	known, _ := data.MemberDraft{QQ: "2876543210", Nickname: "小鱼儿",
		Memberships: []data.MembershipDraft{{GroupID: other.ID, CardName: "小鱼-原神"}}}.Parse(e.Loc)
	if err := e.Store.SaveMember(&known); err != nil {
		t.Fatal(err)
	}
	path := writeGBK(t, "QQ号,昵称,群名片,身份,入群时间,性别\r\n"+
		"2876543210,小鱼儿,小鱼-王者代充,管理员,2024-05-01 12:30,女\r\n"+
		"1029266057,温柔的西瓜,西瓜|蛋仔,成员,2025/3/2,男\r\n"+
		"12ab,坏号码,,成员,,\r\n")
	done := 0
	w := readImport(e, &memberImport{group: g}, path, func() { done++ })
	if w == nil {
		t.Fatalf("refused: %s", uifind.OverlayText(e.Win))
	}
	if got := w.plan.Summary(); got != "新增 1 条，变更 1 条，不变 0 条，无效 1 条" {
		t.Fatalf("summary = %q", got)
	}
	test.Tap(w.skipInvalid)
	test.Tap(w.importBtn)

	ms, err := e.Store.Members(g.ID)
	if err != nil || len(ms) != 2 {
		t.Fatalf("group has %d members (%v), want 2", len(ms), err)
	}
	if done != 1 {
		t.Errorf("the screen that opened the import was told %d times, want once", done)
	}
	for _, m := range ms {
		if m.QQ != "2876543210" {
			continue
		}
		here, there := m.In(g.ID), m.In(other.ID)
		if here == nil || here.CardName != "小鱼-王者代充" || here.Role != data.RoleAdmin {
			t.Errorf("seat here = %+v", here)
		}
		if there == nil || there.CardName != "小鱼-原神" {
			t.Errorf("the seat in the other group was lost: %+v", there)
		}
	}
}
