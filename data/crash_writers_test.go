package data_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"gorm.io/gorm"
)

// The crash harness's table of record types. To add a record type: write a
// crashWriter (what the child saves, and how the parent finds that save again) and,
// when the save touches more than one row, a crashInvariant that no half-applied save
// can satisfy; then add a case to TestCrashCheckerCatches that breaks it by hand.
//
// Records carry in their own columns what the invariant needs to know (a batch's size,
// a member's tag count), so the check needs no report from the child: a save that
// committed but was killed before it could report is checked all the same.

// crashUnit is one committed save as the child reports it.
type crashUnit struct {
	Kind string `json:"kind"`
	Key  string `json:"key"`          // unique across rounds: r<round>s<seq>
	Seq  int    `json:"seq"`          // rises across rounds: round*crashSeqsPerRound + i
	N    int    `json:"n,omitempty"`  // rows in an import
	QQ   string `json:"qq,omitempty"` // the member an edit changed
}

// crashChild is what a writer may use: the store and what the child saved so far.
type crashChild struct {
	s         *data.Store
	round     int
	groupID   uint   // a group for seats and posts
	resources []uint // ids of resources this child saved, for post links
	members   []*data.Member
	posts     int
}

// crashWriter saves one kind of record in the child, and checks in the parent that a
// reported save is in the database.
type crashWriter struct {
	kind    string
	write   func(c *crashChild, u *crashUnit) error
	present func(db *gorm.DB, u crashUnit) error
}

// crashInvariant holds in any database the store wrote, however it was killed. It
// returns one line per violation.
type crashInvariant struct {
	name  string
	check func(db *gorm.DB) ([]string, error)
}

var crashWriters = []crashWriter{
	{"group", writeGroup, presentRow("groups", "name")},
	{"category", writeCategory, presentRow("categories", "name")},
	{"supplier", writeSupplier, presentRow("suppliers", "name")},
	{"resource", writeResource, presentRow("resources", "name")},
	{"resources", writeResourceImport, presentImport("resources")},
	{"member", writeMember, presentRow("members", "nickname")},
	{"member-edit", writeMemberEdit, presentMemberEdit},
	{"members", writeMemberImport, presentImport("members")},
	{"post", writePost, presentRow("posts", "title")},
	{"template", writeTemplate, presentCounter("post_templates", "body", "kind = 'index'")},
	{"setting", writeSetting, presentCounter("settings", "value", "key = 'crash.counter'")},
	{"transaction", writeTransaction, presentRow("settings", "key")},
	{"request", writeRequest, presentRequest},
	{"request-notify", writeRequestNotify, presentRequest},
	{"blacklist", writeBlacklist, presentBlacklist},
	{"rules", writeRules, presentRules},
	{"trade", writeTrade, presentTrade},
	{"ticket", writeTicket, presentTicket},
	{"swap", writeSwap, presentSwap},
	{"redemption", writeRedemption, presentRedemption},
	{"poll", writePoll, presentPoll},
	{"blindbox", writeBlindBox, presentBlindBox},
	{"session", writeSession, presentSession},
	{"points", writePointEntry, presentPointEntry},
}

// crashBrokenWriters save the way the store must not: TestCrashHarnessCatchesBrokenSaves
// runs the harness on them to see it fail.
var crashBrokenWriters = []crashWriter{
	{"resources", writeImportInTwoSaves, presentImport("resources")},
}

var crashInvariants = []crashInvariant{
	{"integrity", checkIntegrity},
	{"resource and its new supplier", checkResourceSupplier},
	{"imports all or nothing", checkImports},
	{"member tags and seats", checkMemberChildren},
	{"post links", checkPostLinks},
	{"transaction all or nothing", checkTransactions},
	{"request and its answer", checkRequests},
	{"resource status and its blacklist move", checkBlacklist},
	{"rule version and its sections", checkRuleSections},
	{"escrow trade and its log", checkTrades},
	{"after-sales ticket and its log", checkTickets},
	{"swap deal and its listings", checkSwaps},
	{"redemption, its points and stock", checkRedemptions},
	{"poll and its options and votes", checkPolls},
	{"blind box, its entries and draws", checkBlindBoxes},
	{"share session and its points", checkSessions},
	{"points ledger and balances", checkPoints},
}

