package data

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/chatlog"
)

// chatMsg is one message of a generated text export.
type chatMsg struct {
	group, name, qq, text string
	at                    time.Time // UTC
}

var chinaZone = time.FixedZone("CST", 8*3600)

const chatSep = "================================================================"

// writeChatText writes msgs as QQ's 消息管理器 would (a new block whenever the group
// changes) and returns the path. cut, when not empty, is written at the very end
// without a line end (a file cut short).
func writeChatText(t testing.TB, dir, name string, msgs []chatMsg, cut string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<16)
	fmt.Fprintf(w, "消息记录（此消息记录为文本格式，不支持重新导入）\r\n\r\n")
	group := "\x00"
	for _, m := range msgs {
		if m.group != group {
			group = m.group
			fmt.Fprintf(w, "%s\r\n消息分组:我的群聊\r\n%s\r\n消息对象:%s\r\n%s\r\n\r\n", chatSep, chatSep, group, chatSep)
		}
		fmt.Fprintf(w, "%s %s(%s)\r\n%s\r\n\r\n", m.at.In(chinaZone).Format("2006-01-02 15:04:05"), m.name, m.qq, m.text)
	}
	w.WriteString(cut)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// chatDay is the generated chats' first moment.
var chatDay = time.Date(2025, 3, 1, 2, 0, 0, 0, time.UTC)

// genChat makes n messages of one group, a minute apart, from a few senders.
func genChat(group string, from, n int) []chatMsg {
	out := make([]chatMsg, n)
	for i := range out {
		k := from + i
		out[i] = chatMsg{group: group, name: fmt.Sprintf("成员%d", k%7), qq: fmt.Sprint(200000 + k%7),
			text: fmt.Sprintf("第 %d 条消息", k), at: chatDay.Add(time.Duration(k) * time.Minute)}
	}
	return out
}

