package sheet

import (
	"errors"
	"slices"
	"testing"
)

func TestMatchMemberField(t *testing.T) {
	tests := []struct {
		header string
		want   MemberField
	}{
		{"QQ号", MemberFieldQQ},
		{"QQ", MemberFieldQQ},
		{" qq ", MemberFieldQQ},
		{"ＱＱ号", MemberFieldQQ},
		{"QQ号（必填）", MemberFieldQQ},
		{"*账号", MemberFieldQQ},
		{"昵称", MemberFieldNickname},
		{"QQ昵称", MemberFieldNickname},
		{"群名片", MemberFieldCardName},
		{"群昵称", MemberFieldCardName},
		{"备注名", MemberFieldCardName},
		{"身份", MemberFieldRole},
		{"角色", MemberFieldRole},
		{"入群时间", MemberFieldJoinedOn},
		{"加群时间", MemberFieldJoinedOn},
		{"入群时间(北京时间)", MemberFieldJoinedOn},
		{"兴趣", MemberFieldInterest},
		{"标签", MemberFieldInterest},
		{"人群", MemberFieldSegment},
		{"身份标签", MemberFieldSegment},
		{"动机", MemberFieldMotivation},
		{"备注", MemberFieldNotes},
		{"性别", MemberFieldIgnore},
		{"Q龄", MemberFieldIgnore},
		{"等级", MemberFieldLevel},
		{"群等级", MemberFieldLevel},
		{"最后发言", MemberFieldLastSpoke},
		{"最后发言时间", MemberFieldLastSpoke},
		{"积分", MemberFieldIgnore},
		{"", MemberFieldIgnore},
		{"QQ号QQ号", MemberFieldIgnore},
	}
	for _, tt := range tests {
		if got := MatchField[MemberField](tt.header); got != tt.want {
			t.Errorf("MatchField[MemberField](%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestMemberFieldLabels(t *testing.T) {
	for _, f := range append([]MemberField{MemberFieldIgnore}, Fields[MemberField]()...) {
		got, ok := FieldByLabel[MemberField](f.Label())
		if !ok || got != f || f.Label() == "" {
			t.Errorf("field %q: label %q finds %q, %v", f, f.Label(), got, ok)
		}
		if f != MemberFieldIgnore && MatchField[MemberField](f.Label()) != f {
			t.Errorf("label %q of %q is not recognized as a header", f.Label(), f)
		}
	}
	if _, ok := FieldByLabel[MemberField]("性别"); ok {
		t.Error("MemberFieldByLabel found a field for an unknown label")
	}
}

func TestDetectMembers(t *testing.T) {
	const (
		ign  = MemberFieldIgnore
		qq   = MemberFieldQQ
		nick = MemberFieldNickname
		card = MemberFieldCardName
		role = MemberFieldRole
		join = MemberFieldJoinedOn
	)
	tests := []struct {
		name   string
		rows   [][]string
		header int
		fields []MemberField
	}{
		{"QQ group tool export", [][]string{{"QQ号", "昵称", "群名片", "身份", "入群时间", "性别", "Q龄", "等级", "最后发言"}},
			0, []MemberField{qq, nick, card, role, join, ign, ign, MemberFieldLevel, MemberFieldLastSpoke}},
		{"title above", [][]string{{"王者荣耀交流群 群成员(共 3 人)", "", ""}, {"", "", ""}, {"账号", "群昵称", "加群时间"}},
			2, []MemberField{qq, card, join}},
		{"other spellings", [][]string{{"QQ", "QQ昵称", "备注名", "角色"}}, 0, []MemberField{qq, nick, card, role}},
		{"owner's columns", [][]string{{"QQ号", "兴趣", "身份标签", "动机", "备注"}},
			0, []MemberField{qq, MemberFieldInterest, MemberFieldSegment, MemberFieldMotivation, MemberFieldNotes}},
		{"one known name is a title", [][]string{{"QQ号", "群成员列表"}, {"群名片", "QQ号"}}, 1, []MemberField{card, qq}},
		{"the same detail twice keeps the first", [][]string{{"QQ号", "QQ", "昵称"}}, 0, []MemberField{qq, ign, nick}},
		{"resource headers are not member headers", [][]string{{"名称", "价格"}, {"QQ号", "昵称"}}, 1, []MemberField{qq, nick}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Detect[MemberField](&Table{Rows: tt.rows})
			if err != nil || m.HeaderRow != tt.header || !slices.Equal(m.Columns, tt.fields) {
				t.Errorf("DetectMembers = %+v, %v; want header %d %q", m, err, tt.header, tt.fields)
			}
		})
	}
}

func TestDetectMembersWithoutHeader(t *testing.T) {
	tb := &Table{Rows: [][]string{{"123456789", "橘猫"}, {"22222222", "小鱼"}}}
	m, err := Detect[MemberField](tb)
	var se *Error
	if !errors.Is(err, ErrNoHeader) || !errors.As(err, &se) || m.HeaderRow != -1 || len(m.Columns) != 2 {
		t.Fatalf("DetectMembers = %+v, %v; want ErrNoHeader", m, err)
	}
	if want := "没有在表格前 10 行找到表头，请确认表格有一行列名（如 QQ号、群名片），或手动指定表头所在的行"; se.Message != want {
		t.Errorf("message %q, want %q", se.Message, want)
	}
	// The owner says what the first row's columns hold.
	m = MapRow[MemberField](tb, -1)
	m.Set(0, MemberFieldQQ)
	m.Set(1, MemberFieldNickname)
	m.Set(1, MemberFieldCardName)
	m.Set(5, MemberFieldNotes)
	if !slices.Equal(m.Columns, []MemberField{MemberFieldQQ, MemberFieldCardName}) ||
		m.Column(MemberFieldCardName) != 1 || m.Column(MemberFieldNickname) != -1 || m.Column(MemberFieldIgnore) != -1 {
		t.Errorf("after Set: %q", m.Columns)
	}
}

func FuzzMatchMemberField(f *testing.F) {
	for _, s := range []string{"QQ号", "ＱＱ号（必填）", " 群名片 ", "入群时间(", "身份标签", "Q龄", "【", "\xff", "*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		got := MatchField[MemberField](header)
		if _, known := memberFieldLabels[got]; !known {
			t.Fatalf("MatchField[MemberField](%q) = unknown field %q", header, got)
		}
		// Spaces around or inside a header never change what it names.
		if again := MatchField[MemberField](" " + header + "\t"); again != got {
			t.Fatalf("MatchField[MemberField](%q) = %q but with spaces %q", header, got, again)
		}
		if got != MemberFieldIgnore && MatchField[MemberField](got.Label()) != got {
			t.Fatalf("label %q of %q does not map back", got.Label(), got)
		}
	})
}
