package data

import (
	"database/sql/driver"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data/insight"
	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
)

// InsightWeeks is how many weeks the 互动率 dashboard measures.
const InsightWeeks = 12

// Setting keys of the 互动率 rules the owner may change.
const (
	settingInsightRequestWords = "insight.request_words" // the owner's own asking words, one a line
	settingInsightSilentDays   = "insight.silent_days"
)

// Insight is what the 互动率 dashboard shows for one group.
type Insight struct {
	Report insight.Report
	App    []AppWeek // the app's own numbers, one per week of Report.Weeks
	// ChatMessages counts the group's imported messages (of finished imports), and
	// ChatFrom/ChatTo their span; 0 means nothing imported: the dashboard explains how.
	ChatMessages     int64
	ChatFrom, ChatTo time.Time
}

// AppWeek is one week of the app's own records.
type AppWeek struct {
	TicketsJudged int   // 售后工单 opened this week whose first-response promise is settled
	TicketsKept   int   // of those, answered within the promise
	SwapsDone     int   // 置换 deals completed this week
	BoxEntries    int   // 资源盲盒 entries this week
	PointsAwarded int64 // points awarded (positive awards, not redemptions or corrections)
}

// KeptRate is the share of judged tickets answered within the promise; ok is false
// when none was judged.
func (w AppWeek) KeptRate() (rate float64, ok bool) {
	if w.TicketsJudged == 0 {
		return 0, false
	}
	return float64(w.TicketsKept) / float64(w.TicketsJudged), true
}

// InsightRules are the default rules with the owner's own asking words and silence.
func (s *Store) InsightRules() (insight.Rules, error) {
	return insightRules(s.db)
}

func insightRules(tx *gorm.DB) (insight.Rules, error) {
	r := insight.DefaultRules()
	words, _, err := getSetting(tx, settingInsightRequestWords)
	if err != nil {
		return r, err
	}
	r = r.WithRequestWords(strings.Split(words, "\n"))
	if v, ok, err := getSetting(tx, settingInsightSilentDays); err != nil {
		return r, err
	} else if ok {
		var n int
		if _, err := fmt.Sscan(v, &n); err == nil && n > 0 {
			r.SilentDays = n
		}
	}
	return r, nil
}

// Limits of the owner's own asking words.
const (
	MaxInsightRequestWords     = 30
	MaxInsightRequestWordRunes = 10
)

// InsightRequestWords are the owner's own asking words, in the order kept.
func (s *Store) InsightRequestWords() ([]string, error) {
	v, _, err := getSetting(s.db, settingInsightRequestWords)
	var out []string
	for _, w := range strings.Split(v, "\n") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out, err
}

// SetInsightRequestWords keeps the owner's own asking words (求, 有没有 … are known
// already); too many or too long words are refused at the field request_words.
func (s *Store) SetInsightRequestWords(words []string) error {
	var keep []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w == "" {
			continue
		}
		if utf8.RuneCountInString(w) > MaxInsightRequestWordRunes {
			return ValidationError{{Field: "request_words",
				Message: fmt.Sprintf("求助用词「%s」太长了，每个词最多 %d 个字", w, MaxInsightRequestWordRunes)}}
		}
		keep = append(keep, w)
	}
	if len(keep) > MaxInsightRequestWords {
		return ValidationError{{Field: "request_words",
			Message: fmt.Sprintf("求助用词最多 %d 个，请删掉一些", MaxInsightRequestWords)}}
	}
	return setSetting(s.db, settingInsightRequestWords, strings.Join(keep, "\n"))
}

// chatScope narrows chat_messages (aliased m) to a group's messages of finished
// imports. It lists the imports that are not finished instead of joining chat_imports:
// usually there are none, and then the queries stay on the (group_id, at) index
// without reading each row's import (a join made the chat's span 0.6 s instead of
// a few ms at 1,000,000 messages).
type chatScope struct {
	groupID    uint
	skip, done []uint  // the imports not finished, and those finished (for the cache's key)
	started    []int64 // when the finished ones started: with the IDs, names them across restores
}

