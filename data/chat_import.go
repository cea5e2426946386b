package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data/chatlog"
	"gorm.io/gorm"
)

// Chat export import (导入聊天记录).
//
// An import streams the file through chatlog, one message at a time, and writes the
// messages of the chosen groups in batches of chatBatch rows, each in its own short
// transaction tagged with the import's id, so the rest of the app keeps reading and
// writing between batches. The import is all-or-nothing all the same: until it is
// marked done its rows count nowhere (metrics read chat_messages only through imports
// whose state is done, see doneChat in insight_store.go), and when the owner cancels,
// the file turns out bad, or the app stops halfway (cleaned at the next Open), every
// row tagged with its id is removed again.
//
// Every message gets a dedupe key (ChatKey) unique in chat_messages, and rows are
// inserted with ON CONFLICT DO NOTHING: importing the same or an overlapping file
// again adds only what is not there yet.

// ChatGroupChoice is one chat group of the file the owner chose, and the app's group
// its messages go to (nil: none).
type ChatGroupChoice struct {
	Name    string // as the export names it (chatlog.Group.Name)
	GroupID *uint
}

// ChatChoices is what the owner chose for an import.
type ChatChoices struct {
	Groups []ChatGroupChoice
	// KeepIncomplete keeps the complete messages before the cut of a file cut short;
	// without it such a file leaves nothing behind.
	KeepIncomplete bool
}

// ChatProgress is how far an import (or a scan) has got.
type ChatProgress struct {
	Messages int64 // messages of the chosen groups read so far
	Added    int64 // of those, written as new
	Bytes    int64 // bytes of the file read
	Total    int64 // the file's size
}

// ChatScan is what a first reading of an export found: its groups, for the owner to
// choose from.
type ChatScan struct {
	Format string // "txt" or "json"
	Groups []chatlog.Group
	Bytes  int64
	// Cut is set when the file was cut short: Groups count the complete messages
	// before the cut, and the owner must choose whether to keep them.
	Cut *chatlog.Error
}

// ErrChatImportRunning refuses a second import while one runs.
var ErrChatImportRunning = errors.New("a chat import is running")

const (
	chatBatch     = 4000 // rows per transaction
	chatStmtRows  = 20   // rows per INSERT statement (up to 14 values each)
	chatColumns   = 14
	chatDeleteRun = 20000 // rows removed per statement when an import is undone
)

// ScanChat reads the export at path once, to its end, and lists its groups (name,
// number, messages, first and last time). It needs no database. progress, when not
// nil, is called now and then from the calling goroutine. A file that is no export or
// cannot be decoded is a *chatlog.Error; a file cut short is not an error: Cut says so.
func ScanChat(ctx context.Context, path string, progress func(ChatProgress)) (ChatScan, error) {
	f, err := os.Open(path)
	if err != nil {
		return ChatScan{}, &chatlog.Error{Kind: chatlog.ReadFailed, Err: err}
	}
	defer func() { _ = f.Close() }()
	fi, err := f.Stat()
	if err != nil {
		return ChatScan{}, &chatlog.Error{Kind: chatlog.ReadFailed, Err: err}
	}
	cr := &ctxReader{ctx: ctx, r: f, total: fi.Size(), progress: progress}
	groups, err := chatlog.ListGroups(cr)
	if ctx.Err() != nil {
		return ChatScan{}, ctx.Err()
	}
	scan := ChatScan{Groups: groups, Bytes: fi.Size(), Format: formatOf(path)}
	var ce *chatlog.Error
	if errors.As(err, &ce) && ce.Kind == chatlog.Incomplete {
		scan.Cut = ce
		if ce.Format != 0 {
			scan.Format = ce.Format.String()
		}
		return scan, nil
	}
	if err != nil {
		return ChatScan{}, err
	}
	return scan, nil
}

// formatOf guesses the format from the file name; the reader knows better.
func formatOf(path string) string {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return chatlog.FormatJSON.String()
	}
	return chatlog.FormatText.String()
}

// ctxReader stops reading once ctx is done and reports the bytes read.
type ctxReader struct {
	ctx      context.Context
	r        io.Reader
	n, total int64
	calls    int
	progress func(ChatProgress)
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.calls++
	if c.progress != nil && c.calls%16 == 0 {
		c.progress(ChatProgress{Bytes: c.n, Total: c.total})
	}
	return n, err
}

