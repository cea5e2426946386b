package match

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSubjectsOf: whatever an owner names a resource and tags it, its subjects are
// compact, non-empty, distinct, and each is in the compacted name, so a request
// naming the resource in full always contains one.
func FuzzSubjectsOf(f *testing.F) {
	for _, seed := range [][2]string{
		{"【秒到】王者荣耀点券 60元", "王者荣耀,腾讯"}, {"【特惠】【限量】腾讯视频VIP 月卡 ×2", "腾讯视频,腾讯"},
		{"【", ""}, {"】【】", "】"}, {"１００元", "ＶＩＰ"}, {"\xff\xfe", "\x00"}, {"", ""},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, name, tags string) {
		subjects := SubjectsOf(name, strings.Split(tags, ","))
		whole := Compact(name)
		seen := map[string]bool{}
		for _, s := range subjects {
			if s == "" || Compact(s) != s || seen[s] || !utf8.ValidString(s) {
				t.Fatalf("SubjectsOf(%q, %q) = %q: %q is empty, not compact or twice", name, tags, subjects, s)
			}
			seen[s] = true
			if !strings.Contains(whole, s) && !strings.Contains(whole, strings.TrimRight(s, "0123456789元")) {
				t.Fatalf("SubjectsOf(%q, %q): %q is not in the name %q", name, tags, s, whole)
			}
		}
	})
}
