package data

import (
	"cmp"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// What the 今日 home screen counts as waiting for the owner.
const (
	ExpiringWithin   = 3 * 24 * time.Hour // a 限时 resource ending this soon is 即将到期
	BackupDueAfter   = 7 * 24 * time.Hour // no backup for this long is 该备份了
	AgendaLineLength = 5                  // names shown per agenda line
)

// Agenda is what waits for the owner today, for the 今日 home screen.
type Agenda struct {
	Expiring          AgendaLine // on sale now, 限时 ValidUntil within ExpiringWithin (not yet past)
	SoldOut           AgendaLine // StateAt(now) == StateSoldOut: status 售罄, or counted stock <= 0 while on sale
	LowStock          AgendaLine // on sale, counted (not Unlimited), 0 < Stock < LowStockThreshold
	LowStockThreshold int
	IndexPostToday    bool       // a 资源索引表 post (PostIndex) was recorded for the group since local midnight
	LastBackup        time.Time  // UTC; zero when never backed up
	BackupDue         bool       // never backed up, or not for BackupDueAfter
	AutoBackupFailed  time.Time  // UTC; when the last automatic backup failed, zero when it did not
	AutoBackupError   string     // why it failed (for the log, not the owner)
	UrgentTickets     AgendaLine // 售后工单 waiting for a first response, overdue or due within sla.WarnBefore; Names are "member（category，time left）"
	Requests          AgendaRequests
	OverdueTrades     AgendaLine  // 担保交易 past their deadline, the longest overdue first; Names are "#12 item（等卖家交付）", IDs the trades'
	UnpostedInvalid   AgendaLine  // 失效 resources no 失效资源公示 of the group named since they were marked, newest first
	Rules             AgendaRules // the group's newest 群规 and whether its 群规公告 was copied since
	PollsToClose      AgendaLine  // 投票 past their close time and not closed, the longest overdue first; IDs the polls' (poll_today.go)
	NewSwapMatches    int         // 置换区 suggestions the owner has not seen yet (swap_store.go)
	BoxesDue          AgendaLine  // 资源盲盒 to close or to draw, IDs the boxes' (blindbox_today.go)
	OverdueShares     AgendaLine  // 资源盲盒 winners whose share is overdue, IDs the boxes' (blindbox_today.go)
	Talent            TalentDue   // last month's 资源达人 to confirm, in the first days of a month (talent_today.go)
	RedemptionsToGive AgendaLine  // 兑换 waiting to be handed out (待发放), oldest first, IDs the redemptions' (redemption_today.go)
	SessionsSoon      AgendaLine  // 分享会 not yet held starting today or tomorrow, IDs the sessions' (session_today.go)
	SessionsUnpaid    AgendaLine  // 分享会 ended whose speaker or attendees have no points yet, IDs the sessions' (session_today.go)

	// Insight is this week's 互动率 against last week's and the silent members (insight_today.go).
	Insight AgendaInsight
}

// AgendaLine counts resources and names the first few, at most AgendaLineLength, in
// the catalog's order (category, then name read naturally: 6元 < 30元).
type AgendaLine struct {
	Count int
	Names []string
	IDs   []uint // of the resources named, in the same order
}

// agendaResource is the part of a resource the agenda reads.
type agendaResource struct {
	Resource
	position int // of its category
}

// Agenda gathers the home screen's counts for a group at now, "today" being the day
// in loc (nil: the computer's zone). The catalog is the same for every group; only the
// index post is the group's own. It reads one snapshot: about 35 ms on the reference
// catalog (BenchmarkAgenda).
func (s *Store) Agenda(groupID uint, now time.Time, loc *time.Location) (Agenda, error) {
	if loc == nil {
		loc = time.Local
	}
	var a Agenda
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		if a.LowStockThreshold, err = lowStockThreshold(tx); err != nil {
			return err
		}
		if err := agendaResources(tx, &a, now); err != nil {
			return err
		}
		if a.IndexPostToday, err = indexPostSince(tx, groupID, localMidnight(now, loc)); err != nil {
			return err
		}
		at, ok, err := lastBackupAt(tx)
		if err != nil {
			return err
		}
		if ok {
			a.LastBackup = at
		}
		a.BackupDue = !ok || now.Sub(at) > BackupDueAfter
		failedAt, why, failed, err := lastAutoBackupFailure(tx)
		if err != nil {
			return err
		}
		if failed {
			a.AutoBackupFailed, a.AutoBackupError = failedAt, why
		}
		if a.UrgentTickets, err = urgentTickets(tx, groupID, now); err != nil {
			return err
		}
		if a.OverdueTrades, err = overdueTradesLine(tx, groupID, now); err != nil {
			return err
		}
		if a.Rules, err = rulesAgenda(tx, groupID); err != nil {
			return err
		}
		if a.PollsToClose, err = pollsToCloseLine(tx, groupID, now); err != nil {
			return err
		}
		if a.BoxesDue, err = boxesDueLine(tx, groupID, now); err != nil {
			return err
		}
		if a.OverdueShares, err = overdueSharesLine(tx, groupID, now); err != nil {
			return err
		}
		if a.RedemptionsToGive, err = redemptionsToGiveLine(tx, groupID); err != nil {
			return err
		}
		if a.SessionsSoon, err = sessionsSoonLine(tx, groupID, now, loc); err != nil {
			return err
		}
		if a.SessionsUnpaid, err = sessionsUnpaidLine(tx, groupID); err != nil {
			return err
		}
		if a.Insight, err = agendaInsight(s, tx, groupID, now); err != nil {
			return err
		}
		if a.Talent, err = talentDue(tx, groupID, now, loc); err != nil {
			return err
		}
		a.UnpostedInvalid, err = unpostedInvalid(tx, groupID)
		return err
	})
	if err != nil {
		return Agenda{}, fmt.Errorf("agenda: %w", err)
	}
	if err := s.agendaRequests(&a, groupID, now); err != nil {
		return Agenda{}, fmt.Errorf("agenda: %w", err)
	}
	if a.NewSwapMatches, err = s.NewSwapMatches(groupID); err != nil {
		return Agenda{}, fmt.Errorf("agenda: %w", err)
	}
	return a, nil
}

