package importer

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// memberImport brings a member list (from a QQ group tool, or kept in Excel) into one
// group: members are matched by QQ number across all groups, so someone already known
// from another group gets a seat here instead of a second record.
type memberImport struct {
	columns[sheet.MemberField]
	group    data.Group
	existing []data.Member
}

func (*memberImport) title() string { return "导入成员" }

func (m *memberImport) load(store *data.Store) error {
	existing, err := store.Members(0)
	m.existing = existing
	return err
}

// options says which group the list goes into: the current one.
func (m *memberImport) options(func()) fyne.CanvasObject {
	return widget.NewLabel("  导入到「" + m.group.Name + "」")
}

func (m *memberImport) planner() planFunc {
	mm, existing, groupID := m.mapping.Clone(), m.existing, m.group.ID
	return func(t *sheet.Table, now time.Time, loc *time.Location) (plannedImport, error) {
		p, err := sheet.NewMemberPlan(t, mm, existing, groupID, sheet.Options{Now: now, Loc: loc})
		return newPlanned(p, err, (*data.Store).SaveMembers, memberRowName)
	}
}
