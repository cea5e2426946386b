package data_test

import (
	"fmt"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
)

// pointMember is one of the round's two ledger members ("a" or "b"), saved the first
// time it is needed.
func pointMember(c *crashChild, side string, seq int) (uint, error) {
	nick := fmt.Sprintf("pt-%s-%d", side, c.round)
	var m data.Member
	if err := data.DB(c.s).Where("nickname = ?", nick).Limit(1).Find(&m).Error; err != nil {
		return 0, err
	}
	if m.ID == 0 {
		m = data.Member{QQ: qqFor(c.round, seq, 600+int(side[0])), Nickname: nick}
		if err := c.s.SaveMember(&m); err != nil {
			return 0, err
		}
	}
	return m.ID, nil
}

// writePointEntry makes one save of the points ledger, each one transaction of an
// entry and the balance beside it, all noted "crash <key>": an award to one member,
// an award to both (u.N = 2), a spend (reason 其他, negative) when the balance allows,
// or the reversal of the newest unreversed crash award. What could not be done (a
// spend with too little, a reversal with nothing to reverse) is an award instead.
func writePointEntry(c *crashChild, u *crashUnit) error {
	a, err := pointMember(c, "a", u.Seq)
	if err != nil {
		return err
	}
	b, err := pointMember(c, "b", u.Seq)
	if err != nil {
		return err
	}
	note := "crash " + u.Key
	u.N = 1
	switch u.Seq % 4 {
	case 1:
		spend := int64(1 + u.Seq%4)
		bal, err := c.s.PointBalance(a)
		if err != nil {
			return err
		}
		if bal.Balance >= spend {
			_, err := c.s.AddPoints(data.PointDraft{MemberID: a, Reason: points.Other, Amount: -spend, Note: note})
			return err
		}
	case 2:
		var e data.PointEntry
		err := data.DB(c.s).Where("note LIKE 'crash %' AND reason = ? AND id NOT IN (SELECT reverses_id FROM point_entries WHERE reverses_id IS NOT NULL)",
			points.Help).Order("id DESC").Limit(1).Find(&e).Error
		if err != nil {
			return err
		}
		if bal, err := c.s.PointBalance(e.MemberID); err != nil {
			return err
		} else if e.ID != 0 && bal.Balance >= e.Amount {
			_, err := c.s.ReversePoints(e.ID, note)
			return err
		}
	case 3:
		u.N = 2
		_, err := c.s.AwardPoints(data.PointDraft{GroupID: &c.groupID, Reason: points.Help, Amount: 5, Note: note}, []uint{a, b})
		return err
	}
	_, err = c.s.AddPoints(data.PointDraft{MemberID: a, GroupID: &c.groupID, Reason: points.Help, Amount: 5, Note: note})
	return err
}

// presentPointEntry finds the unit's entries: as many as it wrote.
func presentPointEntry(db *gorm.DB, u crashUnit) error {
	var n int64
	if err := db.Table("point_entries").Where("note = ?", "crash "+u.Key).Count(&n).Error; err != nil {
		return err
	}
	if n != int64(u.N) {
		return fmt.Errorf("points %s: %d entries, want %d", u.Key, n, u.N)
	}
	return nil
}

// checkPoints: every member's kept balance and ranked total equal the sums of their
// entries (a member with entries has a balance row, and one without has none but
// zeros), no balance is negative, and a reversal undoes exactly the amount of the
// entry it names. An entry written without its balance, or a balance moved without
// its entry, is half a save.
func checkPoints(db *gorm.DB) ([]string, error) {
	var bad []string
	err := db.Raw(`SELECT 'member ' || b.member_id || ': balance ' || b.balance || ' and earned ' || b.earned ||
		', ledger ' || COALESCE(t.total, 0) || ' and ' || COALESCE(t.ranked, 0)
		FROM point_balances b LEFT JOIN (SELECT member_id, SUM(amount) AS total,
			SUM(CASE WHEN reason IN ('redeem', 'refund') THEN 0 ELSE amount END) AS ranked
			FROM point_entries GROUP BY member_id) t ON t.member_id = b.member_id
		WHERE b.balance <> COALESCE(t.total, 0) OR b.earned <> COALESCE(t.ranked, 0)
		UNION ALL
		SELECT 'member ' || member_id || ': entries without a balance' FROM point_entries
		WHERE member_id NOT IN (SELECT member_id FROM point_balances) GROUP BY member_id
		UNION ALL
		SELECT 'member ' || member_id || ': negative balance ' || balance FROM point_balances WHERE balance < 0
		UNION ALL
		SELECT 'reversal ' || r.id || ' of ' || o.id || ': ' || r.amount || ' for ' || o.amount
		FROM point_entries r JOIN point_entries o ON o.id = r.reverses_id WHERE r.amount <> -o.amount`).Scan(&bad).Error
	return bad, err
}

// TestCrashCheckerCatchesBrokenPoints breaks the ledger by hand, each way a save that
// is not one transaction could leave it, and expects checkPoints to say so.
func TestCrashCheckerCatchesBrokenPoints(t *testing.T) {
	s, c, _ := crashFixture(t)
	// An award, an award to both, a spend and a reversal, made the way the child does.
	prepare := crashUnits("points", 4, 7, 5, 6, 8)
	const last = "(SELECT MAX(id) FROM point_entries)"
	for _, tc := range []struct {
		name, sql string
	}{
		{"an entry kept, its balance not moved", "UPDATE point_balances SET balance = balance - 5, earned = earned - 5 WHERE member_id = (SELECT member_id FROM point_entries WHERE id = " + last + ")"},
		{"a balance moved, its entry lost", "DELETE FROM point_entries WHERE id = " + last},
		{"a first entry without its balance row", "DELETE FROM point_balances WHERE member_id = (SELECT member_id FROM point_entries WHERE id = " + last + ")"},
		{"a negative balance", "UPDATE point_balances SET balance = -1 WHERE member_id = (SELECT member_id FROM point_entries WHERE id = " + last + ")"},
		{"a reversal of the wrong amount", "UPDATE point_entries SET amount = amount - 1 WHERE id = (SELECT MAX(id) FROM point_entries WHERE reverses_id IS NOT NULL)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertBreakageCaught(t, s, c, prepare, breakSQL(tc.sql), "points ledger and balances")
		})
	}
}
