package groups

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// Welcome is the first start: it creates the owner's first group and offers demo data
// to explore with.
type Welcome struct {
	*groupForm
	Demo     *widget.Check
	DemoNote *widget.Label // says that the demo adds a second group
	onDone   func(groupID uint, demo bool)
}

// welcomeText breaks its lines itself: Fyne wraps Chinese anywhere, and put a 」 at
// the start of a line.
const welcomeText = "群活帮你把资源库、成员画像和群公告管起来：\n" +
	"资源按分类整理，一键生成「资源索引表」粘贴到QQ群；\n" +
	"记录每位成员的需求标签，让资源精准对上需要它的人。\n" +
	"先告诉群活你的第一个QQ群。"

// demoText says what the demo adds before the owner ticks it. The second group stays
// (it shows how members sit in several groups) but is no longer a surprise.
const demoText = "示例数据会另外加一个示例群和几十条资源、成员，之后可一键删除。"

func ShowWelcome(e *ui.Env, onDone func(groupID uint, demo bool)) *Welcome {
	w := &Welcome{onDone: onDone}
	w.groupForm = newGroupForm(e, nil, w.created)
	w.Demo = widget.NewCheck("同时载入示例数据，先熟悉功能", nil)
	w.SaveButton.SetText("开始使用")
	w.CancelButton.Hide() // the app needs a group to work with
	w.MustAnswer = true
	intro := widget.NewLabel(welcomeText)
	intro.Wrapping = fyne.TextWrapBreak
	title := widget.NewLabelWithStyle("欢迎使用群活", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = "headingText"
	form := w.Form(ui.FormRow{Label: "群名称", Key: "name", Widget: w.Name},
		ui.FormRow{Label: "群号", Key: "number", Widget: w.Number})
	w.DemoNote = widget.NewLabel(demoText)
	w.DemoNote.Wrapping = fyne.TextWrapBreak
	body := container.NewVBox(title, intro, form, w.Demo, w.DemoNote)
	// Tall enough for the body, a summary of two problems and the button without a
	// scroll bar: a clipped check box at the bottom is easy to miss.
	w.FormKit.Show("第一次使用", body, fyne.NewSize(600, 520))
	return w
}

// created runs after the group is saved: demo data, if asked for, fills in the background.
func (w *Welcome) created(g data.Group) {
	groupID := g.ID
	if !w.Demo.Checked {
		w.onDone(groupID, false)
		return
	}
	w.Env.Tasks.Run(func() {
		err := w.Env.Store.AddDemo(func(tx *data.Store) error { return datatest.FillDemo(tx, datatest.SmallDemo, 1) })
		fyne.Do(func() {
			if err != nil {
				w.Env.ShowError(err)
			}
			w.onDone(groupID, err == nil)
		})
	})
}
