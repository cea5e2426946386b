package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data/pollcount"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Limits of a poll.
const (
	MaxPollQuestionLen = 200
	MinPollOptions     = 2
	MaxPollOptions     = 20
	MaxPollCount       = 100_000
)

// PollDraft is a poll as the form gives it.
type PollDraft struct {
	Question string
	ClosesAt string // a date (the day's last minute) or a date and time, in loc
	Options  []PollOptionDraft
}

// PollOptionDraft is one option as the form gives it: a label, and optionally the
// category or resource it stands for.
type PollOptionDraft struct {
	Label      string
	CategoryID *uint
	ResourceID *uint
}

// Parse checks the draft: a question, a close time, 2–20 options with distinct
// labels. Field keys: question, closes_at, options, option.N (0-based).
func (d PollDraft) Parse(loc *time.Location) (Poll, error) {
	var p problems
	poll := Poll{Question: checkText(&p, "question", "问题", d.Question, MaxPollQuestionLen, true)}
	if strings.TrimSpace(d.ClosesAt) == "" {
		p.add("closes_at", "截止时间不能为空")
	} else if t := parseDate(&p, "closes_at", "截止时间", d.ClosesAt, orLocal(loc), true); t != nil {
		poll.ClosesAt = *t
	}
	seen := map[string]int{}
	for i, o := range d.Options {
		field := "option." + strconv.Itoa(i)
		label := strings.TrimSpace(o.Label)
		switch n := utf8.RuneCountInString(label); {
		case label == "":
			p.add(field, "第 %d 项不能为空", i+1)
		case n > MaxNameLen:
			p.add(field, "第 %d 项最多 %d 个字，现在 %d 个字", i+1, MaxNameLen, n)
		case seen[label] > 0:
			p.add(field, "第 %d 项和第 %d 项重复了", i+1, seen[label])
		default:
			seen[label] = i + 1
		}
		poll.Options = append(poll.Options, PollOption{Position: i + 1, Label: label, CategoryID: o.CategoryID, ResourceID: o.ResourceID})
	}
	if len(d.Options) < MinPollOptions || len(d.Options) > MaxPollOptions {
		p.add("options", "选项要有 %d–%d 项，现在 %d 项", MinPollOptions, MaxPollOptions, len(d.Options))
	}
	return poll, p.err()
}

func orLocal(loc *time.Location) *time.Location {
	if loc == nil {
		return time.Local
	}
	return loc
}

// CreatePoll saves a new poll of group groupID with its options in one transaction.
func (s *Store) CreatePoll(groupID uint, d PollDraft, loc *time.Location) (Poll, error) {
	poll, err := d.Parse(loc)
	if err != nil {
		return Poll{}, err
	}
	poll.GroupID, poll.CreatedAt = &groupID, s.Now()
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit(clause.Associations).Create(&poll).Error; err != nil {
			return err
		}
		for i := range poll.Options {
			poll.Options[i].PollID = poll.ID
		}
		return tx.Create(&poll.Options).Error
	})
	if err != nil {
		return Poll{}, fmt.Errorf("create poll: %w", err)
	}
	return poll, nil
}

