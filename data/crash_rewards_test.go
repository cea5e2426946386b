package data_test

import (
	"fmt"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
)

// rewardSetup is the round's redeeming member (topped up with points when low) and its
// two items: one with a stock of 2 and an unlimited badge, saved the first time needed.
func rewardSetup(c *crashChild, seq int) (member uint, stocked, badge data.RewardItem, err error) {
	db := data.DB(c.s)
	nick := fmt.Sprintf("rw-%d", c.round)
	var m data.Member
	if err = db.Where("nickname = ?", nick).Limit(1).Find(&m).Error; err != nil {
		return
	}
	if m.ID == 0 {
		m = data.Member{QQ: qqFor(c.round, seq, 800), Nickname: nick}
		if err = c.s.SaveMember(&m); err != nil {
			return
		}
	}
	b, err := c.s.PointBalance(m.ID)
	if err != nil {
		return
	}
	if b.Balance < 50 {
		if _, err = c.s.AddPoints(data.PointDraft{MemberID: m.ID, Reason: points.Other, Amount: 1000, Note: "crash top-up"}); err != nil {
			return
		}
	}
	find := func(name string, d data.RewardDraft) (data.RewardItem, error) {
		var it data.RewardItem
		if err := db.Where("name = ?", name).Limit(1).Find(&it).Error; err != nil || it.ID != 0 {
			return it, err
		}
		d.Name, d.Active = name, true
		return c.s.SaveRewardItem(0, d)
	}
	if stocked, err = find(fmt.Sprintf("crash-stock-%d", c.round), data.RewardDraft{Kind: data.RewardOther, Price: "7", Stock: "2"}); err != nil {
		return
	}
	badge, err = find(fmt.Sprintf("crash-badge-%d", c.round), data.RewardDraft{Kind: data.RewardBadge, BadgeName: "热心群友",
		BadgeDays: "30", Price: "11"})
	return m.ID, stocked, badge, err
}

// writeRedemption makes one save of the redemptions: gives (seq%3 == 1) or cancels
// (seq%3 == 2) the round's newest 待发放 redemption, the unit's key added to its note
// (a cancel also writes the refund, returns the stock and takes the badge back; one
// transaction), or redeems (noted "crash <key>": the stock, the spend, the row, a
// badge; one transaction) the stocked item while it lasts, else the badge.
func writeRedemption(c *crashChild, u *crashUnit) error {
	member, stocked, badge, err := rewardSetup(c, u.Seq)
	if err != nil {
		return err
	}
	if u.Seq%3 != 0 {
		var open []data.Redemption
		err := data.DB(c.s).Where("member_id = ? AND state = ?", member, data.RedemptionPending).
			Order("id DESC").Limit(1).Find(&open).Error
		if err != nil {
			return err
		}
		if len(open) == 1 {
			if u.Seq%3 == 1 {
				_, err = c.s.GiveRedemption(open[0].ID, u.Key)
			} else {
				_, err = c.s.CancelRedemption(open[0].ID, u.Key)
			}
			return err
		}
	}
	var left data.RewardItem
	if err := data.DB(c.s).First(&left, stocked.ID).Error; err != nil {
		return err
	}
	item := badge.ID
	if left.Stock != nil && *left.Stock > 0 {
		item = stocked.ID
	}
	_, err = c.s.Redeem(item, member, "crash "+u.Key)
	return err
}

// presentRedemption finds the unit's save: the redemption it made (its note starts
// "crash <key>") or the move it made (its key added to a note); exactly one.
func presentRedemption(db *gorm.DB, u crashUnit) error {
	var made, moved int64
	if err := db.Model(&data.Redemption{}).Where("note = ? OR note LIKE ?", "crash "+u.Key, "crash "+u.Key+"；%").
		Count(&made).Error; err != nil {
		return err
	}
	if err := db.Model(&data.Redemption{}).Where("note LIKE ? OR note LIKE ?", "%；"+u.Key, "%；"+u.Key+"；%").
		Count(&moved).Error; err != nil {
		return err
	}
	if made+moved != 1 {
		return fmt.Errorf("redemption %s: %d made, %d moved, want one of them", u.Key, made, moved)
	}
	return nil
}

