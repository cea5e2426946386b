package trades

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/escrow"
)

// moveDialog asks for one move of a trade: what it means and a note, required for a
// dispute and a ruling (the reason stays in the audit log).
type moveDialog struct {
	*ui.FormKit
	trade  data.Trade
	move   escrow.Move
	onDone func(t data.Trade, done string)
	Note   *ui.Entry
}

func newMoveDialog(e *ui.Env, t data.Trade, m escrow.Move, onDone func(data.Trade, string)) *moveDialog {
	d := &moveDialog{trade: t, move: m, onDone: onDone}
	d.FormKit = ui.NewFormKit(e, d.check, d.onSave)
	d.SaveButton.SetText(m.Action)
	d.Note = ui.NewMultiLineEntry()
	d.Note.SetMinRowsVisible(3)
	d.WatchEntry("note", d.Note)
	if m.NeedsReason {
		d.Note.SetPlaceHolder("必填：为什么这样处理，如 买家发来卡密已被使用的截图")
	} else {
		d.Note.SetPlaceHolder("可不填，如 付款截图已保存")
	}
	return d
}

func (d *moveDialog) check() error { return data.CheckTradeNote(d.move, d.Note.Text) }

func (d *moveDialog) show() {
	what := widget.NewLabel(moveMeaning(d.trade, d.move))
	what.Wrapping = fyne.TextWrapBreak
	label := "备注"
	if d.move.NeedsReason {
		label = "理由"
	}
	form := d.Form(ui.FormRow{Label: label, Key: "note", Widget: d.Note})
	d.FormKit.Show(d.move.Action, container.NewVBox(what, form), fyne.NewSize(560, 340))
	d.Env.Win.Canvas().Focus(d.Note)
}

// moveMeaning says what the move records, so the owner does not press it by mistake.
func moveMeaning(t data.Trade, m escrow.Move) string {
	s := "#" + ui.Itoa(int(t.ID)) + " " + t.Item + "：" + escrow.State(m.From).Label() + " → " + escrow.State(m.To).Label() + "。"
	switch m.To {
	case escrow.Held:
		s += "确认你已经收到买家的 ¥" + data.Yuan(t.AmountCents) + "，由你托管。"
	case escrow.Completed:
		s += "确认你已经把钱转给卖家，交易完成。"
	case escrow.Refunded:
		s += "确认你已经把钱退给买家。"
	case escrow.Disputed:
		s += "交易暂停，等你看过双方的聊天记录和截图后裁定。"
	case escrow.Cancelled:
		s += "买家还没付款，取消后不能恢复。"
	}
	return s + "记录只增不改。"
}

func (d *moveDialog) onSave() {
	t, m, note := d.trade, d.move, d.Note.Text
	var moved data.Trade
	var stale *escrow.MoveError
	d.Submit(func() error {
		var err error
		moved, err = d.Env.Store.MoveTrade(t.ID, data.TradeState(m.From), data.TradeState(m.To), note)
		if errors.As(err, &stale) && stale.Now != "" {
			return nil // told below: the dialog closes and the list reloads
		}
		stale = nil
		return err
	}, func() {
		if stale != nil {
			ui.ShowMessage(d.Env.Win, "这一步没有执行",
				"这笔交易刚才已经是「"+stale.Now.Label()+"」了（可能在别处先点了），这一步没有执行。列表已刷新，请看清现在的状态再操作。")
			d.onDone(t, "")
			return
		}
		d.onDone(moved, m.Done)
	})
}
