// Command qunhuo (群活) helps owners of QQ resource-sharing groups keep them alive.
package main

import (
	"flag"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/qunhuo/qunhuo/app"
)

func main() {
	dataDir := flag.String("data", "", "数据文件夹(默认:系统的应用数据目录)")
	flag.Parse()
	if *dataDir == "" {
		*dataDir = app.DefaultDataDir() // portable: data beside the exe when portable.txt is there
	}
	app.Run(fyneapp.NewWithID(app.ID), *dataDir)
}
