package match

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

var (
	day0 = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	cst  = time.FixedZone("CST", 8*3600)
)

// wzry is 王者荣耀点券 60元 as the store hands it over: key from data.SearchKey.
var wzry = Resource{ID: 7, Name: "王者荣耀点券 60元", Category: "游戏类",
	Key:      "王者荣耀点券 60元|wangzherongyaodianquan60yuan|wzrydq60y|王者荣耀|wangzherongyao|wzry|腾讯|tengxun|tx|",
	Subjects: []string{"王者荣耀点券", "王者荣耀"}}

func req(text string, daysAgo int, open bool, items ...string) Request {
	return Request{Text: text, At: day0.AddDate(0, 0, -daysAgo), Open: open, Items: items}
}

func names(fits []Fit) string {
	var out []string
	for _, f := range fits {
		out = append(out, fmt.Sprintf("%s:%d", f.Member.Name, f.Score))
	}
	return strings.Join(out, " ")
}

func TestMembersRanking(t *testing.T) {
	told := day0.AddDate(0, 0, -2)
	tests := []struct {
		name string
		ms   []Member
		want string
	}{
		{"open request beats interest beats past request", []Member{
			{ID: 1, Name: "兴趣", Interests: []string{"王者荣耀"}},
			{ID: 2, Name: "求过", Requests: []Request{req("求王者荣耀点券", 30, false, "王者荣耀点券")}},
			{ID: 3, Name: "在求", Requests: []Request{req("有没有wzry点券", 1, true, "wzry点券", "王者荣耀点券")}},
		}, "在求:60 兴趣:40 求过:30"},
		{"reasons add up; ties by id", []Member{
			{ID: 9, Name: "丙", Interests: []string{"王者荣耀"}},
			{ID: 4, Name: "乙", Interests: []string{"王者荣耀", "腾讯"}},
			{ID: 5, Name: "甲", Interests: []string{"王者荣耀"}},
		}, "乙:41 甲:40 丙:40"},
		{"no fit, one-character and empty interests are left out", []Member{
			{ID: 1, Name: "原神", Interests: []string{"原神"}},
			{ID: 2, Name: "单字", Interests: []string{"王", " "}},
			{ID: 3, Name: "别的", Requests: []Request{req("求爱奇艺", 1, true, "爱奇艺")}},
		}, ""},
		{"motivation adds but never makes a fit", []Member{
			{ID: 1, Name: "刚需", Motivations: []string{"刚需获取"}, Requests: []Request{req("求王者", 3, true, "王者", "王者荣耀")}},
			{ID: 2, Name: "只有动机", Motivations: []string{"刚需获取", "信息差红利"}},
			{ID: 3, Name: "普通", Requests: []Request{req("求王者", 3, true, "王者", "王者荣耀")}},
		}, "刚需:70 普通:60"},
		{"told within the window come after the untold with the same score", []Member{
			{ID: 1, Name: "告知过", Interests: []string{"王者荣耀"}, ToldAt: told},
			{ID: 2, Name: "没告知", Interests: []string{"王者荣耀"}},
		}, "没告知:40 告知过:40"},
		{"priority holders first, whatever their score", []Member{
			{ID: 1, Name: "在求", Requests: []Request{req("求王者荣耀点券", 1, true, "王者荣耀点券")}},
			{ID: 2, Name: "达人", Interests: []string{"王者荣耀"}, Priority: 1},
		}, "达人:40 在求:60"},
		{"a reply that offered this resource is a past request", []Member{
			{ID: 1, Name: "回复过", Requests: []Request{{Text: "求点券", At: day0, ResourceID: 7, Items: []string{"点券"}}}},
			{ID: 2, Name: "别的资源", Requests: []Request{{Text: "求点券", At: day0, ResourceID: 8, Items: []string{"点"}}}},
		}, "回复过:30"},
		{"more open requests only break ties", []Member{
			{ID: 1, Name: "一次", Requests: []Request{req("求王者荣耀", 1, true, "王者荣耀")}},
			{ID: 2, Name: "三次", Requests: []Request{req("求王者荣耀", 3, true, "王者荣耀"), req("王者荣耀点券有吗", 2, true, "王者荣耀点券"), req("求wzry", 1, true, "wzry")}},
		}, "三次:62 一次:60"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := names(Members(wzry, tt.ms)); got != tt.want {
				t.Errorf("ranking = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReasons(t *testing.T) {
	m := Member{ID: 1, Name: "小鱼", Motivations: []string{"刚需获取", "社交认同"}, Interests: []string{"原神", "王者荣耀"},
		Requests: []Request{
			req("求王者荣耀点券", 40, false, "王者荣耀点券"),
			req("王者点券还有吗", 20, false, "王者点券", "王者荣耀点券"),
			req("求wzry点券", 2, true, "wzry点券", "王者荣耀点券"),
		}}
	fits := Members(wzry, []Member{m})
	if len(fits) != 1 {
		t.Fatalf("got %d fits", len(fits))
	}
	var got []string
	for _, r := range fits[0].Reasons {
		got = append(got, r.Text(cst))
	}
	// The two newest requests, open first; then the interest; then the motivation.
	want := []string{"10-30 在求：「求wzry点券」", "10-12 求过：「王者点券还有吗」", "兴趣「王者荣耀」", "动机「刚需获取」"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reasons = %q, want %q", got, want)
	}
	if fits[0].Score != 60+30+1+40+10 {
		t.Errorf("score = %d", fits[0].Score)
	}
}

func TestBargainHuntersLikeDiscounts(t *testing.T) {
	m := Member{ID: 1, Name: "羊毛", Motivations: []string{"信息差红利"}, Interests: []string{"王者荣耀"}}
	plain, cheap := wzry, wzry
	cheap.Discounted = true
	if s := Members(plain, []Member{m})[0].Score; s != 40 {
		t.Errorf("full price: score %d, want 40", s)
	}
	if s := Members(cheap, []Member{m})[0].Score; s != 50 {
		t.Errorf("discounted: score %d, want 50", s)
	}
}

func TestResourcesForMember(t *testing.T) {
	iqy := Resource{ID: 2, Name: "爱奇艺黄金会员 月卡", Key: "爱奇艺黄金会员 月卡|aiqiyihuangjinhuiyuanyueka|aqyhjhyyk|爱奇艺|aiqiyi|aqy|", Subjects: []string{"爱奇艺黄金会员", "爱奇艺"}}
	ys := Resource{ID: 3, Name: "原神创世结晶 60", Key: "原神创世结晶 60|yuanshenchuangshijiejing60|yscsjj60|原神|yuanshen|ys|", Subjects: []string{"原神创世结晶", "原神"}}
	m := Member{ID: 1, Interests: []string{"原神"}, Requests: []Request{req("有没有爱奇艺月卡", 1, true, "爱奇艺月卡", "爱奇艺会员")}}
	fits := Resources(m, []Resource{wzry, ys, iqy})
	var got []string
	for _, f := range fits {
		got = append(got, f.Resource.Name)
	}
	want := []string{"爱奇艺黄金会员 月卡", "原神创世结晶 60"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("resources = %q, want %q", got, want)
	}
}

func TestSubjectsOf(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []string
	}{
		{"【秒到】王者荣耀点券 60元", []string{"王者荣耀", "腾讯", "手游"}, []string{"王者荣耀点券", "王者荣耀"}},
		{"【特惠】【限量】腾讯视频VIP 月卡 ×2", []string{"腾讯视频", "腾讯", "追剧"}, []string{"腾讯视频vip", "腾讯视频", "腾讯"}},
		{"移动话费 100元", []string{"中国移动", "话费"}, []string{"移动话费", "话费"}},
		{"饿了么会员月卡", nil, []string{"饿了么会员月卡"}},
		{"100元", nil, nil},
	}
	for _, tt := range tests {
		if got := SubjectsOf(tt.name, tt.tags); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SubjectsOf(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCompact(t *testing.T) {
	for in, want := range map[string]string{"王者荣耀 ＶＩＰ-60": "王者荣耀vip60", "  ": "", "QQ音乐，绿钻！": "qq音乐绿钻"} {
		if got := Compact(in); got != want {
			t.Errorf("Compact(%q) = %q, want %q", in, got, want)
		}
	}
}
