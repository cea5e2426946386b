package data

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkActiveBadges reads the badges held now by 3,000 members (one each, a third
// expired or taken back): what the member list reads with every load.
func BenchmarkActiveBadges(b *testing.B) {
	s := newTestStore(b)
	now := s.Now()
	ms := make([]Member, 3000)
	for i := range ms {
		ms[i] = Member{QQ: fmt.Sprint(100000 + i), Nickname: fmt.Sprint("成员", i)}
	}
	if err := s.db.CreateInBatches(&ms, 500).Error; err != nil {
		b.Fatal(err)
	}
	bs := make([]MemberBadge, len(ms))
	ids := make([]uint, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
		bs[i] = MemberBadge{MemberID: m.ID, Name: "热心群友", Source: BadgeFromAward, GrantedAt: now}
		switch i % 3 {
		case 1:
			past := now.Add(-time.Hour)
			bs[i].ExpiresAt = &past
		case 2:
			bs[i].RevokedAt = &now
		}
	}
	if err := s.db.CreateInBatches(&bs, 500).Error; err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		ids  []uint
	}{{"all", nil}, {"3000ids", ids}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				got, err := s.ActiveBadges(tc.ids)
				if err != nil || len(got) != 1000 {
					b.Fatalf("%d members with badges, %v", len(got), err)
				}
			}
		})
	}
}
