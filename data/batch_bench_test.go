package data_test

import (
	"fmt"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// BenchmarkSaveMembers3000IntoBig commits an import of a 3,000-member list into the
// reference database (3,000 members already): every member new, with a seat in one
// group and three tags.
func BenchmarkSaveMembers3000IntoBig(b *testing.B) {
	benchSaveMembers(b, func(s *data.Store, group uint) []*data.Member {
		taken := memberQQSet(b, s)
		ms := make([]*data.Member, 0, 3000)
		for i := 0; len(ms) < 3000; i++ {
			qq := fmt.Sprintf("%d", 4_000_000_000+i*7)
			if taken[qq] {
				continue
			}
			ms = append(ms, &data.Member{QQ: qq, Nickname: fmt.Sprintf("新成员%d", i),
				Tags:        []data.MemberTag{{Kind: data.TagMotivation, Value: "刚需获取"}, {Kind: data.TagInterest, Value: "原神"}, {Kind: data.TagSegment, Value: "学生"}},
				Memberships: []data.Membership{{GroupID: group, CardName: fmt.Sprintf("广州-新成员%d", i), Role: data.RoleMember}}})
		}
		return ms
	})
}

// BenchmarkSaveMembers3000Existing re-imports every member of the reference database
// with a new card name in one group: the update path, where old tags and seats are
// replaced.
func BenchmarkSaveMembers3000Existing(b *testing.B) {
	benchSaveMembers(b, func(s *data.Store, group uint) []*data.Member {
		all, err := s.Members(0)
		if err != nil {
			b.Fatal(err)
		}
		ms := make([]*data.Member, len(all))
		for i := range all {
			m := &all[i]
			if seat := m.In(group); seat != nil {
				seat.CardName += "|改"
			} else {
				m.Memberships = append(m.Memberships, data.Membership{GroupID: group, Role: data.RoleMember})
			}
			ms[i] = m
		}
		return ms
	})
}

func benchSaveMembers(b *testing.B, batch func(s *data.Store, group uint) []*data.Member) {
	path, err := datatest.DemoFile(datatest.BigDemo, 1, datatest.Now)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		s := datatest.OpenCopy(b, path)
		gs, err := s.Groups()
		if err != nil || len(gs) == 0 {
			b.Fatalf("groups %v, %v", gs, err)
		}
		ms := batch(s, gs[0].ID)
		b.StartTimer()
		if err := s.SaveMembers(ms); err != nil {
			b.Fatal(err)
		}
	}
}

func memberQQSet(b *testing.B, s *data.Store) map[string]bool {
	qqs, err := s.MemberQQs()
	if err != nil {
		b.Fatal(err)
	}
	set := make(map[string]bool, len(qqs))
	for _, qq := range qqs {
		set[qq] = true
	}
	return set
}
