package data

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// openWithClock opens a fresh store whose clock reads *now, so a test can move it.
func openWithClock(t *testing.T, now *time.Time) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), DatabaseFile), WithClock(func() time.Time { return *now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// newAgendaResource builds an on-sale, unlimited resource in 游戏类 and lets change set
// what the case is about.
func newAgendaResource(name string, change func(r *Resource)) *Resource {
	r := &Resource{Name: name, Category: Category{Name: "游戏类"}, PriceCents: 600, Status: StatusOnSale, Unlimited: true}
	if change != nil {
		change(r)
	}
	return r
}

func at(t time.Time) *time.Time { return &t }

func counted(stock int) func(*Resource) {
	return func(r *Resource) { r.Unlimited, r.Stock = false, stock }
}

func TestAgendaResourceLines(t *testing.T) {
	now := testNow
	tests := []struct {
		name                     string
		change                   func(r *Resource)
		expiring, soldOut, lowOn bool
	}{
		{name: "plain, unlimited", change: nil},
		{name: "ends in 2 days", change: func(r *Resource) { r.ValidUntil = at(now.Add(48 * time.Hour)) }, expiring: true},
		{name: "ends in exactly 3 days", change: func(r *Resource) { r.ValidUntil = at(now.Add(ExpiringWithin)) }, expiring: true},
		{name: "ends in 3 days and a minute", change: func(r *Resource) { r.ValidUntil = at(now.Add(ExpiringWithin + time.Minute)) }},
		{name: "ends in 4 days", change: func(r *Resource) { r.ValidUntil = at(now.Add(96 * time.Hour)) }},
		{name: "ended an hour ago", change: func(r *Resource) { r.ValidUntil = at(now.Add(-time.Hour)) }},
		{name: "ends in 2 days, not started", change: func(r *Resource) {
			r.ValidFrom, r.ValidUntil = at(now.Add(time.Hour)), at(now.Add(48*time.Hour))
		}},
		{name: "ends in 2 days, 下架", change: func(r *Resource) {
			r.ValidUntil, r.Status = at(now.Add(48*time.Hour)), StatusOffShelf
		}},
		{name: "ends in 2 days, 售罄", change: func(r *Resource) {
			r.ValidUntil, r.Status = at(now.Add(48*time.Hour)), StatusSoldOut
		}, soldOut: true},
		{name: "status 售罄, unlimited", change: func(r *Resource) { r.Status = StatusSoldOut }, soldOut: true},
		{name: "counted, none left", change: counted(0), soldOut: true},
		{name: "counted, none left, 下架", change: func(r *Resource) { counted(0)(r); r.Status = StatusOffShelf }},
		{name: "counted, none left, 失效", change: func(r *Resource) { counted(0)(r); r.Status = StatusInvalid }},
		{name: "counted, none left, expired", change: func(r *Resource) { counted(0)(r); r.ValidUntil = at(now.Add(-time.Hour)) }},
		{name: "counted, 1 left", change: counted(1), lowOn: true},
		{name: "counted, 4 left", change: counted(4), lowOn: true},
		{name: "counted, 5 left (the line)", change: counted(5)},
		{name: "counted, 200 left", change: counted(200)},
		{name: "unlimited with a stale count of 2", change: func(r *Resource) { r.Stock = 2 }},
		{name: "counted, 2 left, 下架", change: func(r *Resource) { counted(2)(r); r.Status = StatusOffShelf }},
		{name: "counted, 2 left, 失效", change: func(r *Resource) { counted(2)(r); r.Status = StatusInvalid }},
		{name: "counted, 2 left, not started", change: func(r *Resource) { counted(2)(r); r.ValidFrom = at(now.Add(time.Hour)) }},
		{name: "counted, 2 left, ends tomorrow", change: func(r *Resource) {
			counted(2)(r)
			r.ValidUntil = at(now.Add(24 * time.Hour))
		}, expiring: true, lowOn: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openWithClock(t, &now)
			r := newAgendaResource("王者荣耀点券 60元", tt.change)
			if err := s.SaveResource(r); err != nil {
				t.Fatal(err)
			}
			a, err := s.Agenda(0, now, cst)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range []struct {
				name string
				got  AgendaLine
				want bool
			}{{"Expiring", a.Expiring, tt.expiring}, {"SoldOut", a.SoldOut, tt.soldOut}, {"LowStock", a.LowStock, tt.lowOn}} {
				want := AgendaLine{}
				if line.want {
					want = AgendaLine{Count: 1, Names: []string{r.Name}, IDs: []uint{r.ID}}
				}
				if line.got.Count != want.Count || !slices.Equal(line.got.Names, want.Names) || !slices.Equal(line.got.IDs, want.IDs) {
					t.Errorf("%s = %+v, want %+v", line.name, line.got, want)
				}
			}
			if a.LowStockThreshold != DefaultLowStockThreshold {
				t.Errorf("threshold %d", a.LowStockThreshold)
			}
		})
	}
}

// The low-stock line follows the owner's setting, and each line names five resources
// in the catalog's order while counting them all.
func TestAgendaLinesOrderAndThreshold(t *testing.T) {
	now := testNow
	s := openWithClock(t, &now)
	cs, err := s.Categories()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MoveCategory(cs[3].ID, -3); err != nil { // 话费类 and 游戏类 change places
		t.Fatal(err)
	}
	add := func(name, category string, stock int) {
		r := newAgendaResource(name, counted(stock))
		r.Category.Name = category
		if err := s.SaveResource(r); err != nil {
			t.Fatal(err)
		}
	}
	add("王者荣耀点券 648元", "游戏类", 3)
	add("王者荣耀点券 6元", "游戏类", 3)
	add("王者荣耀点券 30元", "游戏类", 3)
	add("腾讯视频VIP月卡", "影音类", 3)
	add("移动话费 100元", "话费类", 3)
	add("移动话费 20元", "话费类", 3)
	add("瑞幸咖啡券", "生活类", 8)

	tests := []struct {
		threshold int
		count     int
	}{
		{DefaultLowStockThreshold, 6},
		{3, 0},
		{9, 7},
		{4, 6},
	}
	for _, tt := range tests {
		if err := s.SetLowStockThreshold(tt.threshold); err != nil {
			t.Fatal(err)
		}
		a, err := s.Agenda(0, now, cst)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := s.Resources() // the catalog's own order
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, r := range rs {
			if r.Stock < tt.threshold && len(want) < AgendaLineLength {
				want = append(want, r.Name)
			}
		}
		if a.LowStockThreshold != tt.threshold || a.LowStock.Count != tt.count || !slices.Equal(a.LowStock.Names, want) ||
			len(a.LowStock.IDs) != len(want) {
			t.Errorf("threshold %d: %+v, want %d named %q", tt.threshold, a.LowStock, tt.count, want)
		}
	}
	// Spelled out once: categories in the owner's order, numbers read as numbers.
	a, _ := s.Agenda(0, now, cst)
	if got := fmt.Sprint(a.LowStock.Names); got != "[移动话费 20元 移动话费 100元 腾讯视频VIP月卡 王者荣耀点券 6元 王者荣耀点券 30元]" {
		t.Errorf("names in order %s", got)
	}
}

func TestAgendaIndexPostToday(t *testing.T) {
	// 16:30 UTC on the 26th is 00:30 on the 27th in China: a post at 15:50 UTC was
	// made yesterday there, one at 16:10 UTC today.
	now := time.Date(2026, 11, 26, 16, 30, 0, 0, time.UTC)
	yesterdayCST := time.Date(2026, 11, 26, 15, 50, 0, 0, time.UTC)
	todayCST := time.Date(2026, 11, 26, 16, 10, 0, 0, time.UTC)
	type post struct {
		at    time.Time
		kind  PostKind
		other bool // for the other group
	}
	tests := []struct {
		name  string
		posts []post
		loc   *time.Location
		want  bool
	}{
		{"no post", nil, cst, false},
		{"yesterday in UTC+8", []post{{at: yesterdayCST, kind: PostIndex}}, cst, false},
		{"today in UTC+8", []post{{at: todayCST, kind: PostIndex}}, cst, true},
		{"at midnight in UTC+8", []post{{at: time.Date(2026, 11, 26, 16, 0, 0, 0, time.UTC), kind: PostIndex}}, cst, true},
		{"a second before midnight in UTC+8", []post{{at: time.Date(2026, 11, 26, 15, 59, 59, 0, time.UTC), kind: PostIndex}}, cst, false},
		{"yesterday in UTC+8 is today in UTC", []post{{at: yesterdayCST, kind: PostIndex}}, time.UTC, true},
		{"yesterday and today", []post{{at: yesterdayCST, kind: PostIndex}, {at: todayCST, kind: PostIndex}}, cst, true},
		{"today, but 上新", []post{{at: todayCST, kind: PostNewStock}}, cst, false},
		{"today, other group", []post{{at: todayCST, kind: PostIndex, other: true}}, cst, false},
		{"index yesterday, 上新 today", []post{{at: yesterdayCST, kind: PostIndex}, {at: todayCST, kind: PostNewStock}}, cst, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := now
			s := openWithClock(t, &clock)
			g, other := Group{Name: "甲群", Number: "10001"}, Group{Name: "乙群", Number: "10002"}
			if err := s.SaveGroup(&g); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveGroup(&other); err != nil {
				t.Fatal(err)
			}
			for i, p := range tt.posts {
				clock = p.at
				id := g.ID
				if p.other {
					id = other.ID
				}
				if err := s.RecordPost(&Post{GroupID: &id, Kind: p.kind, Body: fmt.Sprint("第", i, "条")}, nil); err != nil {
					t.Fatal(err)
				}
			}
			a, err := s.Agenda(g.ID, now, tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			if a.IndexPostToday != tt.want {
				t.Errorf("IndexPostToday = %v, want %v", a.IndexPostToday, tt.want)
			}
		})
	}
}

func TestAgendaBackupDue(t *testing.T) {
	now := testNow
	tests := []struct {
		name   string
		before []time.Duration // backups taken this long before now
		want   bool
	}{
		{"never", nil, true},
		{"6 days ago", []time.Duration{6 * 24 * time.Hour}, false},
		{"exactly 7 days ago", []time.Duration{BackupDueAfter}, false},
		{"8 days ago", []time.Duration{8 * 24 * time.Hour}, true},
		{"8 days ago, then an hour ago", []time.Duration{8 * 24 * time.Hour, time.Hour}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := now
			s := openWithClock(t, &clock)
			var last time.Time
			for i, d := range tt.before {
				clock = now.Add(-d)
				if err := s.Backup(filepath.Join(t.TempDir(), fmt.Sprintf("%d.db", i))); err != nil {
					t.Fatal(err)
				}
				last = clock
			}
			a, err := s.Agenda(0, now, cst)
			if err != nil {
				t.Fatal(err)
			}
			if a.BackupDue != tt.want || !a.LastBackup.Equal(last) || a.LastBackup.IsZero() != last.IsZero() {
				t.Errorf("BackupDue %v, LastBackup %v; want %v, %v", a.BackupDue, a.LastBackup, tt.want, last)
			}
		})
	}
}