// checkRedemptions: no stock below 0; every redemption has exactly one spend entry of
// its price, linked both ways, a cancelled one exactly one refund of its price and any
// other none, and a badge it gave is taken back exactly when it is cancelled; every
// balance is its ledger's sum. A cancel without its refund, a refund twice, a
// redemption without its spend or stock taken without a redemption is half a save.
func checkRedemptions(db *gorm.DB) ([]string, error) {
	var bad []string
	var negative []string
	if err := db.Model(&data.RewardItem{}).Where("stock < 0").Pluck("name", &negative).Error; err != nil {
		return nil, err
	}
	for _, n := range negative {
		bad = append(bad, "reward item "+n+" has stock below 0")
	}
	negative = nil
	if err := db.Model(&data.Resource{}).Where("unlimited = ? AND stock < 0", false).Pluck("name", &negative).Error; err != nil {
		return nil, err
	}
	for _, n := range negative {
		bad = append(bad, "resource "+n+" has stock below 0")
	}
	var rs []data.Redemption
	if err := db.Find(&rs).Error; err != nil {
		return nil, err
	}
	var es []data.PointEntry
	if err := db.Where("link_kind = ?", data.LinkRedemption).Find(&es).Error; err != nil {
		return nil, err
	}
	spends, refunds := map[uint][]data.PointEntry{}, map[uint][]data.PointEntry{}
	for _, e := range es {
		if e.LinkID == nil {
			continue
		}
		switch e.Reason {
		case points.Redeem:
			spends[*e.LinkID] = append(spends[*e.LinkID], e)
		case points.Refund:
			refunds[*e.LinkID] = append(refunds[*e.LinkID], e)
		}
	}
	for _, r := range rs {
		sp := spends[r.ID]
		if len(sp) != 1 || sp[0].Amount != -r.Price || r.SpendEntryID == nil || *r.SpendEntryID != sp[0].ID {
			bad = append(bad, fmt.Sprintf("redemption %d: %d spend entries, want one of %d linked to it", r.ID, len(sp), -r.Price))
		}
		rf := refunds[r.ID]
		want := 0
		if r.State == data.RedemptionCancelled {
			want = 1
		}
		if len(rf) != want || (want == 1 && (rf[0].Amount != r.Price || r.RefundEntryID == nil || *r.RefundEntryID != rf[0].ID)) {
			bad = append(bad, fmt.Sprintf("redemption %d is %s with %d refunds", r.ID, r.State, len(rf)))
		}
		if r.BadgeID != nil {
			var b data.MemberBadge
			if err := db.First(&b, *r.BadgeID).Error; err != nil {
				bad = append(bad, fmt.Sprintf("redemption %d: its badge %d is gone", r.ID, *r.BadgeID))
			} else if (b.RevokedAt != nil) != (r.State == data.RedemptionCancelled) {
				bad = append(bad, fmt.Sprintf("redemption %d is %s, its badge revoked: %v", r.ID, r.State, b.RevokedAt != nil))
			}
		}
	}
	type sum struct {
		MemberID uint
		Total    int64
	}
	var sums []sum
	if err := db.Model(&data.PointEntry{}).Select("member_id, SUM(amount) AS total").Group("member_id").Scan(&sums).Error; err != nil {
		return nil, err
	}
	var bals []data.PointBalance
	if err := db.Find(&bals).Error; err != nil {
		return nil, err
	}
	stored := map[uint]int64{}
	for _, b := range bals {
		stored[b.MemberID] = b.Balance
	}
	for _, s := range sums {
		if stored[s.MemberID] != s.Total {
			bad = append(bad, fmt.Sprintf("member %d: balance %d, ledger %d", s.MemberID, stored[s.MemberID], s.Total))
		}
	}
	return bad, nil
}

// TestCrashCheckerCatchesBrokenRedemptions breaks redemptions by hand, each way a save
// that is not one transaction could leave them, and expects checkRedemptions to say so.
func TestCrashCheckerCatchesBrokenRedemptions(t *testing.T) {
	s, c, _ := crashFixture(t)
	// Redeem the stocked item twice and the badge once; cancel the badge, and
	// redeem once more to leave one pending: made the way the child does.
	prepare := crashUnits("redemption", 3, 6, 9, 2, 12)
	const lastPending = "(SELECT MAX(id) FROM redemptions WHERE state = 'pending')"
	const lastCancelled = "(SELECT MAX(id) FROM redemptions WHERE state = 'cancelled')"
	for _, tc := range []struct {
		name, sql string
	}{
		{"cancelled without its refund", "UPDATE redemptions SET state = 'cancelled' WHERE id = " + lastPending},
		{"a refund without the cancel", "UPDATE redemptions SET state = 'pending' WHERE id = " + lastCancelled},
		{"a redemption without its spend", "UPDATE point_entries SET link_id = NULL WHERE reason = 'redeem' AND link_id = " + lastPending},
		{"stock taken twice", "UPDATE reward_items SET stock = -1 WHERE stock IS NOT NULL"},
		{"a balance off its ledger", "UPDATE point_balances SET balance = balance + 7"},
		{"a cancel that kept the badge", "UPDATE member_badges SET revoked_at = NULL WHERE id IN (SELECT badge_id FROM redemptions WHERE state = 'cancelled')"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertBreakageCaught(t, s, c, prepare, breakSQL(tc.sql), "redemption, its points and stock")
		})
	}
}
