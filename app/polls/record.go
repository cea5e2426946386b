package polls

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/pollcount"
)

// recordForm records a poll's result, either way: the counts typed (from QQ's own
// 群投票), or the members' replies pasted from the chat and counted here, one vote per
// member, the last one winning, with every line it could not count shown and why.
type recordForm struct {
	*ui.FormKit
	poll    data.Poll
	onSaved func()

	Tabs    *container.AppTabs
	Counts  []*ui.FormEntry
	Paste   *ui.Entry
	Tally   *widget.Label
	Unread  *widget.Label // the lines not counted, one a line with the reason
	result  pollcount.Result
	counted bool
}

func newRecordForm(e *ui.Env, p data.Poll, onSaved func()) *recordForm {
	f := &recordForm{poll: p, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.SaveButton.SetText("记下结果")
	for i, o := range p.Options {
		c := f.Entry(fmt.Sprintf("count.%d", i), "票数")
		if p.Source == data.PollTyped {
			c.SetText(ui.Itoa(o.Votes))
		}
		f.Counts = append(f.Counts, c)
	}
	f.Paste = ui.NewMultiLineEntry()
	f.Paste.SetPlaceHolder("在QQ群聊天记录里选中大家的回复，连同每条上面那行时间、昵称和QQ号一起复制，粘贴到这里")
	f.Paste.SetMinRowsVisible(8)
	f.Paste.OnChanged = func(string) { f.count(); f.Changed() }
	f.WatchEntry("paste", f.Paste)
	f.Tally = widget.NewLabel("")
	f.Tally.Wrapping = fyne.TextWrapBreak
	f.Unread = widget.NewLabel("")
	f.Unread.Wrapping = fyne.TextWrapBreak
	return f
}

// count reads the pasted replies as the poll's close time allows.
func (f *recordForm) count() {
	text := f.Paste.Text
	f.counted = strings.TrimSpace(text) != ""
	if !f.counted {
		f.result = pollcount.Result{}
		f.Tally.SetText("")
		f.Unread.SetText("")
		return
	}
	f.result = pollcount.CountText(text, len(f.poll.Options), f.poll.ClosesAt, f.Env.Loc)
	parts := make([]string, len(f.poll.Options))
	for i, o := range f.poll.Options {
		parts[i] = fmt.Sprintf("%d. %s：%d 票", o.Position, o.Label, f.result.Tallies[i])
	}
	f.Tally.SetText(fmt.Sprintf("读出 %d 人投票（每人一票，改投以最后一次为准；截止时间 %s 之后的不算）：\n%s",
		f.result.Total(), f.poll.ClosesAt.In(f.Env.Loc).Format(data.DateMinLayout), strings.Join(parts, "\n")))
	if len(f.result.Problems) == 0 {
		f.Unread.SetText("每一行都读懂了。")
		return
	}
	lines := make([]string, len(f.result.Problems))
	for i, p := range f.result.Problems {
		lines[i] = fmt.Sprintf("第 %d 行「%s」：%s", p.Line, p.Text, p.Reason)
	}
	f.Unread.SetText(fmt.Sprintf("有 %d 行没有计入，请看一下：\n%s", len(lines), strings.Join(lines, "\n")))
}

func (f *recordForm) pasting() bool { return f.Tabs != nil && f.Tabs.SelectedIndex() == 1 }

func (f *recordForm) counts() []string {
	out := make([]string, len(f.Counts))
	for i, c := range f.Counts {
		out[i] = c.Text
	}
	return out
}

func (f *recordForm) check() error {
	if f.pasting() {
		if f.result.Total() == 0 {
			return data.ValidationError{{Field: "paste", Message: "粘贴的聊天记录里没有读出任何一票"}}
		}
		return nil
	}
	_, err := data.ParsePollCounts(f.counts())
	return err
}

func (f *recordForm) show() {
	rows := make([]ui.FormRow, len(f.Counts))
	for i, o := range f.poll.Options {
		rows[i] = ui.FormRow{Label: fmt.Sprintf("%d. %s", o.Position, o.Label), Key: fmt.Sprintf("count.%d", i), Widget: f.Counts[i]}
	}
	typed := container.NewVBox(widget.NewLabel("用QQ群投票时，结束后把每项的票数填进来："), f.Form(rows...))
	pasted := container.NewVBox(f.Form(ui.FormRow{Label: "群里的回复", Key: "paste", Widget: f.Paste}), f.Tally, f.Unread)
	f.Tabs = container.NewAppTabs(container.NewTabItem("填写票数", typed), container.NewTabItem("粘贴回复统计", pasted))
	f.Tabs.OnSelected = func(*container.TabItem) { f.Changed() }
	if f.poll.Source == data.PollCounted {
		f.Tabs.SelectIndex(1)
	}
	f.FormKit.Show("记录结果："+f.poll.Question, f.Tabs, fyne.NewSize(760, 680))
}

func (f *recordForm) onSave() {
	id, env := f.poll.ID, f.Env
	if f.pasting() {
		votes := f.result.Votes
		f.Submit(func() error { return env.Store.RecordPollVotes(id, votes) }, f.onSaved)
		return
	}
	counts := f.counts()
	f.Submit(func() error { return env.Store.RecordPollCounts(id, counts) }, f.onSaved)
}
