package importer

import (
	"testing"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// With work on real goroutines (run under -race): planning reads a copy of the mapping
// taken when it started, so the owner changing a column meanwhile neither races with
// it nor changes the plan under way; the plan shown is the one of the mapping asked for.
func TestPlanningOnGoroutinesReadsACopyOfTheMapping(t *testing.T) {
	e := uitest.NewEnvWithTasks(t)
	path := writeGBK(t, "货品,价钱,备考\r\n腾讯视频VIP月卡,15,\r\n优酷VIP月卡,12,\r\n")
	w := readImport(e, &resourceImport{}, path, nil)
	e.Tasks.Wait()
	if w == nil {
		t.Fatal("the file was refused")
	}
	into := w.into.(*resourceImport)
	into.setField(0, sheet.ResourceFieldName.Label())
	into.setField(1, sheet.ResourceFieldPrice.Label())
	w.replan()                                          // plans name+price on another goroutine…
	into.setField(1, sheet.ResourceFieldIgnore.Label()) // …while the owner drops the price column
	e.Tasks.Wait()
	if w.plan == nil || w.plan.Count(sheet.RowNew) != 2 {
		t.Fatalf("the plan of the mapping asked for should list 2 new rows, got %v", w.plan)
	}
}
