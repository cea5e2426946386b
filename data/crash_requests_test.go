package data_test

import (
	"fmt"
	"strings"

	"github.com/qunhuo/qunhuo/data"
	"gorm.io/gorm"
)

// noStockRequest is a request a child found 无货, to be told later that it is back.
type noStockRequest struct {
	id  uint
	key string
}

// crashNoStock holds each child's 无货 requests not yet told (a child is one process
// saving on one goroutine).
var crashNoStock = map[*crashChild][]noStockRequest{}

// writeRequest saves a request the way the quick capture does, in one transaction: a
// member new to the database (a QQ number typed in), the request and its answer — a
// reply with a resource, or 无货; the request's text says which: "crash <key>
// reply|nostock".
func writeRequest(c *crashChild, u *crashUnit) error {
	how := "nostock"
	if len(c.resources) > 0 && u.Seq%2 == 0 {
		how = "reply"
	}
	var id uint
	err := c.s.Transaction(func(tx *data.Store) error {
		m := &data.Member{QQ: qqFor(c.round, u.Seq, 500), Nickname: "rq-" + u.Key,
			Memberships: []data.Membership{{GroupID: c.groupID, Role: data.RoleMember}}}
		if err := tx.SaveMember(m); err != nil {
			return err
		}
		r, err := tx.CaptureRequest(data.RequestDraft{MemberID: m.ID, GroupID: &c.groupID, Text: "crash " + u.Key + " " + how})
		if err != nil {
			return err
		}
		id = r.ID
		if how == "reply" {
			_, err = tx.ReplyRequest(r.ID, c.resources[len(c.resources)-1])
		} else {
			_, err = tx.CloseRequest(r.ID, data.RequestNoStock)
		}
		return err
	})
	if err == nil && how == "nostock" {
		crashNoStock[c] = append(crashNoStock[c], noStockRequest{id, u.Key})
	}
	return err
}

// writeRequestNotify tells the oldest 无货 request of the child that its item is back
// (NotifyRestock: the move and the notice), its key in u.QQ; with none yet, it saves
// a request instead.
func writeRequestNotify(c *crashChild, u *crashUnit) error {
	waiting := crashNoStock[c]
	if len(waiting) == 0 || len(c.resources) == 0 {
		u.Kind = "request"
		return writeRequest(c, u)
	}
	r := waiting[0]
	crashNoStock[c] = waiting[1:]
	u.QQ = r.key
	_, err := c.s.NotifyRestock(r.id, c.resources[len(c.resources)-1])
	return err
}

// presentRequest finds the unit's request by its text; a notice unit's request is
// replied to with its notice.
func presentRequest(db *gorm.DB, u crashUnit) error {
	key := u.Key
	if u.QQ != "" {
		key = u.QQ
	}
	var rows []struct {
		State   string
		Notices int
	}
	err := db.Raw(`SELECT r.state, (SELECT COUNT(*) FROM notices n WHERE n.member_id = r.member_id) AS notices
		FROM requests r WHERE r.text LIKE ?`, "crash "+key+" %").Scan(&rows).Error
	if err != nil {
		return err
	}
	switch {
	case len(rows) != 1:
		return fmt.Errorf("request %s: %d rows, want 1", key, len(rows))
	case u.QQ != "" && (rows[0].State != "replied" || rows[0].Notices != 1):
		return fmt.Errorf("request %s told it is back: state %s, %d notices", key, rows[0].State, rows[0].Notices)
	}
	return nil
}

// checkRequests: a request is never left 待回复 (its answer was in the same save); a
// "reply" one is 已回复 with its resource; a "nostock" one is 无货 with no notice, or,
// once told, 已回复 with its resource and exactly one notice; and the member made with
// a request has it.
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
		(SELECT COUNT(*) FROM notices n WHERE n.member_id = r.member_id) AS notices,
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
		told := r.State == "replied" && r.Resource && r.Notices == 1
		ok := r.Replied && r.Nickname == "rq-"+key
		switch how {
		case "reply":
			ok = ok && r.State == "replied" && r.Resource && r.Notices == 0
		case "nostock":
			ok = ok && ((r.State == "no_stock" && !r.Resource && r.Notices == 0) || told)
		}
		if !ok {
			bad = append(bad, fmt.Sprintf("request %d (%q): state %s, replied %v, resource %v, %d notices, member %q",
				r.ID, r.Text, r.State, r.Replied, r.Resource, r.Notices, r.Nickname))
		}
	}
	var lonely []string
	err = db.Raw(`SELECT 'member ' || m.nickname || ' saved without its request' FROM members m
		WHERE m.nickname LIKE 'rq-%' AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.member_id = m.id)`).Scan(&lonely).Error
	return append(bad, lonely...), err
}

// breakRequests are TestCrashCheckerCatches's cases for requests. Each makes what it
// breaks first (inside the test's transaction), so it does not depend on which kinds
// of request save the fixture happened to make.
var breakRequests = []struct {
	name    string
	breakIt func(c *crashChild, tx *gorm.DB) error
}{
	{"a request captured without its answer", func(c *crashChild, tx *gorm.DB) error {
		return tx.Exec("UPDATE requests SET state = 'waiting', replied_at = NULL WHERE id = (SELECT MAX(id) FROM requests WHERE text LIKE 'crash %')").Error
	}},
	{"a member typed in whose request was lost", func(c *crashChild, tx *gorm.DB) error {
		return tx.Exec("DELETE FROM requests WHERE id = (SELECT MAX(id) FROM requests WHERE text LIKE 'crash %')").Error
	}},
	{"a restock notice without its move", func(c *crashChild, tx *gorm.DB) error {
		u := crashUnit{Key: "brk", Seq: 1} // odd: 无货
		if err := writeRequest(c, &u); err != nil {
			return err
		}
		return tx.Exec(`INSERT INTO notices (member_id, resource_id, way, at)
			SELECT member_id, (SELECT MIN(id) FROM resources), 'at', asked_at FROM requests WHERE text = 'crash brk nostock'`).Error
	}},
	{"a restock move without its notice", func(c *crashChild, tx *gorm.DB) error {
		u := crashUnit{Key: "brk", Seq: 1}
		if err := writeRequest(c, &u); err != nil {
			return err
		}
		return tx.Exec(`UPDATE requests SET state = 'replied', resource_id = (SELECT MIN(id) FROM resources)
			WHERE text = 'crash brk nostock'`).Error
	}},
}
