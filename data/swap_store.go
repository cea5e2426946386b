package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/qunhuo/qunhuo/data/swapmatch"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ErrSwapTaken says a listing of a suggestion is no longer open (taken by another deal,
// withdrawn, expired): the screen reloads the suggestions.
var ErrSwapTaken = errors.New("swap listing no longer open")

// AddSwapListing checks d and records the listing as open until d.Days from now, with
// its keys for matching: a picked resource gives its name and category.
func (s *Store) AddSwapListing(d SwapDraft) (SwapListing, error) {
	qty, err := d.Parse()
	if err != nil {
		return SwapListing{}, err
	}
	now := s.Now()
	l := SwapListing{GroupID: d.GroupID, MemberID: d.MemberID, HasResourceID: d.HasResourceID,
		HasText: strings.TrimSpace(d.HasText), Quantity: qty, WantResourceID: d.WantResourceID,
		WantCategoryID: d.WantCategoryID, WantText: strings.TrimSpace(d.WantText), Note: strings.TrimSpace(d.Note),
		State: SwapListingOpen, ExpiresAt: now.AddDate(0, 0, d.Days), CreatedAt: now}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Member{}).Where("id = ?", d.MemberID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return ValidationError{{Field: "member", Message: "这位成员已经不在成员列表里了，请重新选择"}}
		}
		if d.HasResourceID != nil {
			var r Resource
			if err := tx.Select("id", "name", "category_id").First(&r, *d.HasResourceID).Error; err != nil {
				return ValidationError{{Field: "has", Message: "这个资源已经不在资源库里了，请重新选择或直接写"}}
			}
			l.HasText, l.HasCategoryID = r.Name, &r.CategoryID
		}
		if d.WantResourceID != nil {
			var r Resource
			if err := tx.Select("id", "name", "category_id").First(&r, *d.WantResourceID).Error; err != nil {
				return ValidationError{{Field: "want", Message: "这个资源已经不在资源库里了，请重新选择或直接写"}}
			}
			l.WantText, l.WantCategoryID = r.Name, &r.CategoryID
		}
		l.HasText = cutSwapText(l.HasText, MaxSwapItemLen)
		l.WantText = cutSwapText(l.WantText, MaxSwapItemLen)
		l.HasKey, l.WantKey = itemKey(l.HasText), itemKey(l.WantText)
		return tx.Omit("Member", "WantCategory").Create(&l).Error
	})
	if err != nil {
		var ve ValidationError
		if errors.As(err, &ve) {
			return SwapListing{}, ve
		}
		return SwapListing{}, fmt.Errorf("add swap listing: %w", err)
	}
	return l, nil
}

func cutSwapText(s string, n int) string {
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n])
	}
	return s
}

