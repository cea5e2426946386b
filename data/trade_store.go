package data

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data/escrow"
	"gorm.io/gorm"
)

// Label is the state in the owner's words (package escrow has the table).
func (st TradeState) Label() string { return escrow.State(st).Label() }

// Final reports whether nothing can happen to a trade in st any more.
func (st TradeState) Final() bool { return escrow.State(st).Final() }

// Overdue reports whether the trade's current waiting state is past its deadline.
func (t *Trade) Overdue(now time.Time) bool { return escrow.Overdue(t.DueAt, now) }

// TradeDraft is a new escrow trade as the form has it: amounts as typed (¥12.5, 12元).
type TradeDraft struct {
	GroupID    *uint
	BuyerID    uint
	SellerID   uint
	ResourceID *uint  // the resource traded, when it is one of the catalog's
	Item       string // what is traded; empty with a resource: the resource's name
	Amount     string // what the buyer pays, in yuan
	Fee        string // the owner's fee, in yuan; may be empty
	Notes      string
}

// MaxTradeItemLen is how long a trade's item may be, in characters.
const MaxTradeItemLen = 100

// Parse checks the draft and returns the amounts in 分. Problems name their field:
// buyer, seller (also when it is the buyer), item, amount (also ≤ 0), fee, notes.
func (d TradeDraft) Parse() (amount, fee int64, err error) {
	var p problems
	if d.BuyerID == 0 {
		p.add("buyer", "请在名单里点选买家（可输入QQ号、昵称、群名片或拼音找TA）")
	}
	switch {
	case d.SellerID == 0:
		p.add("seller", "请在名单里点选卖家（可输入QQ号、昵称、群名片或拼音找TA）")
	case d.SellerID == d.BuyerID:
		p.add("seller", "卖家和买家不能是同一个人，请重新选卖家")
	}
	if d.ResourceID == nil {
		checkText(&p, "item", "交易的东西", d.Item, MaxTradeItemLen, true)
	} else {
		checkText(&p, "item", "交易的东西", d.Item, MaxTradeItemLen, false)
	}
	before := len(p)
	amount = parsePrice(&p, "amount", "金额", d.Amount, true)
	if len(p) == before && amount <= 0 {
		p.add("amount", "金额须大于 0 元")
	}
	fee = parsePrice(&p, "fee", "手续费", d.Fee, false)
	if fee > 0 && amount > 0 && fee >= amount {
		p.add("fee", "手续费须少于金额")
	}
	checkText(&p, "notes", "备注", d.Notes, MaxNotesLen, false)
	return amount, fee, p.err()
}

// OpenTrade checks d and records the trade as 待付款, due within the pay deadline, with
// the first line of its audit log, in one transaction.
func (s *Store) OpenTrade(d TradeDraft) (Trade, error) {
	amount, fee, err := d.Parse()
	if err != nil {
		return Trade{}, err
	}
	deadlines, err := s.EscrowDeadlines()
	if err != nil {
		return Trade{}, err
	}
	now := s.Now()
	t := Trade{GroupID: d.GroupID, BuyerID: d.BuyerID, SellerID: d.SellerID, ResourceID: d.ResourceID,
		Item: strings.TrimSpace(d.Item), AmountCents: amount, FeeCents: fee, Notes: strings.TrimSpace(d.Notes),
		State: TradeAwaitingPayment, DueAt: deadlines.DueAt(escrow.AwaitingPayment, now), CreatedAt: now}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		for field, id := range map[string]uint{"buyer": d.BuyerID, "seller": d.SellerID} {
			var n int64
			if err := tx.Model(&Member{}).Where("id = ?", id).Count(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				return ValidationError{{Field: field, Message: "这位成员已经不在成员列表里了，请重新选择"}}
			}
		}
		if d.ResourceID != nil {
			var r Resource
			if err := tx.Select("id", "name").First(&r, *d.ResourceID).Error; err != nil {
				return ValidationError{{Field: "item", Message: "这个资源已经不在资源库里了，请重新选择或直接写交易的东西"}}
			}
			if t.Item == "" {
				t.Item = string([]rune(r.Name)[:min(len([]rune(r.Name)), MaxTradeItemLen)])
			}
		}
		if err := tx.Omit("Buyer", "Seller", "Resource", "Events").Create(&t).Error; err != nil {
			return err
		}
		return tx.Create(&TradeEvent{TradeID: t.ID, From: "", To: TradeAwaitingPayment, Note: "开单", At: now}).Error
	})
	if err != nil {
		var ve ValidationError
		if errors.As(err, &ve) {
			return Trade{}, ve
		}
		return Trade{}, fmt.Errorf("open trade: %w", err)
	}
	return t, nil
}