func chatRows(t *testing.T, s *Store, where string, args ...any) int64 {
	t.Helper()
	var n int64
	q := s.db.Model(&ChatMessage{})
	if where != "" {
		q = q.Where(where, args...)
	}
	if err := q.Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func chatGroup(t *testing.T, s *Store, name, number string) Group {
	t.Helper()
	g := Group{Name: name, Number: number}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	return g
}

func importChat(t *testing.T, s *Store, path string, keep bool, groups ...ChatGroupChoice) (ChatImport, error) {
	t.Helper()
	return s.ImportChat(context.Background(), path, ChatChoices{Groups: groups, KeepIncomplete: keep}, nil)
}

func TestImportChatCountsAndReimport(t *testing.T) {
	s := newTestStore(t)
	dir := t.TempDir()
	g := chatGroup(t, s, "资源群", "123456")
	known := Member{QQ: "200001", Nickname: "老成员"}
	if err := s.SaveMember(&known); err != nil {
		t.Fatal(err)
	}
	msgs := append(genChat("资源群", 0, 10), genChat("闲聊群", 100, 5)...)
	// Two identical messages in one second: both are kept.
	same := chatMsg{group: "资源群", name: "复读机", qq: "300000", text: "+1", at: chatDay.Add(time.Hour)}
	msgs = append(msgs[:10:10], append([]chatMsg{same, same}, msgs[10:]...)...)
	path := writeChatText(t, dir, "导出.txt", msgs, "")

	scan, err := ScanChat(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(scan.Groups) != 2 || scan.Groups[0].Name != "资源群" || scan.Groups[0].Messages != 12 || scan.Groups[1].Messages != 5 || scan.Cut != nil {
		t.Fatalf("scan = %+v", scan)
	}
	defaults, err := s.ChatGroupDefaults(scan.Groups, 0)
	if err != nil {
		t.Fatal(err)
	}
	if defaults["资源群"] != g.ID || defaults["闲聊群"] != 0 {
		t.Fatalf("defaults = %v", defaults)
	}

	var seen []ChatProgress
	imp, err := s.ImportChat(context.Background(), path, ChatChoices{Groups: []ChatGroupChoice{{Name: "资源群", GroupID: &g.ID}}},
		func(p ChatProgress) { seen = append(seen, p) })
	if err != nil {
		t.Fatal(err)
	}
	if imp.State != ChatImportDone || imp.Added != 12 || imp.Skipped != 0 || imp.Messages != 12 || imp.Format != "txt" {
		t.Fatalf("import = %+v", imp)
	}
	if len(seen) == 0 || seen[len(seen)-1].Messages != 12 || seen[len(seen)-1].Bytes == 0 {
		t.Fatalf("progress = %+v", seen)
	}
	if n := chatRows(t, s, "group_id = ? AND import_id = ?", g.ID, imp.ID); n != 12 {
		t.Fatalf("rows in the group = %d, want 12", n)
	}
	if n := chatRows(t, s, "chat_group = ?", "闲聊群"); n != 0 {
		t.Fatalf("rows of the group not chosen = %d", n)
	}
	if n := chatRows(t, s, "member_id = ?", known.ID); n != 2 { // messages 1 and 8
		t.Fatalf("rows linked to the member = %d, want 2", n)
	}
	var first ChatMessage
	if err := s.db.Where("text = ?", "第 0 条消息").First(&first).Error; err != nil {
		t.Fatal(err)
	}
	if !first.At.Equal(chatDay) || first.SenderQQ != "200000" || first.SenderName != "成员0" {
		t.Fatalf("first = %+v", first)
	}

	again, err := importChat(t, s, path, false, ChatGroupChoice{Name: "资源群", GroupID: &g.ID})
	if err != nil {
		t.Fatal(err)
	}
	if again.State != ChatImportDone || again.Added != 0 || again.Skipped != 12 {
		t.Fatalf("re-import = %+v", again)
	}
	if n := chatRows(t, s, ""); n != 12 {
		t.Fatalf("rows after re-import = %d, want 12", n)
	}

	// An overlapping export: the last 4 messages again and 6 new ones.
	over := writeChatText(t, dir, "后来的导出.txt", genChat("资源群", 6, 10), "")
	third, err := importChat(t, s, over, false, ChatGroupChoice{Name: "资源群", GroupID: &g.ID})
	if err != nil {
		t.Fatal(err)
	}
	if third.Added != 6 || third.Skipped != 4 {
		t.Fatalf("overlap = %+v", third)
	}
	if n := chatRows(t, s, ""); n != 18 {
		t.Fatalf("rows after the overlap = %d, want 18", n)
	}
	imps, err := s.ChatImports()
	if err != nil || len(imps) != 3 || imps[0].ID != third.ID {
		t.Fatalf("imports = %+v, %v", imps, err)
	}
}

func TestImportChatCancelLeavesNothing(t *testing.T) {
	s := newTestStore(t)
	path := writeChatText(t, t.TempDir(), "大群.txt", genChat("大群", 0, 5*chatBatch), "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	batches := 0
	imp, err := s.ImportChat(ctx, path, ChatChoices{Groups: []ChatGroupChoice{{Name: "大群"}}}, func(p ChatProgress) {
		batches++
		if batches == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if batches != 2 {
		t.Fatalf("batches written = %d, want 2 before the cancel", batches)
	}
	if n := chatRows(t, s, "import_id = ?", imp.ID); n != 0 {
		t.Fatalf("rows left = %d", n)
	}
	var got ChatImport
	if err := s.db.First(&got, imp.ID).Error; err != nil {
		t.Fatal(err)
	}
	if got.State != ChatImportCancelled || got.FinishedAt == nil {
		t.Fatalf("import = %+v", got)
	}
	// The same file imports whole afterwards.
	imp, err = importChat(t, s, path, false, ChatGroupChoice{Name: "大群"})
	if err != nil || imp.Added != 5*chatBatch {
		t.Fatalf("import after the cancel = %+v, %v", imp, err)
	}
}

func TestImportChatBadFilesLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	notExport := filepath.Join(dir, "名单.txt")
	if err := os.WriteFile(notExport, []byte("QQ号,昵称\n10001,老王\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A good start of several batches, then bytes that are neither UTF-8 nor GBK.
	broken := writeChatText(t, dir, "坏了.txt", genChat("大群", 0, 3*chatBatch), "2025-04-01 10:00:00 坏人(200001)\r\n\xff\xff\xff\r\n")
	for _, tc := range []struct {
		name, path string
		kind       chatlog.ErrorKind
	}{
		{"not an export", notExport, chatlog.NotExport},
		{"undecodable after good batches", broken, chatlog.Undecodable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newTestStore(t)
			imp, err := importChat(t, s, tc.path, true, ChatGroupChoice{Name: "大群"})
			var ce *chatlog.Error
			if !errors.As(err, &ce) || ce.Kind != tc.kind {
				t.Fatalf("err = %v, want kind %d", err, tc.kind)
			}
			if n := chatRows(t, s, ""); n != 0 {
				t.Fatalf("rows left = %d", n)
			}
			var got ChatImport
			if err := s.db.First(&got, imp.ID).Error; err != nil {
				t.Fatal(err)
			}
			if got.State != ChatImportFailed || got.Added != 0 {
				t.Fatalf("import = %+v", got)
			}
		})
	}
}

func TestImportChatCutShort(t *testing.T) {
	dir := t.TempDir()
	path := writeChatText(t, dir, "半截.txt", genChat("群", 0, 10), "2025-03-02 10:1")
	scan, err := ScanChat(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if scan.Cut == nil || scan.Cut.Complete != 10 || len(scan.Groups) != 1 || scan.Groups[0].Messages != 10 {
		t.Fatalf("scan = %+v", scan)
	}
	for _, keep := range []bool{false, true} {
		t.Run(fmt.Sprint("keep=", keep), func(t *testing.T) {
			s := newTestStore(t)
			imp, err := importChat(t, s, path, keep, ChatGroupChoice{Name: "群"})
			if !keep {
				var ce *chatlog.Error
				if !errors.As(err, &ce) || ce.Kind != chatlog.Incomplete || imp.State != ChatImportFailed {
					t.Fatalf("import = %+v, %v", imp, err)
				}
				if n := chatRows(t, s, ""); n != 0 {
					t.Fatalf("rows left = %d", n)
				}
				return
			}
			if err != nil || imp.State != ChatImportDone || !imp.Incomplete || imp.Added != 10 {
				t.Fatalf("import = %+v, %v", imp, err)
			}
			if n := chatRows(t, s, ""); n != 10 {
				t.Fatalf("rows = %d, want 10", n)
			}
		})
	}
}

func TestInterruptedChatImportCleanedAtOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFile)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	imp := ChatImport{FileName: "x.txt", State: ChatImportRunning, StartedAt: s.Now()}
	if err := s.db.Create(&imp).Error; err != nil {
		t.Fatal(err)
	}
	done := ChatImport{FileName: "y.txt", State: ChatImportDone, StartedAt: s.Now()}
	if err := s.db.Create(&done).Error; err != nil {
		t.Fatal(err)
	}
	row := func(i int) chatInsertRow {
		return chatInsertRow{group: "群", at: chatDay.Add(time.Duration(i) * time.Second), text: "hi", key: int64(i)}
	}
	var rows, kept []chatInsertRow
	for i := range 30 {
		rows = append(rows, row(i))
		kept = append(kept, row(100+i))
	}
	if _, err := s.insertChatRows(context.Background(), imp.ID, rows); err != nil {
		t.Fatal(err)
	}
	if _, err := s.insertChatRows(context.Background(), done.ID, kept); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = s.Close() }()
	if n := chatRows(t, s, "import_id = ?", imp.ID); n != 0 {
		t.Fatalf("rows of the interrupted import = %d", n)
	}
	if n := chatRows(t, s, "import_id = ?", done.ID); n != 30 {
		t.Fatalf("rows of the finished import = %d, want 30", n)
	}
	var got ChatImport
	if err := s.db.First(&got, imp.ID).Error; err != nil {
		t.Fatal(err)
	}
	if got.State != ChatImportFailed {
		t.Fatalf("interrupted import = %+v", got)
	}
}

func TestNewChatSendersOfferedAndAdded(t *testing.T) {
	s := newTestStore(t)
	g := chatGroup(t, s, "资源群", "123456")
	known := Member{QQ: "200001", Nickname: "老成员"}
	if err := s.SaveMember(&known); err != nil {
		t.Fatal(err)
	}
	msgs := genChat("资源群", 0, 14) // senders 200000…200006, two messages each
	msgs = append(msgs, chatMsg{group: "资源群", name: "系统消息", qq: "10000", text: "小张(200009) 加入本群", at: chatDay.Add(time.Hour)})
	path := writeChatText(t, t.TempDir(), "群.txt", msgs, "")
	imp, err := importChat(t, s, path, false, ChatGroupChoice{Name: "资源群", GroupID: &g.ID})
	if err != nil {
		t.Fatal(err)
	}
	senders, err := s.NewChatSenders(imp.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(senders) != 6 {
		t.Fatalf("senders = %+v, want 6 (not the member, not the system)", senders)
	}
	for _, c := range senders {
		if c.QQ == known.QQ || c.QQ == "10000" || c.Messages != 2 || len(c.GroupIDs) != 1 || c.GroupIDs[0] != g.ID {
			t.Fatalf("sender %+v", c)
		}
	}
	if senders[0].QQ != "200000" || senders[0].Name != "成员0" {
		t.Fatalf("first sender = %+v", senders[0])
	}
	n, err := s.AddChatSenders(senders[:2])
	if err != nil || n != 2 {
		t.Fatalf("added %d, %v", n, err)
	}
	var m *Member
	all, err := s.Members(g.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range all {
		if all[i].QQ == "200000" {
			m = &all[i]
		}
	}
	if m == nil {
		t.Fatalf("members = %+v", all)
	}
	if m.Nickname != "成员0" || m.In(g.ID) == nil || m.In(g.ID).CardName != "成员0" {
		t.Fatalf("member = %+v", m)
	}
	if c := chatRows(t, s, "member_id = ?", m.ID); c != 2 {
		t.Fatalf("messages linked = %d, want 2", c)
	}
	rest, err := s.NewChatSenders(imp.ID)
	if err != nil || len(rest) != 4 {
		t.Fatalf("left to offer = %+v, %v", rest, err)
	}
}

func TestChatKeys(t *testing.T) {
	at := chatDay
	msg := func(text string, sec int) chatlog.Message {
		return chatlog.Message{Group: "群", SenderQQ: "10001", Text: text, At: at.Add(time.Duration(sec) * time.Second)}
	}
	seq := []chatlog.Message{msg("a", 0), msg("a", 0), msg("b", 0), msg("a", 1), msg("a", 0)}
	keys := func() []int64 {
		k := newChatKeyer()
		var out []int64
		for i := range seq {
			out = append(out, k.key(&seq[i]))
		}
		return out
	}
	k1, k2 := keys(), keys()
	for i := range k1 {
		if k1[i] != k2[i] {
			t.Fatalf("keys differ between readings at %d", i)
		}
	}
	if k1[0] == k1[1] || k1[0] == k1[2] || k1[0] == k1[3] {
		t.Fatalf("distinct messages share a key: %v", k1)
	}
	// Once the time moved on, the count starts again: the same message in a later
	// part of the file counts as the first again (documented limit).
	if k1[4] != k1[0] {
		t.Fatalf("keys = %v", k1)
	}
	other := chatlog.Message{Group: "别的群", SenderQQ: "10001", Text: "a", At: at}
	if newChatKeyer().key(&other) == k1[0] {
		t.Fatal("the group is not part of the key")
	}
}

// A QQChatExporter JSON export imports like a text one: every message of its one
// chat, the group found by number, and a second import adds nothing.
func TestImportChatJSON(t *testing.T) {
	s := newTestStore(t)
	path := filepath.Join("chatlog", "testdata", "QQChatExporter_群.json")
	scan, err := ScanChat(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if scan.Format != "json" || len(scan.Groups) != 1 || scan.Groups[0].Messages == 0 || scan.Cut != nil {
		t.Fatalf("scan = %+v", scan)
	}
	found := scan.Groups[0]
	g := chatGroup(t, s, "别的名字", found.QQ)
	defaults, err := s.ChatGroupDefaults(scan.Groups, 0)
	if err != nil || found.QQ == "" || defaults[found.Name] != g.ID {
		t.Fatalf("group %+v mapped %v, %v", found, defaults, err)
	}
	imp, err := importChat(t, s, path, false, ChatGroupChoice{Name: found.Name, GroupID: &g.ID})
	if err != nil || imp.Format != "json" || imp.Added != int64(found.Messages) {
		t.Fatalf("import = %+v, %v (want %d)", imp, err, found.Messages)
	}
	if n := chatRows(t, s, "group_id = ? AND chat_group_qq = ?", g.ID, found.QQ); n != int64(found.Messages) {
		t.Fatalf("rows = %d", n)
	}
	again, err := importChat(t, s, path, false, ChatGroupChoice{Name: found.Name, GroupID: &g.ID})
	if err != nil || again.Added != 0 || again.Skipped != int64(found.Messages) {
		t.Fatalf("again = %+v, %v", again, err)
	}
}
