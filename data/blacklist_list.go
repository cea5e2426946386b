package data

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"gorm.io/gorm"

	"github.com/qunhuo/qunhuo/data/reliability"
)

// BlacklistEntry is one resource on the blacklist with the move that put it there.
type BlacklistEntry struct {
	Resource Resource      // with category and supplier
	Mark     ResourceEvent // the latest 标为失效; a resource marked before history was kept has none (Mark.ID 0, At its last change)
}

// BlacklistFilter narrows the blacklist; zero values match all.
type BlacklistFilter struct {
	SupplierID uint          // resources of this supplier
	NoSupplier bool          // resources with no supplier recorded
	Reason     InvalidReason // marked for this reason
}

// Blacklist lists the resources 失效 now, the newest marked first, narrowed by f. It
// reads the invalid resources and their marks only, not the whole catalog.
func (s *Store) Blacklist(f BlacklistFilter) ([]BlacklistEntry, error) {
	var out []BlacklistEntry
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var rs []Resource
		q := tx.Preload("Category").Preload("Supplier").Where("status = ?", StatusInvalid)
		switch {
		case f.NoSupplier:
			q = q.Where("supplier_id IS NULL")
		case f.SupplierID != 0:
			q = q.Where("supplier_id = ?", f.SupplierID)
		}
		if err := q.Find(&rs).Error; err != nil {
			return err
		}
		marks, err := latestMarks(tx, rs)
		if err != nil {
			return err
		}
		for _, r := range rs {
			m, ok := marks[r.ID]
			if !ok {
				m = ResourceEvent{ResourceID: r.ID, Kind: EventInvalid, At: r.UpdatedAt}
			}
			if f.Reason != "" && m.Reason != f.Reason {
				continue
			}
			out = append(out, BlacklistEntry{Resource: r, Mark: m})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("blacklist: %w", err)
	}
	slices.SortStableFunc(out, func(a, b BlacklistEntry) int {
		if c := b.Mark.At.Compare(a.Mark.At); c != 0 {
			return c
		}
		return cmp.Compare(b.Resource.ID, a.Resource.ID)
	})
	return out, nil
}

// latestMarks is the latest 标为失效 of each of rs, by resource id.
func latestMarks(tx *gorm.DB, rs []Resource) (map[uint]ResourceEvent, error) {
	marks := make(map[uint]ResourceEvent, len(rs))
	for chunk := range slices.Chunk(rs, bulkChunk) {
		ids := make([]uint, len(chunk))
		for i, r := range chunk {
			ids[i] = r.ID
		}
		var evs []ResourceEvent
		if err := tx.Where("resource_id IN ? AND kind = ?", ids, EventInvalid).Order("at, id").Find(&evs).Error; err != nil {
			return nil, err
		}
		for _, e := range evs {
			marks[e.ResourceID] = e // oldest first, so the latest stays
		}
	}
	return marks, nil
}

// HistoryRow is one blacklist move with the resource it moved, for the export.
type HistoryRow struct {
	ResourceEvent
	ResourceName string
	SupplierName string
}

// BlacklistHistory is every blacklist move of every resource, oldest first.
func (s *Store) BlacklistHistory() ([]HistoryRow, error) {
	var evs []ResourceEvent
	err := s.db.Preload("Resource").Preload("Resource.Supplier").Order("at, id").Find(&evs).Error
	if err != nil {
		return nil, fmt.Errorf("blacklist history: %w", err)
	}
	out := make([]HistoryRow, len(evs))
	for i, e := range evs {
		out[i] = HistoryRow{ResourceEvent: e}
		if e.Resource != nil {
			out[i].ResourceName, out[i].SupplierName = e.Resource.Name, e.Resource.SupplierName()
			out[i].Resource = nil
		}
	}
	return out, nil
}

// SupplierReliability counts, for every supplier, its resources, how many of them
// were ever marked 失效 (taken off the list again or not: the card failed once), and
// when one last was; by name in dictionary order. reliability decides what the counts
// mean.
func (s *Store) SupplierReliability() ([]reliability.Record, error) {
	var out []reliability.Record
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var sups []Supplier
		if err := tx.Find(&sups).Error; err != nil {
			return err
		}
		type count struct {
			SupplierID uint
			N          int
		}
		var totals []count
		if err := tx.Model(&Resource{}).Select("supplier_id, COUNT(*) AS n").
			Where("supplier_id IS NOT NULL").Group("supplier_id").Scan(&totals).Error; err != nil {
			return err
		}
		// A resource went bad when it has a mark, or is 失效 from before marks were kept.
		type bad struct {
			ID, SupplierID uint
			Status         ResourceStatus
			UpdatedAt      time.Time
		}
		var bads []bad
		marked := tx.Model(&ResourceEvent{}).Select("resource_id").Where("kind = ?", EventInvalid)
		if err := tx.Model(&Resource{}).Select("id, supplier_id, status, updated_at").
			Where("supplier_id IS NOT NULL AND (status = ? OR id IN (?))", StatusInvalid, marked).
			Scan(&bads).Error; err != nil {
			return err
		}
		var evs []ResourceEvent
		if err := tx.Select("resource_id, at").Where("kind = ?", EventInvalid).Find(&evs).Error; err != nil {
			return err
		}
		last := map[uint]time.Time{}
		for _, e := range evs {
			if e.At.After(last[e.ResourceID]) {
				last[e.ResourceID] = e.At
			}
		}
		recs := make(map[uint]*reliability.Record, len(sups))
		for _, sp := range sups {
			recs[sp.ID] = &reliability.Record{SupplierID: sp.ID, Name: sp.Name}
		}
		for _, t := range totals {
			if r := recs[t.SupplierID]; r != nil {
				r.Resources = t.N
			}
		}
		for _, b := range bads {
			r := recs[b.SupplierID]
			if r == nil {
				continue
			}
			r.Invalid++
			at, ok := last[b.ID]
			if !ok {
				at = b.UpdatedAt.UTC()
			}
			if r.LastIncident == nil || at.After(*r.LastIncident) {
				r.LastIncident = &at
			}
		}
		out = make([]reliability.Record, 0, len(sups))
		for _, sp := range sups {
			out = append(out, *recs[sp.ID])
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("supplier reliability: %w", err)
	}
	SortByName(out, func(r *reliability.Record) string { return r.Name }, nil)
	return out, nil
}

// settingSupplierWarn keeps the invalid rate, in percent, above which adding a
// resource from a supplier shows a warning.
const settingSupplierWarn = "supplier_warn_percent"

// SupplierWarnPercent is the owner's line for warning about a supplier:
// reliability.DefaultPercent until set.
func (s *Store) SupplierWarnPercent() (int, error) {
	v, ok, err := getSetting(s.db, settingSupplierWarn)
	if err != nil || !ok {
		return reliability.DefaultPercent, err
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return reliability.DefaultPercent, fmt.Errorf("setting %s = %q: %w", settingSupplierWarn, v, err)
	}
	return n, nil
}

// SetSupplierWarnPercent sets that line; one outside 1 to 100 is refused at the field
// supplier_warn_percent.
func (s *Store) SetSupplierWarnPercent(n int) error {
	if !reliability.CheckPercent(n) {
		return ValidationError{{Field: "supplier_warn_percent",
			Message: fmt.Sprintf("失效率提醒线须在 %d%% 到 %d%% 之间，请重新填写", reliability.MinPercent, reliability.MaxPercent)}}
	}
	return setSetting(s.db, settingSupplierWarn, strconv.Itoa(n))
}
