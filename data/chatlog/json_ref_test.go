// Code kept from the first JSON reader, for FuzzJSONSame.

package chatlog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// refJSONSource is the first JSON reader (encoding/json tokens and Decode per
// message), kept to check the fast one against: FuzzJSONSame.
type refJSONSource struct {
	dec     *json.Decoder
	cr      *refBudget
	group   string
	groupQQ string
	index   int
	final   error
	names   map[string]string
}

type refJSONChatInfo struct {
	Name    string        `json:"name"`
	Type    string        `json:"type"`
	PeerUID refFlexString `json:"peerUid"`
	PeerUin refFlexString `json:"peerUin"`
}

type refJSONMessage struct {
	ID        refFlexString `json:"id"`
	Timestamp refFlexString `json:"timestamp"`
	Time      string        `json:"time"`
	Sender    struct {
		Uin       refFlexString `json:"uin"`
		Name      string        `json:"name"`
		Nickname  string        `json:"nickname"`
		GroupCard string        `json:"groupCard"`
		Title     string        `json:"title"`
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

// refFlexString takes a JSON string, number or null as text (QQ numbers and times
// come either way between versions).
type refFlexString string

func (f *refFlexString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && bytes.IndexByte(b, '\\') < 0:
		*f = refFlexString(b[1 : len(b)-1]) // the decoder checked it; no escapes to undo
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = refFlexString(s)
	case b[0] == '-' || b[0] >= '0' && b[0] <= '9':
		*f = refFlexString(b)
	default:
		return errRefNotText
	}
	return nil
}

var errRefNotText = errors.New("neither a string nor a number")

func newRefJSONSource(br *bufio.Reader, cr *refBudget) (*refJSONSource, error) {
	j := &refJSONSource{dec: json.NewDecoder(br), cr: cr, names: map[string]string{}}
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
			var ci refJSONChatInfo
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

func (j *refJSONSource) next(m *Message) error {
	if j.final != nil {
		return j.final
	}
	j.final = j.read(m)
	if j.final == nil {
		return nil
	}
	return j.final
}

func (j *refJSONSource) read(m *Message) error {
	if !j.dec.More() {
		tok, err := j.dec.Token()
		if err != nil || tok != json.Delim(']') {
			return j.fail(err)
		}
		return io.EOF
	}
	j.index++
	var jm refJSONMessage
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
func (jm *refJSONMessage) at() (time.Time, bool) {
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

func (j *refJSONSource) fail(err error) error {
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
	if errors.As(err, &te) || errors.Is(err, errRefNotText) {
		return &Error{Kind: Damaged, Line: j.index, Err: err}
	}
	return &Error{Kind: ReadFailed, Line: j.index, Err: err}
}

func (j *refJSONSource) intern(s string) string {
	if v, ok := j.names[s]; ok {
		return v
	}
	if len(j.names) < 1<<16 {
		j.names[s] = s
	}
	return s
}

// refBudget bounds the bytes read while one message is decoded, as the first reader
// did through countingReader.
type refBudget struct {
	r      io.Reader
	budget int64
	spent  int64
}

func (c *refBudget) Read(p []byte) (int, error) {
	if c.budget > 0 && c.spent > c.budget {
		return 0, errTooLarge
	}
	n, err := c.r.Read(p)
	c.spent += int64(n)
	return n, err
}

// openRef opens in with the first JSON reader, or returns ok false when Open would
// not take it for JSON.
func openRef(in []byte) (rd *Reader, err error, ok bool) {
	body := bytes.TrimPrefix(in, bom)
	if len(bytes.TrimSpace(body)) == 0 || isUTF16(in) || bytes.TrimLeft(body, " \t\r\n")[0] != '{' {
		return nil, nil, false
	}
	rb := &refBudget{r: bytes.NewReader(in)}
	cr := &countingReader{r: rb}
	src, err := newRefJSONSource(bufio.NewReaderSize(cr, MaxLine), rb)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.noEOF()
		}
		return nil, err, true
	}
	return &Reader{format: FormatJSON, src: src, count: cr}, nil, true
}

// FuzzJSONSame checks the JSON reader against the first one: the same messages,
// and the same end (kind, line, complete messages).
func FuzzJSONSame(f *testing.F) {
	b := readFixture(f, "QQChatExporter_群.json")
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add(b[:len(b)-200])
	head := `{"metadata":{"name":"QQChatExporter"},"chatInfo":{"name":"群"},"messages":[`
	for _, s := range []string{
		`{"timestamp":"x"}]}`,
		`{"timestamp":1,"sender":{"uin":[]}},2]}`,
		`{"time":"2024-02-30 00:00:00"}`,
		`{"Timestamp":17e2,"SENDER":{"UIN":12,"Name":"a\u00e9\ud83d\ude00\ud800x"},"content":{"text":"\t\"\\/\b\f\n\r","mentions":null}}, null ,1]`,
		`{"timestamp":"1718454840000","content":{"text":"@a b","mentions":[{"name":"@x","type":"all"},{"name":"","type":"all"}],"mentions":[{"name":"y"}]}}]`,
		`{"timestamp":-1,"time":"2024-06-15 20:34:00","recalled":true,"system":null,"content":{"mentions":[]}} {}]`,
		`{"timestamp":1e5,"content":{"text":"\xff\xfe ok"},"x":[[[],{}],true,false,null,-0.5e+3]},]`,
		`{"timestamp":0.1},}`,
		`{"timestamp":1}}`,
		`{"id":"\u0041","timestamp":1718454840000,"ſender":{"uın":"1"},"\u0073ystem":true}]`,
		`1`,
		`{"timestamp":1718454840000}`,
		`{"timestamp":1718454840000,"content":{"text":1}}]`,
		`{"timestamp":1718454840000,"content":[]}]`,
		`{"timestamp":1718454840000,"recalled":"true"}]`,
		`{"timestamp":1718454840000,"x":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}]`,
		`{"timestamp":1718454840000,"x":` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `}]`,
		`{"timestamp":1718454840000,"x":` + strings.Repeat(`{"a":`, 10001),
	} {
		f.Add([]byte(head + s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		ref, refErr, ok := openRef(in)
		if !ok {
			return
		}
		rd, err := Open(bytes.NewReader(in))
		if !sameEnd(err, refErr) {
			t.Fatalf("Open: %v, first reader %v", err, refErr)
		}
		if err != nil {
			return
		}
		for n := 0; ; n++ {
			m, err := rd.Next()
			want, refErr := ref.Next()
			if !sameEnd(err, refErr) {
				t.Fatalf("message %d: %v, first reader %v", n+1, err, refErr)
			}
			if err != nil {
				return
			}
			if !reflect.DeepEqual(m, want) {
				t.Fatalf("message %d:\n%+v\nfirst reader:\n%+v", n+1, m, want)
			}
		}
	})
}

// sameEnd reports whether two errors are the same end: both nil, both io.EOF, or
// *Errors of the same kind, line and complete messages.
func sameEnd(a, b error) bool {
	var ea, eb *Error
	switch {
	case a == nil || b == nil || errors.Is(a, io.EOF) || errors.Is(b, io.EOF):
		return a == b
	case errors.As(a, &ea) && errors.As(b, &eb):
		return ea.Kind == eb.Kind && ea.Line == eb.Line && ea.Complete == eb.Complete
	}
	return false
}

// A generated export larger than the window, read through readers that hand out a
// few bytes at a time and cut at many places, comes out as from the first reader:
// messages that straddle the window's refills are whole.
func TestJSONWindowSame(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.json")
	writeJSONExport(t, path, 3000)
	in, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(in) < 4*jsonWindow {
		t.Fatalf("%d bytes: not larger than the window", len(in))
	}
	readers := map[string]func([]byte) io.Reader{
		"whole":    func(b []byte) io.Reader { return bytes.NewReader(b) },
		"one byte": func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) },
		"half":     func(b []byte) io.Reader { return iotest.HalfReader(bytes.NewReader(b)) },
	}
	for _, cut := range []int{len(in), len(in) - 1, len(in) - 9, jsonWindow + 1, 2*jsonWindow - 3, len(in) / 2, len(in)/3 + 7} {
		ref, refErr, _ := openRef(in[:cut])
		want, wantErr := readRest(ref, refErr)
		for name, r := range readers {
			if name == "one byte" && cut != len(in) {
				continue // slow; the whole file is enough
			}
			rd, err := Open(r(in[:cut]))
			got, err := readRest(rd, err)
			if !sameEnd(err, wantErr) || !reflect.DeepEqual(got, want) {
				t.Errorf("%s, cut at %d: %d messages, %v; first reader %d, %v", name, cut, len(got), err, len(want), wantErr)
			}
		}
	}
}

func readRest(rd *Reader, err error) ([]Message, error) {
	var ms []Message
	for err == nil {
		var m Message
		if m, err = rd.Next(); err == nil {
			ms = append(ms, m)
		}
	}
	return ms, err
}
