package data

import (
	"strconv"
	"strings"
	"time"
)

// SessionState is where a tips-sharing session (分享会) stands.
type SessionState string

// The states of a session: prepared, announced to the group, held.
const (
	SessionPlanning  SessionState = "planning"  // 筹备中
	SessionPublished SessionState = "published" // 已发布
	SessionEnded     SessionState = "ended"     // 已结束
)

var sessionStateLabels = map[SessionState]string{SessionPlanning: "筹备中", SessionPublished: "已发布", SessionEnded: "已结束"}

// Label is the state in the owner's words.
func (st SessionState) Label() string { return sessionStateLabels[st] }

// sessionMoves is the one table of a session's moves.
var sessionMoves = map[[2]SessionState]bool{
	{SessionPlanning, SessionPublished}: true,
	{SessionPublished, SessionEnded}:    true,
}

// SessionHow is how members join a session.
type SessionHow string

// The ways a session is held in a QQ group.
const (
	SessionVoice SessionHow = "voice" // QQ群语音
	SessionLive  SessionHow = "live"  // 群直播
	SessionText  SessionHow = "text"  // 文字（群聊里直接讲）
)

// SessionHows lists the ways in the order forms offer them.
var SessionHows = []SessionHow{SessionVoice, SessionLive, SessionText}

var sessionHowLabels = map[SessionHow]string{SessionVoice: "QQ群语音", SessionLive: "群直播", SessionText: "文字"}

// Label is the way in the owner's words.
func (h SessionHow) Label() string { return sessionHowLabels[h] }

// SessionHowByLabel finds a way by its label.
func SessionHowByLabel(l string) (SessionHow, bool) {
	for h, hl := range sessionHowLabels {
		if hl == l {
			return h, true
		}
	}
	return "", false
}

// ShareSession is a tips-sharing session (资源使用技巧分享会): a member speaks on a
// topic at a time, the group is told (预告, 提醒), members attend, and afterwards the
// speaker and the attendees are given points. Held sessions stay listed as the group's
// knowledge base (topic, speaker, date, summary).
type ShareSession struct {
	ID          uint  `gorm:"primaryKey"`
	GroupID     *uint `gorm:"index"`
	Topic       string
	SpeakerID   uint
	Speaker     *Member `gorm:"-"`
	StartsAt    time.Time
	Minutes     int
	How         SessionHow
	Description string
	Prepare     string // what attendees should prepare
	State       SessionState
	Summary     string // notes after it: what was said, for the knowledge base
	SearchKey   string
	PublishedAt *time.Time
	EndedAt     *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Attendees   []ShareSessionAttendee `gorm:"foreignKey:SessionID"`
}

// ShareSessionAttendee is a member who took part in a session.
type ShareSessionAttendee struct {
	ID        uint    `gorm:"primaryKey"`
	SessionID uint    `gorm:"not null"`
	MemberID  uint    `gorm:"not null"`
	Member    *Member `gorm:"-"`
	CreatedAt time.Time
}

// EndsAt is when the session is planned to end.
func (s *ShareSession) EndsAt() time.Time {
	return s.StartsAt.Add(time.Duration(s.Minutes) * time.Minute)
}

// SpeakerName is the speaker as lists show them in the session's group.
func (s *ShareSession) SpeakerName() string {
	if s.Speaker == nil {
		return ""
	}
	return s.Speaker.DisplayName(deref(s.GroupID))
}

// Limits of a session.
const (
	MaxSessionTopicLen   = 100
	MaxSessionDescLen    = 1000
	MaxSessionPrepareLen = 200
	MaxSessionSummaryLen = 1000
	MinSessionMinutes    = 10
	MaxSessionMinutes    = 480
	DefaultSessionMins   = 60
	// MaxSessionAhead is how far ahead a session may be planned: further is a typing
	// mistake in the year.
	MaxSessionAhead = 366 * 24 * time.Hour
)

// SessionDraft is a session as the form gives it.
type SessionDraft struct {
	Topic       string
	SpeakerID   uint
	StartsAt    string // a date and time, in loc
	Minutes     string // empty: DefaultSessionMins
	How         SessionHow
	Description string
	Prepare     string
}

// Parse checks the draft at now: a topic ("topic"), a speaker picked from the members
// ("speaker"), a start time with its hour that is not past and not over a year ahead
// ("time"), a duration of 10–480 minutes ("minutes"), a way to join ("how"), and text
// within its limits ("description", "prepare"). keep is the start time the session
// already had: keeping it is allowed even once it has passed.
func (d SessionDraft) Parse(now time.Time, loc *time.Location, keep *time.Time) (ShareSession, error) {
	var p problems
	s := ShareSession{How: d.How, Minutes: DefaultSessionMins}
	s.Topic = checkText(&p, "topic", "主题", d.Topic, MaxSessionTopicLen, true)
	if d.SpeakerID == 0 {
		p.add("speaker", "请在名单里点选主讲人（可输入QQ号、昵称、群名片或拼音找TA）")
	}
	s.SpeakerID = d.SpeakerID
	text := strings.TrimSpace(d.StartsAt)
	switch {
	case text == "":
		p.add("time", "时间不能为空，请填写开始的日期和时间，如 2026-12-05 20:00")
	case !strings.Contains(text, ":") && !strings.Contains(text, "："):
		p.add("time", "时间请写到几点几分，如 2026-12-05 20:00")
	default:
		text = strings.ReplaceAll(text, "：", ":")
		if t := parseDate(&p, "time", "时间", text, orLocal(loc), false); t != nil {
			s.StartsAt = t.UTC()
			same := keep != nil && keep.Equal(s.StartsAt)
			switch {
			case !same && s.StartsAt.Before(now):
				p.add("time", "这个时间已经过去了，请填写以后的时间")
			case s.StartsAt.Sub(now) > MaxSessionAhead:
				p.add("time", "时间在一年以后，请检查年份")
			}
		}
	}
	if m := strings.TrimSpace(d.Minutes); m != "" {
		n, err := strconv.Atoi(m)
		if err != nil || n < MinSessionMinutes || n > MaxSessionMinutes {
			p.add("minutes", "时长请填 %d–%d 之间的分钟数", MinSessionMinutes, MaxSessionMinutes)
		} else {
			s.Minutes = n
		}
	}
	if s.How.Label() == "" {
		p.add("how", "请选择参加方式：QQ群语音、群直播或文字")
	}
	s.Description = checkText(&p, "description", "内容介绍", d.Description, MaxSessionDescLen, false)
	s.Prepare = checkText(&p, "prepare", "需要准备", d.Prepare, MaxSessionPrepareLen, false)
	return s, p.err()
}
