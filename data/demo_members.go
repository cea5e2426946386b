package data

import (
	"fmt"
	"strings"

	"gorm.io/gorm/clause"
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
	ms := make([]Member, 0, size.Members)
	for range size.Members {
		m, err := f.member(seated, admins)
		if err != nil {
			return err
		}
		ms = append(ms, m)
	}
	if err := f.tx.Omit(clause.Associations).CreateInBatches(&ms, demoBatch).Error; err != nil {
		return err
	}
	return f.addMemberChildren(ms)
}

// addMemberChildren saves the tags and seats of members just created.
func (f *demoFill) addMemberChildren(ms []Member) error {
	ptrs := make([]*Member, len(ms))
	for i := range ms {
		ptrs[i] = &ms[i]
	}
	return createMemberChildren(f.tx, ptrs)
}

// member makes one demo member through MemberDraft, so it passes the form's checks.
func (f *demoFill) member(seated map[uint]int, admins int) (Member, error) {
	d := MemberDraft{
		QQ:          f.qq(),
		Nickname:    f.nickname(),
		Motivations: some(f, Motivations, 1, 2),
		Interests:   strings.Join(some(f, demoInterests, 1, 4), ","),
		Segments:    strings.Join(some(f, SegmentSuggestions, 1, 1+boolInt(f.percent(15))), ","),
	}
	for _, g := range some(f, f.groups, 1, 1+boolInt(f.percent(30))) {
		role := RoleMember
		switch {
		case !f.owned[g.ID]:
			role, f.owned[g.ID] = RoleOwner, true
		case seated[g.ID] <= admins:
			role = RoleAdmin
		}
		seated[g.ID]++
		joined := f.now.In(demoZone).AddDate(0, 0, -1-f.rng.IntN(900))
		d.Memberships = append(d.Memberships, MembershipDraft{
			GroupID: g.ID, Role: role, CardName: f.cardName(d.Nickname, role), JoinedOn: joined.Format(DateLayout),
		})
	}
	m, err := d.Parse(demoZone)
	if err != nil {
		return m, fmt.Errorf("demo member %s: %w", d.QQ, err)
	}
	m.SearchKey = memberSearchKey(&m)
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
func (f *demoFill) cardName(nickname string, role Role) string {
	base := nickname
	if base == "" {
		base = pick(f.rng, demoNickNouns)
	}
	switch r := f.rng.IntN(100); {
	case role == RoleOwner:
		return "群主-" + base
	case role == RoleAdmin:
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
