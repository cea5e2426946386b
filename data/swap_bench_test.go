package data

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkSwapSuggestions2000 reads a zone of 2,000 open listings from the database
// and matches them, as the 配对建议 tab and 今日 do (target: under 100 ms). The listings
// are 400 members' offers of 300 items, a quarter of them offering one of 50 catalog
// resources, a quarter wanting one, a tenth wanting a whole category.
func BenchmarkSwapSuggestions2000(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), DatabaseFile), WithClock(func() time.Time { return testNow }))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var rs []Resource
	for i := range 50 {
		r, err := (ResourceDraft{Name: fmt.Sprintf("资源%d", i), Category: []string{"游戏类", "影音类", "生活类", "话费类"}[i%4], Price: "10"}).Parse(nil, testNow, time.UTC)
		if err == nil {
			err = s.SaveResource(&r)
		}
		if err != nil {
			b.Fatal(err)
		}
		rs = append(rs, r)
	}
	var ms []Member
	for i := range 400 {
		m := Member{QQ: fmt.Sprint(100000 + i), Nickname: fmt.Sprint("成员", i)}
		if err := s.SaveMember(&m); err != nil {
			b.Fatal(err)
		}
		ms = append(ms, m)
	}
	cats, _ := s.Categories()
	rnd := rand.New(rand.NewPCG(5, 6))
	for i := range 2000 {
		d := SwapDraft{MemberID: ms[rnd.IntN(len(ms))].ID, Days: 30,
			HasText: fmt.Sprint("物品", rnd.IntN(300)), WantText: fmt.Sprint("物品", rnd.IntN(300))}
		if i%4 == 0 {
			d.HasResourceID, d.HasText = &rs[rnd.IntN(len(rs))].ID, ""
		}
		if i%4 == 1 {
			d.WantResourceID, d.WantText = &rs[rnd.IntN(len(rs))].ID, ""
		}
		if i%10 == 3 {
			d.WantCategoryID, d.WantText = &cats[rnd.IntN(len(cats))].ID, ""
		}
		if _, err := s.AddSwapListing(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		ss, err := s.SwapSuggestions(0)
		if err != nil {
			b.Fatal(err)
		}
		n = len(ss)
	}
	b.ReportMetric(float64(n), "suggestions")
}
