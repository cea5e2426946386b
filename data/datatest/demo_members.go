package datatest

import (
	"fmt"
	"strings"

	"github.com/qunhuo/qunhuo/data"
)

// addMembers adds size.Members members with need tags and one or two group seats.
// The first demo member in a group without a 群主 becomes its 群主; the next few
// become 管理员.
func (f *demoFill) addMembers(size DemoSize) error {
	if size.Members <= 0 {
		return nil
	}
	admins := 1 + size.Members/1000
	seated := make(map[uint]int, len(f.groups)) // demo members per group so far
	ms := make([]*data.Member, 0, size.Members)
	for range size.Members {
		m, err := f.member(seated, admins)
		if err != nil {
			return err
		}
		ms = append(ms, &m)
	}
	// The same writer as an imported member list: tags and seats a table at a time.
	return f.tx.SaveMembers(ms)
}

// member makes one demo member through MemberDraft, so it passes the form's checks.
func (f *demoFill) member(seated map[uint]int, admins int) (data.Member, error) {
	d := data.MemberDraft{
		QQ:          f.qq(),
		Nickname:    f.nickname(),
		Motivations: some(f, data.Motivations, 1, 2),
		Interests:   strings.Join(some(f, demoInterests, 1, 4), ","),
		Segments:    strings.Join(some(f, data.SegmentSuggestions, 1, 1+boolInt(f.percent(15))), ","),
	}
	for _, g := range some(f, f.groups, 1, 1+boolInt(f.percent(30))) {
		role := data.RoleMember
		switch {
		case !f.owned[g.ID]:
			role, f.owned[g.ID] = data.RoleOwner, true
		case seated[g.ID] <= admins:
			role = data.RoleAdmin
		}
		seated[g.ID]++
		joined := f.now.In(demoZone).AddDate(0, 0, -1-f.rng.IntN(900))
		d.Memberships = append(d.Memberships, data.MembershipDraft{
			GroupID: g.ID, Role: role, CardName: f.cardName(d.Nickname, role), JoinedOn: joined.Format(data.DateLayout),
		})
	}
	m, err := d.Parse(demoZone)
	if err != nil {
		return m, fmt.Errorf("demo member %s: %w", d.QQ, err)
	}
	return m, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// some returns between lo and hi distinct elements of xs, in random order.
func some[T any](f *demoFill, xs []T, lo, hi int) []T {
	n := min(lo+f.rng.IntN(hi-lo+1), len(xs))
	out := make([]T, 0, n)
	for _, i := range f.rng.Perm(len(xs))[:n] {
		out = append(out, xs[i])
	}
	return out
}

// qq returns a new QQ number: mostly 9 or 10 digits, as numbers handed out in the
// last twenty years are, and a few old short ones.
func (f *demoFill) qq() string {
	for {
		var qq string
		switch r := f.rng.IntN(100); {
		case r < 2:
			qq = f.digits(5, '9')
		case r < 4:
			qq = f.digits(6, '9')
		case r < 7:
			qq = f.digits(7, '9')
		case r < 17:
			qq = f.digits(8, '9')
		case r < 55:
			qq = f.digits(9, '9')
		case r < 97:
			qq = f.digits(10, '3')
		case r < 99:
			qq = f.digits(11, '9')
		default:
			qq = f.digits(12, '9')
		}
		if !f.qqs[qq] {
			f.qqs[qq] = true
			return qq
		}
	}
}

func (f *demoFill) nickname() string {
	switch r := f.rng.IntN(100); {
	case r < 6:
		return ""
	case r < 40:
		return pick(f.rng, demoNickWhole)
	default:
		return pick(f.rng, demoNickAdjectives) + pick(f.rng, demoNickNouns)
	}
}

// cardName is a 群名片 in the styles groups ask for: 城市-昵称, 昵称|爱好, or a title.
func (f *demoFill) cardName(nickname string, role data.Role) string {
	base := nickname
	if base == "" {
		base = pick(f.rng, demoNickNouns)
	}
	switch r := f.rng.IntN(100); {
	case role == data.RoleOwner:
		return "群主-" + base
	case role == data.RoleAdmin:
		return "【管理】" + base
	case r < 35:
		return ""
	case r < 60:
		return pick(f.rng, demoCardCities) + "-" + base
	case r < 80:
		return base + "|" + pick(f.rng, demoInterests)
	default:
		return base
	}
}
