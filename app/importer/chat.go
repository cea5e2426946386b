package importer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/chatlog"
)

// 导入聊天记录: a QQ chat export (.txt from 消息管理器, .json from QQChatExporter) is
// read once to list its groups, the owner ticks the groups to import and maps each to
// one of the app's groups, and the import runs behind a progress bar with 取消. The
// result says what was added and what was there already, and offers the senders the
// app does not know as members.

// noGroup is the mapping choice that puts a chat group's messages in no group.
const noGroup = "（不归到任何群）"

// Chat starts the import of a chat export: the file chooser first. current is the
// group the screen shows (0: none), the mapping for a chat group that matches no
// group by number or name; done runs after an import that added something.
func Chat(e *ui.Env, current uint, done func()) {
	c := ui.NewFileChooser(e, ui.PurposeImport, ui.ChooseOpen, []string{".txt", ".json"}, func(path string) {
		scanChat(e, path, current, done)
	})
	c.Show("导入聊天记录：选择 QQ 导出的聊天记录（.txt 或 .json）", "", "")
}

// chatFlow holds the dialogs of one import as they come, for tests.
type chatFlow struct{ choices *chatChoices }

// afterChatBatch, when set (tests), is called on the import's goroutine after the
// progress bar has been told of each batch.
var afterChatBatch func(p data.ChatProgress)

// scanChat reads the file once behind a progress bar, then shows its groups.
func scanChat(e *ui.Env, path string, current uint, done func()) *chatFlow {
	flow := &chatFlow{}
	var scan data.ChatScan
	var defaults map[string]uint
	var groups []data.Group
	e.RunWithProgress("导入聊天记录", "正在读取「"+filepath.Base(path)+"」，看看里面有哪些群……",
		func(ctx context.Context, report ui.Report) error {
			var err error
			scan, err = data.ScanChat(ctx, path, func(p data.ChatProgress) { report(int(p.Bytes>>10), int(p.Total>>10)) })
			if err != nil {
				return err
			}
			if groups, err = e.Store.Groups(); err != nil {
				return err
			}
			defaults, err = e.Store.ChatGroupDefaults(scan.Groups, current)
			return err
		},
		func(err error) {
			switch {
			case ui.Cancelled(err):
			case err != nil:
				showChatProblem(e, err)
			case len(scan.Groups) == 0:
				ui.ShowMessage(e.Win, "没有可以导入的消息", "这个文件里没有找到任何一条群消息。请确认导出的是群聊的聊天记录。")
			default:
				flow.choices = showChatChoices(e, path, scan, groups, defaults, done)
			}
		})
	return flow
}

// chatProblem says in Chinese why a chat export cannot be imported.
func chatProblem(err error) string {
	if errors.Is(err, data.ErrChatImportRunning) {
		return "另一份聊天记录正在导入，请等它完成后再导入这一份。"
	}
	var ce *chatlog.Error
	if !errors.As(err, &ce) {
		return ui.Explain(err)
	}
	switch ce.Kind {
	case chatlog.NotExport:
		return "这不是 QQ 聊天记录的导出文件。请在 QQ 的「消息管理器」里把群聊导出为 .txt，或用 QQChatExporter 导出为 .json，再选那个文件。"
	case chatlog.Undecodable:
		if ce.Line > 0 {
			return fmt.Sprintf("第 %d 行的文字无法识别（既不是 UTF-8 也不是 GBK 编码），文件可能已经损坏。请重新导出后再导入。这次什么都没有导入。", ce.Line)
		}
		return "文件里的文字无法识别（既不是 UTF-8 也不是 GBK 编码），文件可能已经损坏。请重新导出后再导入。这次什么都没有导入。"
	case chatlog.Incomplete:
		return fmt.Sprintf("聊天记录不完整，在中间断掉了（可能没有复制或下载完）。断开之前有 %d 条完整的消息；没有勾选保留，所以这次什么都没有导入。", ce.Complete)
	}
	return ce.Problem() + "这次什么都没有导入。"
}

func showChatProblem(e *ui.Env, err error) {
	e.Log.Info("chat export refused", "err", err)
	ui.ShowMessage(e.Win, "无法导入这个文件", chatProblem(err))
}

// chatChoices is the dialog where the owner picks the groups and maps them.
type chatChoices struct {
	env     *ui.Env
	path    string
	scan    data.ChatScan
	groups  []data.Group
	ticks   []*widget.Check
	targets []*widget.Select
	keep    *widget.Check // only for a file cut short
	note    *widget.Label
	okBtn   *widget.Button
	dlg     dialog.Dialog
	done    func()
	result  *chatResult // once the import has finished
}

