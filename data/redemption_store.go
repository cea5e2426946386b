package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
)

// ErrRedemptionMoved says a redemption is no longer where the screen thought (given or
// cancelled meanwhile): reload.
var ErrRedemptionMoved = errors.New("redemption moved meanwhile")

// SaveRewardItem checks d and adds it (id 0) or changes item id. Refused at the field
// (RewardDraft.Parse), and at "resource" for a catalog resource no longer there.
func (s *Store) SaveRewardItem(id uint, d RewardDraft) (RewardItem, error) {
	it, err := d.Parse()
	if err != nil {
		return RewardItem{}, err
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if it.ResourceID != nil {
			var n int64
			if err := tx.Model(&Resource{}).Where("id = ?", *it.ResourceID).Count(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				return ValidationError{{Field: "resource", Message: "这个资源已经不在资源库里了，请重新选择"}}
			}
		}
		if id == 0 {
			return tx.Create(&it).Error
		}
		var old RewardItem
		if err := tx.First(&old, id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("reward item %d: %w", id, ErrNotFound)
			}
			return err
		}
		it.ID, it.CreatedAt = id, old.CreatedAt
		return tx.Select("*").Omit("CreatedAt").Save(&it).Error
	})
	if err != nil {
		return RewardItem{}, pointsError("save reward item", err)
	}
	return it, nil
}

// SetRewardItemActive puts an item on (上架) or off (下架) the catalog.
func (s *Store) SetRewardItemActive(id uint, on bool) error {
	res := s.db.Model(&RewardItem{}).Where("id = ?", id).Updates(map[string]any{"active": on, "updated_at": s.Now()})
	if res.Error != nil {
		return fmt.Errorf("set reward item %d active: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("reward item %d: %w", id, ErrNotFound)
	}
	return nil
}

// DeleteRewardItem deletes an item nobody has redeemed; one with redemptions is kept
// for their record (ErrInUse: take it off instead).
func (s *Store) DeleteRewardItem(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Redemption{}).Where("item_id = ?", id).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("reward item %d has %d redemptions: %w", id, n, ErrInUse)
		}
		return tx.Delete(&RewardItem{}, id).Error
	})
}

// RewardItems lists the items offered in group groupID (those of every group too; 0:
// all), on before off, then by price and name, with their linked resources.
func (s *Store) RewardItems(groupID uint) ([]RewardItem, error) {
	q := s.db
	if groupID != 0 {
		q = q.Where("group_id = ? OR group_id IS NULL", groupID)
	}
	var its []RewardItem
	if err := q.Order("active DESC, price, name, id").Find(&its).Error; err != nil {
		return nil, fmt.Errorf("list reward items: %w", err)
	}
	if err := attachItemResources(s.db, its); err != nil {
		return nil, fmt.Errorf("list reward items: %w", err)
	}
	return its, nil
}