func newChatScope(tx *gorm.DB, groupID uint) (chatScope, error) {
	c := chatScope{groupID: groupID}
	var imps []ChatImport
	if err := tx.Select("id, state, started_at").Order("id").Find(&imps).Error; err != nil {
		return c, fmt.Errorf("chat imports: %w", err)
	}
	for _, i := range imps {
		if i.State == ChatImportDone {
			c.done = append(c.done, i.ID)
			c.started = append(c.started, i.StartedAt.UnixNano())
		} else {
			c.skip = append(c.skip, i.ID)
		}
	}
	return c, nil
}

func (c chatScope) q(tx *gorm.DB) *gorm.DB {
	q := tx.Table("chat_messages AS m")
	if c.groupID != 0 {
		q = q.Where("m.group_id = ?", c.groupID)
	}
	if len(c.skip) > 0 {
		q = q.Where("m.import_id NOT IN ?", c.skip)
	}
	return q
}

// LoadInsight gathers and computes group groupID's dashboard for the InsightWeeks weeks
// up to now. The weekly counts per sender are aggregated in SQL, one query per week;
// only the messages the requests, answers, posts and joins need are read whole. What
// it read of the chat is kept until an import, a post, a staff change, the rules or the
// week change it (insightCache): reading 1,000,000 messages takes seconds, computing
// from what was read a fraction of one.
func (s *Store) LoadInsight(groupID uint, now time.Time) (*Insight, error) {
	out := &Insight{}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		rules, err := insightRules(tx)
		if err != nil {
			return err
		}
		in := insight.Input{Weeks: insight.LastWeeks(now, InsightWeeks), Now: now}
		if in.Members, err = insightMembers(tx, groupID); err != nil {
			return err
		}
		c, err := newChatScope(tx, groupID)
		if err != nil {
			return err
		}
		if in.Posts, err = insightPosts(tx, groupID, in.Weeks); err != nil {
			return err
		}
		key := chatCacheKey(s, c, in, rules)
		hit, ok := insightCache.get(key)
		if !ok {
			if err := chatSpan(tx, c, &hit); err != nil {
				return err
			}
			if hit.n > 0 {
				if hit.counts, err = senderCounts(tx, c, in.Weeks); err != nil {
					return err
				}
				in.Counts = hit.counts
				if hit.messages, err = insightMessages(tx, c, in, rules); err != nil {
					return err
				}
			}
			insightCache.put(key, hit)
		}
		out.ChatMessages, out.ChatFrom, out.ChatTo = hit.n, hit.from, hit.to
		in.Counts, in.Messages = hit.counts, hit.messages
		out.Report = insight.Compute(in, rules)
		out.App, err = appWeeks(tx, groupID, in.Weeks, now)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load insight: %w", err)
	}
	return out, nil
}

// insightMembers are the group's seats (every group's when 0) with what QQ's list said.
func insightMembers(tx *gorm.DB, groupID uint) ([]insight.GroupMember, error) {
	type row struct {
		QQ          string
		Nickname    string
		CardName    string
		Role        Role
		JoinedOn    *time.Time
		LeftOn      *time.Time
		LastSpokeAt *time.Time
	}
	var rows []row
	q := tx.Table("memberships AS s").Select("m.qq, m.nickname, s.card_name, s.role, s.joined_on, s.left_on, s.last_spoke_at").
		Joins("JOIN members AS m ON m.id = s.member_id").Order("m.qq")
	if groupID != 0 {
		q = q.Where("s.group_id = ?", groupID)
	}
	if err := q.Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	out := make([]insight.GroupMember, 0, len(rows))
	for i, r := range rows {
		if i > 0 && rows[i-1].QQ == r.QQ {
			continue // every group's: one seat a person
		}
		name := r.CardName
		if name == "" {
			name = r.Nickname
		}
		role := insight.Member
		switch r.Role {
		case RoleOwner:
			role = insight.Owner
		case RoleAdmin:
			role = insight.Admin
		}
		out = append(out, insight.GroupMember{QQ: r.QQ, Name: name, Role: role, JoinedAt: r.JoinedOn, LeftAt: r.LeftOn, LastSpokeAt: r.LastSpokeAt})
	}
	return out, nil
}

