package points

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

const (
	boardMonth = "本月"
	boardAll   = "总榜"
)

var boardColumns = []ui.Column{
	{Title: "名次", Width: 80}, {Title: "成员", Width: 160}, {Title: "QQ号", Width: 110}, {Title: "积分", Width: 80},
}

// boardTab is the leaderboard of this month or all time, and its post.
type boardTab struct {
	s      *Screen
	latest ui.Latest
	board  data.PointBoard

	Scope      *widget.Select
	Table      *ui.RecordTable
	empty      *ui.EmptyState
	period     *widget.Label
	CopyButton *widget.Button
	Copied     string // the post last copied
}

func newBoardTab(s *Screen) *boardTab {
	t := &boardTab{s: s}
	t.Scope = ui.NewSelect([]string{boardMonth, boardAll}, boardMonth, func(string) { t.reload() })
	t.Table = ui.NewRecordTable(boardColumns, func() int { return len(t.board.Ranks) }, t.fillCell, func(int) {})
	t.empty = ui.NewEmptyState()
	t.period = widget.NewLabel("")
	t.CopyButton = widget.NewButtonWithIcon("复制排行榜公告", theme.ContentCopyIcon(), t.onCopy)
	return t
}

func (t *boardTab) content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, container.NewHBox(t.Scope, t.period), t.CopyButton)
	return container.NewBorder(top, nil, nil, nil, t.empty.OverTable(t.Table))
}

func (t *boardTab) month() bool { return t.Scope.Selected != boardAll }

// reload reads the board the scope picks; a newer read wins.
func (t *boardTab) reload() {
	e, gid, month := t.s.env, t.s.GroupID(), t.month()
	e.Load(&t.latest, func() (func(), error) {
		b, err := e.Store.PointLeaderboard(gid, month, e.Loc, 0)
		return func() {
			t.apply(b)
		}, err
	})
}

func (t *boardTab) apply(b data.PointBoard) {
	if b.Month != t.month() {
		return // the scope changed while it was read; its own read follows
	}
	t.board = b
	t.Table.Refresh()
	if b.Month {
		t.period.SetText(b.From.In(t.s.env.Loc).Format("2006年1月") + "，不算兑换花掉的积分")
	} else {
		t.period.SetText("建群以来累计获得的积分")
	}
	if !t.s.loaded || len(b.Ranks) > 0 {
		t.empty.Hide()
		return
	}
	if b.Month {
		t.empty.Show("本月还没有人得到积分。记上第一笔积分后，这里就有排名了；排行榜公告也可以先发出去鼓励大家。")
	} else {
		t.empty.Show("还没有人得到积分。点上面的「记积分」给帮忙的群友加分，这里就有排名了。")
	}
}

func (t *boardTab) fillCell(row, col int, l *widget.Label) {
	x := &t.board.Ranks[row]
	l.Importance = widget.MediumImportance
	switch col {
	case 0:
		l.SetText("第 " + strconv.Itoa(x.Rank) + " 名")
		if x.Rank <= 3 {
			l.Importance = widget.HighImportance
		}
	case 1:
		l.SetText(memberName(x.Name, x.QQ))
	case 2:
		l.SetText(x.QQ)
	case 3:
		l.SetText(strconv.FormatInt(x.Points, 10))
	}
}

// onCopy puts the 积分排行榜 of the board shown on the clipboard and keeps it in the
// post history.
func (t *boardTab) onCopy() {
	e, g, b := t.s.env, t.s.Group, t.board
	t.CopyButton.Disable()
	e.Tasks.Run(func() {
		built, err := qqpost.BuildPointBoardPost(e.Store, g, b, e.Loc)
		fyne.Do(func() {
			t.CopyButton.Enable()
			if err != nil {
				e.ShowError(err)
				return
			}
			e.App.Clipboard().SetContent(built.Text)
			t.Copied = built.Text
			e.RecordCopied(built)
			t.s.notice.Show("√ 已复制排行榜公告，到QQ群里粘贴即可")
		})
	})
}