func attachItemResources(db *gorm.DB, its []RewardItem) error {
	var ids []uint
	for _, it := range its {
		if it.ResourceID != nil {
			ids = append(ids, *it.ResourceID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var rs []Resource
	if err := db.Where("id IN ?", ids).Find(&rs).Error; err != nil {
		return err
	}
	byID := make(map[uint]*Resource, len(rs))
	for i := range rs {
		byID[rs[i].ID] = &rs[i]
	}
	for i := range its {
		if its[i].ResourceID != nil {
			its[i].Resource = byID[*its[i].ResourceID]
		}
	}
	return nil
}

// Redeem spends a member's points on an item, in one transaction: the item must be on
// (else refused at "item"); one unit is taken from its own stock and from its linked
// resource's counted stock (none left: refused at "item"); the price is spent from the
// member's balance by the ledger's balance rule (too few points: refused at "amount",
// saying how many the member has); a 身份标识 item's badge is given at once (Source
// BadgeFromRedeem, until BadgeDays from now); the redemption starts 待发放. Stock is
// taken by conditional updates, so two redemptions of the last unit cannot both win.
func (s *Store) Redeem(itemID, memberID uint, note string) (Redemption, error) {
	var p problems
	note = checkText(&p, "note", "备注", note, MaxPointNoteLen, false)
	if err := p.err(); err != nil {
		return Redemption{}, err
	}
	now, by := s.Now(), s.actorName()
	var r Redemption
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var it RewardItem
		if err := tx.First(&it, itemID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ValidationError{{Field: "item", Message: "这个兑换商品已经删除了，请重新选择"}}
			}
			return err
		}
		if !it.Active {
			return ValidationError{{Field: "item", Message: fmt.Sprintf("「%s」已下架，上架后才能兑换", it.Name)}}
		}
		if err := memberExists(tx, memberID); err != nil {
			return err
		}
		if err := takeRewardStock(tx, &it, -1, now); err != nil {
			return err
		}
		r = Redemption{GroupID: it.GroupID, ItemID: it.ID, ItemName: it.Name, MemberID: memberID, Price: it.Price,
			State: RedemptionPending, Note: note, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(&r).Error; err != nil {
			return err
		}
		e, err := addPoints(tx, PointDraft{MemberID: memberID, GroupID: it.GroupID, Reason: points.Redeem,
			Amount: -it.Price, Note: "兑换「" + it.Name + "」", LinkKind: LinkRedemption, LinkID: &r.ID}, by, now)
		if err != nil {
			return err
		}
		r.SpendEntryID = &e.ID
		upd := map[string]any{"spend_entry_id": e.ID}
		if it.Kind == RewardBadge && it.BadgeName != "" {
			var until *time.Time
			if it.BadgeDays > 0 {
				t := now.AddDate(0, 0, it.BadgeDays)
				until = &t
			}
			b, err := grantBadge(tx, BadgeGrant{MemberID: memberID, Name: it.BadgeName, Source: BadgeFromRedeem,
				SourceID: &r.ID, Note: "积分兑换「" + it.Name + "」", ExpiresAt: until}, now)
			if err != nil {
				return err
			}
			r.BadgeID = &b.ID
			upd["badge_id"] = b.ID
		}
		return tx.Model(&Redemption{}).Where("id = ?", r.ID).Updates(upd).Error
	})
	if err != nil {
		return Redemption{}, pointsError("redeem", err)
	}
	return r, nil
}

// takeRewardStock moves the item's own stock and its linked resource's counted stock
// by delta (-1 taken, +1 returned). Taking where none is left is refused at "item".
func takeRewardStock(tx *gorm.DB, it *RewardItem, delta int, now time.Time) error {
	out := ValidationError{{Field: "item", Message: fmt.Sprintf("「%s」已经兑换完了，请补上库存或选别的商品", it.Name)}}
	if it.Stock != nil {
		q := tx.Model(&RewardItem{}).Where("id = ? AND stock IS NOT NULL", it.ID)
		if delta < 0 {
			q = q.Where("stock >= ?", -delta)
		}
		res := q.Updates(map[string]any{"stock": gorm.Expr("stock + ?", delta), "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 && delta < 0 {
			return out
		}
	}
	if it.ResourceID == nil {
		return nil
	}
	var rs Resource
	err := tx.Select("id", "name", "stock", "unlimited").Where("id = ?", *it.ResourceID).Take(&rs).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil // the resource was deleted: the item no longer takes from it
	}
	if err != nil || rs.Unlimited {
		return err
	}
	q := tx.Model(&Resource{}).Where("id = ? AND unlimited = ?", rs.ID, false)
	if delta < 0 {
		q = q.Where("stock >= ?", -delta)
	}
	res := q.Updates(map[string]any{"stock": gorm.Expr("stock + ?", delta), "updated_at": now})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 && delta < 0 {
		return ValidationError{{Field: "item",
			Message: fmt.Sprintf("资源库里「%s」的库存已经是 0，请先补货再兑换", rs.Name)}}
	}
	return nil
}

// GiveRedemption marks a 待发放 redemption 已发放 (the owner has handed it over, or set
// the badge as the member's QQ group title), the note added to the redemption's. Once
// only: a redemption no longer 待发放 is ErrRedemptionMoved.
func (s *Store) GiveRedemption(id uint, note string) (Redemption, error) {
	var p problems
	note = checkText(&p, "note", "备注", note, MaxPointNoteLen, false)
	if err := p.err(); err != nil {
		return Redemption{}, err
	}
	now := s.Now()
	var r Redemption
	err := s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Redemption{}).Where("id = ? AND state = ?", id, RedemptionPending).
			Updates(map[string]any{"state": RedemptionGiven, "given_at": now, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrRedemptionMoved
		}
		return addRedemptionNote(tx, &r, id, note)
	})
	if err != nil {
		return Redemption{}, fmt.Errorf("give redemption %d: %w", id, err)
	}
	return r, nil
}

// CancelRedemption cancels a 待发放 redemption (已撤销): the price comes back to the
// member by a refund entry, the unit goes back to the item's and the resource's stock,
// and a badge it gave is taken back; one transaction, once only (ErrRedemptionMoved).
func (s *Store) CancelRedemption(id uint, note string) (Redemption, error) {
	var p problems
	note = checkText(&p, "note", "备注", note, MaxPointNoteLen, false)
	if err := p.err(); err != nil {
		return Redemption{}, err
	}
	now, by := s.Now(), s.actorName()
	var r Redemption
	err := s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Redemption{}).Where("id = ? AND state = ?", id, RedemptionPending).
			Updates(map[string]any{"state": RedemptionCancelled, "cancelled_at": now, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrRedemptionMoved
		}
		if err := addRedemptionNote(tx, &r, id, note); err != nil {
			return err
		}
		refundNote := "撤销兑换「" + r.ItemName + "」"
		if note != "" {
			refundNote += "：" + note
		}
		e, err := addPoints(tx, PointDraft{MemberID: r.MemberID, GroupID: r.GroupID, Reason: points.Refund,
			Amount: r.Price, Note: cutSwapText(refundNote, MaxPointNoteLen), LinkKind: LinkRedemption, LinkID: &r.ID}, by, now)
		if err != nil {
			return err
		}
		r.RefundEntryID = &e.ID
		if err := tx.Model(&Redemption{}).Where("id = ?", id).Update("refund_entry_id", e.ID).Error; err != nil {
			return err
		}
		var it RewardItem
		if err := tx.First(&it, r.ItemID).Error; err != nil {
			return err
		}
		if err := takeRewardStock(tx, &it, +1, now); err != nil {
			return err
		}
		if r.BadgeID != nil {
			return tx.Model(&MemberBadge{}).Where("id = ? AND revoked_at IS NULL", *r.BadgeID).
				Updates(map[string]any{"revoked_at": now, "revoke_note": "兑换已撤销"}).Error
		}
		return nil
	})
	if err != nil {
		return Redemption{}, pointsError(fmt.Sprintf("cancel redemption %d", id), err)
	}
	return r, nil
}

