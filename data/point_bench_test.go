package data

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// pointBenchLedger opens a big group's ledger: 3,000 members in one group and 200,000
// entries over the twelve months up to now (about 17,000 in this month), with the
// balances they add up to. It is built once per machine and schema under the temp
// folder (under its own name first, renamed when complete), and only read.
func pointBenchLedger(b *testing.B, members, entries int) (*Store, Group) {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("qunhuo-points1-%s-m%d-e%d.db", SchemaVersion(), members, entries))
	if _, err := os.Stat(path); err != nil {
		tmp := fmt.Sprintf("%s.%d.building", path, os.Getpid())
		if err := fillPointBench(tmp, members, entries); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Open(path, WithClock(func() time.Time { return testNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	gs, err := s.Groups()
	if err != nil || len(gs) != 1 {
		b.Fatal(gs, err)
	}
	return s, gs[0]
}

// fillPointBench writes the ledger of pointBenchLedger with batch inserts in one
// transaction: through AddPoints one by one it would take minutes.
func fillPointBench(path string, members, entries int) error {
	s, err := Open(path, WithClock(func() time.Time { return testNow }))
	if err != nil {
		return err
	}
	defer func() { _ = s.Close() }()
	g := Group{Name: "星河卡盟", Number: "812345678"}
	if err := s.SaveGroup(&g); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(3000, 200000))
	err = s.db.Transaction(func(tx *gorm.DB) error {
		ms := make([]Member, members)
		for i := range ms {
			ms[i] = Member{QQ: fmt.Sprint(100000000 + i), Nickname: fmt.Sprint("群友", i), SearchKey: fmt.Sprint(100000000+i, " 群友", i)}
		}
		if err := tx.Omit(clause.Associations).CreateInBatches(&ms, bulkChunk).Error; err != nil {
			return err
		}
		seats := make([]Membership, members)
		for i, m := range ms {
			seats[i] = Membership{MemberID: m.ID, GroupID: g.ID, Role: RoleMember}
		}
		if err := tx.CreateInBatches(&seats, bulkChunk).Error; err != nil {
			return err
		}
		balance := make(map[uint]int64, members)
		es := make([]PointEntry, 0, bulkChunk)
		flush := func() error {
			err := tx.Omit("Member").CreateInBatches(&es, bulkChunk).Error
			es = es[:0]
			return err
		}
		year := testNow.Sub(testNow.AddDate(-1, 0, 0))
		for i := range entries {
			// A few busy members earn most, as in a real group.
			m := ms[int(float64(members)*rng.Float64()*rng.Float64())]
			r := points.Awards[rng.IntN(len(points.Awards)-1)]
			es = append(es, PointEntry{MemberID: m.ID, GroupID: &g.ID, Amount: r.DefaultAmount(), Reason: r,
				ByName: "群主", At: testNow.Add(-time.Duration(rng.Int64N(int64(year))))})
			balance[m.ID] += r.DefaultAmount()
			if len(es) == bulkChunk || i == entries-1 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		bs := make([]PointBalance, 0, len(balance))
		for id, n := range balance {
			bs = append(bs, PointBalance{MemberID: id, Balance: n, Earned: n, UpdatedAt: testNow})
		}
		return tx.CreateInBatches(&bs, bulkChunk).Error
	})
	if err != nil {
		return err
	}
	return s.Close()
}

// BenchmarkPointLeaderboard: the current group's leaderboards over 200,000 ledger rows
// and 3,000 members (the reference size; target under 50 ms each), and the first page
// of the ledger list.
func BenchmarkPointLeaderboard(b *testing.B) {
	s, g := pointBenchLedger(b, 3000, 200000)
	b.Run("month", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			if board, err := s.PointLeaderboard(g.ID, true, time.UTC, 0); err != nil || len(board.Ranks) == 0 {
				b.Fatal(len(board.Ranks), err)
			}
		}
	})
	b.Run("all time", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			if board, err := s.PointLeaderboard(g.ID, false, time.UTC, 0); err != nil || len(board.Ranks) == 0 {
				b.Fatal(len(board.Ranks), err)
			}
		}
	})
	b.Run("ledger page", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			if ls, _, err := s.PointEntries(PointFilter{GroupID: g.ID}); err != nil || len(ls) != DefaultPointLimit {
				b.Fatal(len(ls), err)
			}
		}
	})
	b.Run("ledger search", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			if _, _, err := s.PointEntries(PointFilter{GroupID: g.ID, Search: "群友12"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// reportCPU adds the process's CPU time per operation to a benchmark's report
// (cpu-ms/op): on a machine busy with other work the wall time measures the others.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}
