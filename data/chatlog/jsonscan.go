package chatlog

import (
	"errors"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A small JSON scanner for the messages array of a QQChatExporter export. It reads
// one message out of a window of bytes, checks its syntax as strictly as
// encoding/json does and keeps only the fields the Reader needs; everything else
// (elements, resources, rawMessage …) is checked and skipped without decoding.
// Values are taken as encoding/json takes them into the first reader's structs:
// keys match exactly, else ignoring case; null leaves a field as it was; a value of
// another type is an error once the message has been read whole.

// errShort: the window ends inside the message; read more and try again (at the
// file's end, the file was cut short).
var errShort = errors.New("json: the message goes on past the bytes read")

// errWrongType: a field holds a value of another type than the export writes.
var errWrongType = errors.New("json: a value of the wrong type")

// syntaxError is broken JSON.
type syntaxError string

func (e syntaxError) Error() string { return "json: " + string(e) }

// maxDepth is how deep values may nest, as in encoding/json.
const maxDepth = 10000

// scanner reads JSON values from b.
type scanner struct {
	b       []byte // the window
	i       int    // the next byte to read
	eof     bool   // b ends where the file ends
	depth   int
	typeErr error // the first value of the wrong type
}

// plain marks the bytes that can stand in a string as they are.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// peek skips white space and returns the next byte.
func (s *scanner) peek() (byte, error) {
	for ; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; c {
		case ' ', '\n', '\r', '\t':
		default:
			return c, nil
		}
	}
	return 0, errShort
}

// str reads the string at s.i and returns its bytes between the quotes, and
// whether they hold escapes.
func (s *scanner) str() (raw []byte, esc bool, err error) {
	b := s.b
	start := s.i + 1
	i := start
	for {
		for i+8 <= len(b) && plain[b[i]] && plain[b[i+1]] && plain[b[i+2]] && plain[b[i+3]] &&
			plain[b[i+4]] && plain[b[i+5]] && plain[b[i+6]] && plain[b[i+7]] {
			i += 8
		}
		for i < len(b) && plain[b[i]] {
			i++
		}
		if i >= len(b) {
			return nil, false, errShort
		}
		switch b[i] {
		case '"':
			s.i = i + 1
			return b[start:i], esc, nil
		case '\\':
			esc = true
			n, err := escape(b[i:])
			if err != nil {
				return nil, false, err
			}
			i += n
		default:
			return nil, false, syntaxError("a control character in a string")
		}
	}
}

// escape checks the escape at the start of b and returns its length.
func escape(b []byte) (int, error) {
	if len(b) < 2 {
		return 0, errShort
	}
	switch b[1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, nil
	case 'u':
		for k := 2; k < 6; k++ {
			if k >= len(b) {
				return 0, errShort
			}
			if hexDigit(b[k]) < 0 {
				return 0, syntaxError("a bad \\u escape")
			}
		}
		return 6, nil
	}
	return 0, syntaxError("a bad escape")
}

func hexDigit(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// num reads the number at s.i and returns its text.
func (s *scanner) num() ([]byte, error) {
	b, i := s.b, s.i
	digits := func() int {
		k := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i - k
	}
	// the number may go on past the window unless the file ends there
	end := func() ([]byte, error) {
		if i >= len(b) && !s.eof {
			return nil, errShort
		}
		start := s.i
		s.i = i
		return b[start:i], nil
	}
	need := func(what string) error {
		if i >= len(b) {
			return errShort
		}
		return syntaxError(what)
	}
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		return nil, need("a bad number")
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return nil, need("a bad fraction")
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return nil, need("a bad exponent")
		}
	}
	return end()
}

// lit reads the literal word (true, false, null) at s.i.
func (s *scanner) lit(word string) error {
	for k := 0; k < len(word); k++ {
		if s.i+k >= len(s.b) {
			return errShort
		}
		if s.b[s.i+k] != word[k] {
			return syntaxError("a bad literal")
		}
	}
	s.i += len(word)
	return nil
}

// object reads the object at s.i; field is called with each key, the scanner at
// the key's value, and must read the value.
func (s *scanner) object(field func(key []byte, esc bool) error) error {
	s.i++
	if s.depth++; s.depth > maxDepth {
		return syntaxError("nested too deep")
	}
	c, err := s.peek()
	if err != nil {
		return err
	}
	if c == '}' {
		s.i++
		s.depth--
		return nil
	}
	for {
		if c != '"' {
			return syntaxError("an object key is not a string")
		}
		key, esc, err := s.str()
		if err != nil {
			return err
		}
		if c, err = s.peek(); err != nil {
			return err
		}
		if c != ':' {
			return syntaxError("no colon after an object key")
		}
		s.i++
		if err := field(key, esc); err != nil {
			return err
		}
		if c, err = s.peek(); err != nil {
			return err
		}
		switch c {
		case '}':
			s.i++
			s.depth--
			return nil
		case ',':
			s.i++
			if c, err = s.peek(); err != nil {
				return err
			}
		default:
			return syntaxError("no comma after an object value")
		}
	}
}

// array reads the array at s.i; elem is called with the scanner at each element
// and must read it.
func (s *scanner) array(elem func() error) error {
	s.i++
	if s.depth++; s.depth > maxDepth {
		return syntaxError("nested too deep")
	}
	c, err := s.peek()
	if err != nil {
		return err
	}
	if c == ']' {
		s.i++
		s.depth--
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		if c, err = s.peek(); err != nil {
			return err
		}
		switch c {
		case ']':
			s.i++
			s.depth--
			return nil
		case ',':
			s.i++
		default:
			return syntaxError("no comma after an array element")
		}
	}
}