// WithdrawSwapListing takes an open listing off the zone (the member changed their
// mind). A listing in a deal is not withdrawn: ErrSwapTaken.
func (s *Store) WithdrawSwapListing(id uint) error {
	res := s.db.Model(&SwapListing{}).Where("id = ? AND state = ?", id, SwapListingOpen).
		Updates(map[string]any{"state": SwapListingWithdrawn, "updated_at": s.Now()})
	if res.Error != nil {
		return fmt.Errorf("withdraw swap listing %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("withdraw swap listing %d: %w", id, ErrSwapTaken)
	}
	return nil
}

// SwapListings lists a group's listings (0: every group's), open ones first by expiry,
// then the rest newest first, with members and wanted categories.
func (s *Store) SwapListings(groupID uint) ([]SwapListing, error) {
	ls, err := s.loadSwapListings(s.db, groupID, false)
	if err != nil {
		return nil, fmt.Errorf("list swap listings: %w", err)
	}
	now := s.Now()
	open := func(l *SwapListing) bool { return l.State == SwapListingOpen && !l.Expired(now) }
	slices.SortStableFunc(ls, func(a, b SwapListing) int {
		switch oa, ob := open(&a), open(&b); {
		case oa && !ob:
			return -1
		case ob && !oa:
			return 1
		case oa:
			return a.ExpiresAt.Compare(b.ExpiresAt)
		}
		return b.CreatedAt.Compare(a.CreatedAt)
	})
	return ls, nil
}

// loadSwapListings reads listings with their members (names only) and categories;
// onlyOpen keeps the open, unexpired ones.
func (s *Store) loadSwapListings(tx *gorm.DB, groupID uint, onlyOpen bool) ([]SwapListing, error) {
	q := tx.Order("id")
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	if onlyOpen {
		q = q.Where("state = ? AND expires_at > ?", SwapListingOpen, s.Now())
	}
	var ls []SwapListing
	if err := q.Find(&ls).Error; err != nil {
		return nil, err
	}
	if err := attachSwapNames(tx, ls, groupID); err != nil {
		return nil, err
	}
	return ls, nil
}

func attachSwapNames(tx *gorm.DB, ls []SwapListing, groupID uint) error {
	if len(ls) == 0 {
		return nil
	}
	var cats []Category
	if err := tx.Find(&cats).Error; err != nil {
		return err
	}
	catByID := make(map[uint]*Category, len(cats))
	for i := range cats {
		catByID[cats[i].ID] = &cats[i]
	}
	var rows []struct {
		ID                 uint
		QQ, Nickname, Card string
	}
	err := tx.Table("members m").Select("m.id, m.qq, m.nickname, COALESCE(ms.card_name, '') AS card").
		Joins("LEFT JOIN memberships ms ON ms.member_id = m.id AND ms.group_id = ?", groupID).
		Where("m.id IN (?)", tx.Model(&SwapListing{}).Select("member_id")).Scan(&rows).Error
	if err != nil {
		return err
	}
	members := make(map[uint]*Member, len(rows))
	for _, r := range rows {
		m := &Member{ID: r.ID, QQ: r.QQ, Nickname: r.Nickname}
		if r.Card != "" {
			m.Memberships = []Membership{{MemberID: r.ID, GroupID: groupID, CardName: r.Card}}
		}
		members[r.ID] = m
	}
	for i := range ls {
		ls[i].Member = members[ls[i].MemberID]
		if ls[i].WantCategoryID != nil {
			ls[i].WantCategory = catByID[*ls[i].WantCategoryID]
		}
	}
	return nil
}

// SwapSuggestions runs the matching over a group's open, unexpired listings (0: every
// group's): pairs first, then 3-cycles, each with one reason line per gift, marked New
// when the owner has not seen it.
func (s *Store) SwapSuggestions(groupID uint) ([]SwapSuggestion, error) {
	ls, err := s.loadSwapListings(s.db, groupID, true)
	if err != nil {
		return nil, fmt.Errorf("swap suggestions: %w", err)
	}
	items := make([]swapmatch.Listing, len(ls))
	byID := make(map[uint]*SwapListing, len(ls))
	for i := range ls {
		items[i] = ls[i].matchItems()
		byID[ls[i].ID] = &ls[i]
	}
	found := swapmatch.Find(items, swapmatch.Limits{})
	var seen []string
	if len(found) > 0 {
		if err := s.db.Model(&swapSeen{}).Pluck("key", &seen).Error; err != nil {
			return nil, fmt.Errorf("swap suggestions: %w", err)
		}
	}
	seenSet := make(map[string]bool, len(seen))
	for _, k := range seen {
		seenSet[k] = true
	}
	out := make([]SwapSuggestion, len(found))
	for i, f := range found {
		sg := SwapSuggestion{Key: f.Key(), Cycle: f.Cycle(), Score: f.Score()}
		sg.New = !seenSet[sg.Key]
		for _, id := range f.Listings {
			sg.Listings = append(sg.Listings, *byID[id])
		}
		for _, l := range f.Links {
			from, to := byID[l.From], byID[l.To]
			sg.Reasons = append(sg.Reasons, fmt.Sprintf("%s 有「%s」，正合 %s 想要的「%s」（%s）",
				from.MemberName(groupID), from.HasLabel(), to.MemberName(groupID), to.WantLabel(), l.Kind.Label()))
		}
		out[i] = sg
	}
	return out, nil
}

// MarkSwapSuggestionsSeen records that the owner has seen these suggestions, so 今日
// no longer counts them as new.
func (s *Store) MarkSwapSuggestionsSeen(keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	now := s.Now()
	rows := make([]swapSeen, len(keys))
	for i, k := range keys {
		rows[i] = swapSeen{Key: k, SeenAt: now}
	}
	err := s.db.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(rows, 200).Error
	if err != nil {
		return fmt.Errorf("mark swap suggestions seen: %w", err)
	}
	return nil
}

// NewSwapMatches counts the suggestions the owner has not seen yet (for 今日).
func (s *Store) NewSwapMatches(groupID uint) (int, error) {
	ss, err := s.SwapSuggestions(groupID)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, sg := range ss {
		if sg.New {
			n++
		}
	}
	return n, nil
}

// StartSwapDeal turns a suggestion into a deal the owner mediates (撮合中): its
// listings, in giving order, move from open to taken only if every one of them is still
// open and unexpired (else ErrSwapTaken and nothing is written); the deal, its listings
// and the first log line are one transaction.
func (s *Store) StartSwapDeal(groupID *uint, sg SwapSuggestion, note string) (SwapDeal, error) {
	var p problems
	note = checkText(&p, "note", "备注", note, MaxNotesLen, false)
	if err := p.err(); err != nil {
		return SwapDeal{}, err
	}
	if len(sg.Listings) < 2 {
		return SwapDeal{}, fmt.Errorf("start swap deal: %d listings", len(sg.Listings))
	}
	now := s.Now()
	ids := make([]uint, len(sg.Listings))
	for i, l := range sg.Listings {
		ids[i] = l.ID
	}
	d := SwapDeal{GroupID: groupID, State: SwapDealMediating, Notes: note, CreatedAt: now,
		Reason: cutSwapText(strings.Join(sg.Reasons, "；"), MaxNotesLen)}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&SwapListing{}).Where("id IN ? AND state = ? AND expires_at > ?", ids, SwapListingOpen, now).
			Updates(map[string]any{"state": SwapListingTaken, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != int64(len(ids)) {
			return ErrSwapTaken
		}
		if err := tx.Omit("Listings", "Events").Create(&d).Error; err != nil {
			return err
		}
		for i, l := range sg.Listings {
			dl := SwapDealListing{DealID: d.ID, ListingID: l.ID, MemberID: l.MemberID, Position: i}
			if err := tx.Omit("Listing").Create(&dl).Error; err != nil {
				return err
			}
			d.Listings = append(d.Listings, dl)
		}
		first := note
		if first == "" {
			first = "开始撮合"
		}
		return tx.Create(&SwapDealEvent{DealID: d.ID, From: "", To: SwapDealMediating, Note: first, At: now}).Error
	})
	if err != nil {
		return SwapDeal{}, fmt.Errorf("start swap deal: %w", err)
	}
	return d, nil
}

