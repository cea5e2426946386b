package data

import "time"

// Attention is something about a resource that the owner should act on today; the 今日
// home counts them and the catalog filters by them, with the same rule.
type Attention int

// The kinds of attention a resource can need.
const (
	AttentionNone     Attention = iota
	AttentionExpiring           // on sale, and its 限时 ends within ExpiringWithin
	AttentionLowStock           // on sale, with a counted stock above 0 and under the low-stock line
)

// Needs reports whether r needs attention a at now; lowStock is the owner's low-stock line.
func (r *Resource) Needs(a Attention, now time.Time, lowStock int) bool {
	if r.StateAt(now) != StateOnSale {
		return false
	}
	switch a {
	case AttentionExpiring:
		return r.ValidUntil != nil && !r.ValidUntil.After(now.Add(ExpiringWithin))
	case AttentionLowStock:
		return !r.Unlimited && r.Stock > 0 && r.Stock < lowStock
	}
	return false
}
