package points

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// reverseForm corrects an entry the only way the ledger allows: a new entry of the
// opposite amount that names it, with a note saying why.
type reverseForm struct {
	*ui.FormKit
	s     *Screen
	entry data.PointLine

	What   *widget.Label
	Remark *ui.FormEntry
}

func showReverse(s *Screen, l data.PointLine) *reverseForm {
	f := &reverseForm{s: s, entry: l}
	f.FormKit = ui.NewFormKit(s.env, f.check, f.onSave)
	f.SaveButton.SetText("更正")
	f.What = widget.NewLabel(fmt.Sprintf("更正 #%d：%s 的 %s 分（%s，%s）。\n会记一笔 %s 分冲销它，原记录保留不变。",
		l.ID, memberName(l.Name, l.QQ), signed(l.Amount), l.Reason.Label(), l.At.In(s.env.Loc).Format(data.DateMinLayout),
		signed(-l.Amount)))
	f.What.Wrapping = fyne.TextWrapBreak
	f.Remark = f.Entry("note", "必填，如 记错人了、重复记了")
	form := f.Form(ui.FormRow{Label: "更正原因", Key: "note", Widget: f.Remark})
	f.FormKit.Show("更正积分", container.NewVBox(f.What, form), fyne.NewSize(560, 300))
	s.env.Win.Canvas().Focus(f.Remark)
	return f
}

func (f *reverseForm) check() error {
	if strings.TrimSpace(f.Remark.Text) == "" {
		return data.ValidationError{{Field: "note", Message: "请在备注里写明为什么更正"}}
	}
	return nil
}

func (f *reverseForm) onSave() {
	id, note := f.entry.ID, f.Remark.Text
	f.Submit(func() error {
		_, err := f.s.env.Store.ReversePoints(id, note)
		if errors.Is(err, data.ErrAlreadyReversed) {
			return data.ValidationError{{Field: "note", Message: "这条记录已经更正过了，不能再更正一次"}}
		}
		if ve, ok := ui.IsValidation(err); ok && ve.For("amount") != nil {
			// The points were spent: the reversal would overdraw. Say so at the one field.
			return data.ValidationError{{Field: "note", Message: ve.For("amount").Message + "（积分已经花掉了，不能冲销）"}}
		}
		return err
	}, func() { f.s.changed(fmt.Sprintf("√ 已更正 #%d", id)) })
}
