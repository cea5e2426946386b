package groups

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// Welcome is the first start: it creates the owner's first group and offers demo data
// to explore with.
type Welcome struct {
	*groupForm
	Demo   *widget.Check
	onDone func(groupID uint, demo bool)
}

const welcomeText = "群活帮你把资源库、成员画像和群公告管起来:资源按分类整理,一键生成「资源索引表」粘贴到QQ群;" +
	"记录每位成员的需求标签,让资源精准对上需要它的人。\n先告诉群活你的第一个QQ群。"

func ShowWelcome(e *ui.Env, onDone func(groupID uint, demo bool)) *Welcome {
	w := &Welcome{onDone: onDone}
	w.groupForm = newGroupForm(e, nil, w.created)
	w.Demo = widget.NewCheck("同时载入示例资源和成员(先熟悉功能,之后可以自己删改)", nil)
	w.SaveButton.SetText("开始使用")
	w.CancelButton.Hide() // the app needs a group to work with
	w.MustAnswer = true
	intro := widget.NewLabel(welcomeText)
	intro.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle("欢迎使用群活", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = "headingText"
	form := widget.NewForm(widget.NewFormItem("群名称", w.Name), widget.NewFormItem("群号", w.Number))
	body := container.NewVBox(title, intro, form, w.Demo)
	w.FormKit.Show("第一次使用", body, fyne.NewSize(560, 440))
	return w
}

// created runs after the group is saved: demo data, if asked for, fills in the background.
func (w *Welcome) created(groupID uint) {
	if !w.Demo.Checked {
		w.onDone(groupID, false)
		return
	}
	w.Env.Tasks.Run(func() {
		err := datatest.FillDemo(w.Env.Store, datatest.SmallDemo, 1)
		fyne.Do(func() {
			if err != nil {
				w.Env.ShowError(err)
			}
			w.onDone(groupID, err == nil)
		})
	})
}
