package ui

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// SheetFormat is the kind of file an export writes.
type SheetFormat string

const (
	FormatXLSX SheetFormat = ".xlsx"
	FormatCSV  SheetFormat = ".csv"
)

// sheetWriter writes the catalog as one kind of sheet.
type sheetWriter func(w io.Writer, rs []data.Resource, now time.Time, loc *time.Location) error

func indexWriter(f SheetFormat) sheetWriter {
	if f == FormatCSV {
		return sheet.WriteIndexCSV
	}
	return sheet.WriteIndexXLSX
}

func catalogWriter(f SheetFormat) sheetWriter {
	write := sheet.WriteCatalogXLSX
	if f == FormatCSV {
		write = sheet.WriteCatalogCSV
	}
	return func(w io.Writer, rs []data.Resource, _ time.Time, loc *time.Location) error {
		return write(w, rs, loc)
	}
}

// ExportIndex saves the 资源索引表 (what is on sale) for 群文件.
func ExportIndex(e *Env, groupName string, f SheetFormat) {
	name := "资源索引表"
	if groupName != "" {
		name += "-" + groupName
	}
	saveSheet(e, name+"-"+e.Now().In(e.Loc).Format("20060102")+string(f), f, indexWriter(f))
}

// ExportCatalog saves every resource with every field, to edit in Excel and import back.
func ExportCatalog(e *Env, f SheetFormat) {
	saveSheet(e, "资源库-"+e.Now().In(e.Loc).Format("20060102")+string(f), f, catalogWriter(f))
}

// saveSheet asks where to save, then loads the catalog and writes it off the UI goroutine.
func saveSheet(e *Env, fileName string, f SheetFormat, write sheetWriter) {
	c := NewFileChooser(e, PurposeExport, ChooseSave, []string{string(f)}, func(path string) {
		e.Tasks.Run(func() { writeSheet(e, path, write) })
	})
	c.Show("保存表格", "", fileName)
}

// writeSheet writes the sheet to path; a failure leaves no half-written file behind.
func writeSheet(e *Env, path string, write sheetWriter) {
	err := WriteFile(path, func(w io.Writer) error {
		rs, err := e.Store.Resources()
		if err != nil {
			return err
		}
		return write(w, rs, e.Now(), e.Loc)
	})
	fyne.Do(func() {
		if err != nil {
			e.Log.Error("export sheet", "path", path, "err", err)
			ShowMessage(e.Win, "没有保存成功", "写入文件时出错了。请确认文件没有在 Excel 或 WPS 里打开，磁盘也有空间，然后再试。")
			return
		}
		e.ShowSaved("已保存", "已保存到：\n"+path+"\n可以上传到 QQ 群的「群文件」，方便成员自己查找。", path)
	})
}

// WriteFile writes to a temporary file beside path and renames it into place, so an
// error halfway (disk full, file open in Excel) never destroys what was there.
func WriteFile(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".qunhuo-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
