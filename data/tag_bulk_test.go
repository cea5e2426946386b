package data

import (
	"testing"
)

func memberTagRows(t *testing.T, s *Store, kind TagKind, value string) map[uint]bool {
	t.Helper()
	var ids []uint
	if err := s.db.Model(&MemberTag{}).Where("kind = ? AND value = ?", kind, value).Pluck("member_id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	out := map[uint]bool{}
	for _, id := range ids {
		out[id] = true
	}
	return out
}

func TestAddAndRemoveTagForMembers(t *testing.T) {
	f := newMatchFixture(t)
	s := f.s
	ids := []uint{f.id("兴趣王者"), f.id("在求点券"), f.id("追剧")}
	n, err := s.AddTagToMembers(ids, TagInterest, "原神")
	if err != nil || n != 3 {
		t.Fatalf("added %d (%v), want 3", n, err)
	}
	// Again, with one more member: only the new one gets a row.
	n, err = s.AddTagToMembers(append(ids, f.id("告知过")), TagInterest, "原神")
	if err != nil || n != 1 {
		t.Fatalf("added again %d (%v), want 1", n, err)
	}
	if got := memberTagRows(t, s, TagInterest, "原神"); len(got) != 4 || !got[f.id("告知过")] {
		t.Errorf("rows %v", got)
	}
	ms, _ := s.Members(0)
	for _, m := range ms {
		if m.ID == f.id("追剧") && !ParseQuery("ys").Matches(m.SearchKey) {
			t.Errorf("search key %q does not find the new tag by its initials", m.SearchKey)
		}
	}
	n, err = s.RemoveTagFromMembers([]uint{f.id("兴趣王者"), f.id("别的群")}, TagInterest, "原神")
	if err != nil || n != 1 {
		t.Fatalf("removed %d (%v), want 1", n, err)
	}
	if got := memberTagRows(t, s, TagInterest, "原神"); len(got) != 3 || got[f.id("兴趣王者")] {
		t.Errorf("rows after removing %v", got)
	}
}

func TestCheckTag(t *testing.T) {
	tests := []struct {
		kind  TagKind
		value string
		ok    bool
	}{
		{TagInterest, " 原神 ", true},
		{TagMotivation, "刚需获取", true},
		{TagSegment, "学生", true},
		{TagMotivation, "想白嫖", false},
		{TagInterest, "", false},
		{TagInterest, "原神,王者", false},
		{TagInterest, "原神 王者", false},
		{TagInterest, "一二三四五六七八九十一二三", false},
		{"", "原神", false},
	}
	for _, tt := range tests {
		_, err := CheckTag(tt.kind, tt.value)
		if (err == nil) != tt.ok {
			t.Errorf("CheckTag(%q, %q) = %v", tt.kind, tt.value, err)
		}
		if err != nil {
			if _, ok := err.(ValidationError); !ok {
				t.Errorf("CheckTag(%q, %q) is not a form problem: %T", tt.kind, tt.value, err)
			}
		}
	}
}

func TestSuggestedTagsAndDecisions(t *testing.T) {
	f := newMatchFixture(t)
	s := f.s
	f.request(t, "追剧", "求王者点券", 3, RequestWaiting)
	f.request(t, "追剧", "王者皮肤有吗", 10, RequestWaiting)
	f.request(t, "追剧", "有便宜的爱奇艺吗", 20, RequestMet)
	list := func() map[string]string {
		sg, err := s.SuggestedTags(f.a.ID)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, x := range sg {
			if x.MemberID == f.id("追剧") {
				out[string(x.Kind)+":"+x.Value] = x.Reason
			}
		}
		return out
	}
	got := list()
	want := map[string]string{
		"interest:王者荣耀":   "求过 2 次：「王者皮肤有吗」「求王者点券」",
		"motivation:刚需获取": "最近 90 天求过 3 次资源",
	}
	if len(got) != len(want) || got["interest:王者荣耀"] != want["interest:王者荣耀"] || got["motivation:刚需获取"] != want["motivation:刚需获取"] {
		t.Fatalf("suggestions %q, want %q", got, want)
	}
	if err := s.DecideTag(f.id("追剧"), TagInterest, "王者荣耀", true); err != nil {
		t.Fatal(err)
	}
	if err := s.DecideTag(f.id("追剧"), TagMotivation, "刚需获取", false); err != nil {
		t.Fatal(err)
	}
	if got := list(); len(got) != 0 {
		t.Errorf("after deciding both: %q", got)
	}
	if !memberTagRows(t, s, TagInterest, "王者荣耀")[f.id("追剧")] {
		t.Errorf("the accepted tag was not given")
	}
	if memberTagRows(t, s, TagMotivation, "刚需获取")[f.id("追剧")] {
		t.Errorf("the dismissed tag was given")
	}
	// Removing the accepted tag by hand does not bring the suggestion back either.
	if _, err := s.RemoveTagFromMembers([]uint{f.id("追剧")}, TagInterest, "王者荣耀"); err != nil {
		t.Fatal(err)
	}
	if got := list(); len(got) != 0 {
		t.Errorf("after removing the accepted tag: %q", got)
	}
	wantCount(t, s, &TagDecision{}, 2)
}
