package data

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/qunhuo/qunhuo/data/suggest"
)

// The owner's answers to a suggested tag (TagDecision.Decision).
const (
	DecisionAccepted  = "accepted"
	DecisionDismissed = "dismissed"
)

// TagSuggestion is a need tag the rule proposes for a member from their requests.
type TagSuggestion struct {
	MemberID uint
	Member   string // the name to show
	Kind     TagKind
	Value    string
	Reason   string
}

// SuggestedTags proposes need tags for the members of group groupID (0: everyone)
// who have not left it, from their requests (package suggest), leaving out tags they
// have and suggestions the owner already answered. Ordered by member, then as the
// rule gives them.
func (s *Store) SuggestedTags(groupID uint) ([]TagSuggestion, error) {
	var out []TagSuggestion
	now := s.Now()
	err := s.db.Transaction(func(tx *gorm.DB) error {
		ms, err := gatherProfiles(tx, groupID, now)
		if err != nil {
			return err
		}
		at := make(map[uint]int, len(ms))
		for i, m := range ms {
			at[m.ID] = i
		}
		in, err := suggestInputs(tx, at, now)
		if err != nil {
			return err
		}
		vocab, err := vocabulary(tx)
		if err != nil {
			return err
		}
		for i := range ms {
			if len(in[i].Requests) == 0 {
				continue
			}
			for _, sg := range suggest.For(in[i], vocab, now) {
				out = append(out, TagSuggestion{MemberID: ms[i].ID, Member: ms[i].Name,
					Kind: TagKind(sg.Kind), Value: sg.Value, Reason: sg.Reason})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("suggest tags: %w", err)
	}
	return out, nil
}

// suggestInputs loads, for the members indexed by at, their requests with category
// names, their tags and the owner's decisions: three reads in all.
func suggestInputs(tx *gorm.DB, at map[uint]int, now time.Time) ([]suggest.Member, error) {
	in := make([]suggest.Member, len(at))
	for i := range in {
		in[i] = suggest.Member{Has: map[suggest.Tag]bool{}, Decided: map[suggest.Tag]bool{}}
	}
	var reqs []struct {
		MemberID uint
		Text     string
		Category string
		AskedAt  time.Time
	}
	err := tx.Table("requests").Select("requests.member_id, requests.text, COALESCE(categories.name, '') AS category, requests.asked_at").
		Joins("LEFT JOIN categories ON categories.id = requests.category_id").
		Where("requests.asked_at >= ?", now.Add(-requestMemory)).Order("requests.asked_at, requests.id").Scan(&reqs).Error
	if err != nil {
		return nil, err
	}
	for _, r := range reqs {
		if i, ok := at[r.MemberID]; ok {
			in[i].Requests = append(in[i].Requests, suggest.Request{Text: r.Text, Category: r.Category, At: r.AskedAt})
		}
	}
	var tags []MemberTag
	if err := tx.Find(&tags).Error; err != nil {
		return nil, err
	}
	for _, t := range tags {
		if i, ok := at[t.MemberID]; ok {
			in[i].Has[suggest.Tag{Kind: string(t.Kind), Value: t.Value}] = true
		}
	}
	var ds []TagDecision
	if err := tx.Find(&ds).Error; err != nil {
		return nil, err
	}
	for _, d := range ds {
		if i, ok := at[d.MemberID]; ok {
			in[i].Decided[suggest.Tag{Kind: string(d.Kind), Value: d.Value}] = true
		}
	}
	return in, nil
}

// vocabulary is what interests are suggested from: the interest tags in use, the
// categories, and the owner's synonyms.
func vocabulary(tx *gorm.DB) (*suggest.Vocabulary, error) {
	var interests, cats []string
	if err := tx.Model(&MemberTag{}).Distinct("value").Where("kind = ?", TagInterest).Order("value").Pluck("value", &interests).Error; err != nil {
		return nil, err
	}
	if err := tx.Model(&Category{}).Order("position, id").Pluck("name", &cats).Error; err != nil {
		return nil, err
	}
	// A category whose word could not be a tag (too long, two words) suggests nothing.
	cats = slices.DeleteFunc(cats, func(c string) bool {
		_, err := CheckTag(TagInterest, strings.TrimSuffix(strings.TrimSpace(c), "类"))
		return err != nil
	})
	var syns []Synonym
	if err := tx.Find(&syns).Error; err != nil {
		return nil, err
	}
	own := map[string][]string{}
	for _, s := range syns {
		own[s.Word] = append(own[s.Word], s.Means)
		own[s.Means] = append(own[s.Means], s.Word)
	}
	return suggest.NewVocabulary(interests, cats, own), nil
}

// DecideTag keeps the owner's answer to a suggested tag, in one transaction: accepted
// gives the member the tag; dismissed only remembers, so the suggestion never returns.
func (s *Store) DecideTag(memberID uint, kind TagKind, value string, accept bool) error {
	value, err := CheckTag(kind, value)
	if err != nil {
		return err
	}
	d := TagDecision{MemberID: memberID, Kind: kind, Value: value, Decision: DecisionDismissed, At: s.Now()}
	if accept {
		d.Decision = DecisionAccepted
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if accept {
			if _, err := addTag(tx, []uint{memberID}, kind, value); err != nil {
				return err
			}
		}
		return tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "member_id"}, {Name: "kind"}, {Name: "value"}},
			DoUpdates: clause.AssignmentColumns([]string{"decision", "at"}),
		}).Create(&d).Error
	})
	if err != nil {
		return fmt.Errorf("decide tag: %w", err)
	}
	return nil
}