// crashSeqsPerRound bounds the saves of one child, so that seq and the numbers below
// stay unique across rounds.
const crashSeqsPerRound = 9000

// qqFor is a QQ-shaped number unique to a round, the save's seq and a row k < 1000:
// 9 to 12 digits, no leading 0.
func qqFor(round, seq, k int) string {
	return strconv.Itoa(100000000 + round*10000000 + (seq%crashSeqsPerRound)*1000 + k)
}

func writeGroup(c *crashChild, u *crashUnit) error {
	return c.s.SaveGroup(&data.Group{Name: u.Key, Number: qqFor(c.round, u.Seq, 999)})
}

func writeCategory(c *crashChild, u *crashUnit) error {
	_, err := c.s.AddCategory(u.Key)
	return err
}

func writeSupplier(c *crashChild, u *crashUnit) error {
	return c.s.SaveSupplier(&data.Supplier{Name: u.Key, Contact: "qq " + u.Key})
}

// writeResource saves a resource with a supplier new to the database: two rows in one save.
func writeResource(c *crashChild, u *crashUnit) error {
	r := &data.Resource{
		Name: u.Key, Category: data.Category{Name: "游戏类"}, PriceCents: int64(u.Seq),
		Supplier: &data.Supplier{Name: "rs-" + u.Key}, Status: data.StatusOnSale, Notes: "resource",
	}
	if err := c.s.SaveResource(r); err != nil {
		return err
	}
	c.resources = append(c.resources, r.ID)
	return nil
}

// writeResourceImport imports a batch into a category of its own, which the import
// adds: at least two INSERTs, so that a kill can land between them. (Imports of
// over 500 rows, which take more INSERTs, cost seconds each under -race.)
func writeResourceImport(c *crashChild, u *crashUnit) error {
	u.N = 3 + u.Seq%20
	rs := make([]*data.Resource, u.N)
	for k := range rs {
		rs[k] = &data.Resource{
			Name: fmt.Sprintf("imp-%s-%d", u.Key, k), Category: data.Category{Name: "ic-" + u.Key},
			Status: data.StatusOnSale, Notes: fmt.Sprintf("import %s of %d", u.Key, u.N),
		}
	}
	return c.s.SaveResources(rs)
}

// writeImportInTwoSaves imports a batch as two transactions, as a store that saved an
// import row by row would, and reports the pause between them, where the parent kills it.
func writeImportInTwoSaves(c *crashChild, u *crashUnit) error {
	u.N = 10
	rs := make([]*data.Resource, u.N)
	for k := range rs {
		rs[k] = &data.Resource{
			Name: fmt.Sprintf("imp-%s-%d", u.Key, k), Category: data.Category{Name: "影音类"},
			Status: data.StatusOnSale, Notes: fmt.Sprintf("import %s of %d", u.Key, u.N),
		}
	}
	if err := c.s.SaveResources(rs[:u.N/2]); err != nil {
		return err
	}
	report(crashPause)
	time.Sleep(time.Second)
	return c.s.SaveResources(rs[u.N/2:])
}

// memberFor is a member with t tags and s seats, which it states in its notes.
func memberFor(c *crashChild, qq, name string, t, s int) *data.Member {
	m := &data.Member{QQ: qq, Nickname: name}
	setMemberChildren(c, m, t, s)
	return m
}

func setMemberChildren(c *crashChild, m *data.Member, t, s int) {
	m.Tags, m.Memberships = nil, nil
	for k := range t {
		m.Tags = append(m.Tags, data.MemberTag{Kind: data.TagInterest, Value: "兴趣" + strconv.Itoa(k)})
	}
	if s > 0 {
		m.Memberships = append(m.Memberships, data.Membership{GroupID: c.groupID, CardName: m.Nickname, Role: data.RoleMember})
	}
	m.Notes = fmt.Sprintf("%s tags=%d seats=%d", strings.SplitN(m.Notes, " tags=", 2)[0], t, len(m.Memberships))
}

