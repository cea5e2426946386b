package data

import (
	"errors"
	"testing"

	"github.com/qunhuo/qunhuo/data/points"
)

// Every kind of deed pays once: a second award, to the same member or another, is
// ErrDeedAwarded and writes nothing; a reversed award frees the deed for the right member.
func TestAwardDeedPaysOnce(t *testing.T) {
	s, a, b := pointsFixture(t)
	c := saveMemberDraft(t, s, MemberDraft{QQ: "10003", Nickname: "小刚"})
	for _, tc := range []struct {
		kind    string
		reason  points.Reason
		members []uint
	}{
		{LinkRequest, points.Help, []uint{a.ID}},
		{LinkTicket, points.Help, []uint{b.ID}},
		{LinkResource, points.ShareResource, []uint{a.ID}},
		{LinkBlindBoxDraw, points.ShareExperience, []uint{b.ID}},
		{LinkSwapDeal, points.Swap, []uint{a.ID, b.ID, a.ID}},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			amount, err := s.PointAmount(tc.reason)
			if err != nil {
				t.Fatal(err)
			}
			d := PointDraft{Reason: tc.reason, Amount: amount, LinkKind: tc.kind, LinkID: uintp(42)}
			es, err := s.AwardDeed(d, tc.members)
			want := len(tc.members)
			if tc.kind == LinkSwapDeal {
				want = 2 // a member named twice is paid once
			}
			if err != nil || len(es) != want {
				t.Fatalf("award = %d entries, %v; want %d", len(es), err, want)
			}
			for _, again := range [][]uint{tc.members, {c.ID}} {
				if _, err := s.AwardDeed(d, again); !errors.Is(err, ErrDeedAwarded) {
					t.Fatalf("award again to %v: %v, want ErrDeedAwarded", again, err)
				}
			}
			var rows int64
			s.db.Model(&PointEntry{}).Where("link_kind = ? AND link_id = ?", tc.kind, 42).Count(&rows)
			if rows != int64(want) {
				t.Fatalf("%d ledger rows for the deed, want %d", rows, want)
			}
			paid, err := s.DeedAwards(tc.kind, 42, tc.reason)
			if err != nil || len(paid) != want || paid[0].Member == nil || paid[0].Member.ID != tc.members[0] {
				t.Fatalf("DeedAwards = %+v, %v", paid, err)
			}
			got, err := s.DeedsAwarded(tc.kind, tc.reason, []uint{41, 42})
			if err != nil || len(got) != 1 || got[42] != amount*int64(want) {
				t.Fatalf("DeedsAwarded = %v, %v; want 42: %d", got, err, amount*int64(want))
			}
			// The same deed for another reason is another deed (none of the screens does
			// this, but the key is per reason).
			if other, _ := s.DeedsAwarded(tc.kind, points.Other, []uint{42}); len(other) != 0 {
				t.Fatalf("DeedsAwarded for another reason = %v", other)
			}
		})
	}

	// Paid to the wrong member: reversed, then the right one can be paid; the wrong one
	// is still never paid twice.
	d := PointDraft{Reason: points.Help, Amount: 5, LinkKind: LinkTicket, LinkID: uintp(7)}
	es, err := s.AwardDeed(d, []uint{a.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReversePoints(es[0].ID, "记错人了"); err != nil {
		t.Fatal(err)
	}
	if paid, err := s.DeedAwards(LinkTicket, 7, points.Help); err != nil || len(paid) != 0 {
		t.Fatalf("after reversal DeedAwards = %+v, %v", paid, err)
	}
	if _, err := s.AwardDeed(d, []uint{a.ID}); !errors.Is(err, ErrDeedAwarded) {
		t.Fatalf("the reversed member paid again: %v", err)
	}
	if es, err := s.AwardDeed(d, []uint{c.ID}); err != nil || len(es) != 1 {
		t.Fatalf("the right member = %d, %v", len(es), err)
	}
	if mm, err := s.CheckPointBalances(); err != nil || len(mm) != 0 {
		t.Fatalf("check = %+v, %v", mm, err)
	}
}

func TestAwardDeedRefusals(t *testing.T) {
	s, a, _ := pointsFixture(t)
	d := PointDraft{Reason: points.Help, Amount: 5, LinkKind: LinkRequest, LinkID: uintp(1)}
	var ve ValidationError
	if _, err := s.AwardDeed(d, nil); !errors.As(err, &ve) || ve.For("members") == nil {
		t.Fatalf("no members: %v", err)
	}
	if _, err := s.AwardDeed(d, []uint{a.ID, 999}); !errors.As(err, &ve) || ve.For("member") == nil {
		t.Fatalf("a member gone: %v", err)
	}
	if es, _ := s.DeedAwards(LinkRequest, 1, points.Help); len(es) != 0 {
		t.Fatalf("a refused award wrote %d entries", len(es))
	}
	if _, err := s.AwardDeed(PointDraft{Reason: points.Help, Amount: 5, LinkKind: LinkRequest}, []uint{a.ID}); err == nil {
		t.Fatal("an award without a deed was taken")
	}
}
