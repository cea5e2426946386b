package data

import (
	"fmt"
	"time"
)

// AgendaRequest is a request waiting for a reply, as the 今日 home lists it.
type AgendaRequest struct {
	Request
	Name string // the member as the group shows them
}

// AgendaRequests is what the 今日 home says about requests.
type AgendaRequests struct {
	Waiting      []AgendaRequest // waiting for a reply, oldest first, at most AgendaLineLength
	WaitingCount int
	// Restock counts the 无货 requests a resource on sale now answers (RestockOffers);
	// RestockNames names the first few of those resources.
	Restock      int
	RestockNames []string
}

// agendaRequests fills the request lines of the agenda for a group (0: all groups).
func (s *Store) agendaRequests(a *Agenda, groupID uint, now time.Time) error {
	var n int64
	if err := awaitingReply(requestsOf(s.db.Model(&Request{}), groupID)).Count(&n).Error; err != nil {
		return fmt.Errorf("count waiting requests: %w", err)
	}
	a.Requests.WaitingCount = int(n)
	waiting, err := s.WaitingRequests(groupID, AgendaLineLength)
	if err != nil {
		return err
	}
	for _, r := range waiting {
		name := ""
		if r.Member != nil {
			gid := groupID
			if r.GroupID != nil {
				gid = *r.GroupID
			}
			name = r.Member.DisplayName(gid)
		}
		a.Requests.Waiting = append(a.Requests.Waiting, AgendaRequest{Request: r, Name: name})
	}
	offers, err := s.RestockOffers(groupID, now)
	if err != nil {
		return err
	}
	for _, o := range offers {
		a.Requests.Restock += len(o.Requests)
		if len(a.Requests.RestockNames) < AgendaLineLength {
			a.Requests.RestockNames = append(a.Requests.RestockNames, o.Resource.Name)
		}
	}
	return nil
}
