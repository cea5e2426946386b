package backup

import (
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// The demo data: loaded to try the app, removed in one click once the owner knows it.
// Only what the demo added goes (data.Store.AddDemo records it).

func (s *Screen) onDemoData() {
	ui.Confirm(s.env.Win, "载入示例数据", "要把示例资源和成员加到现在的数据里吗？以后可以一键删除。", "载入", s.fillDemo)
}

func (s *Screen) fillDemo() {
	s.demoButton.Disable()
	s.setStatus("正在载入示例数据…")
	seed := s.env.Now().Unix()
	s.env.Tasks.Run(func() {
		err := s.env.Store.AddDemo(func(tx *data.Store) error { return datatest.FillDemo(tx, datatest.SmallDemo, seed) })
		fyne.Do(func() {
			s.demoButton.Enable()
			s.setStatus("")
			if err != nil {
				s.env.ShowError(err)
				return
			}
			s.setStatus("√ 示例数据已载入，可以到「资源库」和「成员」看看。")
			s.refreshDemo()
			s.onDemo()
		})
	})
}

// refreshDemo shows 删除示例数据 while demo records are left.
func (s *Screen) refreshDemo() {
	e := s.env
	e.Tasks.Run(func() {
		d, err := e.Store.DemoRecords()
		fyne.Do(func() {
			if err != nil {
				e.Log.Warn("read the demo records", "err", err)
			}
			if err == nil && !d.Empty() {
				s.removeDemo.Show()
			} else {
				s.removeDemo.Hide()
			}
		})
	})
}

func (s *Screen) onRemoveDemo() {
	ui.Confirm(s.env.Win, "删除示例数据", "要删除示例数据加的群、资源和成员吗？\n你自己加的不会动；已经发过公告、做过交易的示例记录会留下。", "删除", s.removeDemoData)
}

func (s *Screen) removeDemoData() {
	s.removeDemo.Disable()
	e := s.env
	e.Tasks.Run(func() {
		removed, kept, err := e.Store.RemoveDemo()
		fyne.Do(func() {
			s.removeDemo.Enable()
			if err != nil {
				e.ShowError(err)
				return
			}
			text := fmt.Sprintf("√ 已删除 %d 条示例数据。", removed)
			if kept > 0 {
				text += fmt.Sprintf("另有 %d 条已经用在公告、交易或工单里，留下了。", kept)
			}
			s.setStatus(text)
			s.refreshDemo()
			s.onDemo()
		})
	})
}
