package importer

import (
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

// The owner checks a member list by QQ number: two members may share a nickname, and
// this screen is the owner's own, so the number is shown in full (posts mask it).
func TestMemberPreviewShowsEveryQQNumberInFull(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	path := writeGBK(t, "QQ号,昵称,群名片\r\n"+
		"2876543210,小鱼儿,小鱼-王者代充\r\n"+
		"1029266057,温柔的西瓜,\r\n"+
		"55667788,,\r\n"+
		"12ab,坏号码,\r\n")
	w := readImport(e, &memberImport{group: g}, path, nil)
	if w == nil {
		t.Fatalf("refused: %s", uifind.OverlayText(e.Win))
	}
	for line, want := range map[int]string{
		2: "小鱼-王者代充（QQ 2876543210）",
		3: "温柔的西瓜（QQ 1029266057）",
		4: "QQ 55667788",
		5: "坏号码（QQ 12ab）：", // then why the number is refused
	} {
		if _, got := previewRow(t, w, line); got != want && (line != 5 || !strings.HasPrefix(got, want)) {
			t.Errorf("row %d shows %q, want %q", line, got, want)
		}
	}
}

// A resource is known by its name alone: its preview is not changed.
func TestResourcePreviewShowsTheNameOnce(t *testing.T) {
	e := uitest.NewEnv(t)
	path := writeGBK(t, "商品名称,售价\r\n腾讯视频VIP月卡,15\r\n")
	w := openImport(t, e, path, nil)
	if _, got := previewRow(t, w, 2); got != "腾讯视频VIP月卡" {
		t.Errorf("row 2 shows %q", got)
	}
}
