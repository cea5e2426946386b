package backup

import (
	"context"
	"io"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// newExportAllButton saves every record to one .xlsx workbook, a sheet per record type.
func (s *Screen) newExportAllButton() *widget.Button {
	return widget.NewButtonWithIcon("导出全部数据（Excel）…", theme.DocumentIcon(), s.onExportAll)
}

func (s *Screen) onExportAll() {
	e := s.env
	name := "群活全部数据-" + e.Now().In(e.Loc).Format("20060102") + ".xlsx"
	c := ui.NewFileChooser(e, ui.PurposeExport, ui.ChooseSave, []string{string(ui.FormatXLSX)}, s.exportAllTo)
	c.Show("导出全部数据", "", name)
}

// exportAllTo reads everything and writes the workbook off the UI goroutine.
func (s *Screen) exportAllTo(path string) {
	e := s.env
	loc := e.Loc
	e.RunWithProgress("导出全部数据", "正在把全部数据写入：\n"+path, func(ctx context.Context, _ ui.Report) error {
		all, err := sheet.LoadEverything(e.Store.WithContext(ctx))
		if err != nil {
			return err
		}
		return ui.WriteFile(path, func(w io.Writer) error { return sheet.WriteEverythingXLSX(w, all, loc) })
	}, func(err error) {
		switch {
		case ui.Cancelled(err):
			s.setStatus("导出已取消，没有留下文件。")
		case err != nil:
			e.Log.Error("export everything", "path", path, "err", err)
			ui.ShowMessage(e.Win, "没有导出成功", "写入文件时出错了。请确认文件没有在 Excel 或 WPS 里打开，磁盘也有空间，然后再试。")
		default:
			e.ShowSaved("已导出", "全部数据已导出到：\n"+path+"\n每类记录一张工作表（群、资源库、成员、供应商、公告记录等）。", path)
		}
	})
}