func writeMember(c *crashChild, u *crashUnit) error {
	m := memberFor(c, qqFor(c.round, u.Seq, 0), u.Key, 1+u.Seq%4, u.Seq%2)
	if err := c.s.SaveMember(m); err != nil {
		return err
	}
	c.members = append(c.members, m)
	return nil
}

// writeMemberEdit saves a member again with other tags and seats: the store deletes
// the old ones and inserts the new, which a kill must never leave half done.
func writeMemberEdit(c *crashChild, u *crashUnit) error {
	if len(c.members) == 0 {
		u.Kind = "member" // nothing to edit yet
		return writeMember(c, u)
	}
	m := c.members[u.Seq%len(c.members)]
	m.Notes = "edit " + strconv.Itoa(u.Seq)
	u.QQ = m.QQ
	setMemberChildren(c, m, u.Seq%5, (u.Seq+1)%2)
	return c.s.SaveMember(m)
}

func writeMemberImport(c *crashChild, u *crashUnit) error {
	u.N = 2 + u.Seq%15
	ms := make([]*data.Member, u.N)
	for k := range ms {
		ms[k] = &data.Member{QQ: qqFor(c.round, u.Seq, k), Nickname: fmt.Sprintf("imp-%s-%d", u.Key, k),
			Notes: fmt.Sprintf("import %s of %d", u.Key, u.N)}
		setMemberChildren(c, ms[k], 1+k%3, k%2)
	}
	return c.s.SaveMembers(ms)
}

// writePost records a post that names 1 to 5 resources (0 before the first), and
// says how many in its body.
func writePost(c *crashChild, u *crashUnit) error {
	c.posts++
	links := c.resources[max(0, len(c.resources)-1-c.posts%5):]
	p := &data.Post{GroupID: &c.groupID, Kind: data.PostNewStock, Title: u.Key,
		Body: fmt.Sprintf("post %s links=%d", u.Key, len(links))}
	return c.s.RecordPost(p, links)
}

// writeTemplate overwrites one template: the parent checks that what is kept is the
// last reported version or a later one.
func writeTemplate(c *crashChild, u *crashUnit) error {
	return c.s.SavePostTemplate(data.PostIndex, strconv.Itoa(u.Seq))
}

func writeSetting(c *crashChild, u *crashUnit) error {
	return c.s.SetSetting("crash.counter", strconv.Itoa(u.Seq))
}

// writeTransaction saves a group, a category, a supplier, a resource, a member and a
// setting in one Store.Transaction, all named by the unit's key.
func writeTransaction(c *crashChild, u *crashUnit) error {
	return c.s.Transaction(func(tx *data.Store) error {
		if err := tx.SaveGroup(&data.Group{Name: "tx-" + u.Key, Number: qqFor(c.round, u.Seq, 998)}); err != nil {
			return err
		}
		if _, err := tx.AddCategory("tx-" + u.Key); err != nil {
			return err
		}
		if err := tx.SaveSupplier(&data.Supplier{Name: "tx-" + u.Key}); err != nil {
			return err
		}
		r := &data.Resource{Name: "tx-" + u.Key, Category: data.Category{Name: "tx-" + u.Key}, Status: data.StatusOnSale}
		if err := tx.SaveResource(r); err != nil {
			return err
		}
		if err := tx.SaveMember(&data.Member{QQ: qqFor(c.round, u.Seq, 997), Nickname: "tx-" + u.Key}); err != nil {
			return err
		}
		return tx.SetSetting("tx-"+u.Key, "tx")
	})
}

// presentRow finds the unit's row by its key in one column.
func presentRow(table, column string) func(db *gorm.DB, u crashUnit) error {
	return func(db *gorm.DB, u crashUnit) error {
		key := u.Key
		if u.Kind == "transaction" {
			key = "tx-" + key
		}
		var n int64
		if err := db.Table(table).Where(column+" = ?", key).Count(&n).Error; err != nil {
			return err
		}
		if n != 1 {
			return fmt.Errorf("%s %q: %d rows, want 1", table, key, n)
		}
		return nil
	}
}

