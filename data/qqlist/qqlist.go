// Package qqlist reads a group's member list as QQ's group-management web page
// (qun.qq.com, 成员管理) loads it from search_group_members:
//
//	{"ec":0,"count":N,"mems":[{"uin":…,"nick":…,"card":…,"role":0|1|2,
//	  "join_time":…,"last_speak_time":…,"lv":{"point":…,"level":…},…}],
//	 "levelname":{"lvln1":"潜水",…}}
//
// The page loads the list in pages, so an owner saves or pastes one response or
// several one after another (or in a JSON array); pages overlap, and a member listed
// twice is merged. Parse is lenient about the types QQ varies (numbers sent as strings
// and strings as numbers, null for empty) and strict about the shape: anything that
// is not such a list is refused with an *Error whose Kind says why, which the app
// turns into Chinese. It imports neither the database nor the GUI.
package qqlist

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// MaxSize bounds what Parse reads: a full group of 3,000 is about 1 MB.
const MaxSize = 20 << 20

// Role is a member's place in the group as QQ numbers it.
type Role int

// QQ's roles.
const (
	RoleOwner  Role = 0 // 群主
	RoleAdmin  Role = 1 // 管理员
	RoleMember Role = 2 // 成员
)

// Member is one member of the list.
type Member struct {
	QQ          string // digits, as QQ holds the number: 5 to 12 of them, no leading 0
	Nick        string // QQ nickname, HTML entities undone
	Card        string // 群名片; empty when the member set none
	Role        Role
	JoinedAt    time.Time // zero when the list does not say
	LastSpokeAt time.Time // zero when the member never spoke or the list does not say
	Level       int       // lv.level; 0 when absent
	Points      int       // lv.point
	LevelName   string    // the group's name for Level (levelname), or "" without one
	Listed      int       // how many times the list had this member (pages overlap)
}

// Name is what QQ shows for the member: the card, else the nickname.
func (m *Member) Name() string {
	if m.Card != "" {
		return m.Card
	}
	return m.Nick
}

// List is the member list read from one or more responses.
type List struct {
	Members []Member // each member once, in the order first listed
	Merged  int      // entries that repeated a member listed before
	Pages   int      // responses read
	// Declared is the group's member count as QQ gave it (count), the largest of the
	// pages; 0 when no page said.
	Declared int
}

// Complete reports whether the list holds the whole group: as many members as QQ
// says the group has. Only a complete list can tell who has left.
func (l *List) Complete() bool { return l.Declared > 0 && len(l.Members) >= l.Declared }

// Kind is why a file is not a member list.
type Kind int

// The reasons Parse refuses.
const (
	NotJSON       Kind = iota + 1 // not JSON at all: a sheet, a picture, a web page
	Truncated                     // JSON that stops in the middle: copied or saved only in part
	NotMemberList                 // JSON, but not search_group_members' answer
	WrongType                     // a member list with a value of a type QQ never sends
	BadQQ                         // a member whose uin is not a QQ number
	QQRefused                     // QQ answered with an error (ec ≠ 0): not logged in, no right
	NoMembers                     // a well-formed answer without a single member
	TooLarge                      // more than MaxSize bytes
)

// Error is a refusal. Member is the 1-based position of the member it concerns in
// the whole input (0 for none), Field the JSON key, Value what was there (cut short).
type Error struct {
	Kind   Kind
	Member int
	Field  string
	Value  string
	EC     int    // QQ's error code, for QQRefused
	EM     string // QQ's error text, for QQRefused
	Err    error  // the decoder's error, for logs
}

