package posts

import (
	"fmt"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The fixtures every post test shares: a fixed clock in China Standard Time and a
// catalog the way a real 卡盟 group has it.
var (
	cst      = time.FixedZone("CST", 8*3600)
	fixedNow = time.Date(2026, 11, 26, 10, 0, 0, 0, cst)
	group    = data.Group{ID: 1, Name: "星河卡盟", Number: "812345678"}
)

var (
	catGame  = data.Category{ID: 1, Name: "游戏类", Position: 1}
	catVideo = data.Category{ID: 2, Name: "影音类", Position: 2}
	catLife  = data.Category{ID: 3, Name: "生活类", Position: 3}
	catPhone = data.Category{ID: 4, Name: "话费类", Position: 4}
	catStudy = data.Category{ID: 5, Name: "学习类", Position: 5}
	allCats  = []data.Category{catGame, catVideo, catLife, catPhone, catStudy}
)

// at is a moment in China Standard Time, stored in UTC as the store keeps it.
func at(year int, month time.Month, day, hour, min int) *time.Time {
	t := time.Date(year, month, day, hour, min, 0, 0, cst).UTC()
	return &t
}

// res builds an on-sale resource with unlimited stock; options adjust it.
func res(id uint, cat data.Category, name string, priceCents, originalCents int64, opts ...func(*data.Resource)) data.Resource {
	r := data.Resource{
		ID: id, Name: name, CategoryID: cat.ID, Category: cat,
		PriceCents: priceCents, OriginalPriceCents: originalCents,
		Unlimited: true, Status: data.StatusOnSale,
	}
	for _, o := range opts {
		o(&r)
	}
	return r
}

func redeem(s string) func(*data.Resource) { return func(r *data.Resource) { r.Redeem = s } }
func stock(n int) func(*data.Resource) {
	return func(r *data.Resource) { r.Stock, r.Unlimited = n, false }
}
func until(t *time.Time) func(*data.Resource) { return func(r *data.Resource) { r.ValidUntil = t } }
func from(t *time.Time) func(*data.Resource)  { return func(r *data.Resource) { r.ValidFrom = t } }
func notes(s string) func(*data.Resource)     { return func(r *data.Resource) { r.Notes = s } }
func status(s data.ResourceStatus) func(*data.Resource) {
	return func(r *data.Resource) { r.Status = s }
}

// catalog is a realistic catalog at fixedNow: on sale, discounted, 限时 (this year and
// next), free, unlimited and counted stock, and everything the index must leave out:
// 售罄 (set and by stock), 下架, 失效, expired and upcoming.
func catalog() []data.Resource {
	return []data.Resource{
		res(1, catGame, "王者荣耀 点券60", 550, 600, redeem("官方直充")),
		res(2, catGame, "和平精英 UC300", 2800, 3000, redeem("官方直充"), stock(12)),
		res(3, catGame, "原神 空月祝福", 2500, 3000, redeem("UID代充"), until(at(2026, 11, 30, 23, 59))),
		res(4, catGame, "英雄联盟 点券1000", 9500, 10000, status(data.StatusSoldOut)),
		res(5, catGame, "Steam钱包 50元", 4500, 5000, redeem("卡密自动发货"), stock(0)),
		res(6, catGame, "蛋仔派对 彩虹币", 600, 0, from(at(2026, 12, 1, 10, 0)), stock(50)),
		res(7, catVideo, "腾讯视频VIP 月卡", 1500, 3000, redeem("激活码")),
		res(8, catVideo, "爱奇艺黄金会员 年卡", 11800, 24800, redeem("手机号直充"),
			until(at(2026, 12, 31, 23, 59)), stock(8),
			notes("支持电视端投屏。下单后5分钟内到账，有问题找客服QQ 2851234567")),
		res(9, catVideo, "优酷VIP 周卡", 500, 1000, until(at(2026, 11, 20, 23, 59))),
		res(10, catVideo, "B站大会员 月卡", 2500, 2500, redeem("激活码")),
		res(11, catVideo, "网易云音乐黑胶VIP 月卡", 990, 0),
		res(12, catVideo, "QQ音乐豪华绿钻", 1200, 1800, status(data.StatusOffShelf)),
		res(13, catLife, "美团外卖 满25减20红包", 300, 0, redeem("链接领取"), stock(30)),
		res(14, catLife, "瑞幸咖啡 9.9元券", 690, 990, until(at(2027, 1, 5, 23, 59))),
		res(15, catLife, "滴滴打车 券包", 500, 1500, status(data.StatusInvalid)),
		res(16, catLife, "肯德基 早餐兑换券", 0, 1200, redeem("群内抽奖"), stock(3)),
		res(17, catPhone, "移动话费 100元", 9650, 10000, redeem("手机号直充")),
		res(18, catPhone, "联通话费 50元 快充", 4850, 5000, redeem("手机号直充")),
		res(19, catPhone, "电信话费 200元", 19300, 20000, stock(0)),
		res(20, catStudy, "四级真题网课", 1990, 9900, status(data.StatusOffShelf)),
	}
}

// byName finds a resource of the catalog.
func byName(rs []data.Resource, name string) data.Resource {
	for _, r := range rs {
		if r.Name == name {
			return r
		}
	}
	panic("no resource " + name)
}

// bigCatalog is the catalog of a big 卡盟: every game in every amount, every video
// site in every length, and so on, all on sale.
func bigCatalog() []data.Resource {
	var rs []data.Resource
	add := func(cat data.Category, names []string, sizes []string, base int64, opts ...func(*data.Resource)) {
		for i, n := range names {
			for j, s := range sizes {
				price := base * int64(j+1) * int64(10+i) / 10
				rs = append(rs, res(uint(len(rs)+1), cat, n+" "+s, price, price*6/5, opts...))
			}
		}
	}
	add(catGame, []string{"王者荣耀 点券", "和平精英 UC", "原神 创世结晶", "英雄联盟 点券",
		"穿越火线 CF点", "崩坏星穹铁道 古老梦华", "梦幻西游 点卡", "蛋仔派对 彩虹币"},
		[]string{"60", "300", "680", "1280"}, 550, redeem("官方直充"))
	add(catVideo, []string{"腾讯视频VIP", "爱奇艺黄金会员", "优酷VIP", "芒果TV会员",
		"B站大会员", "网易云音乐黑胶VIP", "QQ音乐豪华绿钻", "喜马拉雅VIP"},
		[]string{"周卡", "月卡", "季卡", "年卡"}, 600, redeem("激活码"))
	add(catLife, []string{"美团外卖红包", "饿了么红包", "瑞幸咖啡券", "肯德基套餐券"},
		[]string{"小额", "中额", "大额"}, 300, until(at(2026, 12, 31, 23, 59)))
	for i, op := range []string{"移动", "联通", "电信"} {
		for _, yuan := range []int64{30, 50, 100, 200} {
			cents := yuan * 100
			rs = append(rs, res(uint(len(rs)+1), catPhone, fmt.Sprintf("%s话费 %d元", op, yuan),
				cents*(96+int64(i))/100, cents, redeem("手机号直充")))
		}
	}
	return rs
}
