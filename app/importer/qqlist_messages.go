package importer

import (
	"errors"
	"fmt"

	"github.com/qunhuo/qunhuo/data/qqlist"
)

// nothingImported ends every refusal: a refused list writes nothing.
const nothingImported = "没有导入任何成员。"

// qqFieldNames are QQ's keys in the owner's words.
var qqFieldNames = map[string]string{
	"uin": "QQ号", "nick": "昵称", "card": "群名片", "role": "身份", "join_time": "入群时间",
	"last_speak_time": "最后发言时间", "lv": "等级", "lv.level": "等级", "lv.point": "积分",
	"levelname": "等级名称", "mems": "成员", "count": "群人数", "ec": "返回结果",
}

// qqListProblem says in Chinese why QQ's member list was refused and what to do. It
// speaks of the list and of copying it again, never of columns.
func qqListProblem(err error) string {
	var e *qqlist.Error
	if !errors.As(err, &e) {
		return "读不出这份成员名单，" + nothingImported
	}
	again := "请在 qun.qq.com 重新复制或另存，不要手动修改。"
	switch e.Kind {
	case qqlist.NotJSON:
		return "这不是 QQ 的群成员名单：要的是「成员管理」页面里 search_group_members 的响应。" +
			"Excel 或 CSV 表格请点「选择文件」导入。" + nothingImported
	case qqlist.Truncated:
		return "成员名单不完整，在中间断掉了，可能没有复制全。请在「响应」里按 Ctrl+A 全选后再复制一次。" + nothingImported
	case qqlist.NotMemberList:
		return "这份内容不是群成员名单。请在开发者工具的「网络」里找名为 search_group_members 的一项，复制它的「响应」。" + nothingImported
	case qqlist.WrongType:
		return fmt.Sprintf("成员名单里%s的「%s」不是 QQ 给出的样子（%s），%s%s",
			memberAt(e.Member), fieldName(e.Field), shownValue(e.Value), again, nothingImported)
	case qqlist.BadQQ:
		if e.Value == "" {
			return fmt.Sprintf("成员名单里%s没有 QQ号，%s%s", memberAt(e.Member), again, nothingImported)
		}
		return fmt.Sprintf("成员名单里%s的 QQ号「%s」不是 QQ号，%s%s", memberAt(e.Member), e.Value, again, nothingImported)
	case qqlist.QQRefused:
		return fmt.Sprintf("QQ 没有给出成员名单（错误 %d），通常是登录已过期或你不是这个群的群主、管理员。"+
			"请在浏览器里重新登录 qun.qq.com 后再复制。", e.EC) + nothingImported
	case qqlist.NoMembers:
		return "这份名单里一位成员也没有，可能复制的是最后一页之后的空页。请从第一页开始复制。" + nothingImported
	case qqlist.TooLarge:
		return "内容太大了（超过 20 MB），不像是一个群的成员名单。" + nothingImported
	}
	return "读不出这份成员名单，" + nothingImported
}

func memberAt(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("第 %d 位成员", n)
}

func fieldName(key string) string {
	if name, ok := qqFieldNames[key]; ok {
		return name
	}
	return key
}

func shownValue(v string) string {
	if v == "" {
		return "空的"
	}
	return "是「" + v + "」"
}