// presentImport counts the rows of an import.
func presentImport(table string) func(db *gorm.DB, u crashUnit) error {
	return func(db *gorm.DB, u crashUnit) error {
		var n int64
		if err := db.Table(table).Where("notes LIKE ?", "import "+u.Key+" of %").Count(&n).Error; err != nil {
			return err
		}
		if n != int64(u.N) {
			return fmt.Errorf("import %s: %d of %d %s", u.Key, n, u.N, table)
		}
		return nil
	}
}

// presentCounter checks that an overwritten value is the reported version or a later one.
func presentCounter(table, column, where string) func(db *gorm.DB, u crashUnit) error {
	return func(db *gorm.DB, u crashUnit) error {
		var vs []string
		if err := db.Table(table).Where(where).Pluck(column, &vs).Error; err != nil {
			return err
		}
		if len(vs) != 1 {
			return fmt.Errorf("%s where %s: %d rows, want 1 (version %d reported)", table, where, len(vs), u.Seq)
		}
		if v, err := strconv.Atoi(vs[0]); err != nil || v < u.Seq {
			return fmt.Errorf("%s where %s: version %q, want %d or later", table, where, vs[0], u.Seq)
		}
		return nil
	}
}

// presentMemberEdit finds the edited member by QQ number, with this edit or a later one.
func presentMemberEdit(db *gorm.DB, u crashUnit) error {
	var notes []string
	if err := db.Table("members").Where("qq = ?", u.QQ).Pluck("notes", &notes).Error; err != nil {
		return err
	}
	if len(notes) != 1 {
		return fmt.Errorf("member edit %s: member %s not found", u.Key, u.QQ)
	}
	var seq int
	if _, err := fmt.Sscanf(notes[0], "edit %d", &seq); err != nil || seq < u.Seq {
		return fmt.Errorf("member edit %s: member %s has notes %q, want edit %d or later", u.Key, u.QQ, notes[0], u.Seq)
	}
	return nil
}

// checkIntegrity runs integrity_check, and foreign_key_check, which it leaves out.
func checkIntegrity(db *gorm.DB) ([]string, error) {
	var rows []string
	if err := db.Raw("PRAGMA integrity_check").Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 1 && rows[0] == "ok" {
		rows = nil
	}
	var dangling []struct {
		Table  string
		Rowid  int64
		Parent string
	}
	if err := db.Raw("PRAGMA foreign_key_check").Scan(&dangling).Error; err != nil {
		return nil, err
	}
	for _, d := range dangling {
		rows = append(rows, fmt.Sprintf("%s row %d refers to a missing %s", d.Table, d.Rowid, d.Parent))
	}
	return rows, nil
}

func checkResourceSupplier(db *gorm.DB) ([]string, error) {
	var bad []string
	err := db.Raw(`SELECT 'resource ' || r.name || ' without its supplier' FROM resources r
		LEFT JOIN suppliers s ON s.id = r.supplier_id
		WHERE r.notes = 'resource' AND (s.name IS NULL OR s.name <> 'rs-' || r.name)
		UNION ALL
		SELECT 'supplier ' || s.name || ' without its resource' FROM suppliers s
		WHERE s.name LIKE 'rs-%' AND NOT EXISTS (SELECT 1 FROM resources r WHERE r.supplier_id = s.id)`).Scan(&bad).Error
	return bad, err
}

// checkImports counts every import's rows against the size its rows state.
func checkImports(db *gorm.DB) ([]string, error) {
	var bad []string
	for _, table := range []string{"resources", "members"} {
		var notes []string
		if err := db.Table(table).Where("notes LIKE 'import %'").Pluck("notes", &notes).Error; err != nil {
			return nil, err
		}
		count, want := map[string]int{}, map[string]int{}
		for _, n := range notes {
			var key string
			var w int
			// Members of one import differ in their " tags=…" tail.
			if _, err := fmt.Sscanf(strings.SplitN(n, " tags=", 2)[0], "import %s of %d", &key, &w); err != nil {
				bad = append(bad, fmt.Sprintf("%s: unreadable notes %q", table, n))
				continue
			}
			count[key]++
			want[key] = w
		}
		for key, n := range count {
			if n != want[key] {
				bad = append(bad, fmt.Sprintf("%s: import %s has %d of %d rows", table, key, n, want[key]))
			}
		}
	}
	var lone []string
	err := db.Raw(`SELECT 'category ' || c.name || ' without its import' FROM categories c
		WHERE c.name LIKE 'ic-%' AND NOT EXISTS (SELECT 1 FROM resources r WHERE r.category_id = c.id)`).Scan(&lone).Error
	return append(bad, lone...), err
}

