package sheet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	units "unicode/utf16"

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
	gid := g.ID
	long := strings.Repeat("王者荣耀点券😀", 5000) // 40,000 UTF-16 units: more than a cell
	for _, p := range []data.Post{
		{GroupID: &gid, Kind: data.PostIndex, Title: "资源索引表", Body: "【资源索引表】\n◆ 游戏类"},
		{GroupID: &gid, Kind: data.PostNewStock, Title: "上新", Body: long},
	} {
		if err := s.RecordPost(&p, nil); err != nil {
			t.Fatal(err)
		}
	}
	all, err := LoadEverything(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Resources) != len(rs) {
		t.Fatalf("loaded %d resources, want %d", len(all.Resources), len(rs))
	}
	suppliers := all.Suppliers
	var buf bytes.Buffer
	if err := WriteEverythingXLSX(&buf, all, cst); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{AllGroupsSheet, CatalogSheetName, AllMembersSheet, AllSuppliersSheet, AllPostsSheet, AllRequestsSheet, AllRulesSheet, AllBlacklistSheet, AllTradesSheet, AllTradeEventsSheet, AllTicketsSheet, AllTicketEventsSheet, AllSwapListingsSheet, AllSwapDealsSheet, AllPollsSheet, AllBoxesSheet, AllBoxEntrySheet, AllBoxDrawsSheet, AllPointEntriesSheet, AllPointBalancesSheet, AllRedemptionsSheet, AllBadgesSheet, AllSessionsSheet, AllTalentSheet, AllInsightSheet}; !reflect.DeepEqual(got, want) {
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
	r := rows(AllPostsSheet)
	if len(r) != 3 || r[1][1] != "王者群" || r[1][2] != "资源索引表" || r[1][4] != "【资源索引表】\n◆ 游戏类" || r[2][2] != "上新" {
		t.Fatalf("公告记录: %q", r)
	}
	if body := r[2][4]; !strings.HasSuffix(body, "（太长，后面的没有写进表格）") || len(units.Encode([]rune(body))) > 32767 || !strings.HasPrefix(long, strings.TrimSuffix(body, "…（太长，后面的没有写进表格）")) {
		t.Errorf("a long post is cut to %d units, ends %q", len(units.Encode([]rune(body))), body[len(body)-40:])
	}
}
