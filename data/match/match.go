package match

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Resource is what matching knows about one resource.
type Resource struct {
	ID       uint
	Name     string
	Category string
	// Key is the resource's search key (data.SearchKey of its name and tags): lower
	// case, with pinyin and initials, so a request for 爱奇艺 or aqy is found in it.
	Key string
	// Subjects are what the resource is about, lower case without spaces: the first
	// word of its name and the tags its name contains (王者荣耀点券 → 王者荣耀点券,
	// 王者荣耀). A request whose item contains one asks for this resource.
	Subjects   []string
	Discounted bool // an original price above the price: 信息差红利 members like it
	Limited    bool // 限时
}

// Request is one 求… of a member.
type Request struct {
	Text string    // as the owner typed it, for the reason
	At   time.Time // when it was asked
	Open bool      // not yet met (待回复, 已回复 or 无货)
	// Items are what was asked for, normalized (lower case, without 求/有没有… and
	// spaces), followed by what the owner's synonyms say it means.
	Items      []string
	ResourceID uint // the resource a reply offered, 0 when none
}

// Member is one member's need profile.
type Member struct {
	ID          uint
	Name        string // the name to show and to @: the group card, else the nickname
	MaskedQQ    string
	Motivations []string
	Interests   []string
	Requests    []Request
	// ToldAt is when the member was last told about the resource within the notice
	// window (zero: not told), and ToldWay how.
	ToldAt  time.Time
	ToldWay string
	// Priority ranks holders of a priority privilege (优先获取, which the month's
	// 资源达人 gets) before everyone else, higher first; data.MatchForResource sets it.
	Priority int
}

// Told reports whether the member was told about the resource within the window.
func (m *Member) Told() bool { return !m.ToldAt.IsZero() }

// ReasonKind says why a resource fits a member.
type ReasonKind int

// The reasons, strongest first.
const (
	OpenRequest ReasonKind = iota // the member is asking for it now
	PastRequest                   // the member asked for it before and got it
	Interest                      // an interest tag names it
	Motivation                    // a motivation makes it more welcome (only with another reason)
)

// Points are what each kind of reason adds to a fit's score.
var Points = map[ReasonKind]int{OpenRequest: 60, PastRequest: 30, Interest: 40, Motivation: 10}

// Reason is one reason a resource fits a member: an interest or motivation tag
// (Value), or a request (Value is its text, At when it was asked).
type Reason struct {
	Kind  ReasonKind
	Value string
	At    time.Time
}

// Text is the reason in the owner's words; dates in loc.
func (r Reason) Text(loc *time.Location) string {
	switch r.Kind {
	case OpenRequest:
		return r.At.In(loc).Format("01-02") + " 在求：「" + r.Value + "」"
	case PastRequest:
		return r.At.In(loc).Format("01-02") + " 求过：「" + r.Value + "」"
	case Interest:
		return "兴趣「" + r.Value + "」"
	}
	return "动机「" + r.Value + "」"
}

// Fit is one member a resource fits, or one resource that fits a member.
type Fit struct {
	Member   *Member   // set by Members
	Resource *Resource // set by Resources
	Score    int
	Reasons  []Reason // strongest first
}

// maxRequestReasons keeps a fit's reasons short: a member who asked ten times is
// shown with the newest two.
const maxRequestReasons = 2

