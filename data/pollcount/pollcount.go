// Package pollcount counts the votes of a poll (投票) from lines pasted out of a QQ
// group chat: each message is a header `2026-12-01 20:15:03 小明(12345678)` followed by
// its body lines. A reply such as `1`, `投1`, `选2`, `①`, `２` or `我选3号` is a vote for
// that option; one vote per member (by QQ number), the last one wins; votes after the
// close time do not count. Every line that is not a counted vote (chatter, an option
// that does not exist, a late vote, a line outside any message) is listed with its
// reason: nothing is dropped silently. No GORM, no Fyne.
package pollcount

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data/chatpaste"
)

// MaxLineRunes is the longest line kept whole in a problem or vote; longer ones are cut.
const MaxLineRunes = 200

// Message is one chat message: its header and body lines.
type Message struct {
	Line int       // 1-based line number of the header in the pasted text
	At   time.Time // UTC
	Name string
	QQ   string
	Body []Line
}

// Line is one pasted line with its 1-based number.
type Line struct {
	N    int
	Text string
}

// Problem is a pasted line that gave no counted vote, and why.
type Problem struct {
	Line   int
	Text   string
	Reason string
}

// Vote is one member's counted vote: the last one they sent before the close.
type Vote struct {
	QQ      string
	Name    string
	Option  int // 1-based
	At      time.Time
	Line    int    // where it was read
	Text    string // the line it was read from
	Changed int    // earlier votes of the same member replaced by this one
}

// Result is what a paste counts to.
type Result struct {
	Votes    []Vote // one per member, in the order of their counted vote
	Tallies  []int  // per option, index 0 is option 1
	Problems []Problem
}

// Total is the number of counted votes.
func (r Result) Total() int { return len(r.Votes) }

// Parse splits pasted chat text into messages with data/chatpaste, the QQ chat-line
// reader blind-box entries use too, and numbers each body line. Lines chatpaste could
// not read come back as problems, with the reason in the owner's words; so do the
// messages of a sender shown by e-mail, whose vote cannot be told apart by QQ number.
func Parse(text string, loc *time.Location) ([]Message, []Problem) {
	r := chatpaste.Parse(text, loc)
	var probs []Problem
	skip := map[int]bool{}
	for _, p := range r.Problems {
		skip[p.Line] = true
		probs = append(probs, Problem{p.Line, p.Text, reasons[p.Reason]})
	}
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n")
	var msgs []Message
	for _, m := range r.Messages {
		msg := Message{Line: m.Line, At: m.Time.UTC(), Name: m.Name, QQ: m.QQ}
		j := m.Line // 0-based index of the line after the header
		for _, b := range m.Body {
			// chatpaste keeps body lines in order, trimmed, without blank or unread ones.
			for j < len(lines) && (skip[j+1] || strings.TrimSpace(strings.TrimPrefix(lines[j], "\ufeff")) != b) {
				j++
			}
			msg.Body = append(msg.Body, Line{min(j, len(lines)-1) + 1, cut(b)})
			j++
		}
		if m.QQ == "" {
			probs = append(probs, Problem{m.Line, cut(m.Name), "发言人显示的是邮箱，没有QQ号，无法按人计票"})
			for _, l := range msg.Body {
				probs = append(probs, Problem{l.N, l.Text, "所在发言没有QQ号，没有计入"})
			}
			continue
		}
		msgs = append(msgs, msg)
	}
	return msgs, probs
}

var reasons = map[chatpaste.Reason]string{
	chatpaste.NoHeader: "不在任何发言之下（缺少发言时间、昵称和QQ号那一行），没有计入",
	chatpaste.BadQQ:    "发言人那一行读不出QQ号，这条发言没有计入",
	chatpaste.BadTime:  "发言时间不对，这条发言没有计入",
	chatpaste.NoBody:   "这条发言没有内容",
	chatpaste.TooLong:  "这一行太长，没有读",
	chatpaste.TooMany:  "超过一次能读的行数，没有读",
	chatpaste.BadText:  "这一行有乱码，没有读",
}

func cut(s string) string {
	r := []rune(s)
	if len(r) > MaxLineRunes {
		return string(r[:MaxLineRunes]) + "…"
	}
	return s
}

var circled = []rune("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")

