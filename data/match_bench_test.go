package data_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
	"github.com/qunhuo/qunhuo/data/match"
)

// benchAsks are requests as members type them, for the matching benchmarks.
var benchAsks = []string{"求王者点券", "有没有王者荣耀点券", "求和平精英UC", "谁有原神月卡", "求爱奇艺会员", "有没有腾讯视频VIP",
	"求B站大会员", "收QQ音乐绿钻", "求移动话费", "有便宜的京东E卡吗", "求美团外卖红包", "想要网易云年卡", "求星穹铁道", "蹲一个Steam充值卡"}

// matchStore is a copy of the reference database (3,000 members, 20,000 resources)
// where every member has asked for 0 to 4 things in the last months.
func matchStore(b *testing.B) *data.Store {
	b.Helper()
	path, err := datatest.DemoFile(datatest.BigDemo, 1, datatest.Now)
	if err != nil {
		b.Fatal(err)
	}
	s := datatest.OpenCopy(b, path)
	ms, err := s.Members(0)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	n := 0
	err = s.Transaction(func(tx *data.Store) error {
		for _, m := range ms {
			for range rng.IntN(5) {
				d := data.RequestDraft{MemberID: m.ID, Text: benchAsks[rng.IntN(len(benchAsks))],
					AskedAt: datatest.Now.AddDate(0, 0, -rng.IntN(300))}
				if _, err := tx.CaptureRequest(d); err != nil {
					return err
				}
				n++
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d members, %d requests", len(ms), n)
	return s
}

// wzryResource is a resource many members fit: a 王者荣耀 listing on sale.
func wzryResource(b *testing.B, s *data.Store) data.Resource {
	b.Helper()
	rs, err := s.Resources()
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range rs {
		if r.Name == "王者荣耀点券 68元" {
			return r
		}
	}
	b.Fatal("no 王者荣耀点券 68元 in the reference catalog")
	return data.Resource{}
}

// BenchmarkMatchMembers ranks every member (3,000) for one resource: the store's
// gathering (a few reads, no query per member) and the ranking, then the ranking alone.
// Target: under 50 ms together.
func BenchmarkMatchMembers(b *testing.B) {
	s := matchStore(b)
	r := wzryResource(b, s)
	b.Run("gather+rank", func(b *testing.B) {
		b.ReportAllocs()
		var fits []match.Fit
		for b.Loop() {
			res, ms, err := s.MatchForResource(r.ID, 0)
			if err != nil {
				b.Fatal(err)
			}
			fits = match.Members(res, ms)
		}
		b.ReportMetric(float64(len(fits)), "fits")
	})
	res, ms, err := s.MatchForResource(r.ID, 0)
	if err != nil {
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("rank/%d", len(ms)), func(b *testing.B) {
		b.ReportAllocs()
		var fits []match.Fit
		for b.Loop() {
			fits = match.Members(res, ms)
		}
		b.ReportMetric(float64(len(fits)), "fits")
	})
}

// BenchmarkMatchResources finds what fits one member among the 20,000 resources:
// loading those on sale and ranking them, then the ranking alone.
func BenchmarkMatchResources(b *testing.B) {
	s := matchStore(b)
	ms, err := s.Members(0)
	if err != nil {
		b.Fatal(err)
	}
	id := ms[len(ms)/2].ID
	b.Run("gather+rank", func(b *testing.B) {
		b.ReportAllocs()
		var fits []match.Fit
		for b.Loop() {
			m, facts, _, err := s.MatchForMember(id, 0)
			if err != nil {
				b.Fatal(err)
			}
			fits = match.Resources(m, facts)
		}
		b.ReportMetric(float64(len(fits)), "fits")
	})
	m, facts, _, err := s.MatchForMember(id, 0)
	if err != nil {
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("rank/%d", len(facts)), func(b *testing.B) {
		b.ReportAllocs()
		var fits []match.Fit
		for b.Loop() {
			fits = match.Resources(m, facts)
		}
		b.ReportMetric(float64(len(fits)), "fits")
	})
}

// BenchmarkSuggestedTags proposes tags for every member from their requests.
func BenchmarkSuggestedTags(b *testing.B) {
	s := matchStore(b)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		sg, err := s.SuggestedTags(0)
		if err != nil {
			b.Fatal(err)
		}
		n = len(sg)
	}
	b.ReportMetric(float64(n), "suggestions")
}
