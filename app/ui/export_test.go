package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/data"
)

func TestExportIndexAsCSVWithBOM(t *testing.T) {
	e := newTestEnv(t)
	r, err := (&data.ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "58", Redeem: "直充"}).Parse(nil, e.Now(), e.Loc)
	if err == nil {
		err = e.Store.SaveResource(&r)
	}
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "资源索引表.csv")
	writeSheet(e, path, indexWriter(FormatCSV))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Errorf("CSV does not start with a BOM: % x", b[:min(len(b), 8)])
	}
	if !strings.Contains(string(b), "王者荣耀点券 60元") || !strings.Contains(uifind.OverlayText(e.Win), "已保存到") {
		t.Errorf("file or message wrong: %q / %q", b, uifind.OverlayText(e.Win))
	}
}

func TestExportOffersToOpenTheFolder(t *testing.T) {
	documents := ownerHome(t)
	e := newTestEnv(t)
	var opened []string
	openFolder = func(dir string) error { opened = append(opened, dir); return nil }
	t.Cleanup(func() { openFolder = OpenFolder })

	ExportIndex(e, "王者群", FormatCSV)
	test.Tap(uifind.OverlayButton(t, e.Win, "保存"))
	path := filepath.Join(documents, "资源索引表-王者群-20261126.csv")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("nothing saved at %s: %v", path, err)
	}
	if text := uifind.OverlayText(e.Win); !strings.Contains(text, path) || HalfWidthMark(text) {
		t.Errorf("the message says %q", text)
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "打开所在文件夹"))
	if len(opened) != 1 || opened[0] != documents {
		t.Errorf("opened %q, want the folder %q", opened, documents)
	}
	if e.Win.Canvas().Overlays().Top() != nil {
		t.Error("the message stays after opening the folder")
	}
	if dir, _, _ := e.Store.Setting(PurposeExport.settingKey()); dir != documents {
		t.Errorf("the export folder remembered is %q", dir)
	}
}

func TestExportSaysWhereTheFolderIsWhenItCannotOpenIt(t *testing.T) {
	e := newTestEnv(t)
	openFolder = func(string) error { return errors.New("xdg-open: not found") }
	t.Cleanup(func() { openFolder = OpenFolder })
	path := filepath.Join(t.TempDir(), "资源库.csv")
	writeSheet(e, path, catalogWriter(FormatCSV))
	test.Tap(uifind.OverlayButton(t, e.Win, "打开所在文件夹"))
	if text := uifind.OverlayText(e.Win); !strings.Contains(text, "请自己在文件管理器里打开") || !strings.Contains(text, filepath.Dir(path)) {
		t.Errorf("after a failed open the owner reads %q", text)
	}
}
