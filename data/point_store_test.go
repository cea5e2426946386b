package data

import (
	"errors"
	"testing"

	"github.com/qunhuo/qunhuo/data/points"
)

func pointsFixture(t *testing.T) (*Store, Member, Member) {
	t.Helper()
	s := newTestStore(t)
	a := saveMemberDraft(t, s, MemberDraft{QQ: "10001", Nickname: "小明"})
	b := saveMemberDraft(t, s, MemberDraft{QQ: "10002", Nickname: "小红"})
	return s, a, b
}

func uintp(v uint) *uint { return &v }

func TestAddPointsRefusals(t *testing.T) {
	s, a, _ := pointsFixture(t)
	if _, err := s.AddPoints(PointDraft{MemberID: a.ID, Reason: points.Help, Amount: 5}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		d     PointDraft
		field string
	}{
		{"zero", PointDraft{MemberID: a.ID, Reason: points.Other, Amount: 0, Note: "x"}, "amount"},
		{"negative award", PointDraft{MemberID: a.ID, Reason: points.Help, Amount: -5, Note: "扣回"}, "amount"},
		{"overdraw", PointDraft{MemberID: a.ID, Reason: points.Other, Amount: -6, Note: "违规"}, "amount"},
		{"huge", PointDraft{MemberID: a.ID, Reason: points.Other, Amount: points.MaxAmount + 1, Note: "x"}, "amount"},
		{"changed amount without note", PointDraft{MemberID: a.ID, Reason: points.Help, Amount: 7}, "note"},
		{"other without note", PointDraft{MemberID: a.ID, Reason: points.Other, Amount: 1}, "note"},
		{"member gone", PointDraft{MemberID: 999, Reason: points.Help, Amount: 5}, "member"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.AddPoints(tc.d)
			var ve ValidationError
			if !errors.As(err, &ve) || ve.For(tc.field) == nil {
				t.Fatalf("err = %v, want a refusal at %s", err, tc.field)
			}
		})
	}
	b, err := s.PointBalance(a.ID)
	if err != nil || b.Balance != 5 || b.Earned != 5 {
		t.Fatalf("balance = %+v, %v; want 5/5 after refusals", b, err)
	}
}

func TestDeedPaysOnceAndReversal(t *testing.T) {
	s, a, b := pointsFixture(t)
	deed := PointDraft{Reason: points.Swap, Amount: 3, LinkKind: LinkSwapDeal, LinkID: uintp(7)}
	es, err := s.AwardPoints(deed, []uint{a.ID, b.ID, a.ID})
	if err != nil || len(es) != 2 {
		t.Fatalf("award = %d entries, %v; want 2", len(es), err)
	}
	es, err = s.AwardPoints(deed, []uint{a.ID, b.ID})
	if err != nil || len(es) != 0 {
		t.Fatalf("second award = %d entries, %v; want 0", len(es), err)
	}
	d := deed
	d.MemberID = a.ID
	if _, err := s.AddPoints(d); !errors.Is(err, ErrDeedAwarded) {
		t.Fatalf("single award again: %v, want ErrDeedAwarded", err)
	}
	paid, err := s.PointsForDeed(LinkSwapDeal, 7)
	if err != nil || len(paid) != 2 {
		t.Fatalf("PointsForDeed = %d, %v", len(paid), err)
	}
	if _, err := s.ReversePoints(paid[0].ID, ""); err == nil {
		t.Fatal("reversal without a note was written")
	}
	r, err := s.ReversePoints(paid[0].ID, "记错人了")
	if err != nil || r.Amount != -3 || r.ReversesID == nil || *r.ReversesID != paid[0].ID {
		t.Fatalf("reversal = %+v, %v", r, err)
	}
	if _, err := s.ReversePoints(paid[0].ID, "再来一次"); !errors.Is(err, ErrAlreadyReversed) {
		t.Fatalf("second reversal: %v", err)
	}
	if _, err := s.ReversePoints(r.ID, "冲销冲销"); !errors.Is(err, ErrAlreadyReversed) {
		t.Fatalf("reversal of a reversal: %v", err)
	}
	bal, _ := s.PointBalance(a.ID)
	if bal.Balance != 0 || bal.Earned != 0 {
		t.Fatalf("balance after reversal = %+v", bal)
	}
	if mm, err := s.CheckPointBalances(); err != nil || len(mm) != 0 {
		t.Fatalf("check = %+v, %v", mm, err)
	}
	// A balance changed behind the ledger's back is reported.
	if err := s.db.Model(&PointBalance{}).Where("member_id = ?", b.ID).Update("balance", 99).Error; err != nil {
		t.Fatal(err)
	}
	mm, err := s.CheckPointBalances()
	if err != nil || len(mm) != 1 || mm[0].MemberID != b.ID || mm[0].Stored != 99 || mm[0].Ledger != 3 {
		t.Fatalf("check = %+v, %v", mm, err)
	}
	if err := s.DeleteMember(b.ID); !errors.Is(err, ErrInUse) {
		t.Fatalf("deleting a member with points: %v", err)
	}
}

func TestSetPointAmount(t *testing.T) {
	s, a, _ := pointsFixture(t)
	if err := s.SetPointAmount(points.Help, 0); err == nil {
		t.Fatal("zero amount kept")
	}
	if err := s.SetPointAmount(points.Help, 6); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.PointAmount(points.Help); n != 6 {
		t.Fatalf("amount = %d", n)
	}
	if _, err := s.AddPoints(PointDraft{MemberID: a.ID, Reason: points.Help, Amount: 6}); err != nil {
		t.Fatalf("the owner's amount needs no note: %v", err)
	}
}
