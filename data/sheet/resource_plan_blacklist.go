package sheet

import "github.com/qunhuo/qunhuo/data"

// Saying in the preview what an import does to the blacklist: a row whose 状态 is 失效
// puts its resource on the 失效名单 (the store logs it with reason 其他 and the note
// 导入时标为失效), and one that changes 失效 to another status takes it off.

// Row actions a resource import shows for its blacklist moves.
const (
	ActionOnBlacklist  = "列进失效名单（原因记为其他）"
	ActionOffBlacklist = "移出失效名单"
)

// blacklistActions are what saving row does to the blacklist.
func blacklistActions(row *ResourceRow) []string {
	if row.Record == nil {
		return nil
	}
	was := row.Existing != nil && row.Existing.Status == data.StatusInvalid
	is := row.Record.Status == data.StatusInvalid
	switch {
	case is && !was:
		return []string{ActionOnBlacklist}
	case was && !is:
		return []string{ActionOffBlacklist}
	}
	return nil
}