// Polls lists group groupID's polls with their options: open ones first, the one
// closing soonest (or most overdue) first, then closed ones, newest first.
func (s *Store) Polls(groupID uint) ([]Poll, error) {
	var ps []Poll
	err := s.db.Preload("Options", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Where("group_id = ?", groupID).
		Order("CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, CASE WHEN closed_at IS NULL THEN closes_at END, closes_at DESC, id DESC").Find(&ps).Error
	if err != nil {
		return nil, fmt.Errorf("polls of group %d: %w", groupID, err)
	}
	return ps, nil
}

// PollByID reads one poll with its options.
func (s *Store) PollByID(id uint) (Poll, error) {
	return pollByID(s.db, id)
}

func pollByID(db *gorm.DB, id uint) (Poll, error) {
	var ps []Poll
	if err := db.Preload("Options", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Where("id = ?", id).Limit(1).Find(&ps).Error; err != nil {
		return Poll{}, fmt.Errorf("poll %d: %w", id, err)
	}
	if len(ps) == 0 {
		return Poll{}, fmt.Errorf("poll %d: %w", id, ErrNotFound)
	}
	return ps[0], nil
}

// PollVotes lists a poll's counted votes in the order they were read.
func (s *Store) PollVotes(id uint) ([]PollVote, error) {
	var vs []PollVote
	if err := s.db.Where("poll_id = ?", id).Order("line, id").Find(&vs).Error; err != nil {
		return nil, fmt.Errorf("votes of poll %d: %w", id, err)
	}
	return vs, nil
}

var errPollClosed = ValidationError{{Field: "closed", Message: "这个投票已经结束，结果不能再改"}}

// openPoll reads a poll inside tx, refusing a closed one.
func openPoll(tx *gorm.DB, id uint) (Poll, error) {
	p, err := pollByID(tx, id)
	if err != nil {
		return Poll{}, err
	}
	if p.Closed() {
		return Poll{}, errPollClosed
	}
	return p, nil
}

// ParsePollCounts reads typed counts, one per option: whole numbers 0–100000 (empty
// is 0). Field keys: count.N (0-based).
func ParsePollCounts(counts []string) ([]int, error) {
	var p problems
	out := make([]int, len(counts))
	for i, c := range counts {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		n, err := strconv.Atoi(c)
		switch {
		case err != nil:
			p.add("count."+strconv.Itoa(i), "第 %d 项票数请填整数", i+1)
		case n < 0 || n > MaxPollCount:
			p.add("count."+strconv.Itoa(i), "第 %d 项票数要在 0–%d 之间", i+1, MaxPollCount)
		default:
			out[i] = n
		}
	}
	return out, p.err()
}

// RecordPollCounts keeps typed counts (from QQ's own 群投票, say) as the poll's
// result, replacing votes counted earlier. A closed poll is refused.
func (s *Store) RecordPollCounts(id uint, counts []string) error {
	ns, err := ParsePollCounts(counts)
	if err != nil {
		return err
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		p, err := openPoll(tx, id)
		if err != nil {
			return err
		}
		if len(ns) != len(p.Options) {
			return ValidationError{{Field: "counts", Message: fmt.Sprintf("要填 %d 项的票数", len(p.Options))}}
		}
		if err := tx.Where("poll_id = ?", id).Delete(&PollVote{}).Error; err != nil {
			return err
		}
		for i, o := range p.Options {
			if err := tx.Model(&PollOption{}).Where("id = ?", o.ID).Update("votes", ns[i]).Error; err != nil {
				return err
			}
		}
		return tx.Model(&Poll{}).Where("id = ?", id).Updates(map[string]any{"source": PollTyped, "updated_at": s.Now()}).Error
	})
	if err != nil {
		return fmt.Errorf("record counts of poll %d: %w", id, err)
	}
	return nil
}

// RecordPollVotes keeps votes counted from pasted chat (pollcount.Count) as the poll's
// result: the votes with their lines, and each option's count. Votes for options the
// poll does not have are refused. A closed poll is refused.
func (s *Store) RecordPollVotes(id uint, votes []pollcount.Vote) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		p, err := openPoll(tx, id)
		if err != nil {
			return err
		}
		counts := make([]int, len(p.Options))
		rows := make([]PollVote, 0, len(votes))
		for _, v := range votes {
			if v.Option < 1 || v.Option > len(p.Options) {
				return ValidationError{{Field: "votes", Message: fmt.Sprintf("没有第 %d 项", v.Option)}}
			}
			counts[v.Option-1]++
			rows = append(rows, PollVote{PollID: id, OptionID: p.Options[v.Option-1].ID, QQ: v.QQ,
				Name: pollCut(v.Name, MaxNicknameLen), At: v.At, Line: v.Line, Text: pollCut(v.Text, MaxNotesLen)})
		}
		if err := tx.Where("poll_id = ?", id).Delete(&PollVote{}).Error; err != nil {
			return err
		}
		if len(rows) > 0 {
			if err := tx.CreateInBatches(&rows, 200).Error; err != nil {
				return err
			}
		}
		for i, o := range p.Options {
			if err := tx.Model(&PollOption{}).Where("id = ?", o.ID).Update("votes", counts[i]).Error; err != nil {
				return err
			}
		}
		return tx.Model(&Poll{}).Where("id = ?", id).Updates(map[string]any{"source": PollCounted, "updated_at": s.Now()}).Error
	})
	if err != nil {
		return fmt.Errorf("record votes of poll %d: %w", id, err)
	}
	return nil
}

