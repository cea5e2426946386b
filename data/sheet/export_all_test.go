package sheet

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/xuri/excelize/v2"
)

func TestEverythingWorkbook(t *testing.T) {
	s := newStore(t)
	rs := richCatalog(t, s)
	g := data.Group{Name: "王者群", Number: "11111111"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	m := data.Member{QQ: "123456", Nickname: "小王",
		Memberships: []data.Membership{{GroupID: g.ID, Role: data.RoleAdmin}},
		Tags:        []data.MemberTag{{Kind: data.TagInterest, Value: "原神"}}}
	if err := s.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	groups, _ := s.Groups()
	members, _ := s.Members(0)
	suppliers, _ := s.Suppliers()
	var buf bytes.Buffer
	if err := WriteEverythingXLSX(&buf, Everything{Groups: groups, Resources: rs, Members: members, Suppliers: suppliers}, cst); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{AllGroupsSheet, CatalogSheetName, AllMembersSheet, AllSuppliersSheet}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	rows := func(sheet string) [][]string {
		r, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := rows(AllGroupsSheet); len(r) != 2 || r[1][0] != "王者群" || r[1][1] != "11111111" {
		t.Errorf("群: %v", r)
	}
	if r := rows(CatalogSheetName); len(r) != len(rs)+1 {
		t.Errorf("资源库 has %d rows, want %d", len(r), len(rs)+1)
	}
	if r := rows(AllMembersSheet); len(r) != 2 || r[1][0] != "123456" || r[1][2] != "王者群（管理员）" || r[1][4] != "原神" {
		t.Errorf("成员: %v", r)
	}
	if r := rows(AllSuppliersSheet); len(r) != len(suppliers)+1 || len(suppliers) == 0 {
		t.Errorf("供应商: %v (%d suppliers)", r, len(suppliers))
	}
}
