// Package matching is the 精准匹配 area: for one resource, the members it fits, ranked
// with the reasons, and the ways to tell them (a group post naming them, a private
// message each, the names in order for @-ing by hand in QQ); for one member, the
// resources that fit TA now. Who was told what is recorded, so nobody is pushed the
// same thing twice within the owner's notice window. It sees data and app/ui; the
// catalog and the member list open it through the shell's Links.
package matching

import (
	"fmt"
	"strings"

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

var fitColumns = []ui.Column{
	{Title: "排名", Width: 50}, {Title: "成员", Width: 150}, {Title: "QQ号", Width: 100},
	{Title: "为什么适合", Width: 410}, {Title: "最近告知", Width: 170},
}

// ResourceFits is the match list of one resource: the members it fits, best first.
type ResourceFits struct {
	env      *ui.Env
	group    *data.Group
	resource data.Resource
	fits     []match.Fit
	knownQQ  []string
	days     int  // the notice window the list was loaded with
	selected int  // row of fits, or -1
	next     uint // the member to select after the next load: who comes after a private message
	latest   ui.Latest

	summary   *widget.Label
	table     *ui.RecordTable
	detail    *ui.RecordDetail // the picked member's reasons in full: cells clip them
	empty     *ui.EmptyState
	postBtn   *widget.Button
	privBtn   *widget.Button
	atBtn     *widget.Button
	status    *widget.Label
	dlg       dialog.Dialog
	atList    *atList // the @ list last opened
	preview   *ui.PostPreview
	previewDl dialog.Dialog
}

// ShowForResource opens the match list of r (with its Category loaded) for group g
// (nil: every member) and loads it.
func ShowForResource(e *ui.Env, g *data.Group, r data.Resource) *ResourceFits {
	f := &ResourceFits{env: e, group: g, resource: r, selected: -1}
	f.summary = widget.NewLabel("正在查找适合的成员…")
	f.summary.Wrapping = fyne.TextWrapBreak
	f.table = ui.NewRecordTable(fitColumns, func() int { return len(f.fits) }, f.fillCell, f.onRowSelected)
	f.detail = ui.NewRecordDetail("点选一位成员，这里显示TA适合的全部理由；再点「复制私聊」，复制给TA的私聊。")
	f.empty = ui.NewEmptyState()
	f.postBtn = widget.NewButtonWithIcon("复制群公告", theme.ContentCopyIcon(), f.onCopyPost)
	f.postBtn.Importance = widget.HighImportance
	f.privBtn = widget.NewButtonWithIcon("复制私聊", theme.MailComposeIcon(), f.onCopyPrivate)
	f.atBtn = widget.NewButtonWithIcon("@名单", theme.AccountIcon(), f.onAtList)
	f.status = widget.NewLabel("")
	f.status.Importance = widget.SuccessImportance
	f.status.Wrapping = fyne.TextWrapBreak
	f.updateActions()
	bar := container.NewVBox(f.detail.Content(), f.status, container.NewHBox(f.postBtn, f.privBtn, f.atBtn))
	body := container.NewBorder(f.summary, bar, nil, nil, f.empty.OverTable(f.table))
	f.dlg = dialog.NewCustom("适合的成员："+r.Name, "关闭", body, e.Win)
	f.dlg.Resize(fyne.NewSize(1000, 640))
	f.dlg.Show()
	ui.EscCloses(e.Win, f.dlg)
	f.load()
	return f
}

func (f *ResourceFits) groupID() uint {
	if f.group == nil {
		return 0
	}
	return f.group.ID
}

// load gathers and ranks off the UI goroutine, then shows the list in one fyne.Do.
func (f *ResourceFits) load() {
	e, gid, id := f.env, f.groupID(), f.resource.ID
	e.Load(&f.latest, func() (func(), error) {
		res, ms, err := e.Store.MatchForResource(id, gid)
		var fits []match.Fit
		var qqs []string
		days := data.DefaultNoticeDays
		if err == nil {
			fits = match.Members(res, ms)
			qqs, err = e.Store.MemberQQs()
		}
		if err == nil {
			days, err = e.Store.NoticeDays()
		}
		return func() {
			f.fits, f.knownQQ, f.days = fits, qqs, days
			f.apply()
		}, err
	})
}

func (f *ResourceFits) apply() {
	f.selected = -1
	f.table.UnselectAll()
	f.table.Refresh()
	untold := len(f.untold())
	who := "本群"
	if f.group == nil {
		who = "全部成员中"
	}
	if len(f.fits) == 0 {
		f.summary.SetText(who + "没有找到适合这个资源的成员。")
		f.empty.Show("还没有成员的兴趣标签或求购记录提到它。给成员加上兴趣标签（如「王者荣耀」），或记下群友的求购，这里就会列出适合的人。")
	} else {
		f.empty.Hide()
		text := fmt.Sprintf("%s有 %d 人适合，按匹配程度排列。", who, len(f.fits))
		if told := len(f.fits) - untold; told > 0 {
			text = fmt.Sprintf("%s有 %d 人适合，按匹配程度排列；其中 %d 人 %d 天内已告知过，群公告不再点名TA们。",
				who, len(f.fits), told, f.days)
		}
		if st := f.resource.StateAt(f.env.Now()); st != data.StateOnSale {
			text += "这个资源现在「" + string(st) + "」，群友买不到：群公告和私聊等它能买时再发。"
		}
		f.summary.SetText(text)
	}
	f.updateActions()
	f.selectNext()
}

// selectNext selects the member a private message moved on to, if still listed.
func (f *ResourceFits) selectNext() {
	id := f.next
	f.next = 0
	for i, fit := range f.fits {
		if id != 0 && fit.Member.ID == id {
			f.table.Select(widget.TableCellID{Row: i, Col: 1})
			return
		}
	}
}

// untold are the fits not told about the resource within the window, in rank order.
func (f *ResourceFits) untold() []match.Fit {
	var out []match.Fit
	for _, fit := range f.fits {
		if !fit.Member.Told() {
			out = append(out, fit)
		}
	}
	return out
}

func (f *ResourceFits) fillCell(row, col int, l *widget.Label) {
	fit := f.fits[row]
	switch col {
	case 0:
		l.SetText(ui.Itoa(row + 1))
	case 1:
		l.SetText(fit.Member.Name + priorityMark(fit.Member))
	case 2:
		l.SetText(fit.Member.MaskedQQ)
	case 3:
		l.SetText(reasonsText(fit.Reasons, f.env))
	default:
		l.SetText(toldText(fit.Member, f.env))
	}
}

// priorityMark marks a member holding 优先获取 (the month's 资源达人), whom the list
// puts first.
func priorityMark(m *match.Member) string {
	if m.Priority > 0 {
		return " 「优先获取」"
	}
	return ""
}

func reasonsText(rs []match.Reason, e *ui.Env) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.Text(e.Loc)
	}
	return strings.Join(parts, "；")
}

