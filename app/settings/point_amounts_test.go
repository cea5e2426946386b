package settings

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data/points"
)

// The amounts show the defaults, refuse 0 and too many points at the reason's field,
// and once saved are what 记积分 fills in.
func TestPointAmountsSection(t *testing.T) {
	e := uitest.NewEnv(t)
	p := newPointAmounts(e)
	uitest.Show(e, p.content())
	p.refresh()
	if got := p.Amounts[points.Speak].Text; got != "20" {
		t.Fatalf("主讲分享会 shows %q, want the default 20", got)
	}
	if _, ok := p.Amounts[points.Other]; ok {
		t.Error("其他 has no amount of its own")
	}
	for _, tc := range []struct{ typed, want string }{
		{"0", "「帮助解答」不能是 0 分"},
		{"100001", "「帮助解答」最多 100000 分"},
		{"-5", "「帮助解答」请填正整数"},
		{"", "请填写「帮助解答」给多少分"},
	} {
		p.Amounts[points.Help].SetText(tc.typed)
		test.Tap(p.SaveButton)
		if got := p.Notes[amountKey(points.Help)].Text; !strings.Contains(got, tc.want) {
			t.Errorf("%q: the field says %q, want %q", tc.typed, got, tc.want)
		}
		if n, _ := e.Store.PointAmount(points.Help); n != 5 {
			t.Fatalf("%q was saved as %d", tc.typed, n)
		}
	}
	p.Amounts[points.Help].SetText("6")
	p.Amounts[points.Swap].SetText("4")
	test.Tap(p.SaveButton)
	if h, _ := e.Store.PointAmount(points.Help); h != 6 {
		t.Errorf("帮助解答 kept as %d", h)
	}
	if s, _ := e.Store.PointAmount(points.Swap); s != 4 || !strings.HasPrefix(p.status.Text, "√ 已保存") {
		t.Errorf("完成置换 kept as %d; status %q", s, p.status.Text)
	}
	again := newPointAmounts(e)
	again.refresh()
	if again.Amounts[points.Help].Text != "6" {
		t.Errorf("reopened, 帮助解答 shows %q", again.Amounts[points.Help].Text)
	}
}
