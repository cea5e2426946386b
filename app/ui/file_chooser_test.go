package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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
		names = append(names, e.name)
	}
	return names
}

func TestChooserOpensOnlySheets(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t, "价目表.xlsx", "旧表.CSV", "说明.txt", ".隐藏.csv")
	var got string
	c := NewFileChooser(e, PurposeImport, ChooseOpen, []string{".xlsx", ".csv"}, func(p string) { got = p })
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
	c := NewFileChooser(e, PurposeImport, ChooseOpen, nil, func(string) {})
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
	c := NewFileChooser(e, PurposeExport, ChooseSave, []string{".xlsx"}, func(p string) { got = p })
	c.Show("保存", dir, "新表")
	if e.Win.Canvas().Focused() != c.name {
		t.Error("the file name does not have the focus, so Enter does not save")
	}
	c.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got != filepath.Join(dir, "新表.xlsx") {
		t.Fatalf("saved to %q, want the extension added", got)
	}

	got = ""
	c = NewFileChooser(e, PurposeExport, ChooseSave, []string{".xlsx"}, func(p string) { got = p })
	c.Show("保存", dir, "资源索引表.xlsx")
	test.Tap(c.okButton)
	if got != "" {
		t.Fatal("replaced an existing file without asking")
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "替换"))
	if got != filepath.Join(dir, "资源索引表.xlsx") {
		t.Errorf("after 替换 chose %q", got)
	}

	c = NewFileChooser(e, PurposeExport, ChooseSave, nil, func(p string) { got = p })
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
	c := NewFileChooser(e, PurposeBackup, ChooseFolder, nil, func(p string) { got = p })
	c.Show("备份到", dir, "")
	if names := strings.Join(entryNames(c), ","); names != "上家表格" {
		t.Errorf("folder mode lists %q, want folders only", names)
	}
	test.Tap(c.okButton)
	if got != dir {
		t.Errorf("picked %q, want %q", got, dir)
	}
}

var sheetExts = []string{".xlsx", ".csv"}

// typePath types text into the chooser's path box and presses Enter.
func typePath(c *FileChooser, text string) {
	c.path.SetText("")
	test.Type(c.path, text)
	c.path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// ownerHome makes a home folder with Documents, where a chooser opens the first time.
func ownerHome(t *testing.T) (documents string) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	documents = filepath.Join(home, "Documents")
	if err := os.Mkdir(documents, 0o755); err != nil {
		t.Fatal(err)
	}
	return documents
}

func TestChooserPathBoxOpensATypedFolder(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t, "价目表.xlsx")
	other := folderWith(t, "成员名单.csv", "说明.txt")
	c := NewFileChooser(e, PurposeImport, ChooseOpen, sheetExts, func(string) {})
	c.Show("选择表格", dir, "")
	if c.path.Text != dir {
		t.Fatalf("the path box shows %q, want the folder %q", c.path.Text, dir)
	}

	// As Explorer's 复制为路径 pastes it: in quotes, with a space after.
	typePath(c, `"`+other+`" `)
	if c.dir != other || c.path.Text != other {
		t.Fatalf("after typing %q the chooser is in %q showing %q", other, c.dir, c.path.Text)
	}
	if names := strings.Join(entryNames(c), ","); names != "上家表格,成员名单.csv" {
		t.Errorf("lists %q", names)
	}

	typePath(c, "上家表格") // a name alone is a folder inside the one shown
	if c.dir != filepath.Join(other, "上家表格") {
		t.Errorf("a subfolder's name went to %q", c.dir)
	}
	test.Tap(c.goButton) // 前往 does what Enter does
	if c.dir != filepath.Join(other, "上家表格") || c.pathNote.Importance == widget.DangerImportance {
		t.Errorf("前往 on the folder shown: in %q, note %q", c.dir, c.pathNote.Text)
	}
}

func TestChooserPathBoxRefusesAMissingPath(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t, "价目表.xlsx")
	c := NewFileChooser(e, PurposeImport, ChooseOpen, sheetExts, func(string) {})
	c.Show("选择表格", dir, "")
	missing := filepath.Join(dir, "没有这个文件夹")
	typePath(c, missing)
	if c.dir != dir {
		t.Errorf("moved to %q for a path that does not exist", c.dir)
	}
	if c.path.Text != missing {
		t.Errorf("the path box lost what was typed: %q", c.path.Text)
	}
	if !strings.Contains(c.pathNote.Text, "找不到") || c.pathNote.Importance != widget.DangerImportance {
		t.Errorf("under the box: %q (importance %v), want a refusal", c.pathNote.Text, c.pathNote.Importance)
	}
	if HalfWidthMark(c.pathNote.Text) {
		t.Errorf("half-width punctuation in %q", c.pathNote.Text)
	}
	test.Type(c.path, "x") // correcting it takes the refusal away
	if c.pathNote.Text != pathHint {
		t.Errorf("after an edit the note says %q", c.pathNote.Text)
	}
	typePath(c, "  ")
	if !strings.Contains(c.pathNote.Text, "请先输入") {
		t.Errorf("an empty path: %q", c.pathNote.Text)
	}
}

