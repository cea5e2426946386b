package data

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The blacklist (失效名单): a resource goes on it only with a reason, comes off it only
// with a note, and both moves stay in its history (ResourceEvent) for good.

// InvalidReasons lists the reasons in the order forms offer them.
var InvalidReasons = []InvalidReason{ReasonCardInvalid, ReasonExpired, ReasonMismatch, ReasonSupplierGone, ReasonOther}

var reasonLabels = map[InvalidReason]string{
	ReasonCardInvalid: "卡密无效", ReasonExpired: "已过期", ReasonMismatch: "与描述不符",
	ReasonSupplierGone: "供应商失联", ReasonOther: "其他",
}

// Label is the reason in the owner's words; a resource marked before reasons were kept
// has none, shown as 未记录.
func (r InvalidReason) Label() string {
	if l, ok := reasonLabels[r]; ok {
		return l
	}
	return "未记录"
}

// InvalidReasonByLabel finds a reason by its Chinese label or its code.
func InvalidReasonByLabel(label string) (InvalidReason, bool) {
	label = strings.TrimSpace(label)
	for r, l := range reasonLabels {
		if l == label || string(r) == label {
			return r, true
		}
	}
	return "", false
}

// Label is the event in the owner's words.
func (k ResourceEventKind) Label() string {
	switch k {
	case EventInvalid:
		return "标为失效"
	case EventRestored:
		return "移出失效名单"
	}
	return string(k)
}

// DefaultActorName is who the history says did a move while the app has no user
// accounts: the owner, 群主.
const DefaultActorName = "群主"

// actorName is who is doing a move now. It is the one place that says so: a team mode
// with accounts returns the signed-in user's name here.
func (s *Store) actorName() string { return DefaultActorName }

// Notes of moves made without the blacklist's own dialogs: an import (or the demo data)
// whose 状态 column says 失效, or a status changed in code.
const (
	NoteImportInvalid  = "导入时标为失效"
	NoteImportRestored = "导入时移出失效名单"
	NoteEditInvalid    = "改状态时标为失效"
	NoteEditRestored   = "改状态时移出失效名单"
)

// InvalidMark is what the owner says when marking a resource 失效.
type InvalidMark struct {
	Reason   string // a label (卡密无效…) or a code
	Evidence string // optional: what was seen, where the proof is
}

// Parse checks the mark: a reason is required, the evidence has the notes' limit.
func (m InvalidMark) Parse() (InvalidReason, string, error) {
	var p problems
	reason, ok := InvalidReasonByLabel(m.Reason)
	if !ok {
		p.add("reason", "请选择失效原因：卡密无效、已过期、与描述不符、供应商失联或其他")
	}
	note := checkText(&p, "evidence", "证据说明", m.Evidence, MaxNotesLen, false)
	return reason, note, p.err()
}

// ParseRestoreNote checks the note that takes a resource off the blacklist: required,
// within the notes' limit.
func ParseRestoreNote(note string) (string, error) {
	var p problems
	note = checkText(&p, "note", "移出说明", note, MaxNotesLen, true)
	return note, p.err()
}

// RestoreStatuses are what a resource taken off the blacklist may become.
var RestoreStatuses = []ResourceStatus{StatusOnSale, StatusOffShelf}

// MarkInvalid puts a resource on the blacklist: its status becomes 失效 and its history
// gets the reason, the evidence, the time and who did it, in one transaction. A
// resource already 失效 is refused at the field status (two owners, or two clicks, mark
// it once); one that does not exist is ErrNotFound.
func (s *Store) MarkInvalid(resourceID uint, m InvalidMark) error {
	reason, note, err := m.Parse()
	if err != nil {
		return err
	}
	ev := ResourceEvent{ResourceID: resourceID, Kind: EventInvalid, Reason: reason, Note: note,
		ByName: s.actorName(), At: s.Now()}
	return s.db.Transaction(func(tx *gorm.DB) error {
		// The status is the guard: only the move that finds it not yet 失效 changes it.
		res := tx.Model(&Resource{}).Where("id = ? AND status <> ?", resourceID, StatusInvalid).
			Updates(map[string]any{"status": StatusInvalid, "updated_at": ev.At})
		if res.Error != nil {
			return fmt.Errorf("mark resource %d invalid: %w", resourceID, res.Error)
		}
		if res.RowsAffected == 0 {
			return missingOr(tx, resourceID, "这个资源已经在失效名单里了")
		}
		if err := tx.Omit(clause.Associations).Create(&ev).Error; err != nil {
			return fmt.Errorf("mark resource %d invalid: %w", resourceID, err)
		}
		return nil
	})
}