func pollCut(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// ClosePoll ends a poll: its counts become final and count as demand weights. A poll
// already closed is refused at the field closed.
func (s *Store) ClosePoll(id uint) error {
	now := s.Now()
	err := s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Poll{}).Where("id = ? AND closed_at IS NULL", id).Updates(map[string]any{"closed_at": now, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			if _, err := pollByID(tx, id); err != nil {
				return err
			}
			return errPollClosed
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("close poll %d: %w", id, err)
	}
	return nil
}

// PollsToClose lists group groupID's polls past their close time and not closed,
// the longest overdue first.
func (s *Store) PollsToClose(groupID uint, now time.Time) ([]Poll, error) {
	return pollsToClose(s.db, groupID, now)
}

func pollsToClose(db *gorm.DB, groupID uint, now time.Time) ([]Poll, error) {
	var ps []Poll
	if err := db.Where("group_id = ? AND closed_at IS NULL AND closes_at <= ?", groupID, now).
		Order("closes_at, id").Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("polls to close: %w", err)
	}
	return ps, nil
}

// DemandWeight is what closed polls say members want of one category or resource:
// the votes its options got and the share of all votes in those polls.
type DemandWeight struct {
	CategoryID *uint
	ResourceID *uint
	Name       string  // the category's or resource's name now
	Votes      int     // summed over closed polls
	Polls      int     // closed polls that offered it
	Share      float64 // Votes / all votes of those polls, 0–1
}

// DemandWeights reads the demand weights of group groupID (0: all groups) from its
// closed polls: one per category and per resource that an option named, the most
// wanted first. Options that named neither are left out (they are free text).
func (s *Store) DemandWeights(groupID uint) ([]DemandWeight, error) {
	type row struct {
		PollID     uint
		CategoryID *uint
		ResourceID *uint
		Votes      int
	}
	var rows []row
	q := s.db.Table("poll_options").Select("poll_options.poll_id, poll_options.category_id, poll_options.resource_id, poll_options.votes").
		Joins("JOIN polls ON polls.id = poll_options.poll_id").Where("polls.closed_at IS NOT NULL")
	if groupID != 0 {
		q = q.Where("polls.group_id = ?", groupID)
	}
	if err := q.Order("poll_options.poll_id, poll_options.position").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("demand weights: %w", err)
	}
	totals := map[uint]int{}
	for _, r := range rows {
		totals[r.PollID] += r.Votes
	}
	type key struct{ cat, res uint }
	idx := map[key]int{}
	var out []DemandWeight
	all := map[key]int{} // all votes of the polls offering the key
	for _, r := range rows {
		if r.CategoryID == nil && r.ResourceID == nil {
			continue
		}
		var k key
		if r.ResourceID != nil {
			k.res = *r.ResourceID
		} else {
			k.cat = *r.CategoryID
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			w := DemandWeight{}
			if k.res != 0 {
				w.ResourceID = r.ResourceID
			} else {
				w.CategoryID = r.CategoryID
			}
			out = append(out, w)
		}
		out[i].Votes += r.Votes
		out[i].Polls++
		all[k] += totals[r.PollID]
	}
	for k, i := range idx {
		if all[k] > 0 {
			out[i].Share = float64(out[i].Votes) / float64(all[k])
		}
	}
	sortWeights(out)
	if err := weightNames(s.db, out); err != nil {
		return nil, fmt.Errorf("demand weights: %w", err)
	}
	return out, nil
}

// weightNames fills in the names of the weights' categories and resources.
func weightNames(db *gorm.DB, ws []DemandWeight) error {
	var catIDs, resIDs []uint
	for _, w := range ws {
		if w.ResourceID != nil {
			resIDs = append(resIDs, *w.ResourceID)
		} else {
			catIDs = append(catIDs, *w.CategoryID)
		}
	}
	type named struct {
		ID   uint
		Name string
	}
	var cats, res []named
	if len(catIDs) > 0 {
		if err := db.Table("categories").Select("id, name").Where("id IN ?", catIDs).Scan(&cats).Error; err != nil {
			return err
		}
	}
	if len(resIDs) > 0 {
		if err := db.Table("resources").Select("id, name").Where("id IN ?", resIDs).Scan(&res).Error; err != nil {
			return err
		}
	}
	catName, resName := map[uint]string{}, map[uint]string{}
	for _, c := range cats {
		catName[c.ID] = c.Name
	}
	for _, r := range res {
		resName[r.ID] = r.Name
	}
	for i, w := range ws {
		if w.ResourceID != nil {
			ws[i].Name = resName[*w.ResourceID]
		} else {
			ws[i].Name = catName[*w.CategoryID]
		}
	}
	return nil
}

func sortWeights(ws []DemandWeight) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && ws[j].Votes > ws[j-1].Votes; j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// AllPolls lists every group's polls with their options, oldest first, for the
// whole-database workbook.
func (s *Store) AllPolls() ([]Poll, error) {
	var ps []Poll
	if err := s.db.Preload("Options", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Order("id").Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("all polls: %w", err)
	}
	return ps, nil
}
