package catalog

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/reliability"
)

// The resource form and the blacklist: 失效 is not one of the form's statuses, since a
// resource goes on the blacklist only with a reason (标为失效… under the table) and
// comes off it only with a note (移出失效名单…). A resource already 失效 keeps that
// status in the form, locked. Under the supplier the form says how reliable it has
// been, and warns when its invalid rate is above the owner's line.

// statusChoices are the statuses the form offers for prev (nil when adding).
func statusChoices(prev *data.Resource) []string {
	if prev != nil && prev.Status == data.StatusInvalid {
		return []string{data.StatusInvalid.Label()}
	}
	var ls []string
	for _, st := range data.ResourceStatuses {
		if st != data.StatusInvalid {
			ls = append(ls, st.Label())
		}
	}
	return ls
}

// lockInvalid locks the status of a resource on the blacklist and says how it comes off.
func (f *resourceForm) lockInvalid() {
	if f.prev == nil || f.prev.Status != data.StatusInvalid {
		return
	}
	f.status.Disable()
}

// newSupplierNote makes the line under the supplier: empty until a supplier is typed.
func newSupplierNote() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// setReliability keeps what the store counted about each supplier, and the line.
func (f *resourceForm) setReliability(recs []reliability.Record, percent int) {
	f.reliab = make(map[string]reliability.Record, len(recs))
	for _, r := range recs {
		f.reliab[r.Name] = r
	}
	f.warnPercent = percent
	f.updateSupplierNote()
}

// updateSupplierNote says, as the supplier is typed or chosen, how it has done; above
// the owner's line it warns, without stopping the save.
func (f *resourceForm) updateSupplierNote() {
	n := f.supplierNote
	n.Importance = widget.LowImportance
	if f.prev != nil && f.prev.Status == data.StatusInvalid {
		n.Importance = widget.WarningImportance
		n.SetText("这个资源在失效名单里，状态不能在这里改；要恢复，请在资源库下方点「移出失效名单…」并写明原因。")
		return
	}
	name := strings.TrimSpace(f.supplier.Text)
	rec, known := f.reliab[name]
	switch {
	case name == "" || f.reliab == nil:
		n.SetText("")
	case !known:
		n.SetText("新的供应商「" + name + "」：还没有记录。")
	case rec.Above(f.warnPercent):
		n.Importance = widget.WarningImportance
		n.SetText(reliability.Warning(rec, f.warnPercent))
	case !rec.Judged():
		n.SetText(fmt.Sprintf("「%s」：供过 %d 个资源，失效过 %d 个；满 %d 个才算失效率。", name, rec.Resources, rec.Invalid, reliability.MinResources))
	default:
		n.SetText(fmt.Sprintf("「%s」：供过 %d 个资源，失效过 %d 个（失效率 %s）。", name, rec.Resources, rec.Invalid, rec.RateText()))
	}
	n.Refresh()
}
