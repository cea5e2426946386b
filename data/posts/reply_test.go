package posts

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

func TestGoldenReplyAndRestock(t *testing.T) {
	rs := catalog()
	known := []string{"2851234567"}
	since := func(h int) time.Time { return fixedNow.Add(-time.Duration(h) * time.Hour).UTC() }
	board := []data.DemandLine{
		{ItemKey: "原神月卡", CategoryID: catGame.ID, MemberIDs: []uint{1, 2, 3}, NoStock: 2, Oldest: since(50)},
		{ItemKey: "爱奇艺年卡", CategoryID: catVideo.ID, MemberIDs: []uint{4, 5}, NoStock: 1, Oldest: since(5)},
		{ItemKey: "王者荣耀点券", CategoryID: catGame.ID, MemberIDs: []uint{6}, NoStock: 1, Oldest: since(2)},
		{ItemKey: "王者荣耀皮肤", CategoryID: catGame.ID, MemberIDs: []uint{8}, Oldest: since(1)}, // waiting: perhaps in stock
		{ItemKey: "星巴克券", MemberIDs: []uint{7}, NoStock: 1, Oldest: since(1)},
	}
	for _, tc := range []struct {
		name   string
		render func() (string, error)
	}{
		{"reply", func() (string, error) {
			rp := BuildReply(group, "小明", "求王者点券", byName(rs, "王者荣耀 点券60"), fixedNow, cst)
			return RenderReply(Default(data.PostReply), rp, known)
		}},
		{"reply_limited", func() (string, error) {
			rp := BuildReply(group, "广州-橘猫", "有没有原神月卡", byName(rs, "原神 空月祝福"), fixedNow, cst)
			return RenderReply(Default(data.PostReply), rp, known)
		}},
		{"reply_plain", func() (string, error) { // no original price, no redeem, a QQ number as the name
			rp := BuildReply(group, "2851234567", "求网易云", byName(rs, "网易云音乐黑胶VIP 月卡"), fixedNow, cst)
			return RenderReply(Default(data.PostReply), rp, known)
		}},
		{"restock", func() (string, error) {
			return RenderRestock(Default(data.PostRestock), BuildRestock(group, allCats, board, fixedNow, cst), known)
		}},
		{"restock_empty", func() (string, error) {
			return RenderRestock(Default(data.PostRestock), BuildRestock(group, allCats, nil, fixedNow, cst), known)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.render()
			if err != nil {
				t.Fatal(err)
			}
			assertGolden(t, tc.name, got)
		})
	}
}

// The spec's example: one line, full-width punctuation, the @ first.
func TestReplyReadsAsAskedFor(t *testing.T) {
	r := res(1, catGame, "王者荣耀点券", 5500, 0, redeem("官方直充"))
	got, err := RenderReply(Default(data.PostReply), BuildReply(group, "小明", "求王者点券", r, fixedNow, cst), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "@小明 你要的 王者荣耀点券 有货：¥55，兑换方式：官方直充，私聊我下单~"; got != want {
		t.Fatalf("reply\n got %q\nwant %q", got, want)
	}
}

func TestReplyAndRestockTemplates(t *testing.T) {
	for _, kind := range []data.PostKind{data.PostReply, data.PostRestock} {
		if err := Check(kind, Default(kind)); err != nil {
			t.Errorf("%s default: %v", kind, err)
		}
		if Fields(kind) == nil {
			t.Errorf("%s has no field help", kind)
		}
		if _, err := SamplePreview(kind, nil).Render(Default(kind)); err != nil {
			t.Errorf("%s preview: %v", kind, err)
		}
	}
	// The reply is edited in the owner's mode like the other posts.
	p, err := PartsOf(data.PostReply, Default(data.PostReply))
	if err != nil {
		t.Fatalf("the default reply cannot be shown as parts: %v", err)
	}
	if !strings.Contains(p.Text[PartResource], "@{称呼} 你要的 {名称} 有货：{价格}[（原价{原价}）][，兑换方式：{兑换方式}]") {
		t.Fatalf("reply part %q", p.Text[PartResource])
	}
	p.Text[PartResource] = "@{称呼} {名称} 有的，{价格}[，{兑换方式}]"
	body, err := p.Template()
	if err != nil {
		t.Fatal(err)
	}
	got, err := RenderReply(body, BuildReply(group, "小明", "", res(1, catGame, "王者荣耀点券", 5500, 0), fixedNow, cst), nil)
	if err != nil || got != "@小明 王者荣耀点券 有的，¥55" {
		t.Fatalf("owner's reply = %q, %v", got, err)
	}
	p.Text[PartResource] = "@{称呼} {不认识}"
	if _, err := p.Template(); err == nil {
		t.Fatal("an unknown placeholder was accepted")
	}
}
