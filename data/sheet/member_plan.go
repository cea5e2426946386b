package sheet

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data"
	"golang.org/x/text/width"
)

// joinsGroupText is how a known member's new seat in the group shows in a row's
// detail; backInGroupText a seat marked 已退群 that the list takes back.
const (
	joinsGroupText  = "加入本群"
	backInGroupText = "回到本群"
)

// NewMemberPlan classifies every data row of t under m against the known members
// (data.Store.Members(0): everyone, so that a member already known from another group
// is matched by QQ number rather than added twice) for an import into group groupID.
//
// Each member of the list gets a seat in that group if they had none (a seat marked
// 已退群 is taken back); mapped 群名片, 身份, 入群日期, 最后发言 and 等级 columns
// update that seat, and seats in other groups stay as they are. A mapped 昵称 updates
// the nickname when the cell is not empty; mapped 备注 and tag columns (动机, 兴趣,
// 人群) replace the notes or that kind of tags, so an empty cell clears them; an
// empty 身份, 入群日期, 最后发言 or 等级 keeps the seat's. Columns not mapped keep the
// known member's values. Rows with nothing in any mapped column are skipped. Dates
// are read in opt.Loc; one that cannot be read (昨天) is refused with its column, and
// a join or last-spoke date more than a day after opt.Now is refused;
// opt.DefaultCategory is not used. The error is a *Error when m cannot be
// used or no group is given.
func NewMemberPlan(t *Table, m MemberMapping, existing []data.Member, groupID uint, opt Options) (*MemberPlan, error) {
	if err := m.Check(t); err != nil {
		return nil, err
	}
	if groupID == 0 {
		return nil, refuse(ErrMapping, "请先选择要把成员导入到哪个群")
	}
	opt = opt.withDefaults()
	pl := memberPlanner{m: m, group: groupID, loc: opt.Loc, latestJoin: opt.Now.Add(joinSlack),
		byQQ: make(map[string]*data.Member, len(existing)), seen: make(map[string]int)}
	for i := range existing {
		pl.byQQ[existing[i].QQ] = &existing[i]
	}
	return newPlan(t, m, "成员", cloneMember, pl.row), nil
}

type memberPlanner struct {
	m     MemberMapping
	group uint
	loc   *time.Location
	// latestJoin is the latest join date accepted: the plan's clock and joinSlack.
	latestJoin time.Time
	byQQ       map[string]*data.Member
	seen       map[string]int // QQ number → line of its first row in the sheet
}

// joinSlack lets a join date be up to a day ahead of the plan's clock, for a list
// exported where it is already tomorrow.
const joinSlack = 24 * time.Hour

// memberCells are a row's mapped cells, trimmed; an unmapped detail is absent.
type memberCells map[MemberField]string

func (c memberCells) has(f MemberField) bool { _, ok := c[f]; return ok }

// memberInput is what one row says, read and checked.
type memberInput struct {
	parsed      data.Member // from data.MemberDraft.Parse: nickname, notes, interests, segments, the seat
	motivations []string
	role        data.Role  // "" when the cell is empty or not mapped
	lastSpoke   *time.Time // nil when the cell is empty or not mapped
	levelName   string
}

// row plans one data row.
func (pl *memberPlanner) row(line int, cells []string) MemberRow {
	c := make(memberCells, len(pl.m.Columns))
	for col, f := range pl.m.Columns {
		if f != MemberFieldIgnore {
			c[f] = strings.TrimSpace(cells[col])
		}
	}
	row := MemberRow{Line: line, Key: cleanQQ(c[MemberFieldQQ])}
	row.Existing = pl.byQQ[row.Key]
	if err := pl.checkRepeat(row); err != nil {
		return pl.invalid(row, c, err)
	}
	in, err := pl.read(c, row.Key)
	if err != nil {
		return pl.invalid(row, c, err)
	}
	pl.classify(&row, pl.merge(row.Existing, &in, c))
	return row
}

