package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// todo is one line of the 今日 home: what waits, and the button that goes where the
// owner acts on it.
type todo struct {
	icon   fyne.Resource
	text   string
	action string
	goTo   func()
}

// todayLinks are where the home's lines lead; the shell fills them in.
type todayLinks struct {
	catalogNeeding func(st data.ResourceState, a data.Attention)
	posts          func()
	backup         func()
	requests       func()               // the 需求响应 area
	restock        func()               // the 需求响应 area's 到货通知
	replyTo        func(r data.Request) // the quick capture, replying to r
	ticket         func(id uint)        // the 售后工单 area with ticket id's detail open (0: the list)
	blacklistPost  func()               // the 失效名单 area with its 失效资源公示 open
	rulesPost      func()               // the 群规 area with its 群规公告 open
	trade          func(id uint)        // the 担保交易 area with trade id selected
	swaps          func()               // the 置换区 area with its 配对建议 open
	poll           func(id uint)        // the 投票 area with poll id selected
	blindBox       func(id uint)        // the 资源盲盒 area with box id selected (0: the list)
	redemption     func(id uint)        // the 兑换与荣誉 area on 兑换记录 with redemption id selected
	talent         func()               // the 资源达人 area on last month
	session        func(id uint)        // the 分享会 area with session id selected (0: the list)
	insight        func()               // the 互动率 area
}

// today is the 今日 home, shown first: what waits for the owner today, each line one
// click from the place to act. Later areas add their lines (requests waiting, tickets
// due, trades overdue, draws to run) in todos.
type today struct {
	env    *ui.Env
	links  todayLinks
	group  *data.Group
	agenda data.Agenda
	latest ui.Latest

	heading *widget.Label
	status  *widget.Label
	lines   *fyne.Container
}

func newToday(e *ui.Env, links todayLinks) *today {
	t := &today{env: e, links: links}
	t.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.heading.SizeName = theme.SizeNameSubHeadingText
	t.status = widget.NewLabel("正在查看今天要处理的事…")
	t.lines = container.NewVBox()
	return t
}

func (t *today) Content() fyne.CanvasObject {
	return container.NewVScroll(container.NewVBox(t.heading, t.status, widget.NewSeparator(), t.lines))
}

// SetGroup follows the current group: the index post is counted per group.
func (t *today) SetGroup(g *data.Group) { t.group = g }

// Refresh counts what waits, off the UI goroutine.
func (t *today) Refresh() {
	n := t.latest.Next()
	var gid uint
	if t.group != nil {
		gid = t.group.ID
	}
	e := t.env
	e.Tasks.Run(func() {
		a, err := e.Store.Agenda(gid, e.Now(), e.Loc)
		fyne.Do(func() {
			if !t.latest.Is(n) {
				return
			}
			if err != nil {
				t.status.SetText("没能读出今天要处理的事。")
				e.ShowError(err)
				return
			}
			t.agenda = a
			t.show()
		})
	})
}

// show lays out the lines of the agenda.
func (t *today) show() {
	now := t.env.Now().In(t.env.Loc)
	t.heading.SetText(fmt.Sprintf("今日 · %d月%d日 %s", now.Month(), now.Day(), weekday(now)))
	todos := t.todos()
	t.lines.RemoveAll()
	if len(todos) == 0 {
		t.status.SetText("√ 今天没有要处理的事。资源都在售，备份也是新的。")
		return
	}
	t.status.SetText(fmt.Sprintf("有 %d 件事等你处理：", len(todos)))
	for _, td := range todos {
		t.lines.Add(todoRow(td))
	}
}

func todoRow(td todo) fyne.CanvasObject {
	text := widget.NewLabel(td.text)
	text.Wrapping = fyne.TextWrapBreak
	go_ := widget.NewButton(td.action, td.goTo)
	return container.NewBorder(nil, nil, widget.NewIcon(td.icon), go_, text)
}