// inObject reads an object with field; null leaves things as they are.
func (s *scanner) inObject(field func(key []byte, esc bool) error) error {
	c, err := s.peek()
	if err != nil {
		return err
	}
	switch c {
	case '{':
		return s.object(field)
	case 'n':
		return s.lit("null")
	}
	return s.wrongType()
}

// skip reads any value and keeps nothing of it.
func (s *scanner) skip() error {
	c, err := s.peek()
	if err != nil {
		return err
	}
	switch c {
	case '{':
		return s.object(func([]byte, bool) error { return s.skip() })
	case '[':
		return s.array(s.skip)
	case '"':
		_, _, err := s.str()
		return err
	case 't':
		return s.lit("true")
	case 'f':
		return s.lit("false")
	case 'n':
		return s.lit("null")
	}
	if c == '-' || '0' <= c && c <= '9' {
		_, err := s.num()
		return err
	}
	return syntaxError("no value where one must be")
}

// wrongType notes a value of the wrong type and skips it.
func (s *scanner) wrongType() error {
	if s.typeErr == nil {
		s.typeErr = errWrongType
	}
	return s.skip()
}

// text reads a string into *dst; null leaves it.
func (s *scanner) text(dst *string) error {
	var b []byte
	err := s.bytes(&b)
	if b != nil {
		*dst = string(b)
	}
	return err
}

// bytes reads a string into *dst like text, as bytes that point into the window
// when the string needs no unquoting.
func (s *scanner) bytes(dst *[]byte) error {
	c, err := s.peek()
	if err != nil {
		return err
	}
	switch c {
	case '"':
		raw, esc, err := s.str()
		if err != nil {
			return err
		}
		if esc || !utf8.Valid(raw) {
			raw = unquoteBytes(raw)
		}
		*dst = raw
		return nil
	case 'n':
		return s.lit("null")
	}
	return s.wrongType()
}

// flex reads a string, number or null as text into *dst, as the first reader's
// flexString did: a string without escapes as its bytes, null as nothing. *dst
// points into the window.
func (s *scanner) flex(dst *[]byte) error {
	c, err := s.peek()
	if err != nil {
		return err
	}
	switch {
	case c == '"':
		raw, esc, err := s.str()
		if err != nil {
			return err
		}
		if esc {
			raw = unquoteBytes(raw)
		}
		*dst = raw
		return nil
	case c == 'n':
		err := s.lit("null")
		if err == nil {
			*dst = nil
		}
		return err
	case c == '-' || '0' <= c && c <= '9':
		raw, err := s.num()
		if err == nil {
			*dst = raw
		}
		return err
	}
	return s.wrongType()
}

// boolean reads true or false into *dst; null leaves it.
func (s *scanner) boolean(dst *bool) error {
	c, err := s.peek()
	if err != nil {
		return err
	}
	switch c {
	case 't', 'f':
		word := "false"
		if c == 't' {
			word = "true"
		}
		err := s.lit(word)
		if err == nil {
			*dst = c == 't'
		}
		return err
	case 'n':
		return s.lit("null")
	}
	return s.wrongType()
}

// fieldName is which of fields the key read as raw names, as encoding/json
// matches a key to a struct field: exactly, else ignoring case; "" for none.
func fieldName(raw []byte, esc bool, fields ...string) string {
	if esc {
		raw = []byte(unquote(raw, esc))
	}
	for _, f := range fields {
		if len(f) == len(raw) && string(raw) == f {
			return f
		}
	}
	ascii := true
	for _, c := range raw {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	for _, f := range fields {
		if (!ascii || len(f) == len(raw)) && strings.EqualFold(string(raw), f) {
			return f
		}
	}
	return ""
}

// unquote turns the bytes of a JSON string into text as encoding/json does:
// escapes undone, each byte that is not UTF-8 turned into U+FFFD.
func unquote(raw []byte, esc bool) string {
	if !esc && utf8.Valid(raw) {
		return string(raw)
	}
	return string(unquoteBytes(raw))
}

func unquoteBytes(raw []byte) []byte {
	b := make([]byte, 0, len(raw)+utf8.UTFMax)
	for r := 0; r < len(raw); {
		c := raw[r]
		switch {
		case c == '\\' && raw[r+1] == 'u':
			rr := u4(raw[r:])
			r += 6
			if utf16.IsSurrogate(rr) {
				if dec := utf16.DecodeRune(rr, u4(raw[r:])); dec != utf8.RuneError {
					b = utf8.AppendRune(b, dec)
					r += 6
					continue
				}
				rr = utf8.RuneError
			}
			b = utf8.AppendRune(b, rr)
		case c == '\\':
			b = append(b, unescaped[raw[r+1]])
			r += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(raw[r:])
			b = utf8.AppendRune(b, rr)
			r += size
		}
	}
	return b
}

var unescaped = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// u4 is the code of the \uXXXX escape at the start of b, or -1.
func u4(b []byte) rune {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range b[2:6] {
		r = r<<4 | hexDigit(c)
	}
	return r
}

// interner keeps one copy of the names, numbers and ids that repeat.
type interner map[string]string

func (in interner) str(s string) string {
	if v, ok := in[s]; ok {
		return v
	}
	if len(in) < 1<<16 {
		in[s] = s
	}
	return s
}

// bytes is string(raw), interned.
func (in interner) bytes(raw []byte) string {
	if len(raw) == 0 {
		return ""
	}
	if v, ok := in[string(raw)]; ok {
		return v
	}
	return in.str(string(raw))
}
