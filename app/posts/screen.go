package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// postsScreen makes the 资源索引表 post for the current group: a preview of exactly what
// will be copied, copy buttons per part, the sheet exports and the template editor.
type postsScreen struct {
	env     *env
	group   *data.Group
	post    builtPost
	history []data.Post
	editor  *templateEditor // the template editor last opened

	info        *widget.Label
	category    *widget.Select
	preview     *postPreview
	refreshBtn  *widget.Button
	templateBtn *widget.Button
	xlsxButton  *widget.Button
	csvButton   *widget.Button
	historyList *widget.List
}

func newPostsScreen(e *env) *postsScreen {
	s := &postsScreen{env: e}
	s.info = widget.NewLabel("")
	s.info.Wrapping = fyne.TextWrapWord
	s.category = newSelect([]string{allCategories}, allCategories, func(string) { s.refresh() })
	s.preview = newPostPreview(e, s.onCopied)
	s.refreshBtn = widget.NewButtonWithIcon("重新生成", theme.ViewRefreshIcon(), s.refresh)
	s.templateBtn = widget.NewButtonWithIcon("编辑模板", theme.DocumentCreateIcon(), s.onEditTemplate)
	s.xlsxButton = widget.NewButtonWithIcon("存为 Excel", theme.DownloadIcon(), func() { exportIndex(e, s.groupName(), formatXLSX) })
	s.csvButton = widget.NewButtonWithIcon("存为 CSV", theme.DownloadIcon(), func() { exportIndex(e, s.groupName(), formatCSV) })
	s.historyList = widget.NewList(func() int { return len(s.history) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.history) {
				p := s.history[id]
				o.(*widget.Label).SetText(p.CreatedAt.In(e.loc).Format("01-02 15:04") + "  " + p.Title)
			}
		})
	s.historyList.OnSelected = s.onHistorySelected
	return s
}

func (s *postsScreen) content() fyne.CanvasObject {
	buttons := container.NewHBox(s.category, s.refreshBtn, s.templateBtn, s.xlsxButton, s.csvButton)
	title := bold("资源索引表")
	title.SizeName = theme.SizeNameSubHeadingText
	top := container.NewVBox(container.NewBorder(nil, nil, title, buttons), s.info)
	history := container.NewBorder(bold("最近复制过的公告(点开可再复制)"), nil, nil, nil, s.historyList)
	split := container.NewHSplit(s.preview.content(), history)
	split.Offset = 0.72
	return container.NewBorder(top, nil, nil, nil, split)
}

func (s *postsScreen) groupName() string {
	if s.group == nil {
		return ""
	}
	return s.group.Name
}

// setGroup follows the current group; the shell rebuilds the post when the screen is
// shown, since a big catalog makes a long post.
func (s *postsScreen) setGroup(g *data.Group) { s.group = g }

// refresh rebuilds the post from the catalog as it is now.
func (s *postsScreen) refresh() {
	if s.group == nil {
		s.info.SetText("请先在上方选择或新建一个群。")
		s.preview.setParts(nil)
		return
	}
	g, category := *s.group, s.category.Selected
	if category == allCategories {
		category = ""
	}
	s.env.tasks.run(func() {
		post, err := buildIndexPost(s.env.store, g, category, s.env.now(), s.env.loc)
		history, err2 := s.env.store.Posts(g.ID, 50)
		fyne.Do(func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.setCategories(post.categories)
			s.apply(post)
			if err2 == nil {
				s.history = history
				s.historyList.Refresh()
			}
		})
	})
}

// setCategories offers the catalog's categories, keeping the choice when it still exists.
func (s *postsScreen) setCategories(cats []data.Category) {
	opts := []string{allCategories}
	for _, c := range cats {
		opts = append(opts, c.Name)
	}
	s.category.Options = opts
	if !slices.Contains(opts, s.category.Selected) {
		s.category.Selected = allCategories
	}
	s.category.Refresh()
}

func (s *postsScreen) apply(post builtPost) {
	s.post = post
	info := fmt.Sprintf("在售 %d 款,共 %d 字", post.listed, len([]rune(post.text)))
	if len(post.parts) > 1 {
		info += fmt.Sprintf(",太长了分成 %d 段,请按顺序逐段复制粘贴", len(post.parts))
	}
	if len(post.parts) > 5 {
		info += "。资源很多时,建议在右上角选一个分类分开发,或「存为 Excel」上传到群文件"
	}
	info += "。售罄、下架、失效、已过期和未开始的资源不会列出。"
	if post.brokenOwn {
		info += "\n注意:你修改过的模板出错了,这次先用默认模板生成。请点「编辑模板」修正。"
	}
	s.info.SetText(info)
	s.preview.setParts(post.parts)
}

// onCopied records the post the first time any part of it is copied.
func (s *postsScreen) onCopied(int) {
	post := s.post
	s.env.tasks.run(func() {
		err := post.record(s.env.store)
		history, err2 := s.env.store.Posts(derefGroupID(post.groupID), 50)
		fyne.Do(func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			if err2 == nil {
				s.history = history
				s.historyList.Refresh()
			}
		})
	})
}

func derefGroupID(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}

func (s *postsScreen) onEditTemplate() {
	s.editor = newTemplateEditor(s.env, data.PostIndex, s.refresh)
	s.editor.show()
}

// onHistorySelected shows an earlier post so it can be copied again as it was.
func (s *postsScreen) onHistorySelected(id widget.ListItemID) {
	s.historyList.UnselectAll()
	if id >= len(s.history) {
		return
	}
	p := s.history[id]
	text := widget.NewLabel(p.Body)
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	copyBtn := widget.NewButtonWithIcon("再复制一次", theme.ContentCopyIcon(), func() {
		s.env.app.Clipboard().SetContent(p.Body)
	})
	body := container.NewBorder(nil, container.NewHBox(copyBtn), nil, nil, container.NewVScroll(text))
	d := dialog.NewCustom(p.CreatedAt.In(s.env.loc).Format("2006-01-02 15:04")+" 复制的公告", "关闭", body, s.env.win)
	d.Resize(fyne.NewSize(640, 600))
	d.Show()
}

// showNewStockPost shows the 上新 post for one resource, ready to copy.
func showNewStockPost(e *env, g *data.Group, r data.Resource) {
	p := newPostPreview(e, nil)
	var post builtPost
	p.onCopied = func(int) {
		e.tasks.run(func() {
			if err := post.record(e.store); err != nil {
				fyne.Do(func() { showError(e.win, err) })
			}
		})
	}
	edit := widget.NewButtonWithIcon("编辑模板", theme.DocumentCreateIcon(), nil)
	d := dialog.NewCustom("上新公告:"+r.Name, "关闭", container.NewBorder(container.NewHBox(edit), nil, nil, nil, p.content()), e.win)
	load := func() {
		e.tasks.run(func() {
			built, err := buildNewStockPost(e.store, g, r, e.now(), e.loc)
			fyne.Do(func() {
				if err != nil {
					showError(e.win, err)
					return
				}
				post = built
				p.setParts(built.parts)
			})
		})
	}
	edit.OnTapped = func() { newTemplateEditor(e, data.PostNewStock, load).show() }
	d.Resize(fyne.NewSize(620, 560))
	d.Show()
	load()
}
