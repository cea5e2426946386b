package catalog

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// categoriesDialog lets the owner add, rename, reorder and delete categories; the
// order is the order of the index post.
type categoriesDialog struct {
	env        *ui.Env
	onChanged  func()
	categories []data.Category
	selected   int

	list      *widget.List
	newName   *ui.Entry
	addButton *widget.Button
	upButton  *widget.Button
	downBtn   *widget.Button
	renameBtn *widget.Button
	deleteBtn *widget.Button
	problem   *widget.Label
	dlg       dialog.Dialog
}

func newCategoriesDialog(e *ui.Env, onChanged func()) *categoriesDialog {
	c := &categoriesDialog{env: e, onChanged: onChanged, selected: -1}
	c.list = widget.NewList(func() int { return len(c.categories) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(c.categories) {
				o.(*widget.Label).SetText(c.categories[id].Name)
			}
		})
	c.list.OnSelected = func(id widget.ListItemID) { c.selected = id; c.updateActions() }
	c.newName = ui.NewEntry()
	c.newName.SetPlaceHolder("新分类名称，如 学习类")
	c.newName.OnSubmitted = func(string) { c.onAdd() }
	c.addButton = widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), c.onAdd)
	c.upButton = widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), func() { c.move(-1) })
	c.downBtn = widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), func() { c.move(1) })
	c.renameBtn = widget.NewButtonWithIcon("改名", theme.DocumentCreateIcon(), c.onRename)
	c.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), c.onDelete)
	c.problem = widget.NewLabel("")
	c.problem.Importance = widget.DangerImportance
	c.problem.Wrapping = fyne.TextWrapBreak
	c.updateActions()
	return c
}

func (c *categoriesDialog) show() {
	actions := container.NewVBox(c.upButton, c.downBtn, c.renameBtn, c.deleteBtn)
	add := container.NewBorder(nil, nil, nil, c.addButton, c.newName)
	hint := widget.NewLabel("分类的顺序就是资源索引表里的顺序。")
	content := container.NewBorder(hint, container.NewVBox(add, c.problem), nil, actions, c.list)
	c.dlg = dialog.NewCustom("分类管理", "完成", content, c.env.Win)
	c.dlg.SetOnClosed(c.onChanged)
	c.dlg.Resize(fyne.NewSize(480, 520))
	c.dlg.Show()
	ui.EscCloses(c.env.Win, c.dlg)
	c.reload(0)
}

// reload reads the categories and selects the one with id, if any.
func (c *categoriesDialog) reload(id uint) {
	c.env.Tasks.Run(func() {
		cats, err := c.env.Store.Categories()
		fyne.Do(func() {
			if err != nil {
				c.env.ShowError(err)
				return
			}
			c.categories = cats
			c.selected = -1
			c.list.UnselectAll()
			for i, cat := range cats {
				if cat.ID == id {
					c.list.Select(i)
				}
			}
			c.list.Refresh()
			c.updateActions()
		})
	})
}

func (c *categoriesDialog) current() *data.Category {
	if c.selected < 0 || c.selected >= len(c.categories) {
		return nil
	}
	return &c.categories[c.selected]
}

func (c *categoriesDialog) updateActions() {
	for _, b := range []*widget.Button{c.upButton, c.downBtn, c.renameBtn, c.deleteBtn} {
		if c.current() == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// do runs a store change, shows its problem if any, and reloads selecting id.
func (c *categoriesDialog) do(work func() (uint, error)) {
	c.problem.SetText("")
	c.env.Tasks.Run(func() {
		id, err := work()
		fyne.Do(func() {
			switch {
			case errors.Is(err, data.ErrInUse):
				c.problem.SetText("这个分类里还有资源，不能删除。请先把资源改到别的分类。")
			case err != nil:
				c.problem.SetText(ui.Explain(err))
			}
			c.reload(id)
		})
	})
}

func (c *categoriesDialog) onAdd() {
	name := c.newName.Text
	c.do(func() (uint, error) {
		cat, err := c.env.Store.AddCategory(name)
		if err == nil {
			fyne.Do(func() { c.newName.SetText("") })
		}
		return cat.ID, err
	})
}

func (c *categoriesDialog) move(delta int) {
	if cat := c.current(); cat != nil {
		id := cat.ID
		c.do(func() (uint, error) { return id, c.env.Store.MoveCategory(id, delta) })
	}
}

func (c *categoriesDialog) onRename() {
	cat := c.current()
	if cat == nil {
		return
	}
	id := cat.ID
	name := ui.NewEntry()
	name.SetText(cat.Name)
	dialog.ShowForm("分类改名", "保存", "取消", []*widget.FormItem{widget.NewFormItem("新名称", name)},
		func(ok bool) {
			if ok {
				c.do(func() (uint, error) { return id, c.env.Store.RenameCategory(id, name.Text) })
			}
		}, c.env.Win)
}

func (c *categoriesDialog) onDelete() {
	if cat := c.current(); cat != nil {
		id := cat.ID
		c.do(func() (uint, error) { return 0, c.env.Store.DeleteCategory(id) })
	}
}
