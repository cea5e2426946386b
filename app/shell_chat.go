package app

import "github.com/qunhuo/qunhuo/app/importer"

// importChat opens 导入聊天记录: a QQ chat export into the app's groups, the current
// group being the mapping for a chat group that matches none by number or name. The
// 数据与备份 screen and the 互动率 screen link to it; done runs after an import
// that added messages.
func (s *shell) importChat(done func()) {
	var current uint
	if s.current != nil {
		current = s.current.ID
	}
	importer.Chat(s.env, current, done)
}
