// Package wording reads what a member asked for (求王者点券, 有没有爱奇艺月卡？) the way
// the owner would: the item without the asking words, split into words the catalog's
// search can find, each with the words the owner counts as meaning the same (月卡 ~
// 会员, wzry ~ 王者荣耀). It is pure Go: neither the database nor the GUI.
package wording

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// MaxItemKeyRunes is how long an item key may be: the requests table keeps 100
// characters, and an item is a name, not a sentence.
const MaxItemKeyRunes = 100

// askingPrefixes are the words a member starts a request with, longest first so that
// 有没有 is taken before 有. They are stripped, again and again (求求 有没有人有…).
var askingPrefixes = []string{
	"有没有人有", "有没有谁有", "请问有没有", "请问谁有", "有人有没有",
	"哪里可以买", "哪里能买", "哪里有", "在哪买", "谁手里有",
	"有没有", "有人有", "谁有", "谁家有", "求购", "求助", "求个", "求一个", "求一张", "求张",
	"想要个", "想要一个", "想要", "想买", "需要", "急需", "急求", "收个", "收一个", "来个", "来一个", "蹲个", "蹲一个",
	"请问", "大佬", "各位", "老板", "群主", "兄弟们", "家人们",
	"求", "收", "要", "蹲", "买",
}

// askingSuffixes end a request: 有吗, 谢谢, 急… Stripped from the end, again and again.
var askingSuffixes = []string{
	"有没有", "有吗", "有么", "有嘛", "有不", "卖吗", "谢谢了", "谢谢", "多谢", "感谢", "急用", "急急急", "急",
	"的来", "私聊", "私我", "滴滴", "吗", "么", "嘛", "呀", "啊", "呢", "哈", "了",
}

// ItemKey is what a request asks for, normalized to group requests on the demand
// board: width folded (ＶＩＰ → vip), lower-cased, punctuation and spaces dropped,
// asking words stripped at both ends (求, 有没有, 谁有, 收, 想要, 要… and 有吗, 谢谢…).
// When nothing but asking words is left, the folded text itself is the key, so a
// request is never grouped under "". At most MaxItemKeyRunes characters.
func ItemKey(text string) string {
	folded := fold(text)
	key := strip(folded)
	if key == "" {
		key = folded
	}
	if utf8.RuneCountInString(key) > MaxItemKeyRunes {
		key = string([]rune(key)[:MaxItemKeyRunes])
	}
	return key
}

// fold folds width and case and keeps only letters, digits and Chinese characters.
func fold(text string) string {
	text = strings.ToLower(width.Fold.String(text))
	var b strings.Builder
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// strip removes asking words at both ends until none is left.
func strip(s string) string {
	for {
		before := s
		for _, p := range askingPrefixes {
			if strings.HasPrefix(s, p) && len(s) > len(p) {
				s = s[len(p):]
				break
			}
		}
		for _, suf := range askingSuffixes {
			if strings.HasSuffix(s, suf) && len(s) > len(suf) {
				s = s[:len(s)-len(suf)]
				break
			}
		}
		if s == before {
			return s
		}
	}
}