// Redemptions lists the redemptions of group groupID (and those of items for every
// group; 0: all): 待发放 first, oldest first among them, then the rest newest first;
// with their members (seats loaded, for names) and items.
func (s *Store) Redemptions(groupID uint) ([]Redemption, error) {
	q := s.db
	if groupID != 0 {
		q = q.Where("group_id = ? OR group_id IS NULL", groupID)
	}
	var rs []Redemption
	if err := q.Order("id DESC").Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list redemptions: %w", err)
	}
	if err := attachRedemptions(s.db, rs); err != nil {
		return nil, fmt.Errorf("list redemptions: %w", err)
	}
	slices.SortStableFunc(rs, func(a, b Redemption) int {
		ap, bp := a.State == RedemptionPending, b.State == RedemptionPending
		switch {
		case ap && !bp:
			return -1
		case bp && !ap:
			return 1
		case ap && bp:
			return int(a.ID) - int(b.ID)
		}
		return 0
	})
	return rs, nil
}

// attachRedemptions loads the members (with seats) and items the redemptions name.
func attachRedemptions(db *gorm.DB, rs []Redemption) error {
	mids := make([]uint, 0, len(rs))
	iids := make([]uint, 0, len(rs))
	for _, r := range rs {
		mids = append(mids, r.MemberID)
		iids = append(iids, r.ItemID)
	}
	members, err := rewardMembers(db, mids)
	if err != nil {
		return err
	}
	items := map[uint]*RewardItem{}
	for _, chunk := range rewardChunks(iids) {
		var its []RewardItem
		if err := db.Where("id IN ?", chunk).Find(&its).Error; err != nil {
			return err
		}
		for i := range its {
			items[its[i].ID] = &its[i]
		}
	}
	for i := range rs {
		rs[i].Member = members[rs[i].MemberID]
		rs[i].Item = items[rs[i].ItemID]
	}
	return nil
}

// rewardMembers loads the members of ids (repeats allowed) with their seats.
func rewardMembers(db *gorm.DB, ids []uint) (map[uint]*Member, error) {
	out := make(map[uint]*Member, len(ids))
	for _, chunk := range rewardChunks(ids) {
		var ms []Member
		if err := db.Preload("Memberships").Where("id IN ?", chunk).Find(&ms).Error; err != nil {
			return nil, err
		}
		for i := range ms {
			out[ms[i].ID] = &ms[i]
		}
	}
	return out, nil
}

// rewardChunks cuts ids, without repeats, into IN lists short enough for any database.
func rewardChunks(ids []uint) [][]uint {
	seen := make(map[uint]bool, len(ids))
	var uniq []uint
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
		}
	}
	var out [][]uint
	for len(uniq) > 0 {
		n := min(len(uniq), 500)
		out = append(out, uniq[:n])
		uniq = uniq[n:]
	}
	return out
}

// addRedemptionNote reads redemption id into r and adds note after the note it has
// (separated by ；), so what was noted at the redemption stays.
func addRedemptionNote(tx *gorm.DB, r *Redemption, id uint, note string) error {
	if err := tx.First(r, id).Error; err != nil {
		return err
	}
	if note == "" {
		return nil
	}
	if r.Note != "" {
		note = r.Note + "；" + note
	}
	r.Note = cutSwapText(note, MaxPointNoteLen)
	return tx.Model(&Redemption{}).Where("id = ?", id).Update("note", r.Note).Error
}

// redemptionLine is how a redemption is named in lists: 「小明 兑换 热心群友（30 分）」.
func redemptionLine(r *Redemption, groupID uint) string {
	return strings.TrimSpace(r.MemberName(groupID)) + " 兑换「" + r.ItemName + "」（" + fmt.Sprint(r.Price) + " 分）"
}

// RedeemBalances maps every member with points to their balance: what the redeem
// dialog shows beside each name (a member missing has 0).
func (s *Store) RedeemBalances() (map[uint]int64, error) {
	var bs []PointBalance
	if err := s.db.Select("member_id", "balance").Find(&bs).Error; err != nil {
		return nil, fmt.Errorf("redeem balances: %w", err)
	}
	out := make(map[uint]int64, len(bs))
	for _, b := range bs {
		out[b.MemberID] = b.Balance
	}
	return out, nil
}
