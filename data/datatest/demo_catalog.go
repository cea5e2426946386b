package datatest

import "fmt"

// The demo catalog: products an owner of a 卡盟 group really sells, each in several
// face values, area or platform variants and listing prefixes, so that even BigDemo's
// 20,000 names are unique and still read like a real shop's.

// demoFace is one face value of a product: its label in the name and its value in 元,
// which becomes the original price.
type demoFace struct {
	label string
	yuan  int
}

// demoProduct is one thing sold in several faces and variants.
type demoProduct struct {
	name     string
	glued    bool // face written right after the name: 腾讯视频VIP月卡, not 腾讯视频VIP 月卡
	tags     []string
	faces    []demoFace
	variants []string
	redeems  []string // 兑换方式 it is sold with
	discount [2]int   // price as a percentage of the face value, from..to
}

// demoCategory is a default category with its products and listing prefixes.
type demoCategory struct {
	name     string
	share    int // percent of the demo's resources
	prefixes []string
	packs    []int // how many come in one listing (批发): 1, 2, 5…
	products []demoProduct
}

// faces labels yuan values with format, such as "%d元".
func faces(format string, yuans ...int) []demoFace {
	fs := make([]demoFace, len(yuans))
	for i, y := range yuans {
		fs[i] = demoFace{label: fmt.Sprintf(format, y), yuan: y}
	}
	return fs
}

// memberships is the usual ladder of a membership whose month costs month 元.
func memberships(month int) []demoFace {
	return []demoFace{
		{"周卡", month * 3 / 10}, {"月卡", month}, {"季卡", month * 27 / 10},
		{"半年卡", month * 5}, {"年卡", month * 9},
	}
}

var (
	tencentAreas = []string{"安卓QQ区", "安卓微信区", "iOS QQ区", "iOS微信区"}
	mihoyoAreas  = []string{"官服", "B服", "iOS"}
	neteaseAreas = []string{"安卓官服", "iOS", "渠道服"}
	pcAreas      = []string{"电信区", "网通区"}
	gameRedeems  = []string{"直充", "卡密", "账号代充"}
	videoAreas   = []string{"手机端", "电视端", "全端通用", "官方直充", "可叠加"}
	videoRedeems = []string{"激活码", "兑换码", "账号代充", "直充", "卡密"}
	cities       = []string{"全国通用", "北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京"}
	lifeRedeems  = []string{"兑换码", "卡密", "激活码"}
	provinces    = []string{"全国", "广东", "江苏", "浙江", "山东", "河南", "四川", "湖北", "湖南", "福建", "北京", "上海"}
)

func game(name string, tags []string, fs []demoFace, areas []string) demoProduct {
	return demoProduct{name: name, tags: tags, faces: fs, variants: areas, redeems: gameRedeems, discount: [2]int{82, 97}}
}

func video(name string, tags []string, month int) demoProduct {
	return demoProduct{name: name, glued: true, tags: tags, faces: memberships(month), variants: videoAreas,
		redeems: videoRedeems, discount: [2]int{30, 75}}
}

func life(name string, tags []string, fs []demoFace, discount [2]int) demoProduct {
	return demoProduct{name: name, tags: tags, faces: fs, variants: cities, redeems: lifeRedeems, discount: discount}
}

func phone(name string, tags []string, fs []demoFace) demoProduct {
	return demoProduct{name: name, tags: tags, faces: fs, variants: provinces, redeems: []string{"直充"}, discount: [2]int{94, 99}}
}

// glue writes the face right after the name: 饿了么会员月卡.
func glue(p demoProduct) demoProduct {
	p.glued = true
	return p
}

var tencentMobile = faces("%d元", 6, 30, 68, 128, 328, 648)