func (e *Error) Error() string {
	s := fmt.Sprintf("qq member list: kind %d", e.Kind)
	if e.Member > 0 {
		s += fmt.Sprintf(", member %d", e.Member)
	}
	if e.Field != "" {
		s += ", field " + e.Field + " = " + e.Value
	}
	if e.Kind == QQRefused {
		s += fmt.Sprintf(", ec %d %s", e.EC, e.EM)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Looks reports whether b starts like JSON (an object or an array, after a BOM and
// white space, in UTF-8 or UTF-16), so a caller can tell a member list from a sheet by
// content.
func Looks(b []byte) bool {
	b = bytes.TrimLeft(bytes.TrimPrefix(fromUTF16(b[:min(len(b), 4<<10)]), []byte("\xEF\xBB\xBF")), " \t\r\n")
	return len(b) > 0 && (b[0] == '{' || b[0] == '[')
}

// Parse reads one response, several one after another, or a JSON array of them.
func Parse(r io.Reader) (List, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return List{}, &Error{Kind: NotJSON, Err: err}
	}
	if len(b) > MaxSize {
		return List{}, &Error{Kind: TooLarge}
	}
	b = fromUTF16(b)
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if !Looks(b) {
		return List{}, &Error{Kind: NotJSON}
	}
	p := parser{byQQ: make(map[string]int)}
	dec := json.NewDecoder(bufio.NewReader(bytes.NewReader(b)))
	dec.UseNumber()
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return List{}, decodeError(err, b)
		}
		if err := p.value(v); err != nil {
			return List{}, err
		}
	}
	if len(p.list.Members) == 0 {
		if p.list.Pages == 0 {
			return List{}, &Error{Kind: NotMemberList}
		}
		return List{}, &Error{Kind: NoMembers}
	}
	return p.list, nil
}

// fromUTF16 turns a file Windows Notepad saved as 「Unicode」 (UTF-16 with a BOM) into
// UTF-8; anything else is returned as it is.
func fromUTF16(b []byte) []byte {
	if !bytes.HasPrefix(b, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return b
	}
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return b
	}
	return out
}

// decodeError tells a cut-off text (it ends before the JSON does, or breaks off at
// off at the end of a line inside a string) from one that is not JSON.
func decodeError(err error, b []byte) error {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Kind: Truncated, Err: err}
	case errors.As(err, &se) && se.Offset > 0 && se.Offset <= int64(len(b)) &&
		len(bytes.TrimSpace(b[se.Offset-1:])) == 0:
		return &Error{Kind: Truncated, Err: err}
	}
	return &Error{Kind: NotJSON, Err: err}
}

type parser struct {
	list  List
	byQQ  map[string]int // QQ number → index in list.Members
	count int            // members read so far, for positions in errors
}

// value is one top-level JSON value: a page, or an array of pages.
func (p *parser) value(v json.RawMessage) error {
	v = bytes.TrimSpace(v)
	if len(v) > 0 && v[0] == '[' {
		var pages []json.RawMessage
		if err := json.Unmarshal(v, &pages); err != nil {
			return &Error{Kind: NotMemberList, Err: err}
		}
		for _, page := range pages {
			if err := p.page(page); err != nil {
				return err
			}
		}
		return nil
	}
	return p.page(v)
}

func (p *parser) page(raw json.RawMessage) error {
	var fields map[string]json.RawMessage
	if err := unmarshal(raw, &fields); err != nil || fields == nil {
		return &Error{Kind: NotMemberList, Err: err}
	}
	mems, hasMems := fields["mems"]
	ec, hasEC := fields["ec"]
	if !hasMems && !hasEC {
		return &Error{Kind: NotMemberList}
	}
	if hasEC {
		code, ok := integer(ec)
		if !ok {
			return &Error{Kind: WrongType, Field: "ec", Value: shortValue(ec)}
		}
		if code != 0 {
			em, _ := text(fields["em"])
			return &Error{Kind: QQRefused, EC: int(code), EM: em}
		}
	}
	p.list.Pages++
	if c, ok := fields["count"]; ok {
		n, ok := integer(c)
		if !ok || n < 0 {
			return &Error{Kind: WrongType, Field: "count", Value: shortValue(c)}
		}
		p.list.Declared = max(p.list.Declared, int(n))
	}
	names, err := levelNames(fields["levelname"])
	if err != nil {
		return err
	}
	if !hasMems || isNull(mems) {
		return nil // a page past the end of the list has no mems
	}
	var entries []json.RawMessage
	if err := unmarshal(mems, &entries); err != nil {
		return &Error{Kind: WrongType, Field: "mems", Value: shortValue(mems)}
	}
	for _, e := range entries {
		p.count++
		m, err := member(e, names)
		if err != nil {
			err.Member = p.count
			return err
		}
		p.add(m)
	}
	return nil
}

