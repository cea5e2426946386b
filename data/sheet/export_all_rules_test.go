package sheet

import (
	"reflect"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/rulebook"
)

// The 群规 sheet lists each group's rules in force first, marked 现行, then its older
// versions, a row per section with the version's number, date and note.
func TestEverythingWorkbookRules(t *testing.T) {
	s := newStore(t)
	a, b := data.Group{Name: "王者群", Number: "11111111"}, data.Group{Name: "影音群", Number: "22222222"}
	for _, g := range []*data.Group{&a, &b} {
		if err := s.SaveGroup(g); err != nil {
			t.Fatal(err)
		}
	}
	two := []rulebook.Section{{Title: "入群须知", Body: "改群名片"}, {Title: "交易规则", Body: "走担保"}}
	for _, save := range []struct {
		group uint
		note  string
		ss    []rulebook.Section
	}{
		{b.ID, "", two[:1]},
		{a.ID, "", two},
		{a.ID, "去掉交易规则", two[:1]},
	} {
		if _, err := s.SaveRules(save.group, save.note, save.ss); err != nil {
			t.Fatal(err)
		}
	}
	f := everythingWorkbook(t, s)
	rows, err := f.GetRows(AllRulesSheet)
	if err != nil {
		t.Fatal(err)
	}
	when := testNow.In(cst).Format(data.DateMinLayout)
	want := [][]string{
		{"群", "版本", "状态", "保存时间", "修改说明", "序号", "标题", "内容"},
		{"王者群", "第 2 版", "现行", when, "去掉交易规则", "1", "入群须知", "改群名片"},
		{"王者群", "第 1 版", "", when, "", "1", "入群须知", "改群名片"},
		{"王者群", "第 1 版", "", when, "", "2", "交易规则", "走担保"},
		{"影音群", "第 1 版", "现行", when, "", "1", "入群须知", "改群名片"},
	}
	for i := range rows { // excelize leaves trailing empty cells out
		for len(rows[i]) < len(want[0]) {
			rows[i] = append(rows[i], "")
		}
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("群规 sheet\n%q\nwant\n%q", rows, want)
	}
}
