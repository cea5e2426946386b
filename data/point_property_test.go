package data

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/qunhuo/qunhuo/data/points"
)

// pointModel is what the ledger should hold, kept beside it by the property test.
type pointModel struct {
	balance  map[uint]int64
	entries  map[uint]modelEntry // reversible or not, by entry ID
	ids      []uint              // entry IDs in the order written
	pending  []uint              // redemptions 待发放
	price    map[uint]int64      // of each redemption
	memberOf map[uint]uint       // of each redemption
	stock    map[uint]int        // of items with a count; missing: no count
}

type modelEntry struct {
	member   uint
	amount   int64
	reason   points.Reason
	reversed bool
}

func (m *pointModel) wrote(e PointEntry) {
	m.balance[e.MemberID] += e.Amount
	m.entries[e.ID] = modelEntry{member: e.MemberID, amount: e.Amount, reason: e.Reason}
	m.ids = append(m.ids, e.ID)
}

// refusedAt reports whether err is a refusal at field.
func isRefusalAt(err error, field string) bool {
	var ve ValidationError
	return errors.As(err, &ve) && ve.For(field) != nil
}

// TestPointLedgerProperty runs thousands of seeded random steps on the ledger —
// awards, deductions, reversals, awards to several members, redemptions and their
// cancellation — and after every step checks that no balance is negative and every
// kept balance equals the sum of the member's entries (CheckPointBalances finds
// nothing), and that each write was refused exactly when the model says it must be.
func TestPointLedgerProperty(t *testing.T) {
	for _, run := range []struct {
		seed  uint64
		steps int
	}{{1, 2000}, {20261126, 1000}} {
		if testing.Short() || raceBuild {
			run.steps /= 3 // under -race (scripts/test) 1,000 steps; a plain go test runs 3,000
		}
		t.Run(fmt.Sprint("seed ", run.seed), func(t *testing.T) { runPointProperty(t, run.seed, run.steps) })
	}
}