// checkRepeat refuses a QQ number an earlier row of the sheet has. A number that is
// not one is left for read to refuse.
func (pl *memberPlanner) checkRepeat(row MemberRow) error {
	if data.CheckQQ("qq", "QQ号", row.Key) != nil {
		return nil
	}
	if first, dup := pl.seen[row.Key]; dup {
		return data.ValidationError{{Field: string(MemberFieldQQ), Message: fmt.Sprintf("QQ号 %s 与第 %d 行重复", row.Key, first)}}
	}
	pl.seen[row.Key] = row.Line
	return nil
}

// invalid marks row as refused for err, named as the sheet names the member.
func (pl *memberPlanner) invalid(row MemberRow, c memberCells, err error) MemberRow {
	row.Kind, row.Problems = RowInvalid, problems[MemberField](row.Line, err)
	row.Name = cmp.Or(c[MemberFieldCardName], c[MemberFieldNickname])
	if row.Name == "" && row.Existing != nil {
		row.Name = memberName(row.Existing, pl.group)
	}
	return row
}

// cleanQQ takes a QQ number as spreadsheets hold it: with full-width digits, or with
// the apostrophe that keeps Excel from turning it into a number.
func cleanQQ(s string) string {
	return strings.TrimSpace(strings.TrimPrefix(width.Fold.String(s), "'"))
}

// read checks a row's cells: the text ones through data.MemberDraft.Parse, as the
// member form does, and 身份 and 动机 here. Problems come in column order.
func (pl *memberPlanner) read(c memberCells, qq string) (memberInput, error) {
	var in memberInput
	var ve data.ValidationError
	if s := c[MemberFieldRole]; s != "" {
		r, ok := roleOf(s)
		if !ok {
			ve = append(ve, &data.FieldError{Field: string(MemberFieldRole),
				Message: fmt.Sprintf("身份「%s」认不出，请填 群主、管理员 或 成员（学生、上班族这类请放在「人群」列）", s)})
		}
		in.role = r
	}
	for _, v := range data.SplitTags(c[MemberFieldMotivation]) {
		if !slices.Contains(data.Motivations, v) {
			ve = append(ve, &data.FieldError{Field: string(MemberFieldMotivation),
				Message: fmt.Sprintf("动机「%s」认不出，只能填 %s", v, strings.Join(data.Motivations, "、"))})
			continue
		}
		in.motivations = append(in.motivations, v)
	}
	d := data.MemberDraft{QQ: qq, Nickname: c[MemberFieldNickname], Notes: c[MemberFieldNotes],
		Interests: c[MemberFieldInterest], Segments: c[MemberFieldSegment],
		Memberships: []data.MembershipDraft{{GroupID: pl.group, CardName: c[MemberFieldCardName], Role: in.role,
			JoinedOn: dropSeconds(c[MemberFieldJoinedOn])}}}
	parsed, err := d.Parse(pl.loc)
	var parseErrs data.ValidationError
	if err != nil && !errors.As(err, &parseErrs) {
		return in, err
	}
	in.parsed = parsed
	if joined := parsed.Memberships[0].JoinedOn; joined != nil && joined.After(pl.latestJoin) {
		parseErrs = append(parseErrs, &data.FieldError{Field: string(MemberFieldJoinedOn),
			Message: fmt.Sprintf("入群日期 %s 在将来，请填写已经入群的日期", data.FormatDate(joined, pl.loc))})
	}
	ve = append(parseErrs, ve...)
	ve = append(ve, pl.readSeat(c, &in)...)
	if len(ve) == 0 {
		return in, nil
	}
	slices.SortStableFunc(ve, func(a, b *data.FieldError) int {
		return cmp.Compare(pl.m.Column(MemberField(a.Field)), pl.m.Column(MemberField(b.Field)))
	})
	return in, ve
}

