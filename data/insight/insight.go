// Package insight measures a group's interaction rate from its chat and its member
// list: per week the members who spoke against all members, messages per active
// member, the requests (求…, 有没有…) and how soon the owner or an admin answered them,
// how many members replied within an hour of an owner's post, joins and leaves, the
// top contributors and the silent members (潜水) to win back. It is pure Go over values:
// the store feeds it (counts aggregated in SQL where possible), the screens show it.
//
// The definitions, so that a number on screen can be checked by hand:
//   - Weeks run Monday 00:00 to the next Monday 00:00, China time (UTC+8).
//   - Active: a sender with at least one message in the week that is not a system
//     message (recalled messages count: the member did speak).
//   - All members: the seats at the week's end (joined by then, not left by then), plus
//     any active sender the member list does not seat, so that the rate never passes
//     100% and works without a member list. The rate is active / all members.
//   - A request is a member's message that starts with an asking word (求, 收, 有没有,
//     谁有 … after any leading @名字) or contains an asking phrase (有没有, 谁有, 有人有,
//     求购 …), and is not a staff member's own message. Its answer is the first later
//     message by the owner or an admin that either @-mentions the asker within
//     Rules.AnswerMax, or comes within Rules.AnswerWindow of the request. Response
//     times: the median over answered requests; "within 1 h" is the share of all the
//     week's requests answered within an hour (unanswered ones count against it).
//   - A post is a message by the owner or an admin that starts like a post the app
//     makes (【上新】, 【资源索引表】 …), contains 资源索引, or was sent within
//     Rules.PostMatch of a post in the app's history; the parts of one post sent
//     within Rules.PostMatch of each other are one post. Its engagement is the number
//     of distinct members (not the owner or an admin) with a non-system message in the
//     Rules.ReplyWindow after it (the end excluded); the week shows the average over
//     its posts.
//   - Joins and leaves are read from system messages (…加入本群, …退出了群聊, …被移出…).
//   - Silent (潜水): a seated, not-left member (not the owner or an admin) whose last
//     message — in the chat or by the QQ member list's 最后发言时间, whichever is later —
//     is at least Rules.SilentDays old, or who never spoke and joined that long ago.
package insight

import (
	"sort"
	"strings"
	"time"
)

// China is the time zone weeks are cut in.
var China = time.FixedZone("CST", 8*3600)

// Role is a member's place in the group.
type Role uint8

// The roles.
const (
	Member Role = iota
	Admin
	Owner
)

// Staff says whether the role answers requests and makes posts.
func (r Role) Staff() bool { return r == Admin || r == Owner }

// Message is one chat message as the metrics need it.
type Message struct {
	At         time.Time
	SenderQQ   string
	SenderName string
	System     bool // 系统消息
	Text       string
	Mentions   []string // names (or QQ numbers) @-ed in the body
}

// GroupMember is one seat from the member list.
type GroupMember struct {
	QQ          string
	Name        string
	Role        Role
	JoinedAt    *time.Time
	LeftAt      *time.Time
	LastSpokeAt *time.Time // QQ list's 最后发言时间
}

// Post is one post in the app's history.
type Post struct {
	At   time.Time
	Kind string
}

// Rules are the thresholds of the definitions above.
type Rules struct {
	RequestStarts   []string      // a message starting with one is a request
	RequestPhrases  []string      // a message containing one is a request
	NotRequests     []string      // starts that look like a request but are not (收到)
	AnswerWindow    time.Duration // an admin message this soon after a request answers it
	AnswerMax       time.Duration // an @-mention of the asker answers it until then
	PostStarts      []string      // a staff message starting with one is a post
	PostPhrases     []string      // a staff message containing one is a post
	PostMatch       time.Duration // a staff message this near a recorded post is that post
	ReplyWindow     time.Duration // replies to a post are counted this long
	SilentDays      int
	QuickAnswer     time.Duration // the "within" of the response share (1 h)
	TopContributors int
}

// DefaultRequestStarts are the asking words a request starts with: the strong ones of
// data/wording's asking prefixes (要, 买, 请问 … are too common in chat to mark one).
var DefaultRequestStarts = []string{"求", "收", "有没有", "谁有", "有人有", "哪里有", "蹲", "急需", "想要", "想买"}

// DefaultRequestPhrases mark a request anywhere in a message.
var DefaultRequestPhrases = []string{"有没有", "谁有", "有人有", "求购", "求个", "求一个", "哪里有", "谁手里有"}

// DefaultRules are the thresholds the dashboard uses.
func DefaultRules() Rules {
	return Rules{
		RequestStarts:   DefaultRequestStarts,
		RequestPhrases:  DefaultRequestPhrases,
		NotRequests:     []string{"收到", "收藏", "收益", "收下", "收好", "求你", "求求你"},
		AnswerWindow:    10 * time.Minute,
		AnswerMax:       24 * time.Hour,
		PostStarts:      []string{"【上新】", "【资源索引", "【本周群活力周报】", "【补货", "【投票】", "【资源盲盒", "【置换区", "【群规", "【失效资源"},
		PostPhrases:     []string{"资源索引"},
		PostMatch:       10 * time.Minute,
		ReplyWindow:     time.Hour,
		SilentDays:      14,
		QuickAnswer:     time.Hour,
		TopContributors: 5,
	}
}

// WithRequestWords adds the owner's own asking words (each both a start and a phrase).
func (r Rules) WithRequestWords(own []string) Rules {
	starts := append([]string(nil), r.RequestStarts...)
	phrases := append([]string(nil), r.RequestPhrases...)
	for _, w := range own {
		if w = strings.TrimSpace(w); w != "" {
			starts = append(starts, w)
			phrases = append(phrases, w)
		}
	}
	r.RequestStarts, r.RequestPhrases = starts, phrases
	return r
}

// Week is one Monday-to-Monday week, [Start, End).
type Week struct{ Start, End time.Time }

// Contains says whether t falls in the week.
func (w Week) Contains(t time.Time) bool { return !t.Before(w.Start) && t.Before(w.End) }

// WeekOf is the week holding t.
func WeekOf(t time.Time) Week {
	c := t.In(China)
	day := time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, China)
	back := (int(day.Weekday()) + 6) % 7 // days since Monday
	start := day.AddDate(0, 0, -back)
	return Week{Start: start, End: start.AddDate(0, 0, 7)}
}

// LastWeeks are the n weeks ending with the one holding now, oldest first.
func LastWeeks(now time.Time, n int) []Week {
	ws := make([]Week, n)
	w := WeekOf(now)
	for i := n - 1; i >= 0; i-- {
		ws[i] = w
		w = Week{Start: w.Start.AddDate(0, 0, -7), End: w.Start}
	}
	return ws
}

// WeekIndex is the index of the week holding t in ws, or -1.
func WeekIndex(ws []Week, t time.Time) int {
	i := sort.Search(len(ws), func(i int) bool { return ws[i].End.After(t) })
	if i < len(ws) && ws[i].Contains(t) {
		return i
	}
	return -1
}

// seated says whether the member holds a seat at t.
func (m GroupMember) seated(t time.Time) bool {
	if m.JoinedAt != nil && m.JoinedAt.After(t) {
		return false
	}
	return m.LeftAt == nil || m.LeftAt.After(t)
}