func runPointProperty(t *testing.T, seed uint64, steps int) {
	s := newTestStore(t)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var members []uint
	for i := range 6 {
		m := saveMemberDraft(t, s, MemberDraft{QQ: fmt.Sprint(20001 + i), Nickname: fmt.Sprint("群友", i)})
		members = append(members, m.ID)
	}
	model := &pointModel{balance: map[uint]int64{}, entries: map[uint]modelEntry{}, price: map[uint]int64{},
		memberOf: map[uint]uint{}, stock: map[uint]int{}}
	var items []RewardItem
	for _, d := range []RewardDraft{
		{Name: "爱奇艺月卡", Kind: RewardResource, Price: "15", Stock: "3", Active: true},
		{Name: "热心群友", Kind: RewardBadge, Price: "7", Active: true},
	} {
		it, err := s.SaveRewardItem(0, d)
		if err != nil {
			t.Fatal(err)
		}
		if it.Stock != nil {
			model.stock[it.ID] = *it.Stock
		}
		items = append(items, it)
	}
	member := func() uint { return members[rng.IntN(len(members))] }
	counts := map[string]int{}
	for step := range steps {
		var what string
		var err error
		switch op := rng.IntN(10); {
		case op < 3: // an award, now and then with an amount of its own
			r := points.Awards[rng.IntN(len(points.Awards)-1)] // not 其他
			d := PointDraft{MemberID: member(), Reason: r, Amount: r.DefaultAmount()}
			if rng.IntN(4) == 0 {
				d.Amount, d.Note = 1+rng.Int64N(30), "特别多"
			}
			what = fmt.Sprintf("award %+v", d)
			var e PointEntry
			if e, err = s.AddPoints(d); err == nil {
				model.wrote(e)
			}
		case op < 5: // a deduction, refused exactly when it would overdraw
			m, n := member(), 1+rng.Int64N(25)
			what = fmt.Sprintf("deduct %d from %d (has %d)", n, m, model.balance[m])
			var e PointEntry
			e, err = s.AddPoints(PointDraft{MemberID: m, Reason: points.Other, Amount: -n, Note: "扣分"})
			switch {
			case model.balance[m] < n && !isRefusalAt(err, "amount"):
				t.Fatalf("step %d: %s: %v, want refused at amount", step, what, err)
			case model.balance[m] >= n && err != nil:
				t.Fatalf("step %d: %s: %v", step, what, err)
			case err == nil:
				model.wrote(e)
			}
			err = nil
		case op < 7: // the reversal of any entry
			if len(model.ids) == 0 {
				continue
			}
			id := model.ids[rng.IntN(len(model.ids))]
			o := model.entries[id]
			what = fmt.Sprintf("reverse #%d %+v (member has %d)", id, o, model.balance[o.member])
			var e PointEntry
			e, err = s.ReversePoints(id, "更正")
			notReversible := o.reversed || o.reason == points.Reversal || o.reason == points.Redeem || o.reason == points.Refund
			switch {
			case notReversible && !errors.Is(err, ErrAlreadyReversed):
				t.Fatalf("step %d: %s: %v, want ErrAlreadyReversed", step, what, err)
			case !notReversible && model.balance[o.member] < o.amount && !isRefusalAt(err, "amount"):
				t.Fatalf("step %d: %s: %v, want refused at amount", step, what, err)
			case !notReversible && model.balance[o.member] >= o.amount && err != nil:
				t.Fatalf("step %d: %s: %v", step, what, err)
			case err == nil:
				if e.Amount != -o.amount || e.ReversesID == nil || *e.ReversesID != id {
					t.Fatalf("step %d: %s wrote %+v", step, what, e)
				}
				o.reversed = true
				model.entries[id] = o
				model.wrote(e)
			}
			err = nil
		case op < 8: // an award to several members at once
			var ms []uint
			for _, m := range members {
				if rng.IntN(2) == 0 {
					ms = append(ms, m)
				}
			}
			if len(ms) == 0 {
				continue
			}
			what = fmt.Sprintf("attend %v", ms)
			var es []PointEntry
			es, err = s.AwardPoints(PointDraft{Reason: points.Attend, Amount: points.Attend.DefaultAmount()}, ms)
			if err == nil && len(es) != len(ms) {
				t.Fatalf("step %d: %s wrote %d entries", step, what, len(es))
			}
			for _, e := range es {
				model.wrote(e)
			}
		case op < 9: // a redemption, refused exactly without the points or the stock
			it, m := items[rng.IntN(len(items))], member()
			left, counted := model.stock[it.ID]
			what = fmt.Sprintf("redeem %s for %d (has %d, stock %d)", it.Name, m, model.balance[m], left)
			var r Redemption
			r, err = s.Redeem(it.ID, m, "")
			switch {
			case counted && left == 0:
				if !isRefusalAt(err, "item") {
					t.Fatalf("step %d: %s: %v, want refused at item", step, what, err)
				}
			case model.balance[m] < it.Price:
				if !isRefusalAt(err, "amount") {
					t.Fatalf("step %d: %s: %v, want refused at amount", step, what, err)
				}
			case err != nil:
				t.Fatalf("step %d: %s: %v", step, what, err)
			default:
				model.balance[m] -= it.Price
				model.entries[*r.SpendEntryID] = modelEntry{member: m, amount: -it.Price, reason: points.Redeem}
				model.ids = append(model.ids, *r.SpendEntryID)
				model.pending = append(model.pending, r.ID)
				model.price[r.ID], model.memberOf[r.ID] = it.Price, m
				if counted {
					model.stock[it.ID]--
				}
			}
			err = nil
		default: // cancel or hand out a pending redemption
			if len(model.pending) == 0 {
				continue
			}
			k := rng.IntN(len(model.pending))
			id := model.pending[k]
			model.pending = append(model.pending[:k], model.pending[k+1:]...)
			if rng.IntN(3) == 0 {
				what = fmt.Sprintf("give redemption %d", id)
				_, err = s.GiveRedemption(id, "")
				break
			}
			what = fmt.Sprintf("cancel redemption %d", id)
			var r Redemption
			if r, err = s.CancelRedemption(id, "不要了"); err == nil {
				m := model.memberOf[id]
				model.balance[m] += model.price[id]
				model.entries[*r.RefundEntryID] = modelEntry{member: m, amount: model.price[id], reason: points.Refund}
				model.ids = append(model.ids, *r.RefundEntryID)
				if _, counted := model.stock[r.ItemID]; counted {
					model.stock[r.ItemID]++
				}
			}
		}
		if err != nil {
			t.Fatalf("step %d: %s: %v", step, what, err)
		}
		counts[what[:5]]++
		checkPointBooks(t, s, model, step, what)
	}
	t.Logf("seed %d: %v", seed, counts)
}

// checkPointBooks: no balance negative, each equal to the ledger's sum (the store's own
// check) and to the model's.
func checkPointBooks(t *testing.T, s *Store, model *pointModel, step int, what string) {
	t.Helper()
	mm, err := s.CheckPointBalances()
	if err != nil || len(mm) > 0 {
		t.Fatalf("step %d (%s): balances differ from the ledger: %+v, %v", step, what, mm, err)
	}
	var bs []PointBalance
	if err := s.db.Find(&bs).Error; err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if b.Balance < 0 || b.Balance != model.balance[b.MemberID] {
			t.Fatalf("step %d (%s): member %d has %d, model %d", step, what, b.MemberID, b.Balance, model.balance[b.MemberID])
		}
	}
}
