package posts

import (
	"fmt"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// PollPost is the post that opens a poll (投票): the question, the numbered options
// and the close time; members reply with an option number.
func PollPost(p data.Poll, loc *time.Location) string {
	var b strings.Builder
	fmt.Fprintf(&b, "【投票】%s\n", p.Question)
	b.WriteString("回复选项编号即可投票（如回复 1），每人一票，改投以最后一次为准。\n")
	for _, o := range p.Options {
		fmt.Fprintf(&b, "%d. %s\n", o.Position, o.Label)
	}
	fmt.Fprintf(&b, "截止时间：%s，截止之后的回复不计入。", pollTime(p.ClosesAt, loc))
	return b.String()
}

// PollResultPost is the post of a poll's result: each option's votes and share, the
// most voted named. Voters are not named: the post carries no QQ numbers.
func PollResultPost(p data.Poll, loc *time.Location) string {
	var b strings.Builder
	total := p.Total()
	fmt.Fprintf(&b, "【投票结果】%s\n", p.Question)
	fmt.Fprintf(&b, "截止 %s，共 %d 票（%s）。\n", pollTime(p.ClosesAt, loc), total, resultSource(p.Source))
	best, top := -1, 0
	for _, o := range p.Options {
		if total > 0 {
			fmt.Fprintf(&b, "%d. %s：%d 票（%d%%）\n", o.Position, o.Label, o.Votes, (o.Votes*100+total/2)/total)
		} else {
			fmt.Fprintf(&b, "%d. %s：0 票\n", o.Position, o.Label)
		}
		switch {
		case o.Votes > top:
			best, top = o.Position-1, o.Votes
		case o.Votes == top && top > 0:
			best = -2 // a tie
		}
	}
	switch {
	case total == 0:
		b.WriteString("这次没有人投票，下次再来。")
	case best >= 0:
		fmt.Fprintf(&b, "得票最多的是「%s」，会优先安排，谢谢大家参与！", p.Options[best].Label)
	default:
		b.WriteString("有几项票数并列第一，都会安排，谢谢大家参与！")
	}
	return b.String()
}

func resultSource(s data.PollSource) string {
	if s == data.PollTyped {
		return "群投票统计"
	}
	return "按群里回复统计，每人一票"
}

func pollTime(t time.Time, loc *time.Location) string {
	return t.In(orLocal(loc)).Format("1月2日 15:04")
}
