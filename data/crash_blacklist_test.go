package data_test

import (
	"fmt"

	"github.com/qunhuo/qunhuo/data"
	"gorm.io/gorm"
)

// writeBlacklist moves one of the child's resources onto the blacklist or off it,
// whichever it is not: the status and the history entry are two writes in one
// transaction. The entry's note is the unit's key.
func writeBlacklist(c *crashChild, u *crashUnit) error {
	if len(c.resources) == 0 {
		r := &data.Resource{Name: "bl-" + u.Key, Category: data.Category{Name: "游戏类"}, Status: data.StatusOnSale, Unlimited: true}
		if err := c.s.SaveResource(r); err != nil {
			return err
		}
		c.resources = append(c.resources, r.ID)
	}
	id := c.resources[u.Seq%len(c.resources)]
	r, err := c.s.Resource(id)
	if err != nil {
		return err
	}
	if r.Status == data.StatusInvalid {
		return c.s.RestoreResource(id, data.StatusOnSale, u.Key)
	}
	return c.s.MarkInvalid(id, data.InvalidMark{Reason: "卡密无效", Evidence: u.Key})
}

// presentBlacklist finds the unit's move by its note.
func presentBlacklist(db *gorm.DB, u crashUnit) error {
	var n int64
	if err := db.Table("resource_events").Where("note = ?", u.Key).Count(&n).Error; err != nil {
		return err
	}
	if n != 1 {
		return fmt.Errorf("blacklist move %s: %d entries, want 1", u.Key, n)
	}
	return nil
}

// checkBlacklist: a resource is 失效 exactly when its latest blacklist move put it
// there. A status without its move, or a move without its status, is half a save.
func checkBlacklist(db *gorm.DB) ([]string, error) {
	var rows []struct {
		ID     uint
		Status string
		Last   string
	}
	err := db.Raw(`SELECT r.id, r.status, COALESCE((SELECT e.kind FROM resource_events e WHERE e.resource_id = r.id
		ORDER BY e.at DESC, e.id DESC LIMIT 1), '') AS last FROM resources r`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	var bad []string
	for _, r := range rows {
		invalid := r.Status == string(data.StatusInvalid)
		if invalid != (r.Last == string(data.EventInvalid)) {
			bad = append(bad, fmt.Sprintf("resource %d is %s, its last blacklist move %q", r.ID, r.Status, r.Last))
		}
	}
	return bad, nil
}
