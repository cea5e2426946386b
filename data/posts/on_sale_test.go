package posts

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

func TestCheckOnSaleExplainsWhyNot(t *testing.T) {
	rs := catalog()
	tests := []struct {
		name    string
		state   data.ResourceState
		byStock bool
		says    []string
	}{
		{"王者荣耀 点券60", data.StateOnSale, false, nil},
		{"和平精英 UC300", data.StateOnSale, false, nil},
		{"Steam钱包 50元", data.StateSoldOut, true, []string{"库存为 0，已按售罄处理。补货后把库存改成大于 0 再发上新。"}},
		{"英雄联盟 点券1000", data.StateSoldOut, false, []string{"已标为售罄", "状态改回上架"}},
		{"优酷VIP 周卡", data.StateExpired, false, []string{"11-20 23:59", "已经过了", "截止时间改到以后"}},
		{"蛋仔派对 彩虹币", data.StateUpcoming, false, []string{"12-01 10:00", "才开售"}},
		{"QQ音乐豪华绿钻", data.StateOffShelf, false, []string{"已下架", "重新上架"}},
		{"滴滴打车 券包", data.StateInvalid, false, []string{"已标为失效"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckOnSale(byName(rs, tt.name), fixedNow, cst)
			if tt.state == data.StateOnSale {
				if err != nil {
					t.Fatalf("CheckOnSale = %v, want nil", err)
				}
				return
			}
			var ns *NotOnSaleError
			if !errors.As(err, &ns) {
				t.Fatalf("CheckOnSale = %v, want a *NotOnSaleError", err)
			}
			if ns.State != tt.state || ns.ByStock != tt.byStock || ns.Name != tt.name {
				t.Errorf("got state %s byStock %v name %q", ns.State, ns.ByStock, ns.Name)
			}
			if !strings.HasPrefix(ns.Error(), "「"+tt.name+"」") {
				t.Errorf("%q does not start by naming the resource", ns.Error())
			}
			for _, s := range tt.says {
				if !strings.Contains(ns.Error(), s) {
					t.Errorf("%q does not say %q", ns.Error(), s)
				}
			}
		})
	}
}

// A 上新 post is refused for anything that cannot be bought now, before anything is
// read from the store, and made for what is on sale.
func TestBuildNewStockPostRefusesWhatIsNotOnSale(t *testing.T) {
	store, err := data.Open(filepath.Join(t.TempDir(), data.DatabaseFile),
		data.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	rs := catalog()
	for _, name := range []string{"Steam钱包 50元", "英雄联盟 点券1000", "优酷VIP 周卡", "蛋仔派对 彩虹币", "QQ音乐豪华绿钻", "滴滴打车 券包"} {
		post, err := BuildNewStockPost(store, &group, byName(rs, name), fixedNow, cst)
		var ns *NotOnSaleError
		if !errors.As(err, &ns) || post.Text != "" {
			t.Errorf("%s: post %q, error %v; want no post and a *NotOnSaleError", name, post.Text, err)
		}
	}
	post, err := BuildNewStockPost(store, &group, byName(rs, "爱奇艺黄金会员 年卡"), fixedNow, cst)
	if err != nil || !strings.Contains(post.Text, "爱奇艺黄金会员 年卡") {
		t.Errorf("on sale: post %q, error %v", post.Text, err)
	}
}

func TestNotOnSaleLinesPutsEachSentenceOnItsLine(t *testing.T) {
	err := CheckOnSale(byName(catalog(), "Steam钱包 50元"), fixedNow, cst).(*NotOnSaleError)
	if got, want := err.Lines(), "「Steam钱包 50元」库存为 0，已按售罄处理。\n补货后把库存改成大于 0 再发上新。"; got != want {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}
