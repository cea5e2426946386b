package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
)

// ErrDeedAwarded says the deed has already paid this member for this reason: the award
// is not written again. The screen shows the deed as 已记积分.
var ErrDeedAwarded = errors.New("deed already awarded")

// ErrAlreadyReversed says the entry has been reversed before, or is itself a reversal or
// a redemption's spend or refund, which only the redemption's own moves undo.
var ErrAlreadyReversed = errors.New("entry already reversed or not reversible")

// AddPoints checks d and appends it to the ledger, updating the member's balance in the
// same transaction. Refused at the field named: a zero or huge amount ("amount"), more
// than the member has ("amount"), a changed award amount without a note ("note"), a
// member no longer there ("member"). A deed that already paid this member for this
// reason is ErrDeedAwarded.
func (s *Store) AddPoints(d PointDraft) (PointEntry, error) {
	var e PointEntry
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		e, err = addPoints(tx, d, s.actorName(), s.Now())
		return err
	})
	if err != nil {
		return PointEntry{}, pointsError("add points", err)
	}
	return e, nil
}

// AwardPoints writes the same award for each of members (everyone who attended a
// session, say), all or nothing: one refusal writes none. A member the deed has already
// paid is skipped, not refused; the entries written are returned.
func (s *Store) AwardPoints(d PointDraft, members []uint) ([]PointEntry, error) {
	if len(members) == 0 {
		return nil, ValidationError{{Field: "members", Message: "请至少选一位成员"}}
	}
	var out []PointEntry
	err := s.db.Transaction(func(tx *gorm.DB) error {
		by, at := s.actorName(), s.Now()
		seen := make(map[uint]bool, len(members))
		for _, m := range members {
			if seen[m] {
				continue
			}
			seen[m] = true
			d.MemberID = m
			e, err := addPoints(tx, d, by, at)
			if errors.Is(err, ErrDeedAwarded) {
				continue
			}
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, pointsError("award points", err)
	}
	return out, nil
}

// ReversePoints undoes entry id with an entry of the opposite amount that references it
// (reason Reversal, the note required at "note"). An entry is reversed at most once;
// reversals, redemption spends and refunds are not reversible (ErrAlreadyReversed). A
// reversal that would leave the balance negative (the points were spent) is refused at
// "amount".
func (s *Store) ReversePoints(id uint, note string) (PointEntry, error) {
	note = strings.TrimSpace(note)
	if note == "" {
		return PointEntry{}, ValidationError{{Field: "note", Message: "请在备注里写明为什么更正"}}
	}
	var e PointEntry
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var orig PointEntry
		if err := tx.First(&orig, id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("entry %d: %w", id, ErrNotFound)
			}
			return err
		}
		if orig.Reason == points.Reversal || orig.Reason == points.Redeem || orig.Reason == points.Refund {
			return fmt.Errorf("entry %d is %s: %w", id, orig.Reason, ErrAlreadyReversed)
		}
		var n int64
		if err := tx.Model(&PointEntry{}).Where("reverses_id = ?", id).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("entry %d: %w", id, ErrAlreadyReversed)
		}
		var err error
		e, err = writePoints(tx, PointEntry{MemberID: orig.MemberID, GroupID: orig.GroupID, Amount: -orig.Amount,
			Reason: points.Reversal, Note: note, LinkKind: LinkPointEntry, LinkID: &orig.ID, ReversesID: &orig.ID,
			ByName: s.actorName(), At: s.Now()})
		return err
	})
	if err != nil {
		return PointEntry{}, pointsError("reverse points", err)
	}
	return e, nil
}

