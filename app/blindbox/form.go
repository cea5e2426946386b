package blindbox

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// boxForm makes a new box: title, contents (one resource a line, 名称 ×数量, names
// from any category of the catalog are linked to it), winners, the entry window and
// how many days winners have to share.
type boxForm struct {
	*ui.FormKit
	id      uint // the box changed; 0: a new one
	group   *data.Group
	onSaved func(data.BlindBox)

	Title, Winners, Opens, Closes, ShareDays *ui.FormEntry
	Items                                    *ui.Entry
	resources                                map[string]uint // resource name → id
	groupID                                  *uint           // the changed box's group
}

func newBoxForm(e *ui.Env, g *data.Group, onSaved func(data.BlindBox)) *boxForm {
	return editBoxForm(e, g, nil, onSaved)
}

// editBoxForm changes box b, still 准备中 (nil: a new box).
func editBoxForm(e *ui.Env, g *data.Group, b *data.BlindBox, onSaved func(data.BlindBox)) *boxForm {
	f := &boxForm{group: g, onSaved: onSaved, resources: map[string]uint{}}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.Title = f.Entry("title", "如 周末资源盲盒")
	f.Winners = f.Entry("winners", "抽几位，如 3")
	f.Opens = f.Entry("opens", "格式 2026-11-20 20:00")
	f.Closes = f.Entry("closes", "格式 2026-11-22 20:00")
	f.ShareDays = f.Entry("share_days", "中奖后几天内分享体验")
	f.Items = ui.NewMultiLineEntry()
	f.Items.SetPlaceHolder("一行一样资源，如\n原神月卡 ×2\n百度网盘会员 7天 ×1")
	f.Items.SetMinRowsVisible(4)
	f.WatchEntry("items", f.Items)
	now := e.Now().In(e.Loc)
	f.Winners.SetText("1")
	f.Opens.SetText(now.Format(data.DateMinLayout))
	f.Closes.SetText(now.Add(48 * time.Hour).Format(data.DateMinLayout))
	f.ShareDays.SetText("7")
	if b != nil {
		f.id = b.ID
		f.Title.SetText(b.Title)
		f.Winners.SetText(strconv.Itoa(b.Winners))
		f.Opens.SetText(b.OpensAt.In(e.Loc).Format(data.DateMinLayout))
		f.Closes.SetText(b.ClosesAt.In(e.Loc).Format(data.DateMinLayout))
		f.ShareDays.SetText(strconv.Itoa(b.ShareDays))
		lines := make([]string, len(b.Items))
		for i, it := range b.Items {
			lines[i] = it.Name + " ×" + strconv.Itoa(it.Quantity)
		}
		f.Items.SetText(strings.Join(lines, "\n"))
		if b.GroupID != nil {
			gid := *b.GroupID
			f.groupID = &gid
		}
	}
	e.Tasks.Run(func() {
		rs, err := e.Store.Resources()
		fyne.Do(func() {
			if err != nil {
				return // the contents are kept by name all the same
			}
			for _, r := range rs {
				f.resources[r.Name] = r.ID
			}
		})
	})
	return f
}

var quantitySuffix = regexp.MustCompile(`\s*[×xX*＊]\s*(\d+)\s*[份个张]?$`)

// itemLines reads the contents: 名称 ×数量 a line; no quantity is 1.
func itemLines(text string, resources map[string]uint) []data.BoxItemDraft {
	var out []data.BoxItemDraft
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		q := 1
		if m := quantitySuffix.FindStringSubmatchIndex(line); m != nil {
			n, err := strconv.Atoi(line[m[2]:m[3]])
			if err != nil || n > data.MaxBoxQuantity {
				n = 0 // refused by the check, naming the line
			}
			q, line = n, strings.TrimSpace(line[:m[0]])
		}
		it := data.BoxItemDraft{Name: line, Quantity: q}
		if id, ok := resources[line]; ok {
			it.ResourceID = &id
		}
		out = append(out, it)
	}
	return out
}

func (f *boxForm) draft() (data.BoxDraft, error) {
	e := f.Env
	d := data.BoxDraft{Title: f.Title.Text, ShareDays: -1, Winners: -1, Items: itemLines(f.Items.Text, f.resources)}
	switch {
	case f.groupID != nil:
		d.GroupID = f.groupID
	case f.group != nil:
		d.GroupID = &f.group.ID
	}
	var ve data.ValidationError
	if n, err := strconv.Atoi(strings.TrimSpace(f.Winners.Text)); err == nil {
		d.Winners = n
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f.ShareDays.Text)); err == nil {
		d.ShareDays = n
	}
	var err error
	if d.OpensAt, err = time.ParseInLocation(data.DateMinLayout, strings.TrimSpace(f.Opens.Text), e.Loc); err != nil {
		ve = append(ve, &data.FieldError{Field: "opens", Message: "报名开始时间请写成 2026-11-20 20:00 这样"})
	}
	if d.ClosesAt, err = time.ParseInLocation(data.DateMinLayout, strings.TrimSpace(f.Closes.Text), e.Loc); err != nil {
		ve = append(ve, &data.FieldError{Field: "closes", Message: "报名截止时间请写成 2026-11-22 20:00 这样"})
	}
	if cerr := d.Check(); cerr != nil {
		if more, ok := ui.IsValidation(cerr); ok {
			for _, p := range more {
				if ve.For(p.Field) == nil {
					ve = append(ve, p)
				}
			}
		}
	}
	if len(ve) > 0 {
		return d, ve
	}
	return d, nil
}

func (f *boxForm) check() error {
	_, err := f.draft()
	return err
}

func (f *boxForm) show() {
	form := f.Form(
		ui.FormRow{Label: "标题", Key: "title", Widget: f.Title},
		ui.FormRow{Label: "盒内资源", Key: "items", Widget: f.Items},
		ui.FormRow{Label: "中奖人数", Key: "winners", Widget: f.Winners,
			Beside: &ui.FormRow{Label: "分享期限（天）", Key: "share_days", Widget: f.ShareDays}},
		ui.FormRow{Label: "报名开始", Key: "opens", Widget: f.Opens,
			Beside: &ui.FormRow{Label: "报名截止", Key: "closes", Widget: f.Closes}},
	)
	hint := widget.NewLabel("资源名称和资源库里的一样时会关联到资源库；数量写在 × 后面，不写就是 1 份。")
	hint.Wrapping = fyne.TextWrapBreak
	title := "新建盲盒"
	if f.id != 0 {
		title = "修改盲盒"
	}
	f.FormKit.Show(title, container.NewVBox(hint, form), fyne.NewSize(760, 600))
	f.Env.Win.Canvas().Focus(f.Title)
}

func (f *boxForm) onSave() {
	d, err := f.draft()
	if err != nil {
		f.ShowProblems(err)
		return
	}
	var b data.BlindBox
	f.Submit(func() error {
		var err error
		b, err = f.Env.Store.SaveBox(f.id, d)
		return err
	}, func() { f.onSaved(b) })
}
