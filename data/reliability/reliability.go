// Package reliability judges suppliers (上家/货源) by the resources they supplied: how
// many went 失效, the rate, and whether adding another resource from one deserves a
// warning. It is pure: the store counts, this package decides. It imports neither
// GORM nor Fyne.
package reliability

import (
	"fmt"
	"time"
)

// DefaultPercent is the invalid rate above which a supplier is warned about, until the
// owner sets another: one resource in five going bad is more than bad luck.
const DefaultPercent = 20

// MinPercent and MaxPercent bound the owner's threshold.
const (
	MinPercent = 1
	MaxPercent = 100
)

// MinResources is how many resources a supplier must have supplied before its rate is
// judged. With one or two, a single bad card is a rate of 50–100 % that says nothing
// about the supplier; from three on, one bad card is 33 % and two are 67 %, and the
// owner has seen the supplier more than once.
const MinResources = 3

// Record is one supplier's history as the store counts it.
type Record struct {
	SupplierID   uint
	Name         string
	Resources    int        // resources recorded with this supplier
	Invalid      int        // of those, how many were ever marked 失效
	LastIncident *time.Time // when one of them was last marked 失效, or nil
}

// Percent is the invalid rate in whole percent, rounded down; 0 with no resources.
func (r Record) Percent() int {
	if r.Resources <= 0 {
		return 0
	}
	return r.Invalid * 100 / r.Resources
}

// RateText shows the rate as the owner reads it, to a tenth of a percent rounded half
// up: 25%, 33.3%, 66.7%, or — with no resources.
func (r Record) RateText() string {
	if r.Resources <= 0 {
		return "—"
	}
	tenths := (r.Invalid*1000 + r.Resources/2) / r.Resources
	if tenths%10 == 0 {
		return fmt.Sprintf("%d%%", tenths/10)
	}
	return fmt.Sprintf("%d.%d%%", tenths/10, tenths%10)
}

// Judged reports whether the supplier has supplied enough to be judged at all.
func (r Record) Judged() bool { return r.Resources >= MinResources }

// Above reports whether the supplier's invalid rate is above percent (strictly: at a
// threshold of 20 %, one bad card in five is not yet a warning, one in four is).
// Suppliers with fewer than MinResources are never above. The comparison is in
// integers, so 1 in 5 at 20 % is exactly at the line, not a rounding away from it.
func (r Record) Above(percent int) bool {
	if !r.Judged() {
		return false
	}
	return r.Invalid*100 > percent*r.Resources
}

// CheckPercent says whether percent can be a threshold.
func CheckPercent(percent int) bool { return percent >= MinPercent && percent <= MaxPercent }

// Note is what the resource form says about the supplier chosen, r (known is false
// for a name not seen before), at the owner's line percent; warn is true when it is
// above the line. The sentence fits two short lines.
func Note(r Record, known bool, percent int) (text string, warn bool) {
	switch {
	case !known:
		return "新的供应商，还没有记录。", false
	case r.Above(percent):
		return fmt.Sprintf("⚠ 这家供应商失效率 %s（%d 个里 %d 个），高于 %d%%，建议先核实。",
			r.RateText(), r.Resources, r.Invalid, percent), true
	case !r.Judged():
		return fmt.Sprintf("这家供应商供过 %d 个，失效过 %d 个；满 %d 个才算失效率。", r.Resources, r.Invalid, MinResources), false
	}
	return fmt.Sprintf("这家供应商供过 %d 个，失效过 %d 个（失效率 %s）。", r.Resources, r.Invalid, r.RateText()), false
}
