package posts

import (
	"fmt"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// SessionAmounts are the points a session gives, as the owner set them.
type SessionAmounts struct {
	Attend, Speak int64
}

var weekdays = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

func sessionTitle(g data.Group, what string, s data.ShareSession) string {
	if g.Name != "" {
		return "【" + g.Name + " · " + what + "】" + s.Topic + "\n"
	}
	return "【" + what + "】" + s.Topic + "\n"
}

// sessionTime is 12月5日（周六）20:00–21:00.
func sessionTime(s data.ShareSession, loc *time.Location) string {
	st, end := s.StartsAt.In(loc), s.EndsAt().In(loc)
	return fmt.Sprintf("%d月%d日（%s）%s–%s", st.Month(), st.Day(), weekdays[st.Weekday()], st.Format("15:04"), end.Format("15:04"))
}

// howToJoin says how members take part in the group.
func howToJoin(h data.SessionHow) string {
	switch h {
	case data.SessionVoice:
		return "QQ群语音（开始时群里会发起语音通话，点进去就能听，也可以连麦提问）"
	case data.SessionLive:
		return "群直播（开始时群里会出现直播入口，点进去就能看）"
	}
	return "文字分享（就在本群聊天里讲，到时留意群消息）"
}

// SessionNotice is the announcement (分享会预告) of session s (with its speaker):
// topic, speaker, time, how to join, what it is about, what to prepare, and the points
// attending earns.
func SessionNotice(g data.Group, s data.ShareSession, pts SessionAmounts, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	var b strings.Builder
	b.WriteString(sessionTitle(g, "分享会预告", s))
	b.WriteString("主讲：" + s.SpeakerName() + "\n")
	b.WriteString("时间：" + sessionTime(s, loc) + "\n")
	b.WriteString("方式：" + howToJoin(s.How) + "\n")
	if d := strings.TrimSpace(s.Description); d != "" {
		b.WriteString("内容：" + d + "\n")
	}
	if p := strings.TrimSpace(s.Prepare); p != "" {
		b.WriteString("请提前准备：" + p + "\n")
	}
	b.WriteString("━━━━━━━━━━\n")
	fmt.Fprintf(&b, "参加的群友每人得 %d 互助积分，主讲得 %d 分，结束后统一发放，积分可以兑换稀缺资源和身份标识。\n", pts.Attend, pts.Speak)
	b.WriteString("有想问的可以先在群里留言，主讲会一并解答。想当主讲的朋友也欢迎私聊群主报名！")
	return Sanitize(b.String(), knownQQ)
}

// SessionReminder is the reminder (分享会提醒) shortly before session s starts, at now:
// when (今天/明天 and the hour), the speaker, how to join, what to prepare.
func SessionReminder(g data.Group, s data.ShareSession, pts SessionAmounts, now time.Time, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	var b strings.Builder
	b.WriteString(sessionTitle(g, "分享会提醒", s))
	b.WriteString(reminderWhen(s.StartsAt, now, loc) + "\n")
	b.WriteString("主讲：" + s.SpeakerName() + "\n")
	b.WriteString("方式：" + howToJoin(s.How) + "\n")
	if p := strings.TrimSpace(s.Prepare); p != "" {
		b.WriteString("请提前准备：" + p + "\n")
	}
	fmt.Fprintf(&b, "参加可得 %d 互助积分，准时来哦！", pts.Attend)
	return Sanitize(b.String(), knownQQ)
}

// reminderWhen says when the session starts as seen from now: 今天 20:00 开始（还有
// 2 小时）, 明天 20:00 开始, or the date.
func reminderWhen(at, now time.Time, loc *time.Location) string {
	l, n := at.In(loc), now.In(loc)
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc) }
	hhmm := l.Format("15:04")
	switch days := int(day(l).Sub(day(n)).Hours() / 24); {
	case !at.After(now):
		return "已经开始了（" + hhmm + " 开始），现在进来还来得及"
	case days == 0:
		left := at.Sub(now)
		if left < time.Hour {
			return fmt.Sprintf("今天 %s 开始（还有 %d 分钟）", hhmm, int((left+time.Minute-1)/time.Minute))
		}
		return fmt.Sprintf("今天 %s 开始（还有 %d 小时）", hhmm, int(left.Hours()))
	case days == 1:
		return "明天 " + hhmm + " 开始"
	}
	return fmt.Sprintf("%d月%d日（%s）%s 开始", l.Month(), l.Day(), weekdays[l.Weekday()], hhmm)
}

// SessionRecap is the post after session s (with speaker and attendees): when, who
// spoke, how many came, the summary, and that the points were given.
func SessionRecap(g data.Group, s data.ShareSession, pts SessionAmounts, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	var b strings.Builder
	b.WriteString(sessionTitle(g, "分享会回顾", s))
	st := s.StartsAt.In(loc)
	fmt.Fprintf(&b, "%d月%d日 %s · 主讲：%s", st.Month(), st.Day(), st.Format("15:04"), s.SpeakerName())
	if n := attendeesBesidesSpeaker(s); n > 0 {
		fmt.Fprintf(&b, " · 共 %d 位群友参加", n)
	}
	b.WriteString("\n")
	if sum := strings.TrimSpace(s.Summary); sum != "" {
		b.WriteString("要点：\n" + sum + "\n")
	}
	b.WriteString("━━━━━━━━━━\n")
	fmt.Fprintf(&b, "谢谢%s的分享！主讲得 %d 互助积分，参加的群友每人 %d 分，已经记上。\n", s.SpeakerName(), pts.Speak, pts.Attend)
	b.WriteString("往期分享会的主题和要点群主都记着，想回看哪一期可以私聊群主。")
	return Sanitize(b.String(), knownQQ)
}

func attendeesBesidesSpeaker(s data.ShareSession) int {
	n := 0
	for _, a := range s.Attendees {
		if a.MemberID != s.SpeakerID {
			n++
		}
	}
	return n
}

// BuildSessionPost makes post kind (预告, 提醒 or 回顾) of session s for recording once
// copied.
func BuildSessionPost(kind data.PostKind, g data.Group, s data.ShareSession, pts SessionAmounts, now time.Time, loc *time.Location, knownQQ []string) Built {
	var text string
	switch kind {
	case data.PostSessionReminder:
		text = SessionReminder(g, s, pts, now, loc, knownQQ)
	case data.PostSessionRecap:
		text = SessionRecap(g, s, pts, loc, knownQQ)
	default:
		kind, text = data.PostSessionNotice, SessionNotice(g, s, pts, loc, knownQQ)
	}
	gid := g.ID
	return Built{Kind: kind, GroupID: &gid, Text: text, Parts: Split(text, MaxPartRunes)}
}