// demoCatalog holds the four default categories, in DefaultCategories order.
var demoCatalog = []demoCategory{
	{name: "游戏类", share: 40,
		prefixes: []string{"", "【秒到】", "【特惠】", "【官方直充】", "【新人专享】", "【限量】", "【批发价】", "【夜间特价】", "【周末福利】", "【店长推荐】"},
		packs:    []int{1, 2, 5, 10},
		products: []demoProduct{
			game("王者荣耀点券", []string{"王者荣耀", "腾讯", "手游"}, tencentMobile, tencentAreas),
			game("和平精英UC", []string{"和平精英", "腾讯", "手游"}, tencentMobile, tencentAreas),
			game("英雄联盟手游点券", []string{"英雄联盟", "腾讯", "手游"}, tencentMobile, tencentAreas),
			game("QQ飞车手游点券", []string{"QQ飞车", "腾讯", "手游"}, tencentMobile, tencentAreas),
			game("火影忍者手游金币", []string{"火影忍者", "腾讯", "手游"}, tencentMobile, tencentAreas),
			game("金铲铲之战金铲铲币", []string{"金铲铲之战", "腾讯", "手游"}, tencentMobile, tencentAreas),
			game("英雄联盟点券", []string{"英雄联盟", "腾讯", "端游"}, faces("%d元", 10, 50, 100, 200, 500), pcAreas),
			game("穿越火线CF点", []string{"穿越火线", "腾讯", "端游"}, faces("%d元", 10, 50, 100, 200, 500), pcAreas),
			game("DNF点券", []string{"地下城与勇士", "腾讯", "端游"}, faces("%d元", 10, 50, 100, 200, 500, 1000), pcAreas),
			game("原神创世结晶", []string{"原神", "米哈游", "手游"}, faces("%d", 6, 30, 98, 198, 328, 648), mihoyoAreas),
			game("崩坏：星穹铁道古老梦华", []string{"星穹铁道", "米哈游", "手游"}, faces("%d", 6, 30, 98, 198, 328, 648), mihoyoAreas),
			game("绝区零菲林底片", []string{"绝区零", "米哈游", "手游"}, faces("%d", 6, 30, 98, 198, 328, 648), mihoyoAreas),
			game("蛋仔派对蛋币", []string{"蛋仔派对", "网易", "手游"}, tencentMobile, neteaseAreas),
			game("第五人格回声", []string{"第五人格", "网易", "手游"}, tencentMobile, neteaseAreas),
			game("阴阳师勾玉", []string{"阴阳师", "网易", "手游"}, tencentMobile, neteaseAreas),
			game("梦幻西游点卡", []string{"梦幻西游", "网易", "端游"}, faces("%d元", 15, 30, 50, 100, 300), pcAreas),
			game("逆水寒手游通宝", []string{"逆水寒", "网易", "手游"}, tencentMobile, neteaseAreas),
			game("永劫无间金块", []string{"永劫无间", "网易", "端游"}, faces("%d元", 6, 30, 68, 128, 328, 648), []string{"Steam版", "网易版"}),
			game("光遇蜡烛", []string{"光遇", "网易", "手游"}, tencentMobile, neteaseAreas),
			game("恋与深空钻石", []string{"恋与深空", "叠纸", "手游"}, tencentMobile, []string{"安卓官服", "iOS", "B服"}),
			game("Steam充值卡", []string{"Steam", "端游"}, faces("%d元", 50, 100, 200, 500, 1000), []string{"国区", "港区", "美区"}),
			game("魔兽世界时光徽章", []string{"魔兽世界", "网易", "端游"}, faces("%d元", 75, 150, 300), []string{"正式服", "怀旧服"}),
		}},
	{name: "影音类", share: 30,
		prefixes: []string{"", "【官方直充】", "【特惠】", "【秒发卡密】", "【新人专享】", "【限量】", "【可续费】", "【店长推荐】"},
		packs:    []int{1, 2, 5},
		products: []demoProduct{
			video("腾讯视频VIP", []string{"腾讯视频", "腾讯", "追剧"}, 30),
			video("腾讯视频SVIP", []string{"腾讯视频", "腾讯", "追剧"}, 50),
			video("爱奇艺黄金会员", []string{"爱奇艺", "追剧"}, 30),
			video("爱奇艺白金会员", []string{"爱奇艺", "追剧"}, 50),
			video("优酷VIP", []string{"优酷", "阿里", "追剧"}, 30),
			video("芒果TV会员", []string{"芒果TV", "综艺"}, 25),
			video("B站大会员", []string{"B站", "哔哩哔哩", "番剧"}, 25),
			video("网易云音乐黑胶VIP", []string{"网易云音乐", "网易", "音乐"}, 18),
			video("QQ音乐绿钻", []string{"QQ音乐", "腾讯", "音乐"}, 18),
			video("QQ音乐豪华绿钻", []string{"QQ音乐", "腾讯", "音乐"}, 25),
			video("酷狗音乐豪华VIP", []string{"酷狗音乐", "音乐"}, 15),
			video("喜马拉雅VIP", []string{"喜马拉雅", "听书"}, 25),
			video("百度网盘超级会员", []string{"百度网盘", "网盘"}, 30),
			video("夸克网盘会员", []string{"夸克", "网盘"}, 25),
			video("WPS超级会员", []string{"WPS", "办公"}, 30),
			video("咪咕视频钻石会员", []string{"咪咕", "体育"}, 25),
			video("知乎盐选会员", []string{"知乎", "阅读"}, 25),
			video("搜狐视频会员", []string{"搜狐视频", "追剧"}, 20),
		}},
	{name: "生活类", share: 15,
		prefixes: []string{"", "【特惠】", "【限量】", "【新人专享】", "【周末福利】", "【店长推荐】"},
		packs:    []int{1, 2, 5, 10},
		products: []demoProduct{
			life("美团外卖红包", []string{"美团", "外卖"}, []demoFace{{"满20减8", 8}, {"满30减12", 12}, {"满40减15", 15}, {"满60减25", 25}}, [2]int{20, 50}),
			glue(life("饿了么会员", []string{"饿了么", "外卖"}, []demoFace{{"月卡", 10}, {"季卡", 30}, {"年卡", 108}}, [2]int{40, 70})),
			life("滴滴打车券", []string{"滴滴", "出行"}, faces("%d元", 5, 10, 20, 50), [2]int{50, 80}),
			life("高德打车券", []string{"高德", "出行"}, faces("%d元", 5, 10, 20), [2]int{50, 80}),
			life("瑞幸咖啡券", []string{"瑞幸", "咖啡"}, []demoFace{{"生椰拿铁", 29}, {"标准美式", 25}, {"厚乳拿铁", 32}, {"任意饮品", 35}}, [2]int{30, 60}),
			life("星巴克券", []string{"星巴克", "咖啡"}, []demoFace{{"中杯拿铁", 34}, {"大杯美式", 33}, {"星冰乐", 38}}, [2]int{45, 70}),
			life("肯德基券", []string{"肯德基", "快餐"}, []demoFace{{"疯狂星期四套餐", 50}, {"全家桶", 99}, {"早餐套餐", 20}}, [2]int{50, 75}),
			life("麦当劳券", []string{"麦当劳", "快餐"}, []demoFace{{"麦辣鸡腿堡套餐", 39}, {"早餐套餐", 19}, {"麦旋风", 15}}, [2]int{50, 75}),
			life("喜茶券", []string{"喜茶", "奶茶"}, []demoFace{{"多肉葡萄", 28}, {"满杯红柚", 22}}, [2]int{50, 75}),
			life("京东E卡", []string{"京东", "购物卡"}, faces("%d元", 50, 100, 200, 500, 1000), [2]int{92, 98}),
			life("天猫超市卡", []string{"天猫", "购物卡"}, faces("%d元", 50, 100, 200, 500), [2]int{92, 98}),
			life("猫眼电影票", []string{"猫眼", "电影"}, []demoFace{{"2D通兑券", 50}, {"IMAX通兑券", 80}}, [2]int{55, 80}),
			glue(life("哈啰单车骑行卡", []string{"哈啰", "出行"}, []demoFace{{"月卡", 20}, {"季卡", 50}}, [2]int{40, 70})),
			life("携程酒店券", []string{"携程", "旅行"}, []demoFace{{"满300减50", 50}, {"满500减100", 100}}, [2]int{30, 60}),
		}},
	{name: "话费类", share: 15,
		prefixes: []string{"", "【快充】", "【慢充72小时】", "【24小时到账】", "【特惠】", "【新人专享】", "【学生专享】", "【月初特惠】", "【批发价】"},
		packs:    []int{1},
		products: []demoProduct{
			phone("移动话费", []string{"中国移动", "话费"}, faces("%d元", 10, 20, 30, 50, 100, 200, 300, 500)),
			phone("联通话费", []string{"中国联通", "话费"}, faces("%d元", 10, 20, 30, 50, 100, 200, 300, 500)),
			phone("电信话费", []string{"中国电信", "话费"}, faces("%d元", 10, 20, 30, 50, 100, 200, 300, 500)),
			phone("移动流量包", []string{"中国移动", "流量"}, []demoFace{{"1GB日包", 5}, {"5GB周包", 15}, {"10GB月包", 30}, {"30GB月包", 50}}),
			phone("联通流量包", []string{"中国联通", "流量"}, []demoFace{{"1GB日包", 5}, {"5GB周包", 15}, {"10GB月包", 30}, {"30GB月包", 50}}),
			phone("电信流量包", []string{"中国电信", "流量"}, []demoFace{{"1GB日包", 5}, {"5GB周包", 15}, {"10GB月包", 30}, {"30GB月包", 50}}),
		}},
}