func showChatChoices(e *ui.Env, path string, scan data.ChatScan, groups []data.Group, defaults map[string]uint, done func()) *chatChoices {
	c := &chatChoices{env: e, path: path, scan: scan, groups: groups, done: done}
	options := []string{noGroup}
	for _, g := range groups {
		options = append(options, g.Name)
	}
	rows := container.NewVBox()
	for _, g := range scan.Groups {
		name := g.Name
		if name == "" {
			name = "（没有写群名的消息）"
		}
		tick := widget.NewCheck(fmt.Sprintf("%s（%d 条，%s 至 %s）", name, g.Messages,
			dayText(g.First, e.Loc), dayText(g.Last, e.Loc)), nil)
		tick.SetChecked(true)
		tick.OnChanged = func(bool) { c.update() }
		sel := ui.NewSelect(options, c.groupName(defaults[g.Name]), nil)
		c.ticks = append(c.ticks, tick)
		c.targets = append(c.targets, sel)
		rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("归到"), ui.Widen(sel, 200)), tick))
	}
	head := ui.MessageLabel(fmt.Sprintf("「%s」里有 %d 个群的消息。\n勾选要导入的群，并选好每个群的消息归到群活里的哪个群。同一份记录再导入一次不会重复。",
		filepath.Base(path), len(scan.Groups)))
	listH := min(float32(len(scan.Groups))*44, 300)
	body := container.NewVBox(head, widget.NewSeparator(), ui.WithMinHeight(container.NewVScroll(rows), listH))
	if scan.Cut != nil {
		warn := ui.MessageLabel(fmt.Sprintf("注意：这份聊天记录不完整，在中间断掉了（可能没有复制或下载完）。断开之前有 %d 条完整的消息。", scan.Cut.Complete))
		warn.Importance = widget.DangerImportance
		c.keep = widget.NewCheck("保留断开之前的完整消息（不勾选就不导入，可以重新导出后再来）", func(bool) { c.update() })
		body.Add(widget.NewSeparator())
		body.Add(warn)
		body.Add(c.keep)
	}
	c.note = widget.NewLabel("")
	cancel := widget.NewButton("取消", func() { c.dlg.Hide() })
	c.okBtn = widget.NewButton("开始导入", c.onImport)
	c.okBtn.Importance = widget.HighImportance
	body.Add(widget.NewSeparator())
	body.Add(container.NewHBox(c.note, ui.LayoutSpacer(), cancel, c.okBtn))
	c.dlg = dialog.NewCustomWithoutButtons("导入聊天记录", body, e.Win)
	c.dlg.Resize(fyne.NewSize(760, 1)) // as high as it needs
	c.update()
	c.dlg.Show()
	ui.EscCloses(e.Win, c.dlg)
	return c
}

// dayText is a date in the owner's time zone.
func dayText(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "？"
	}
	return t.In(loc).Format("2006-01-02")
}

func (c *chatChoices) groupName(id uint) string {
	for _, g := range c.groups {
		if g.ID == id {
			return g.Name
		}
	}
	return noGroup
}

func (c *chatChoices) groupID(name string) *uint {
	for _, g := range c.groups {
		if g.Name == name {
			id := g.ID
			return &id
		}
	}
	return nil
}

// chosen is what the ticks and mappings say, and how many messages that is.
func (c *chatChoices) chosen() (data.ChatChoices, int) {
	var ch data.ChatChoices
	n := 0
	for i, g := range c.scan.Groups {
		if c.ticks[i].Checked {
			ch.Groups = append(ch.Groups, data.ChatGroupChoice{Name: g.Name, GroupID: c.groupID(c.targets[i].Selected)})
			n += g.Messages
		}
	}
	ch.KeepIncomplete = c.keep != nil && c.keep.Checked
	return ch, n
}

func (c *chatChoices) update() {
	ch, n := c.chosen()
	switch {
	case len(ch.Groups) == 0:
		c.note.SetText("请至少勾选一个群。")
		c.okBtn.Disable()
	case c.keep != nil && !c.keep.Checked:
		c.note.SetText("记录不完整：勾选「保留」才能导入。")
		c.okBtn.Disable()
	default:
		c.note.SetText(fmt.Sprintf("将读取 %d 条消息。", n))
		c.okBtn.Enable()
	}
}

// onImport runs the import behind a progress bar with 取消.
func (c *chatChoices) onImport() {
	ch, total := c.chosen()
	if len(ch.Groups) == 0 {
		return
	}
	c.dlg.Hide()
	e := c.env
	var imp data.ChatImport
	var senders []data.ChatSender
	e.RunWithProgressOrBackground("导入聊天记录", "正在导入「"+filepath.Base(c.path)+"」的消息。可以随时取消，取消后不会留下一半；点「在后台继续」可以先去用别的页面，导入完会告诉你结果。", "正在导入聊天记录",
		func(ctx context.Context, report ui.Report) error {
			var err error
			imp, err = e.Store.ImportChat(ctx, c.path, ch, func(p data.ChatProgress) {
				report(int(p.Messages), total)
				if afterChatBatch != nil {
					afterChatBatch(p)
				}
			})
			if err != nil {
				return err
			}
			senders, err = e.Store.NewChatSenders(imp.ID)
			return err
		},
		func(err error) {
			switch {
			case ui.Cancelled(err):
				ui.ShowMessage(e.Win, "已取消导入", "已取消，这次读到的消息都没有保留，原有数据不变。")
			case err != nil && imp.ID != 0 && imp.State == data.ChatImportDone:
				e.ShowError(err) // imported, but the senders could not be listed
			case err != nil:
				showChatProblem(e, err)
			default:
				c.result = showChatResult(e, imp, senders, c.groups)
				if c.done != nil && imp.Added > 0 {
					c.done()
				}
			}
		})
}