func chatSpan(tx *gorm.DB, c chatScope, out *chatCached) error {
	// Three queries, not one: SQLite answers a lone MIN or MAX from the index.
	var from, to anyTime
	err := c.q(tx).Count(&out.n).Error
	if err == nil && out.n > 0 {
		err = c.q(tx).Select("MIN(m.at)").Scan(&from).Error
		if err == nil {
			err = c.q(tx).Select("MAX(m.at)").Scan(&to).Error
		}
	}
	if err != nil {
		return fmt.Errorf("chat span: %w", err)
	}
	out.from, out.to = from.Time, to.Time
	return nil
}

// senderCounts aggregates each week's non-system messages per sender in SQL.
func senderCounts(tx *gorm.DB, c chatScope, ws []insight.Week) ([]insight.SenderCount, error) {
	type row struct {
		SenderQQ    string
		Name        string
		N           int
		First, Last anyTime
	}
	var out []insight.SenderCount
	for i, w := range ws {
		var rows []row
		err := c.q(tx).
			Select("m.sender_qq, MAX(m.sender_name) AS name, COUNT(*) AS n, MIN(m.at) AS first, MAX(m.at) AS last").
			Where("m.at >= ? AND m.at < ? AND m.kind <> ? AND m.sender_qq <> ''", w.Start.UTC(), w.End.UTC(), chatKindSystem).
			Group("m.sender_qq").Order("m.sender_qq").Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("week counts: %w", err)
		}
		for _, r := range rows {
			out = append(out, insight.SenderCount{Week: i, QQ: r.SenderQQ, Name: r.Name, Messages: r.N, First: r.First.Time, Last: r.Last.Time})
		}
	}
	return out, nil
}

// chatKindSystem is chatlog.System as stored.
const chatKindSystem = 1

func insightPosts(tx *gorm.DB, groupID uint, ws []insight.Week) ([]insight.Post, error) {
	var ps []Post
	q := tx.Select("kind, created_at").Where("created_at >= ? AND created_at < ?", ws[0].Start.Add(-time.Hour).UTC(), ws[len(ws)-1].End.UTC())
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	if err := q.Order("created_at").Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("posts: %w", err)
	}
	out := make([]insight.Post, len(ps))
	for i, p := range ps {
		out[i] = insight.Post{At: p.CreatedAt, Kind: string(p.Kind)}
	}
	return out, nil
}

type insightChatRow struct {
	ID         uint
	At         time.Time
	SenderQQ   string
	SenderName string
	Kind       uint8
	Text       string
	Mentions   string
}

func (r insightChatRow) message() insight.Message {
	m := insight.Message{At: r.At, SenderQQ: r.SenderQQ, SenderName: r.SenderName, System: r.Kind == chatKindSystem, Text: r.Text}
	if r.Mentions != "" {
		m.Mentions = strings.Split(r.Mentions, "\n")
	}
	return m
}