// demoNotes are remarks an owner leaves on some resources.
var demoNotes = []string{
	"24小时内到账，高峰期稍慢", "下单请备注QQ号和区服", "卡密发出后不退不换", "限新用户，老用户勿拍",
	"每人限购2份", "支持开发票", "到账后请在群里反馈", "周末出货可能延迟", "需提供绑定手机号后四位",
}

// Supplier names are a trade name and a kind of shop.
var (
	demoSupplierNames = []string{"星辰", "鑫源", "优品", "速达", "金牌", "诚信", "聚宝", "易充", "闪电", "海豚",
		"飞鱼", "云端", "嘉禾", "顺风", "腾达", "青柠", "橙子", "极光", "蓝海", "万通"}
	demoSupplierKinds = []string{"卡盟", "数码", "网络科技", "充值中心", "游戏工作室", "会员商城", "货源站", "批发部"}
	demoSupplierNotes = []string{"出货快，售后及时", "价格低但偶尔延迟", "只做腾讯系", "夜间不发货", "老合作伙伴", ""}
)

// Group names of the kind that 卡盟 owners run.
var demoGroupNames = []string{"王者荣耀点券交流群", "卡盟福利分享群", "影音会员互助群", "话费充值优惠群", "原神资源互助站",
	"吃喝玩乐优惠群", "游戏充值批发群", "追剧党福利群", "学生党省钱群", "上班族薅羊毛群"}

