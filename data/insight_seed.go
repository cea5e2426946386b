package data

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/qunhuo/qunhuo/data/insight"
	"gorm.io/gorm"
)

// SeedChat stores messages as one finished chat import of group groupID, in one
// transaction: for demo folders, benchmarks and the tests of the 互动率 screens, which
// need chat without a file to import. It is not the import (that reads a file,
// reports progress and skips what is already there).
func (s *Store) SeedChat(groupID uint, name string, msgs []insight.Message) error {
	now := s.Now().UTC()
	err := s.db.Transaction(func(tx *gorm.DB) error {
		imp := ChatImport{FileName: name, Format: "txt", State: ChatImportDone, Messages: int64(len(msgs)), Added: int64(len(msgs)), StartedAt: now, FinishedAt: &now}
		if err := tx.Create(&imp).Error; err != nil {
			return err
		}
		var gid *uint
		if groupID != 0 {
			gid = &groupID
		}
		const batch = 500
		rows := make([]ChatMessage, 0, batch)
		for i, m := range msgs {
			h := fnv.New64a()
			fmt.Fprintf(h, "%d\x00%s\x00%d\x00%s\x00%s\x00%d", imp.ID, name, m.At.UnixNano(), m.SenderQQ, m.Text, i)
			var kind uint8
			if m.System {
				kind = chatKindSystem
			}
			rows = append(rows, ChatMessage{GroupID: gid, ChatGroup: name, At: m.At.UTC(),
				SenderQQ: m.SenderQQ, SenderName: m.SenderName, Kind: kind,
				Text: m.Text, Mentions: strings.Join(m.Mentions, "\n"), ImportID: imp.ID, DedupeKey: int64(h.Sum64() >> 1)})
			if len(rows) == batch || i == len(msgs)-1 {
				if err := tx.Create(&rows).Error; err != nil {
					return err
				}
				rows = rows[:0]
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("seed chat: %w", err)
	}
	return nil
}