// Members ranks the members r fits: holders of a priority privilege first, then by
// score, then those not yet told before those told within the window, then by id so
// the order is the same every time. Members it does not fit are left out.
func Members(r Resource, ms []Member) []Fit {
	fits := make([]Fit, 0, len(ms)/4)
	for i := range ms {
		if score, reasons := fitOf(&r, &ms[i]); score > 0 {
			fits = append(fits, Fit{Member: &ms[i], Score: score, Reasons: reasons})
		}
	}
	slices.SortFunc(fits, func(a, b Fit) int {
		if c := cmp.Compare(b.Member.Priority, a.Member.Priority); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if a.Member.Told() != b.Member.Told() {
			if a.Member.Told() {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.Member.ID, b.Member.ID)
	})
	return fits
}

// Resources ranks the resources of rs that fit m, best first, then by the order of
// rs (the catalog's). The caller passes only resources that can be bought now.
func Resources(m Member, rs []Resource) []Fit {
	var fits []Fit
	for i := range rs {
		if score, reasons := fitOf(&rs[i], &m); score > 0 {
			fits = append(fits, Fit{Resource: &rs[i], Score: score, Reasons: reasons})
		}
	}
	slices.SortStableFunc(fits, func(a, b Fit) int { return cmp.Compare(b.Score, a.Score) })
	return fits
}

// fitOf scores how well r fits m, with the reasons; 0 when it does not fit. A
// motivation adds to a fit but never makes one: everyone has a motivation.
func fitOf(r *Resource, m *Member) (int, []Reason) {
	var reasons []Reason
	score := 0
	open, past := 0, 0
	// Newest request first, so the reasons shown are the freshest.
	for i := len(m.Requests) - 1; i >= 0; i-- {
		q := &m.Requests[i]
		if !r.fitsRequest(q) {
			continue
		}
		kind := PastRequest
		if q.Open {
			kind = OpenRequest
		}
		if open+past < maxRequestReasons {
			reasons = append(reasons, Reason{Kind: kind, Value: q.Text, At: q.At})
		}
		if kind == OpenRequest {
			open++
		} else {
			past++
		}
	}
	// One open request is worth more than any number of old ones; more of each only
	// breaks ties.
	if open > 0 {
		score += Points[OpenRequest] + min(open-1, 3)
	}
	if past > 0 {
		score += Points[PastRequest] + min(past-1, 3)
	}
	// The first interest that names the resource counts in full; more only break ties,
	// so two broad tags (王者荣耀, 腾讯) never outweigh a member asking for it now.
	interests := 0
	for _, t := range m.Interests {
		if r.fitsInterest(t) {
			reasons = append(reasons, Reason{Kind: Interest, Value: t})
			interests++
		}
	}
	if interests > 0 {
		score += Points[Interest] + min(interests-1, 3)
	}
	if score == 0 {
		return 0, nil
	}
	for _, mo := range m.Motivations {
		if (mo == "刚需获取" && open+past > 0) || (mo == "信息差红利" && (r.Discounted || r.Limited)) {
			reasons = append(reasons, Reason{Kind: Motivation, Value: mo})
			score += Points[Motivation]
		}
	}
	slices.SortStableFunc(reasons, func(a, b Reason) int { return cmp.Compare(a.Kind, b.Kind) })
	return score, reasons
}

// minTermRunes is the shortest interest or request item that is compared: one
// character (王, 卡) would match half the catalog.
const minTermRunes = 2

// fitsInterest reports whether an interest tag names r: the tag is in r's search key
// (王者荣耀 in 王者荣耀点券, or in its tags), or one of r's subjects is in the tag.
func (r *Resource) fitsInterest(tag string) bool {
	t := strings.ToLower(strings.TrimSpace(tag))
	if utf8.RuneCountInString(t) < minTermRunes {
		return false
	}
	return strings.Contains(r.Key, t) || r.subjectIn(t)
}

// fitsRequest reports whether q asked for r: a reply offered r, or an item of q is in
// r's search key (爱奇艺, aqy), or contains one of r's subjects (求王者荣耀点券60).
func (r *Resource) fitsRequest(q *Request) bool {
	if q.ResourceID != 0 && q.ResourceID == r.ID {
		return true
	}
	for _, item := range q.Items {
		if utf8.RuneCountInString(item) < minTermRunes {
			continue
		}
		if strings.Contains(r.Key, item) || r.subjectIn(item) {
			return true
		}
	}
	return false
}

func (r *Resource) subjectIn(text string) bool {
	for _, s := range r.Subjects {
		if utf8.RuneCountInString(s) >= minTermRunes && strings.Contains(text, s) {
			return true
		}
	}
	return false
}
