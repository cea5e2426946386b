package app

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// sheetFormat is the kind of file an export writes.
type sheetFormat string

const (
	formatXLSX sheetFormat = ".xlsx"
	formatCSV  sheetFormat = ".csv"
)

// sheetWriter writes the catalog as one kind of sheet.
type sheetWriter func(w io.Writer, rs []data.Resource, now time.Time, loc *time.Location) error

func indexWriter(f sheetFormat) sheetWriter {
	if f == formatCSV {
		return sheet.WriteIndexCSV
	}
	return sheet.WriteIndexXLSX
}

func catalogWriter(f sheetFormat) sheetWriter {
	write := sheet.WriteCatalogXLSX
	if f == formatCSV {
		write = sheet.WriteCatalogCSV
	}
	return func(w io.Writer, rs []data.Resource, _ time.Time, loc *time.Location) error {
		return write(w, rs, loc)
	}
}

// exportIndex saves the 资源索引表 (what is on sale) for 群文件.
func exportIndex(e *env, groupName string, f sheetFormat) {
	name := "资源索引表"
	if groupName != "" {
		name += "-" + groupName
	}
	saveSheet(e, name+"-"+e.now().In(e.loc).Format("20060102")+string(f), f, indexWriter(f))
}

// exportCatalog saves every resource with every field, to edit in Excel and import back.
func exportCatalog(e *env, f sheetFormat) {
	saveSheet(e, "资源库-"+e.now().In(e.loc).Format("20060102")+string(f), f, catalogWriter(f))
}

// saveSheet asks where to save, then loads the catalog and writes it off the UI goroutine.
func saveSheet(e *env, fileName string, f sheetFormat, write sheetWriter) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showMessage(e.win, "不能保存到这里", "请换一个文件夹(比如桌面或「文档」)再试。")
			return
		}
		if w == nil {
			return // cancelled
		}
		e.tasks.run(func() { writeSheet(e, w, write) })
	}, e.win)
	d.SetFileName(fileName)
	d.SetFilter(storage.NewExtensionFileFilter([]string{string(f)}))
	if l := startFolder(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func writeSheet(e *env, w fyne.URIWriteCloser, write sheetWriter) {
	rs, err := e.store.Resources()
	if err == nil {
		err = write(w, rs, e.now(), e.loc)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	path := w.URI().Path()
	fyne.Do(func() {
		if err != nil {
			showMessage(e.win, "没有保存成功", "写入文件时出错了。请确认文件没有在 Excel/WPS 里打开,磁盘也有空间,然后再试。")
			return
		}
		showMessage(e.win, "已保存", "已保存到:\n"+path+"\n可以上传到QQ群的「群文件」,方便成员自己查找。")
	})
}

// startFolder is where file dialogs open: the Documents folder, else home.
func startFolder() fyne.ListableURI {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	for _, dir := range []string{filepath.Join(home, "Documents"), filepath.Join(home, "文档"), home} {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			return l
		}
	}
	return nil
}
