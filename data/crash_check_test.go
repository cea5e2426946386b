package data_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glebarez/sqlite"
	"github.com/qunhuo/qunhuo/data"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// The crash harness could pass for ever by checking nothing. These tests show that its
// checks fail on the databases a crash must never leave: a save made of two
// transactions that stopped between them, rows of a save gone, a reported save
// missing, a damaged file.

// crashFixture saves each record type once, in-process, as the child does.
func crashFixture(t *testing.T) (*data.Store, *crashChild, []crashUnit) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), data.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	c, err := newCrashChild(s, 0)
	if err != nil {
		t.Fatal(err)
	}
	var units []crashUnit
	seq := 1 // not the seqs of the 600- and 700-row imports, which take seconds under -race
	save := func(w crashWriter) {
		u := crashUnit{Kind: w.kind, Key: fmt.Sprintf("r0s%d", seq), Seq: seq}
		if err := w.write(c, &u); err != nil {
			t.Fatalf("%s: %v", w.kind, err)
		}
		units = append(units, u)
		seq++
	}
	for _, w := range crashWriters {
		save(w)
	}
	for _, w := range crashWriters { // again: now there is a member to edit, resources to link
		save(w)
	}
	return s, c, units
}

func TestCrashCheckerPassesWholeSaves(t *testing.T) {
	s, _, units := crashFixture(t)
	bad, err := checkCrashInvariants(data.DB(s))
	if err != nil || len(bad) > 0 {
		t.Fatalf("a database of whole saves: %v %v", bad, err)
	}
	if err := verifyCrash(s.Path(), nil); err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if err := crashWriterOf(u.Kind).present(data.DB(s), u); err != nil {
			t.Errorf("%s %s saved, not found: %v", u.Kind, u.Key, err)
		}
	}
}

func crashWriterOf(kind string) crashWriter {
	for _, w := range crashWriters {
		if w.kind == kind {
			return w
		}
	}
	panic("no crash writer " + kind)
}

var errUndo = errors.New("undo the breakage")

// assertBreakageCaught makes the units prepare saves (nil: none), checks that every
// invariant holds, breaks the database with breakIt and expects the invariant named
// want to say so. All of it runs in a transaction rolled back afterwards, with c
// saving into it, so that the cases do not mask each other.
func assertBreakageCaught(t *testing.T, s *data.Store, c *crashChild, prepare func(c *crashChild) error,
	breakIt func(c *crashChild, tx *gorm.DB) error, want string) {
	t.Helper()
	var bad []string
	err := s.Transaction(func(ts *data.Store) error {
		c.s = ts
		defer func() { c.s = s }()
		if prepare != nil {
			if err := prepare(c); err != nil {
				return err
			}
		}
		tx := data.DB(ts)
		if b, err := checkCrashInvariants(tx); err != nil || len(b) > 0 {
			return fmt.Errorf("before the breakage: %v %v", b, err)
		}
		if err := breakIt(c, tx); err != nil {
			return err
		}
		var err error
		bad, err = checkCrashInvariants(tx)
		if err != nil {
			return err
		}
		return errUndo
	})
	if !errors.Is(err, errUndo) {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(bad, "\n"), want+": ") {
		t.Errorf("not caught by %q; the checker said %q", want, bad)
	}
}

// crashUnits saves one unit of kind per seq, keyed brk-<i>, the way the child does.
func crashUnits(kind string, seqs ...int) func(c *crashChild) error {
	w := crashWriterOf(kind)
	return func(c *crashChild) error {
		for i, seq := range seqs {
			u := crashUnit{Kind: kind, Key: fmt.Sprintf("brk-%d", i), Seq: seq}
			if err := w.write(c, &u); err != nil {
				return err
			}
		}
		return nil
	}
}

// breakSQL is a breakage made by one statement.
func breakSQL(sql string) func(c *crashChild, tx *gorm.DB) error {
	return func(_ *crashChild, tx *gorm.DB) error { return tx.Exec(sql).Error }
}

