package data

import (
	"testing"
)

func TestRecordPost(t *testing.T) {
	s := newTestStore(t)
	g := Group{Name: "卡盟福利群", Number: "123456789"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	a := saveDraft(t, s, draftNamed("王者荣耀点券 60元", "游戏类", ""))
	b := saveDraft(t, s, draftNamed("优酷VIP年卡", "影音类", ""))
	gid := &g.ID
	steps := []struct {
		name      string
		group     *uint
		kind      PostKind
		body      string
		resources []uint
		newPost   bool // false: the previous post of this kind and group is returned
	}{
		{"first", gid, PostIndex, "【资源索引】1", []uint{a.ID, b.ID}, true},
		{"same text again", gid, PostIndex, "【资源索引】1", []uint{a.ID, b.ID}, false},
		{"same text, other kind", gid, PostNewStock, "【资源索引】1", []uint{a.ID}, true},
		{"new text", gid, PostIndex, "【资源索引】2", []uint{b.ID}, true},
		{"first text again, not consecutive", gid, PostIndex, "【资源索引】1", nil, true},
		{"same text, no group", nil, PostIndex, "【资源索引】1", nil, true},
		{"again with no group", nil, PostIndex, "【资源索引】1", nil, false},
	}
	var lastID uint
	for _, st := range steps {
		p := Post{GroupID: st.group, Kind: st.kind, Title: "资源索引表", Body: st.body}
		if err := s.RecordPost(&p, st.resources); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := p.ID > lastID; got != st.newPost {
			t.Errorf("%s: post id %d after %d, want new post %v", st.name, p.ID, lastID, st.newPost)
		}
		if (p.GroupID == nil) != (st.group == nil) {
			t.Errorf("%s: recorded group %v, want %v", st.name, p.GroupID, st.group)
		}
		if p.ID > lastID {
			lastID = p.ID
		}
	}
	wantCount(t, s, &Post{}, 5)
	wantCount(t, s, &PostResource{}, 4) // 2 + 1 + 1
	var named []PostResource
	s.db.Where("post_id = ?", 1).Order("resource_id").Find(&named)
	if len(named) != 2 || named[0].ResourceID != a.ID || named[1].ResourceID != b.ID {
		t.Errorf("first post names %+v", named)
	}

	ps, err := s.Posts(g.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Body != "【资源索引】1" || ps[1].Body != "【资源索引】2" || !ps[0].CreatedAt.Equal(testNow) {
		t.Errorf("Posts = %+v, want the two newest, newest first", ps)
	}
}

func TestPostTemplate(t *testing.T) {
	s := newTestStore(t)
	steps := []struct {
		name   string
		do     func() error
		kind   PostKind
		want   string
		wantOK bool
	}{
		{"default", nil, PostIndex, "", false},
		{"saved", func() error { return s.SavePostTemplate(PostIndex, "【{群名}资源表】") }, PostIndex, "【{群名}资源表】", true},
		{"other kind untouched", nil, PostNewStock, "", false},
		{"saved again", func() error { return s.SavePostTemplate(PostIndex, "【今日资源】") }, PostIndex, "【今日资源】", true},
		{"reset", func() error { return s.ResetPostTemplate(PostIndex) }, PostIndex, "", false},
		{"reset twice", func() error { return s.ResetPostTemplate(PostIndex) }, PostIndex, "", false},
	}
	for _, st := range steps {
		if st.do != nil {
			if err := st.do(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
		}
		body, ok, err := s.PostTemplate(st.kind)
		if err != nil || body != st.want || ok != st.wantOK {
			t.Errorf("%s: PostTemplate(%s) = %q, %v, %v; want %q, %v", st.name, st.kind, body, ok, err, st.want, st.wantOK)
		}
	}
	wantCount(t, s, &PostTemplate{}, 0)
}
