package data

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
)

type redeemFixture struct {
	s    *Store
	a, b Member
	res  Resource // counted stock 1
}

func newRedeemFixture(t *testing.T) *redeemFixture {
	t.Helper()
	s, a, b := pointsFixture(t)
	f := &redeemFixture{s: s, a: a, b: b}
	f.res = saveDraft(t, s, ResourceDraft{Name: "爱奇艺黄金会员 年卡", Category: "影音类", Price: "150", Stock: "1"})
	for _, m := range []Member{a, b} {
		if _, err := s.AddPoints(PointDraft{MemberID: m.ID, Reason: points.Other, Amount: 100, Note: "开户"}); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func (f *redeemFixture) item(t *testing.T, d RewardDraft) RewardItem {
	t.Helper()
	d.Active = true
	it, err := f.s.SaveRewardItem(0, d)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

func refusedAt(t *testing.T, err error, field, says string) {
	t.Helper()
	var ve ValidationError
	if !errors.As(err, &ve) || ve.For(field) == nil {
		t.Fatalf("err = %v, want a refusal at %s", err, field)
	}
	if !strings.Contains(ve.For(field).Message, says) {
		t.Errorf("refusal at %s says %q, want %q in it", field, ve.For(field).Message, says)
	}
}

func TestRewardDraftRefusals(t *testing.T) {
	s, _, _ := pointsFixture(t)
	for _, tc := range []struct {
		name  string
		d     RewardDraft
		field string
	}{
		{"no name", RewardDraft{Kind: RewardOther, Price: "10"}, "name"},
		{"no kind", RewardDraft{Name: "x", Price: "10"}, "kind"},
		{"no price", RewardDraft{Name: "x", Kind: RewardOther}, "price"},
		{"zero price", RewardDraft{Name: "x", Kind: RewardOther, Price: "0"}, "price"},
		{"negative price", RewardDraft{Name: "x", Kind: RewardOther, Price: "-5"}, "price"},
		{"price in yuan", RewardDraft{Name: "x", Kind: RewardOther, Price: "1.5"}, "price"},
		{"negative stock", RewardDraft{Name: "x", Kind: RewardOther, Price: "10", Stock: "-1"}, "stock"},
		{"stock not a number", RewardDraft{Name: "x", Kind: RewardOther, Price: "10", Stock: "很多"}, "stock"},
		{"badge too long", RewardDraft{Name: "超级无敌宇宙第一热心资源分享达人", Kind: RewardBadge, Price: "10"}, "badge"},
		{"badge days negative", RewardDraft{Name: "热心群友", Kind: RewardBadge, Price: "10", BadgeDays: "-3"}, "badge_days"},
		{"resource gone", RewardDraft{Name: "x", Kind: RewardResource, Price: "10", ResourceID: uintp(999)}, "resource"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.SaveRewardItem(0, tc.d)
			var ve ValidationError
			if !errors.As(err, &ve) || ve.For(tc.field) == nil {
				t.Fatalf("err = %v, want a refusal at %s", err, tc.field)
			}
		})
	}
	if its, _ := s.RewardItems(0); len(its) != 0 {
		t.Fatalf("refused drafts saved %d items", len(its))
	}
	it, err := s.SaveRewardItem(0, RewardDraft{Name: "热心群友", Kind: RewardBadge, Price: "30", Stock: "不限", BadgeDays: "30"})
	if err != nil || it.Stock != nil || it.BadgeName != "热心群友" || it.BadgeDays != 30 || it.Active {
		t.Fatalf("saved %+v, %v", it, err)
	}
	it, err = s.SaveRewardItem(it.ID, RewardDraft{Name: "热心群友 月卡", Kind: RewardBadge, BadgeName: "热心群友", Price: "40", Stock: "5", Active: true})
	if err != nil || *it.Stock != 5 || it.Price != 40 || !it.Active || it.BadgeDays != 0 {
		t.Fatalf("edited %+v, %v", it, err)
	}
	if its, _ := s.RewardItems(0); len(its) != 1 || its[0].Name != "热心群友 月卡" {
		t.Fatalf("items after edit: %+v", its)
	}
}

func TestRedeem(t *testing.T) {
	for _, tc := range []struct {
		name       string
		draft      RewardDraft
		before     func(f *redeemFixture, it RewardItem)
		field      string // "" when the redemption goes through
		says       string
		stockAfter string
	}{
		{name: "ok, own stock taken", draft: RewardDraft{Name: "网易云周卡", Kind: RewardOther, Price: "30", Stock: "2"},
			stockAfter: "1"},
		{name: "unlimited item", draft: RewardDraft{Name: "网易云周卡", Kind: RewardOther, Price: "30"}, stockAfter: "不限"},
		{name: "out of stock", draft: RewardDraft{Name: "网易云周卡", Kind: RewardOther, Price: "30", Stock: "0"},
			field: "item", says: "已经兑换完了"},
		{name: "off", draft: RewardDraft{Name: "网易云周卡", Kind: RewardOther, Price: "30"},
			before: func(f *redeemFixture, it RewardItem) { _ = f.s.SetRewardItemActive(it.ID, false) },
			field:  "item", says: "已下架"},
		{name: "too few points", draft: RewardDraft{Name: "网易云年卡", Kind: RewardOther, Price: "101"},
			field: "amount", says: "这位成员只有 100 分，不够扣 101 分"},
		{name: "linked resource stock taken", draft: RewardDraft{Name: "爱奇艺年卡", Kind: RewardResource, Price: "80"},
			stockAfter: "0"},
		{name: "linked resource sold out", draft: RewardDraft{Name: "爱奇艺年卡", Kind: RewardResource, Price: "80"},
			before: func(f *redeemFixture, it RewardItem) {
				f.res.Stock = 0
				_ = f.s.SaveResource(&f.res)
			},
			field: "item", says: "库存已经是 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newRedeemFixture(t)
			if tc.draft.Kind == RewardResource {
				tc.draft.ResourceID = &f.res.ID
			}
			it := f.item(t, tc.draft)
			if tc.before != nil {
				tc.before(f, it)
			}
			r, err := f.s.Redeem(it.ID, f.a.ID, "")
			bal, _ := f.s.PointBalance(f.a.ID)
			if tc.field != "" {
				refusedAt(t, err, tc.field, tc.says)
				if rs, _ := f.s.Redemptions(0); len(rs) != 0 || bal.Balance != 100 {
					t.Fatalf("a refused redemption left %d rows and balance %d", len(rs), bal.Balance)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.State != RedemptionPending || r.Price != it.Price || r.SpendEntryID == nil || bal.Balance != 100-it.Price || bal.Earned != 100 {
				t.Fatalf("redemption %+v, balance %+v", r, bal)
			}
			its, _ := f.s.RewardItems(0)
			if got := its[0].StockText(); got != tc.stockAfter {
				t.Errorf("stock after = %s, want %s", got, tc.stockAfter)
			}
			if ms, err := f.s.CheckPointBalances(); err != nil || len(ms) != 0 {
				t.Errorf("balances off the ledger: %+v, %v", ms, err)
			}
		})
	}
}

func TestGiveAndCancelOnce(t *testing.T) {
	f := newRedeemFixture(t)
	it := f.item(t, RewardDraft{Name: "爱奇艺年卡", Kind: RewardResource, Price: "40", Stock: "3", ResourceID: &f.res.ID})
	r1, err := f.s.Redeem(it.ID, f.a.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.GiveRedemption(r1.ID, "已私聊发卡密"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.GiveRedemption(r1.ID, ""); !errors.Is(err, ErrRedemptionMoved) {
		t.Fatalf("second give: %v", err)
	}
	if _, err := f.s.CancelRedemption(r1.ID, ""); !errors.Is(err, ErrRedemptionMoved) {
		t.Fatalf("cancel after give: %v", err)
	}
	// The resource's last unit went to r1; a second redemption waits for a restock.
	if _, err := f.s.Redeem(it.ID, f.b.ID, ""); err == nil {
		t.Fatal("redeemed from a sold-out resource")
	}
	f.res.Stock = 1
	if err := f.s.SaveResource(&f.res); err != nil {
		t.Fatal(err)
	}
	r2, err := f.s.Redeem(it.ID, f.b.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.s.CancelRedemption(r2.ID, "成员不要了")
	if err != nil || c.State != RedemptionCancelled || c.RefundEntryID == nil {
		t.Fatalf("cancel: %+v, %v", c, err)
	}
	if _, err := f.s.CancelRedemption(r2.ID, ""); !errors.Is(err, ErrRedemptionMoved) {
		t.Fatalf("second cancel: %v", err)
	}
	if _, err := f.s.GiveRedemption(r2.ID, ""); !errors.Is(err, ErrRedemptionMoved) {
		t.Fatalf("give after cancel: %v", err)
	}
	var refunds int64
	DB(f.s).Model(&PointEntry{}).Where("reason = ? AND link_kind = ? AND link_id = ?", points.Refund, LinkRedemption, r2.ID).Count(&refunds)
	bal, _ := f.s.PointBalance(f.b.ID)
	if refunds != 1 || bal.Balance != 100 || bal.Earned != 100 {
		t.Fatalf("%d refunds, balance %+v", refunds, bal)
	}
	its, _ := f.s.RewardItems(0)
	if *its[0].Stock != 2 || its[0].Resource.Stock != 1 {
		t.Fatalf("stock after cancel: own %d, resource %d; want 2 and 1", *its[0].Stock, its[0].Resource.Stock)
	}
	rs, _ := f.s.Redemptions(0)
	if len(rs) != 2 || rs[0].Member == nil || rs[0].Item == nil {
		t.Fatalf("redemptions %+v", rs)
	}
	if ms, err := f.s.CheckPointBalances(); err != nil || len(ms) != 0 {
		t.Errorf("balances off the ledger: %+v, %v", ms, err)
	}
	if err := f.s.DeleteRewardItem(it.ID); !errors.Is(err, ErrInUse) {
		t.Errorf("deleting a redeemed item: %v", err)
	}
}

func TestBadgeRedemption(t *testing.T) {
	f := newRedeemFixture(t)
	it := f.item(t, RewardDraft{Name: "热心群友 30天", Kind: RewardBadge, BadgeName: "热心群友", BadgeDays: "30", Price: "50"})
	r, err := f.s.Redeem(it.ID, f.a.ID, "")
	if err != nil || r.BadgeID == nil {
		t.Fatalf("redeem: %+v, %v", r, err)
	}
	act, err := f.s.ActiveBadges([]uint{f.a.ID, f.b.ID})
	if err != nil || BadgeNames(act[f.a.ID]) != "热心群友" || len(act[f.b.ID]) != 0 {
		t.Fatalf("active badges %+v, %v", act, err)
	}
	b := act[f.a.ID][0]
	if b.Source != BadgeFromRedeem || b.ExpiresAt == nil || !b.ExpiresAt.Equal(f.s.Now().AddDate(0, 0, 30)) {
		t.Errorf("badge %+v", b)
	}
	if _, err := f.s.CancelRedemption(r.ID, ""); err != nil {
		t.Fatal(err)
	}
	act, _ = f.s.ActiveBadges(nil)
	if len(act[f.a.ID]) != 0 {
		t.Fatalf("a cancelled redemption left its badge: %+v", act)
	}
	bs, _ := f.s.MemberBadges(f.a.ID)
	if len(bs) != 1 || bs[0].RevokedAt == nil || bs[0].RevokeNote != "兑换已撤销" {
		t.Fatalf("badge history %+v", bs)
	}
}

func TestGrantAndRevokeBadgeByHand(t *testing.T) {
	f := newRedeemFixture(t)
	until := f.s.Now().Add(48 * time.Hour)
	b, err := f.s.GrantBadge(BadgeGrant{MemberID: f.b.ID, Name: "置换达人", Source: BadgeFromAward, ExpiresAt: &until})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.GrantBadge(BadgeGrant{MemberID: f.b.ID, Name: "资源达人", Source: BadgeFromAward}); err != nil {
		t.Fatal(err)
	}
	h, err := f.s.HonorRoll(0, 3)
	if err != nil || len(h.Badges) != 2 || len(h.Top) != 2 || h.Top[0].Earned != 100 {
		t.Fatalf("honor roll %+v, %v", h, err)
	}
	if err := f.s.RevokeBadge(b.ID, "违反群规"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RevokeBadge(b.ID, ""); !errors.Is(err, ErrBadgeRevoked) {
		t.Fatalf("second revoke: %v", err)
	}
	act, _ := f.s.ActiveBadges([]uint{f.b.ID})
	if BadgeNames(act[f.b.ID]) != "资源达人" {
		t.Fatalf("active after revoke: %+v", act)
	}
	all, err := f.s.AllBadges()
	if err != nil || len(all) != 2 || all[0].Member == nil {
		t.Fatalf("all badges %+v, %v", all, err)
	}
}

// Two redemptions of the last unit at once: exactly one wins, the other is refused at
// "item", and the stock ends at 0, never below.
func TestConcurrentRedemptionsOfLastUnit(t *testing.T) {
	for round := 0; round < 5; round++ {
		f := newRedeemFixture(t)
		it := f.item(t, RewardDraft{Name: "最后一张", Kind: RewardOther, Price: "10", Stock: "1"})
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, m := range []Member{f.a, f.b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = f.s.Redeem(it.ID, m.ID, "")
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			var ve ValidationError
			switch {
			case err == nil:
				ok++
			case errors.As(err, &ve) && ve.For("item") != nil:
			default:
				t.Fatalf("unexpected error %v", err)
			}
		}
		its, _ := f.s.RewardItems(0)
		if ok != 1 || *its[0].Stock != 0 {
			t.Fatalf("%d redemptions went through, stock %d", ok, *its[0].Stock)
		}
	}
}

func TestRedemptionsToGiveLine(t *testing.T) {
	f := newRedeemFixture(t)
	it := f.item(t, RewardDraft{Name: "网易云周卡", Kind: RewardOther, Price: "10"})
	var ids []uint
	for _, m := range []Member{f.a, f.b, f.a} {
		r, err := f.s.Redeem(it.ID, m.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	if _, err := f.s.GiveRedemption(ids[0], ""); err != nil {
		t.Fatal(err)
	}
	l, err := redemptionsToGiveLine(DB(f.s), 0)
	if err != nil || l.Count != 2 || len(l.IDs) != 2 || l.IDs[0] != ids[1] || l.Names[0] != "小红 兑换「网易云周卡」（10 分）" {
		t.Fatalf("line %+v, %v", l, err)
	}
}
