package data_test

import (
	"fmt"
	"strings"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/escrow"
	"gorm.io/gorm"
)

// tradeSteps is the next move the crash writer makes from each open state; a trade
// goes 待付款 → 已托管 → 已交付 → 已完成, or from 已托管 into a dispute and a refund.
func tradeStep(st data.TradeState, seq int) data.TradeState {
	switch st {
	case data.TradeAwaitingPayment:
		return data.TradeHeld
	case data.TradeHeld:
		if seq%2 == 0 {
			return data.TradeDisputed
		}
		return data.TradeDelivered
	case data.TradeDelivered:
		return data.TradeCompleted
	case data.TradeDisputed:
		return data.TradeRefunded
	}
	return ""
}

// writeTrade opens an escrow trade (the trade and its first log line, one transaction;
// notes "crash <key>") or moves the newest open one a step (its state, deadline and a
// log line noted with the key). The buyer and seller are the round's two members.
func writeTrade(c *crashChild, u *crashUnit) error {
	db := data.DB(c.s)
	var open []data.Trade
	if err := db.Where("notes LIKE 'crash %' AND state NOT IN ?", []data.TradeState{
		data.TradeCompleted, data.TradeRefunded, data.TradeCancelled}).Order("id DESC").Limit(1).Find(&open).Error; err != nil {
		return err
	}
	if u.Seq%3 != 0 && len(open) == 1 {
		t := open[0]
		_, err := c.s.MoveTrade(t.ID, t.State, tradeStep(t.State, u.Seq), u.Key)
		return err
	}
	var ids []uint
	for _, side := range []string{"a", "b"} {
		nick := fmt.Sprintf("tr-%s-%d", side, c.round)
		var m data.Member
		if err := db.Where("nickname = ?", nick).Limit(1).Find(&m).Error; err != nil {
			return err
		}
		if m.ID == 0 {
			m = data.Member{QQ: qqFor(c.round, u.Seq, 400+len(ids)), Nickname: nick}
			if err := c.s.SaveMember(&m); err != nil {
				return err
			}
		}
		ids = append(ids, m.ID)
	}
	_, err := c.s.OpenTrade(data.TradeDraft{GroupID: &c.groupID, BuyerID: ids[0], SellerID: ids[1],
		Item: "crash " + u.Key, Amount: fmt.Sprint(1 + u.Seq%500), Notes: "crash " + u.Key})
	return err
}

// presentTrade finds the unit's save: the trade it opened, or the log line of its move.
func presentTrade(db *gorm.DB, u crashUnit) error {
	return presentOpenedOrMoved(db, u, "trade", "trades", "notes", "trade_events")
}

// presentOpenedOrMoved finds the save of a unit that either opened a record (whose
// column holds "crash <key>") or appended a line to its log (whose note is the key):
// exactly one of the two, never both or neither.
func presentOpenedOrMoved(db *gorm.DB, u crashUnit, what, table, column, events string) error {
	var opened, moves int64
	if err := db.Table(table).Where(column+" = ?", "crash "+u.Key).Count(&opened).Error; err != nil {
		return err
	}
	if err := db.Table(events).Where("note = ?", u.Key).Count(&moves).Error; err != nil {
		return err
	}
	if opened+moves != 1 {
		return fmt.Errorf("%s %s: %d opened and %d moves, want one of them", what, u.Key, opened, moves)
	}
	return nil
}

// checkTrades: a trade's log opens with 开单 into 待付款, each line moves on from where
// the last one left it by a move of the table, the last one leaves the trade in its
// state, and the trade has a deadline exactly when that state waits on a member. A state
// without its log line, or a line without its state, is half a move.
func checkTrades(db *gorm.DB) ([]string, error) {
	var ts []data.Trade
	err := db.Preload("Events", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).Find(&ts).Error
	if err != nil {
		return nil, err
	}
	var bad []string
	for _, t := range ts {
		var chain []string
		at := data.TradeState("")
		for i, e := range t.Events {
			_, allowed := escrow.Allowed(escrow.State(e.From), escrow.State(e.To))
			if e.From != at || (i == 0 && e.To != data.TradeAwaitingPayment) || (i > 0 && !allowed) {
				chain = append(chain, fmt.Sprintf("%q→%q", e.From, e.To))
			}
			at = e.To
		}
		_, waits := escrow.DefaultDeadlines.For(escrow.State(t.State))
		switch {
		case len(chain) > 0:
			bad = append(bad, fmt.Sprintf("trade %d: log out of step at %s", t.ID, strings.Join(chain, ", ")))
		case at != t.State:
			bad = append(bad, fmt.Sprintf("trade %d is %s, its log ends at %q", t.ID, t.State, at))
		case (t.DueAt != nil) != waits:
			bad = append(bad, fmt.Sprintf("trade %d is %s with deadline %v", t.ID, t.State, t.DueAt))
		}
	}
	return bad, nil
}

// breakHeldTrade opens a trade and moves it to 已托管 the way the crash writer does,
// then breaks it with sql: the checker's cases do not depend on the fixture's trades.
func breakHeldTrade(c *crashChild, tx *gorm.DB, sql string) error {
	for _, u := range []crashUnit{{Key: "brk-open", Seq: 3}, {Key: "brk-pay", Seq: 4}} {
		if err := writeTrade(c, &u); err != nil {
			return err
		}
	}
	return tx.Exec(sql).Error
}
