package data_test

import (
	"fmt"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"gorm.io/gorm"
)

// swapMember is one of the round's two swap members (side "a" or "b"), saved the first
// time it is needed.
func swapMember(c *crashChild, side string, seq int) (uint, error) {
	nick := fmt.Sprintf("sw-%s-%d", side, c.round)
	var m data.Member
	if err := data.DB(c.s).Where("nickname = ?", nick).Limit(1).Find(&m).Error; err != nil {
		return 0, err
	}
	if m.ID == 0 {
		m = data.Member{QQ: qqFor(c.round, seq, 500+len(side)+int(side[0])), Nickname: nick}
		if err := c.s.SaveMember(&m); err != nil {
			return 0, err
		}
	}
	return m.ID, nil
}

// newestOpenSwap is the round's newest open listing of a member, or none.
func newestOpenSwap(db *gorm.DB, memberID uint) (data.SwapListing, error) {
	var l data.SwapListing
	err := db.Where("member_id = ? AND state = ? AND note LIKE 'crash %'", memberID, data.SwapListingOpen).
		Order("id DESC").Limit(1).Find(&l).Error
	return l, err
}

// writeSwap makes one save of the swap zone: moves the newest 撮合中 deal to 已完成 or
// 已取消 (the deal, its listings and a log line noted with the key; one transaction),
// starts a deal from the round's two members' newest open listings (the listings, the
// deal noted "crash <key>", its listing rows and first log line; one transaction), or
// adds a listing (noted "crash <key>"), a of one thing for b's other.
func writeSwap(c *crashChild, u *crashUnit) error {
	db := data.DB(c.s)
	if u.Seq%3 == 1 {
		var open []data.SwapDeal
		if err := db.Where("notes LIKE 'crash %' AND state = ?", data.SwapDealMediating).Order("id DESC").Limit(1).Find(&open).Error; err != nil {
			return err
		}
		if len(open) == 1 {
			to := data.SwapDealCompleted
			if u.Seq%2 == 0 {
				to = data.SwapDealCancelled
			}
			_, err := c.s.MoveSwapDeal(open[0].ID, data.SwapDealMediating, to, u.Key)
			return err
		}
	}
	a, err := swapMember(c, "a", u.Seq)
	if err != nil {
		return err
	}
	b, err := swapMember(c, "b", u.Seq)
	if err != nil {
		return err
	}
	if u.Seq%3 == 2 {
		la, err := newestOpenSwap(db, a)
		if err != nil {
			return err
		}
		lb, err := newestOpenSwap(db, b)
		if err != nil {
			return err
		}
		if la.ID != 0 && lb.ID != 0 {
			sg := data.SwapSuggestion{Listings: []data.SwapListing{la, lb}, Reasons: []string{"crash"}}
			_, err := c.s.StartSwapDeal(&c.groupID, sg, "crash "+u.Key)
			return err
		}
	}
	member, has, want := a, "crash-x", "crash-y"
	if u.Seq%2 == 1 {
		member, has, want = b, want, has
	}
	_, err = c.s.AddSwapListing(data.SwapDraft{GroupID: &c.groupID, MemberID: member, HasText: has, WantText: want,
		Note: "crash " + u.Key, Days: 30})
	return err
}

// presentSwap finds the unit's save: the listing it added, the deal it started, or the
// log line of its move; exactly one of them.
func presentSwap(db *gorm.DB, u crashUnit) error {
	var listings, deals, moves int64
	for _, q := range []struct {
		table, column, value string
		n                    *int64
	}{
		{"swap_listings", "note", "crash " + u.Key, &listings},
		{"swap_deals", "notes", "crash " + u.Key, &deals},
		{"swap_deal_events", "note", u.Key, &moves},
	} {
		if err := db.Table(q.table).Where(q.column+" = ?", q.value).Count(q.n).Error; err != nil {
			return err
		}
	}
	if listings+deals+moves != 1 {
		return fmt.Errorf("swap %s: %d listings, %d deals, %d moves, want one of them", u.Key, listings, deals, moves)
	}
	return nil
}

