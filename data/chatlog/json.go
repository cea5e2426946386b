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
// The reader takes the fields before the messages with encoding/json. The messages
// it reads itself (jsonscan.go), one at a time out of a window of the file that
// grows to hold the largest message (up to MaxJSONMessage), so the messages array is
// never held whole; it stops at the array's end. metadata must come before messages
// (the exporter always writes it first) and its name must start with
// QQChatExporter. chatInfo names the group of every message.
type jsonSource struct {
	in      io.Reader // the bytes after the messages array's '['
	buf     []byte    // the window: buf[pos:end] is read and not yet used
	pos     int
	end     int
	eof     bool  // nothing more to read into buf
	readErr error // why, when not the file's end
	started bool  // a message was read: the next needs a comma before it
	group   string
	groupQQ string
	index   int
	final   error
	names   interner
}

type jsonChatInfo struct {
	Name    string     `json:"name"`
	Type    string     `json:"type"`
	PeerUID flexString `json:"peerUid"`
	PeerUin flexString `json:"peerUin"`
}

// jsonMessage is what the reader keeps of a message. The []byte fields point into
// the window.
type jsonMessage struct {
	id, timestamp, uin               []byte
	name, nickname, groupCard, title []byte
	time                             []byte
	text                             string
	mentions                         []jsonMention
	hasMentions                      bool // mentions was an array, maybe empty
	recalled, system                 bool
}

