package data_test

import (
	"fmt"
	"strings"

	"github.com/qunhuo/qunhuo/data"
	"gorm.io/gorm"
)

// writeRequest saves a request the way the quick capture does, in one transaction: a
// member new to the database (a QQ number typed in), the request, and its answer —
// a reply with a resource, 无货, or 无货 and then the notice that it is back. The
// request's text says which: "crash <key> reply|nostock|notify".
func writeRequest(c *crashChild, u *crashUnit) error {
	how := "nostock"
	if len(c.resources) > 0 {
		how = []string{"reply", "notify"}[u.Seq%2]
	}
	return c.s.Transaction(func(tx *data.Store) error {
		m := &data.Member{QQ: qqFor(c.round, u.Seq, 500), Nickname: "rq-" + u.Key,
			Memberships: []data.Membership{{GroupID: c.groupID, Role: data.RoleMember}}}
		if err := tx.SaveMember(m); err != nil {
			return err
		}
		r, err := tx.CaptureRequest(data.RequestDraft{MemberID: m.ID, GroupID: &c.groupID, Text: "crash " + u.Key + " " + how})
		if err != nil {
			return err
		}
		switch how {
		case "reply":
			_, err = tx.ReplyRequest(r.ID, c.resources[len(c.resources)-1])
		case "nostock":
			_, err = tx.CloseRequest(r.ID, data.RequestNoStock)
		case "notify":
			if _, err = tx.CloseRequest(r.ID, data.RequestNoStock); err == nil {
				_, err = tx.NotifyRestock(r.ID, c.resources[len(c.resources)-1])
			}
		}
		return err
	})
}

// presentRequest finds the unit's request by its text.
func presentRequest(db *gorm.DB, u crashUnit) error {
	var n int64
	if err := db.Table("requests").Where("text LIKE ?", "crash "+u.Key+" %").Count(&n).Error; err != nil {
		return err
	}
	if n != 1 {
		return fmt.Errorf("request %s: %d rows, want 1", u.Key, n)
	}
	return nil
}

// checkRequests: a request is never left 待回复 (its answer was in the same save), is
// in the state its text says with what that state needs, a notified one has its
// notice, and the member made with it has it.
func checkRequests(db *gorm.DB) ([]string, error) {
	var rows []struct {
		ID       uint
		Text     string
		State    string
		Replied  bool
		Resource bool
		Notices  int
		Nickname string
	}
	err := db.Raw(`SELECT r.id, r.text, r.state, r.replied_at IS NOT NULL AS replied,
		r.resource_id IS NOT NULL AS resource,
		(SELECT COUNT(*) FROM notices n WHERE n.member_id = r.member_id AND n.resource_id = r.resource_id) AS notices,
		COALESCE((SELECT m.nickname FROM members m WHERE m.id = r.member_id), '') AS nickname
		FROM requests r WHERE r.text LIKE 'crash %'`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	var bad []string
	for _, r := range rows {
		f := strings.Fields(r.Text)
		if len(f) != 3 {
			continue
		}
		key, how := f[1], f[2]
		want := map[string]string{"reply": "replied", "nostock": "no_stock", "notify": "replied"}[how]
		switch {
		case r.State != want || !r.Replied:
			bad = append(bad, fmt.Sprintf("request %d (%q): state %s, replied %v", r.ID, r.Text, r.State, r.Replied))
		case how != "nostock" && !r.Resource:
			bad = append(bad, fmt.Sprintf("request %d (%q): replied without its resource", r.ID, r.Text))
		case how == "notify" && r.Notices != 1:
			bad = append(bad, fmt.Sprintf("request %d (%q): %d notices, want 1", r.ID, r.Text, r.Notices))
		case r.Nickname != "rq-"+key:
			bad = append(bad, fmt.Sprintf("request %d (%q): member %q", r.ID, r.Text, r.Nickname))
		}
	}
	var lonely []string
	err = db.Raw(`SELECT 'member ' || m.nickname || ' saved without its request' FROM members m
		WHERE m.nickname LIKE 'rq-%' AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.member_id = m.id)`).Scan(&lonely).Error
	return append(bad, lonely...), err
}
