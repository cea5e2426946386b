package insight

import (
	"sort"
	"time"
)

// SenderCount is how many non-system messages one sender sent in one week, with the
// first and the last of them. The store aggregates these in SQL; CountSenders makes
// them from messages.
type SenderCount struct {
	Week        int // index into the weeks
	QQ, Name    string
	Messages    int
	First, Last time.Time
}

// CountSenders aggregates messages into counts per week and sender, in week then QQ order.
func CountSenders(ws []Week, msgs []Message) []SenderCount {
	type key struct {
		week int
		qq   string
	}
	at := map[key]int{}
	var out []SenderCount
	for _, m := range msgs {
		if m.System || m.SenderQQ == "" {
			continue
		}
		w := WeekIndex(ws, m.At)
		if w < 0 {
			continue
		}
		k := key{w, m.SenderQQ}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, SenderCount{Week: w, QQ: m.SenderQQ, Name: m.SenderName, First: m.At, Last: m.At})
		}
		c := &out[i]
		c.Messages++
		if m.At.Before(c.First) {
			c.First = m.At
		}
		if m.At.After(c.Last) {
			c.Last = m.At
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Week != out[j].Week {
			return out[i].Week < out[j].Week
		}
		return out[i].QQ < out[j].QQ
	})
	return out
}

// WeekMetrics are one week's numbers.
type WeekMetrics struct {
	Week      Week
	Members   int     // all members: seated at the week's end, plus unseated senders
	Active    int     // distinct senders
	Messages  int     // non-system messages
	Rate      float64 // Active / Members, 0..1
	PerActive float64 // Messages / Active
	// Requests and their answers.
	Requests, Answered int
	MedianResponse     time.Duration // over the answered ones; 0 when none
	WithinHour         float64       // answered within Rules.QuickAnswer / Requests, 0..1
	// Posts and the distinct members who replied within the reply window.
	Posts      int
	Engagement float64 // average repliers per post
	Joins      int
	Leaves     int
}

// HasRequests and HasPosts say whether the averages mean something.
func (m WeekMetrics) HasRequests() bool { return m.Requests > 0 }

// HasPosts says whether the week had a post to measure.
func (m WeekMetrics) HasPosts() bool { return m.Posts > 0 }

// Contributor is a member's messages in a week.
type Contributor struct {
	QQ, Name string
	Messages int
}

// SenderSummary is a member's chat over the measured weeks.
type SenderSummary struct {
	QQ, Name    string
	Messages    int
	ActiveWeeks int
	PerWeek     float64 // Messages / the weeks measured
	PerDay      float64 // Messages / the days measured (up to now)
	First, Last time.Time
}

// SilentMember is a member to win back.
type SilentMember struct {
	QQ, Name string
	LastSeen *time.Time // nil: never seen speaking
	Days     int        // whole days since LastSeen; since joining (or -1 when unknown) when never seen
}

// Input is what Compute reads.
type Input struct {
	Weeks   []Week // oldest first; the last one is "this week"
	Now     time.Time
	Members []GroupMember
	Counts  []SenderCount
	// Messages needs to hold at least the requests, the staff's messages, the system
	// messages and every message within the reply window after a staff post; it may
	// hold them all.
	Messages []Message
	Posts    []Post
	// LastSeen is each sender's last non-system message in all imported chat (the
	// counts give it within the weeks when this is nil).
	LastSeen map[string]time.Time
}

// Report is everything the dashboard shows.
type Report struct {
	Weeks    []WeekMetrics
	Requests []Request
	Reaches  []PostReach
	Top      []Contributor // this week's
	TopLast  []Contributor // last week's
	Senders  []SenderSummary
	Silent   []SilentMember
}

// This is the last week's metrics, Last the one before (zero when there are fewer).
func (r Report) This() WeekMetrics { return r.week(1) }

// Last is the week before this one.
func (r Report) Last() WeekMetrics { return r.week(2) }

func (r Report) week(back int) WeekMetrics {
	if len(r.Weeks) < back {
		return WeekMetrics{}
	}
	return r.Weeks[len(r.Weeks)-back]
}

