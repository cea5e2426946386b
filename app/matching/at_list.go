package matching

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// atList shows the names to @ in rank order, for @-ing by hand: QQ only notifies an
// @ picked from its own member list, so the "@名字" text of a pasted group post
// reaches nobody. It names the untold and those only named in a group post since
// (toAt). When the owner is done, 已全部@完 records them as told by @.
type atList struct {
	names *widget.Label
	done  *widget.Button
	dlg   dialog.Dialog
}

func (f *ResourceFits) onAtList() {
	names, ids := namesOf(f.toAt())
	if len(names) == 0 {
		return
	}
	lines := make([]string, len(names))
	for i, n := range names {
		lines[i] = fmt.Sprintf("%d. %s", i+1, n)
	}
	a := &atList{}
	a.names = widget.NewLabel(strings.Join(lines, "\n"))
	a.names.Selectable = true
	hint := widget.NewLabel("在QQ群的输入框里输入「@」，再输入下面的名字，从QQ弹出的名单里点选，才会提醒到TA。按顺序@完后，点「已全部@完」。")
	hint.Wrapping = fyne.TextWrapBreak
	a.done = widget.NewButton("已全部@完", nil)
	a.done.Importance = widget.HighImportance
	body := container.NewBorder(hint, container.NewHBox(a.done), nil, nil, container.NewVScroll(a.names))
	a.dlg = dialog.NewCustom(fmt.Sprintf("@名单（%d 人）", len(names)), "关闭", body, f.env.Win)
	a.done.OnTapped = func() {
		a.dlg.Hide()
		f.status.SetText(fmt.Sprintf("√ 已记下 %d 人@过了，%d 天内不会再点名TA们。", len(ids), f.days))
		f.record(ids, data.NoticeAt)
	}
	a.dlg.Resize(fyne.NewSize(420, 480))
	a.dlg.Show()
	ui.EscCloses(f.env.Win, a.dlg)
	f.atList = a
}