// checkMemberChildren: a member has the tags and seats its notes state, and no tag or
// seat outlives its member.
func checkMemberChildren(db *gorm.DB) ([]string, error) {
	var bad []string
	var rows []struct {
		ID    uint
		Notes string
		Tags  int
		Seats int
	}
	err := db.Raw(`SELECT m.id, m.notes,
		(SELECT COUNT(*) FROM member_tags t WHERE t.member_id = m.id) AS tags,
		(SELECT COUNT(*) FROM memberships s WHERE s.member_id = m.id) AS seats
		FROM members m WHERE m.notes LIKE '% tags=%'`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		var t, s int
		if _, err := fmt.Sscanf(r.Notes[strings.Index(r.Notes, " tags="):], " tags=%d seats=%d", &t, &s); err != nil {
			bad = append(bad, fmt.Sprintf("member %d: unreadable notes %q", r.ID, r.Notes))
			continue
		}
		if r.Tags != t || r.Seats != s {
			bad = append(bad, fmt.Sprintf("member %d: %d tags and %d seats, notes say %d and %d", r.ID, r.Tags, r.Seats, t, s))
		}
	}
	var orphans []string
	err = db.Raw(`SELECT 'tag ' || id || ' of no member' FROM member_tags WHERE member_id NOT IN (SELECT id FROM members)
		UNION ALL SELECT 'seat ' || id || ' of no member' FROM memberships WHERE member_id NOT IN (SELECT id FROM members)`).Scan(&orphans).Error
	return append(bad, orphans...), err
}

// checkPostLinks: a post has the resource links its body states, and no link outlives its post.
func checkPostLinks(db *gorm.DB) ([]string, error) {
	var bad []string
	var rows []struct {
		ID    uint
		Body  string
		Links int
	}
	err := db.Raw(`SELECT p.id, p.body, (SELECT COUNT(*) FROM post_resources l WHERE l.post_id = p.id) AS links
		FROM posts p WHERE p.body LIKE 'post % links=%'`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		var key string
		var n int
		if _, err := fmt.Sscanf(r.Body, "post %s links=%d", &key, &n); err != nil || r.Links != n {
			bad = append(bad, fmt.Sprintf("post %d (%q): %d links", r.ID, r.Body, r.Links))
		}
	}
	var orphans []string
	err = db.Raw(`SELECT 'link of no post ' || post_id FROM post_resources WHERE post_id NOT IN (SELECT id FROM posts)`).Scan(&orphans).Error
	return append(bad, orphans...), err
}

// checkTransactions: every key a Store.Transaction wrote is in all six tables or none.
func checkTransactions(db *gorm.DB) ([]string, error) {
	tables := []struct{ table, column string }{
		{"groups", "name"}, {"categories", "name"}, {"suppliers", "name"},
		{"resources", "name"}, {"members", "nickname"}, {"settings", "key"},
	}
	in := map[string]map[string]bool{}
	for _, t := range tables {
		var keys []string
		if err := db.Table(t.table).Where(t.column+" LIKE 'tx-%'").Pluck(t.column, &keys).Error; err != nil {
			return nil, err
		}
		for _, k := range keys {
			if in[k] == nil {
				in[k] = map[string]bool{}
			}
			in[k][t.table] = true
		}
	}
	var bad []string
	for k, got := range in {
		if len(got) != len(tables) {
			bad = append(bad, fmt.Sprintf("transaction %s: only in %v", k, got))
		}
	}
	return bad, nil
}

// checkCrashInvariants runs every invariant and returns the violations.
func checkCrashInvariants(db *gorm.DB) ([]string, error) {
	var bad []string
	for _, inv := range crashInvariants {
		b, err := inv.check(db)
		if err != nil {
			return nil, errors.Join(fmt.Errorf("invariant %s", inv.name), err)
		}
		for _, line := range b {
			bad = append(bad, inv.name+": "+line)
		}
	}
	return bad, nil
}
