package chatlog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
)

// The JSON export of QQChatExporter (github.com/shuakami/qq-chat-exporter), one
// object whose fields come in this order:
//
//	{"metadata":{"name":"QQChatExporter V5 / …","version":…},
//	 "chatInfo":{"name":"资源分享群","type":"group","peerUid":"123456789",…},
//	 "statistics":{…},
//	 "messages":[{"id":…,"timestamp":1718454840000,"time":"2024-06-15 20:34:00",
//	   "sender":{"uid":"u_…","uin":"12345678","name":"小王","groupCard":"小王",…},
//	   "type":…,"content":{"text":"…","elements":[…],"resources":[…],
//	   "mentions":[{"uid":"u_…","name":"小李","type":"user"}]},
//	   "recalled":false,"system":false},…],
//	 "avatars":{…},"exportOptions":{…}}
//
// The reader walks the object with the decoder's tokens and decodes one message at
// a time, so the messages array is never held whole; it stops at the array's end.
// metadata must come before messages (the exporter always writes it first) and its
// name must start with QQChatExporter. chatInfo names the group of every message.
type jsonSource struct {
	dec     *json.Decoder
	cr      *countingReader
	group   string
	groupQQ string
	index   int
	final   error
	names   map[string]string
}

type jsonChatInfo struct {
	Name    string     `json:"name"`
	Type    string     `json:"type"`
	PeerUID flexString `json:"peerUid"`
	PeerUin flexString `json:"peerUin"`
}

type jsonMessage struct {
	ID        flexString `json:"id"`
	Timestamp flexString `json:"timestamp"`
	Time      string     `json:"time"`
	Sender    struct {
		Uin       flexString `json:"uin"`
		Name      string     `json:"name"`
		Nickname  string     `json:"nickname"`
		GroupCard string     `json:"groupCard"`
		Title     string     `json:"title"`
	} `json:"sender"`
	Content struct {
		Text     string `json:"text"`
		Mentions []struct {
			Name string `json:"name"`
			Type string `json:"type"`
		} `json:"mentions"`
	} `json:"content"`
	Recalled bool `json:"recalled"`
	System   bool `json:"system"`
}

// flexString takes a JSON string, number or null as text (QQ numbers and times
// come either way between versions).
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && bytes.IndexByte(b, '\\') < 0:
		*f = flexString(b[1 : len(b)-1]) // the decoder checked it; no escapes to undo
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case b[0] == '-' || b[0] >= '0' && b[0] <= '9':
		*f = flexString(b)
	default:
		return errNotText
	}
	return nil
}

const exporterName = "QQChatExporter"

var errNotText = errors.New("neither a string nor a number")

func newJSONSource(br *bufio.Reader, cr *countingReader) (*jsonSource, error) {
	j := &jsonSource{dec: json.NewDecoder(br), cr: cr, names: map[string]string{}}
	if b, _ := br.Peek(len(bom)); bytes.Equal(b, bom) {
		_, _ = br.Discard(len(bom))
	}
	refuse := func(err error, known bool) error {
		switch {
		case known && (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)):
			return &Error{Kind: Incomplete, Format: FormatJSON, Err: err}
		case known:
			return &Error{Kind: Damaged, Format: FormatJSON, Err: err}
		}
		var re *Error
		if errors.As(err, &re) {
			return err
		}
		return &Error{Kind: NotExport, Format: FormatJSON, Err: err}
	}
	if tok, err := j.dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, refuse(err, false)
	}
	known := false
	for {
		tok, err := j.dec.Token()
		if err != nil {
			return nil, refuse(err, known)
		}
		key, ok := tok.(string)
		if !ok { // the object ended without messages: e.g. the manifest of a chunked export
			return nil, refuse(errors.New("no messages array"), false)
		}
		switch key {
		case "metadata":
			var md struct {
				Name string `json:"name"`
			}
			if err := j.dec.Decode(&md); err != nil || !strings.HasPrefix(md.Name, exporterName) {
				return nil, refuse(err, false)
			}
			known = true
		case "chatInfo":
			var ci jsonChatInfo
			if err := j.dec.Decode(&ci); err != nil {
				return nil, refuse(err, known)
			}
			j.group = ci.Name
			if ci.Type == "" || ci.Type == "group" {
				if isDigits(string(ci.PeerUin)) {
					j.groupQQ = string(ci.PeerUin)
				} else if isDigits(string(ci.PeerUID)) {
					j.groupQQ = string(ci.PeerUID)
				}
			}
		case "messages":
			if !known {
				return nil, refuse(errors.New("messages before metadata"), false)
			}
			if tok, err := j.dec.Token(); err != nil || tok != json.Delim('[') {
				if err == nil {
					err = errors.New("messages is not an array")
				}
				return nil, refuse(err, true)
			}
			return j, nil
		default:
			var skip json.RawMessage
			if err := j.dec.Decode(&skip); err != nil {
				return nil, refuse(err, known)
			}
		}
	}
}