// insightMessages reads the messages the rules need whole: those that may be requests
// (a LIKE per asking word; insight.IsRequest decides), the staff's, the system ones,
// and every message in the hour after a staff post.
func insightMessages(tx *gorm.DB, c chatScope, in insight.Input, r insight.Rules) ([]insight.Message, error) {
	from, to := in.Weeks[0].Start.UTC(), in.Weeks[len(in.Weeks)-1].End.UTC()
	var staff []string
	roles := map[string]insight.Role{}
	for _, m := range in.Members {
		roles[m.QQ] = m.Role
		if m.Role.Staff() {
			staff = append(staff, m.QQ)
		}
	}
	cols := "m.id, m.at, m.sender_qq, m.sender_name, m.kind, m.text, m.mentions"
	likes := []string{"m.kind = ?"}
	args := []any{chatKindSystem}
	for _, w := range likeWords(append(append([]string(nil), r.RequestStarts...), r.RequestPhrases...)) {
		likes = append(likes, "m.text LIKE ?")
		args = append(args, "%"+w+"%")
	}
	if len(staff) > 0 {
		likes = append(likes, "m.sender_qq IN ?")
		args = append(args, staff)
	}
	var rows []insightChatRow
	err := c.q(tx).Select(cols).Where("m.at >= ? AND m.at < ?", from, to).
		Where(strings.Join(likes, " OR "), args...).Order("m.at, m.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("chat messages: %w", err)
	}
	seen := make(map[uint]bool, len(rows))
	msgs := make([]insight.Message, 0, len(rows))
	for _, row := range rows {
		seen[row.ID] = true
		msgs = append(msgs, row.message())
	}
	// The hour after each post, merged where they overlap.
	var windows []insight.Week
	for _, w := range insight.PostWindows(msgs, roles, in.Posts, r) {
		if n := len(windows); n > 0 && !w.Start.After(windows[n-1].End) {
			windows[n-1].End = w.End
			continue
		}
		windows = append(windows, w)
	}
	for _, w := range windows {
		var more []insightChatRow
		err := c.q(tx).Select("m.id, m.at, m.sender_qq, m.sender_name, m.kind").
			Where("m.at > ? AND m.at < ?", w.Start.UTC(), w.End.UTC()).Scan(&more).Error
		if err != nil {
			return nil, fmt.Errorf("post replies: %w", err)
		}
		for _, row := range more {
			if !seen[row.ID] {
				seen[row.ID] = true
				msgs = append(msgs, row.message())
			}
		}
	}
	return msgs, nil // Compute sorts them
}

// likeWords are the fewest LIKE patterns that find every message holding one of words:
// a word holding another (求购 holds 求) is left to the shorter one. Each LIKE costs a
// pass over the texts (ten took 3.4 s on 1,000,000 messages on a busy machine); cutting
// them to single characters (有) read three times the rows, no faster.
// insight.IsRequest decides on what comes back.
func likeWords(words []string) []string {
	return heldWords(words)
}

// chatCached is what LoadInsight read of one group's chat.
type chatCached struct {
	n        int64 // messages
	from, to time.Time
	counts   []insight.SenderCount
	messages []insight.Message
}

// chatCache keeps the last few reads of the chat, by what they depend on.
type chatCache struct {
	mu   sync.Mutex
	keys []string
	vals map[string]chatCached
}

var insightCache = &chatCache{vals: map[string]chatCached{}}

const chatCacheSize = 4

func (c *chatCache) get(key string) (chatCached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.vals[key]
	return v, ok
}

func (c *chatCache) put(key string, v chatCached) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.vals[key]; !ok {
		c.keys = append(c.keys, key)
	}
	c.vals[key] = v
	for len(c.keys) > chatCacheSize {
		delete(c.vals, c.keys[0])
		c.keys = c.keys[1:]
	}
}

// chatCacheKey names a read of the chat by everything it depends on: the database
// file, the group, the week, the finished imports (a new import, or one removed,
// changes the messages; their start times tell a restored file's imports apart), the
// staff, the posts and the rules.
func chatCacheKey(s *Store, c chatScope, in insight.Input, r insight.Rules) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%d|%v|%v|%v|%d|", s.Path(), c.groupID, c.done, c.started, c.skip, in.Weeks[0].Start.Unix())
	for _, m := range in.Members {
		if m.Role.Staff() {
			fmt.Fprintf(h, "%s,", m.QQ)
		}
	}
	for _, p := range in.Posts {
		fmt.Fprintf(h, "%d,", p.At.UnixNano())
	}
	fmt.Fprintf(h, "|%v|%v|%v|%v|%v", r.RequestStarts, r.RequestPhrases, r.PostStarts, r.PostPhrases, r.ReplyWindow)
	return fmt.Sprintf("%x", h.Sum64())
}