// ChatGroupDefaults maps each chat group found to the app's group it most likely is:
// the group with the same number, else the same name, else current (0: none).
func (s *Store) ChatGroupDefaults(found []chatlog.Group, current uint) (map[string]uint, error) {
	groups, err := s.Groups()
	if err != nil {
		return nil, err
	}
	out := make(map[string]uint, len(found))
	for _, f := range found {
		out[f.Name] = current
		name := strings.TrimSpace(f.Name)
		matched := false
		for _, g := range groups {
			if f.QQ != "" && g.Number == f.QQ {
				out[f.Name], matched = g.ID, true
				break
			}
		}
		if matched {
			continue
		}
		for _, g := range groups {
			if name != "" && strings.TrimSpace(g.Name) == name {
				out[f.Name] = g.ID
				break
			}
		}
	}
	return out, nil
}

// chatInsertRow is one message ready to insert.
type chatInsertRow struct {
	groupID    *uint
	group      string
	groupQQ    string
	at         time.Time
	senderQQ   string
	senderMail string
	senderName string
	title      string
	memberID   *uint
	kind       uint8
	text       string
	mentions   string
	key        int64
}

type chatBatchMsg struct {
	rows  []chatInsertRow
	bytes int64
}

// ImportChat imports the messages of the chosen groups of the export at path. It
// returns the import as recorded: State done with Added and Skipped, or cancelled
// (ctx ended: the error is ctx's) or failed (the error is the *chatlog.Error or the
// database's), in which case none of its messages are left. progress, when not nil,
// is called after each batch from the calling goroutine.
func (s *Store) ImportChat(ctx context.Context, path string, ch ChatChoices, progress func(ChatProgress)) (ChatImport, error) {
	if s.inTx {
		return ChatImport{}, fmt.Errorf("import chat: %w", errInTransaction)
	}
	if len(ch.Groups) == 0 {
		return ChatImport{}, errors.New("import chat: no group chosen")
	}
	f, err := os.Open(path)
	if err != nil {
		return ChatImport{}, &chatlog.Error{Kind: chatlog.ReadFailed, Err: err}
	}
	defer func() { _ = f.Close() }()
	fi, err := f.Stat()
	if err != nil {
		return ChatImport{}, &chatlog.Error{Kind: chatlog.ReadFailed, Err: err}
	}
	var running int64
	if err := s.db.Model(&ChatImport{}).Where("state = ?", ChatImportRunning).Count(&running).Error; err != nil {
		return ChatImport{}, fmt.Errorf("import chat: %w", err)
	}
	if running > 0 {
		return ChatImport{}, ErrChatImportRunning
	}
	names := make([]string, len(ch.Groups))
	target := make(map[string]*uint, len(ch.Groups))
	for i, g := range ch.Groups {
		names[i] = g.Name
		target[g.Name] = g.GroupID
	}
	imp := ChatImport{
		FileName: filepath.Base(path), Format: formatOf(path), Groups: strings.Join(names, "\n"),
		State: ChatImportRunning, Bytes: fi.Size(), StartedAt: s.Now(),
	}
	if err := s.db.Create(&imp).Error; err != nil {
		return ChatImport{}, fmt.Errorf("import chat: %w", err)
	}
	members, err := s.memberIDsByQQ()
	if err != nil {
		return s.undoChatImport(imp, ChatImportFailed, err)
	}

	defer s.chatWritePragmas()()

	rctx, stop := context.WithCancel(ctx)
	defer stop()
	batches := make(chan chatBatchMsg, 2)
	done := make(chan error, 1)
	var format chatlog.Format
	go func() {
		defer close(batches)
		done <- readChat(rctx, f, names, target, members, batches, &format)
	}()

	var p ChatProgress
	p.Total = fi.Size()
	var werr error
	for b := range batches {
		if werr != nil {
			continue // drain so the reader can stop
		}
		if err := ctx.Err(); err != nil {
			werr = err
			stop()
			continue
		}
		added, err := s.insertChatRows(ctx, imp.ID, b.rows)
		if err != nil {
			werr = err
			stop()
			continue
		}
		p.Messages += int64(len(b.rows))
		p.Added += added
		p.Bytes = b.bytes
		if progress != nil {
			progress(p)
		}
	}
	rerr := <-done
	if format != 0 {
		imp.Format = format.String()
	}
	imp.Messages, imp.Added, imp.Skipped = p.Messages, p.Added, p.Messages-p.Added
	if err := ctx.Err(); err != nil {
		return s.undoChatImport(imp, ChatImportCancelled, err)
	}
	if werr != nil {
		return s.undoChatImport(imp, ChatImportFailed, werr)
	}
	var ce *chatlog.Error
	if errors.As(rerr, &ce) && ce.Kind == chatlog.Incomplete && ch.KeepIncomplete {
		imp.Incomplete, rerr = true, nil
	}
	if rerr != nil {
		return s.undoChatImport(imp, ChatImportFailed, rerr)
	}
	now := s.Now()
	imp.State, imp.FinishedAt = ChatImportDone, &now
	if err := s.db.Save(&imp).Error; err != nil {
		return s.undoChatImport(imp, ChatImportFailed, err)
	}
	return imp, nil
}