// Nicknames are built from a word pool the way QQ users name themselves.
var (
	demoNickAdjectives = []string{"快乐的", "孤独的", "爱吃", "不吃", "摸鱼的", "佛系", "暴躁", "温柔的", "奶凶", "躺平的", "会飞的", "熬夜的"}
	demoNickNouns      = []string{"小鱼", "橘猫", "柠檬", "咸鱼", "大白", "星星", "月亮", "奶茶", "西瓜", "团子", "饺子", "兔子", "熊猫", "少年", "姐姐", "胖虎"}
	demoNickWhole      = []string{"夜猫子", "追风少年", "奶茶不加糖", "一只橘猫", "今天也要加油", "南风知我意", "Lucky", "Sunny", "阿飞",
		"老王", "小确幸", "清风徐来", "不吃香菜", "山海", "晚安喵", "可乐加冰"}
	demoCardCities = []string{"广州", "深圳", "北京", "上海", "杭州", "成都", "武汉", "长沙", "西安", "重庆", "南京", "郑州"}
	demoInterests  = []string{"王者荣耀", "和平精英", "原神", "英雄联盟", "蛋仔派对", "星穹铁道", "金铲铲之战", "第五人格",
		"腾讯视频", "爱奇艺", "优酷", "B站", "网易云音乐", "QQ音乐", "美团外卖", "瑞幸咖啡", "话费", "Steam"}
)
