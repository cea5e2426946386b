package data

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data/wording"
	"gorm.io/gorm"
)

// MaxRequestLen is how long a request's text may be, in characters.
const MaxRequestLen = 200

// RequestDraft is a request as the quick capture has it.
type RequestDraft struct {
	MemberID   uint
	GroupID    *uint  // the group it was asked in, when one is chosen
	Text       string // what they asked, as typed: 求王者点券
	CategoryID *uint  // the category of the best match, when there is one
	// AskedAt is when the owner started to write it down (the quick capture opened);
	// zero, or a time after now, means now.
	AskedAt time.Time
}

// Check refuses a draft without a member or text, or with text over MaxRequestLen,
// naming the field: "member" or "text".
func (d RequestDraft) Check() error {
	var p problems
	checkText(&p, "text", "要的东西", d.Text, MaxRequestLen, true)
	if d.MemberID == 0 {
		p.add("member", "请选是哪位成员要的（可输入QQ号、昵称、群名片或拼音）")
	}
	return p.err()
}

// CaptureRequest checks d and records it as 待回复. A missing member or text, or text
// over MaxRequestLen, is refused naming the field.
func (s *Store) CaptureRequest(d RequestDraft) (Request, error) {
	if err := d.Check(); err != nil {
		return Request{}, err
	}
	asked := s.Now()
	if !d.AskedAt.IsZero() && d.AskedAt.Before(asked) {
		asked = d.AskedAt.UTC()
	}
	text := strings.TrimSpace(d.Text)
	r := Request{MemberID: d.MemberID, GroupID: d.GroupID, Text: text, ItemKey: wording.ItemKey(text),
		CategoryID: d.CategoryID, State: RequestWaiting, AskedAt: asked}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Member{}).Where("id = ?", d.MemberID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return ValidationError{{Field: "member", Message: "这位成员已经不在成员列表里了，请重新选择"}}
		}
		return tx.Create(&r).Error
	})
	if err != nil {
		var ve ValidationError
		if errors.As(err, &ve) {
			return Request{}, ve
		}
		return Request{}, fmt.Errorf("capture request: %w", err)
	}
	return r, nil
}

// ReplyRequest records that the owner replied offering resource resourceID (0: a
// reply without one, such as 暂时没有): the request becomes 已回复 and, on its first
// reply, RepliedAt is now, so the time to reply is kept. The category follows the
// resource offered.
func (s *Store) ReplyRequest(id, resourceID uint) (Request, error) {
	return s.moveRequest(id, RequestReplied, func(tx *gorm.DB, r *Request) error {
		if r.RepliedAt == nil {
			now := s.Now()
			r.RepliedAt = &now
		}
		if resourceID == 0 {
			return nil
		}
		var res Resource
		if err := tx.Select("id", "category_id").First(&res, resourceID).Error; err != nil {
			return notFound(fmt.Sprintf("resource %d", resourceID), err)
		}
		r.ResourceID, r.CategoryID = &res.ID, &res.CategoryID
		return nil
	})
}

// CloseRequest marks a request 已满足 (RequestMet) or 无货 (RequestNoStock). A
// request closed before any reply counts as replied now: the owner answered it.
func (s *Store) CloseRequest(id uint, to RequestState) (Request, error) {
	if to != RequestMet && to != RequestNoStock {
		return Request{}, fmt.Errorf("close request %d as %q: %w", id, to, &RequestMoveError{To: to})
	}
	return s.moveRequest(id, to, func(_ *gorm.DB, r *Request) error {
		now := s.Now()
		if r.RepliedAt == nil {
			r.RepliedAt = &now
		}
		r.ClosedAt = &now
		return nil
	})
}

// moveRequest loads request id, checks the move against requestMoves, lets change
// fill in the rest and saves, in one transaction.
func (s *Store) moveRequest(id uint, to RequestState, change func(tx *gorm.DB, r *Request) error) (Request, error) {
	var r Request
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.First(&r, id).Error; err != nil {
			return notFound(fmt.Sprintf("request %d", id), err)
		}
		if !r.State.CanMove(to) {
			return &RequestMoveError{From: r.State, To: to}
		}
		r.State = to
		if to == RequestReplied {
			r.ClosedAt = nil
		}
		if err := change(tx, &r); err != nil {
			return err
		}
		return tx.Omit("Member").Save(&r).Error
	})
	if err != nil {
		return Request{}, fmt.Errorf("move request %d to %s: %w", id, to, err)
	}
	return r, nil
}