// todos are the agenda's lines in the order an owner handles them: what could lose a
// sale today first, then the routine.
func (t *today) todos() []todo {
	a, l := t.agenda, t.links
	out := t.requestTodos()
	out = append(out, t.tradeTodos()...)
	out = append(out, t.ticketTodos()...)
	if a.Expiring.Count > 0 {
		out = append(out, todo{theme.HistoryIcon(), countLine(a.Expiring, "个资源 3 天内到期"), "去看看",
			func() { l.catalogNeeding("", data.AttentionExpiring) }})
	}
	if a.SoldOut.Count > 0 {
		out = append(out, todo{theme.ErrorIcon(), countLine(a.SoldOut, "个资源已售罄"), "去补货",
			func() { l.catalogNeeding(data.StateSoldOut, data.AttentionNone) }})
	}
	if a.LowStock.Count > 0 {
		out = append(out, todo{theme.WarningIcon(), countLine(a.LowStock, fmt.Sprintf("个资源库存不足 %d", a.LowStockThreshold)), "去补货",
			func() { l.catalogNeeding("", data.AttentionLowStock) }})
	}
	if a.UnpostedInvalid.Count > 0 && l.blacklistPost != nil {
		out = append(out, todo{theme.WarningIcon(), countLine(a.UnpostedInvalid, "个资源标为失效后还没公示"), "去公示", l.blacklistPost})
	}
	out = append(out, t.rulesTodos()...)
	out = append(out, t.blindBoxTodos()...)
	out = append(out, t.redemptionTodos()...)
	out = append(out, t.swapTodos()...)
	out = append(out, t.pollTodos()...)
	out = append(out, t.insightTodos()...)
	out = append(out, t.talentTodos()...)
	out = append(out, t.sessionTodos()...)
	if t.group != nil && !a.IndexPostToday {
		out = append(out, todo{theme.MailSendIcon(), "今天还没有给「" + t.group.Name + "」发资源索引表。", "去发公告", l.posts})
	}
	if !a.AutoBackupFailed.IsZero() {
		at := a.AutoBackupFailed.In(t.env.Loc)
		out = append(out, todo{theme.ErrorIcon(), fmt.Sprintf("%d月%d日 %02d:%02d 的自动备份没有成功。请到「数据与备份」立即备份一次，并确认磁盘还有空间。",
			at.Month(), at.Day(), at.Hour(), at.Minute()), "去数据与备份", l.backup})
	}
	if a.BackupDue {
		out = append(out, todo{theme.DocumentSaveIcon(), backupLine(a.LastBackup, t.env.Now()), "去备份", l.backup})
	}
	return out
}

// requestTodos are the requests waiting for a reply, oldest first, each one click from
// its reply, and the members to tell that what they asked for is back.
func (t *today) requestTodos() []todo {
	rq, l := t.agenda.Requests, t.links
	var out []todo
	for _, w := range rq.Waiting {
		r := w.Request
		wait := data.FormatWait(t.env.Now().Sub(r.AskedAt))
		out = append(out, todo{theme.QuestionIcon(), fmt.Sprintf("%s 求助：%s（等了 %s）", w.Name, r.Text, wait), "回复",
			func() { l.replyTo(r) }})
	}
	if more := rq.WaitingCount - len(rq.Waiting); more > 0 {
		out = append(out, todo{theme.QuestionIcon(), fmt.Sprintf("还有 %d 条求助等你回复。", more), "看全部", l.requests})
	}
	if rq.Restock > 0 {
		text := fmt.Sprintf("%d 位成员要的东西到货了，去通知他们：", rq.Restock) + strings.Join(rq.RestockNames, "、") + "。"
		out = append(out, todo{theme.MailReplyIcon(), text, "去通知", l.restock})
	}
	return out
}

// countLine says how many and names the first few: 「3 个资源已售罄：A、B、C」.
func countLine(line data.AgendaLine, what string) string {
	s := fmt.Sprintf("%d %s", line.Count, what)
	if len(line.Names) == 0 {
		return s + "。"
	}
	s += "：" + strings.Join(line.Names, "、")
	if line.Count > len(line.Names) {
		s += " 等"
	}
	return s + "。"
}

// backupLine says how long ago the last backup was.
func backupLine(last, now time.Time) string {
	if last.IsZero() {
		return "还没有备份过。自动备份只存在这台电脑上，备份到U盘或网盘一次，电脑坏了资料也不会丢。"
	}
	days := int(now.Sub(last).Hours() / 24)
	return fmt.Sprintf("上次手动备份是 %d 天前。自动备份只存在这台电脑上，建议每周备份到U盘或网盘一次。", days)
}

func weekday(t time.Time) string {
	return [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}[t.Weekday()]
}
