package posts

import (
	"strconv"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Rules is what the 群规公告 template sees: one version of a group's rules, its
// number and the day it was saved, so members can tell which rules are in force.
type Rules struct {
	GroupName string         // 群名称
	Version   int            // 第几版, 1 for the first
	Date      string         // the day the version was saved: 2026-11-20
	Note      string         // 修改说明, what this version changed; may be empty
	Count     int            // sections
	Sections  []RulesSection // in order
}

// RulesSection is one section of the rules post.
type RulesSection struct {
	Number  int    // 1-based
	Numeral string // the number in Chinese: 一, 十二
	Title   string
	Body    string
}

// BuildRules prepares the post of version v (number n in its group's history, with
// its sections loaded) of group g's rules, its date shown in loc.
func BuildRules(g data.Group, v data.RuleVersion, n int, loc *time.Location) Rules {
	rs := Rules{GroupName: g.Name, Version: n, Date: v.CreatedAt.In(orLocal(loc)).Format(data.DateLayout),
		Note: v.Note, Count: len(v.Sections)}
	for i, s := range v.Sections {
		rs.Sections = append(rs.Sections, RulesSection{Number: i + 1, Numeral: Numeral(i + 1), Title: s.Title, Body: s.Body})
	}
	return rs
}

// RenderRules makes the 群规公告 from template body, like RenderIndex.
func RenderRules(body string, rs Rules, knownQQ []string) (string, error) {
	return render(data.PostRules, body, rs, knownQQ)
}

// BuildRulesPost makes the 群规公告 of the current version of group g's rules, split
// for QQ like the index. A group without rules yet is data.ErrNotFound.
func BuildRulesPost(store *data.Store, g data.Group, loc *time.Location) (Built, error) {
	v, ok, err := store.CurrentRules(g.ID)
	if err != nil {
		return Built{}, err
	}
	if !ok {
		return Built{}, data.ErrNotFound
	}
	history, err := store.RuleHistory(g.ID)
	if err != nil {
		return Built{}, err
	}
	qqs, err := store.MemberQQs()
	if err != nil {
		return Built{}, err
	}
	rs := BuildRules(g, v, len(history), loc)
	text, broken, err := renderWith(store, data.PostRules, func(body string) (string, error) {
		return RenderRules(body, rs, qqs)
	})
	if err != nil {
		return Built{}, err
	}
	gid := g.ID
	return Built{Kind: data.PostRules, GroupID: &gid, Text: text, Parts: Split(text, MaxPartRunes),
		Listed: rs.Count, BrokenOwn: broken}, nil
}

// Numeral writes n (1 to 99) in Chinese numerals, as rules number their sections:
// 一, 十, 十二, 二十, 二十三. Other numbers stay in digits.
func Numeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n >= 1 && n <= 9:
		return digits[n]
	case n >= 10 && n <= 19:
		return "十" + digits[n%10]
	case n >= 20 && n <= 99:
		return digits[n/10] + "十" + digits[n%10]
	}
	return strconv.Itoa(n)
}