// heldWords drops the words another word of the list is part of.
func heldWords(words []string) []string {
	clean := strings.NewReplacer("%", "", "_", "", "\\", "")
	var firsts []string
	seen := map[string]bool{}
	for _, w := range words {
		w = clean.Replace(strings.TrimSpace(w))
		if w != "" && !seen[w] {
			seen[w] = true
			firsts = append(firsts, w)
		}
	}
	var out []string
	for _, w := range firsts {
		held := false
		for _, o := range firsts {
			if o != w && strings.Contains(w, o) {
				held = true
				break
			}
		}
		if !held {
			out = append(out, w)
		}
	}
	return out
}

// appWeeks counts the app's own records week by week.
func appWeeks(tx *gorm.DB, groupID uint, ws []insight.Week, now time.Time) ([]AppWeek, error) {
	out := make([]AppWeek, len(ws))
	from, to := ws[0].Start.UTC(), ws[len(ws)-1].End.UTC()
	group := func(q *gorm.DB, col string) *gorm.DB {
		if groupID != 0 {
			return q.Where(col+" = ?", groupID)
		}
		return q
	}
	var tickets []Ticket
	if err := group(tx.Select("opened_at, due_at, first_response_at").Where("opened_at >= ? AND opened_at < ?", from, to), "group_id").
		Find(&tickets).Error; err != nil {
		return nil, fmt.Errorf("tickets: %w", err)
	}
	for _, t := range tickets {
		i := insight.WeekIndex(ws, t.OpenedAt)
		switch {
		case i < 0:
		case t.FirstResponseAt != nil:
			out[i].TicketsJudged++
			if !t.FirstResponseAt.After(t.DueAt) {
				out[i].TicketsKept++
			}
		case now.After(t.DueAt):
			out[i].TicketsJudged++
		}
	}
	var times []time.Time
	if err := group(tx.Table("swap_deal_events AS e").Joins("JOIN swap_deals AS d ON d.id = e.deal_id").
		Where("e.to_state = ? AND e.at >= ? AND e.at < ?", SwapDealCompleted, from, to), "d.group_id").
		Pluck("e.at", &times).Error; err != nil {
		return nil, fmt.Errorf("swaps: %w", err)
	}
	for _, t := range times {
		if i := insight.WeekIndex(ws, t); i >= 0 {
			out[i].SwapsDone++
		}
	}
	times = times[:0]
	if err := group(tx.Table("blind_box_entries AS e").Joins("JOIN blind_boxes AS b ON b.id = e.box_id").
		Where("e.entered_at >= ? AND e.entered_at < ?", from, to), "b.group_id").
		Pluck("e.entered_at", &times).Error; err != nil {
		return nil, fmt.Errorf("blind-box entries: %w", err)
	}
	for _, t := range times {
		if i := insight.WeekIndex(ws, t); i >= 0 {
			out[i].BoxEntries++
		}
	}
	var awards []PointEntry
	if err := group(tx.Select("amount, at").Where("amount > 0 AND reason IN ? AND at >= ? AND at < ?", awardReasons(), from, to), "group_id").
		Find(&awards).Error; err != nil {
		return nil, fmt.Errorf("points: %w", err)
	}
	for _, a := range awards {
		if i := insight.WeekIndex(ws, a.At); i >= 0 {
			out[i].PointsAwarded += a.Amount
		}
	}
	return out, nil
}

