package points

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// awardForm writes one entry for each of the members picked: the same reason, amount
// and note, all or none. The reason fills in its amount (the owner's, from 设置); a
// changed amount needs a note, and so does 其他, which also deducts (a negative amount).
type awardForm struct {
	*ui.FormKit
	s       *Screen
	amounts map[points.Reason]int64
	balance map[uint]int64 // what each member can lose, as last read
	names   map[uint]string
	chosen  []uint

	Member *ui.Picker
	Chosen *fyne.Container // one line per member picked, with 移除
	Reason *widget.Select
	Amount *ui.FormEntry
	Remark *ui.FormEntry
	Status *widget.Label
}

func (s *Screen) onAward() {
	f := &awardForm{s: s, amounts: map[points.Reason]int64{}, balance: map[uint]int64{}, names: map[uint]string{}}
	f.FormKit = ui.NewFormKit(s.env, f.check, f.onSave)
	f.SaveButton.SetText("记积分")
	f.Member = ui.NewPicker(f.Close, "成员的QQ号、昵称、群名片或拼音；可以一个一个加好几位", 120, f.onPicked)
	f.WatchEntry("members", f.Member.Entry)
	f.Chosen = container.NewVBox()
	labels := make([]string, len(points.Awards))
	for i, r := range points.Awards {
		labels[i] = r.Label()
	}
	f.Reason = ui.NewSelect(labels, points.Awards[0].Label(), f.onReason)
	f.Amount = f.Entry("amount", "如 5；扣分填 -3")
	f.Remark = f.Entry("note", "可不填；改了积分数或选了「其他」时写明为什么")
	f.Status = widget.NewLabel("正在读取成员…")
	s.Award = f
	s.env.Tasks.Run(f.load)
	form := f.Form(
		ui.FormRow{Label: "成员", Key: "members", Widget: container.NewVBox(f.Member.Entry, f.Member.Content(), f.Chosen)},
		ui.FormRow{Label: "原因", Key: "reason", Widget: f.Reason, Beside: &ui.FormRow{Label: "积分", Key: "amount", Widget: f.Amount}},
		ui.FormRow{Label: "备注", Key: "note", Widget: f.Remark},
	)
	f.FormKit.Show("记积分", container.NewVBox(f.Status, form), fyne.NewSize(720, 620))
	s.env.Win.Canvas().Focus(f.Member.Entry)
}

// load reads the group's members, their balances and the amounts of each reason.
func (f *awardForm) load() {
	e, gid := f.s.env, f.s.GroupID()
	ms, err := e.Store.Members(gid)
	var ss []data.PointStanding
	if err == nil {
		ss, err = e.Store.PointStandings(gid)
	}
	amounts := map[points.Reason]int64{}
	for _, r := range points.Awards {
		if err != nil {
			break
		}
		amounts[r], err = e.Store.PointAmount(r)
	}
	fyne.Do(func() {
		if err != nil {
			f.Status.SetText("没能读出成员，请关闭后再试。")
			e.ShowError(err)
			return
		}
		f.apply(ms, ss, amounts)
	})
}

func (f *awardForm) apply(ms []data.Member, ss []data.PointStanding, amounts map[points.Reason]int64) {
	gid := f.s.GroupID()
	f.amounts = amounts
	for _, x := range ss {
		f.balance[x.MemberID] = x.Balance
	}
	cs := make([]ui.Choice, len(ms))
	for i, m := range ms {
		name := m.DisplayName(gid) + " " + m.QQ
		f.names[m.ID] = name
		cs[i] = ui.Choice{ID: m.ID, Label: name, Detail: "余额 " + strconv.FormatInt(f.balance[m.ID], 10) + " 分", Key: m.SearchKey}
	}
	f.Member.SetChoices(cs)
	f.onReason(f.Reason.Selected)
	f.Status.Hide()
	if len(ms) == 0 {
		f.Status.SetText("这个群还没有成员，请先到「成员」里添加。")
		f.Status.Show()
	}
}

// onPicked adds the member picked to those the entry is for and empties the search,
// ready for the next one.
func (f *awardForm) onPicked() {
	id := f.Member.ID()
	if id == 0 {
		f.Changed()
		return
	}
	f.add(id)
	f.Member.Entry.SetText("")
}

