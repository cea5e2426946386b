package data

import (
	"slices"
	"time"

	"gorm.io/gorm"
)

// unpostedInvalid is the 今日 line of resources on the blacklist that no 失效资源公示 of
// the group has named since they were marked: members may still be buying them. The
// newest marked first; none for no group.
func unpostedInvalid(tx *gorm.DB, groupID uint) (AgendaLine, error) {
	var line AgendaLine
	if groupID == 0 {
		return line, nil
	}
	var rs []Resource
	if err := tx.Select("id", "name", "updated_at").Where("status = ?", StatusInvalid).Find(&rs).Error; err != nil {
		return line, err
	}
	if len(rs) == 0 {
		return line, nil
	}
	marks, err := latestMarks(tx, rs)
	if err != nil {
		return line, err
	}
	// When each resource was last named in one of the group's blacklist posts.
	var named []struct {
		ResourceID uint
		CreatedAt  time.Time
	}
	err = tx.Table("post_resources").Select("post_resources.resource_id, posts.created_at").
		Joins("JOIN posts ON posts.id = post_resources.post_id").
		Where("posts.kind = ? AND posts.group_id = ?", PostBlacklist, groupID).Scan(&named).Error
	if err != nil {
		return line, err
	}
	posted := map[uint]time.Time{}
	for _, n := range named {
		if n.CreatedAt.After(posted[n.ResourceID]) {
			posted[n.ResourceID] = n.CreatedAt
		}
	}
	type waiting struct {
		id   uint
		name string
		at   time.Time
	}
	var ws []waiting
	for _, r := range rs {
		at := r.UpdatedAt
		if m, ok := marks[r.ID]; ok {
			at = m.At
		}
		if p, ok := posted[r.ID]; ok && !p.Before(at) {
			continue
		}
		ws = append(ws, waiting{r.ID, r.Name, at})
	}
	slices.SortFunc(ws, func(a, b waiting) int {
		if c := b.at.Compare(a.at); c != 0 {
			return c
		}
		return int(b.id) - int(a.id)
	})
	line.Count = len(ws)
	for _, w := range ws[:min(len(ws), AgendaLineLength)] {
		line.Names = append(line.Names, w.name)
		line.IDs = append(line.IDs, w.id)
	}
	return line, nil
}
