package data

// PostActivityReport is the 本周群活力周报: the week's interaction numbers.
const PostActivityReport PostKind = "activity_report"

func init() { postKindLabels[PostActivityReport] = "群活力周报" }
