package data

import (
	"fmt"
	"testing"
)

// BenchmarkDemandWeights (about 5 ms) reads the weights of 300 closed polls of 6 options each, every
// option naming a category or one of 60 resources.
func BenchmarkDemandWeights(b *testing.B) {
	s := newTestStore(b)
	g := Group{Name: "群", Number: "12345678"}
	if err := s.SaveGroup(&g); err != nil {
		b.Fatal(err)
	}
	cats, _ := s.Categories()
	var res []uint
	for i := range 60 {
		r := Resource{Name: fmt.Sprintf("资源%d", i), CategoryID: cats[i%len(cats)].ID, Category: cats[i%len(cats)], Status: StatusOnSale}
		if err := s.SaveResource(&r); err != nil {
			b.Fatal(err)
		}
		res = append(res, r.ID)
	}
	for i := range 300 {
		var ops []PollOptionDraft
		for k := range 6 {
			o := PollOptionDraft{Label: fmt.Sprintf("选项%d", k)}
			if k < 2 {
				o.CategoryID = &cats[(i+k)%len(cats)].ID
			} else {
				o.ResourceID = &res[(i*4+k)%len(res)]
			}
			ops = append(ops, o)
		}
		p, err := s.CreatePoll(g.ID, PollDraft{Question: "q", ClosesAt: "2026-12-05", Options: ops}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.RecordPollCounts(p.ID, []string{"1", "2", "3", "4", "5", "6"}); err != nil {
			b.Fatal(err)
		}
		if err := s.ClosePoll(p.ID); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		ws, err := s.DemandWeights(g.ID)
		if err != nil || len(ws) != len(cats)+len(res) {
			b.Fatalf("%d weights, %v", len(ws), err)
		}
	}
}