// TestCrashCheckerCatches breaks a database of whole saves by hand, one way per case,
// and expects the invariants to say so. Each case runs in a transaction rolled back
// afterwards, so the cases do not mask each other.
func TestCrashCheckerCatches(t *testing.T) {
	s, c, _ := crashFixture(t)
	cases := []struct {
		name, want string
		breakIt    func(c *crashChild, tx *gorm.DB) error
	}{
		{"an import done as two saves, killed between them", "imports all or nothing", func(c *crashChild, tx *gorm.DB) error {
			// The non-transactional sequence the harness exists to catch: one import
			// of 6 saved as two SaveResources, the second never made.
			var rs []*data.Resource
			for k := range 6 {
				rs = append(rs, &data.Resource{Name: fmt.Sprintf("two-saves-%d", k), Category: data.Category{Name: "影音类"},
					Status: data.StatusOnSale, Notes: "import two-saves of 6"})
			}
			return c.s.SaveResources(rs[:3])
		}},
		{"a member saved before its tags, killed between", "member tags and seats", func(c *crashChild, tx *gorm.DB) error {
			return c.s.SaveMember(&data.Member{QQ: "123456", Nickname: "two-saves", Notes: "two-saves tags=2 seats=0"})
		}},
		{"a resource import missing a row", "imports all or nothing", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM resources WHERE id = (SELECT MAX(id) FROM resources WHERE notes LIKE 'import %')").Error
		}},
		{"an import's new category left, its rows gone", "imports all or nothing", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM resources WHERE notes LIKE 'import %'").Error
		}},
		{"a member import missing a member", "imports all or nothing", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM members WHERE id = (SELECT MAX(id) FROM members WHERE notes LIKE 'import %')").Error
		}},
		{"a member's tags gone", "member tags and seats", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM member_tags WHERE member_id = (SELECT MIN(member_id) FROM member_tags)").Error
		}},
		{"a member's seat gone", "member tags and seats", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM memberships WHERE id = (SELECT MIN(id) FROM memberships)").Error
		}},
		{"a member with a tag more than saved", "member tags and seats", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("INSERT INTO member_tags (member_id, kind, value) SELECT MIN(member_id), 'interest', 'extra' FROM member_tags").Error
		}},
		{"a tag of no member", "member tags and seats", func(c *crashChild, tx *gorm.DB) error {
			// Foreign keys forbid it (and cascade a member's delete), unless deferred
			// to a commit that never comes: a database opened without them could hold it.
			if err := tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
				return err
			}
			return tx.Exec("INSERT INTO member_tags (member_id, kind, value) VALUES (999999, 'interest', 'orphan')").Error
		}},
		{"a dangling reference", "integrity", func(c *crashChild, tx *gorm.DB) error {
			if err := tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
				return err
			}
			return tx.Exec("UPDATE post_resources SET resource_id = 999999 WHERE post_id = (SELECT MIN(post_id) FROM post_resources)").Error
		}},
		{"a post's links gone", "post links", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM post_resources WHERE post_id = (SELECT MAX(post_id) FROM post_resources)").Error
		}},
		{"a resource without the supplier saved with it", "resource and its new supplier", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("UPDATE resources SET supplier_id = NULL WHERE notes = 'resource'").Error
		}},
		{"a blacklist move gone, its status kept", "resource status and its blacklist move", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM resource_events WHERE id = (SELECT MAX(id) FROM resource_events)").Error
		}},
		{"a resource made 失效 without its move", "resource status and its blacklist move", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("UPDATE resources SET status = 'invalid' WHERE id = (SELECT MIN(id) FROM resources WHERE status <> 'invalid')").Error
		}},
		{"a rule version without its last section", "rule version and its sections", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM rule_sections WHERE id = (SELECT MAX(id) FROM rule_sections)").Error
		}},
		{"a rule version without its sections", "rule version and its sections", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM rule_sections").Error
		}},
		{"a trade moved without its log line", "escrow trade and its log", func(c *crashChild, tx *gorm.DB) error {
			return breakHeldTrade(c, tx, "UPDATE trades SET state = 'completed' WHERE id = (SELECT MAX(id) FROM trades)")
		}},
		{"a trade's move logged, its state not changed", "escrow trade and its log", func(c *crashChild, tx *gorm.DB) error {
			return breakHeldTrade(c, tx, "UPDATE trades SET state = 'awaiting_pay', due_at = created_at WHERE id = (SELECT MAX(id) FROM trades)")
		}},
		{"a trade opened without its first log line", "escrow trade and its log", func(c *crashChild, tx *gorm.DB) error {
			return breakHeldTrade(c, tx, "DELETE FROM trade_events WHERE from_state = '' AND trade_id = (SELECT MAX(id) FROM trades)")
		}},
		{"a trade moved without its new deadline", "escrow trade and its log", func(c *crashChild, tx *gorm.DB) error {
			return breakHeldTrade(c, tx, "UPDATE trades SET due_at = NULL WHERE id = (SELECT MAX(id) FROM trades)")
		}},
		{"a ticket moved without its log line", "after-sales ticket and its log", func(c *crashChild, tx *gorm.DB) error {
			return breakResolvedTicket(c, tx, "UPDATE tickets SET state = 'closed', closed_at = opened_at WHERE id = (SELECT MAX(id) FROM tickets)")
		}},
		{"a ticket's move logged, its state not changed", "after-sales ticket and its log", func(c *crashChild, tx *gorm.DB) error {
			return breakResolvedTicket(c, tx, "UPDATE tickets SET state = 'in_progress', resolved_at = NULL WHERE id = (SELECT MAX(id) FROM tickets)")
		}},
		{"a ticket opened without its first log line", "after-sales ticket and its log", func(c *crashChild, tx *gorm.DB) error {
			return breakResolvedTicket(c, tx, "DELETE FROM ticket_events WHERE from_state = '' AND ticket_id = (SELECT MAX(id) FROM tickets)")
		}},
		{"a ticket answered without its first response time", "after-sales ticket and its log", func(c *crashChild, tx *gorm.DB) error {
			return breakResolvedTicket(c, tx, "UPDATE tickets SET first_response_at = NULL WHERE id = (SELECT MAX(id) FROM tickets)")
		}},
		{"a ticket resolved without its time", "after-sales ticket and its log", func(c *crashChild, tx *gorm.DB) error {
			return breakResolvedTicket(c, tx, "UPDATE tickets SET resolved_at = NULL WHERE id = (SELECT MAX(id) FROM tickets)")
		}},
		{"a transaction without its setting", "transaction all or nothing", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM settings WHERE key LIKE 'tx-%'").Error
		}},
		{"a transaction without its member", "transaction all or nothing", func(c *crashChild, tx *gorm.DB) error {
			return tx.Exec("DELETE FROM members WHERE nickname LIKE 'tx-%'").Error
		}},
	}
	for _, b := range breakRequests {
		cases = append(cases, struct {
			name, want string
			breakIt    func(c *crashChild, tx *gorm.DB) error
		}{b.name, "request and its answer", b.breakIt})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertBreakageCaught(t, s, c, nil, tc.breakIt, tc.want)
		})
	}
	if bad, err := checkCrashInvariants(data.DB(s)); err != nil || len(bad) > 0 {
		t.Fatalf("breakages not undone: %v %v", bad, err)
	}
}