// pointsError passes a ValidationError and the ledger's sentinels on as they are and
// wraps anything else with what was being done.
func pointsError(doing string, err error) error {
	var ve ValidationError
	if errors.As(err, &ve) && !errors.Is(err, ErrInUse) {
		return ve
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// addPoints checks a draft and writes it inside tx: the work of AddPoints, for the
// other writes (redemptions, sessions) that belong in one transaction with an entry.
func addPoints(tx *gorm.DB, d PointDraft, by string, at time.Time) (PointEntry, error) {
	note := strings.TrimSpace(d.Note)
	var p problems
	if utf8.RuneCountInString(note) > MaxPointNoteLen {
		p.add("note", "备注最多 %d 个字，请删短一些", MaxPointNoteLen)
	}
	switch {
	case d.Amount == 0:
		p.add("amount", "积分数不能是 0，请填写要加（或扣）多少分")
	case d.Amount < 0 && d.Reason.IsAward() && d.Reason != points.Other:
		p.add("amount", "「%s」只能加分；要扣分请把原因选为「其他」并写明为什么", d.Reason.Label())
	}
	switch {
	case d.Reason == points.Other && note == "":
		p.add("note", "原因选了「其他」，请在备注里写明为什么")
	case d.Reason.IsAward() && d.Amount != 0 && note == "":
		def, err := pointAmount(tx, d.Reason)
		if err != nil {
			return PointEntry{}, err
		}
		if d.Amount != def {
			p.add("note", "积分数和「%s」平时的 %d 分不同，请在备注里写明原因", d.Reason.Label(), def)
		}
	}
	if len(p) > 0 {
		return PointEntry{}, ValidationError(p)
	}
	if err := memberExists(tx, d.MemberID); err != nil {
		return PointEntry{}, err
	}
	e := PointEntry{MemberID: d.MemberID, GroupID: d.GroupID, Amount: d.Amount, Reason: d.Reason, Note: note,
		LinkKind: d.LinkKind, LinkID: d.LinkID, ByName: by, At: at}
	if d.Reason.IsAward() && d.LinkKind != "" && d.LinkID != nil {
		key := deedKey(d.LinkKind, *d.LinkID, d.Reason)
		var dup int64
		if err := tx.Model(&PointEntry{}).Where("member_id = ? AND deed_key = ?", d.MemberID, key).Count(&dup).Error; err != nil {
			return PointEntry{}, err
		}
		if dup > 0 {
			return PointEntry{}, fmt.Errorf("member %d, %s: %w", d.MemberID, key, ErrDeedAwarded)
		}
		e.DeedKey = &key
	}
	return writePoints(tx, e)
}

// writePoints applies the balance rule (points.Next) to the member's balance as read in
// this transaction, and writes the entry and the new balance together. The balance is
// updated only if it is still what was read, so a concurrent write on a server database
// cannot overdraw either.
func writePoints(tx *gorm.DB, e PointEntry) (PointEntry, error) {
	var b PointBalance
	found := true
	if err := tx.Where("member_id = ?", e.MemberID).Take(&b).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		found = false
	} else if err != nil {
		return PointEntry{}, err
	}
	next, err := points.Next(b.Balance, e.Amount)
	if err != nil {
		return PointEntry{}, balanceRefusal(b.Balance, e.Amount, err)
	}
	earned := b.Earned
	if e.Reason.Ranked() {
		earned += e.Amount
	}
	if !found {
		if err := tx.Create(&PointBalance{MemberID: e.MemberID, Balance: next, Earned: earned, UpdatedAt: e.At}).Error; err != nil {
			return PointEntry{}, err
		}
	} else {
		res := tx.Model(&PointBalance{}).Where("member_id = ? AND balance = ? AND earned = ?", e.MemberID, b.Balance, b.Earned).
			Updates(map[string]any{"balance": next, "earned": earned, "updated_at": e.At})
		if res.Error != nil {
			return PointEntry{}, res.Error
		}
		if res.RowsAffected == 0 {
			return PointEntry{}, fmt.Errorf("balance of member %d changed meanwhile: %w", e.MemberID, ErrConflict)
		}
	}
	if err := tx.Omit("Member").Create(&e).Error; err != nil {
		return PointEntry{}, err
	}
	return e, nil
}

// balanceRefusal turns a broken balance rule into the owner's words at "amount".
func balanceRefusal(balance, amount int64, err error) error {
	switch {
	case errors.Is(err, points.ErrZero):
		return ValidationError{{Field: "amount", Message: "积分数不能是 0，请填写要加（或扣）多少分"}}
	case errors.Is(err, points.ErrTooLarge):
		return ValidationError{{Field: "amount", Message: fmt.Sprintf("一次最多加减 %d 分，请检查积分数", points.MaxAmount)}}
	}
	return ValidationError{{Field: "amount",
		Message: fmt.Sprintf("这位成员只有 %d 分，不够扣 %d 分", balance, -amount)}}
}

// ErrConflict says a record changed between reading and writing it; trying again works.
var ErrConflict = errors.New("changed meanwhile")

// PointBalance is a member's balance and ranked total (zero for a member with no entries).
func (s *Store) PointBalance(memberID uint) (PointBalance, error) {
	b := PointBalance{MemberID: memberID}
	err := s.db.Where("member_id = ?", memberID).Take(&b).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return b, fmt.Errorf("point balance of %d: %w", memberID, err)
	}
	return b, nil
}

