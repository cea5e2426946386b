package importer

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/qqlist"
)

// planQQList reads QQ's member list from r and plans it against every known member,
// off the UI goroutine. refusal is the Chinese reason when r is no such list; err is
// a failure of the store.
func planQQList(e *ui.Env, g data.Group, r io.Reader) (plan *data.QQListPlan, refusal string, err error) {
	l, perr := qqlist.Parse(r)
	if perr != nil {
		e.Log.Info("qq member list refused", "err", perr)
		return nil, qqListProblem(perr), nil
	}
	plan, err = planList(e, g, l)
	return plan, "", err
}

// planList plans a list read already against every known member.
func planList(e *ui.Env, g data.Group, l qqlist.List) (*data.QQListPlan, error) {
	known, err := e.Store.Members(0)
	if err != nil {
		return nil, err
	}
	return data.PlanQQList(l, known, g.ID, e.Loc), nil
}

const (
	allListRows = "全部"
	mergedRows  = "合并重复"
)

// qqListPreview shows what importing QQ's member list would do, member by member
// (new, changed, unchanged, merged repeats, and who is no longer in a complete list),
// and imports it in one transaction when the owner agrees.
type qqListPreview struct {
	env    *ui.Env
	group  data.Group
	plan   *data.QQListPlan
	shown  []int // indexes into plan.Rows
	onDone func()

	summary    *widget.Label
	note       *widget.Label // whether the list is complete, and what that means for 已退群
	kindFilter *widget.Select
	rows       *widget.List
	markLeft   *widget.Check
	importBtn  *widget.Button
	cancelBtn  *widget.Button
	dlg        dialog.Dialog
}

func showQQListPreview(e *ui.Env, g data.Group, source string, plan *data.QQListPlan, onDone func()) *qqListPreview {
	p := &qqListPreview{env: e, group: g, plan: plan, onDone: onDone}
	p.summary = widget.NewLabel(p.summaryText())
	p.summary.Wrapping = fyne.TextWrapBreak
	p.note = widget.NewLabel(p.noteText())
	p.note.Wrapping = fyne.TextWrapBreak
	p.note.Importance = widget.LowImportance
	if (!plan.Complete && plan.Missing > 0) || p.suspicious() {
		p.note.Importance = widget.WarningImportance
	}
	opts := []string{allListRows}
	for _, k := range data.ListRowKinds {
		opts = append(opts, k.Label())
	}
	p.kindFilter = ui.NewSelect(append(opts, mergedRows), allListRows, func(string) { p.applyFilter() })
	p.rows = widget.NewList(func() int { return len(p.shown) }, newImportRow, p.updateRow)
	leaving := plan.Count(data.ListLeaving)
	p.markLeft = widget.NewCheck(fmt.Sprintf("把不在名单里的 %d 位标记为已退群（只做标记，不删除）", leaving), nil)
	p.markLeft.Checked = leaving > 0 && !p.suspicious()
	p.markLeft.OnChanged = func(bool) { p.updateButton() }
	if leaving == 0 {
		p.markLeft.Hide()
	}
	p.importBtn = widget.NewButton("导入", p.onImport)
	p.importBtn.Importance = widget.HighImportance
	p.cancelBtn = widget.NewButton("取消", func() { p.dlg.Hide() })

	top := container.NewVBox(p.summary, p.note, container.NewBorder(nil, nil, widget.NewLabel("显示"), nil, container.NewHBox(p.kindFilter)))
	bottom := container.NewHBox(p.markLeft, ui.LayoutSpacer(), p.cancelBtn, p.importBtn)
	body := container.NewBorder(top, bottom, nil, nil, p.rows)
	p.dlg = dialog.NewCustomWithoutButtons("导入成员到「"+g.Name+"」："+source, body, e.Win)
	p.dlg.Resize(fyne.NewSize(1000, 700))
	p.applyFilter()
	p.dlg.Show()
	ui.EscCloses(e.Win, p.dlg)
	return p
}

// summaryText counts the list in the owner's words.
func (p *qqListPreview) summaryText() string {
	pl := p.plan
	s := fmt.Sprintf("名单里有 %d 位成员：新增 %d 位，变更 %d 位，不变 %d 位", pl.Listed(),
		pl.Count(data.ListNew), pl.Count(data.ListChanged), pl.Count(data.ListUnchanged))
	if pl.Merged > 0 {
		s += fmt.Sprintf("；重复出现的 %d 条已合并", pl.Merged)
	}
	if n := pl.Count(data.ListLeaving); n > 0 {
		s += fmt.Sprintf("；%d 位已不在名单里", n)
	}
	return s + "。"
}

// suspicious reports whether the list would mark most of the group as left: more of
// its members leaving than staying, as when the list pasted is another group's. The
// owner then ticks the marks themselves.
func (p *qqListPreview) suspicious() bool {
	leaving := p.plan.Count(data.ListLeaving)
	staying := p.plan.Listed() - p.plan.Count(data.ListNew)
	return leaving > 0 && leaving > staying
}