// add keeps each member once; a later entry is the fresher page and wins, in the
// place the member was first listed.
func (p *parser) add(m Member) {
	if i, dup := p.byQQ[m.QQ]; dup {
		m.Listed = p.list.Members[i].Listed + 1
		p.list.Members[i] = m
		p.list.Merged++
		return
	}
	m.Listed = 1
	p.byQQ[m.QQ] = len(p.list.Members)
	p.list.Members = append(p.list.Members, m)
}

// levelNames reads the group's level names: {"lvln1":"潜水",…}; keys may also be the
// bare level. A missing or null map gives none.
func levelNames(raw json.RawMessage) (map[int]string, error) {
	if len(raw) == 0 || isNull(raw) {
		return nil, nil
	}
	var m map[string]json.RawMessage
	if err := unmarshal(raw, &m); err != nil {
		return nil, &Error{Kind: WrongType, Field: "levelname", Value: shortValue(raw)}
	}
	out := make(map[int]string, len(m))
	for k, v := range m {
		n, err := strconv.Atoi(strings.TrimPrefix(k, "lvln"))
		if err != nil {
			continue // a key QQ may add that is not a level
		}
		name, ok := text(v)
		if !ok {
			return nil, &Error{Kind: WrongType, Field: "levelname", Value: shortValue(v)}
		}
		out[n] = name
	}
	return out, nil
}

// rawMember is one entry of mems with the values kept as sent, to be read leniently.
type rawMember struct {
	UIN       json.RawMessage `json:"uin"`
	Nick      json.RawMessage `json:"nick"`
	Card      json.RawMessage `json:"card"`
	Role      json.RawMessage `json:"role"`
	JoinTime  json.RawMessage `json:"join_time"`
	LastSpeak json.RawMessage `json:"last_speak_time"`
	Lv        json.RawMessage `json:"lv"`
}

// member reads one entry of mems.
func member(raw json.RawMessage, levelNames map[int]string) (Member, *Error) {
	var f rawMember
	if isNull(raw) || json.Unmarshal(raw, &f) != nil {
		return Member{}, &Error{Kind: WrongType, Field: "mems", Value: shortValue(raw)}
	}
	var m Member
	if len(f.UIN) == 0 || isNull(f.UIN) {
		return m, &Error{Kind: BadQQ, Field: "uin"}
	}
	var ok bool
	if m.QQ, ok = qqNumber(f.UIN); !ok {
		return m, &Error{Kind: BadQQ, Field: "uin", Value: shortValue(f.UIN)}
	}
	for _, t := range []struct {
		key  string
		raw  json.RawMessage
		into *string
	}{{"nick", f.Nick, &m.Nick}, {"card", f.Card, &m.Card}} {
		s, ok := text(t.raw)
		if !ok {
			return m, &Error{Kind: WrongType, Field: t.key, Value: shortValue(t.raw)}
		}
		*t.into = s
	}
	m.Role = RoleMember
	if len(f.Role) > 0 && !isNull(f.Role) {
		r, ok := integer(f.Role)
		if !ok {
			return m, &Error{Kind: WrongType, Field: "role", Value: shortValue(f.Role)}
		}
		if r == int64(RoleOwner) || r == int64(RoleAdmin) {
			m.Role = Role(r)
		}
	}
	for _, t := range []struct {
		key  string
		raw  json.RawMessage
		into *time.Time
	}{{"join_time", f.JoinTime, &m.JoinedAt}, {"last_speak_time", f.LastSpeak, &m.LastSpokeAt}} {
		at, ok := unixTime(t.raw)
		if !ok {
			return m, &Error{Kind: WrongType, Field: t.key, Value: shortValue(t.raw)}
		}
		*t.into = at
	}
	if err := m.readLevel(f.Lv, levelNames); err != nil {
		return m, err
	}
	return m, nil
}