// readSeat reads the 最后发言 and 等级 cells. A time that cannot be read is refused
// with its column rather than dropped: the owner would otherwise lose it unseen.
func (pl *memberPlanner) readSeat(c memberCells, in *memberInput) data.ValidationError {
	var ve data.ValidationError
	if s := c[MemberFieldLastSpoke]; s != "" {
		t, ok := data.ReadTime(dropSeconds(s), pl.loc)
		switch {
		case !ok:
			ve = append(ve, &data.FieldError{Field: string(MemberFieldLastSpoke),
				Message: fmt.Sprintf("最后发言（%s 列）「%s」不是日期，请写成 2026-12-31 或 2026-12-31 20:00", ColumnName(pl.m.Column(MemberFieldLastSpoke)), s)})
		case t.After(pl.latestJoin):
			ve = append(ve, &data.FieldError{Field: string(MemberFieldLastSpoke),
				Message: fmt.Sprintf("最后发言 %s 在将来，请填写已经过去的时间", data.FormatDate(t, pl.loc))})
		}
		in.lastSpoke = t
	}
	if s := c[MemberFieldLevel]; s != "" {
		if n := utf8.RuneCountInString(s); n > data.MaxLevelNameLen {
			ve = append(ve, &data.FieldError{Field: string(MemberFieldLevel),
				Message: fmt.Sprintf("等级最多 %d 个字，现在 %d 个字", data.MaxLevelNameLen, n)})
		}
		in.levelName = s
	}
	return ve
}

// roleWords are what QQ group tools and owners write for the roles besides the
// labels data.RoleByLabel knows.
var roleWords = map[string]data.Role{
	"创建者": data.RoleOwner, "群创建者": data.RoleOwner,
	"管理": data.RoleAdmin, "群管理": data.RoleAdmin, "群管理员": data.RoleAdmin,
	"群成员": data.RoleMember, "普通成员": data.RoleMember, "群员": data.RoleMember, "普通群员": data.RoleMember,
}

// roleOf reads a 身份 cell.
func roleOf(s string) (data.Role, bool) {
	s = strings.ToLower(s)
	if r, ok := data.RoleByLabel(s); ok {
		return r, true
	}
	r, ok := roleWords[s]
	return r, ok
}

// tagColumns are the tag kinds in the order the member form shows them, with the
// column each is imported from.
var tagColumns = []struct {
	kind  data.TagKind
	field MemberField
}{
	{data.TagMotivation, MemberFieldMotivation},
	{data.TagInterest, MemberFieldInterest},
	{data.TagSegment, MemberFieldSegment},
}

// merge lays the row over a copy of the known member (or a new one), touching only
// what the mapped columns say, and gives the member a seat in the group.
func (pl *memberPlanner) merge(old *data.Member, in *memberInput, c memberCells) *data.Member {
	m := &data.Member{QQ: in.parsed.QQ}
	if old != nil {
		m = cloneMember(old)
	}
	if in.parsed.Nickname != "" {
		m.Nickname = in.parsed.Nickname
	}
	if c.has(MemberFieldNotes) {
		m.Notes = in.parsed.Notes
	}
	m.Tags = mergeTags(m.Tags, in, c)
	seat := m.In(pl.group)
	if seat == nil {
		m.Memberships = append(m.Memberships, data.Membership{GroupID: pl.group, Role: data.RoleMember})
		seat = &m.Memberships[len(m.Memberships)-1]
	}
	from := in.parsed.Memberships[0]
	if c.has(MemberFieldCardName) {
		seat.CardName = from.CardName
	}
	if in.role != "" {
		seat.Role = in.role
	}
	if from.JoinedOn != nil {
		seat.JoinedOn = from.JoinedOn
	}
	if in.lastSpoke != nil {
		seat.LastSpokeAt = in.lastSpoke
	}
	if in.levelName != "" {
		seat.LevelName = in.levelName
	}
	seat.LeftOn = nil // in the group's list, so in the group
	return m
}