// add puts a member among those chosen, once.
func (f *awardForm) add(id uint) {
	for _, c := range f.chosen {
		if c == id {
			return
		}
	}
	f.chosen = append(f.chosen, id)
	f.showChosen()
}

func (f *awardForm) remove(id uint) {
	for i, c := range f.chosen {
		if c == id {
			f.chosen = append(f.chosen[:i], f.chosen[i+1:]...)
			break
		}
	}
	f.showChosen()
}

func (f *awardForm) showChosen() {
	f.Chosen.Objects = f.Chosen.Objects[:0]
	if len(f.chosen) > 0 {
		f.Chosen.Add(widget.NewLabel(fmt.Sprintf("已选 %d 位：", len(f.chosen))))
	}
	for _, id := range f.chosen {
		remove := widget.NewButtonWithIcon("移除", theme.ContentRemoveIcon(), func() { f.remove(id) })
		remove.Importance = widget.LowImportance
		line := widget.NewLabel(f.names[id] + "（余额 " + strconv.FormatInt(f.balance[id], 10) + " 分）")
		f.Chosen.Add(container.NewBorder(nil, nil, nil, remove, line))
	}
	f.Chosen.Refresh()
	f.Changed()
}

// onReason fills in what the reason gives.
func (f *awardForm) onReason(label string) {
	r, ok := points.ByLabel(label)
	if !ok || f.Amount == nil {
		return
	}
	if n, ok := f.amounts[r]; ok {
		f.Amount.SetText(strconv.FormatInt(n, 10))
	}
	f.Changed()
}

func (f *awardForm) reason() points.Reason {
	r, _ := points.ByLabel(f.Reason.Selected)
	return r
}

// check refuses at its field what the store would refuse, naming the member a
// deduction would overdraw; the store checks it all again in the write.
func (f *awardForm) check() error {
	var ve data.ValidationError
	add := func(field, format string, args ...any) {
		ve = append(ve, &data.FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if len(f.chosen) == 0 {
		add("members", "请在名单里点选至少一位成员")
	}
	r := f.reason()
	note := strings.TrimSpace(f.Remark.Text)
	text := strings.TrimSpace(f.Amount.Text)
	n, err := strconv.ParseInt(strings.TrimPrefix(text, "+"), 10, 64)
	switch {
	case text == "":
		add("amount", "请填写积分数，如 5")
	case err != nil:
		add("amount", "积分数请填整数，如 5；扣分填负数，如 -3")
	case n == 0:
		add("amount", "积分数不能是 0，请填写要加（或扣）多少分")
	case n > points.MaxAmount || n < -points.MaxAmount:
		add("amount", "一次最多加减 %d 分，请检查积分数", points.MaxAmount)
	case n < 0 && r != points.Other:
		add("amount", "扣分请把原因选为「其他」，并在备注里写明为什么")
	case n < 0:
		for _, id := range f.chosen {
			if b := f.balance[id]; b+n < 0 {
				add("amount", "%s 只有 %d 分，不够扣 %d 分", f.names[id], b, -n)
				break
			}
		}
	}
	switch {
	case utf8.RuneCountInString(note) > data.MaxPointNoteLen:
		add("note", "备注最多 %d 个字，请删短一些", data.MaxPointNoteLen)
	case r == points.Other && note == "":
		add("note", "原因选了「其他」，请在备注里写明为什么")
	case err == nil && n != 0 && note == "" && f.amounts[r] != 0 && n != f.amounts[r]:
		add("note", "积分数和「%s」平时的 %d 分不同，请在备注里写明原因", r.Label(), f.amounts[r])
	}
	if len(ve) > 0 {
		return ve
	}
	return nil
}

func (f *awardForm) onSave() {
	n, _ := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(f.Amount.Text), "+"), 10, 64)
	d := data.PointDraft{GroupID: f.s.groupPtr(), Reason: f.reason(), Amount: n, Note: f.Remark.Text}
	ids := append([]uint(nil), f.chosen...)
	var written []data.PointEntry
	f.Submit(func() error {
		var err error
		written, err = f.s.env.Store.AwardPoints(d, ids)
		return err
	}, func() {
		what := "记"
		if n < 0 {
			what = "扣"
		}
		f.s.changed(fmt.Sprintf("√ 已给 %d 位成员%s %d 分（%s）", len(written), what, abs(n), d.Reason.Label()))
	})
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