// MoveSwapDeal moves deal id from from to to (已完成 or 已取消) with note in its log,
// where the deal is still in from, so an old screen cannot overwrite a newer move
// (then ErrSwapMoved). 已完成 closes the deal's listings, 已取消 opens them again; the
// state, the listings and the log line are one transaction.
func (s *Store) MoveSwapDeal(id uint, from, to SwapDealState, note string) (SwapDeal, error) {
	listingState, ok := swapDealMoves[[2]SwapDealState{from, to}]
	if !ok {
		return SwapDeal{}, fmt.Errorf("move swap deal %d from %s to %s: %w", id, from, to, ErrSwapMoved)
	}
	var p problems
	note = checkText(&p, "note", "备注", note, MaxNotesLen, false)
	if err := p.err(); err != nil {
		return SwapDeal{}, err
	}
	if note == "" {
		note = to.Label()
	}
	now := s.Now()
	var d SwapDeal
	err := s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&SwapDeal{}).Where("id = ? AND state = ?", id, from).
			Updates(map[string]any{"state": to, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrSwapMoved
		}
		sub := tx.Model(&SwapDealListing{}).Select("listing_id").Where("deal_id = ?", id)
		err := tx.Model(&SwapListing{}).Where("id IN (?) AND state = ?", sub, SwapListingTaken).
			Updates(map[string]any{"state": listingState, "updated_at": now}).Error
		if err != nil {
			return err
		}
		if err := tx.Create(&SwapDealEvent{DealID: id, From: from, To: to, Note: note, At: now}).Error; err != nil {
			return err
		}
		return tx.Preload("Listings").Preload("Events").First(&d, id).Error
	})
	if err != nil {
		return SwapDeal{}, fmt.Errorf("move swap deal %d to %s: %w", id, to, err)
	}
	return d, nil
}

// ErrSwapMoved says a deal is no longer where the screen thought: reload.
var ErrSwapMoved = errors.New("swap deal moved meanwhile")

// SwapDeals lists a group's deals (0: every group's), 撮合中 first, then newest first,
// with their listings (members named) and logs.
func (s *Store) SwapDeals(groupID uint) ([]SwapDeal, error) {
	q := s.db.Preload("Listings", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("Events", func(db *gorm.DB) *gorm.DB { return db.Order("id") })
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	var ds []SwapDeal
	if err := q.Order("id DESC").Find(&ds).Error; err != nil {
		return nil, fmt.Errorf("list swap deals: %w", err)
	}
	ls, err := s.loadSwapListings(s.db, 0, false)
	if err != nil {
		return nil, fmt.Errorf("list swap deals: %w", err)
	}
	byID := make(map[uint]*SwapListing, len(ls))
	for i := range ls {
		byID[ls[i].ID] = &ls[i]
	}
	for i := range ds {
		for j := range ds[i].Listings {
			ds[i].Listings[j].Listing = byID[ds[i].Listings[j].ListingID]
		}
	}
	slices.SortStableFunc(ds, func(a, b SwapDeal) int {
		am, bm := a.State == SwapDealMediating, b.State == SwapDealMediating
		switch {
		case am && !bm:
			return -1
		case bm && !am:
			return 1
		}
		return 0
	})
	return ds, nil
}

// CompletedSwaps counts the deals a member took part in that ended 已完成: their swap
// record on the member page.
func (s *Store) CompletedSwaps(memberID uint) (int64, error) {
	var n int64
	err := s.db.Model(&SwapDealListing{}).Joins("JOIN swap_deals d ON d.id = swap_deal_listings.deal_id").
		Where("swap_deal_listings.member_id = ? AND d.state = ?", memberID, SwapDealCompleted).
		Distinct("swap_deal_listings.deal_id").Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count completed swaps of member %d: %w", memberID, err)
	}
	return n, nil
}
