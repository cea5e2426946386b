// Package settings is the 设置 area: how the window looks, where the data and its
// backups are, and the post templates. Each section is one small file with a type that
// has a title and a content; later capabilities add theirs (promise hours, escrow
// deadlines, point amounts) to Sections. It sees data and app/ui, and reaches other
// areas only through Links.
package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// Links are what settings open in other areas; the shell fills them in.
type Links struct {
	EditTemplate func(kind data.PostKind) // the template editor of a kind of post
}

// section is one part of the settings screen.
type section interface {
	title() string
	content() fyne.CanvasObject
	refresh() // reload what it shows from the store
}

// Screen is the 设置 area: its sections one under the other.
type Screen struct {
	env        *ui.Env
	appearance *appearance
	dataFolder *dataFolder
	sections   []section
}

// NewScreen builds the settings; Refresh loads what they show.
func NewScreen(e *ui.Env, links Links) *Screen {
	s := &Screen{env: e, appearance: newAppearance(e), dataFolder: newDataFolder(e)}
	s.sections = []section{s.appearance, s.dataFolder, newBackupPlan(e), newTemplates(links), newNoticeDays(e), newSynonyms(e), newSupplierWarn(e), newEscrowDeadlines(e), newTicketPromise(e), newPointAmounts(e), newInsightSilence(e), newRequestWords(e)}
	return s
}

// SetDataFolder says what moving the data folder may do; without it, it cannot move.
func (s *Screen) SetDataFolder(f DataFolder) { s.dataFolder.set(f) }

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	box := container.NewVBox()
	for i, sec := range s.sections {
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		box.Add(ui.Bold(sec.title()))
		box.Add(sec.content())
	}
	return container.NewVScroll(box)
}

// Refresh reloads every section.
func (s *Screen) Refresh() {
	for _, sec := range s.sections {
		sec.refresh()
	}
}