// agendaResources fills the three resource lines. The query only narrows the catalog
// to rows that may be on a line (about 3,700 of BigDemo's 20,000); StateAt and Needs
// decide, as in the catalog's filters, so a count and the list it opens agree. The status is left to StateAt on purpose: with it in the query,
// SQLite walks the status index to 18,000 on-sale rows one lookup at a time, which is
// no faster than this one sequential scan warm, and slower cold.
func agendaResources(tx *gorm.DB, a *Agenda, now time.Time) error {
	var cs []Category
	if err := tx.Find(&cs).Error; err != nil {
		return err
	}
	positions := make(map[uint]int, len(cs))
	for _, c := range cs {
		positions[c.ID] = c.Position
	}
	rows, err := tx.Model(&Resource{}).
		Select("id", "name", "category_id", "stock", "unlimited", "valid_from", "valid_until", "status").
		Where("status = ? OR valid_until IS NOT NULL OR (unlimited = ? AND stock < ?)", StatusSoldOut, false, a.LowStockThreshold).
		Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	var expiring, soldOut, low []agendaResource
	for rows.Next() {
		var r agendaResource
		if err := rows.Scan(&r.ID, &r.Name, &r.CategoryID, &r.Stock, &r.Unlimited, &r.ValidFrom, &r.ValidUntil, &r.Status); err != nil {
			return err
		}
		r.position = positions[r.CategoryID]
		switch {
		case r.StateAt(now) == StateSoldOut:
			soldOut = append(soldOut, r)
		case r.Needs(AttentionExpiring, now, a.LowStockThreshold):
			expiring = append(expiring, r)
		}
		if r.Needs(AttentionLowStock, now, a.LowStockThreshold) {
			low = append(low, r)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	a.Expiring, a.SoldOut, a.LowStock = agendaLine(expiring), agendaLine(soldOut), agendaLine(low)
	return nil
}

// agendaLine counts rs and names the first AgendaLineLength in the catalog's order.
func agendaLine(rs []agendaResource) AgendaLine {
	SortByName(rs, func(r *agendaResource) string { return r.Name }, func(a, b *agendaResource) int {
		if c := cmp.Compare(a.position, b.position); c != 0 {
			return c
		}
		return cmp.Compare(a.CategoryID, b.CategoryID)
	})
	line := AgendaLine{Count: len(rs)}
	for _, r := range rs[:min(len(rs), AgendaLineLength)] {
		line.Names = append(line.Names, r.Name)
		line.IDs = append(line.IDs, r.ID)
	}
	return line
}

// localMidnight is the start of now's day in loc.
func localMidnight(now time.Time, loc *time.Location) time.Time {
	t := now.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

// indexPostSince reports whether an index post was recorded for the group at or after
// since. It compares times in Go: the newest of a group's few index posts is one row.
func indexPostSince(tx *gorm.DB, groupID uint, since time.Time) (bool, error) {
	if groupID == 0 {
		return false, nil
	}
	var last Post
	err := tx.Select("id", "created_at").Where("group_id = ? AND kind = ?", groupID, PostIndex).
		Order("created_at DESC").Order("id DESC").Limit(1).Find(&last).Error
	if err != nil {
		return false, err
	}
	return last.ID != 0 && !last.CreatedAt.Before(since), nil
}
