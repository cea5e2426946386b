package insight

import (
	"math"
	"testing"
	"time"
)

// cst is a China wall-clock time in November 2026 (or another month).
func cst(month time.Month, day, hour, min int) time.Time {
	return time.Date(2026, month, day, hour, min, 0, 0, China)
}

func ptr(t time.Time) *time.Time { return &t }

// The fixed group: weeks of Monday 16 and Monday 23 November 2026, now Wednesday 25
// November 12:00. Every expected number below was worked out by hand in the comments.
var (
	now     = cst(11, 25, 12, 0)
	members = []GroupMember{
		{QQ: "10001", Name: "群主", Role: Owner},
		{QQ: "10002", Name: "管理员小王", Role: Admin},
		{QQ: "20001", Name: "小明"},
		{QQ: "20002", Name: "小红"},
		{QQ: "20003", Name: "阿强", LeftAt: ptr(cst(11, 20, 8, 0))},
		{QQ: "20004", Name: "潜水君", JoinedAt: ptr(cst(9, 1, 0, 0)), LastSpokeAt: ptr(cst(10, 1, 12, 0))},
		{QQ: "20005", Name: "新人", JoinedAt: ptr(cst(11, 24, 9, 0))},
		{QQ: "20006", Name: "老王", JoinedAt: ptr(cst(8, 1, 0, 0))},
		{QQ: "20007", Name: "阿花", LastSpokeAt: ptr(cst(11, 20, 0, 0))},
		{QQ: "20008", Name: "老李"},
	}
	history = []Post{{At: cst(11, 24, 12, 4), Kind: "index"}}
)

func msg(at time.Time, qq, name, text string, mentions ...string) Message {
	return Message{At: at, SenderQQ: qq, SenderName: name, Text: text, Mentions: mentions}
}

func sys(at time.Time, text string) Message {
	return Message{At: at, SenderQQ: "10000", SenderName: "系统消息", System: true, Text: text}
}

var chat = []Message{
	// Week of 16 November.
	msg(cst(11, 17, 10, 0), "20001", "小明", "求王者荣耀点券"),            // request 1
	msg(cst(11, 17, 10, 5), "10002", "管理员小王", "@小明 有的，私聊", "小明"), // answers 1 after 5 min
	msg(cst(11, 17, 20, 0), "10001", "群主", "【上新】爱奇艺月卡到货"),        // post A
	msg(cst(11, 17, 20, 10), "20001", "小明", "要一张"),               // replies to A
	msg(cst(11, 17, 20, 30), "20002", "小红", "我也要"),               // replies to A
	msg(cst(11, 17, 20, 40), "20001", "小明", "付款了"),               // same replier
	msg(cst(11, 17, 21, 30), "20003", "阿强", "晚了吗"),               // after the hour
	msg(cst(11, 18, 9, 0), "20003", "阿强", "有没有腾讯视频会员"),           // request 2
	msg(cst(11, 18, 11, 0), "10001", "群主", "@阿强 明天到货", "阿强"),     // answers 2 after 2 h
	msg(cst(11, 19, 12, 0), "20002", "小红", "收到，谢谢"),              // not a request
	sys(cst(11, 20, 8, 0), "阿强退出了群聊"),                            // a leave
	// Week of 23 November.
	msg(cst(11, 23, 9, 0), "20001", "小明", "@群主 有人有网易云黑胶吗", "群主"),    // request 3
	msg(cst(11, 23, 9, 30), "10002", "管理员小王", "今天天气不错"),             // 30 min, no mention: no answer
	msg(cst(11, 23, 15, 0), "10002", "管理员小王", "@小明 网易云黑胶有货了", "小明"), // answers 3 after 6 h
	sys(cst(11, 24, 9, 0), "新人加入本群"),                                // a join
	msg(cst(11, 24, 10, 0), "20005", "新人", "大家好"),
	msg(cst(11, 24, 10, 2), "30001", "路人", "谁有优酷会员"),           // request 4, never answered
	msg(cst(11, 24, 12, 0), "10001", "群主", "本周资源一览（1/2）"),      // post B: 4 min from the recorded post
	msg(cst(11, 24, 12, 5), "10001", "群主", "（2/2）"),            // its second part
	msg(cst(11, 24, 12, 30), "20002", "小红", "收藏了"),             // replies to B, not a request
	msg(cst(11, 24, 12, 40), "20005", "新人", "求优酷"),             // request 5, replies to B
	msg(cst(11, 24, 12, 45), "30001", "路人", "同求"),              // replies to B, not a request
	msg(cst(11, 24, 12, 48), "10002", "管理员小王", "@新人 有的", "新人"), // answers 5 after 8 min
	msg(cst(11, 24, 13, 0), "20001", "小明", "来晚了"),              // at the hour's end: not counted
	msg(cst(11, 25, 8, 0), "20002", "小红", "有没有爱奇艺"),            // request 6, never answered
}

