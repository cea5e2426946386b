package insight

import (
	"bytes"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insightchart"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// NoImageCopy says why the picture is saved rather than copied: Fyne 2.8's clipboard
// (fyne.Clipboard) holds text only, on every platform.
const NoImageCopy = "图片暂时不能直接复制到剪贴板（群活用的界面库只支持复制文字）。" +
	"请点「保存图片」，再在 QQ 群聊窗口点「图片」按钮，选中保存的图片发送。"

// reportDialog is the 本周群活力周报: the post to copy and the same numbers as a picture.
type reportDialog struct {
	s       *Screen
	post    qqpost.Built
	Preview *ui.PostPreview
	Picture *canvas.Image
	Save    *widget.Button
	Status  *widget.Label
	png     []byte // the picture, once drawn
}

func (s *Screen) onReport() {
	l := s.shown
	if l == nil {
		return
	}
	e := s.env
	r := qqpost.ActivityReport{Group: l.group, Insight: l.insight, Upcoming: l.upcoming, Now: e.Now(), Loc: e.Loc}
	if r.Group == "" {
		r.Group = "全部群"
	}
	text := qqpost.ActivityReportPost(r)
	d := &reportDialog{s: s, post: qqpost.Built{Kind: data.PostActivityReport, Text: text, Parts: qqpost.Split(text, qqpost.MaxPartRunes)}}
	if gid := s.GroupID(); gid != 0 {
		d.post.GroupID = &gid
	}
	post := d.post
	d.Preview = ui.NewPostPreview(e, func(int) { e.RecordCopied(post) })
	d.Preview.SetParts(post.Parts)
	d.Picture = canvas.NewImageFromResource(nil)
	d.Picture.FillMode = canvas.ImageFillContain
	d.Picture.SetMinSize(fyne.NewSize(300, 420))
	d.Save = widget.NewButtonWithIcon("保存图片", theme.DocumentSaveIcon(), d.onSave)
	d.Save.Disable()
	d.Status = widget.NewLabel("正在画周报图片…")
	d.Status.Wrapping = fyne.TextWrapBreak
	s.report = d
	note := widget.NewLabel(NoImageCopy)
	note.Wrapping = fyne.TextWrapBreak
	right := container.NewBorder(nil, container.NewVBox(d.Status, note, d.Save), nil, nil, d.Picture)
	split := container.NewHSplit(d.Preview.Content(), right)
	split.SetOffset(0.55)
	dlg := dialog.NewCustom("本周群活力周报", "关闭", split, e.Win)
	dlg.Resize(fyne.NewSize(900, 640))
	dlg.Show()
	ui.EscCloses(e.Win, dlg)
	card := qqpost.ActivityReportCard(r)
	e.Tasks.Run(func() {
		img, err := insightchart.Picture(card)
		var b []byte
		if err == nil {
			b, err = insightchart.PNG(img)
		}
		fyne.Do(func() {
			if err != nil {
				d.Status.SetText("周报图片没有画出来，文字版照样可以复制。")
				e.Log.Error("draw report picture", "err", err)
				return
			}
			d.png = b
			d.Picture.Image = img
			d.Picture.Refresh()
			d.Status.SetText("图片和左边的文字是同一份数字。")
			d.Save.Enable()
		})
	})
}

// Dialog is the 周报 last opened, for tests.
func (s *Screen) Dialog() *reportDialog { return s.report }

func (d *reportDialog) onSave() {
	e := d.s.env
	name := "群活力周报-" + e.Now().In(e.Loc).Format("20060102") + ".png"
	c := ui.NewFileChooser(e, ui.PurposeExport, ui.ChooseSave, []string{".png"}, d.savePicture)
	c.Show("保存周报图片", "", name)
}

// savePicture writes the picture to path off the UI goroutine and says where it went.
func (d *reportDialog) savePicture(path string) {
	e, b := d.s.env, d.png
	e.Tasks.Run(func() {
		err := ui.WriteFile(path, func(w io.Writer) error {
			_, err := io.Copy(w, bytes.NewReader(b))
			return err
		})
		fyne.Do(func() {
			if err != nil {
				e.Log.Error("save report picture", "path", path, "err", err)
				ui.ShowMessage(e.Win, "没有保存成功", "写入图片时出错了。请确认磁盘还有空间、文件夹可以写入，然后再试。")
				return
			}
			e.ShowSaved("已保存", "周报图片已保存到：\n"+path+"\n在 QQ 群聊窗口点「图片」按钮选它发送。", path)
		})
	})
}