// readChat reads the export and sends its messages in batches, keyed and linked to
// members. It runs on its own goroutine; it returns the reader's error (nil at the
// clean end), or ctx's.
func readChat(ctx context.Context, r io.Reader, names []string, target map[string]*uint,
	members map[string]uint, out chan<- chatBatchMsg, format *chatlog.Format) error {
	rd, err := chatlog.Open(&ctxReader{ctx: ctx, r: r})
	if err != nil {
		return err
	}
	*format = rd.Format()
	rd.Only(names...)
	keys := newChatKeyer()
	ids := make(map[uint]*uint, len(members)) // one pointer per member, shared by rows
	rows := make([]chatInsertRow, 0, chatBatch)
	send := func() error {
		select {
		case out <- chatBatchMsg{rows: rows, bytes: rd.Offset()}:
		case <-ctx.Done():
			return ctx.Err()
		}
		rows = make([]chatInsertRow, 0, chatBatch)
		return nil
	}
	for {
		m, err := rd.Next()
		if err != nil {
			if len(rows) > 0 {
				if serr := send(); serr != nil {
					return serr
				}
			}
			if errors.Is(err, io.EOF) {
				return nil
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		row := chatInsertRow{
			groupID: target[m.Group], group: m.Group, groupQQ: m.GroupQQ, at: m.At.UTC(),
			senderQQ: m.SenderQQ, senderMail: m.SenderMail, senderName: m.SenderName,
			title: m.Title, kind: uint8(m.Kind), text: m.Text,
			mentions: strings.Join(m.Mentions, "\n"),
		}
		row.key = keys.key(&m)
		if id, ok := members[m.SenderQQ]; ok && m.SenderQQ != "" {
			p := ids[id]
			if p == nil {
				p = new(uint)
				*p = id
				ids[id] = p
			}
			row.memberID = p
		}
		rows = append(rows, row)
		if len(rows) == chatBatch {
			if err := send(); err != nil {
				return err
			}
		}
	}
}

// chatWritePragmas tunes SQLite's connection for the import's bulk writes and returns
// the function that puts the settings back. Neither touches durability (journal mode
// and synchronous stay as Open set them):
//   - temp_store MEMORY keeps the statement journal, which SQLite writes for every
//     multi-row INSERT that might have to undo itself, in memory instead of a temporary
//     file: that was a write() system call for every page a statement touched;
//   - a page cache of 32 MB (instead of 2 MB) holds the pages of the table's indexes that
//     the import keeps revisiting, so fewer are spilled and read again.
//
// Other databases (the coming PostgreSQL) have no such settings: nothing is done there.
func (s *Store) chatWritePragmas() func() {
	if s.db.Dialector.Name() != "sqlite" {
		return func() {}
	}
	var cache int64
	var temp int
	if s.db.Raw("PRAGMA cache_size").Scan(&cache).Error != nil || s.db.Raw("PRAGMA temp_store").Scan(&temp).Error != nil {
		return func() {}
	}
	_ = s.db.Exec("PRAGMA temp_store = MEMORY").Error
	_ = s.db.Exec("PRAGMA cache_size = -32768").Error
	return func() {
		_ = s.db.Exec("PRAGMA cache_size = " + strconv.FormatInt(cache, 10)).Error
		_ = s.db.Exec("PRAGMA temp_store = " + strconv.Itoa(temp)).Error
	}
}

// memberIDsByQQ maps every member's QQ number to the member.
func (s *Store) memberIDsByQQ() (map[string]uint, error) {
	var ms []struct {
		ID uint
		QQ string `gorm:"column:qq"`
	}
	if err := s.db.Model(&Member{}).Select("id, qq").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("member numbers: %w", err)
	}
	out := make(map[string]uint, len(ms))
	for _, m := range ms {
		out[m.QQ] = m.ID
	}
	return out, nil
}

// chatColumn is one column of chat_messages as insertChatRows writes it.
type chatColumn struct {
	name string
	// empty reports whether the row leaves the column at its default ('', NULL, 0);
	// nil for the columns always written.
	empty func(r *chatInsertRow) bool
	// write adds the row's value: a literal number or '' into the SQL, or a placeholder
	// and its argument.
	write func(q *strings.Builder, args []any, r *chatInsertRow) []any
}

var chatColumnList = []chatColumn{
	{"group_id", func(r *chatInsertRow) bool { return r.groupID == nil }, func(q *strings.Builder, a []any, r *chatInsertRow) []any {
		writeIntOrNull(q, r.groupID)
		return a
	}},
	{"chat_group", nil, func(q *strings.Builder, a []any, r *chatInsertRow) []any { return textArg(q, a, r.group) }},
	{"chat_group_qq", func(r *chatInsertRow) bool { return r.groupQQ == "" }, func(q *strings.Builder, a []any, r *chatInsertRow) []any { return textArg(q, a, r.groupQQ) }},
	{"at", nil, func(q *strings.Builder, a []any, r *chatInsertRow) []any {
		q.WriteByte('?')
		return append(a, r.at)
	}},
	{"sender_qq", func(r *chatInsertRow) bool { return r.senderQQ == "" }, func(q *strings.Builder, a []any, r *chatInsertRow) []any { return textArg(q, a, r.senderQQ) }},
	{"sender_mail", func(r *chatInsertRow) bool { return r.senderMail == "" }, func(q *strings.Builder, a []any, r *chatInsertRow) []any { return textArg(q, a, r.senderMail) }},
	{"sender_name", func(r *chatInsertRow) bool { return r.senderName == "" }, func(q *strings.Builder, a []any, r *chatInsertRow) []any { return textArg(q, a, r.senderName) }},
	{"title", func(r *chatInsertRow) bool { return r.title == "" }, func(q *strings.Builder, a []any, r *chatInsertRow) []any { return textArg(q, a, r.title) }},
	{"member_id", func(r *chatInsertRow) bool { return r.memberID == nil }, func(q *strings.Builder, a []any, r *chatInsertRow) []any {
		writeIntOrNull(q, r.memberID)
		return a
	}},
	{"kind", func(r *chatInsertRow) bool { return r.kind == 0 }, func(q *strings.Builder, a []any, r *chatInsertRow) []any {
		q.WriteString(strconv.Itoa(int(r.kind)))
		return a
	}},
	{"text", func(r *chatInsertRow) bool { return r.text == "" }, func(q *strings.Builder, a []any, r *chatInsertRow) []any { return textArg(q, a, r.text) }},
	{"mentions", func(r *chatInsertRow) bool { return r.mentions == "" }, func(q *strings.Builder, a []any, r *chatInsertRow) []any { return textArg(q, a, r.mentions) }},
	{"dedupe_key", nil, func(q *strings.Builder, a []any, r *chatInsertRow) []any {
		q.WriteString(strconv.FormatInt(r.key, 10))
		return a
	}},
}

// insertChatRows writes rows in one transaction and says how many were new (rows
// already there, by dedupe key, are left alone).
//
// The SQLite driver prepares a statement anew for every Exec, prepared or not (its
// Stmt keeps only the SQL text and calls sqlite3_prepare_v2 again at each Exec), so
// database/sql's Prepare and GORM's PrepareStmt save nothing here, and one-row
// statements would parse once a row. It also matches each
// placeholder to its argument by a scan of all arguments, so a statement with
// thousands of placeholders costs its square, and parsing the SQL is much of the
// cost of a row. Rows therefore go chatStmtRows to a statement; a column that every
// row of the statement leaves at its default is left out; and numbers (group,
// member, kind, import, key: integers this code made, never text from the file) and
// empty strings are written into the SQL as literals. A typical text-export row is
// then nine values, five of them bound.
func (s *Store) insertChatRows(ctx context.Context, importID uint, rows []chatInsertRow) (int64, error) {
	var added int64
	// The driver watches a cancellable context with a goroutine for every statement;
	// the import checks ctx between statements instead.
	err := s.db.WithContext(context.WithoutCancel(ctx)).Transaction(func(tx *gorm.DB) error {
		pool := tx.Statement.ConnPool
		var q strings.Builder
		args := make([]any, 0, chatStmtRows*chatColumns)
		imp := strconv.FormatUint(uint64(importID), 10)
		cols := make([]*chatColumn, 0, len(chatColumnList))
		for start := 0; start < len(rows); start += chatStmtRows {
			if err := ctx.Err(); err != nil {
				return err
			}
			chunk := rows[start:min(start+chatStmtRows, len(rows))]
			cols = cols[:0]
			for i := range chatColumnList {
				c := &chatColumnList[i]
				if c.empty == nil || slices.ContainsFunc(chunk, func(r chatInsertRow) bool { return !c.empty(&r) }) {
					cols = append(cols, c)
				}
			}
			q.Reset()
			q.WriteString("INSERT INTO chat_messages (import_id")
			for _, c := range cols {
				q.WriteByte(',')
				q.WriteString(c.name)
			}
			q.WriteString(") VALUES ")
			args = args[:0]
			for i := range chunk {
				if i > 0 {
					q.WriteByte(',')
				}
				q.WriteByte('(')
				q.WriteString(imp)
				for _, c := range cols {
					q.WriteByte(',')
					args = c.write(&q, args, &chunk[i])
				}
				q.WriteByte(')')
			}
			q.WriteString(" ON CONFLICT (dedupe_key) DO NOTHING")
			res, err := pool.ExecContext(ctx, q.String(), args...)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			added += n
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("import chat: write messages: %w", err)
	}
	return added, nil
}

// writeIntOrNull writes an id into the SQL as a number, or NULL.
func writeIntOrNull(q *strings.Builder, id *uint) {
	if id == nil {
		q.WriteString("NULL")
		return
	}
	q.WriteString(strconv.FormatUint(uint64(*id), 10))
}

// textArg adds a text value: ” when empty, else a placeholder and its argument.
func textArg(q *strings.Builder, args []any, v string) []any {
	if v == "" {
		q.WriteString("''")
		return args
	}
	q.WriteByte('?')
	return append(args, v)
}

// undoChatImport removes every message of the import and records how it ended. It
// returns the import and cause (the error the import ends with).
func (s *Store) undoChatImport(imp ChatImport, state string, cause error) (ChatImport, error) {
	if err := s.removeChatRows(imp.ID); err != nil {
		return imp, errors.Join(cause, err)
	}
	now := s.Now()
	imp.State, imp.FinishedAt, imp.Added, imp.Skipped = state, &now, 0, 0
	imp.Failure = truncateRunes(cause.Error(), 200)
	if err := s.db.Save(&imp).Error; err != nil {
		return imp, errors.Join(cause, fmt.Errorf("import chat: record the end: %w", err))
	}
	return imp, cause
}

// removeChatRows deletes the messages tagged with an import, a run of rows per
// statement so other work gets the connection in between.
func (s *Store) removeChatRows(importID uint) error {
	for {
		res := s.db.Exec("DELETE FROM chat_messages WHERE id IN "+
			"(SELECT id FROM chat_messages WHERE import_id = ? LIMIT ?)", importID, chatDeleteRun)
		if res.Error != nil {
			return fmt.Errorf("import chat: remove messages: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return nil
		}
	}
}

// cleanChatImports removes the messages of imports that were still running when the
// app stopped, and records those imports as failed. Open calls it.
func (s *Store) cleanChatImports() error {
	var stuck []ChatImport
	if err := s.db.Where("state = ?", ChatImportRunning).Find(&stuck).Error; err != nil {
		return fmt.Errorf("clean chat imports: %w", err)
	}
	for _, imp := range stuck {
		if _, err := s.undoChatImport(imp, ChatImportFailed, errChatInterrupted); err != errChatInterrupted {
			return err
		}
	}
	return nil
}

var errChatInterrupted = errors.New("interrupted: the app stopped during the import")

// truncateRunes cuts s to at most n characters.
func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// ChatImports lists the imports, newest first.
func (s *Store) ChatImports() ([]ChatImport, error) {
	var out []ChatImport
	if err := s.db.Order("id DESC").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list chat imports: %w", err)
	}
	return out, nil
}