// DeleteRequest removes a request captured by mistake.
func (s *Store) DeleteRequest(id uint) error {
	res := s.db.Delete(&Request{}, id)
	if res.Error != nil {
		return fmt.Errorf("delete request: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("delete request %d: %w", id, ErrNotFound)
	}
	return nil
}

// requestsOf narrows a query to a group's requests (0: every group's).
func requestsOf(q *gorm.DB, groupID uint) *gorm.DB {
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	return q
}

// awaitingReply narrows q to the requests waiting for the owner's reply: those still
// 待回复 that someone asked in the group (a blind-box entry's demand waits for no reply).
func awaitingReply(q *gorm.DB) *gorm.DB {
	return q.Where("state = ? AND source <> ?", RequestWaiting, RequestFromBlindBox)
}

// WaitingRequests lists the requests of a group (0: all) still waiting for a reply,
// oldest first, with their members and seats, at most limit (0: all).
func (s *Store) WaitingRequests(groupID uint, limit int) ([]Request, error) {
	q := awaitingReply(requestsOf(s.db.Preload("Member.Memberships"), groupID)).Order("asked_at").Order("id")
	if limit > 0 {
		q = q.Limit(limit)
	}
	var rs []Request
	if err := q.Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list waiting requests: %w", err)
	}
	return rs, nil
}

// Requests lists a group's requests (0: all) in the given states (none: every
// state), newest first, with their members and seats, at most limit (0: all).
func (s *Store) Requests(groupID uint, limit int, states ...RequestState) ([]Request, error) {
	q := requestsOf(s.db.Preload("Member.Memberships"), groupID).Order("asked_at DESC").Order("id DESC")
	if len(states) > 0 {
		q = q.Where("state IN ?", states)
	}
	if limit > 0 {
		q = q.Limit(limit)
	}
	var rs []Request
	if err := q.Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list requests: %w", err)
	}
	return rs, nil
}

// Synonyms lists the owner's own synonym pairs, in the order they were added.
func (s *Store) Synonyms() ([]Synonym, error) {
	var ss []Synonym
	if err := s.db.Order("id").Find(&ss).Error; err != nil {
		return nil, fmt.Errorf("list synonyms: %w", err)
	}
	return ss, nil
}

// MaxSynonymLen is how long a synonym's word may be.
const MaxSynonymLen = 30

// AddSynonym keeps the owner's pair: searching word also finds what means finds, and
// the other way round. Empty words, words over MaxSynonymLen, a word meaning itself
// and a pair already kept (either way round) are refused naming the field.
func (s *Store) AddSynonym(word, means string) (Synonym, error) {
	var p problems
	word = checkText(&p, "word", "成员的说法", word, MaxSynonymLen, true)
	means = checkText(&p, "means", "等于的词", means, MaxSynonymLen, true)
	if err := p.err(); err != nil {
		return Synonym{}, err
	}
	if NameKey(word) == NameKey(means) {
		return Synonym{}, ValidationError{{Field: "means", Message: "两个词是一样的，请写一个意思相同的别的说法"}}
	}
	syn := Synonym{Word: word, Means: means}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Synonym{}).Where("(word = ? AND means = ?) OR (word = ? AND means = ?)",
			word, means, means, word).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return ValidationError{{Field: "means", Message: "「" + word + "」和「" + means + "」已经是同义词了"}}
		}
		return tx.Create(&syn).Error
	})
	if err != nil {
		var ve ValidationError
		if errors.As(err, &ve) {
			return Synonym{}, ve
		}
		return Synonym{}, fmt.Errorf("add synonym: %w", err)
	}
	return syn, nil
}

// DeleteSynonym removes one of the owner's pairs.
func (s *Store) DeleteSynonym(id uint) error {
	res := s.db.Delete(&Synonym{}, id)
	if res.Error != nil {
		return fmt.Errorf("delete synonym: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("delete synonym %d: %w", id, ErrNotFound)
	}
	return nil
}

// Thesaurus is the search's synonyms: the defaults and the owner's own pairs.
func (s *Store) Thesaurus() (*wording.Thesaurus, error) {
	ss, err := s.Synonyms()
	if err != nil {
		return nil, err
	}
	pairs := make([][2]string, len(ss))
	for i, sy := range ss {
		pairs[i] = [2]string{sy.Word, sy.Means}
	}
	return wording.NewThesaurus(pairs), nil
}
