package sheet

import (
	"errors"
	"slices"
	"testing"
)

func TestMatchField(t *testing.T) {
	tests := []struct {
		header string
		want   ResourceField
	}{
		{"名称", ResourceFieldName},
		{"商品名称", ResourceFieldName},
		{" 资源 ", ResourceFieldName},
		{"*名称", ResourceFieldName},
		{"名称(必填)", ResourceFieldName},
		{"名称:", ResourceFieldName},
		{"Name", ResourceFieldName},
		{"类 别", ResourceFieldCategory},
		{"类型", ResourceFieldCategory},
		{"价格(元)", ResourceFieldPrice},
		{"价格（元）", ResourceFieldPrice},
		{"价格【元】", ResourceFieldPrice},
		{"单价/元", ResourceFieldPrice},
		{"售价元", ResourceFieldPrice},
		{"现价（元", ResourceFieldPrice},
		{"ＰＲＩＣＥ", ResourceFieldPrice},
		{"原价(元)", ResourceFieldOriginalPrice},
		{"面值", ResourceFieldOriginalPrice},
		{"市场价", ResourceFieldOriginalPrice},
		{"发货方式", ResourceFieldRedeem},
		{"剩余", ResourceFieldStock},
		{"生效时间", ResourceFieldValidFrom},
		{"截止日期", ResourceFieldValidUntil},
		{"有效期至（北京时间）", ResourceFieldValidUntil},
		{"上家", ResourceFieldSupplier},
		{"状态", ResourceFieldStatus},
		{"标签", ResourceFieldTags},
		{"说明", ResourceFieldNotes},
		{"进货价", ResourceFieldIgnore},
		{"", ResourceFieldIgnore},
		{"(元)", ResourceFieldIgnore},
		{"价", ResourceFieldIgnore},
		{"名称名称", ResourceFieldIgnore},
	}
	for _, tt := range tests {
		if got := MatchField[ResourceField](tt.header); got != tt.want {
			t.Errorf("MatchField[ResourceField](%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestFieldLabels(t *testing.T) {
	for _, f := range append([]ResourceField{ResourceFieldIgnore}, Fields[ResourceField]()...) {
		got, ok := FieldByLabel[ResourceField](f.Label())
		if !ok || got != f || f.Label() == "" {
			t.Errorf("field %q: label %q finds %q, %v", f, f.Label(), got, ok)
		}
		if _, ok := draftText[f]; !ok && f != ResourceFieldIgnore {
			t.Errorf("field %q has no draft text", f)
		}
	}
	if _, ok := FieldByLabel[ResourceField]("进货价"); ok {
		t.Error("ResourceFieldByLabel found a field for an unknown label")
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		rows   [][]string
		header int
		fields []ResourceField
	}{
		{"header first", [][]string{{"名称", "价格"}, {"甲", "1"}}, 0, []ResourceField{ResourceFieldName, ResourceFieldPrice}},
		{"title above", [][]string{{"我的资源表", ""}, {"", ""}, {"资源名称", "售价"}}, 2, []ResourceField{ResourceFieldName, ResourceFieldPrice}},
		{"one known name is a title", [][]string{{"名称", "进货价"}, {"分类", "名称"}}, 1, []ResourceField{ResourceFieldCategory, ResourceFieldName}},
		{"duplicate field keeps first", [][]string{{"名称", "价格", "售价"}}, 0, []ResourceField{ResourceFieldName, ResourceFieldPrice, ResourceFieldIgnore}},
		{"unknown columns ignored", [][]string{{"编号", "名称", "备注", "进货价"}}, 0, []ResourceField{ResourceFieldIgnore, ResourceFieldName, ResourceFieldNotes, ResourceFieldIgnore}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Detect[ResourceField](&Table{Rows: tt.rows})
			if err != nil || m.HeaderRow != tt.header || !slices.Equal(m.Columns, tt.fields) {
				t.Errorf("Detect = %+v, %v; want header %d %q", m, err, tt.header, tt.fields)
			}
		})
	}
}

func TestDetectGivesUpAfterTenRows(t *testing.T) {
	rows := make([][]string, 12)
	for i := range rows {
		rows[i] = []string{"说明", ""}
	}
	rows[10] = []string{"名称", "价格"}
	m, err := Detect[ResourceField](&Table{Rows: rows})
	if !errors.Is(err, ErrNoHeader) || m.HeaderRow != -1 || len(m.Columns) != 2 {
		t.Fatalf("Detect = %+v, %v; want ErrNoHeader", m, err)
	}
	// The owner points at the header; the mapping follows.
	if m = MapRow[ResourceField](&Table{Rows: rows}, 10); !slices.Equal(m.Columns, []ResourceField{ResourceFieldName, ResourceFieldPrice}) {
		t.Errorf("MapRow = %+v", m)
	}
}

func TestMappingSet(t *testing.T) {
	m := ResourceMapping{Columns: []ResourceField{ResourceFieldName, ResourceFieldPrice, ResourceFieldIgnore}}
	steps := []struct {
		col  int
		f    ResourceField
		want []ResourceField
	}{
		{2, ResourceFieldPrice, []ResourceField{ResourceFieldName, ResourceFieldIgnore, ResourceFieldPrice}},
		{0, ResourceFieldIgnore, []ResourceField{ResourceFieldIgnore, ResourceFieldIgnore, ResourceFieldPrice}},
		{1, ResourceFieldName, []ResourceField{ResourceFieldIgnore, ResourceFieldName, ResourceFieldPrice}},
		{5, ResourceFieldNotes, []ResourceField{ResourceFieldIgnore, ResourceFieldName, ResourceFieldPrice}},
	}
	for _, s := range steps {
		m.Set(s.col, s.f)
		if !slices.Equal(m.Columns, s.want) {
			t.Errorf("after Set(%d, %q): %q, want %q", s.col, s.f, m.Columns, s.want)
		}
	}
	// A clone plans on while the owner changes the original.
	c := m.Clone()
	m.Set(0, ResourceFieldTags)
	if !slices.Equal(c.Columns, []ResourceField{ResourceFieldIgnore, ResourceFieldName, ResourceFieldPrice}) {
		t.Errorf("clone changed with the original: %q", c.Columns)
	}
	m.Set(0, ResourceFieldIgnore)
	if m.Column(ResourceFieldName) != 1 || m.Column(ResourceFieldIgnore) != -1 || m.Column(ResourceFieldTags) != -1 {
		t.Errorf("Column: name %d, ignore %d, tags %d", m.Column(ResourceFieldName), m.Column(ResourceFieldIgnore), m.Column(ResourceFieldTags))
	}
}

func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := ColumnName(i); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", i, got, want)
		}
	}
}

func FuzzMatchField(f *testing.F) {
	for _, s := range []string{"名称", "价格（元）", "＊原价【元】", " Ｎａｍｅ ", "(", "元", "价格(", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		got := MatchField[ResourceField](header)
		if _, known := resourceFieldLabels[got]; !known {
			t.Fatalf("MatchField[ResourceField](%q) = unknown field %q", header, got)
		}
		// Spaces around or inside a header never change what it names.
		if again := MatchField[ResourceField](" " + header + "\t"); again != got {
			t.Fatalf("MatchField[ResourceField](%q) = %q but with spaces %q", header, got, again)
		}
		if got != ResourceFieldIgnore && MatchField[ResourceField](got.Label()) != got {
			t.Fatalf("label %q of %q does not map back", got.Label(), got)
		}
	})
}
