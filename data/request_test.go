package data

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/wording"
)

// requestStore is a store whose clock the test moves.
func requestStore(t *testing.T) (*Store, *time.Time) {
	t.Helper()
	now := testNow
	s, err := Open(filepath.Join(t.TempDir(), DatabaseFile), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, &now
}

// catalogOf makes resources on sale, named and tagged as given ("name#tag,tag").
func catalogOf(specs ...string) []Resource {
	rs := make([]Resource, len(specs))
	for i, spec := range specs {
		name, tags, _ := strings.Cut(spec, "#")
		rs[i] = Resource{ID: uint(i + 1), Name: name, Tags: tags, Unlimited: true, Status: StatusOnSale}
		rs[i].SearchKey = resourceSearchKey(&rs[i])
	}
	return rs
}

var searchCatalog = catalogOf(
	"和平精英点券 60元",
	"王者荣耀皮肤碎片",
	"王者荣耀点券 600点 安卓QQ区",
	"王者荣耀点券 60点",
	"爱奇艺黄金VIP会员",
	"爱奇艺体育会员 年卡",
	"腾讯视频VIP月卡",
	"QQ音乐绿钻豪华版",
	"原神 空月祝福#原神,月卡",
	"哔哩哔哩大会员年卡",
	"移动话费充值 100元",
	"王者荣耀点券 6点#售罄",
)

func TestRequestSearchRanking(t *testing.T) {
	rs := append([]Resource(nil), searchCatalog...)
	rs[len(rs)-1].Status = StatusSoldOut // never offered: the reply says 有货
	q := NewRequestSearch(wording.NewThesaurus([][2]string{{"绿砖", "绿钻"}}), rs, testNow)
	for _, tc := range []struct {
		ask  string
		want []string // the first matches, in order
		not  string   // a name that must not be found at all
	}{
		{"求王者点券", []string{"王者荣耀点券 60点", "王者荣耀点券 600点 安卓QQ区", "王者荣耀皮肤碎片"}, "王者荣耀点券 6点"},
		{"wzry", []string{"王者荣耀皮肤碎片", "王者荣耀点券 60点", "王者荣耀点券 600点 安卓QQ区"}, "爱奇艺黄金VIP会员"},
		{"求wzry点券", []string{"王者荣耀点券 60点"}, ""},
		{"有没有爱奇艺月卡？", []string{"爱奇艺黄金VIP会员", "爱奇艺体育会员 年卡"}, ""}, // 月卡 → 会员
		{"求腾讯月卡", []string{"腾讯视频VIP月卡"}, ""},
		{"iqy会员", []string{"爱奇艺黄金VIP会员"}, ""},
		{"谁有ys月卡", []string{"原神 空月祝福"}, ""},
		{"B站大会员", []string{"哔哩哔哩大会员年卡"}, ""},
		{"求话费", []string{"移动话费充值 100元"}, ""},
		{"qq音乐绿砖", []string{"QQ音乐绿钻豪华版"}, ""}, // the owner's own synonym
		{"求 hpjy 点券", []string{"和平精英点券 60元"}, ""},
		{"求一张星巴克券", nil, "王者荣耀点券 60点"},
		{"求", nil, ""},
	} {
		ms := q.Find(tc.ask, 20)
		var got []string
		for _, m := range ms {
			got = append(got, rs[m.Index].Name)
		}
		for i, w := range tc.want {
			if i >= len(got) || got[i] != w {
				t.Errorf("%s: found %q, want %q first", tc.ask, got, tc.want)
				break
			}
		}
		if tc.want == nil && len(got) > 0 {
			t.Errorf("%s: found %q, want nothing", tc.ask, got)
		}
		if tc.not != "" {
			for _, g := range got {
				if g == tc.not {
					t.Errorf("%s: found %q, which must not be offered", tc.ask, g)
				}
			}
		}
	}
}

func TestRequestSearchLimit(t *testing.T) {
	q := NewRequestSearch(wording.NewThesaurus(nil), searchCatalog, testNow)
	if n := len(q.Find("会员", 2)); n != 2 {
		t.Fatalf("found %d, want the limit 2", n)
	}
}

// requestFixture saves a group, two members and a resource for request tests.
func requestFixture(t *testing.T, s *Store) (g Group, xiaoming, xiaohong Member, dq Resource) {
	t.Helper()
	g = Group{Name: "王者荣耀交流群", Number: "123456789"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	xiaoming = saveMemberDraft(t, s, MemberDraft{QQ: "10001", Nickname: "小明",
		Memberships: []MembershipDraft{{GroupID: g.ID, CardName: "广州-小明"}}})
	xiaohong = saveMemberDraft(t, s, MemberDraft{QQ: "10002", Nickname: "小红"})
	dq = saveDraft(t, s, draftNamed("王者荣耀点券 60点", "游戏类", ""))
	return g, xiaoming, xiaohong, dq
}

func TestCaptureRequestRefusals(t *testing.T) {
	s, _ := requestStore(t)
	_, m, _, _ := requestFixture(t, s)
	for _, tc := range []struct {
		name  string
		d     RequestDraft
		field string
		msg   string
	}{
		{"no member", RequestDraft{Text: "求王者点券"}, "member", "成员"},
		{"no text", RequestDraft{MemberID: m.ID, Text: "  "}, "text", "要的东西不能为空"},
		{"too long", RequestDraft{MemberID: m.ID, Text: strings.Repeat("求", 201)}, "text", "最多 200 个字"},
		{"member gone", RequestDraft{MemberID: 9999, Text: "求王者点券"}, "member", "不在成员列表"},
	} {
		_, err := s.CaptureRequest(tc.d)
		var ve ValidationError
		if !errors.As(err, &ve) || ve.For(tc.field) == nil || !strings.Contains(ve.For(tc.field).Message, tc.msg) {
			t.Errorf("%s: err = %v, want %s at field %s", tc.name, err, tc.msg, tc.field)
		}
	}
	wantCount(t, s, &Request{}, 0)
	if _, err := s.CaptureRequest(RequestDraft{MemberID: m.ID, Text: strings.Repeat("求", 200)}); err != nil {
		t.Fatalf("200 characters refused: %v", err)
	}
}

func TestRequestLifecycle(t *testing.T) {
	s, now := requestStore(t)
	g, m, _, dq := requestFixture(t, s)
	r, err := s.CaptureRequest(RequestDraft{MemberID: m.ID, GroupID: &g.ID, Text: "求王者点券！"})
	if err != nil {
		t.Fatal(err)
	}
	if r.State != RequestWaiting || r.ItemKey != "王者点券" || !r.AskedAt.Equal(testNow) {
		t.Fatalf("captured %+v", r)
	}
	*now = now.Add(90 * time.Second)
	r, err = s.ReplyRequest(r.ID, dq.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.State != RequestReplied || r.ReplyTime() != 90*time.Second || r.ResourceID == nil || *r.ResourceID != dq.ID ||
		r.CategoryID == nil || *r.CategoryID != dq.CategoryID {
		t.Fatalf("replied %+v (reply time %v)", r, r.ReplyTime())
	}
	*now = now.Add(time.Hour)
	if _, err := s.ReplyRequest(r.ID, dq.ID); err == nil {
		t.Fatal("replied twice")
	}
	r, err = s.CloseRequest(r.ID, RequestMet)
	if err != nil {
		t.Fatal(err)
	}
	if r.State != RequestMet || r.ReplyTime() != 90*time.Second || r.ClosedAt == nil {
		t.Fatalf("met %+v", r)
	}
	var saved Request
	if err := s.db.First(&saved, r.ID).Error; err != nil {
		t.Fatal(err)
	}
	if saved.State != RequestMet || saved.RepliedAt == nil || saved.RepliedAt.Sub(saved.AskedAt) != 90*time.Second {
		t.Fatalf("row %+v", saved)
	}
	var mv *RequestMoveError
	if _, err := s.CloseRequest(r.ID, RequestNoStock); !errors.As(err, &mv) {
		t.Fatalf("met → 无货: err = %v, want a RequestMoveError", err)
	}
	if _, err := s.CloseRequest(r.ID, RequestWaiting); err == nil {
		t.Fatal("closed as 待回复")
	}
	if _, err := s.ReplyRequest(9999, 0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing request: err = %v", err)
	}
}

func TestRequestMoves(t *testing.T) {
	all := []RequestState{RequestWaiting, RequestReplied, RequestMet, RequestNoStock}
	allowed := map[[2]RequestState]bool{
		{RequestWaiting, RequestReplied}: true, {RequestWaiting, RequestMet}: true, {RequestWaiting, RequestNoStock}: true,
		{RequestReplied, RequestMet}: true, {RequestReplied, RequestNoStock}: true,
		{RequestNoStock, RequestReplied}: true, {RequestNoStock, RequestMet}: true,
	}
	for _, from := range all {
		for _, to := range all {
			if got := from.CanMove(to); got != allowed[[2]RequestState{from, to}] {
				t.Errorf("%s → %s: CanMove = %v", from.Label(), to.Label(), got)
			}
		}
	}
}

func TestWaitingRequestsOldestFirst(t *testing.T) {
	s, now := requestStore(t)
	g, m, h, dq := requestFixture(t, s)
	var ids []uint
	for i, text := range []string{"求王者点券", "有没有爱奇艺月卡", "求原神月卡"} {
		member := m.ID
		if i == 1 {
			member = h.ID
		}
		r, err := s.CaptureRequest(RequestDraft{MemberID: member, GroupID: &g.ID, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
		*now = now.Add(time.Minute)
	}
	if _, err := s.ReplyRequest(ids[1], dq.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.WaitingRequests(g.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != ids[0] || got[1].ID != ids[2] || got[0].Member == nil ||
		got[0].Member.DisplayName(g.ID) != "广州-小明" {
		t.Fatalf("waiting %+v", got)
	}
	if other, _ := s.WaitingRequests(g.ID+1, 0); len(other) != 0 {
		t.Fatalf("another group's waiting: %d", len(other))
	}
}

func TestDemandBoardAndRestockOffers(t *testing.T) {
	s, now := requestStore(t)
	g, m, h, _ := requestFixture(t, s)
	capture := func(member uint, text string) Request {
		t.Helper()
		r, err := s.CaptureRequest(RequestDraft{MemberID: member, GroupID: &g.ID, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		*now = now.Add(time.Minute)
		return r
	}
	a := capture(m.ID, "求原神月卡")
	b := capture(h.ID, "有没有原神月卡？")
	c := capture(m.ID, "求原神月卡") // asked twice: counted twice, named once
	capture(h.ID, "求爱奇艺年卡")
	for _, r := range []Request{a, b} {
		if _, err := s.CloseRequest(r.ID, RequestNoStock); err != nil {
			t.Fatal(err)
		}
	}
	board, err := s.DemandBoard(g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(board) != 2 || board[0].ItemKey != "原神月卡" || board[0].Count != 3 || board[0].NoStock != 2 ||
		strings.Join(board[0].Members, "、") != "广州-小明、小红" || !board[0].Oldest.Equal(a.AskedAt) ||
		board[1].ItemKey != "爱奇艺年卡" || board[1].Count != 1 {
		t.Fatalf("board %+v", board)
	}
	offers, err := s.RestockOffers(g.ID, s.Now())
	if err != nil || len(offers) != 0 {
		t.Fatalf("offers before restock: %+v, %v", offers, err)
	}
	*now = now.Add(time.Hour)
	ys := saveDraft(t, s, draftNamed("原神 空月祝福 月卡", "游戏类", ""))
	saveDraft(t, s, draftNamed("原神 创世结晶 648", "游戏类", "")) // no 月卡: not an answer
	offers, err = s.RestockOffers(g.ID, s.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(offers) != 1 || offers[0].Resource.ID != ys.ID || len(offers[0].Requests) != 2 {
		t.Fatalf("offers %+v", offers)
	}
	if _, err := s.NotifyRestock(a.ID, ys.ID); err != nil {
		t.Fatal(err)
	}
	wantCount(t, s, &Notice{}, 1)
	offers, _ = s.RestockOffers(g.ID, s.Now())
	if len(offers) != 1 || len(offers[0].Requests) != 1 || offers[0].Requests[0].ID != b.ID {
		t.Fatalf("offers after one was told: %+v", offers)
	}
	board, _ = s.DemandBoard(g.ID)
	if board[0].Count != 2 || board[0].RequestIDs[0] != b.ID || board[0].RequestIDs[1] != c.ID {
		t.Fatalf("board after one was told %+v", board[0])
	}
}

func TestSynonyms(t *testing.T) {
	s, _ := requestStore(t)
	if _, err := s.AddSynonym("绿砖", "绿钻"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ word, means, field string }{
		{"", "绿钻", "word"},
		{"绿钻", " ", "means"},
		{"绿钻", "绿砖", "means"}, // the same pair the other way round
		{"ＶＩＰ", "vip", "means"},
		{strings.Repeat("词", 31), "会员", "word"},
	} {
		_, err := s.AddSynonym(tc.word, tc.means)
		if ve, ok := err.(ValidationError); !ok || ve.For(tc.field) == nil {
			t.Errorf("AddSynonym(%q, %q) = %v, want a problem at %s", tc.word, tc.means, err, tc.field)
		}
	}
	th, err := s.Thesaurus()
	if err != nil {
		t.Fatal(err)
	}
	if !th.Known("绿砖") || !th.Known("月卡") {
		t.Fatal("thesaurus lacks the owner's or the default words")
	}
	ss, _ := s.Synonyms()
	if len(ss) != 1 {
		t.Fatalf("synonyms %+v", ss)
	}
	if err := s.DeleteSynonym(ss[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSynonym(ss[0].ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete twice: %v", err)
	}
}

func TestFormatWait(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second: "45秒", 12 * time.Minute: "12分钟", 3*time.Hour + 20*time.Minute: "3小时20分",
		2 * time.Hour: "2小时", 53 * time.Hour: "2天5小时", 48 * time.Hour: "2天",
	} {
		if got := FormatWait(d); got != want {
			t.Errorf("FormatWait(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestIndexFrom(t *testing.T) {
	for _, tc := range []struct {
		s, word string
		want    int
	}{
		{"王者荣耀点券|wangzherongyao", "点券", strings.Index("王者荣耀点券", "点券")},
		{"王者荣耀点券", "荣耀", 6},
		{"王者荣耀", "王者", 0},
		{"王者荣耀", "耀", 9},
		{"王者", "王者荣耀", -1},
		{"爱奇艺|aiqiyi", "qiyi", 12},
		{"券点券", "点券", 3},
		{"", "券", -1},
	} {
		if got := indexFrom(tc.s, tc.word); got != tc.want {
			t.Errorf("indexFrom(%q, %q) = %d, want %d", tc.s, tc.word, got, tc.want)
		}
	}
}

// FuzzIndexFrom holds indexFrom to strings.Index.
func FuzzIndexFrom(f *testing.F) {
	f.Add("王者荣耀点券|wangzherongyao|wzrydq", "点券")
	f.Add("券点券", "点券")
	f.Add("\xe7\xe7\x88", "\xe7\x88")
	f.Fuzz(func(t *testing.T, s, word string) {
		if word == "" {
			return
		}
		if got, want := indexFrom(s, word), strings.Index(s, word); got != want {
			t.Fatalf("indexFrom(%q, %q) = %d, strings.Index says %d", s, word, got, want)
		}
	})
}