// awardReasons are the reasons of awards: ranked, and not a correction.
func awardReasons() []points.Reason {
	var rs []points.Reason
	for _, r := range []points.Reason{points.Help, points.ShareResource, points.ShareExperience, points.Swap, points.Attend, points.Speak, points.Other, points.Redeem, points.Refund, points.Reversal} {
		if r.Ranked() && r != points.Reversal {
			rs = append(rs, r)
		}
	}
	return rs
}

// anyTime scans a time an aggregate (MIN, MAX) returns: the driver hands those over as
// text, not as the column's time.
type anyTime struct{ time.Time }

// Scan reads a time.Time, or the text SQLite keeps times as.
func (t *anyTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		t.Time = time.Time{}
		return nil
	case time.Time:
		t.Time = x
		return nil
	case []byte:
		return t.parse(string(x))
	case string:
		return t.parse(x)
	}
	return fmt.Errorf("scan time from %T", v)
}

var _ driver.Valuer = anyTime{}

// Value writes the time as it is.
func (t anyTime) Value() (driver.Value, error) { return t.Time, nil }

func (t *anyTime) parse(s string) error {
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", "2006-01-02T15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05Z07:00", time.RFC3339Nano} {
		if p, err := time.Parse(layout, s); err == nil {
			t.Time = p.UTC()
			return nil
		}
	}
	return fmt.Errorf("scan time from %q", s)
}

// Upcoming is something coming in the group that the 周报 announces.
type Upcoming struct {
	Kind  string // "blindbox" (报名中 until At, or 准备中 opening at At) or "poll" (closing at At)
	Title string
	At    time.Time
	Open  bool // a blind box taking entries now (At is its close)
}

// UpcomingEvents lists group groupID's blind boxes taking entries or opening within a
// week, and polls still open, soonest first.
func (s *Store) UpcomingEvents(groupID uint, now time.Time) ([]Upcoming, error) {
	var out []Upcoming
	var boxes []BlindBox
	q := s.db.Where("(state = ? AND closes_at > ?) OR (state = ? AND opens_at > ? AND opens_at < ?)",
		BoxOpen, now.UTC(), BoxPreparing, now.UTC(), now.Add(7*24*time.Hour).UTC())
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	if err := q.Find(&boxes).Error; err != nil {
		return nil, fmt.Errorf("upcoming boxes: %w", err)
	}
	for _, b := range boxes {
		if b.State == BoxOpen {
			out = append(out, Upcoming{Kind: "blindbox", Title: b.Title, At: b.ClosesAt, Open: true})
		} else {
			out = append(out, Upcoming{Kind: "blindbox", Title: b.Title, At: b.OpensAt})
		}
	}
	var polls []Poll
	q = s.db.Where("closed_at IS NULL AND closes_at > ?", now.UTC())
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	if err := q.Find(&polls).Error; err != nil {
		return nil, fmt.Errorf("upcoming polls: %w", err)
	}
	for _, p := range polls {
		out = append(out, Upcoming{Kind: "poll", Title: p.Question, At: p.ClosesAt})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, nil
}

// MaxInsightSilentDays is the longest silence the owner may choose for 潜水.
const MaxInsightSilentDays = 365

// InsightSilentDays is how many days without a word make a member silent (潜水).
func (s *Store) InsightSilentDays() (int, error) {
	r, err := insightRules(s.db)
	return r.SilentDays, err
}

// SetInsightSilentDays keeps the silence that makes a member 潜水; outside 1 to
// MaxInsightSilentDays it is refused at the field silent_days.
func (s *Store) SetInsightSilentDays(n int) error {
	if n < 1 || n > MaxInsightSilentDays {
		return ValidationError{{Field: "silent_days",
			Message: fmt.Sprintf("潜水的天数须在 1 到 %d 之间，请重新填写", MaxInsightSilentDays)}}
	}
	return setSetting(s.db, settingInsightSilentDays, fmt.Sprint(n))
}
