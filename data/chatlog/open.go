package chatlog

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Format is the kind of export a Reader reads.
type Format uint8

// The formats Open knows.
const (
	FormatText Format = iota + 1 // QQ PC 消息管理器 .txt
	FormatJSON                   // QQChatExporter .json
)

func (f Format) String() string {
	switch f {
	case FormatText:
		return "txt"
	case FormatJSON:
		return "json"
	}
	return "unknown"
}

// Limits that keep memory bounded whatever the file holds.
const (
	// MaxLine is the longest text line kept whole; the rest of a longer line is
	// dropped (the message is marked Clipped). A longer line is never a header.
	MaxLine = 64 << 10
	// MaxText bounds one message's Text; further lines are dropped (Clipped).
	MaxText = 256 << 10
	// MaxJSONMessage bounds one JSON message; a larger one is Damaged.
	MaxJSONMessage = 8 << 20
)

// Reader hands out the messages of one export, one at a time, in file order.
type Reader struct {
	format Format
	src    source
	count  *countingReader
	only   map[string]bool
	n      int
	err    error
	msg    Message // filled in place: a Message passed through the source interface would escape
}

type source interface {
	next(m *Message) error // io.EOF at the clean end, *Error otherwise
}

// Format says which kind of export r reads.
func (r *Reader) Format() Format { return r.format }

// Offset is how many bytes of the input have been read so far (a little ahead of
// the last message), for a progress bar.
func (r *Reader) Offset() int64 { return r.count.n }

// Count is how many messages Next has handed out.
func (r *Reader) Count() int { return r.n }

// Only makes Next skip the messages of every group not named (by Group, the name
// ListGroups reports). With no names it reads all groups again.
func (r *Reader) Only(groups ...string) {
	if len(groups) == 0 {
		r.only = nil
		return
	}
	r.only = make(map[string]bool, len(groups))
	for _, g := range groups {
		r.only[g] = true
	}
}

// Next returns the next message. At the clean end it returns io.EOF; a file cut
// short ends with an *Error of Kind Incomplete after its complete messages; any
// other trouble is an *Error too. Once it has returned an error it returns the same
// error again.
func (r *Reader) Next() (Message, error) {
	if r.err != nil {
		return Message{}, r.err
	}
	for {
		m := &r.msg
		if err := r.src.next(m); err != nil {
			var e *Error
			if errors.As(err, &e) {
				e.Format, e.Complete = r.format, r.n
				e.noEOF()
			}
			r.err = err
			return Message{}, err
		}
		if r.only != nil && !r.only[m.Group] {
			continue
		}
		r.n++
		return *m, nil
	}
}

// Open sniffs r and returns a Reader for its format. It reads only the start of r
// (and, for JSON, the fields before the messages). Refusals are *Error: NotExport,
// Undecodable, Empty, Incomplete (cut before the first message), Damaged (JSON) or
// ReadFailed.
func Open(r io.Reader) (*Reader, error) {
	return open(r, false)
}

func open(r io.Reader, headersOnly bool) (*Reader, error) {
	cr := &countingReader{r: r}
	br := bufio.NewReaderSize(cr, MaxLine)
	head, err := br.Peek(MaxLine)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, &Error{Kind: ReadFailed, Err: err}
	}
	full := len(head) == MaxLine // the window is cut: its last character may be too
	body := bytes.TrimPrefix(head, bom)
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, &Error{Kind: Empty}
	}
	if isUTF16(head) {
		// Windows Notepad's 「Unicode」: read through a decoder, count the file's bytes
		rd, err := open(transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), headersOnly)
		if rd != nil {
			rd.count = cr
		}
		return rd, err
	}
	if t := bytes.TrimLeft(body, " \t\r\n"); t[0] == '{' {
		src, err := newJSONSource(br)
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				e.noEOF()
			}
			return nil, err
		}
		return &Reader{format: FormatJSON, src: src, count: cr}, nil
	}
	src, err := newTextSource(br, body, full)
	if err != nil {
		return nil, err
	}
	src.headersOnly = headersOnly
	return &Reader{format: FormatText, src: src, count: cr}, nil
}

var bom = []byte("\xEF\xBB\xBF")

func isUTF16(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// Group is one group of an export as ListGroups counts it.
type Group struct {
	Name        string
	QQ          string // the group's number when the export gives it
	Messages    int
	First, Last time.Time // the earliest and latest message, UTC
	Blocks      int       // text exports: how many 消息对象 blocks name it (the same group can come twice)
}

// ListGroups reads r once, to its end, and lists its groups in the order they first
// come, so the owner can pick which to import. Messages before any 消息对象 line
// count under the name "". When the file is cut short the groups read so far come
// back with the *Error (Kind Incomplete).
func ListGroups(r io.Reader) ([]Group, error) {
	rd, err := open(r, true)
	if err != nil {
		return nil, err
	}
	var groups []Group
	at := map[string]int{}
	var ts *textSource
	if t, ok := rd.src.(*textSource); ok {
		ts = t
	}
	for {
		m, err := rd.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			if ts != nil {
				for name, n := range ts.blocks {
					if i, ok := at[name]; ok {
						groups[i].Blocks = n
					}
				}
			}
			return groups, err
		}
		i, ok := at[m.Group]
		if !ok {
			i = len(groups)
			at[m.Group] = i
			groups = append(groups, Group{Name: m.Group, QQ: m.GroupQQ, First: m.At, Last: m.At})
		}
		g := &groups[i]
		g.Messages++
		if m.At.Before(g.First) {
			g.First = m.At
		}
		if m.At.After(g.Last) {
			g.Last = m.At
		}
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

var errTooLarge = errors.New("message too large")

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// validUTF8Start reports whether b is UTF-8, allowing its last character to be cut
// when cut is true.
func validUTF8Start(b []byte, cut bool) bool {
	if utf8.Valid(b) {
		return true
	}
	return cut && utf8CutOnly(b)
}

// utf8CutOnly reports whether b is valid UTF-8 but for an incomplete last character.
func utf8CutOnly(b []byte) bool {
	i := len(b) - 1
	for i >= 0 && len(b)-i < utf8.UTFMax && !utf8.RuneStart(b[i]) {
		i--
	}
	if i < 0 || !utf8.RuneStart(b[i]) || utf8.FullRune(b[i:]) {
		return false
	}
	return utf8.Valid(b[:i]) && validPrefix(b[i:])
}

// validPrefix reports whether b (shorter than a whole character) could begin one.
func validPrefix(b []byte) bool {
	var buf [utf8.UTFMax]byte
	n := copy(buf[:], b)
	// complete with the smallest continuation bytes the lead allows and check
	for _, fill := range []byte{0x80, 0x90, 0xA0} {
		for j := n; j < utf8.UTFMax; j++ {
			buf[j] = fill
		}
		if r, size := utf8.DecodeRune(buf[:]); r != utf8.RuneError && size > n {
			return true
		}
	}
	return false
}