// MoveTrade moves trade id from from to to, if the table in package escrow allows it,
// with note in the audit log (a dispute and a ruling must have one: field "note"). The
// state is changed only where the trade is still in from, so a screen that shows an
// old state cannot overwrite a newer one: then the error is an *escrow.MoveError with
// Now set. The state, the next deadline and the log line are one transaction.
func (s *Store) MoveTrade(id uint, from, to TradeState, note string) (Trade, error) {
	move, ok := escrow.Allowed(escrow.State(from), escrow.State(to))
	if !ok {
		return Trade{}, fmt.Errorf("move trade %d: %w", id, &escrow.MoveError{From: escrow.State(from), To: escrow.State(to)})
	}
	note = strings.TrimSpace(note)
	if err := CheckTradeNote(move, note); err != nil {
		return Trade{}, err
	}
	if note == "" {
		note = move.Done
	}
	deadlines, err := s.EscrowDeadlines()
	if err != nil {
		return Trade{}, err
	}
	now := s.Now()
	var t Trade
	err = s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Trade{}).Where("id = ? AND state = ?", id, from).
			Updates(map[string]any{"state": to, "due_at": deadlines.DueAt(escrow.State(to), now), "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			var cur Trade
			if err := tx.Select("id", "state").First(&cur, id).Error; err != nil {
				return notFound(fmt.Sprintf("trade %d", id), err)
			}
			return &escrow.MoveError{From: escrow.State(from), To: escrow.State(to), Now: escrow.State(cur.State)}
		}
		if err := tx.Create(&TradeEvent{TradeID: id, From: from, To: to, Note: note, At: now}).Error; err != nil {
			return err
		}
		return tx.First(&t, id).Error
	})
	if err != nil {
		return Trade{}, fmt.Errorf("move trade %d to %s: %w", id, to, err)
	}
	return t, nil
}

// CheckTradeNote refuses a move's note at the field "note": missing when the move needs
// a reason (a dispute, a ruling), or too long.
func CheckTradeNote(move escrow.Move, note string) error {
	var p problems
	checkText(&p, "note", "理由", note, MaxNotesLen, move.NeedsReason)
	return p.err()
}

// Trades lists a group's trades (0: every group's) with buyer, seller and resource:
// the overdue first (the longest overdue on top), then the open ones by deadline, then
// the finished ones newest first.
func (s *Store) Trades(groupID uint, now time.Time) ([]Trade, error) {
	q := s.db
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	var ts []Trade
	if err := q.Find(&ts).Error; err != nil {
		return nil, fmt.Errorf("list trades: %w", err)
	}
	if err := attachTradeMembers(s.db, ts, groupID); err != nil {
		return nil, fmt.Errorf("list trades: %w", err)
	}
	SortTrades(ts, now)
	return ts, nil
}

// attachTradeMembers gives each trade its buyer and seller with what names them: QQ
// number, nickname and group card in groupID (0: none), read in one join. GORM's
// preloads of whole members (with their search keys) made a list of 1,000 trades take
// 150–250 ms; this takes a few.
func attachTradeMembers(db *gorm.DB, ts []Trade, groupID uint) error {
	if len(ts) == 0 {
		return nil
	}
	ids := make([]uint, len(ts))
	for i := range ts {
		ids[i] = ts[i].ID
	}
	var rows []struct {
		ID                                   uint
		BuyerQQ, BuyerNickname, BuyerCard    string
		SellerQQ, SellerNickname, SellerCard string
	}
	err := db.Table("trades t").
		Select(`t.id, b.qq AS buyer_qq, b.nickname AS buyer_nickname, COALESCE(bm.card_name, '') AS buyer_card,
			s.qq AS seller_qq, s.nickname AS seller_nickname, COALESCE(sm.card_name, '') AS seller_card`).
		Joins("JOIN members b ON b.id = t.buyer_id").Joins("JOIN members s ON s.id = t.seller_id").
		Joins("LEFT JOIN memberships bm ON bm.member_id = t.buyer_id AND bm.group_id = ?", groupID).
		Joins("LEFT JOIN memberships sm ON sm.member_id = t.seller_id AND sm.group_id = ?", groupID).
		Scopes(func(q *gorm.DB) *gorm.DB {
			if len(ids) > 50 { // a long list is the group's: its rows are read without 1,000 placeholders
				if groupID != 0 {
					return q.Where("t.group_id = ?", groupID)
				}
				return q
			}
			return q.Where("t.id IN ?", ids)
		}).Scan(&rows).Error
	if err != nil {
		return err
	}
	byID := make(map[uint]int, len(ts))
	for i := range ts {
		byID[ts[i].ID] = i
	}
	member := func(id uint, qq, nickname, card string) *Member {
		m := &Member{ID: id, QQ: qq, Nickname: nickname}
		if card != "" {
			m.Memberships = []Membership{{MemberID: id, GroupID: groupID, CardName: card}}
		}
		return m
	}
	for _, r := range rows {
		i, ok := byID[r.ID]
		if !ok {
			continue
		}
		t := &ts[i]
		t.Buyer = member(t.BuyerID, r.BuyerQQ, r.BuyerNickname, r.BuyerCard)
		t.Seller = member(t.SellerID, r.SellerQQ, r.SellerNickname, r.SellerCard)
	}
	return nil
}

