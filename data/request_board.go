package data

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// DemandLine is one item on the demand board: the open requests (待回复 and 无货)
// that asked for the same thing (the same item key) in the same category.
type DemandLine struct {
	ItemKey      string
	CategoryID   uint   // 0: not known yet
	CategoryName string // "" when not known
	Count        int    // open requests
	NoStock      int    // of them 无货
	Members      []string
	MemberIDs    []uint
	Oldest       time.Time // when the longest-waiting asked
	RequestIDs   []uint    // oldest first
}

// DemandBoard groups a group's open requests (0: every group's) by item and category,
// most asked first, then the longest waiting. Members are named as in that group.
func (s *Store) DemandBoard(groupID uint) ([]DemandLine, error) {
	var lines []DemandLine
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var rs []Request
		q := requestsOf(tx.Preload("Member.Memberships"), groupID).
			Where("state IN ?", []RequestState{RequestWaiting, RequestNoStock}).Order("asked_at").Order("id")
		if err := q.Find(&rs).Error; err != nil {
			return err
		}
		var cs []Category
		if err := tx.Find(&cs).Error; err != nil {
			return err
		}
		lines = demandLines(rs, cs, groupID)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("demand board: %w", err)
	}
	return lines, nil
}

func demandLines(rs []Request, cs []Category, groupID uint) []DemandLine {
	names := make(map[uint]string, len(cs))
	for _, c := range cs {
		names[c.ID] = c.Name
	}
	type key struct {
		item string
		cat  uint
	}
	at := map[key]int{}
	var lines []DemandLine
	for _, r := range rs {
		var cat uint
		if r.CategoryID != nil {
			cat = *r.CategoryID
		}
		k := key{r.ItemKey, cat}
		i, ok := at[k]
		if !ok {
			i = len(lines)
			at[k] = i
			lines = append(lines, DemandLine{ItemKey: r.ItemKey, CategoryID: cat, CategoryName: names[cat], Oldest: r.AskedAt})
		}
		l := &lines[i]
		l.Count++
		if r.State == RequestNoStock {
			l.NoStock++
		}
		l.RequestIDs = append(l.RequestIDs, r.ID)
		if r.Member != nil && !slices.Contains(l.MemberIDs, r.MemberID) {
			gid := groupID
			if r.GroupID != nil {
				gid = *r.GroupID
			}
			l.MemberIDs = append(l.MemberIDs, r.MemberID)
			l.Members = append(l.Members, r.Member.DisplayName(gid))
		}
	}
	slices.SortStableFunc(lines, func(a, b DemandLine) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return a.Oldest.Compare(b.Oldest)
	})
	return lines
}

// RestockOffer is a resource on sale now that answers requests found 无货 before it
// was added or last changed (restocked): the members waiting can be told.
type RestockOffer struct {
	Resource Resource
	Requests []Request // with their members, oldest first
}

// RestockOffers finds, for a group's 无货 requests (0: every group's), resources on
// sale at now that have every word of the request (Fits) and were added or changed
// since the request was found 无货. Resources with the most waiting come first.
func (s *Store) RestockOffers(groupID uint, now time.Time) ([]RestockOffer, error) {
	th, err := s.Thesaurus()
	if err != nil {
		return nil, err
	}
	var offers []RestockOffer
	err = s.db.Transaction(func(tx *gorm.DB) error {
		var rs []Request
		q := requestsOf(tx.Preload("Member.Memberships"), groupID).
			Where("state = ?", RequestNoStock).Order("asked_at").Order("id")
		if err := q.Find(&rs).Error; err != nil {
			return err
		}
		if len(rs) == 0 {
			return nil
		}
		oldest := now
		for _, r := range rs {
			if c := closedAt(r); c.Before(oldest) {
				oldest = c
			}
		}
		// Only resources on sale now can answer, and only those changed since the
		// oldest 无货; the reply needs the category's name, not GORM's preload.
		var res []Resource
		if err := tx.Where("updated_at >= ? AND status = ?", oldest, StatusOnSale).Find(&res).Error; err != nil {
			return err
		}
		var cs []Category
		if err := tx.Find(&cs).Error; err != nil {
			return err
		}
		cats := make(map[uint]Category, len(cs))
		for _, c := range cs {
			cats[c.ID] = c
		}
		for i := range res {
			res[i].Category = cats[res[i].CategoryID]
		}
		byRes := map[uint]int{}
		for i := range res {
			r := &res[i]
			if r.StateAt(now) != StateOnSale {
				continue
			}
			for _, req := range rs {
				if r.UpdatedAt.Before(closedAt(req)) || !Fits(th, r, req.ItemKey) {
					continue
				}
				j, ok := byRes[r.ID]
				if !ok {
					j = len(offers)
					byRes[r.ID] = j
					offers = append(offers, RestockOffer{Resource: *r})
				}
				offers[j].Requests = append(offers[j].Requests, req)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("restock offers: %w", err)
	}
	slices.SortStableFunc(offers, func(a, b RestockOffer) int {
		if c := cmp.Compare(len(b.Requests), len(a.Requests)); c != 0 {
			return c
		}
		return CompareNames(a.Resource.Name, b.Resource.Name)
	})
	return offers, nil
}

// closedAt is when a 无货 request was found so (its asking time if not recorded).
func closedAt(r Request) time.Time {
	if r.ClosedAt != nil {
		return *r.ClosedAt
	}
	return r.AskedAt
}

// NotifyRestock records that the owner told the member of a 无货 request that
// resource resourceID is back: the request is replied to with it again, and a Notice
// (an @ in the group) is kept so the member is not told twice.
func (s *Store) NotifyRestock(requestID, resourceID uint) (Request, error) {
	return s.moveRequest(requestID, RequestReplied, func(tx *gorm.DB, r *Request) error {
		now := s.Now()
		if r.RepliedAt == nil {
			r.RepliedAt = &now
		}
		var res Resource
		if err := tx.Select("id", "category_id").First(&res, resourceID).Error; err != nil {
			return notFound(fmt.Sprintf("resource %d", resourceID), err)
		}
		r.ResourceID, r.CategoryID = &res.ID, &res.CategoryID
		return tx.Create(&Notice{MemberID: r.MemberID, ResourceID: resourceID, Way: NoticeAt, At: now}).Error
	})
}
