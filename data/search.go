package data

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// searchKeySep keeps a query from matching across two parts of a key.
const searchKeySep = "|"

var pinyinArgs = pinyin.NewArgs() // Normal style: "wang", no tones

// SearchKey builds the text a search box is matched against for the given parts
// (a name, tags, a nickname): each part lowercased, then its full pinyin and its
// initials, so 王者荣耀 is found by 王者, wangzhe and wzry alike.
func SearchKey(parts ...string) string {
	var b strings.Builder
	for _, part := range parts {
		part = strings.ToLower(strings.TrimSpace(part))
		if part == "" {
			continue
		}
		full, initials, hasHan := spell(part)
		b.WriteString(part)
		b.WriteString(searchKeySep)
		if hasHan {
			b.WriteString(full)
			b.WriteString(searchKeySep)
			b.WriteString(initials)
			b.WriteString(searchKeySep)
		}
	}
	return b.String()
}

// spell returns the pinyin of s without spaces and its initials; other characters
// (letters, digits) are kept as they are in both.
func spell(s string) (full, initials string, hasHan bool) {
	var f, i strings.Builder
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				f.WriteRune(r)
				i.WriteRune(r)
			}
			continue
		}
		py := pinyin.SinglePinyin(r, pinyinArgs)
		if len(py) == 0 || py[0] == "" {
			continue
		}
		hasHan = true
		f.WriteString(py[0])
		i.WriteByte(py[0][0])
	}
	return f.String(), i.String(), hasHan
}

// Query is what the owner typed in a search box, split into lowercased terms.
type Query []string

// ParseQuery splits a search box's text into terms; every term must match.
func ParseQuery(s string) Query {
	return Query(strings.Fields(strings.ToLower(s)))
}

// Empty reports whether the query matches everything.
func (q Query) Empty() bool { return len(q) == 0 }

// Matches reports whether every term of q occurs in key (a SearchKey).
func (q Query) Matches(key string) bool {
	for _, term := range q {
		if !strings.Contains(key, term) {
			return false
		}
	}
	return true
}
