// Package posts is the 公告 area: the 资源索引表 post with its preview, copy buttons
// and history, the 上新 post of one resource, and the template editor. Post text itself
// is made in data/posts (imported here as qqpost). It sees data and app/ui.
package posts

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// allCategories is the category choice that posts the whole catalog.
const allCategories = "全部分类"

// Screen is the 公告 area. It makes the 资源索引表 post for the current group: a preview
// of exactly what will be copied, copy buttons per part, the sheet exports and the
// template editor.
type Screen struct {
	env     *ui.Env
	group   *data.Group
	post    qqpost.Built
	history []data.Post
	editor  *templateEditor // the template editor last opened
	latest  ui.Latest       // the newest load; an older one that arrives late is dropped

	info        *widget.Label
	category    *widget.Select
	preview     *ui.PostPreview
	refreshBtn  *widget.Button
	templateBtn *widget.Button
	xlsxButton  *widget.Button
	csvButton   *widget.Button
	historyList *widget.List
	noHistory   *ui.EmptyState // what to do before any post was copied
	copyButton  *widget.Button // in noHistory: copies the post shown, as the preview's button does
}

// NewScreen builds the 公告 screen; Refresh makes the post.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e}
	s.info = widget.NewLabel("")
	s.info.Wrapping = fyne.TextWrapBreak
	s.category = ui.NewSelect([]string{allCategories}, allCategories, func(string) { s.Refresh() })
	s.preview = ui.NewPostPreview(e, s.onCopied)
	s.refreshBtn = widget.NewButtonWithIcon("重新生成", theme.ViewRefreshIcon(), s.Refresh)
	s.templateBtn = widget.NewButtonWithIcon("编辑模板", theme.DocumentCreateIcon(), s.onEditTemplate)
	s.xlsxButton = widget.NewButtonWithIcon("存为 Excel", theme.DownloadIcon(), func() { ui.ExportIndex(e, s.groupName(), ui.FormatXLSX) })
	s.csvButton = widget.NewButtonWithIcon("存为 CSV", theme.DownloadIcon(), func() { ui.ExportIndex(e, s.groupName(), ui.FormatCSV) })
	s.historyList = widget.NewList(func() int { return len(s.history) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.history) {
				p := s.history[id]
				o.(*widget.Label).SetText(p.CreatedAt.In(e.Loc).Format("01-02 15:04") + "  " + p.Title)
			}
		})
	s.historyList.OnSelected = s.onHistorySelected
	s.noHistory = ui.NewEmptyState()
	s.copyButton = widget.NewButtonWithIcon("复制公告", theme.ContentCopyIcon(), func() { s.preview.CopyButton.OnTapped() })
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	buttons := container.NewHBox(s.category, s.refreshBtn, s.templateBtn, s.xlsxButton, s.csvButton)
	title := ui.Bold("资源索引表")
	title.SizeName = theme.SizeNameSubHeadingText
	top := container.NewVBox(container.NewBorder(nil, nil, title, buttons), s.info)
	history := container.NewBorder(ui.Bold("最近复制过的公告（点开可再复制）"), nil, nil, nil, s.noHistory.Over(s.historyList))
	split := container.NewHSplit(s.preview.Content(), history)
	split.Offset = 0.72
	return container.NewBorder(top, nil, nil, nil, split)
}

func (s *Screen) groupName() string {
	if s.group == nil {
		return ""
	}
	return s.group.Name
}

// SetGroup follows the current group; the shell rebuilds the post when the screen is
// shown, since a big catalog makes a long post.
func (s *Screen) SetGroup(g *data.Group) { s.group = g }

// Refresh rebuilds the post from the catalog as it is now.
func (s *Screen) Refresh() {
	if s.group == nil {
		s.info.SetText("请先在上方选择或新建一个群。")
		s.preview.SetParts(nil)
		s.history = nil
		s.historyList.Refresh()
		s.updateNoHistory()
		return
	}
	g, category := *s.group, s.category.Selected
	if category == allCategories {
		category = ""
	}
	n := s.latest.Next()
	s.env.Tasks.Run(func() {
		post, err := qqpost.BuildIndexPost(s.env.Store, g, category, s.env.Now(), s.env.Loc)
		history, err2 := s.env.Store.Posts(g.ID, 50)
		fyne.Do(func() {
			if !s.latest.Is(n) {
				return
			}
			if err != nil {
				s.env.ShowError(err)
				return
			}
			s.setCategories(post.Categories)
			s.apply(post)
			if err2 == nil {
				s.history = history
				s.historyList.Refresh()
			}
			s.updateNoHistory()
		})
	})
}