var numerals = map[string]int{"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

var prefixes = []string{"我投票给", "投票给", "我投给", "我投", "我选", "投给", "投票", "支持", "选择", "选项", "投", "选", "第", "+", "＋"}
var suffixes = []string{"号选项", "个选项", "号", "个", "项", "票", "吧", "。", "！", "!", ".", "~", "～"}

// ReadChoice reads one reply line as an option number. It returns 0 and false when
// the line does not say a number at all.
func ReadChoice(line string) (int, bool) {
	s := normalize(line)
	for changed := true; changed; {
		changed = false
		for _, p := range prefixes {
			if strings.HasPrefix(s, p) {
				s, changed = strings.TrimSpace(strings.TrimPrefix(s, p)), true
			}
		}
		for _, p := range suffixes {
			if strings.HasSuffix(s, p) {
				s, changed = strings.TrimSpace(strings.TrimSuffix(s, p)), true
			}
		}
	}
	if v, ok := numerals[s]; ok {
		return v, true
	}
	if s == "" || len(s) > 3 {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return 0, false
	}
	return v, true
}

// normalize turns full-width digits and circled numbers into ASCII digits and drops
// spaces.
func normalize(line string) string {
	var b strings.Builder
	for _, r := range line {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r >= '①' && r <= '⑳':
			for i, c := range circled {
				if c == r {
					b.WriteString(strconv.Itoa(i + 1))
				}
			}
		case r == ' ' || r == '\t' || r == '　':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Count reads the votes in messages for a poll of options options closing at closeAt
// (zero: no close). Every body line that is not the counted vote is a problem, as are
// the lines Parse could not place (pass them in parseProblems).
func Count(msgs []Message, options int, closeAt time.Time, parseProblems []Problem) Result {
	r := Result{Tallies: make([]int, max(options, 0)), Problems: append([]Problem(nil), parseProblems...)}
	byQQ := map[string]int{} // index into r.Votes
	for _, m := range msgs {
		if len(m.Body) == 0 {
			r.Problems = append(r.Problems, Problem{m.Line, m.Name + "(" + m.QQ + ")", "这条发言没有内容"})
			continue
		}
		vote, at := 0, -1
		for i, l := range m.Body {
			v, ok := ReadChoice(l.Text)
			switch {
			case !ok:
				r.Problems = append(r.Problems, Problem{l.N, l.Text, "看不出投的是第几项，没有计入"})
			case v < 1 || v > options:
				r.Problems = append(r.Problems, Problem{l.N, l.Text, "没有第 " + strconv.Itoa(v) + " 项（只有 1–" + strconv.Itoa(options) + " 项），没有计入"})
			case !closeAt.IsZero() && m.At.After(closeAt):
				r.Problems = append(r.Problems, Problem{l.N, l.Text, "截止时间之后投的，没有计入"})
			case vote != 0 && v != vote:
				r.Problems = append(r.Problems, Problem{l.N, l.Text, "同一条发言里投了不同的项，以前面一行为准"})
			case vote != 0:
				r.Problems = append(r.Problems, Problem{l.N, l.Text, "同一条发言里重复，已计一票"})
			default:
				vote, at = v, i
			}
		}
		if vote == 0 {
			continue
		}
		l := m.Body[at]
		nv := Vote{QQ: m.QQ, Name: m.Name, Option: vote, At: m.At, Line: l.N, Text: l.Text}
		if i, ok := byQQ[m.QQ]; ok {
			old := r.Votes[i]
			if old.At.After(m.At) { // pasted out of order: the later vote stays
				r.Problems = append(r.Problems, Problem{l.N, l.Text, "同一人后来又投了（第 " + strconv.Itoa(old.Line) + " 行），以后一次为准"})
				r.Votes[i].Changed++
				continue
			}
			r.Problems = append(r.Problems, Problem{old.Line, old.Text, "同一人后来改投了（第 " + strconv.Itoa(l.N) + " 行），以后一次为准"})
			nv.Changed = old.Changed + 1
			r.Votes[i] = nv
			continue
		}
		byQQ[m.QQ] = len(r.Votes)
		r.Votes = append(r.Votes, nv)
	}
	for _, v := range r.Votes {
		r.Tallies[v.Option-1]++
	}
	sort.SliceStable(r.Problems, func(i, j int) bool { return r.Problems[i].Line < r.Problems[j].Line })
	return r
}

// CountText parses text and counts it: Parse then Count.
func CountText(text string, options int, closeAt time.Time, loc *time.Location) Result {
	msgs, probs := Parse(text, loc)
	return Count(msgs, options, closeAt, probs)
}
