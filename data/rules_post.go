package data

// PostRules is the 群规公告: the current version of a group's rules as a QQ post.
const PostRules PostKind = "rules"

func init() { postKindLabels[PostRules] = "群规公告" }
