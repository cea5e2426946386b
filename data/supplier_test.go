package data

import (
	"errors"
	"strings"
	"testing"
)

func TestSaveSupplier(t *testing.T) {
	s := newTestStore(t)
	first := Supplier{Name: " 星辰卡盟 ", Contact: "QQ 123456789", Notes: "出货快"}
	if err := s.SaveSupplier(&first); err != nil || first.ID == 0 || first.Name != "星辰卡盟" {
		t.Fatalf("SaveSupplier = %v, %+v", err, first)
	}
	tests := []struct {
		name  string
		sup   Supplier
		field string // refused at this field; "" saved
	}{
		{"another", Supplier{Name: "鑫源数码"}, ""},
		{"same name", Supplier{Name: "星辰卡盟"}, "supplier"},
		{"no name", Supplier{Name: "  "}, "supplier"},
		{"name too long", Supplier{Name: strings.Repeat("货", MaxShortLen+1)}, "supplier"},
		{"contact too long", Supplier{Name: "优品", Contact: strings.Repeat("1", MaxShortLen+1)}, "contact"},
		{"notes too long", Supplier{Name: "优品", Notes: strings.Repeat("注", MaxNotesLen+1)}, "notes"},
		{"rename itself", Supplier{ID: first.ID, Name: "星辰卡盟", Contact: "微信 xc"}, ""},
	}
	for _, tt := range tests {
		err := s.SaveSupplier(&tt.sup)
		var ve ValidationError
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.field != "" && (!errors.As(err, &ve) || ve.For(tt.field) == nil):
			t.Errorf("%s: %v, want a problem with %s", tt.name, err, tt.field)
		}
	}
	ss, err := s.Suppliers()
	// In dictionary order: 鑫源 (xin) before 星辰 (xing).
	if err != nil || len(ss) != 2 || ss[0].Name != "鑫源数码" || ss[1].Contact != "微信 xc" {
		t.Errorf("Suppliers = %+v, %v", ss, err)
	}
}
