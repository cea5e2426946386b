package posts

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

func blacklistEntries() []data.BlacklistEntry {
	at := fixedNow.UTC()
	entry := func(id uint, name, supplier string, reason data.InvalidReason, note string, ago time.Duration) data.BlacklistEntry {
		r := data.Resource{ID: id, Name: name, Status: data.StatusInvalid}
		if supplier != "" {
			r.Supplier = &data.Supplier{Name: supplier}
		}
		return data.BlacklistEntry{Resource: r, Mark: data.ResourceEvent{ID: id, ResourceID: id, Kind: data.EventInvalid,
			Reason: reason, Note: note, ByName: "群主", At: at.Add(-ago)}}
	}
	return []data.BlacklistEntry{
		entry(3, "王者荣耀点券 60点", "老王卡铺", data.ReasonCardInvalid, "群友 QQ 2851234567 反馈：\n卡密 ABCD-EFGH-JKLM-NPQR 提示已使用", time.Hour),
		entry(2, "爱奇艺黄金VIP会员 月卡", "", data.ReasonSupplierGone, "", 26*time.Hour),
		entry(1, "滴滴打车 券包", "小李货源", data.ReasonMismatch, "实际只有 3 张券", 50*time.Hour),
		{Resource: data.Resource{ID: 9, Name: "老版本标的失效资源", Status: data.StatusInvalid},
			Mark: data.ResourceEvent{ResourceID: 9, Kind: data.EventInvalid, At: at.Add(-90 * 24 * time.Hour)}},
	}
}

func TestBlacklistGolden(t *testing.T) {
	known := []string{"2851234567"}
	for _, tt := range []struct {
		name string
		got  string
	}{
		{"blacklist", BlacklistPost(group, blacklistEntries(), BlacklistOptions{}, fixedNow, cst, known)},
		{"blacklist_full", BlacklistPost(group, blacklistEntries(), BlacklistOptions{Suppliers: true, Evidence: true}, fixedNow, cst, known)},
		{"blacklist_empty", BlacklistPost(data.Group{}, nil, BlacklistOptions{}, fixedNow, cst, known)},
	} {
		t.Run(tt.name, func(t *testing.T) { assertGolden(t, tt.name, tt.got) })
	}
}

// No QQ number or card code in an evidence note reaches the post, and the options
// decide whether suppliers and notes show at all.
func TestBlacklistPostMasksAndOptions(t *testing.T) {
	full := BlacklistPost(group, blacklistEntries(), BlacklistOptions{Suppliers: true, Evidence: true}, fixedNow, cst, []string{"2851234567"})
	for _, secret := range []string{"2851234567", "ABCD-EFGH-JKLM-NPQR"} {
		if strings.Contains(full, secret) {
			t.Errorf("%s shown whole:\n%s", secret, full)
		}
	}
	for _, want := range []string{"供应商：老王卡铺", "说明：实际只有 3 张券", "原因：未记录"} {
		if !strings.Contains(full, want) {
			t.Errorf("full post lacks %q:\n%s", want, full)
		}
	}
	plain := BlacklistPost(group, blacklistEntries(), BlacklistOptions{}, fixedNow, cst, nil)
	for _, not := range []string{"老王卡铺", "实际只有"} {
		if strings.Contains(plain, not) {
			t.Errorf("plain post shows %q:\n%s", not, plain)
		}
	}
}

// A long blacklist splits into parts QQ takes, each within the limit.
func TestBlacklistPostSplits(t *testing.T) {
	var es []data.BlacklistEntry
	for i := range 120 {
		e := blacklistEntries()[i%3]
		e.Resource.Name += " 第" + Numeral(i%99+1) + "批"
		es = append(es, e)
	}
	text := BlacklistPost(group, es, BlacklistOptions{Suppliers: true, Evidence: true}, fixedNow, cst, nil)
	parts := Split(text, MaxPartRunes)
	if len(parts) < 2 {
		t.Fatalf("120 entries make %d part(s)", len(parts))
	}
	for i, p := range parts {
		if n := len([]rune(p)); n > MaxPartRunes+20 {
			t.Errorf("part %d has %d characters", i+1, n)
		}
	}
}
