package settings

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// pointAmounts is 互助积分's setting: how many points each award reason gives. The
// amount fills in the 记积分 form; an entry with another amount needs a note. A change
// applies to the entries written from then on.
type pointAmounts struct {
	*ui.FormKit
	Amounts map[points.Reason]*ui.FormEntry
	reasons []points.Reason // the award reasons with an amount of their own (not 其他)
	status  *widget.Label
	form    fyne.CanvasObject
}

func newPointAmounts(e *ui.Env) *pointAmounts {
	p := &pointAmounts{Amounts: map[points.Reason]*ui.FormEntry{}}
	p.FormKit = ui.NewFormKit(e, p.check, p.onSave)
	p.CancelButton.Hide()
	for _, r := range points.Awards {
		if r != points.Other {
			p.reasons = append(p.reasons, r)
		}
	}
	var rows []ui.FormRow
	for i := 0; i < len(p.reasons); i += 2 {
		row := p.row(p.reasons[i])
		if i+1 < len(p.reasons) {
			beside := p.row(p.reasons[i+1])
			row.Beside = &beside
		}
		rows = append(rows, row)
	}
	p.form = p.Form(rows...)
	p.status = widget.NewLabel("")
	p.status.Importance = widget.SuccessImportance
	return p
}

func (p *pointAmounts) row(r points.Reason) ui.FormRow {
	e := p.Entry(amountKey(r), "如 "+strconv.FormatInt(r.DefaultAmount(), 10))
	e.OnChanged = func(string) { p.status.SetText("") }
	p.Amounts[r] = e
	return ui.FormRow{Label: r.Label(), Key: amountKey(r), Widget: e}
}

func amountKey(r points.Reason) string { return "amount_" + string(r) }

func (p *pointAmounts) title() string { return "积分规则" }

func (p *pointAmounts) content() fyne.CanvasObject {
	why := widget.NewLabel("每种原因平时给多少分。「记积分」选了原因会自动填上这里的分数；个别一笔可以改，改了要写备注。" +
		"改动只对之后记的积分有效，已经记下的不变。")
	why.Wrapping = fyne.TextWrapBreak
	return container.NewVBox(why, ui.Widen(p.form, 560),
		container.NewHBox(p.SaveButton, p.status), p.Summary)
}

func (p *pointAmounts) refresh() {
	e := p.Env
	e.Tasks.Run(func() {
		amounts := map[points.Reason]int64{}
		var err error
		for _, r := range p.reasons {
			if amounts[r], err = e.Store.PointAmount(r); err != nil {
				break
			}
		}
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			for r, n := range amounts {
				p.Amounts[r].SetText(strconv.FormatInt(n, 10))
			}
			p.status.SetText("")
		})
	})
}

// parse reads the amounts typed, refusing at its field one that is not a whole number
// from 1 to points.MaxAmount.
func (p *pointAmounts) parse() (map[points.Reason]int64, error) {
	out := map[points.Reason]int64{}
	var ve data.ValidationError
	for _, r := range p.reasons {
		text := strings.TrimSpace(p.Amounts[r].Text)
		n, err := strconv.ParseInt(strings.TrimPrefix(text, "+"), 10, 64)
		switch {
		case text == "":
			ve = append(ve, &data.FieldError{Field: amountKey(r), Message: "请填写「" + r.Label() + "」给多少分"})
		case err != nil || n < 0:
			ve = append(ve, &data.FieldError{Field: amountKey(r), Message: "「" + r.Label() + "」请填正整数，如 5"})
		case n == 0:
			ve = append(ve, &data.FieldError{Field: amountKey(r), Message: "「" + r.Label() + "」不能是 0 分"})
		case n > points.MaxAmount:
			ve = append(ve, &data.FieldError{Field: amountKey(r),
				Message: fmt.Sprintf("「%s」最多 %d 分", r.Label(), points.MaxAmount)})
		}
		out[r] = n
	}
	if len(ve) > 0 {
		return nil, ve
	}
	return out, nil
}

func (p *pointAmounts) check() error {
	_, err := p.parse()
	return err
}

func (p *pointAmounts) onSave() {
	amounts, _ := p.parse()
	e := p.Env
	p.Submit(func() error {
		return e.Store.Transaction(func(tx *data.Store) error { // all the amounts, or none
			for r, n := range amounts {
				if err := tx.SetPointAmount(r, n); err != nil {
					if ve, ok := ui.IsValidation(err); ok && ve.For("amount") != nil {
						return data.ValidationError{{Field: amountKey(r), Message: ve.For("amount").Message}}
					}
					return err
				}
			}
			return nil
		})
	}, func() { p.status.SetText("√ 已保存，之后记的积分按新分数") })
}
