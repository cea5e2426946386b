package data

import "strings"

// ResourceStatus is what the owner set a resource to. What the catalog shows also
// depends on stock and dates: see Resource.StateAt.
type ResourceStatus string

// The statuses an owner sets.
const (
	StatusOnSale   ResourceStatus = "on_sale"   // 上架
	StatusSoldOut  ResourceStatus = "sold_out"  // 售罄
	StatusOffShelf ResourceStatus = "off_shelf" // 下架
	StatusInvalid  ResourceStatus = "invalid"   // 失效
)

// ResourceStatuses lists the statuses in the order forms offer them.
var ResourceStatuses = []ResourceStatus{StatusOnSale, StatusSoldOut, StatusOffShelf, StatusInvalid}

var statusLabels = map[ResourceStatus]string{
	StatusOnSale: "上架", StatusSoldOut: "售罄", StatusOffShelf: "下架", StatusInvalid: "失效",
}

// Label is the status in the owner's words.
func (s ResourceStatus) Label() string { return statusLabels[s] }

// StatusByLabel finds a status by its Chinese label (上架…) or its code.
func StatusByLabel(label string) (ResourceStatus, bool) {
	label = strings.TrimSpace(label)
	for s, l := range statusLabels {
		if l == label || string(s) == label {
			return s, true
		}
	}
	return "", false
}

// ResourceState is what a resource is at a given moment, as the catalog shows it.
type ResourceState string

// The states a resource can be in; only StateOnSale appears in the index post.
const (
	StateOnSale   ResourceState = "上架"
	StateSoldOut  ResourceState = "售罄"
	StateOffShelf ResourceState = "下架"
	StateInvalid  ResourceState = "失效"
	StateExpired  ResourceState = "已过期"
	StateUpcoming ResourceState = "未开始"
)

// ResourceStates lists the states in the order filters offer them.
var ResourceStates = []ResourceState{StateOnSale, StateSoldOut, StateUpcoming, StateExpired, StateOffShelf, StateInvalid}
