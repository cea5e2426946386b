package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
