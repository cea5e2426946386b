package sheet

// MemberField is a member detail a column of a member list can be imported into.
type MemberField string

// The details of a member, and MemberFieldIgnore for a column that is not imported
// (性别, Q龄, 积分 and whatever else QQ group tools add).
const (
	MemberFieldIgnore     MemberField = ""
	MemberFieldQQ         MemberField = "qq"
	MemberFieldNickname   MemberField = "nickname"
	MemberFieldCardName   MemberField = "card_name"
	MemberFieldRole       MemberField = "role"
	MemberFieldJoinedOn   MemberField = "joined_on"
	MemberFieldLastSpoke  MemberField = "last_spoke" // 最后发言时间
	MemberFieldLevel      MemberField = "level"      // 群等级的名称: 潜水, 冒泡, LV3…
	MemberFieldMotivation MemberField = "motivation"
	MemberFieldInterest   MemberField = "interest"
	MemberFieldSegment    MemberField = "segment"
	MemberFieldNotes      MemberField = "notes"
)

// memberFields are the importable member details in the order of the member form.
var memberFields = []MemberField{
	MemberFieldQQ, MemberFieldNickname, MemberFieldCardName, MemberFieldRole, MemberFieldJoinedOn,
	MemberFieldLastSpoke, MemberFieldLevel, MemberFieldMotivation, MemberFieldInterest, MemberFieldSegment, MemberFieldNotes,
}

var memberFieldLabels = map[MemberField]string{
	MemberFieldIgnore: "不导入", MemberFieldQQ: "QQ号", MemberFieldNickname: "昵称",
	MemberFieldCardName: "群名片", MemberFieldRole: "身份", MemberFieldJoinedOn: "入群日期",
	MemberFieldLastSpoke: "最后发言", MemberFieldLevel: "等级",
	MemberFieldMotivation: "动机", MemberFieldInterest: "兴趣", MemberFieldSegment: "人群",
	MemberFieldNotes: "备注",
}

// Label is the detail's name in the owner's words, as the member form shows it.
// MemberFieldIgnore is 不导入.
func (f MemberField) Label() string { return memberFieldLabels[f] }

func (MemberField) kind() *fieldKind { return memberFieldKind }

// memberSynonyms are the headers of QQ group tools' exports and owners' own columns,
// already normalized.
var memberSynonyms = map[MemberField][]string{
	MemberFieldQQ:         {"qq号", "qq", "qq号码", "qq账号", "账号", "帐号", "号码", "成员qq", "uin"},
	MemberFieldNickname:   {"昵称", "qq昵称", "成员昵称", "网名", "nickname", "nick"},
	MemberFieldCardName:   {"群名片", "群昵称", "备注名", "名片", "群内昵称", "群名片昵称", "cardname", "card"},
	MemberFieldRole:       {"身份", "角色", "群身份", "群角色", "成员身份", "职务", "role"},
	MemberFieldJoinedOn:   {"入群时间", "加群时间", "入群日期", "加群日期", "进群时间", "进群日期", "加入时间", "加入日期", "入群"},
	MemberFieldLastSpoke:  {"最后发言", "最后发言时间", "最后发言日期", "最近发言", "最近发言时间", "上次发言", "上次发言时间", "发言时间"},
	MemberFieldLevel:      {"等级", "群等级", "群聊等级", "等级名称", "群等级名称", "活跃等级", "level"},
	MemberFieldMotivation: {"动机", "需求", "需求动机", "入群动机", "motivation"},
	MemberFieldInterest:   {"兴趣", "标签", "兴趣标签", "爱好", "兴趣爱好", "interest", "interests"},
	MemberFieldSegment:    {"人群", "身份标签", "人群标签", "人群分类", "群体", "segment"},
	MemberFieldNotes:      {"备注", "说明", "notes"},
}

var memberFieldKind = newFieldKind(memberFields, memberSynonyms, "QQ号、群名片",
	MemberFieldQQ, "请指定哪一列是QQ号")
