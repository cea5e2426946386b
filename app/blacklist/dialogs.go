package blacklist

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// reasonLabels are the reasons in the order the mark dialog offers them.
func reasonLabels() []string {
	ls := make([]string, len(data.InvalidReasons))
	for i, r := range data.InvalidReasons {
		ls[i] = r.Label()
	}
	return ls
}

// MarkDialog puts one resource on the blacklist: a reason is required, evidence is
// optional; the store records when and by whom.
type MarkDialog struct {
	*ui.FormKit
	resource data.Resource
	onDone   func()

	Reason   *widget.RadioGroup
	Evidence *ui.Entry
}

// ShowMarkInvalid opens the dialog that marks r 失效; onDone runs after the store has
// the mark.
func ShowMarkInvalid(e *ui.Env, r data.Resource, onDone func()) *MarkDialog {
	d := &MarkDialog{resource: r, onDone: onDone}
	d.FormKit = ui.NewFormKit(e, d.check, d.onSave)
	d.Reason = widget.NewRadioGroup(reasonLabels(), func(string) { d.Changed() })
	d.Reason.Horizontal = true
	d.Evidence = ui.NewMultiLineEntry()
	d.Evidence.SetPlaceHolder("可不填，如 群友截图显示卡密已被使用；上家说这批卡已作废")
	d.Evidence.SetMinRowsVisible(3)
	d.Evidence.Wrapping = fyne.TextWrapBreak
	d.WatchEntry("evidence", d.Evidence)
	d.SaveButton.SetText("标为失效")
	d.SaveButton.Importance = widget.DangerImportance
	what := widget.NewLabel(resourceLine(r))
	what.Wrapping = fyne.TextWrapBreak
	after := widget.NewLabel("标为失效后，它不再出现在资源索引表和上新公告里，并列进「失效名单」；什么时候、为什么标的都会留下记录。")
	after.Wrapping = fyne.TextWrapBreak
	after.Importance = widget.LowImportance
	form := d.Form(
		ui.FormRow{Label: "资源", Widget: what},
		ui.FormRow{Label: "失效原因", Key: "reason", Widget: d.Reason},
		ui.FormRow{Label: "证据说明", Key: "evidence", Widget: d.Evidence},
	)
	d.Show("标为失效", container.NewVBox(form, after), fyne.NewSize(640, 430))
	return d
}

// resourceLine names a resource with its supplier, for the dialogs' first line.
func resourceLine(r data.Resource) string {
	if s := r.SupplierName(); s != "" {
		return r.Name + "（供应商：" + s + "）"
	}
	return r.Name
}

func (d *MarkDialog) mark() data.InvalidMark {
	return data.InvalidMark{Reason: d.Reason.Selected, Evidence: d.Evidence.Text}
}

func (d *MarkDialog) check() error {
	_, _, err := d.mark().Parse()
	return err
}

func (d *MarkDialog) onSave() {
	id, m, e := d.resource.ID, d.mark(), d.Env
	d.Submit(func() error { return e.Store.MarkInvalid(id, m) }, d.onDone)
}

// RestoreDialog takes one resource off the blacklist: a note saying why is required,
// and the owner chooses whether it goes back 上架 or stays 下架. Its history shows
// above, so the owner sees why it was marked.
type RestoreDialog struct {
	*ui.FormKit
	resource data.Resource
	onDone   func()

	To      *widget.RadioGroup
	Note    *ui.Entry
	History *widget.Label
}

// restoreLabels are the statuses a restored resource may take, as the dialog offers them.
func restoreLabels() []string {
	ls := make([]string, len(data.RestoreStatuses))
	for i, st := range data.RestoreStatuses {
		ls[i] = st.Label()
	}
	return ls
}

// ShowRestore opens the dialog that takes r off the blacklist; onDone runs after the
// store has it.
func ShowRestore(e *ui.Env, r data.Resource, onDone func()) *RestoreDialog {
	d := &RestoreDialog{resource: r, onDone: onDone}
	d.FormKit = ui.NewFormKit(e, d.check, d.onSave)
	d.To = widget.NewRadioGroup(restoreLabels(), nil)
	d.To.Horizontal = true
	d.To.Required = true
	d.To.SetSelected(data.StatusOnSale.Label())
	d.Note = ui.NewMultiLineEntry()
	d.Note.SetPlaceHolder("必填，如 上家补发了新卡密，已验证可用；当时是误标")
	d.Note.SetMinRowsVisible(3)
	d.Note.Wrapping = fyne.TextWrapBreak
	d.WatchEntry("note", d.Note)
	d.SaveButton.SetText("移出失效名单")
	d.History = widget.NewLabel("正在读取记录…")
	d.History.Wrapping = fyne.TextWrapBreak
	what := widget.NewLabel(resourceLine(r))
	what.Wrapping = fyne.TextWrapBreak
	form := d.Form(
		ui.FormRow{Label: "资源", Widget: what},
		ui.FormRow{Label: "记录", Widget: d.History},
		ui.FormRow{Label: "移出后", Widget: d.To},
		ui.FormRow{Label: "移出说明", Key: "note", Widget: d.Note},
	)
	d.Show("移出失效名单", form, fyne.NewSize(640, 470))
	e.Tasks.Run(func() {
		evs, err := e.Store.ResourceHistory(r.ID)
		fyne.Do(func() {
			if err != nil {
				d.History.SetText("记录没能读出来，不影响移出。")
				return
			}
			d.History.SetText(HistoryText(evs, e))
		})
	})
	return d
}

// HistoryText is a resource's blacklist history, one move a line, oldest first.
func HistoryText(evs []data.ResourceEvent, e *ui.Env) string {
	if len(evs) == 0 {
		return "没有记录（可能是旧版本里直接改成失效的）"
	}
	lines := make([]string, len(evs))
	for i, ev := range evs {
		lines[i] = eventLine(ev, e)
	}
	return strings.Join(lines, "\n")
}

// eventLine says one move: 11-26 18:00 群主 标为失效：卡密无效，群友截图….
func eventLine(ev data.ResourceEvent, e *ui.Env) string {
	line := ev.At.In(e.Loc).Format("2006-01-02 15:04") + " " + ev.ByName + " " + ev.Kind.Label()
	what := ""
	if ev.Kind == data.EventInvalid {
		what = ev.Reason.Label()
	}
	if ev.Note != "" {
		if what != "" {
			what += "，"
		}
		what += ev.Note
	}
	if what != "" {
		line += "：" + what
	}
	return line
}

func (d *RestoreDialog) status() data.ResourceStatus {
	for _, st := range data.RestoreStatuses {
		if st.Label() == d.To.Selected {
			return st
		}
	}
	return data.StatusOnSale
}

func (d *RestoreDialog) check() error {
	_, err := data.ParseRestoreNote(d.Note.Text)
	return err
}

func (d *RestoreDialog) onSave() {
	id, to, note, e := d.resource.ID, d.status(), d.Note.Text, d.Env
	d.Submit(func() error { return e.Store.RestoreResource(id, to, note) }, d.onDone)
}
