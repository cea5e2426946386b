package sheet

// MemberField is a member detail a column of a member list can be imported into. Its
// value is the key data.FieldError uses for the same detail, so a problem can point
// at its column.
type MemberField string

// The details of a member, and MemberFieldIgnore for a column that is not imported
// (性别, Q龄, 等级, 最后发言 and whatever else QQ group tools add).
const (
	MemberFieldIgnore     MemberField = ""
	MemberFieldQQ         MemberField = "qq"
	MemberFieldNickname   MemberField = "nickname"
	MemberFieldCardName   MemberField = "card_name"
	MemberFieldRole       MemberField = "role"
	MemberFieldJoinedOn   MemberField = "joined_on"
	MemberFieldMotivation MemberField = "motivation"
	MemberFieldInterest   MemberField = "interest"
	MemberFieldSegment    MemberField = "segment"
	MemberFieldNotes      MemberField = "notes"
)

// MemberFields lists the importable member details in the order of the member form,
// for a mapping picker. MemberFieldIgnore is not in it.
var MemberFields = []MemberField{
	MemberFieldQQ, MemberFieldNickname, MemberFieldCardName, MemberFieldRole, MemberFieldJoinedOn,
	MemberFieldMotivation, MemberFieldInterest, MemberFieldSegment, MemberFieldNotes,
}

var memberFieldLabels = map[MemberField]string{
	MemberFieldIgnore: "不导入", MemberFieldQQ: "QQ号", MemberFieldNickname: "昵称",
	MemberFieldCardName: "群名片", MemberFieldRole: "身份", MemberFieldJoinedOn: "入群日期",
	MemberFieldMotivation: "动机", MemberFieldInterest: "兴趣", MemberFieldSegment: "人群",
	MemberFieldNotes: "备注",
}

// Label is the detail's name in the owner's words, as the member form shows it.
// MemberFieldIgnore is 不导入.
func (f MemberField) Label() string { return memberFieldLabels[f] }

// memberFieldLabel names a member detail by its key, as data.FieldError holds it.
func memberFieldLabel(key string) string { return MemberField(key).Label() }

// MemberFieldByLabel finds a member detail by its Label, for pickers that deal in
// strings.
func MemberFieldByLabel(label string) (MemberField, bool) { return byLabel(memberFieldLabels, label) }

// memberSynonyms are the headers of QQ group tools' exports and owners' own columns,
// already normalized.
var memberSynonyms = map[MemberField][]string{
	MemberFieldQQ:         {"qq号", "qq", "qq号码", "qq账号", "账号", "帐号", "号码", "成员qq", "uin"},
	MemberFieldNickname:   {"昵称", "qq昵称", "成员昵称", "网名", "nickname", "nick"},
	MemberFieldCardName:   {"群名片", "群昵称", "备注名", "名片", "群内昵称", "群名片昵称", "cardname", "card"},
	MemberFieldRole:       {"身份", "角色", "群身份", "群角色", "成员身份", "职务", "role"},
	MemberFieldJoinedOn:   {"入群时间", "加群时间", "入群日期", "加群日期", "进群时间", "进群日期", "加入时间", "加入日期", "入群"},
	MemberFieldMotivation: {"动机", "需求", "需求动机", "入群动机", "motivation"},
	MemberFieldInterest:   {"兴趣", "标签", "兴趣标签", "爱好", "兴趣爱好", "interest", "interests"},
	MemberFieldSegment:    {"人群", "身份标签", "人群标签", "人群分类", "群体", "segment"},
	MemberFieldNotes:      {"备注", "说明", "notes"},
}

var memberHeaderFields = headerIndex(memberSynonyms)

// MatchMemberField recognizes a column header of a member list as MatchField does:
// QQ号, 群昵称, 入群时间（北京时间） and " qq " all find their detail. Unknown
// headers, such as 性别 or 最后发言, give MemberFieldIgnore.
func MatchMemberField(header string) MemberField { return matchHeader(memberHeaderFields, header) }

// MemberMapping says which row of a member list is the header and what each column
// holds. The GUI shows it and lets the owner change it before planning an import.
type MemberMapping struct {
	HeaderRow int           // index in Table.Rows of the header; data starts on the next row
	Columns   []MemberField // one per table column; MemberFieldIgnore for a column not imported
}

// DetectMembers finds the header of a member list: the first of the top rows that
// names at least two known details. Without one it returns ErrNoHeader, and the GUI
// can let the owner pick the header row for MapMemberRow.
func DetectMembers(t *Table) (MemberMapping, error) {
	row, cols, err := detectHeader(t, MatchMemberField, "QQ号、群名片")
	return MemberMapping{HeaderRow: row, Columns: cols}, err
}

// MapMemberRow reads row as the header of a member list. When two columns name the
// same detail, the first one is used and the other ignored.
func MapMemberRow(t *Table, row int) MemberMapping {
	return MemberMapping{HeaderRow: row, Columns: mapColumns(t, row, MatchMemberField)}
}

// Column is the index of the column mapped to f, or -1.
func (m MemberMapping) Column(f MemberField) int { return columnOf(m.Columns, f) }

// Set maps column col to f (MemberFieldIgnore to leave it out). A detail goes into
// one column only, so a column that had f before is ignored from now on.
func (m *MemberMapping) Set(col int, f MemberField) { setColumn(m.Columns, col, f) }

// Check says whether m can plan an import of t: it fits the table, maps the QQ
// number and maps each detail once. Failures are *Error with ErrMapping.
func (m MemberMapping) Check(t *Table) error {
	seen, err := checkColumns(t, m.HeaderRow, m.Columns, memberFieldLabels)
	if err != nil {
		return err
	}
	if !seen[MemberFieldQQ] {
		return refuse(ErrMapping, "请指定哪一列是QQ号")
	}
	return nil
}