// SortTrades puts the overdue first, then the open ones, then the finished ones (see
// Trades).
func SortTrades(ts []Trade, now time.Time) {
	rank := func(t *Trade) int {
		switch {
		case t.Overdue(now):
			return 0
		case !t.State.Final():
			return 1
		}
		return 2
	}
	slices.SortStableFunc(ts, func(a, b Trade) int {
		ra, rb := rank(&a), rank(&b)
		if c := cmp.Compare(ra, rb); c != 0 {
			return c
		}
		if ra < 2 && a.DueAt != nil && b.DueAt != nil {
			if c := a.DueAt.Compare(*b.DueAt); c != 0 {
				return c
			}
		}
		if ra < 2 && (a.DueAt == nil) != (b.DueAt == nil) {
			if a.DueAt != nil {
				return -1
			}
			return 1
		}
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
}

// Trade reads one trade with buyer, seller, resource and its audit log in order.
func (s *Store) Trade(id uint) (Trade, error) {
	var t Trade
	err := s.db.Preload("Buyer.Memberships").Preload("Seller.Memberships").Preload("Resource").
		Preload("Events", func(db *gorm.DB) *gorm.DB { return db.Order("at, id") }).First(&t, id).Error
	if err != nil {
		return Trade{}, notFound(fmt.Sprintf("trade %d", id), err)
	}
	return t, nil
}

// TradesOf lists the trades a member took part in, as buyer or seller, newest first.
func (s *Store) TradesOf(memberID uint) ([]Trade, error) {
	var ts []Trade
	err := s.db.Preload("Buyer").Preload("Seller").Where("buyer_id = ? OR seller_id = ?", memberID, memberID).
		Order("created_at DESC, id DESC").Find(&ts).Error
	if err != nil {
		return nil, fmt.Errorf("trades of member %d: %w", memberID, err)
	}
	return ts, nil
}

// OverdueTrades lists a group's trades (0: every group's) past their deadline at now,
// the longest overdue first.
func (s *Store) OverdueTrades(groupID uint, now time.Time) ([]Trade, error) {
	return overdueTrades(s.db, groupID, now)
}

func overdueTrades(db *gorm.DB, groupID uint, now time.Time) ([]Trade, error) {
	q := db.Where("due_at IS NOT NULL AND due_at < ?", now.UTC())
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	var ts []Trade
	if err := q.Order("due_at, id").Find(&ts).Error; err != nil {
		return nil, fmt.Errorf("overdue trades: %w", err)
	}
	if err := attachTradeMembers(db, ts, groupID); err != nil {
		return nil, fmt.Errorf("overdue trades: %w", err)
	}
	return ts, nil
}

// TradeRecord is what a member's past trades say about them, as buyer or seller: the
// owner sees at a glance who is new and who was in a dispute.
type TradeRecord struct {
	Trades    int        // every trade, open or not
	Completed int        // 已完成
	Disputed  int        // trades that went to 争议中 at some time
	Refunded  int        // 已退款
	First     *time.Time // the first trade's day; nil: never traded
}

// Summary says the record in a few words: 新人，没有交易记录 / 完成 3 笔，争议 1 笔，
// 退款 0 笔，首次 2026-11-02.
func (r TradeRecord) Summary(loc *time.Location) string {
	if r.Trades == 0 {
		return "新人，没有交易记录"
	}
	s := "完成 " + strconv.Itoa(r.Completed) + " 笔，争议 " + strconv.Itoa(r.Disputed) + " 笔，退款 " + strconv.Itoa(r.Refunded) + " 笔"
	if r.First != nil {
		s += "，首次 " + r.First.In(loc).Format(DateLayout)
	}
	return s
}

// MemberTradeRecord is one member's trade record.
func (s *Store) MemberTradeRecord(memberID uint) (TradeRecord, error) {
	rs, err := s.MemberTradeRecords(memberID)
	return rs[memberID], err
}

// MemberTradeRecords is the trade record of the given members, or of every member who
// traded when none is given; a member without trades has none in the map (the zero
// record). Three queries, whatever the number of members.
func (s *Store) MemberTradeRecords(memberIDs ...uint) (map[uint]TradeRecord, error) {
	recs := map[uint]TradeRecord{}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		for _, side := range []string{"buyer_id", "seller_id"} {
			var rows []struct {
				MemberID uint
				State    TradeState
				N        int
			}
			// The first trade's time is read per state and side and the least kept in Go:
			// MIN over a time column comes back as text in SQLite.
			q := tx.Model(&Trade{}).Select(side + " AS member_id, state, COUNT(*) AS n").Group(side + ", state")
			if len(memberIDs) > 0 {
				q = q.Where(side+" IN ?", memberIDs)
			}
			if err := q.Scan(&rows).Error; err != nil {
				return err
			}
			for _, row := range rows {
				r := recs[row.MemberID]
				r.Trades += row.N
				switch row.State {
				case TradeCompleted:
					r.Completed += row.N
				case TradeRefunded:
					r.Refunded += row.N
				}
				recs[row.MemberID] = r
			}
			var disputed []struct {
				MemberID uint
				N        int
			}
			dq := tx.Model(&Trade{}).Select(side+" AS member_id, COUNT(*) AS n").
				Where("id IN (?)", tx.Model(&TradeEvent{}).Select("trade_id").Where("to_state = ?", TradeDisputed)).Group(side)
			if len(memberIDs) > 0 {
				dq = dq.Where(side+" IN ?", memberIDs)
			}
			if err := dq.Scan(&disputed).Error; err != nil {
				return err
			}
			for _, row := range disputed {
				r := recs[row.MemberID]
				r.Disputed += row.N
				recs[row.MemberID] = r
			}
			var firsts []Trade
			fq := tx.Select("id", side, "created_at").Order("created_at, id")
			if len(memberIDs) > 0 {
				fq = fq.Where(side+" IN ?", memberIDs)
			}
			if err := fq.Find(&firsts).Error; err != nil {
				return err
			}
			for _, t := range firsts {
				id := t.BuyerID
				if side == "seller_id" {
					id = t.SellerID
				}
				r := recs[id]
				if r.First == nil || t.CreatedAt.Before(*r.First) {
					at := t.CreatedAt
					r.First = &at
				}
				recs[id] = r
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("member trade records: %w", err)
	}
	return recs, nil
}

// overdueTradesLine is the 今日 line of the trades past their deadline.
func overdueTradesLine(tx *gorm.DB, groupID uint, now time.Time) (AgendaLine, error) {
	ts, err := overdueTrades(tx, groupID, now)
	if err != nil {
		return AgendaLine{}, err
	}
	line := AgendaLine{Count: len(ts)}
	for _, t := range ts[:min(len(ts), AgendaLineLength)] {
		line.Names = append(line.Names, fmt.Sprintf("#%d %s（%s）", t.ID, t.Item, escrow.Waiting(escrow.State(t.State))))
		line.IDs = append(line.IDs, t.ID)
	}
	return line, nil
}

// AllTrades is every group's trades with buyer, seller and audit log, oldest first, for
// the whole-database export.
func (s *Store) AllTrades() ([]Trade, error) {
	var ts []Trade
	err := s.db.Preload("Buyer").Preload("Seller").
		Preload("Events", func(db *gorm.DB) *gorm.DB { return db.Order("at, id") }).
		Order("created_at, id").Find(&ts).Error
	if err != nil {
		return nil, fmt.Errorf("all trades: %w", err)
	}
	return ts, nil
}
