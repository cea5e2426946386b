package data

// The posts of a tips-sharing session (分享会).
const (
	PostSessionNotice   PostKind = "session_notice"   // 分享会预告
	PostSessionReminder PostKind = "session_reminder" // 分享会提醒
	PostSessionRecap    PostKind = "session_recap"    // 分享会回顾
)

func init() {
	postKindLabels[PostSessionNotice] = "分享会预告"
	postKindLabels[PostSessionReminder] = "分享会提醒"
	postKindLabels[PostSessionRecap] = "分享会回顾"
}