// swapListingStateIn is the state a deal leaves its listings in.
var swapListingStateIn = map[data.SwapDealState]data.SwapListingState{
	data.SwapDealMediating: data.SwapListingTaken,
	data.SwapDealCompleted: data.SwapListingDone,
}

// checkSwaps: a deal's log opens into 撮合中 and its last line is the deal's state; a
// 撮合中 deal's listings are all 撮合中 and a 已完成 one's all 已成交; a listing 撮合中
// or 已成交 belongs to exactly one deal in that state. A deal moved without its
// listings, or listings moved without their deal, is half a save.
func checkSwaps(db *gorm.DB) ([]string, error) {
	var ds []data.SwapDeal
	err := db.Preload("Listings").Preload("Events", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).Find(&ds).Error
	if err != nil {
		return nil, err
	}
	var ls []data.SwapListing
	if err := db.Select("id", "state").Find(&ls).Error; err != nil {
		return nil, err
	}
	state := make(map[uint]data.SwapListingState, len(ls))
	for _, l := range ls {
		state[l.ID] = l.State
	}
	holders := map[uint]int{} // listing → deals that hold it taken or done
	var bad []string
	for _, d := range ds {
		at := data.SwapDealState("")
		for i, e := range d.Events {
			if e.From != at || (i == 0 && e.To != data.SwapDealMediating) || (i > 0 && e.From != data.SwapDealMediating) {
				bad = append(bad, fmt.Sprintf("deal %d: log out of step at %q→%q", d.ID, e.From, e.To))
			}
			at = e.To
		}
		if at != d.State {
			bad = append(bad, fmt.Sprintf("deal %d is %s, its log ends at %q", d.ID, d.State, at))
		}
		if len(d.Listings) < 2 {
			bad = append(bad, fmt.Sprintf("deal %d has %d listings", d.ID, len(d.Listings)))
		}
		want, holds := swapListingStateIn[d.State]
		for _, dl := range d.Listings {
			if !holds {
				continue
			}
			holders[dl.ListingID]++
			if state[dl.ListingID] != want {
				bad = append(bad, fmt.Sprintf("deal %d is %s, its listing %d is %s", d.ID, d.State, dl.ListingID, state[dl.ListingID]))
			}
		}
	}
	for _, l := range ls {
		if (l.State == data.SwapListingTaken || l.State == data.SwapListingDone) && holders[l.ID] != 1 {
			bad = append(bad, fmt.Sprintf("listing %d is %s in %d deals", l.ID, l.State, holders[l.ID]))
		}
	}
	return bad, nil
}

// TestCrashCheckerCatchesBrokenSwaps breaks a deal and its listings by hand, each way a
// save that is not one transaction could leave them, and expects checkSwaps to say so.
func TestCrashCheckerCatchesBrokenSwaps(t *testing.T) {
	s, c, _ := crashFixture(t)
	// A fresh 撮合中 deal and one more open listing, made the way the child does.
	prepare := crashUnits("swap", 3, 4, 5, 3)
	const last = "(SELECT MAX(id) FROM swap_deals)"
	const lastListings = "(SELECT listing_id FROM swap_deal_listings WHERE deal_id = " + last + ")"
	for _, tc := range []struct {
		name, sql string
	}{
		{"a deal started, its listings left open", "UPDATE swap_listings SET state = 'open' WHERE id IN " + lastListings},
		{"a deal completed without its listings", "UPDATE swap_deals SET state = 'completed' WHERE id = " + last},
		{"a deal's listings closed, the deal still 撮合中", "UPDATE swap_listings SET state = 'done' WHERE id IN " + lastListings},
		{"a deal started without its first log line", "DELETE FROM swap_deal_events WHERE deal_id = " + last},
		{"a listing taken without a deal", "UPDATE swap_listings SET state = 'taken' WHERE id = (SELECT MAX(id) FROM swap_listings WHERE state = 'open')"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertBreakageCaught(t, s, c, prepare, breakSQL(tc.sql), "swap deal and its listings")
		})
	}
}