func (j *jsonSource) next(m *Message) error {
	if j.final != nil {
		return j.final
	}
	j.final = j.read(m)
	if j.final == nil {
		return nil
	}
	return j.final
}

func (j *jsonSource) read(m *Message) error {
	if !j.dec.More() {
		tok, err := j.dec.Token()
		if err != nil || tok != json.Delim(']') {
			return j.fail(err)
		}
		return io.EOF
	}
	j.index++
	var jm jsonMessage
	j.cr.spent, j.cr.budget = 0, MaxJSONMessage
	err := j.dec.Decode(&jm)
	j.cr.budget = 0
	if err != nil {
		return j.fail(err)
	}
	at, ok := jm.at()
	if !ok {
		return &Error{Kind: Damaged, Line: j.index, Err: errors.New("message without a time")}
	}
	s := &jm.Sender
	name := s.Name
	if name == "" {
		name = s.GroupCard
	}
	if name == "" {
		name = s.Nickname
	}
	*m = Message{
		Group: j.group, GroupQQ: j.groupQQ, At: at, SenderName: j.intern(name), Title: j.intern(s.Title),
		Text: jm.Content.Text, Line: j.index, ID: string(jm.ID),
	}
	if isDigits(string(s.Uin)) {
		m.SenderQQ = j.intern(string(s.Uin))
	}
	switch {
	case jm.System:
		m.Kind = System
	case jm.Recalled:
		m.Kind = Recalled
	}
	if jm.Content.Mentions == nil {
		if strings.IndexByte(m.Text, '@') >= 0 {
			m.Mentions = mentions(m.Text)
		}
		return nil
	}
	for _, mt := range jm.Content.Mentions {
		n := strings.TrimPrefix(mt.Name, "@")
		if n == "" && mt.Type == "all" {
			n = "全体成员"
		}
		if n != "" {
			m.Mentions = append(m.Mentions, n)
		}
	}
	return nil
}

// at is the message's time: timestamp in milliseconds (seconds in old files), else
// the time text read as China time.
func (jm *jsonMessage) at() (time.Time, bool) {
	if ts, err := strconv.ParseInt(string(jm.Timestamp), 10, 64); err == nil && ts > 0 {
		if ts < 100_000_000_000 {
			return time.Unix(ts, 0).UTC(), true
		}
		return time.UnixMilli(ts).UTC(), true
	}
	var h header
	line := []byte(jm.Time + " x(10000)")
	if parseHeader(line, &h) {
		return h.at, true
	}
	return time.Time{}, false
}

func (j *jsonSource) fail(err error) error {
	var se *json.SyntaxError
	switch {
	case err == nil:
		return &Error{Kind: Damaged, Line: j.index}
	case errors.Is(err, errTooLarge):
		return &Error{Kind: Damaged, Line: j.index, Err: err}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Kind: Incomplete, Line: j.index, Err: err}
	case errors.As(err, &se):
		return &Error{Kind: Damaged, Line: j.index, Err: err}
	}
	var re *Error
	if errors.As(err, &re) {
		return err
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) || errors.Is(err, errNotText) {
		return &Error{Kind: Damaged, Line: j.index, Err: err}
	}
	return &Error{Kind: ReadFailed, Line: j.index, Err: err}
}

func (j *jsonSource) intern(s string) string {
	if v, ok := j.names[s]; ok {
		return v
	}
	if len(j.names) < 1<<16 {
		j.names[s] = s
	}
	return s
}

func isDigits(s string) bool {
	if len(s) == 0 || len(s) > 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
