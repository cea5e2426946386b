package data

import (
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
)

// spendConcurrently has spenders goroutines each take 7 points from member at once,
// spread over stores, each retrying a write that lost a race (a busy database, a
// balance changed meanwhile) until it is written or refused for too few points. It
// returns how many were written and how many refused.
func spendConcurrently(t *testing.T, stores []*Store, member uint, spenders int) (written, refused int64) {
	t.Helper()
	var wg sync.WaitGroup
	var w, r, retries atomic.Int64
	start := make(chan struct{})
	for i := range spenders {
		s := stores[i%len(stores)]
		wg.Go(func() {
			<-start
			for try := 0; ; try++ {
				_, err := s.AddPoints(PointDraft{MemberID: member, Reason: points.Other, Amount: -7, Note: "并发扣分"})
				switch {
				case err == nil:
					w.Add(1)
					return
				case isRefusalAt(err, "amount"):
					r.Add(1)
					return
				case try == 100:
					t.Errorf("spender %d: still failing after %d tries: %v", i, try, err)
					return
				}
				retries.Add(1)
				time.Sleep(time.Duration(1+try%5) * time.Millisecond)
			}
		})
	}
	close(start)
	wg.Wait()
	t.Logf("%d stores: %d writes lost a race and were tried again", len(stores), retries.Load())
	return w.Load(), r.Load()
}

// Many goroutines spending from one member at once never overdraw: of 40 spends of 7
// from 100 points exactly 14 are written and the rest refused, the balance ends at 2,
// and it equals the ledger's sum — on one store, and on two stores opened on the same
// file (two windows of the app, or the later team mode's two clients).
func TestConcurrentSpendsCannotOverdraw(t *testing.T) {
	for _, n := range []int{1, 2} {
		t.Run(map[int]string{1: "one store", 2: "two stores on one file"}[n], func(t *testing.T) {
			path := filepath.Join(t.TempDir(), DatabaseFile)
			var stores []*Store
			for range n {
				s, err := Open(path, WithClock(func() time.Time { return testNow }))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = s.Close() })
				stores = append(stores, s)
			}
			s := stores[0]
			m := saveMemberDraft(t, s, MemberDraft{QQ: "10001", Nickname: "小明"})
			if _, err := s.AddPoints(PointDraft{MemberID: m.ID, Reason: points.Speak, Amount: 100, Note: "主讲了三场"}); err != nil {
				t.Fatal(err)
			}
			written, refused := spendConcurrently(t, stores, m.ID, 40)
			if written != 14 || refused != 26 {
				t.Errorf("%d spends written, %d refused; want 14 and 26", written, refused)
			}
			for _, st := range stores {
				b, err := st.PointBalance(m.ID)
				if err != nil || b.Balance != 2 || b.Earned != 100-7*written {
					t.Errorf("balance %+v, %v; want 2", b, err)
				}
			}
			if mm, err := s.CheckPointBalances(); err != nil || len(mm) > 0 {
				t.Errorf("balances differ from the ledger: %+v, %v", mm, err)
			}
			var sum int64
			if err := s.db.Model(&PointEntry{}).Where("member_id = ?", m.ID).Select("COALESCE(SUM(amount), 0)").Scan(&sum).Error; err != nil || sum != 2 {
				t.Errorf("ledger sum %d, %v; want 2", sum, err)
			}
		})
	}
}