// BalanceMismatch is a member whose stored balance or ranked total differs from what
// the ledger's entries add up to.
type BalanceMismatch struct {
	MemberID             uint
	Stored, Ledger       int64 // balance
	StoredEarned, Earned int64 // ranked total
}

// CheckPointBalances recomputes every member's balance and ranked total from the ledger
// and reports each that differs from the stored one (none when the books are right). It
// changes nothing.
func (s *Store) CheckPointBalances() ([]BalanceMismatch, error) {
	type sum struct {
		MemberID uint
		Total    int64
		Ranked   int64
	}
	var sums []sum
	err := s.db.Model(&PointEntry{}).Select("member_id, SUM(amount) AS total, "+
		"SUM(CASE WHEN reason IN (?, ?) THEN 0 ELSE amount END) AS ranked", points.Redeem, points.Refund).
		Group("member_id").Scan(&sums).Error
	if err != nil {
		return nil, fmt.Errorf("check point balances: %w", err)
	}
	var stored []PointBalance
	if err := s.db.Find(&stored).Error; err != nil {
		return nil, fmt.Errorf("check point balances: %w", err)
	}
	byMember := make(map[uint]PointBalance, len(stored))
	for _, b := range stored {
		byMember[b.MemberID] = b
	}
	var out []BalanceMismatch
	for _, t := range sums {
		b := byMember[t.MemberID]
		delete(byMember, t.MemberID)
		if b.Balance != t.Total || b.Earned != t.Ranked {
			out = append(out, BalanceMismatch{MemberID: t.MemberID, Stored: b.Balance, Ledger: t.Total,
				StoredEarned: b.Earned, Earned: t.Ranked})
		}
	}
	for _, b := range byMember {
		if b.Balance != 0 || b.Earned != 0 {
			out = append(out, BalanceMismatch{MemberID: b.MemberID, Stored: b.Balance, StoredEarned: b.Earned})
		}
	}
	return out, nil
}

// PointsForDeed lists the entries a deed has paid (kind and id as in PointDraft), so a
// screen can show who has already been given points for it.
func (s *Store) PointsForDeed(kind string, id uint) ([]PointEntry, error) {
	var es []PointEntry
	err := s.db.Where("link_kind = ? AND link_id = ? AND deed_key IS NOT NULL", kind, id).Order("id").Find(&es).Error
	if err != nil {
		return nil, fmt.Errorf("points for %s %d: %w", kind, id, err)
	}
	return es, nil
}

// settingPointAmount is the key prefix of the owner's amount for an award reason.
const settingPointAmount = "points.amount."

// PointAmount is what an award reason gives now: the owner's amount, else the default.
func (s *Store) PointAmount(r points.Reason) (int64, error) { return pointAmount(s.db, r) }

func pointAmount(db *gorm.DB, r points.Reason) (int64, error) {
	v, ok, err := getSetting(db, settingPointAmount+string(r))
	if err != nil || !ok {
		return r.DefaultAmount(), err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return r.DefaultAmount(), fmt.Errorf("setting %s%s = %q: %w", settingPointAmount, r, v, err)
	}
	return n, nil
}

// SetPointAmount sets what an award reason gives; refused at "amount" when zero or
// beyond points.MaxAmount, and for a reason that is not an award.
func (s *Store) SetPointAmount(r points.Reason, n int64) error {
	if !r.IsAward() {
		return fmt.Errorf("set point amount: %q is not an award reason", r)
	}
	if _, err := points.Next(0, n); err != nil && !errors.Is(err, points.ErrOverdraw) {
		return balanceRefusal(0, n, err)
	}
	return setSetting(s.db, settingPointAmount+string(r), strconv.FormatInt(n, 10))
}
