package insight

import (
	"sort"
	"strings"
	"time"
	"unicode"
)

// Request is a member's request in the chat and its first answer by the staff.
type Request struct {
	At         time.Time
	AskerQQ    string
	AskerName  string
	Text       string
	Answered   bool
	AnsweredBy string
	Wait       time.Duration // from the request to its answer
}

// IsRequest says whether a member's text asks for something (see the package doc).
func IsRequest(text string, r Rules) bool {
	t := stripLeading(text)
	if t == "" {
		return false
	}
	for _, no := range r.NotRequests {
		if strings.HasPrefix(t, no) {
			return false
		}
	}
	for _, w := range r.RequestStarts {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	for _, p := range r.RequestPhrases {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// stripLeading drops spaces, punctuation and leading @名字 mentions (up to a space).
func stripLeading(text string) string {
	t := strings.TrimLeftFunc(text, unicode.IsSpace)
	for strings.HasPrefix(t, "@") {
		end := strings.IndexFunc(t, unicode.IsSpace)
		if end < 0 {
			return ""
		}
		t = strings.TrimLeftFunc(t[end:], unicode.IsSpace)
	}
	return strings.TrimLeftFunc(t, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
}

// mentions says whether m @-mentions the member qq known as name.
func mentions(m Message, qq, name string) bool {
	for _, x := range m.Mentions {
		x = strings.TrimPrefix(x, "@")
		if x != "" && (x == qq || x == name) {
			return true
		}
	}
	return name != "" && strings.Contains(m.Text, "@"+name)
}

// FindRequests lists the members' requests among msgs (sorted by time) with their
// first answer by a staff member, roles by QQ number.
func FindRequests(msgs []Message, roles map[string]Role, r Rules) []Request {
	var reqs []Request
	var open []int // indexes into reqs still waiting
	for _, m := range msgs {
		if m.System || m.SenderQQ == "" {
			continue
		}
		if roles[m.SenderQQ].Staff() {
			kept := open[:0]
			for _, i := range open {
				q := &reqs[i]
				wait := m.At.Sub(q.At)
				switch {
				case wait > r.AnswerMax:
					continue // too late: no longer waiting
				case wait <= r.AnswerWindow || mentions(m, q.AskerQQ, q.AskerName):
					q.Answered, q.AnsweredBy, q.Wait = true, m.SenderQQ, wait
					continue
				}
				kept = append(kept, i)
			}
			open = kept
			continue
		}
		if IsRequest(m.Text, r) {
			reqs = append(reqs, Request{At: m.At, AskerQQ: m.SenderQQ, AskerName: m.SenderName, Text: m.Text})
			open = append(open, len(reqs)-1)
		}
	}
	return reqs
}

func applyRequests(out []WeekMetrics, ws []Week, reqs []Request, r Rules) {
	waits := make([][]time.Duration, len(ws))
	for _, q := range reqs {
		i := WeekIndex(ws, q.At)
		if i < 0 {
			continue
		}
		out[i].Requests++
		if q.Answered {
			out[i].Answered++
			waits[i] = append(waits[i], q.Wait)
		}
	}
	for i := range out {
		if out[i].Requests == 0 {
			continue
		}
		quick := 0
		for _, w := range waits[i] {
			if w <= r.QuickAnswer {
				quick++
			}
		}
		out[i].WithinHour = float64(quick) / float64(out[i].Requests)
		out[i].MedianResponse = Median(waits[i])
	}
}

// Median is the middle of ds (the mean of the two middle ones when even), 0 when empty.
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