// RestoreResource takes a resource off the blacklist with a note (required), setting
// it to status to (上架 or 下架), in one transaction. A resource that is not 失效 is
// refused at the field status; one that does not exist is ErrNotFound.
func (s *Store) RestoreResource(resourceID uint, to ResourceStatus, note string) error {
	note, err := ParseRestoreNote(note)
	if err != nil {
		return err
	}
	if to != StatusOnSale && to != StatusOffShelf {
		return ValidationError{{Field: "restore_to", Message: "移出失效名单后只能改为上架或下架"}}
	}
	ev := ResourceEvent{ResourceID: resourceID, Kind: EventRestored, Note: note, ByName: s.actorName(), At: s.Now()}
	return s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Resource{}).Where("id = ? AND status = ?", resourceID, StatusInvalid).
			Updates(map[string]any{"status": to, "updated_at": ev.At})
		if res.Error != nil {
			return fmt.Errorf("restore resource %d: %w", resourceID, res.Error)
		}
		if res.RowsAffected == 0 {
			return missingOr(tx, resourceID, "这个资源已经不在失效名单里了")
		}
		if err := tx.Omit(clause.Associations).Create(&ev).Error; err != nil {
			return fmt.Errorf("restore resource %d: %w", resourceID, err)
		}
		return nil
	})
}

// missingOr is ErrNotFound when the resource is gone, else the refusal msg at status.
func missingOr(tx *gorm.DB, resourceID uint, msg string) error {
	var n int64
	if err := tx.Model(&Resource{}).Where("id = ?", resourceID).Count(&n).Error; err != nil {
		return fmt.Errorf("find resource %d: %w", resourceID, err)
	}
	if n == 0 {
		return fmt.Errorf("resource %d: %w", resourceID, ErrNotFound)
	}
	return ValidationError{{Field: "status", Message: msg}}
}

// ResourceHistory is a resource's blacklist history, oldest first.
func (s *Store) ResourceHistory(resourceID uint) ([]ResourceEvent, error) {
	var evs []ResourceEvent
	if err := s.db.Where("resource_id = ?", resourceID).Order("at, id").Find(&evs).Error; err != nil {
		return nil, fmt.Errorf("resource %d history: %w", resourceID, err)
	}
	return evs, nil
}

// invalidIDs are the resources 失效 now, to see which a save moves on or off the list.
func invalidIDs(tx *gorm.DB) (map[uint]bool, error) {
	var ids []uint
	if err := tx.Model(&Resource{}).Where("status = ?", StatusInvalid).Pluck("id", &ids).Error; err != nil {
		return nil, fmt.Errorf("invalid resources: %w", err)
	}
	m := make(map[uint]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m, nil
}

// statusLog writes the history of saves that move a resource on or off the blacklist
// without the blacklist's dialogs (an import, the demo data, a status set in code).
// Such a move has no reason the owner chose: 其他, with a note saying where it came
// from, so the history never has a gap.
type statusLog struct {
	s       *Store
	on, off string // the notes of a move onto and off the list
}

func (s *Store) importLog() statusLog { return statusLog{s, NoteImportInvalid, NoteImportRestored} }
func (s *Store) editLog() statusLog   { return statusLog{s, NoteEditInvalid, NoteEditRestored} }

// save saves r as saveResource does and logs its move, if it makes one.
func (l statusLog) save(tx *gorm.DB, r *Resource) error {
	was := false
	if r.ID != 0 {
		var n int64
		if err := tx.Model(&Resource{}).Where("id = ? AND status = ?", r.ID, StatusInvalid).Count(&n).Error; err != nil {
			return fmt.Errorf("save resource: %w", err)
		}
		was = n > 0
	}
	if err := saveResource(tx, r); err != nil {
		return err
	}
	return l.record(tx, []*Resource{r}, map[uint]bool{r.ID: was})
}

// record logs the moves of rs, saved already; wasInvalid holds the ids that were 失效
// before the save.
func (l statusLog) record(tx *gorm.DB, rs []*Resource, wasInvalid map[uint]bool) error {
	var evs []ResourceEvent
	by, at := l.s.actorName(), l.s.Now()
	for _, r := range rs {
		isInvalid := r.Status == StatusInvalid
		switch {
		case isInvalid && !wasInvalid[r.ID]:
			evs = append(evs, ResourceEvent{ResourceID: r.ID, Kind: EventInvalid, Reason: ReasonOther, Note: l.on, ByName: by, At: at})
		case wasInvalid[r.ID] && !isInvalid:
			evs = append(evs, ResourceEvent{ResourceID: r.ID, Kind: EventRestored, Note: l.off, ByName: by, At: at})
		}
	}
	if len(evs) == 0 {
		return nil
	}
	if err := tx.Omit(clause.Associations).CreateInBatches(&evs, bulkChunk).Error; err != nil {
		return fmt.Errorf("log blacklist moves: %w", err)
	}
	return nil
}
