package posts

import (
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// PointBoardTop is how many members the 积分排行榜 names: a post, not the whole ledger.
const PointBoardTop = 10

// PointAward is an award reason with what it gives now, for the post's 怎么赚积分 line.
type PointAward struct {
	Reason points.Reason
	Amount int64
}

// PointBoardPost is the 积分排行榜 of group g: this month's or all time's leaderboard
// (the first PointBoardTop places), thanks, and how points are earned. Members are
// named with their QQ numbers masked; it has a fixed shape and goes through Sanitize
// like every post. Dates are in loc (nil: time.Local).
func PointBoardPost(g data.Group, b data.PointBoard, awards []PointAward, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	title := "互助积分排行榜"
	if g.Name != "" {
		title = g.Name + " · " + title
	}
	var sb strings.Builder
	if b.Month {
		sb.WriteString("【" + title + " · " + b.From.In(loc).Format("2006年1月") + "】\n")
		sb.WriteString("本月帮忙最多、分享最多的群友，谢谢你们！\n")
	} else {
		sb.WriteString("【" + title + " · 总榜】\n")
		sb.WriteString("建群以来帮忙最多、分享最多的群友，谢谢你们！\n")
	}
	sb.WriteString("━━━━━━━━━━\n")
	n := 0
	for _, r := range b.Ranks {
		if n == PointBoardTop {
			break
		}
		n++
		mark := strconv.Itoa(r.Rank) + ". "
		if r.Rank <= 3 {
			mark = "★ 第" + strconv.Itoa(r.Rank) + "名 "
		}
		sb.WriteString(mark + rankName(r) + "  " + strconv.FormatInt(r.Points, 10) + " 分\n")
	}
	if n == 0 {
		if b.Month {
			sb.WriteString("本月还没有人得到积分，快来抢第一！\n")
		} else {
			sb.WriteString("还没有人得到积分，快来抢第一！\n")
		}
	}
	sb.WriteString("━━━━━━━━━━\n")
	if len(awards) > 0 {
		parts := make([]string, 0, len(awards))
		for _, a := range awards {
			if a.Reason == points.Other || a.Amount <= 0 {
				continue
			}
			parts = append(parts, a.Reason.Label()+" +"+strconv.FormatInt(a.Amount, 10))
		}
		if len(parts) > 0 {
			sb.WriteString("怎么赚积分：" + strings.Join(parts, "，") + "\n")
		}
	}
	sb.WriteString("积分可以兑换稀缺资源和身份标识，详情私聊群主。")
	return Sanitize(sb.String(), knownQQ)
}

// rankName is a member on the board: name and masked QQ number, or the masked number
// alone when that is the name.
func rankName(r data.PointRank) string {
	if r.QQ == "" {
		return "（已不在成员列表）"
	}
	masked := data.MaskQQ(r.QQ)
	if r.Name == "" || r.Name == masked {
		return masked
	}
	return r.Name + "（" + masked + "）"
}

// BuildPointBoardPost is the 积分排行榜 of board for group g (nil: every group), with
// the owner's amounts per reason, split for QQ.
func BuildPointBoardPost(store *data.Store, g *data.Group, b data.PointBoard, loc *time.Location) (Built, error) {
	qqs, err := store.MemberQQs()
	if err != nil {
		return Built{}, err
	}
	awards := make([]PointAward, 0, len(points.Awards))
	for _, r := range points.Awards {
		n, err := store.PointAmount(r)
		if err != nil {
			return Built{}, err
		}
		awards = append(awards, PointAward{Reason: r, Amount: n})
	}
	var group data.Group
	var gid *uint
	if g != nil {
		group, gid = *g, &g.ID
	}
	text := PointBoardPost(group, b, awards, loc, qqs)
	return Built{Kind: data.PostPointBoard, GroupID: gid, Text: text, Parts: Split(text, MaxPartRunes),
		Listed: min(len(b.Ranks), PointBoardTop)}, nil
}
