package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
)

// folderWith makes a folder holding a subfolder and a few files.
func folderWith(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "上家表格"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func entryNames(c *FileChooser) []string {
	var names []string
	for _, e := range c.entries {
		names = append(names, e.Name())
	}
	return names
}

func TestChooserOpensOnlySheets(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t, "价目表.xlsx", "旧表.CSV", "说明.txt", ".隐藏.csv")
	var got string
	c := NewFileChooser(e, ChooseOpen, []string{".xlsx", ".csv"}, func(p string) { got = p })
	c.Show("选择表格", dir, "")

	if names := strings.Join(entryNames(c), ","); names != "上家表格,价目表.xlsx,旧表.CSV" {
		t.Fatalf("lists %q, want the folder first, then the sheets, no hidden files", names)
	}
	if !c.okButton.Disabled() {
		t.Error("打开 should wait for a file")
	}
	c.fileList.Select(1)
	test.Tap(c.okButton)
	if got != filepath.Join(dir, "价目表.xlsx") {
		t.Errorf("chose %q", got)
	}
	for _, text := range []string{uifind.OverlayText(e.Win), uifind.ButtonTexts(e.Win.Canvas().Overlays().Top())} {
		for _, english := range []string{"Home", "Computer", "Open", "Cancel", "Documents"} {
			if strings.Contains(text, english) {
				t.Errorf("the chooser shows English %q", english)
			}
		}
	}
}

func TestChooserEntersFoldersAndGoesUp(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t)
	c := NewFileChooser(e, ChooseOpen, nil, func(string) {})
	c.Show("选择", dir, "")
	c.fileList.Select(0)
	if c.dir != filepath.Join(dir, "上家表格") {
		t.Fatalf("after choosing the folder, in %q", c.dir)
	}
	test.Tap(c.upButton)
	if c.dir != dir {
		t.Errorf("上一级 went to %q, want %q", c.dir, dir)
	}
}

func TestChooserSavesWithExtensionAndAsksBeforeReplacing(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t, "资源索引表.xlsx")
	var got string
	c := NewFileChooser(e, ChooseSave, []string{".xlsx"}, func(p string) { got = p })
	c.Show("保存", dir, "新表")
	test.Tap(c.okButton)
	if got != filepath.Join(dir, "新表.xlsx") {
		t.Fatalf("saved to %q, want the extension added", got)
	}

	got = ""
	c = NewFileChooser(e, ChooseSave, []string{".xlsx"}, func(p string) { got = p })
	c.Show("保存", dir, "资源索引表.xlsx")
	test.Tap(c.okButton)
	if got != "" {
		t.Fatal("replaced an existing file without asking")
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "替换"))
	if got != filepath.Join(dir, "资源索引表.xlsx") {
		t.Errorf("after 替换 chose %q", got)
	}

	c = NewFileChooser(e, ChooseSave, nil, func(p string) { got = p })
	c.Show("保存", dir, "a/b")
	test.Tap(c.okButton)
	if !strings.Contains(c.problem.Text, "不能有") {
		t.Errorf("a name with / was not refused: %q", c.problem.Text)
	}
}

func TestChooserPicksFolder(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t, "a.csv")
	var got string
	c := NewFileChooser(e, ChooseFolder, nil, func(p string) { got = p })
	c.Show("备份到", dir, "")
	if names := strings.Join(entryNames(c), ","); names != "上家表格" {
		t.Errorf("folder mode lists %q, want folders only", names)
	}
	test.Tap(c.okButton)
	if got != dir {
		t.Errorf("picked %q, want %q", got, dir)
	}
}
