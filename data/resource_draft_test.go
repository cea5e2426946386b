package data

import (
	"strings"
	"testing"
)

func TestStockNoteOffersSoldOut(t *testing.T) {
	tests := []struct {
		name, stock, status string
		offer               ResourceStatus
		says                string
	}{
		{"counted 0 on sale", "0", "上架", StatusSoldOut, "库存为 0：按售罄处理，不进公告"},
		{"0 with spaces", " 0 ", "上架", StatusSoldOut, "按售罄处理"},
		{"0 already sold out", "0", "售罄", "", "已设为售罄"},
		{"restocked but sold out", "5", "售罄", StatusOnSale, "改回上架"},
		{"unlimited but sold out", "", "售罄", StatusOnSale, "改回上架"},
		{"counted on sale", "5", "上架", "", StockHint},
		{"unlimited on sale", "不限", "上架", "", StockHint},
		{"0 off the shelf", "0", "下架", "", StockHint},
		{"not a number yet", "abc", "上架", "", StockHint},
		{"negative", "-1", "上架", "", StockHint},
		{"no status", "0", "", "", StockHint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			note, offer := ResourceDraft{Stock: tt.stock, Status: tt.status}.StockNote()
			if offer != tt.offer || note == "" || !strings.Contains(note, tt.says) {
				t.Errorf("StockNote = %q, %q; want %q and a note with %q", note, offer, tt.offer, tt.says)
			}
		})
	}
}
