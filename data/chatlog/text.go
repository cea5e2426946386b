package chatlog

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// The text export, as QQ's 消息管理器 writes it:
//
//	消息记录（此消息记录为文本格式，不支持重新导入）
//
//	================================================================
//	消息分组:我的群聊
//	================================================================
//	消息对象:资源分享群
//	================================================================
//
//	2016-05-03 15:04:05 【管理员】小王(12345678)
//	body line
//	body line
//
//	2016-05-03 15:05:10 小李<li@example.com>
//	…
//
// How lines are read (precisely, because a body may hold any text at all):
//   - A line is a header only if it matches parseHeader's grammar exactly AND the
//     line before it is blank (empty or only spaces) or it is the first line of a
//     block. A header-looking line straight after a header or a body line (a quoted
//     message, a pasted log) is body text.
//   - A body runs from the line after its header to the next header, the next block
//     or the end. Its leading and trailing blank lines are dropped (the exporter's
//     separator is one of them); blank lines inside it are kept.
//   - A line of 64 '=' starts a block only when the line after it is 消息分组:… or
//     消息对象:… ; otherwise it is body text. 消息对象 names the group of the
//     messages after it, until the next block.
//   - A line longer than MaxLine keeps its first MaxLine bytes (the message is
//     Clipped) and is never a header.
//   - The file may end without a line end. If its last line stands where a header
//     would (after a blank line) and starts like a date, the file was cut inside a
//     header: Incomplete, after the messages before it. If its last line ends in the
//     middle of a character, the message it belongs to is dropped: Incomplete.
type textSource struct {
	br   *bufio.Reader
	gbk  transform.Transformer // nil for UTF-8
	line int

	scratch []byte // a long line kept
	decoded []byte // a GBK line as UTF-8
	long    bool   // the line just read was longer than MaxLine

	held     []byte // a line read ahead (after a separator), given back by readLine
	heldNL   bool
	heldErr  error
	heldNo   int
	heldLong bool
	hasHeld  bool

	group     string
	blockHead bool // inside ====/消息分组/消息对象 lines
	prevBlank bool // the line before was blank, or a block just started
	blocks    map[string]int

	pend      bool // cur holds a header whose body is being read
	cur       Message
	body      []byte
	keep      int // len(body) up to its last non-blank line
	bodyLines int
	clipped   bool

	final       error // what next returns after the pending message
	headersOnly bool
	names       map[string]string
	senders     map[string]*sender
}

var (
	titlePrefix = []byte("消息记录")
	labelGroup  = []byte("消息分组")
	labelObject = []byte("消息对象")
	errCut      = errors.New("line cut mid-character")
)

const sepLen = 64

func newTextSource(br *bufio.Reader, window []byte, full bool) (*textSource, error) {
	t := &textSource{br: br, prevBlank: true, blocks: map[string]int{}, names: map[string]string{}, senders: map[string]*sender{}}
	first := window
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	first = bytes.TrimRight(first, "\r")
	switch {
	case bytes.HasPrefix(first, titlePrefix):
	case gbkHasPrefix(first, titlePrefix):
		t.gbk = simplifiedchinese.GBK.NewDecoder()
	case isSep(bytes.TrimSpace(first)) && validUTF8Start(window, full):
	case isSep(bytes.TrimSpace(first)):
		if ok, cut := gbkValid(window); !ok && !(cut && full) {
			return nil, &Error{Kind: Undecodable, Format: FormatText, Err: errors.New("neither UTF-8 nor GBK")}
		}
		t.gbk = simplifiedchinese.GBK.NewDecoder()
	default:
		return nil, &Error{Kind: NotExport, Format: FormatText}
	}
	if bytes.HasPrefix(window, bom) {
		_, _ = br.Discard(len(bom))
	}
	return t, nil
}

func gbkHasPrefix(b, prefix []byte) bool {
	if ok, _ := gbkValid(b); !ok {
		return false
	}
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	return err == nil && bytes.HasPrefix(out, prefix)
}

// gbkValid reports whether b is GBK; cut says it is but for a lone lead byte at its end.
func gbkValid(b []byte) (ok, cut bool) {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c <= 0x80: // ASCII, and 0x80 (€ in Windows' GBK)
			i++
		case c == 0xFF:
			return false, false
		case i+1 >= len(b):
			return false, true
		default:
			if d := b[i+1]; d < 0x40 || d == 0x7F || d == 0xFF {
				return false, false
			}
			i += 2
		}
	}
	return true, false
}

