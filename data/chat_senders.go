package data

import (
	"fmt"
	"sort"
	"strings"
)

// ChatSender is someone who wrote in an imported chat and is not a member in the app
// yet: offered for import as a member, with a seat in each group they spoke in.
type ChatSender struct {
	QQ       string
	Name     string
	GroupIDs []uint // the app's groups their messages were mapped to
	Messages int64
}

// NewChatSenders lists the senders of an import's messages whom the app does not know
// by QQ number, most messages first. Senders known only by e-mail, system messages
// and numbers that are no QQ number are left out.
func (s *Store) NewChatSenders(importID uint) ([]ChatSender, error) {
	var rows []struct {
		SenderQQ string `gorm:"column:sender_qq"`
		GroupID  *uint
		Name     string
		N        int64
	}
	err := s.db.Table("chat_messages AS c").
		Select("c.sender_qq, c.group_id, MAX(c.sender_name) AS name, COUNT(*) AS n").
		Where("c.import_id = ? AND c.member_id IS NULL AND c.sender_qq <> '' AND c.kind <> ?", importID, chatKindSystemValue).
		Where("NOT EXISTS (SELECT 1 FROM members m WHERE m.qq = c.sender_qq)").
		Group("c.sender_qq, c.group_id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("new chat senders: %w", err)
	}
	by := map[string]*ChatSender{}
	var out []*ChatSender
	for _, r := range rows {
		if CheckQQ("qq", "QQ号", r.SenderQQ) != nil {
			continue
		}
		c := by[r.SenderQQ]
		if c == nil {
			c = &ChatSender{QQ: r.SenderQQ, Name: r.Name}
			by[r.SenderQQ] = c
			out = append(out, c)
		}
		c.Messages += r.N
		if r.GroupID != nil {
			c.GroupIDs = append(c.GroupIDs, *r.GroupID)
		}
		if c.Name == "" {
			c.Name = r.Name
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Messages != out[j].Messages {
			return out[i].Messages > out[j].Messages
		}
		return qqLess(out[i].QQ, out[j].QQ)
	})
	res := make([]ChatSender, len(out))
	for i, c := range out {
		sort.Slice(c.GroupIDs, func(a, b int) bool { return c.GroupIDs[a] < c.GroupIDs[b] })
		res[i] = *c
	}
	return res, nil
}

// chatKindSystemValue is chatlog.System as stored in chat_messages.kind.
const chatKindSystemValue = 1

// qqLess orders QQ numbers as numbers (they have no leading zeros).
func qqLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// AddChatSenders adds the senders as members in one transaction, each with a seat
// (their name as the card) in their groups, and links their imported messages to
// them. It returns how many members were added.
func (s *Store) AddChatSenders(senders []ChatSender) (int, error) {
	if len(senders) == 0 {
		return 0, nil
	}
	ms := make([]*Member, 0, len(senders))
	qqs := make([]string, 0, len(senders))
	for _, c := range senders {
		name := truncateRunes(strings.TrimSpace(c.Name), 60)
		m := &Member{QQ: strings.TrimSpace(c.QQ), Nickname: name}
		for _, g := range c.GroupIDs {
			m.Memberships = append(m.Memberships, Membership{GroupID: g, CardName: name, Role: RoleMember})
		}
		ms = append(ms, m)
		qqs = append(qqs, m.QQ)
	}
	err := s.Transaction(func(tx *Store) error {
		if err := tx.SaveMembers(ms); err != nil {
			return err
		}
		return tx.linkChatMembers(qqs)
	})
	if err != nil {
		return 0, err
	}
	return len(ms), nil
}

// linkChatMembers links the imported messages of these QQ numbers that have no member
// yet to the member with that number.
func (s *Store) linkChatMembers(qqs []string) error {
	for start := 0; start < len(qqs); start += bulkChunk {
		part := qqs[start:min(start+bulkChunk, len(qqs))]
		err := s.db.Exec("UPDATE chat_messages SET member_id = "+
			"(SELECT m.id FROM members m WHERE m.qq = chat_messages.sender_qq) "+
			"WHERE member_id IS NULL AND sender_qq IN ?", part).Error
		if err != nil {
			return fmt.Errorf("link chat messages to members: %w", err)
		}
	}
	return nil
}
