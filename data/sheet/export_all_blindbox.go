package sheet

import (
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The whole-database workbook's sheets of 资源盲盒.
const (
	AllBoxesSheet     = "资源盲盒"
	AllBoxEntrySheet  = "盲盒报名"
	AllBoxDrawsSheet  = "盲盒开奖"
	boxOfDeletedGroup = "已删除的群"
)

func boxGroup(names map[uint]string, id *uint) string {
	if id == nil || names[*id] == "" {
		return boxOfDeletedGroup
	}
	return names[*id]
}

func optTime(t *time.Time, loc *time.Location) cell {
	if t == nil {
		return textCell("")
	}
	return timeCell(*t, loc)
}

// boxesGrid is every box, oldest first: its group, title, state, contents, winners,
// entry window, and the draw's commitment, seed (once drawn) and list hash.
func boxesGrid(all Everything, loc *time.Location) grid {
	names := groupNames(all)
	g := grid{sheet: AllBoxesSheet, header: []string{"群", "编号", "标题", "状态", "盒内资源", "中奖人数", "报名开始", "报名截止",
		"分享期限（天）", "承诺", "种子", "名单哈希", "开奖时间"}}
	for _, b := range all.Boxes {
		items := make([]string, len(b.Items))
		for i, it := range b.Items {
			items[i] = it.Name + " ×" + strconv.Itoa(it.Quantity)
		}
		seed := ""
		if b.DrawnAt != nil {
			seed = b.Seed // secret until drawn
		}
		g.rows = append(g.rows, []cell{textCell(boxGroup(names, b.GroupID)), textCell("#" + strconv.Itoa(int(b.ID))),
			textCell(b.Title), textCell(b.State.Label()), textCell(strings.Join(items, "；")), countCell(b.Winners),
			timeCell(b.OpensAt, loc), timeCell(b.ClosesAt, loc), countCell(b.ShareDays), textCell(b.Commitment),
			textCell(seed), textCell(b.ListHash), optTime(b.DrawnAt, loc)})
	}
	return g
}

// boxEntriesGrid is every entry, by box and number: the member, QQ, demand, and the
// label frozen into the published list.
func boxEntriesGrid(all Everything, loc *time.Location) grid {
	titles := map[uint]string{}
	for _, b := range all.Boxes {
		titles[b.ID] = b.Title
	}
	g := grid{sheet: AllBoxEntrySheet, header: []string{"盲盒", "序号", "成员", "QQ号", "需求", "报名时间", "名单中的名称"}}
	for _, e := range all.BoxEntries {
		name, qq := "", ""
		if e.Member != nil {
			name, qq = e.Member.Nickname, e.Member.QQ
		}
		num := textCell("")
		if e.Number > 0 {
			num = countCell(e.Number)
		}
		g.rows = append(g.rows, []cell{textCell("#" + strconv.Itoa(int(e.BoxID)) + " " + titles[e.BoxID]), num,
			textCell(name), textCell(qq), textCell(e.Demand), timeCell(e.EnteredAt, loc), textCell(e.Label)})
	}
	return g
}

// boxDrawsGrid is every pick in stream order: the entry picked, whether it stands or was
// redrawn (and why), and the share.
func boxDrawsGrid(all Everything, loc *time.Location) grid {
	titles := map[uint]string{}
	for _, b := range all.Boxes {
		titles[b.ID] = b.Title
	}
	entries := map[uint]data.BlindBoxEntry{}
	for _, e := range all.BoxEntries {
		entries[e.ID] = e
	}
	g := grid{sheet: AllBoxDrawsSheet, header: []string{"盲盒", "抽取顺序", "中奖序号", "名称", "结果", "补抽原因",
		"开奖时间", "分享期限", "分享时间", "分享说明"}}
	for _, d := range all.BoxDraws {
		e := entries[d.EntryID]
		result := "中奖"
		if !d.Won() {
			result = "已补抽"
		} else if d.ReplacesID != nil {
			result = "中奖（补抽）"
		}
		g.rows = append(g.rows, []cell{textCell("#" + strconv.Itoa(int(d.BoxID)) + " " + titles[d.BoxID]), countCell(d.Seq),
			countCell(e.Number), textCell(e.Label), textCell(result), textCell(d.VoidReason), timeCell(d.DrawnAt, loc),
			timeCell(d.ShareDue, loc), optTime(d.SharedAt, loc), textCell(d.ShareNote)})
	}
	return g
}
