package catalog

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// Stock 0 on a counted resource means 售罄: the form says so under the stock as it is
// typed, without moving the fields below, and sets the status in one click.
func TestFormSaysStockZeroIsSoldOutAndSetsIt(t *testing.T) {
	e := uitest.NewEnv(t)
	s := openResources(t, e)
	test.Tap(s.addButton)
	e.Tasks.Wait()
	f := s.form
	if f.stockNote.Text != data.StockHint || f.stockOffer.Visible() {
		t.Fatalf("a new form's stock note = %q (offer shown %v), want the hint", f.stockNote.Text, f.stockOffer.Visible())
	}
	test.Type(f.name, "Steam钱包 50元")
	f.category.SetSelected("游戏类")
	test.Type(f.price, "45")
	below := absY(f.validFrom)

	test.Type(f.stock, "0")
	if !strings.Contains(f.stockNote.Text, "库存为 0：按售罄处理，不进公告") || f.stockNote.Importance != widget.WarningImportance {
		t.Errorf("stock 0 on sale: note %q", f.stockNote.Text)
	}
	if !f.stockOffer.Visible() || f.stockOffer.Text != "设为售罄" {
		t.Fatalf("stock 0 on sale: offer %q shown %v", f.stockOffer.Text, f.stockOffer.Visible())
	}
	if got := absY(f.validFrom); got != below {
		t.Errorf("the note moved the next field from y=%v to y=%v", below, got)
	}

	test.Tap(f.stockOffer)
	if f.status.Selected != "售罄" {
		t.Errorf("设为售罄 left the status %q", f.status.Selected)
	}
	if !strings.Contains(f.stockNote.Text, "已设为售罄") || f.stockOffer.Visible() {
		t.Errorf("after 设为售罄: note %q, offer shown %v", f.stockNote.Text, f.stockOffer.Visible())
	}
	if got := absY(f.validFrom); got != below {
		t.Errorf("hiding the offer moved the next field from y=%v to y=%v", below, got)
	}

	test.Tap(f.SaveButton)
	e.Tasks.Wait()
	rs, err := e.Store.Resources()
	if err != nil || len(rs) != 1 {
		t.Fatalf("database has %d resources (%v)", len(rs), err)
	}
	if r := rs[0]; r.Status != data.StatusSoldOut || r.Stock != 0 || r.Unlimited {
		t.Errorf("saved status %s stock %d unlimited %v, want 售罄 0 counted", r.Status.Label(), r.Stock, r.Unlimited)
	}
}

// A resource marked 售罄 that has stock again is offered back 上架; clearing the stock
// (不限) or typing a bad number brings back the plain hint.
func TestFormOffersBackOnSaleAfterRestock(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustResource(t, e, data.ResourceDraft{Name: "英雄联盟 点券1000", Category: "游戏类", Price: "95", Stock: "0", Status: "售罄"})
	s := openResources(t, e)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.editButton)
	e.Tasks.Wait()
	f := s.form
	if !strings.Contains(f.stockNote.Text, "已设为售罄") {
		t.Errorf("editing a sold-out resource: note %q", f.stockNote.Text)
	}
	f.stock.SetText("")
	test.Type(f.stock, "20")
	if f.stockOffer.Text != "改回上架" || !f.stockOffer.Visible() {
		t.Fatalf("restocked: offer %q shown %v; note %q", f.stockOffer.Text, f.stockOffer.Visible(), f.stockNote.Text)
	}
	test.Tap(f.stockOffer)
	if f.status.Selected != "上架" || f.stockNote.Text != data.StockHint {
		t.Errorf("after 改回上架: status %q note %q", f.status.Selected, f.stockNote.Text)
	}
	f.stock.SetText("")
	test.Type(f.stock, "abc")
	if f.stockNote.Text != data.StockHint || f.stockOffer.Visible() {
		t.Errorf("a bad number: note %q, offer shown %v", f.stockNote.Text, f.stockOffer.Visible())
	}
	test.Tap(f.SaveButton)
	e.Tasks.Wait()
	if r, _ := e.Store.Resources(); r[0].Status != data.StatusSoldOut {
		t.Error("a form with a bad stock was saved")
	}
}

func absY(o fyne.CanvasObject) float32 {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
}