// Compute derives the report.
func Compute(in Input, r Rules) Report {
	rep := Report{Weeks: make([]WeekMetrics, len(in.Weeks))}
	roles := map[string]Role{}
	names := map[string]string{}
	for _, m := range in.Members {
		roles[m.QQ] = m.Role
		if m.Name != "" {
			names[m.QQ] = m.Name
		}
	}
	active := make([]map[string]bool, len(in.Weeks))
	for i, w := range in.Weeks {
		rep.Weeks[i].Week = w
		active[i] = map[string]bool{}
	}
	for _, c := range in.Counts {
		if c.Week < 0 || c.Week >= len(in.Weeks) || c.Messages == 0 {
			continue
		}
		wm := &rep.Weeks[c.Week]
		wm.Messages += c.Messages
		if !active[c.Week][c.QQ] {
			active[c.Week][c.QQ] = true
			wm.Active++
		}
		if names[c.QQ] == "" && c.Name != "" {
			names[c.QQ] = c.Name
		}
	}
	for i := range rep.Weeks {
		wm := &rep.Weeks[i]
		seated := map[string]bool{}
		for _, m := range in.Members {
			if m.seated(wm.Week.End.Add(-time.Nanosecond)) {
				seated[m.QQ] = true
			}
		}
		wm.Members = len(seated)
		for qq := range active[i] {
			if !seated[qq] {
				wm.Members++
			}
		}
		if wm.Members > 0 {
			wm.Rate = float64(wm.Active) / float64(wm.Members)
		}
		if wm.Active > 0 {
			wm.PerActive = float64(wm.Messages) / float64(wm.Active)
		}
	}
	msgs := sortedMessages(in.Messages)
	rep.Requests = FindRequests(msgs, roles, r)
	applyRequests(rep.Weeks, in.Weeks, rep.Requests, r)
	rep.Reaches = PostReaches(msgs, roles, in.Posts, r)
	for _, p := range rep.Reaches {
		if i := WeekIndex(in.Weeks, p.At); i >= 0 {
			rep.Weeks[i].Posts++
			rep.Weeks[i].Engagement += float64(p.Repliers)
		}
	}
	for i := range rep.Weeks {
		if n := rep.Weeks[i].Posts; n > 0 {
			rep.Weeks[i].Engagement /= float64(n)
		}
	}
	for _, m := range msgs {
		if !m.System {
			continue
		}
		i := WeekIndex(in.Weeks, m.At)
		if i < 0 {
			continue
		}
		switch JoinOrLeave(m.Text) {
		case 1:
			rep.Weeks[i].Joins++
		case -1:
			rep.Weeks[i].Leaves++
		}
	}
	n := len(in.Weeks)
	if n > 0 {
		rep.Top = top(in.Counts, n-1, names, r.TopContributors)
	}
	if n > 1 {
		rep.TopLast = top(in.Counts, n-2, names, r.TopContributors)
	}
	rep.Senders = summaries(in, names)
	rep.Silent = Silent(in.Members, lastSeen(in), in.Now, r.SilentDays)
	return rep
}

func sortedMessages(msgs []Message) []Message {
	if sort.SliceIsSorted(msgs, func(i, j int) bool { return msgs[i].At.Before(msgs[j].At) }) {
		return msgs
	}
	out := append([]Message(nil), msgs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

func top(counts []SenderCount, week int, names map[string]string, n int) []Contributor {
	var cs []Contributor
	for _, c := range counts {
		if c.Week == week && c.Messages > 0 {
			cs = append(cs, Contributor{QQ: c.QQ, Name: nameOf(names, c.QQ, c.Name), Messages: c.Messages})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Messages != cs[j].Messages {
			return cs[i].Messages > cs[j].Messages
		}
		return cs[i].QQ < cs[j].QQ
	})
	if len(cs) > n {
		cs = cs[:n]
	}
	return cs
}

func nameOf(names map[string]string, qq, fallback string) string {
	if n := names[qq]; n != "" {
		return n
	}
	return fallback
}

func summaries(in Input, names map[string]string) []SenderSummary {
	at := map[string]int{}
	var out []SenderSummary
	for _, c := range in.Counts {
		if c.Messages == 0 {
			continue
		}
		i, ok := at[c.QQ]
		if !ok {
			i = len(out)
			at[c.QQ] = i
			out = append(out, SenderSummary{QQ: c.QQ, Name: nameOf(names, c.QQ, c.Name), First: c.First, Last: c.Last})
		}
		s := &out[i]
		s.Messages += c.Messages
		s.ActiveWeeks++
		if c.First.Before(s.First) {
			s.First = c.First
		}
		if c.Last.After(s.Last) {
			s.Last = c.Last
		}
	}
	var days float64
	if len(in.Weeks) > 0 {
		end := in.Weeks[len(in.Weeks)-1].End
		if in.Now.Before(end) && in.Now.After(in.Weeks[0].Start) {
			end = in.Now
		}
		days = end.Sub(in.Weeks[0].Start).Hours() / 24
	}
	for i := range out {
		out[i].PerWeek = float64(out[i].Messages) / float64(len(in.Weeks))
		if days > 0 {
			out[i].PerDay = float64(out[i].Messages) / days
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Messages != out[j].Messages {
			return out[i].Messages > out[j].Messages
		}
		return out[i].QQ < out[j].QQ
	})
	return out
}

func lastSeen(in Input) map[string]time.Time {
	seen := map[string]time.Time{}
	for qq, t := range in.LastSeen {
		seen[qq] = t
	}
	for _, c := range in.Counts {
		if c.Messages > 0 && c.Last.After(seen[c.QQ]) {
			seen[c.QQ] = c.Last
		}
	}
	return seen
}

// Silent lists the seated members who have not spoken for days days, in chat (seen)
// or by the member list's last-speak time: the longest silent first, those never seen
// before them, then by QQ number. The owner and admins are left out.
func Silent(members []GroupMember, seen map[string]time.Time, now time.Time, days int) []SilentMember {
	limit := now.Add(-time.Duration(days) * 24 * time.Hour)
	var out []SilentMember
	for _, m := range members {
		if m.Role.Staff() || !m.seated(now) {
			continue
		}
		last, ok := seen[m.QQ]
		if m.LastSpokeAt != nil && m.LastSpokeAt.After(last) {
			last, ok = *m.LastSpokeAt, true
		}
		s := SilentMember{QQ: m.QQ, Name: m.Name, Days: -1}
		switch {
		case ok:
			if last.After(limit) {
				continue
			}
			l := last
			s.LastSeen = &l
			s.Days = int(now.Sub(last) / (24 * time.Hour))
		case m.JoinedAt != nil:
			if m.JoinedAt.After(limit) {
				continue // new: give them time
			}
			s.Days = int(now.Sub(*m.JoinedAt) / (24 * time.Hour))
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.LastSeen == nil) != (b.LastSeen == nil) {
			return a.LastSeen == nil
		}
		if a.Days != b.Days {
			return a.Days > b.Days
		}
		return a.QQ < b.QQ
	})
	return out
}
