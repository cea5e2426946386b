package data

// PostTalent is the 资源达人 announcement: the month's top three with what each did.
const PostTalent PostKind = "talent"

func init() { postKindLabels[PostTalent] = "资源达人公告" }