// mergeTags replaces the tags of each kind whose column is mapped, in the form's
// order of kinds; without such a column the tags stay as they are.
func mergeTags(old []data.MemberTag, in *memberInput, c memberCells) []data.MemberTag {
	if !c.has(MemberFieldMotivation) && !c.has(MemberFieldInterest) && !c.has(MemberFieldSegment) {
		return old
	}
	var out []data.MemberTag
	for _, tc := range tagColumns {
		values := tagValues(old, tc.kind)
		switch {
		case tc.kind == data.TagMotivation && c.has(tc.field):
			values = in.motivations
		case c.has(tc.field):
			values = in.parsed.TagValues(tc.kind)
		}
		for _, v := range values {
			out = append(out, data.MemberTag{Kind: tc.kind, Value: v})
		}
	}
	return out
}

func tagValues(tags []data.MemberTag, kind data.TagKind) []string {
	return (&data.Member{Tags: tags}).TagValues(kind)
}

// classify sets the kind of a valid row, and the changes when it updates a member.
func (pl *memberPlanner) classify(row *MemberRow, m *data.Member) {
	row.Name = memberName(m, pl.group)
	if row.Existing == nil {
		row.Kind, row.Record = RowNew, m
		return
	}
	old := row.Existing.In(pl.group)
	joins, back := old == nil, old != nil && old.LeftOn != nil
	switch {
	case joins:
		row.Actions = []string{joinsGroupText}
	case back:
		row.Actions = []string{backInGroupText}
	}
	row.Changes = pl.diff(row.Existing, m, joins)
	if len(row.Changes) == 0 && !joins && !back {
		row.Kind = RowUnchanged
		return
	}
	row.Kind, row.Record = RowChanged, m
}

// diff compares two members as the owner sees them in the group: tags in another
// order are the same tags, and a date is compared as the form shows it. A new seat
// is not a change of its details.
func (pl *memberPlanner) diff(old, new *data.Member, joins bool) []Change[MemberField] {
	var out []Change[MemberField]
	for _, f := range memberFields {
		if f == MemberFieldQQ || (joins && isSeatField(f)) {
			continue
		}
		o, n := pl.values(f, old), pl.values(f, new)
		if !sameSet(o, n) {
			out = append(out, Change[MemberField]{Field: f, Old: shownText(strings.Join(o, "、")), New: shownText(strings.Join(n, "、"))})
		}
	}
	return out
}

func isSeatField(f MemberField) bool {
	switch f {
	case MemberFieldCardName, MemberFieldRole, MemberFieldJoinedOn, MemberFieldLastSpoke, MemberFieldLevel:
		return true
	}
	return false
}

// values is one detail of m in the owner's words.
func (pl *memberPlanner) values(f MemberField, m *data.Member) []string {
	seat := m.In(pl.group)
	if seat == nil {
		seat = &data.Membership{}
	}
	switch f {
	case MemberFieldNickname:
		return []string{m.Nickname}
	case MemberFieldNotes:
		return []string{m.Notes}
	case MemberFieldCardName:
		return []string{seat.CardName}
	case MemberFieldRole:
		return []string{seat.Role.Label()}
	case MemberFieldJoinedOn:
		return []string{data.FormatDate(seat.JoinedOn, pl.loc)}
	case MemberFieldLastSpoke:
		return []string{data.FormatDate(seat.LastSpokeAt, pl.loc)}
	case MemberFieldLevel:
		return []string{seat.LevelName}
	}
	for _, tc := range tagColumns {
		if tc.field == f {
			return m.TagValues(tc.kind)
		}
	}
	return nil
}

// memberName is the member's group card in the group, else the nickname.
func memberName(m *data.Member, group uint) string {
	if seat := m.In(group); seat != nil && seat.CardName != "" {
		return seat.CardName
	}
	return m.Nickname
}

// cloneMember copies m with its own seats and tags, so that changing the copy leaves
// the known members, and a plan, as they were.
func cloneMember(m *data.Member) *data.Member {
	c := *m
	c.Memberships = slices.Clone(m.Memberships)
	c.Tags = slices.Clone(m.Tags)
	return &c
}