func isSep(b []byte) bool {
	if len(b) != sepLen {
		return false
	}
	for _, c := range b {
		if c != '=' {
			return false
		}
	}
	return true
}

// label returns the value of a 消息对象 line (after a half- or full-width colon), or false.
func label(line, name []byte) ([]byte, bool) {
	if !bytes.HasPrefix(line, name) {
		return nil, false
	}
	rest := line[len(name):]
	switch {
	case bytes.HasPrefix(rest, []byte(":")):
		return bytes.TrimSpace(rest[1:]), true
	case bytes.HasPrefix(rest, []byte("：")):
		return bytes.TrimSpace(rest[len("："):]), true
	}
	return nil, false
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// readLine returns the next line as UTF-8 without its line end, and whether it had
// one. At the end it returns io.EOF; a last line cut mid-character comes back as
// its whole characters with errCut.
func (t *textSource) readLine() ([]byte, bool, error) {
	if t.hasHeld {
		t.hasHeld = false
		t.line, t.long = t.heldNo, t.heldLong
		return t.held, t.heldNL, t.heldErr
	}
	t.long = false
	b, err := t.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {

		t.scratch = append(t.scratch[:0], b...)
		for err == bufio.ErrBufferFull {
			_, err = t.br.ReadSlice('\n')
		}
		b, t.long = t.trimCut(t.scratch), true
		if err == nil {
			b = append(b, '\n')
		}
	}
	nl := err == nil
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		if len(b) == 0 {
			return nil, false, io.EOF
		}
	default:
		return nil, false, &Error{Kind: ReadFailed, Line: t.line + 1, Err: err}
	}
	t.line++
	if nl {
		b = b[:len(b)-1]
	}
	if len(b) > 0 && b[len(b)-1] == '\r' {
		b = b[:len(b)-1]
	}
	if t.gbk == nil {
		if utf8.Valid(b) {
			return b, nl, nil
		}
		if !nl && utf8CutOnly(b) {
			return t.trimCut(b), false, errCut
		}
		return nil, nl, &Error{Kind: Undecodable, Line: t.line}
	}
	ok, cut := gbkValid(b)
	var cutErr error
	switch {
	case ok:
	case cut && !nl:
		b, cutErr = b[:len(b)-1], errCut
	default:
		return nil, nl, &Error{Kind: Undecodable, Line: t.line}
	}
	return t.decodeGBK(b), nl, cutErr
}

// trimCut drops an incomplete character from the end of b.
func (t *textSource) trimCut(b []byte) []byte {
	if t.gbk != nil {
		if _, cut := gbkValid(b); cut {
			return b[:len(b)-1]
		}
		return b
	}
	if utf8.Valid(b) {
		return b
	}
	i := len(b) - 1
	for i > 0 && len(b)-i < utf8.UTFMax && !utf8.RuneStart(b[i]) {
		i--
	}
	return b[:i]
}

func (t *textSource) decodeGBK(b []byte) []byte {
	if cap(t.decoded) < 2*len(b)+8 {
		t.decoded = make([]byte, 2*len(b)+8)
	}
	t.gbk.Reset()
	for {
		out := t.decoded[:cap(t.decoded)]
		n, _, err := t.gbk.Transform(out, b, true)
		if !errors.Is(err, transform.ErrShortDst) {
			return out[:n]
		}
		t.decoded = make([]byte, 2*cap(t.decoded))
	}
}

func (t *textSource) hold(b []byte, nl bool, err error) {
	t.held = append(t.held[:0], b...)
	t.heldNL, t.heldErr, t.heldNo, t.heldLong, t.hasHeld = nl, err, t.line, t.long, true
}

func (t *textSource) next(m *Message) error {
	if t.final != nil {
		return t.final
	}
	for {
		line, nl, err := t.readLine()
		switch {
		case err == nil:
		case errors.Is(err, io.EOF):
			t.final = io.EOF
			if t.pend {
				t.emit(m)
				return nil
			}
			return io.EOF
		case errors.Is(err, errCut):
			return t.cut(m, line)
		case err != nil:
			t.final = err
			return err
		}
		if t.blockHead {
			if t.blockLine(line) {
				continue
			}
			t.blockHead, t.prevBlank = false, true
		}
		if !nl && t.prevBlank && headerPrefix(line) {
			return t.cut(m, line) // the file ends inside (or right after) a header line
		}
		if t.line == 1 && bytes.HasPrefix(line, titlePrefix) {
			t.prevBlank = true
			continue
		}
		if !t.pend && t.looseLabel(line) {
			continue
		}
		if isSep(line) {
			if t.separator(line) && t.pend {
				t.emit(m)
				return nil
			}
			continue
		}
		blank := isBlank(line)
		var h header
		if !blank && t.prevBlank && !t.long && parseHeader(line, &h) {
			emitted := t.pend
			if emitted {
				t.emit(m)
			}
			t.start(&h)
			t.prevBlank = false
			if emitted {
				return nil
			}
			continue
		}
		if t.pend {
			t.bodyLine(line, blank)
		}
		t.prevBlank = blank
	}
}