type jsonMention struct {
	name, typ []byte
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

// jsonWindow is the window's first size; it doubles up to MaxJSONMessage.
const jsonWindow = 256 << 10

func newJSONSource(br *bufio.Reader) (*jsonSource, error) {
	dec := json.NewDecoder(br)
	j := &jsonSource{names: interner{}}
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
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, refuse(err, false)
	}
	known := false
	for {
		tok, err := dec.Token()
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
			if err := dec.Decode(&md); err != nil || !strings.HasPrefix(md.Name, exporterName) {
				return nil, refuse(err, false)
			}
			known = true
		case "chatInfo":
			var ci jsonChatInfo
			if err := dec.Decode(&ci); err != nil {
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
			if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
				if err == nil {
					err = errors.New("messages is not an array")
				}
				return nil, refuse(err, true)
			}
			j.in = io.MultiReader(dec.Buffered(), br)
			return j, nil
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
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
	return j.final
}

// read reads the next message out of the window, reading more into it while the
// message goes on past its end.
func (j *jsonSource) read(m *Message) error {
	for {
		s := scanner{b: j.buf[j.pos:j.end], eof: j.eof}
		var jm jsonMessage
		counted, err := j.element(&s, &jm)
		if err == errShort && !j.eof {
			if err = j.fill(); err != nil {
				j.index++
				return &Error{Kind: Damaged, Line: j.index, Err: err}
			}
			continue
		}
		if counted {
			j.index++
		}
		switch {
		case err == io.EOF:
			return io.EOF
		case err == errShort && j.readErr != nil:
			return &Error{Kind: ReadFailed, Line: j.index, Err: j.readErr}
		case err == errShort:
			return &Error{Kind: Incomplete, Line: j.index, Err: io.ErrUnexpectedEOF}
		case err != nil:
			return &Error{Kind: Damaged, Line: j.index, Err: err}
		case s.typeErr != nil:
			return &Error{Kind: Damaged, Line: j.index, Err: s.typeErr}
		}
		j.pos += s.i
		j.started = true
		return j.message(&jm, m)
	}
}

// element reads the array's next element into jm and says whether there was one
// (counted, even when broken); io.EOF at the array's end.
func (j *jsonSource) element(s *scanner, jm *jsonMessage) (counted bool, err error) {
	c, err := s.peek()
	switch {
	case err != nil:
		return false, err
	case c == ']':
		s.i++
		return false, io.EOF
	case c == '}':
		return false, syntaxError("an array closed with '}'")
	}
	if j.started {
		if c != ',' {
			return true, syntaxError("no comma after an array element")
		}
		s.i++
		if c, err = s.peek(); err != nil {
			return true, err
		}
	}
	switch c {
	case '{':
		return true, s.object(func(key []byte, esc bool) error { return jm.field(s, key, esc) })
	case 'n':
		return true, s.lit("null")
	}
	return true, s.wrongType()
}

func (jm *jsonMessage) field(s *scanner, key []byte, esc bool) error {
	switch fieldName(key, esc, "id", "timestamp", "time", "sender", "content", "recalled", "system") {
	case "id":
		return s.flex(&jm.id)
	case "timestamp":
		return s.flex(&jm.timestamp)
	case "time":
		return s.bytes(&jm.time)
	case "sender":
		return s.inObject(func(key []byte, esc bool) error {
			switch fieldName(key, esc, "uin", "name", "nickname", "groupCard", "title") {
			case "uin":
				return s.flex(&jm.uin)
			case "name":
				return s.bytes(&jm.name)
			case "nickname":
				return s.bytes(&jm.nickname)
			case "groupCard":
				return s.bytes(&jm.groupCard)
			case "title":
				return s.bytes(&jm.title)
			}
			return s.skip()
		})
	case "content":
		return s.inObject(func(key []byte, esc bool) error {
			switch fieldName(key, esc, "text", "mentions") {
			case "text":
				return s.text(&jm.text)
			case "mentions":
				return jm.readMentions(s)
			}
			return s.skip()
		})
	case "recalled":
		return s.boolean(&jm.recalled)
	case "system":
		return s.boolean(&jm.system)
	}
	return s.skip()
}

// readMentions reads content.mentions as encoding/json fills a slice of structs:
// null empties it, an array's elements are read into the ones already there.
func (jm *jsonMessage) readMentions(s *scanner) error {
	c, err := s.peek()
	if err != nil {
		return err
	}
	switch c {
	case 'n':
		if err := s.lit("null"); err != nil {
			return err
		}
		jm.mentions, jm.hasMentions = nil, false
		return nil
	case '[':
	default:
		return s.wrongType()
	}
	n := 0
	err = s.array(func() error {
		if n < cap(jm.mentions) {
			jm.mentions = jm.mentions[:n+1]
		} else {
			jm.mentions = append(jm.mentions, jsonMention{})
		}
		mt := &jm.mentions[n]
		n++
		return s.inObject(func(key []byte, esc bool) error {
			switch fieldName(key, esc, "name", "type") {
			case "name":
				return s.bytes(&mt.name)
			case "type":
				return s.bytes(&mt.typ)
			}
			return s.skip()
		})
	})
	if n == 0 {
		jm.mentions = nil
	}
	jm.mentions, jm.hasMentions = jm.mentions[:n], true
	return err
}

// message turns jm into m.
func (j *jsonSource) message(jm *jsonMessage, m *Message) error {
	at, ok := jm.at()
	if !ok {
		return &Error{Kind: Damaged, Line: j.index, Err: errors.New("message without a time")}
	}
	name := jm.name
	if len(name) == 0 {
		name = jm.groupCard
	}
	if len(name) == 0 {
		name = jm.nickname
	}
	*m = Message{
		Group: j.group, GroupQQ: j.groupQQ, At: at, SenderName: j.names.bytes(name), Title: j.names.bytes(jm.title),
		Text: jm.text, Line: j.index, ID: string(jm.id),
	}
	if isDigits(string(jm.uin)) {
		m.SenderQQ = j.names.bytes(jm.uin)
	}
	switch {
	case jm.system:
		m.Kind = System
	case jm.recalled:
		m.Kind = Recalled
	}
	if !jm.hasMentions {
		if strings.IndexByte(m.Text, '@') >= 0 {
			m.Mentions = mentions(m.Text)
		}
		return nil
	}
	for _, mt := range jm.mentions {
		switch n := bytes.TrimPrefix(mt.name, []byte("@")); {
		case len(n) > 0:
			m.Mentions = append(m.Mentions, j.names.bytes(n))
		case string(mt.typ) == "all":
			m.Mentions = append(m.Mentions, "全体成员")
		}
	}
	return nil
}

// at is the message's time: timestamp in milliseconds (seconds in old files), else
// the time text read as China time.
func (jm *jsonMessage) at() (time.Time, bool) {
	if ts, err := strconv.ParseInt(string(jm.timestamp), 10, 64); err == nil && ts > 0 {
		if ts < 100_000_000_000 {
			return time.Unix(ts, 0).UTC(), true
		}
		return time.UnixMilli(ts).UTC(), true
	}
	var h header
	line := append(jm.time[:len(jm.time):len(jm.time)], " x(10000)"...)
	if parseHeader(line, &h) {
		return h.at, true
	}
	return time.Time{}, false
}

// fill moves the unread bytes to the window's start and reads until it is full or
// the file ends, doubling the window when it is full already. A message that does
// not fit in MaxJSONMessage is errTooLarge.
func (j *jsonSource) fill() error {
	if j.buf == nil {
		j.buf = make([]byte, jsonWindow)
	}
	j.end = copy(j.buf, j.buf[j.pos:j.end])
	j.pos = 0
	if j.end == len(j.buf) {
		if len(j.buf) >= MaxJSONMessage {
			return errTooLarge
		}
		grown := make([]byte, min(2*len(j.buf), MaxJSONMessage))
		copy(grown, j.buf[:j.end])
		j.buf = grown
	}
	for empty := 0; j.end < len(j.buf) && !j.eof; {
		n, err := j.in.Read(j.buf[j.end:])
		j.end += n
		switch {
		case err == io.EOF:
			j.eof = true
		case err != nil:
			j.eof, j.readErr = true, err
		case n == 0:
			if empty++; empty == 100 {
				j.eof, j.readErr = true, io.ErrNoProgress
			}
		}
	}
	return nil
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