func TestChooserPathBoxPicksAPastedFile(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t, "价目表.xlsx", "说明.txt")
	var got string
	c := NewFileChooser(e, PurposeImport, ChooseOpen, sheetExts, func(p string) { got = p })
	c.Show("选择表格", t.TempDir(), "")

	typePath(c, filepath.Join(dir, "说明.txt"))
	if got != "" || !strings.Contains(c.pathNote.Text, "不是 Excel 或 CSV 表格") {
		t.Fatalf("a .txt: chose %q, note %q", got, c.pathNote.Text)
	}
	typePath(c, filepath.Join(dir, "价目表.xlsx"))
	if got != filepath.Join(dir, "价目表.xlsx") {
		t.Errorf("a pasted sheet's path chose %q", got)
	}
}

func TestChooserPathBoxNamesTheFileWhenSaving(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t)
	var got string
	c := NewFileChooser(e, PurposeExport, ChooseSave, []string{".xlsx"}, func(p string) { got = p })
	c.Show("保存", t.TempDir(), "资源索引表.xlsx")
	typePath(c, filepath.Join(dir, "给群友的表.xlsx"))
	if c.dir != dir || c.name.Text != "给群友的表.xlsx" {
		t.Fatalf("in %q named %q", c.dir, c.name.Text)
	}
	test.Tap(c.okButton)
	if got != filepath.Join(dir, "给群友的表.xlsx") {
		t.Errorf("saved to %q", got)
	}
}

