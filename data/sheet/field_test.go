package sheet

import (
	"errors"
	"slices"
	"testing"
)

func TestMatchField(t *testing.T) {
	tests := []struct {
		header string
		want   Field
	}{
		{"名称", FieldName},
		{"商品名称", FieldName},
		{" 资源 ", FieldName},
		{"*名称", FieldName},
		{"名称(必填)", FieldName},
		{"名称:", FieldName},
		{"Name", FieldName},
		{"类 别", FieldCategory},
		{"类型", FieldCategory},
		{"价格(元)", FieldPrice},
		{"价格（元）", FieldPrice},
		{"价格【元】", FieldPrice},
		{"单价/元", FieldPrice},
		{"售价元", FieldPrice},
		{"现价（元", FieldPrice},
		{"ＰＲＩＣＥ", FieldPrice},
		{"原价(元)", FieldOriginalPrice},
		{"面值", FieldOriginalPrice},
		{"市场价", FieldOriginalPrice},
		{"发货方式", FieldRedeem},
		{"剩余", FieldStock},
		{"生效时间", FieldValidFrom},
		{"截止日期", FieldValidUntil},
		{"有效期至（北京时间）", FieldValidUntil},
		{"上家", FieldSupplier},
		{"状态", FieldStatus},
		{"标签", FieldTags},
		{"说明", FieldNotes},
		{"进货价", FieldIgnore},
		{"", FieldIgnore},
		{"(元)", FieldIgnore},
		{"价", FieldIgnore},
		{"名称名称", FieldIgnore},
	}
	for _, tt := range tests {
		if got := MatchField(tt.header); got != tt.want {
			t.Errorf("MatchField(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestFieldLabels(t *testing.T) {
	for _, f := range append([]Field{FieldIgnore}, Fields...) {
		got, ok := FieldByLabel(f.Label())
		if !ok || got != f || f.Label() == "" {
			t.Errorf("field %q: label %q finds %q, %v", f, f.Label(), got, ok)
		}
		if _, ok := draftText[f]; !ok && f != FieldIgnore {
			t.Errorf("field %q has no draft text", f)
		}
	}
	if _, ok := FieldByLabel("进货价"); ok {
		t.Error("FieldByLabel found a field for an unknown label")
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		rows   [][]string
		header int
		fields []Field
	}{
		{"header first", [][]string{{"名称", "价格"}, {"甲", "1"}}, 0, []Field{FieldName, FieldPrice}},
		{"title above", [][]string{{"我的资源表", ""}, {"", ""}, {"资源名称", "售价"}}, 2, []Field{FieldName, FieldPrice}},
		{"one known name is a title", [][]string{{"名称", "进货价"}, {"分类", "名称"}}, 1, []Field{FieldCategory, FieldName}},
		{"duplicate field keeps first", [][]string{{"名称", "价格", "售价"}}, 0, []Field{FieldName, FieldPrice, FieldIgnore}},
		{"unknown columns ignored", [][]string{{"编号", "名称", "备注", "进货价"}}, 0, []Field{FieldIgnore, FieldName, FieldNotes, FieldIgnore}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Detect(&Table{Rows: tt.rows})
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
	m, err := Detect(&Table{Rows: rows})
	if !errors.Is(err, ErrNoHeader) || m.HeaderRow != -1 || len(m.Columns) != 2 {
		t.Fatalf("Detect = %+v, %v; want ErrNoHeader", m, err)
	}
	// The owner points at the header; the mapping follows.
	if m = MapRow(&Table{Rows: rows}, 10); !slices.Equal(m.Columns, []Field{FieldName, FieldPrice}) {
		t.Errorf("MapRow = %+v", m)
	}
}

func TestMappingSet(t *testing.T) {
	m := Mapping{Columns: []Field{FieldName, FieldPrice, FieldIgnore}}
	steps := []struct {
		col  int
		f    Field
		want []Field
	}{
		{2, FieldPrice, []Field{FieldName, FieldIgnore, FieldPrice}},
		{0, FieldIgnore, []Field{FieldIgnore, FieldIgnore, FieldPrice}},
		{1, FieldName, []Field{FieldIgnore, FieldName, FieldPrice}},
		{5, FieldNotes, []Field{FieldIgnore, FieldName, FieldPrice}},
	}
	for _, s := range steps {
		m.Set(s.col, s.f)
		if !slices.Equal(m.Columns, s.want) {
			t.Errorf("after Set(%d, %q): %q, want %q", s.col, s.f, m.Columns, s.want)
		}
	}
	if m.Column(FieldName) != 1 || m.Column(FieldIgnore) != -1 || m.Column(FieldTags) != -1 {
		t.Errorf("Column: name %d, ignore %d, tags %d", m.Column(FieldName), m.Column(FieldIgnore), m.Column(FieldTags))
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
		got := MatchField(header)
		if _, known := fieldLabels[got]; !known {
			t.Fatalf("MatchField(%q) = unknown field %q", header, got)
		}
		// Spaces around or inside a header never change what it names.
		if again := MatchField(" " + header + "\t"); again != got {
			t.Fatalf("MatchField(%q) = %q but with spaces %q", header, got, again)
		}
		if got != FieldIgnore && MatchField(got.Label()) != got {
			t.Fatalf("label %q of %q does not map back", got.Label(), got)
		}
	})
}
