package posts

import (
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/draw"
)

// The posts of a blind box (资源盲盒): the opening post with the draw's commitment, the
// result post that reveals the seed and the frozen list so anyone can recompute the
// winners, and the reminder to winners who owe a share. The human parts are masked
// (Sanitize); the verification block (seed, hashes, the list of masked labels) is
// appended as it is, since masking would change what members must hash.

func boxTitle(g data.Group, b data.BlindBox) string {
	t := "【资源盲盒】" + b.Title
	if g.Name != "" {
		t = "【" + g.Name + " · 资源盲盒】" + b.Title
	}
	return t + "\n"
}

func boxContents(b data.BlindBox) string {
	var sb strings.Builder
	sb.WriteString("盒内资源：\n")
	for _, it := range b.Items {
		sb.WriteString("· " + it.Name + " ×" + strconv.Itoa(it.Quantity) + "\n")
	}
	return sb.String()
}

// BoxOpening is the opening post of box b (with Items), times in loc (nil: local).
func BoxOpening(g data.Group, b data.BlindBox, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	var sb strings.Builder
	sb.WriteString(boxTitle(g, b))
	sb.WriteString(boxContents(b))
	sb.WriteString("━━━━━━━━━━\n")
	sb.WriteString("抽 " + strconv.Itoa(b.Winners) + " 位幸运成员，每人限报一次\n")
	sb.WriteString("报名方式：在群里发“参加盲盒 + 你想要的资源”，例如：参加盲盒 求原神月卡\n")
	sb.WriteString("报名截止：" + b.ClosesAt.In(loc).Format("2006-01-02 15:04") + "\n")
	sb.WriteString("中奖后请在 " + strconv.Itoa(b.ShareDays) + " 天内在群里分享体验\n")
	sb.WriteString("━━━━━━━━━━\n")
	human := Sanitize(sb.String(), knownQQ)
	return human + "公平承诺：开奖种子已生成，它的 SHA-256 是\n" + b.Commitment +
		"\n开奖时公布种子和报名名单，任何人都可以自己算出中奖者。"
}

// BoxResult is the result post of drawn box b: entries in number order and draws in
// stream order (both with members).
func BoxResult(g data.Group, b data.BlindBox, entries []data.BlindBoxEntry, draws []data.BlindBoxDraw, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	var sb strings.Builder
	sb.WriteString(boxTitle(g, b))
	sb.WriteString("开奖结果（共 " + strconv.Itoa(len(entries)) + " 人报名）：\n")
	var redraws []string
	var due time.Time
	for _, d := range draws {
		if d.Entry == nil {
			continue
		}
		line := "第 " + strconv.Itoa(d.Entry.Number) + " 号 " + d.Entry.Label
		if d.Won() {
			sb.WriteString("▶ " + line + "\n")
			if d.ShareDue.After(due) {
				due = d.ShareDue
			}
		} else {
			redraws = append(redraws, line+"（"+d.VoidReason+"，已补抽）")
		}
	}
	if len(draws) == 0 {
		sb.WriteString("没有人报名，本次盲盒不开奖。\n")
	}
	for _, r := range redraws {
		sb.WriteString("· 补抽前：" + r + "\n")
	}
	if !due.IsZero() {
		sb.WriteString("请中奖者私聊群主领取，并在 " + due.In(loc).Format("01-02 15:04") + " 前在群里分享体验。\n")
	}
	human := Sanitize(sb.String(), knownQQ)
	labels := make([]string, len(entries))
	for i, e := range entries {
		labels[i] = e.Label
	}
	var v strings.Builder
	v.WriteString("━━━━━━━━━━\n")
	v.WriteString("种子：" + b.Seed + "\n")
	v.WriteString("承诺（开盒时公布）：" + b.Commitment + "\n")
	v.WriteString("名单哈希：" + b.ListHash + "\n")
	v.WriteString("抽取次数：" + strconv.Itoa(len(draws)) + "（含补抽）\n")
	v.WriteString("名单：\n" + draw.Canonical(labels))
	v.WriteString(draw.Recipe)
	return human + v.String()
}

// BoxShareReminder reminds the standing winners of b who have not shared yet; "" when
// none owes a share.
func BoxShareReminder(g data.Group, b data.BlindBox, draws []data.BlindBoxDraw, now time.Time, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	var sb strings.Builder
	n := 0
	for _, d := range draws {
		if !d.Won() || d.SharedAt != nil || d.Entry == nil {
			continue
		}
		n++
		line := "· " + d.Entry.Label + "：" + d.ShareDue.In(loc).Format("01-02 15:04") + " 前"
		if d.ShareOverdue(now) {
			line += "（已超时）"
		}
		sb.WriteString(line + "\n")
	}
	if n == 0 {
		return ""
	}
	return Sanitize(boxTitle(g, b)+"提醒中奖的朋友分享体验：\n"+sb.String()+
		"在群里说说拿到了什么、好不好用，截图更好，分享后告诉群主登记。", knownQQ)
}