// setCategories offers the catalog's categories, keeping the choice when it still exists.
func (s *Screen) setCategories(cats []data.Category) {
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

func (s *Screen) apply(post qqpost.Built) {
	s.post = post
	info := fmt.Sprintf("在售 %d 款，共 %d 字", post.Listed, len([]rune(post.Text)))
	if len(post.Parts) > 1 {
		info += fmt.Sprintf("，太长了分成 %d 段，请按顺序逐段复制粘贴", len(post.Parts))
	}
	if len(post.Parts) > 5 {
		info += "。资源很多时，建议在右上角选一个分类分开发，或「存为 Excel」上传到群文件"
	}
	info += "。售罄、下架、失效、已过期和未开始的资源不会列出。"
	if post.BrokenOwn {
		info += "\n注意：你修改过的模板出错了，这次先用默认模板生成。请点「编辑模板」修正。"
	}
	s.info.SetText(info)
	s.preview.SetParts(post.Parts)
}

// onCopied records the post the first time any part of it is copied.
func (s *Screen) onCopied(int) {
	post := s.post
	s.env.Tasks.Run(func() {
		err := post.Record(s.env.Store)
		history, err2 := s.env.Store.Posts(derefGroupID(post.GroupID), 50)
		fyne.Do(func() {
			if err != nil {
				s.env.ShowError(err)
				return
			}
			if err2 == nil {
				s.history = history
				s.historyList.Refresh()
			}
			s.updateNoHistory()
		})
	})
}

// updateNoHistory says, while no post has been copied, how to copy the first one, with
// the button to do it; with nothing on sale there is nothing to copy yet.
func (s *Screen) updateNoHistory() {
	switch {
	case len(s.history) > 0:
		s.noHistory.Hide()
	case s.group == nil:
		s.noHistory.Show("还没有复制过公告。先在上方选择或新建一个群。")
	case s.post.Listed == 0:
		s.noHistory.Show("还没有复制过公告。资源库里有在售的资源后，左边会生成资源索引表，复制过的公告会记在这里。")
	default:
		s.copyButton.SetText(s.preview.CopyButton.Text) // 复制公告, or 复制第 1/3 段
		s.noHistory.Show("还没有复制过公告。把左边的资源索引表复制下来，到QQ群里粘贴；复制过的公告会记在这里，以后可以再复制。",
			s.copyButton)
	}
}

func derefGroupID(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}

func (s *Screen) onEditTemplate() {
	var g *data.Group
	if s.group != nil {
		copied := *s.group
		g = &copied
	}
	e := s.env
	s.editor = newTemplateEditor(e, data.PostIndex, func() (qqpost.Preview, error) {
		return qqpost.IndexPreview(e.Store, g, e.Now(), e.Loc)
	}, s.Refresh)
	s.editor.show()
}

// onHistorySelected shows an earlier post so it can be copied again as it was.
func (s *Screen) onHistorySelected(id widget.ListItemID) {
	s.historyList.UnselectAll()
	if id >= len(s.history) {
		return
	}
	p := s.history[id]
	text := widget.NewLabel(p.Body)
	text.Wrapping = fyne.TextWrapBreak
	text.Selectable = true
	copyBtn := widget.NewButtonWithIcon("再复制一次", theme.ContentCopyIcon(), func() {
		s.env.App.Clipboard().SetContent(p.Body)
	})
	body := container.NewBorder(nil, container.NewHBox(copyBtn), nil, nil, container.NewVScroll(text))
	d := dialog.NewCustom(p.CreatedAt.In(s.env.Loc).Format("2006-01-02 15:04")+" 复制的公告", "关闭", body, s.env.Win)
	d.Resize(fyne.NewSize(640, 600))
	d.Show()
	ui.EscCloses(s.env.Win, d)
}