// separator handles a line of '=': it starts a block when the next line is a label
// (and then reports true); otherwise it is body text.
func (t *textSource) separator(line []byte) bool {
	no := t.line
	sep := line // a separator's bytes are always 64 '=': safe to keep after reading on
	nxt, nl, err := t.readLine()
	if err == nil {
		_, g := label(nxt, labelGroup)
		_, o := label(nxt, labelObject)
		if g || o {
			t.hold(nxt, nl, nil)
			t.blockHead = true
			return true
		}
	}
	t.hold(nxt, nl, err)
	held, long := t.line, t.long
	t.line, t.long = no, false
	if t.pend {
		t.bodyLine(sepBytes[:len(sep)], false)
	}
	t.line, t.long = held, long
	t.prevBlank = false
	return false
}

var sepBytes = bytes.Repeat([]byte("="), sepLen)

// blockLine takes a line of a block's head; false when the block's messages begin.
func (t *textSource) blockLine(line []byte) bool {
	if isSep(line) {
		return true
	}
	if _, ok := label(line, labelGroup); ok {
		return true
	}
	if v, ok := label(line, labelObject); ok {
		t.group = t.intern(v)
		t.blocks[t.group]++
		return true
	}
	return false
}

// looseLabel takes a 消息分组 or 消息对象 line outside a block's '=' lines, as some
// exports and hand-edited files have them; only between messages, never in a body.
func (t *textSource) looseLabel(line []byte) bool {
	if _, ok := label(line, labelGroup); ok {
		return true
	}
	if v, ok := label(line, labelObject); ok {
		t.group = t.intern(v)
		t.blocks[t.group]++
		t.prevBlank = true
		return true
	}
	return false
}

// cut ends the reading at a last line cut short. When the line stands where a
// header would, the message before it is whole and comes out first.
func (t *textSource) cut(m *Message, line []byte) error {
	t.final = &Error{Kind: Incomplete, Line: t.line}
	if t.pend && t.prevBlank && headerPrefix(line) {
		t.emit(m)
		return nil
	}
	t.pend = false
	return t.final
}

// sender is what a header says of who wrote, shared by all their messages.
type sender struct {
	qq, mail, name, title string
	kind                  Kind
}

func (t *textSource) start(h *header) {
	s, ok := t.senders[string(h.sender)]
	if !ok {
		title, name := splitTitle(h.name)
		s = &sender{qq: string(h.qq), mail: string(h.email), name: string(name), title: string(title)}
		if s.qq == "10000" || s.qq == "1000000" {
			s.kind = System
		}
		if len(t.senders) < 1<<16 {
			t.senders[string(h.sender)] = s
		}
	}
	t.cur = Message{
		Group: t.group, At: h.at, SenderQQ: s.qq, SenderMail: s.mail,
		SenderName: s.name, Title: s.title, Kind: s.kind, Line: t.line,
	}
	t.pend = true
	t.body, t.keep, t.bodyLines, t.clipped = t.body[:0], 0, 0, false
}

func (t *textSource) bodyLine(line []byte, blank bool) {
	if t.bodyLines == 0 && blank {
		return // leading blank lines
	}
	t.bodyLines++
	if t.long {
		t.clipped = true
	}
	if t.headersOnly {
		return
	}
	if len(t.body)+1+len(line) > MaxText {
		t.clipped = true
		return
	}
	if t.bodyLines > 1 {
		t.body = append(t.body, '\n')
	}
	t.body = append(t.body, line...)
	if !blank {
		t.keep = len(t.body)
	}
}

func (t *textSource) emit(m *Message) {
	*m = t.cur
	m.Clipped = t.clipped
	t.pend = false
	if t.headersOnly || t.keep == 0 {
		return
	}
	m.Text = string(t.body[:t.keep])
	if bytes.IndexByte(t.body[:t.keep], '@') >= 0 {
		m.Mentions = mentions(m.Text)
	}
}

// intern shares the strings that repeat (names, numbers, groups) between messages.
func (t *textSource) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if s, ok := t.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(t.names) < 1<<16 {
		t.names[s] = s
	}
	return s
}
