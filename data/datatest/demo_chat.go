package datatest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insight"
)

// ChatPerson is someone who speaks in a demo chat.
type ChatPerson struct {
	QQ, Name string
	Staff    bool // the owner or an admin: answers requests, makes posts
}

// ChatPeople are group groupID's seated members as speakers, staff first.
func ChatPeople(s *data.Store, groupID uint) ([]ChatPerson, error) {
	ms, err := s.Members(groupID)
	if err != nil {
		return nil, err
	}
	var staff, rest []ChatPerson
	for i := range ms {
		seat := ms[i].In(groupID)
		if seat == nil || seat.LeftOn != nil {
			continue
		}
		p := ChatPerson{QQ: ms[i].QQ, Name: ms[i].DisplayName(groupID), Staff: seat.Role != data.RoleMember}
		if p.Staff {
			staff = append(staff, p)
		} else {
			rest = append(rest, p)
		}
	}
	return append(staff, rest...), nil
}

var (
	demoChatter = []string{"大家好", "早", "哈哈哈", "[图片]", "[表情]", "谢谢群主", "收到", "已付款", "到账了，靠谱", "今天有什么新货", "好的", "明白", "晚上好",
		"这个多少钱", "还有吗", "我也想要", "支持一下", "刚用了，可以的", "群主辛苦了", "有优惠吗", "怎么兑换", "兑换成功了"}
	demoWants   = []string{"王者荣耀点券", "原神月卡", "爱奇艺会员", "腾讯视频月卡", "网易云黑胶", "优酷会员", "话费充值卡", "B站大会员", "和平精英点券", "QQ音乐绿钻"}
	demoAskings = []string{"求%s", "有没有%s", "谁有%s", "收%s", "求个%s，急", "有人有%s吗"}
	demoAnswers = []string{"有的，私聊", "有货，看公告", "明天到货", "刚上新了", "已私你"}
)

// DemoChat makes about n messages of a lively group over the weeks before now, from
// people (staff first): a few talk a lot and many rarely, more of them each week (the
// interaction rate rises from about a third to three in five), the rest never, about 6% are requests of which two in three get an @-answer
// from the staff, the owner posts 【上新】 most evenings, and a few join each week.
func DemoChat(people []ChatPerson, n, weeks int, seed int64, now time.Time) []insight.Message {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x636861))
	var staff, members []ChatPerson
	for _, p := range people {
		if p.Staff {
			staff = append(staff, p)
		} else {
			members = append(members, p)
		}
	}
	if len(members) == 0 || len(staff) == 0 {
		return nil
	}
	ws := insight.LastWeeks(now, weeks)
	start := ws[0].Start
	span := now.Sub(start)
	out := make([]insight.Message, 0, n+n/10)
	for range n {
		// Later weeks are busier: the density of times rises 2x over the span.
		u := math.Sqrt(rng.Float64()*3+1) - 1 // in [0, 1)
		at := start.Add(time.Duration(u * float64(span)))
		if h := at.In(insight.China).Hour(); h < 8 && rng.IntN(3) > 0 {
			at = at.Add(time.Duration(8+rng.IntN(4)) * time.Hour) // few at night
		}
		if !at.Before(now) {
			at = now.Add(-time.Duration(rng.IntN(3600)+1) * time.Second)
		}
		// A third of the members speak at first, three in five by the end; a few of
		// those talk most. The rest stay silent (潜水).
		pool := max(1, int(float64(len(members))*(0.35+0.25*u)))
		p := members[int(float64(pool)*math.Pow(rng.Float64(), 1.6))]
		if rng.IntN(100) < 6 {
			text := fmt.Sprintf(demoAskings[rng.IntN(len(demoAskings))], demoWants[rng.IntN(len(demoWants))])
			out = append(out, insight.Message{At: at, SenderQQ: p.QQ, SenderName: p.Name, Text: text})
			if rng.IntN(3) > 0 {
				s := staff[rng.IntN(len(staff))]
				wait := time.Duration(2+rng.IntN(rng.IntN(240)+1)) * time.Minute
				if a := at.Add(wait); a.Before(now) {
					out = append(out, insight.Message{At: a, SenderQQ: s.QQ, SenderName: s.Name, Text: "@" + p.Name + " " + demoAnswers[rng.IntN(len(demoAnswers))], Mentions: []string{p.Name}})
				}
			}
			continue
		}
		out = append(out, insight.Message{At: at, SenderQQ: p.QQ, SenderName: p.Name, Text: demoChatter[rng.IntN(len(demoChatter))]})
	}
	owner := staff[0]
	for day := start; day.Before(now); day = day.AddDate(0, 0, 1) {
		if at := day.Add(20 * time.Hour); rng.IntN(10) < 7 && at.Before(now) {
			out = append(out, insight.Message{At: at, SenderQQ: owner.QQ, SenderName: owner.Name, Text: "【上新】" + demoWants[rng.IntN(len(demoWants))] + "到货，需要的私聊"})
		}
		if rng.IntN(7) < 3 {
			p := members[rng.IntN(len(members))]
			if at := day.Add(time.Duration(9+rng.IntN(12)) * time.Hour); at.Before(now) {
				out = append(out, insight.Message{At: at, SenderQQ: "10000", SenderName: "系统消息", System: true, Text: p.Name + "加入本群"})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// FillDemoChat stores about n messages of DemoChat for group groupID as one finished
// import, from the group's seated members.
func FillDemoChat(s *data.Store, groupID uint, n int, seed int64, now time.Time) error {
	people, err := ChatPeople(s, groupID)
	if err != nil {
		return err
	}
	return s.SeedChat(groupID, "示例聊天记录.txt", DemoChat(people, n, data.InsightWeeks, seed, now))
}