// readLevel reads lv: {"point":…,"level":…}, either possibly a string.
func (m *Member) readLevel(raw json.RawMessage, names map[int]string) *Error {
	if len(raw) == 0 || isNull(raw) {
		return nil
	}
	var lv struct {
		Level json.RawMessage `json:"level"`
		Point json.RawMessage `json:"point"`
	}
	if json.Unmarshal(raw, &lv) != nil {
		return &Error{Kind: WrongType, Field: "lv", Value: shortValue(raw)}
	}
	for _, t := range []struct {
		key  string
		raw  json.RawMessage
		into *int
	}{{"level", lv.Level, &m.Level}, {"point", lv.Point, &m.Points}} {
		if len(t.raw) == 0 || isNull(t.raw) {
			continue
		}
		n, ok := integer(t.raw)
		if !ok {
			return &Error{Kind: WrongType, Field: "lv." + t.key, Value: shortValue(t.raw)}
		}
		*t.into = int(n)
	}
	m.LevelName = names[m.Level]
	return nil
}

func unmarshal(raw json.RawMessage, into any) error {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	return d.Decode(into)
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// scalar is the text of a JSON string (unquoted) or number (as written), which QQ
// sends interchangeably; ok is false for anything else.
func scalar(raw json.RawMessage) (s string, isNumber, ok bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", false, false
	}
	switch c := raw[0]; {
	case c == '"':
		if len(raw) >= 2 && bytes.IndexByte(raw, '\\') < 0 {
			return string(raw[1 : len(raw)-1]), false, true // the common case, without unquoting
		}
		if json.Unmarshal(raw, &s) != nil {
			return "", false, false
		}
		return s, false, true
	case c == '-' || (c >= '0' && c <= '9'):
		return string(raw), true, true
	}
	return "", false, false
}

// integer reads a whole number sent as a number or as a string of digits.
func integer(raw json.RawMessage) (int64, bool) {
	s, _, ok := scalar(raw)
	if !ok {
		return 0, false
	}
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	// 1.7e9 or 12.0: a whole number written as a float.
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != float64(int64(f)) {
		return 0, false
	}
	return int64(f), true
}

// qqNumber reads uin as digits, exactly, whatever its size: the number's text is
// kept, so one above 2^31 (or 2^53) is not rounded.
func qqNumber(raw json.RawMessage) (string, bool) {
	s, _, ok := scalar(raw)
	if !ok {
		return "", false
	}
	s = strings.TrimSpace(s)
	if len(s) < 5 || len(s) > 12 || s[0] == '0' {
		return "", false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return s, true
}

// text reads a name: a string with QQ's HTML entities undone (阿&nbsp;九, Tom&amp;Jerry),
// a number written as text, or "" for absent or null.
func text(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || isNull(raw) {
		return "", true
	}
	s, isNumber, ok := scalar(raw)
	switch {
	case !ok:
		return "", false
	case isNumber:
		return s, true
	}
	return cleanName(s), true
}

// cleanName undoes HTML entities, turns no-break spaces into spaces (so a search for
// 阿 九 finds 阿&nbsp;九) and drops invalid bytes and surrounding space.
func cleanName(s string) string {
	s = html.UnescapeString(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ToValidUTF8(s, "")
	return strings.TrimSpace(s)
}

// unixTime reads Unix seconds; 0, absent or null mean not known.
func unixTime(raw json.RawMessage) (time.Time, bool) {
	if len(raw) == 0 || isNull(raw) {
		return time.Time{}, true
	}
	n, ok := integer(raw)
	switch {
	case !ok:
		return time.Time{}, false
	case n <= 0:
		return time.Time{}, true
	case n > 1e11: // milliseconds, as some of QQ's pages send
		n /= 1000
	}
	return time.Unix(n, 0).UTC(), true
}

// maxValueShown keeps an error's value short enough to show.
const maxValueShown = 30

// shortValue is a value as the owner can read it: a string without its JSON quotes.
func shortValue(raw json.RawMessage) string {
	s := string(bytes.TrimSpace(raw))
	if text, isNumber, ok := scalar(raw); ok && !isNumber {
		s = text
	}
	if utf8.RuneCountInString(s) > maxValueShown {
		s = string([]rune(s)[:maxValueShown]) + "…"
	}
	return s
}