func TestCleanPath(t *testing.T) {
	home, _ := os.UserHomeDir()
	cwd := filepath.FromSlash("/data/群文件")
	tests := []struct{ in, want string }{
		{"", ""},
		{`  "/tmp/价目表"  `, "/tmp/价目表"},
		{"'/tmp/a b/'", "/tmp/a b"},
		{"「/tmp/a」", "/tmp/a"},
		{"file:///tmp/%E7%BE%A4%E6%96%87%E4%BB%B6", "/tmp/群文件"},
		{"~/Desktop", filepath.Join(home, "Desktop")},
		{"上家", filepath.Join(cwd, "上家")},
		{"..", filepath.Dir(cwd)},
		{"/tmp/./a/../b", "/tmp/b"},
	}
	for _, tt := range tests {
		if got := cleanPath(tt.in, cwd); got != filepath.FromSlash(tt.want) {
			t.Errorf("cleanPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := cleanPath("上家", ""); got != "" {
		t.Errorf("a relative path with no folder shown: %q", got)
	}
}

func TestChooserRemembersTheFolderPerPurpose(t *testing.T) {
	documents := ownerHome(t)
	e := newTestEnv(t)
	prices := folderWith(t, "价目表.xlsx")
	groupFiles := folderWith(t)

	imp := NewFileChooser(e, PurposeImport, ChooseOpen, sheetExts, func(string) {})
	imp.Show("导入", "", "")
	if imp.dir != documents {
		t.Fatalf("the first import opens in %q, want Documents %q", imp.dir, documents)
	}
	typePath(imp, prices)
	imp.fileList.Select(1)
	test.Tap(imp.okButton)

	var saved string
	exp := NewFileChooser(e, PurposeExport, ChooseSave, []string{".xlsx"}, func(p string) { saved = p })
	exp.Show("导出", "", "资源索引表")
	if exp.dir != documents {
		t.Fatalf("export opens in %q: it must not take the import's folder", exp.dir)
	}
	typePath(exp, groupFiles)
	test.Tap(exp.okButton)
	if saved != filepath.Join(groupFiles, "资源索引表.xlsx") {
		t.Fatalf("saved to %q", saved)
	}

	for purpose, want := range map[ChooserPurpose]string{PurposeImport: prices, PurposeExport: groupFiles, PurposeBackup: documents} {
		c := NewFileChooser(e, purpose, ChooseFolder, nil, func(string) {})
		c.Show("再来", "", "")
		if c.dir != want {
			t.Errorf("%s chooser opens in %q, want %q", purpose, c.dir, want)
		}
	}
	// In the database, so a -data folder carries it.
	if v, ok, err := e.Store.Setting(PurposeImport.settingKey()); err != nil || !ok || v != prices {
		t.Errorf("setting %s = %q %v %v", PurposeImport.settingKey(), v, ok, err)
	}

	// The folder was on a USB stick that is now out: back to Documents, quietly.
	if err := os.RemoveAll(prices); err != nil {
		t.Fatal(err)
	}
	c := NewFileChooser(e, PurposeImport, ChooseOpen, sheetExts, func(string) {})
	c.Show("导入", "", "")
	if c.dir != documents || c.pathNote.Importance == widget.DangerImportance {
		t.Errorf("with the remembered folder gone: in %q, note %q", c.dir, c.pathNote.Text)
	}
}

func TestChooserDropsAListingTheOwnerMovedOnFrom(t *testing.T) {
	e := newTestEnv(t)
	a, b := folderWith(t, "a.csv"), folderWith(t, "b.csv")
	c := NewFileChooser(e, PurposeImport, ChooseOpen, sheetExts, func(string) {})
	c.Show("导入", a, "")
	slow, fast := c.latest.Next(), c.latest.Next()
	c.applyListing(fast, b, []fileEntry{{name: "b.csv"}}, nil)
	c.applyListing(slow, a, []fileEntry{{name: "a.csv"}}, nil)
	if c.dir != b || c.path.Text != b {
		t.Errorf("a late listing of %q replaced the newer one: in %q", a, c.dir)
	}
}

func TestChooserListsWithRealGoroutines(t *testing.T) {
	e := newTestEnv(t)
	e.Tasks.Inline = false
	dir := folderWith(t, "价目表10.xlsx", "价目表2.xlsx")
	c := NewFileChooser(e, PurposeImport, ChooseOpen, sheetExts, func(string) {})
	c.Show("导入", dir, "")
	e.Tasks.Wait()
	// Not typePath: the test driver runs fyne.Do on the working goroutine, so the
	// entry's own Enter handling would overlap the listing it starts.
	c.path.SetText(filepath.Join(dir, "上家表格"))
	c.onPathSubmitted(c.path.Text)
	e.Tasks.Wait()
	if c.dir != filepath.Join(dir, "上家表格") {
		t.Fatalf("the typed folder: in %q", c.dir)
	}
	test.Tap(c.upButton)
	e.Tasks.Wait()
	if names := strings.Join(entryNames(c), ","); c.dir != dir || names != "上家表格,价目表2.xlsx,价目表10.xlsx" {
		t.Errorf("in %q listing %q, want numbers in a name read as numbers", c.dir, names)
	}
}

func TestChooserSaysWhyAFolderLooksEmpty(t *testing.T) {
	e := newTestEnv(t)
	dir := folderWith(t, "说明.txt")
	c := NewFileChooser(e, PurposeImport, ChooseOpen, sheetExts, func(string) {})
	c.Show("导入", filepath.Join(dir, "上家表格"), "")
	if c.empty.Hidden || !strings.Contains(c.empty.Text, "没有 Excel、CSV 表格") {
		t.Errorf("an empty folder says %q (hidden %v)", c.empty.Text, c.empty.Hidden)
	}
	test.Tap(c.upButton)
	if !c.empty.Hidden {
		t.Errorf("a folder with a subfolder still says %q", c.empty.Text)
	}
}

// HalfWidthMark reports a half-width ，；：（）？！ next to a Chinese character.
func HalfWidthMark(s string) bool {
	rs := []rune(s)
	for i, r := range rs {
		if !strings.ContainsRune(",;:()?!", r) {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(rs) && rs[j] >= 0x4e00 && rs[j] <= 0x9fff {
				return true
			}
		}
	}
	return false
}

func TestChooserMarksThePlaceShown(t *testing.T) {
	documents := ownerHome(t)
	e := newTestEnv(t)
	c := NewFileChooser(e, PurposeImport, ChooseOpen, sheetExts, func(string) {})
	c.Show("导入", "", "")
	bold := map[string]bool{}
	for id, p := range c.places {
		l := widget.NewLabel("")
		c.updatePlaceRow(id, l)
		bold[p.name] = l.TextStyle.Bold
	}
	if !bold["文档"] || bold["主目录"] || c.dir != documents {
		t.Errorf("in %q the places in bold are %v, want 文档 alone", c.dir, bold)
	}
}
