package members

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// memberForm adds or edits a member: QQ number, nickname, need tags and a seat in
// each of the owner's groups.
type memberForm struct {
	*ui.FormKit
	prev    *data.Member
	current *data.Group
	onSaved func(data.Member) // after the store has it, with its ID

	qq, nickname, interests, segments *ui.FormEntry
	notes                             *ui.Entry
	motivations                       *widget.CheckGroup
	seats                             []*seatRow
	seatBox                           *fyne.Container
}

// seatRow is one group's line in the form: in the group or not, card name, role, date.
type seatRow struct {
	group    data.Group
	in       *widget.Check
	cardName *ui.Entry
	role     *widget.Select
	joined   *ui.Entry
}

func newMemberForm(e *ui.Env, prev *data.Member, current *data.Group, onSaved func(data.Member)) *memberForm {
	f := &memberForm{prev: prev, current: current, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.qq = f.Entry("qq", "5–12 位数字")
	f.nickname = f.Entry("nickname", "QQ昵称")
	f.interests = f.Entry(string(data.TagInterest), "如 王者荣耀，原神，爱奇艺")
	f.segments = f.Entry(string(data.TagSegment), "如 学生 或 上班族")
	f.notes = ui.NewMultiLineEntry()
	f.notes.SetMinRowsVisible(2)
	f.WatchEntry("notes", f.notes)
	f.motivations = widget.NewCheckGroup(data.Motivations, nil)
	f.motivations.Horizontal = true
	f.seatBox = container.NewVBox()
	f.fill()
	e.Tasks.Run(f.loadGroups)
	return f
}

func (f *memberForm) fill() {
	if f.prev == nil {
		return
	}
	m := f.prev
	f.qq.SetText(m.QQ)
	f.nickname.SetText(m.Nickname)
	f.interests.SetText(strings.Join(m.TagValues(data.TagInterest), ","))
	f.segments.SetText(strings.Join(m.TagValues(data.TagSegment), ","))
	f.notes.SetText(m.Notes)
	f.motivations.SetSelected(m.TagValues(data.TagMotivation))
}

func (f *memberForm) loadGroups() {
	groups, err := f.Env.Store.Groups()
	fyne.Do(func() {
		if err != nil {
			f.Env.ShowError(err)
			return
		}
		f.applyGroups(groups)
	})
}

func (f *memberForm) applyGroups(groups []data.Group) {
	f.seats = nil
	f.seatBox.RemoveAll()
	for _, g := range groups {
		row := f.newSeatRow(g)
		f.seats = append(f.seats, row)
		f.seatBox.Add(container.NewGridWithColumns(4, row.in, row.cardName, row.role, row.joined))
	}
	if len(groups) == 0 {
		f.seatBox.Add(widget.NewLabel("还没有群，请先到「群管理」新建一个群"))
	}
}

func (f *memberForm) newSeatRow(g data.Group) *seatRow {
	r := &seatRow{group: g}
	r.in = widget.NewCheck(g.Name, func(bool) { f.Changed() })
	r.cardName = ui.NewEntry()
	r.cardName.SetPlaceHolder("群名片")
	r.cardName.Validator = f.Validator("card_name")
	var roles []string
	for _, role := range data.Roles {
		roles = append(roles, role.Label())
	}
	r.role = widget.NewSelect(roles, nil)
	r.role.SetSelected(data.RoleMember.Label())
	r.joined = ui.NewEntry()
	r.joined.SetPlaceHolder("入群日期")
	r.joined.Validator = f.Validator("joined_on")
	if f.prev != nil {
		if seat := f.prev.In(g.ID); seat != nil {
			r.in.SetChecked(true)
			r.cardName.SetText(seat.CardName)
			r.role.SetSelected(seat.Role.Label())
			r.joined.SetText(data.FormatDate(seat.JoinedOn, f.Env.Loc))
		}
	} else if f.current != nil && f.current.ID == g.ID {
		r.in.SetChecked(true)
	}
	return r
}

func (f *memberForm) draft() data.MemberDraft {
	d := data.MemberDraft{
		QQ: f.qq.Text, Nickname: f.nickname.Text, Notes: f.notes.Text,
		Motivations: f.motivations.Selected, Interests: f.interests.Text, Segments: f.segments.Text,
	}
	for _, r := range f.seats {
		if !r.in.Checked {
			continue
		}
		role, _ := data.RoleByLabel(r.role.Selected)
		d.Memberships = append(d.Memberships, data.MembershipDraft{
			GroupID: r.group.ID, CardName: r.cardName.Text, Role: role, JoinedOn: r.joined.Text,
		})
	}
	return d
}

func (f *memberForm) parse() (data.Member, error) {
	m, err := f.draft().Parse(f.Env.Loc)
	if f.prev != nil {
		m.ID, m.CreatedAt = f.prev.ID, f.prev.CreatedAt
		m.KeepListFacts(f.prev) // 最后发言, 等级 and 已退群 are not in the form
	}
	return m, err
}

func (f *memberForm) check() error {
	_, err := f.parse()
	return err
}

func (f *memberForm) show() {
	// Short fields in pairs, so the seats of several groups fit below without a scroll.
	form := f.Form(
		ui.FormRow{Label: "QQ号", Key: "qq", Widget: f.qq,
			Beside: &ui.FormRow{Label: "昵称", Key: "nickname", Widget: f.nickname}},
		ui.FormRow{Label: "动机", Widget: f.motivations},
		ui.FormRow{Label: "兴趣", Key: string(data.TagInterest), Widget: f.interests,
			Beside: &ui.FormRow{Label: "人群", Key: string(data.TagSegment), Widget: f.segments}},
		ui.FormRow{Label: "备注", Key: "notes", Widget: f.notes},
	)
	seatsHeader := container.NewGridWithColumns(4, ui.Bold("所在的群"), ui.Bold("群名片"), ui.Bold("身份"), ui.Bold("入群日期"))
	// One problem line for every seat: a seat's card name or date is wrong only once typed.
	body := container.NewVBox(form, widget.NewSeparator(), seatsHeader, f.seatBox, f.ProblemLine("card_name", "joined_on"))
	title := "新增成员"
	if f.prev != nil {
		title = "编辑成员"
	}
	f.FormKit.Show(title, body, fyne.NewSize(760, 680))
}

func (f *memberForm) onSave() {
	m, _ := f.parse()
	f.Submit(func() error { return f.Env.Store.SaveMember(&m) }, func() { f.onSaved(m) })
}
