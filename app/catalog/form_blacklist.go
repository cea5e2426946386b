package catalog

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/reliability"
)

// The resource form and the blacklist: 失效 is not one of the form's statuses, since a
// resource goes on the blacklist only with a reason (标为失效… under the table) and
// comes off it only with a note (移出失效名单…). A resource already 失效 keeps that
// status in the form, locked. Under the status the form says how reliable the chosen
// supplier has been, and warns when its invalid rate is above the owner's line.

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

// newSupplierNote makes the note on the supplier: empty until a supplier is typed.
func newSupplierNote() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// statusCell is the status with the supplier's note under it, in the room the stock's
// problem line and note leave beside it: the form keeps its height, and nothing moves
// when a note appears (the notes are at most two lines).
func (f *resourceForm) statusCell() fyne.CanvasObject {
	return container.NewVBox(f.status, f.supplierNote)
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
		n.SetText("在失效名单里：恢复请用资源库下方的「移出失效名单…」。")
		return
	}
	name := strings.TrimSpace(f.supplier.Text)
	rec, known := f.reliab[name]
	if name == "" || f.reliab == nil {
		n.SetText("")
		return
	}
	text, warn := reliability.Note(rec, known, f.warnPercent)
	if warn {
		n.Importance = widget.WarningImportance
	}
	n.SetText(text)
	n.Refresh()
}