// TestCrashCheckerCatchesMissingSaves: a save the child reported and the database
// does not hold is reported, for every record type.
func TestCrashCheckerCatchesMissingSaves(t *testing.T) {
	s, _, units := crashFixture(t)
	for _, u := range units {
		if u.Key == "base" {
			continue
		}
		lost := u
		lost.Key += "-lost"
		lost.Seq += 1000 // an overwritten value older than reported
		lost.N++         // an import with a row short
		lost.QQ = "99999"
		if err := crashWriterOf(u.Kind).present(data.DB(s), lost); err == nil {
			t.Errorf("%s: a reported save that is not there was not caught", u.Kind)
		}
	}
	if err := verifyCrash(s.Path(), []crashUnit{{Kind: "resources", Key: "lost", N: 3}}); err == nil {
		t.Error("verifyCrash passed a database without a reported import")
	}
}

// TestCrashCheckerCatchesDamage: a damaged index page fails the harness's reopen or
// its integrity_check.
func TestCrashCheckerCatchesDamage(t *testing.T) {
	s, _, _ := crashFixture(t)
	path := s.Path()
	var root int64
	var pageSize int64
	db := data.DB(s)
	if err := db.Raw("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'resources' AND name LIKE '%name_key%'").Scan(&root).Error; err != nil || root == 0 {
		t.Fatalf("index root page %d: %v", root, err)
	}
	if err := db.Raw("PRAGMA page_size").Scan(&pageSize).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // checkpoints the WAL into the file
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	junk := []byte(strings.Repeat("\x0d\xff", int(pageSize)/4))
	if _, err := f.WriteAt(junk, (root-1)*pageSize+int64(len(junk))); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	err = verifyCrash(path, nil)
	if err == nil {
		t.Fatal("a damaged index page passed")
	}
	t.Logf("caught at reopen: %.80s…", err)
	// The store's quick_check caught it first; the harness's own check catches it too.
	raw, err := gorm.Open(sqlite.Open(path), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if sqlDB, err := raw.DB(); err == nil {
		defer sqlDB.Close()
	}
	bad, err := checkIntegrity(raw)
	if err == nil && len(bad) == 0 {
		t.Fatal("checkIntegrity passed a damaged index page")
	}
}
