package matching

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/match"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

var memberFitColumns = []ui.Column{
	{Title: "资源", Width: 280}, {Title: "价格", Width: 80}, {Title: "库存", Width: 60}, {Title: "为什么适合", Width: 480},
}

// MemberFits is 适合TA的资源: the resources that fit one member now (on sale, in
// stock), best first, with a private message for the one picked.
type MemberFits struct {
	env      *ui.Env
	group    *data.Group
	memberID uint
	member   match.Member
	fits     []match.Fit
	byID     map[uint]data.Resource
	knownQQ  []string
	selected int
	latest   ui.Latest

	summary *widget.Label
	table   *ui.RecordTable
	empty   *ui.EmptyState
	privBtn *widget.Button
	status  *widget.Label
	dlg     dialog.Dialog
}

// ShowForMember opens the resources that fit member id (called name) as a member of
// group g (nil: any group) and loads them.
func ShowForMember(e *ui.Env, g *data.Group, id uint, name string) *MemberFits {
	f := &MemberFits{env: e, group: g, memberID: id, selected: -1}
	f.summary = widget.NewLabel("正在查找适合TA的资源…")
	f.summary.Wrapping = fyne.TextWrapBreak
	f.table = ui.NewRecordTable(memberFitColumns, func() int { return len(f.fits) }, f.fillCell, f.onRowSelected)
	f.empty = ui.NewEmptyState()
	f.privBtn = widget.NewButtonWithIcon("复制私聊（先点选一个资源）", theme.MailComposeIcon(), f.onCopyPrivate)
	f.privBtn.Importance = widget.HighImportance
	f.privBtn.Disable()
	f.status = widget.NewLabel("")
	f.status.Importance = widget.SuccessImportance
	f.status.Wrapping = fyne.TextWrapBreak
	bar := container.NewVBox(f.status, container.NewHBox(f.privBtn))
	body := container.NewBorder(f.summary, bar, nil, nil, f.empty.OverTable(f.table))
	f.dlg = dialog.NewCustom("适合「"+name+"」的资源", "关闭", body, e.Win)
	f.dlg.Resize(fyne.NewSize(1000, 600))
	f.dlg.Show()
	ui.EscCloses(e.Win, f.dlg)
	f.load()
	return f
}

func (f *MemberFits) load() {
	n := f.latest.Next()
	e, id := f.env, f.memberID
	var gid uint
	if f.group != nil {
		gid = f.group.ID
	}
	e.Tasks.Run(func() {
		m, facts, rs, err := e.Store.MatchForMember(id, gid)
		var fits []match.Fit
		var qqs []string
		if err == nil {
			fits = match.Resources(m, facts)
			qqs, err = e.Store.MemberQQs()
		}
		byID := make(map[uint]data.Resource, len(fits))
		fitting := make(map[uint]bool, len(fits))
		for _, fit := range fits {
			fitting[fit.Resource.ID] = true
		}
		for _, r := range rs {
			if fitting[r.ID] {
				byID[r.ID] = r
			}
		}
		fyne.Do(func() {
			if !f.latest.Is(n) {
				return
			}
			if errors.Is(err, data.ErrNotFound) {
				f.summary.SetText("TA已经退群了，不再为TA匹配资源。")
				return
			}
			if err != nil {
				e.ShowError(err)
				return
			}
			f.member, f.fits, f.byID, f.knownQQ = m, fits, byID, qqs
			f.apply()
		})
	})
}

func (f *MemberFits) apply() {
	f.selected = -1
	f.table.UnselectAll()
	f.table.Refresh()
	f.onRowSelected(-1)
	if len(f.fits) == 0 {
		f.summary.SetText("现在在售的资源里，没有适合TA的。")
		f.empty.Show("给TA加上兴趣标签（如「原神」），或记下TA的求购，这里就会列出在售、有货的合适资源。")
		return
	}
	f.empty.Hide()
	f.summary.SetText(fmt.Sprintf("在售、有货的资源里有 %d 个适合TA，按匹配程度排列。", len(f.fits)))
}

func (f *MemberFits) fillCell(row, col int, l *widget.Label) {
	fit := f.fits[row]
	r := f.byID[fit.Resource.ID]
	switch col {
	case 0:
		l.SetText(r.Name)
	case 1:
		l.SetText("¥" + data.Yuan(r.PriceCents))
	case 2:
		l.SetText(r.StockText())
	default:
		l.SetText(reasonsText(fit.Reasons, f.env))
	}
}

func (f *MemberFits) onRowSelected(row int) {
	f.selected = row
	if row < 0 {
		f.privBtn.Disable()
		f.privBtn.SetText("复制私聊（先点选一个资源）")
		return
	}
	f.privBtn.Enable()
	f.privBtn.SetText("复制「" + f.fits[row].Resource.Name + "」的私聊")
}

// onCopyPrivate copies a private message about the picked resource and records that
// the member was told.
func (f *MemberFits) onCopyPrivate() {
	if f.selected < 0 || f.selected >= len(f.fits) {
		return
	}
	fit := f.fits[f.selected]
	r := f.byID[fit.Resource.ID]
	text := qqpost.MatchPrivateMessage(r, f.member.Name, fit.Reasons, f.env.Now(), f.env.Loc, f.knownQQ)
	f.env.App.Clipboard().SetContent(text)
	f.status.SetText("√ 已复制「" + r.Name + "」的私聊，到QQ里打开和TA的聊天粘贴即可。")
	e, mid, rid := f.env, f.memberID, r.ID
	e.Tasks.Run(func() {
		if err := e.Store.RecordNotices(rid, []uint{mid}, data.NoticePrivate); err != nil {
			fyne.Do(func() { e.ShowError(err) })
		}
	})
}
