package data

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzInvalidMark: whatever is typed, a mark is either refused at its fields or has a
// reason that is offered and evidence within its limit, trimmed; a restore note the
// same, and never empty.
func FuzzInvalidMark(f *testing.F) {
	for _, seed := range [][2]string{
		{"卡密无效", "群友截图"}, {" 已过期 ", ""}, {"card_invalid", "  "}, {"太贵", "x"}, {"", strings.Repeat("证", 501)},
		{"其他", "\u00a0\t换行\n说明"}, {"供应商失联", "\xff"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, reason, evidence string) {
		r, note, err := InvalidMark{Reason: reason, Evidence: evidence}.Parse()
		if err != nil {
			ve, ok := err.(ValidationError)
			if !ok || (ve.For("reason") == nil && ve.For("evidence") == nil) {
				t.Fatalf("refused without naming a field: %v", err)
			}
		} else {
			if !slices.Contains(InvalidReasons, r) {
				t.Fatalf("accepted reason %q", r)
			}
			if utf8.RuneCountInString(note) > MaxNotesLen || note != strings.TrimSpace(note) {
				t.Fatalf("accepted evidence %q", note)
			}
		}
		n, err := ParseRestoreNote(evidence)
		if err == nil && (n == "" || utf8.RuneCountInString(n) > MaxNotesLen) {
			t.Fatalf("accepted restore note %q", n)
		}
	})
}