// noteText says whether the list can tell who has left.
func (p *qqListPreview) noteText() string {
	pl := p.plan
	switch {
	case p.suspicious():
		return fmt.Sprintf("注意：名单里只有 %d 位是本群已有的成员，却有 %d 位不在名单里。请确认复制的是「%s」的名单；"+
			"确认无误再勾选下方的标记已退群。", pl.Listed()-pl.Count(data.ListNew), pl.Count(data.ListLeaving), p.group.Name)
	case pl.Complete:
		return fmt.Sprintf("这是完整的名单（QQ 显示本群共 %d 人）。", pl.Declared)
	case pl.Declared > 0:
		return fmt.Sprintf("名单不完整：QQ 显示本群共 %d 人，这里只有 %d 人，所以不会标记谁已退群。"+
			"要标记，请把每一页都复制下来一起导入。", pl.Declared, pl.Listed())
	}
	return "这份名单没有写本群共有多少人，所以不会标记谁已退群。"
}

func (p *qqListPreview) applyFilter() {
	p.shown = p.shown[:0]
	for i := range p.plan.Rows {
		r := &p.plan.Rows[i]
		switch p.kindFilter.Selected {
		case allListRows:
		case mergedRows:
			if r.Listed < 2 {
				continue
			}
		default:
			if r.Kind.Label() != p.kindFilter.Selected {
				continue
			}
		}
		p.shown = append(p.shown, i)
	}
	p.rows.Refresh()
	p.updateButton()
}

func (p *qqListPreview) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.shown) {
		return
	}
	r := &p.plan.Rows[p.shown[id]]
	c := o.(*fyne.Container)
	detail, kind := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
	kind.SetText(r.Kind.Label())
	kind.Importance = listKindImportance(r.Kind)
	kind.Refresh()
	text := memberRowName(r.Name, r.QQ)
	if d := r.Detail(); d != "" {
		text += "：" + d
	}
	detail.SetText(text)
}

func listKindImportance(k data.ListRowKind) widget.Importance {
	switch k {
	case data.ListNew:
		return widget.SuccessImportance
	case data.ListChanged:
		return widget.WarningImportance
	case data.ListLeaving:
		return widget.DangerImportance
	}
	return widget.LowImportance
}

// toWrite is what the import writes: members saved, seats marked.
func (p *qqListPreview) toWrite() (saved, marked int) {
	saved = p.plan.Count(data.ListNew) + p.plan.Count(data.ListChanged)
	if p.markLeft.Checked {
		marked = p.plan.Count(data.ListLeaving)
	}
	return saved, marked
}

func (p *qqListPreview) updateButton() {
	saved, marked := p.toWrite()
	switch {
	case saved > 0:
		p.importBtn.SetText(fmt.Sprintf("导入 %d 位", saved))
	case marked > 0:
		p.importBtn.SetText(fmt.Sprintf("标记 %d 位已退群", marked))
	default:
		p.importBtn.SetText("没有要导入的变化")
	}
	ui.Enable(p.importBtn, saved+marked > 0)
}

// onImport writes the plan in one transaction: all of it or, on failure or 取消,
// nothing.
func (p *qqListPreview) onImport() {
	plan, mark := p.plan, p.markLeft.Checked
	saved, marked := p.toWrite()
	if saved+marked == 0 {
		return
	}
	p.importBtn.Disable()
	e := p.env
	var done data.ListImported
	e.RunWithProgress("导入成员", "正在保存，全部保存好之前可以取消，取消后什么都不会改变。",
		func(ctx context.Context, _ ui.Report) error {
			var err error
			done, err = e.Store.WithContext(ctx).ImportQQList(plan, mark)
			return err
		},
		func(err error) { p.saved(done, err) })
}

func (p *qqListPreview) saved(done data.ListImported, err error) {
	switch {
	case ui.Cancelled(err):
		p.updateButton()
		ui.ShowMessage(p.env.Win, "已取消导入", "这次导入已取消，没有保存任何成员，原有数据不变。")
	case err != nil:
		p.updateButton()
		p.env.Log.Error("import qq member list", "err", err)
		ui.ShowMessage(p.env.Win, "没有导入", "保存失败，没有导入任何成员，原有数据不变。请稍后重试。")
	default:
		p.dlg.Hide()
		text := fmt.Sprintf("已导入 %d 位成员（新增 %d 位，变更 %d 位）", done.Saved,
			p.plan.Count(data.ListNew), p.plan.Count(data.ListChanged))
		if done.Marked > 0 {
			text += fmt.Sprintf("，%d 位标记为已退群", done.Marked)
		}
		ui.ShowMessage(p.env.Win, "导入完成", text+"。")
		if p.onDone != nil {
			p.onDone()
		}
	}
}