func toldText(m *match.Member, e *ui.Env) string {
	if !m.Told() {
		return ""
	}
	return m.ToldAt.In(e.Loc).Format("01-02 15:04") + " " + m.ToldWay
}

func (f *ResourceFits) onRowSelected(row int) {
	f.selected = row
	f.updateActions()
}

func (f *ResourceFits) updateActions() {
	n := len(f.untold())
	// Telling members about what they cannot buy now only teaches them to ignore it.
	onSale := f.resource.StateAt(f.env.Now()) == data.StateOnSale
	ui.Enable(f.postBtn, n > 0 && onSale)
	ui.Enable(f.atBtn, len(f.toAt()) > 0 && onSale)
	f.postBtn.SetText(fmt.Sprintf("复制群公告（点名 %d 人）", n))
	ui.Enable(f.privBtn, f.selected >= 0 && onSale)
	f.showDetail()
	if f.selected >= 0 {
		f.privBtn.SetText("复制给「" + f.fits[f.selected].Member.Name + "」的私聊")
	} else {
		f.privBtn.SetText("复制私聊（先点选一位）")
	}
}

// showDetail shows the picked member's reasons in full, or the hint.
func (f *ResourceFits) showDetail() {
	if f.selected < 0 || f.selected >= len(f.fits) {
		f.detail.Clear()
		return
	}
	fit := f.fits[f.selected]
	f.detail.Show([]ui.Field{
		{Label: "成员", Value: fit.Member.Name + priorityMark(fit.Member)}, {Label: "QQ号", Value: fit.Member.MaskedQQ},
		{Label: "为什么适合", Value: reasonsText(fit.Reasons, f.env)}, {Label: "最近告知", Value: toldText(fit.Member, f.env)},
	})
}