func compute() Report {
	ws := LastWeeks(now, 2)
	r := DefaultRules()
	r.TopContributors = 3
	return Compute(Input{Weeks: ws, Now: now, Members: members, Counts: CountSenders(ws, chat), Messages: chat, Posts: history}, r)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestWeekMetrics(t *testing.T) {
	rep := compute()
	want := []WeekMetrics{{
		// Senders: 小明 3, 群主 2, 小红 2, 阿强 2, 管理员 1 = 10 messages, 5 active.
		// Seated on Sunday night: all but 阿强 (left) and 新人 (not yet) = 8, plus 阿强
		// who spoke = 9. Requests 1 (5 min) and 2 (2 h): median 62.5 min, 1 of 2 within 1 h.
		Members: 9, Active: 5, Messages: 10, Rate: 5.0 / 9, PerActive: 2,
		Requests: 2, Answered: 2, MedianResponse: 62*time.Minute + 30*time.Second, WithinHour: 0.5,
		Posts: 1, Engagement: 2, Leaves: 1,
	}, {
		// Senders: 管理员 3, 小明 2, 新人 2, 路人 2, 群主 2, 小红 2 = 13 messages, 6 active.
		// Seated: all but 阿强 = 9, plus 路人 (not on the list) = 10.
		// Requests 3 (6 h), 4 (none), 5 (8 min), 6 (none): median 3 h 4 min, 1 of 4 within 1 h.
		// Post B (two parts, one post): 小红, 新人, 路人 within the hour = 3.
		Members: 10, Active: 6, Messages: 13, Rate: 0.6, PerActive: 13.0 / 6,
		Requests: 4, Answered: 2, MedianResponse: 3*time.Hour + 4*time.Minute, WithinHour: 0.25,
		Posts: 1, Engagement: 3, Joins: 1,
	}}
	if len(rep.Weeks) != 2 {
		t.Fatalf("%d weeks", len(rep.Weeks))
	}
	for i, w := range want {
		got := rep.Weeks[i]
		w.Week = got.Week
		if got.Members != w.Members || got.Active != w.Active || got.Messages != w.Messages ||
			!near(got.Rate, w.Rate) || !near(got.PerActive, w.PerActive) ||
			got.Requests != w.Requests || got.Answered != w.Answered || got.MedianResponse != w.MedianResponse ||
			!near(got.WithinHour, w.WithinHour) || got.Posts != w.Posts || !near(got.Engagement, w.Engagement) ||
			got.Joins != w.Joins || got.Leaves != w.Leaves {
			t.Errorf("week %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	if rep.This().Messages != 13 || rep.Last().Messages != 10 {
		t.Errorf("This/Last: %d, %d", rep.This().Messages, rep.Last().Messages)
	}
}

func TestRequestsAndAnswers(t *testing.T) {
	rep := compute()
	want := []struct {
		asker    string
		answered bool
		by       string
		wait     time.Duration
	}{
		{"20001", true, "10002", 5 * time.Minute},
		{"20003", true, "10001", 2 * time.Hour},
		{"20001", true, "10002", 6 * time.Hour},
		{"30001", false, "", 0},
		{"20005", true, "10002", 8 * time.Minute},
		{"20002", false, "", 0},
	}
	if len(rep.Requests) != len(want) {
		t.Fatalf("%d requests: %+v", len(rep.Requests), rep.Requests)
	}
	for i, w := range want {
		q := rep.Requests[i]
		if q.AskerQQ != w.asker || q.Answered != w.answered || q.AnsweredBy != w.by || q.Wait != w.wait {
			t.Errorf("request %d: %+v, want %+v", i+1, q, w)
		}
	}
}

func TestPostReaches(t *testing.T) {
	rep := compute()
	if len(rep.Reaches) != 2 || rep.Reaches[0].Repliers != 2 || rep.Reaches[1].Repliers != 3 ||
		!rep.Reaches[1].At.Equal(cst(11, 24, 12, 0)) {
		t.Fatalf("reaches %+v", rep.Reaches)
	}
	// Without the recorded post, post B is an ordinary message.
	r := DefaultRules()
	if got := PostReaches(chat, map[string]Role{"10001": Owner, "10002": Admin}, nil, r); len(got) != 1 {
		t.Errorf("without history: %+v", got)
	}
}

func TestContributorsAndSenders(t *testing.T) {
	rep := compute()
	// This week: 管理员 3, then the ties of 2 by QQ number: 群主 10001, 小明 20001.
	wantTop := []Contributor{{"10002", "管理员小王", 3}, {"10001", "群主", 2}, {"20001", "小明", 2}}
	// Last week: 小明 3, then 群主 10001 and 小红 20002 (阿强 20003 is the fourth).
	wantLast := []Contributor{{"20001", "小明", 3}, {"10001", "群主", 2}, {"20002", "小红", 2}}
	for name, c := range map[string][2][]Contributor{"this": {rep.Top, wantTop}, "last": {rep.TopLast, wantLast}} {
		if len(c[0]) != len(c[1]) {
			t.Fatalf("%s: %+v", name, c[0])
		}
		for i := range c[1] {
			if c[0][i] != c[1][i] {
				t.Errorf("%s %d: %+v, want %+v", name, i, c[0][i], c[1][i])
			}
		}
	}
	// 小明: 3 + 2 = 5 messages over 2 weeks; the days run from Monday 16 00:00 to now,
	// Wednesday 25 12:00 = 9.5 days.
	s := rep.Senders[0]
	if s.QQ != "20001" || s.Messages != 5 || s.ActiveWeeks != 2 || !near(s.PerWeek, 2.5) || !near(s.PerDay, 5/9.5) ||
		!s.First.Equal(cst(11, 17, 10, 0)) || !s.Last.Equal(cst(11, 24, 13, 0)) {
		t.Errorf("小明: %+v", s)
	}
	order := []string{"20001", "10001", "10002", "20002", "20003", "20005", "30001"}
	if len(rep.Senders) != len(order) {
		t.Fatalf("senders %+v", rep.Senders)
	}
	for i, qq := range order {
		if rep.Senders[i].QQ != qq {
			t.Errorf("sender %d: %s, want %s", i, rep.Senders[i].QQ, qq)
		}
	}
	if rep.Senders[6].Name != "路人" {
		t.Errorf("a sender off the list keeps the chat's name: %q", rep.Senders[6].Name)
	}
}

func TestSilent(t *testing.T) {
	rep := compute()
	// 老王 never spoke and joined 1 August: 116 days to 25 November noon; 老李 never
	// spoke, join unknown; 潜水君 last spoke 1 October noon by the QQ list: 55 days.
	// 阿花 spoke on 20 November by the QQ list only, 阿强 left, 新人 is new and spoke.
	want := []SilentMember{{QQ: "20006", Name: "老王", Days: 116}, {QQ: "20008", Name: "老李", Days: -1}, {QQ: "20004", Name: "潜水君", Days: 55}}
	if len(rep.Silent) != len(want) {
		t.Fatalf("silent %+v", rep.Silent)
	}
	for i, w := range want {
		g := rep.Silent[i]
		if g.QQ != w.QQ || g.Name != w.Name || g.Days != w.Days || (g.LastSeen == nil) != (i < 2) {
			t.Errorf("silent %d: %+v, want %+v", i, g, w)
		}
	}
	// Without any chat, the QQ list alone still finds them, and 小明 and 小红 (no
	// last-speak time, no join date) join them: 5.
	got := Silent(members, nil, now, 14)
	if len(got) != 5 {
		t.Errorf("from the list alone: %+v", got)
	}
}

func TestIsRequest(t *testing.T) {
	r := DefaultRules().WithRequestWords([]string{"蹲一个"})
	for _, c := range []struct {
		text string
		want bool
	}{
		{"求王者点券", true},
		{"  @群主 @小王 收爱奇艺月卡", true},
		{"请问有没有优酷", true},
		{"谁有网易云", true},
		{"今天有人有空吗", true}, // the phrase rule is deliberately broad
		{"收到", false},
		{"收藏了", false},
		{"同求", false},
		{"大家好", false},
		{"@群主", false},
		{"", false},
		{"，求带", true},
		{"我也蹲一个", true},
	} {
		if got := IsRequest(c.text, r); got != c.want {
			t.Errorf("IsRequest(%q) = %v", c.text, got)
		}
	}
}

func TestWeeks(t *testing.T) {
	for _, c := range []struct {
		at   time.Time
		want time.Time
	}{
		{cst(11, 25, 12, 0), cst(11, 23, 0, 0)},
		{cst(11, 23, 0, 0), cst(11, 23, 0, 0)},
		{cst(11, 22, 23, 59), cst(11, 16, 0, 0)},
		{cst(11, 29, 23, 59), cst(11, 23, 0, 0)},
		// Sunday 16:30 UTC is Monday 00:30 in China.
		{time.Date(2026, 11, 22, 16, 30, 0, 0, time.UTC), cst(11, 23, 0, 0)},
	} {
		if got := WeekOf(c.at); !got.Start.Equal(c.want) || !got.End.Equal(c.want.AddDate(0, 0, 7)) {
			t.Errorf("WeekOf(%v) = %v", c.at, got)
		}
	}
	ws := LastWeeks(now, 12)
	if len(ws) != 12 || !ws[11].Start.Equal(cst(11, 23, 0, 0)) || !ws[0].Start.Equal(cst(9, 7, 0, 0)) {
		t.Errorf("LastWeeks: %v … %v", ws[0], ws[11])
	}
	if WeekIndex(ws, cst(9, 6, 23, 0)) != -1 || WeekIndex(ws, cst(9, 7, 0, 0)) != 0 || WeekIndex(ws, cst(11, 30, 0, 0)) != -1 {
		t.Error("WeekIndex at the edges")
	}
}

func TestJoinOrLeaveAndMedian(t *testing.T) {
	for text, want := range map[string]int{"小张加入本群": 1, "管理员邀请小李加入了群聊": 1, "小王退出了群聊": -1, "小赵被管理员移出了群聊": -1, "小明撤回了一条消息": 0} {
		if got := JoinOrLeave(text); got != want {
			t.Errorf("JoinOrLeave(%q) = %d", text, got)
		}
	}
	if Median(nil) != 0 || Median([]time.Duration{3, 1, 2}) != 2 || Median([]time.Duration{4, 1, 3, 2}) != 2 {
		t.Error("Median")
	}
}
