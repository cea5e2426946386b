package app

import (
	"errors"

	"github.com/qunhuo/qunhuo/data"
)

// explainOpen turns a failure to open the data folder into advice for the owner.
func explainOpen(err error, dir string) string {
	var oe *data.OpenError
	kind := data.OpenFailed
	if errors.As(err, &oe) {
		kind = oe.Kind
	}
	switch kind {
	case data.OpenInUse:
		return "群活已经打开了。同一份数据只能由一个群活窗口使用，请切换到已经打开的那个窗口。"
	case data.OpenLocked:
		return "数据文件正被其他程序占用。请关闭可能打开它的程序（如数据库查看工具、同步网盘）后，再启动群活。"
	case data.OpenReadOnly:
		return "群活无法写入数据文件夹：\n" + dir + "\n请确认这个文件夹不是只读的，磁盘也没有写满，然后再启动群活。"
	case data.OpenCorrupt:
		return "数据文件已损坏，群活读不出来：\n" + dir + "\n群活没有改动它，也没有找到能用的自动备份。" +
			"\n如果你在U盘或网盘里有备份：先把损坏的 " + data.DatabaseFile + " 改名留着（不要删除），再把备份文件复制到这个文件夹，改名为 " + data.DatabaseFile + "，然后打开群活。"
	case data.OpenNewerSchema:
		return "这份数据是由更新版本的群活保存的，当前版本打不开。请把群活升级到最新版本。数据没有被改动。"
	}
	return "打开数据时出错了。请重启电脑后再试；如果仍然不行，请联系技术支持。数据文件夹：\n" + dir
}
