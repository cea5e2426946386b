package suggest

import (
	"reflect"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

func ask(text string, daysAgo int) Request {
	return Request{Text: text, At: now.AddDate(0, 0, -daysAgo)}
}

func TestFor(t *testing.T) {
	vocab := NewVocabulary([]string{"王者荣耀", "原神", "英雄联盟", "英雄杀"}, []string{"游戏类", "影音类", "话费类"},
		map[string][]string{"吃鸡": {"和平精英"}, "农药": {"王者荣耀"}})
	wzry := Tag{KindInterest, "王者荣耀"}
	tests := []struct {
		name string
		m    Member
		want []Suggestion
	}{
		{"two requests naming 王者 suggest 王者荣耀", Member{Requests: []Request{ask("求王者点券", 100), ask("王者皮肤有吗", 200)}},
			[]Suggestion{{wzry, "求过 2 次：「求王者点券」「王者皮肤有吗」"}}},
		{"a synonym names the term", Member{Requests: []Request{ask("求农药点券", 100), ask("王者荣耀月卡", 120)}},
			[]Suggestion{{wzry, "求过 2 次：「求农药点券」「王者荣耀月卡」"}}},
		{"one request is not a pattern", Member{Requests: []Request{ask("求王者点券", 100), ask("求原神月卡", 100)}}, nil},
		{"a head two terms share is not a short form", Member{Requests: []Request{ask("求英雄皮肤", 100), ask("英雄点券", 100)}}, nil},
		{"a tag the member has is not suggested", Member{Requests: []Request{ask("求王者点券", 100), ask("王者皮肤", 200)}, Has: map[Tag]bool{wzry: true}}, nil},
		{"a dismissed suggestion never returns", Member{Requests: []Request{ask("求王者点券", 100), ask("王者皮肤", 200)}, Decided: map[Tag]bool{wzry: true}}, nil},
		{"a category word from the text", Member{Requests: []Request{ask("求移动话费", 100), ask("电信话费50", 120)}},
			[]Suggestion{{Tag{KindInterest, "话费"}, "求过 2 次：「求移动话费」「电信话费50」"}}},
		{"three requests filed under a category", Member{Requests: []Request{
			{Text: "求腾讯视频", Category: "影音类", At: now.AddDate(0, 0, -100)},
			{Text: "求B站大会员", Category: "影音类", At: now.AddDate(0, 0, -110)},
			{Text: "芒果TV有吗", Category: "影音类", At: now.AddDate(0, 0, -120)}}},
			[]Suggestion{{Tag{KindInterest, "影音"}, "求过 3 次「影音」类的资源"}}},
		{"three requests in 90 days: 刚需获取", Member{Requests: []Request{ask("求爱奇艺", 1), ask("求优酷", 30), ask("求京东卡", 89), ask("求饿了么", 200)}},
			[]Suggestion{{Tag{KindMotivation, "刚需获取"}, "最近 90 天求过 3 次资源"}}},
		{"asking for low prices: 信息差红利", Member{Requests: []Request{ask("有便宜的话费吗", 100), ask("京东卡打折的", 150), ask("特价肯德基", 170)}},
			[]Suggestion{{Tag{KindMotivation, "信息差红利"}, "3 次求的是低价优惠：「有便宜的话费吗」「京东卡打折的」等"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := For(tt.m, vocab, now)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("For = %q\nwant  %q", got, tt.want)
			}
		})
	}
}