// names are the untold members' names in rank order, and their ids.
func (f *ResourceFits) names() ([]string, []uint) { return namesOf(f.untold()) }

// toAt are the members the @ list names: the untold, and those only named in a group
// post since, whom pasted "@名字" text did not notify.
func (f *ResourceFits) toAt() []match.Fit {
	var out []match.Fit
	for _, fit := range f.fits {
		if !fit.Member.Told() || fit.Member.ToldWay == data.NoticeGroupPost.Label() {
			out = append(out, fit)
		}
	}
	return out
}

func namesOf(fits []match.Fit) ([]string, []uint) {
	var names []string
	var ids []uint
	for _, fit := range fits {
		names = append(names, fit.Member.Name)
		ids = append(ids, fit.Member.ID)
	}
	return names, ids
}

// onCopyPost copies the group post naming every untold member and records that they
// were told. A post too long for one QQ message opens in parts.
func (f *ResourceFits) onCopyPost() {
	names, ids := f.names()
	if len(names) == 0 {
		return
	}
	parts := qqpost.MatchGroupPost(f.resource, names, f.env.Now(), f.env.Loc, f.knownQQ)
	if len(parts) > 1 {
		f.showParts(parts, ids)
		return
	}
	f.env.App.Clipboard().SetContent(parts[0])
	f.status.SetText(fmt.Sprintf("√ 已复制群公告，点名 %d 人。到QQ群里粘贴即可；要让TA们收到提醒，再用「@名单」逐个@。", len(names)))
	f.record(ids, data.NoticeGroupPost)
}

// showParts opens a long post in parts; the members count as told once the first
// part is copied.
func (f *ResourceFits) showParts(parts []string, ids []uint) {
	recorded := false
	f.preview = ui.NewPostPreview(f.env, func(int) {
		if !recorded {
			recorded = true
			f.record(ids, data.NoticeGroupPost)
		}
	})
	f.preview.SetParts(parts)
	f.previewDl = dialog.NewCustom("点名群公告："+f.resource.Name, "关闭", f.preview.Content(), f.env.Win)
	f.previewDl.Resize(fyne.NewSize(620, 520))
	f.previewDl.Show()
	ui.EscCloses(f.env.Win, f.previewDl)
}

// onCopyPrivate copies the private message for the selected member, records it, and
// moves on to the next member not yet told, so the owner goes down the list.
func (f *ResourceFits) onCopyPrivate() {
	if f.selected < 0 || f.selected >= len(f.fits) {
		return
	}
	fit := f.fits[f.selected]
	text := qqpost.MatchPrivateMessage(f.resource, fit.Member.Name, fit.Reasons, f.env.Now(), f.env.Loc, f.knownQQ)
	f.env.App.Clipboard().SetContent(text)
	f.status.SetText("√ 已复制给「" + fit.Member.Name + "」的私聊，到QQ里打开和TA的聊天粘贴即可。")
	for _, later := range f.fits[f.selected+1:] {
		if !later.Member.Told() {
			f.next = later.Member.ID
			break
		}
	}
	f.record([]uint{fit.Member.ID}, data.NoticePrivate)
}

// record keeps who was told, then reloads the list so they show as told.
func (f *ResourceFits) record(ids []uint, way data.NoticeWay) {
	e, id := f.env, f.resource.ID
	e.Tasks.Run(func() {
		err := e.Store.RecordNotices(id, ids, way)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			f.load()
		})
	})
}
