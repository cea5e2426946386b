// Package data holds QunHuo's models and the store that keeps them in one SQLite file:
// one file per aggregate (resource.go, member.go, post.go, setting.go, today.go …) and
// one per migration step (migrate_000N_….go, each with its frozen table copies). It is
// the only package that imports GORM, and it never imports Fyne.
//
// Rules that need no database (validation, search keys, money here; escrow states, the
// ledger's balance, the draw, swap matching, chat-log parsing in later capabilities)
// are plain functions over values. The bigger ones get their own package under data/
// (data/escrow, data/ledger …) that imports neither GORM nor Fyne, is tested
// table-driven and fuzzed, and is applied by the store inside the transaction that
// writes: the store is where a rule is enforced, the rule package is where it is
// written down. SQL stays portable (a shared PostgreSQL server is planned): statements
// only SQLite understands live in store.go (opening, backup) and nowhere else.
package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// DatabaseFile is the name of the database inside a data folder.
const DatabaseFile = "qunhuo.db"

// Store is the app's one database. All methods are safe to call from any goroutine;
// the single connection serialises them.
type Store struct {
	db   *gorm.DB
	path string
	now  func() time.Time
	inTx bool // a Store that Transaction hands out
}

// WithContext is the store with its work bound to ctx: once ctx is cancelled, the
// statement running stops and its transaction rolls back, so work the owner cancels
// leaves nothing half-saved. The copy shares the connection; Close the original only.
func (s *Store) WithContext(ctx context.Context) *Store {
	c := *s
	c.db = s.db.WithContext(ctx)
	return &c
}

// Option changes how Open builds a Store.
type Option func(*Store)

// WithClock makes the store read the time from now instead of the system clock (tests).
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// Open opens the database file at path, creating it when missing, and brings its schema
// up to date. Failures are *OpenError values that say why (locked, read-only, corrupt,
// newer schema) so the GUI can explain them.
func Open(path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if strings.Contains(path, "?") {
		return nil, &OpenError{Kind: OpenReadOnly, Path: path, Err: errors.New("a ? in the path cannot be passed to SQLite")}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, &OpenError{Kind: OpenReadOnly, Path: path, Err: err}
	}
	if err := checkWriteMode(path); err != nil {
		return nil, &OpenError{Kind: OpenReadOnly, Path: path, Err: err}
	}
	db, err := gorm.Open(sqlite.Open(dsn(path)), &gorm.Config{
		NowFunc: func() time.Time { return s.now().UTC() },
		Logger:  logger.Discard,
	})
	if err != nil {
		return nil, classifyOpenError(path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, classifyOpenError(path, err)
	}
	// One connection: SQLite has one writer anyway, and it keeps transactions simple.
	sqlDB.SetMaxOpenConns(1)
	s.db = db
	if err := s.check(); err != nil {
		_ = sqlDB.Close()
		return nil, classifyOpenError(path, err)
	}
	if err := migrate(db, len(migrations)); err != nil {
		_ = sqlDB.Close()
		return nil, classifyOpenError(path, err)
	}
	if err := s.probeWrite(); err != nil {
		_ = sqlDB.Close()
		return nil, classifyOpenError(path, err)
	}
	// A chat import the app stopped in the middle of leaves nothing behind.
	if err := s.cleanChatImports(); err != nil {
		_ = sqlDB.Close()
		return nil, classifyOpenError(path, err)
	}
	return s, nil
}

// checkWriteMode refuses a database file that nobody may write by its mode: chmod
// a-w, or the read-only attribute Windows gives files copied from a disc or an
// unpacked archive. Root could still write it on Unix, but the owner marked it
// read-only, so it is refused all the same.
func checkWriteMode(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("file is read-only (mode %v)", fi.Mode().Perm())
	}
	return nil
}

// probeWrite starts a write and rolls it back. SQLite opens a file this user may not
// write (another user's, a read-only disk) read-only without a word, and only the
// first save would fail; the probe fails with "attempt to write a readonly database"
// instead, which classifyOpenError reports as OpenReadOnly. Deleting no rows still
// takes the write lock, and writes nothing.
func (s *Store) probeWrite() error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("DELETE FROM schema_migrations WHERE 1 = 0").Error; err != nil {
			return err
		}
		return errProbeDone
	})
	if errors.Is(err, errProbeDone) {
		return nil
	}
	return fmt.Errorf("write probe: %w", err)
}

// errProbeDone rolls the write probe back.
var errProbeDone = errors.New("write probe done")

// dsn builds the driver's connection string. The glebarez driver only honours
// _pragma=name(value) keys; mattn-style keys such as _journal_mode are silently ignored.
// The path goes in as a plain file name, not a file: URI, so folders named with #, %
// or spaces (C:\Users\小王\#群活) open as they are; the driver cuts the query at the
// first ?, which Open refuses in paths for that reason.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	return path + "?" + q.Encode()
}

// check reads the file once so that a corrupt or foreign file fails here, not later.
func (s *Store) check() error {
	var mode string
	if err := s.db.Raw("PRAGMA journal_mode").Scan(&mode).Error; err != nil {
		return err
	}
	var result string
	if err := s.db.Raw("PRAGMA quick_check").Scan(&result).Error; err != nil {
		return err
	}
	if result != "ok" {
		return fmt.Errorf("quick_check: %s: %w", result, errCorrupt)
	}
	return nil
}

// Path is the database file's location.
func (s *Store) Path() string { return s.path }

// Now is the store's clock, in UTC.
func (s *Store) Now() time.Time { return s.now().UTC() }

// Transaction runs fn with a Store whose every method works inside one transaction:
// everything fn saves is kept, or none of it when fn returns an error (which
// Transaction returns). Several saves that belong together, such as the demo data of
// the welcome screen, are then all-or-nothing like one save. Inside fn use only the
// store fn is given, on the calling goroutine: the database's one connection is busy
// until fn returns, so any call on s would wait for ever.
func (s *Store) Transaction(fn func(tx *Store) error) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return fn(&Store{db: tx, path: s.path, now: s.now, inTx: true})
	})
}

var errInTransaction = errors.New("not possible inside Store.Transaction")

// Close releases the database file.
func (s *Store) Close() error {
	if s.inTx {
		return fmt.Errorf("close store: %w", errInTransaction)
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return sqlDB.Close()
}

// Backup writes a consistent copy of the whole database to dst, which must not exist
// yet, and records the time (the store's clock) for LastBackupAt. Should only that
// record fail, the copy stays and the error says so.
func (s *Store) Backup(dst string) error { return s.backup(dst, true) }

// backup is Backup; record says whether the copy counts for LastBackupAt (automatic
// copies stay on this computer and do not).
func (s *Store) backup(dst string, record bool) error {
	if s.inTx {
		return fmt.Errorf("backup to %s: %w", dst, errInTransaction)
	}
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("backup to %s: %w", dst, os.ErrExist)
	}
	// Written beside dst under another name and renamed once whole, so a backup that
	// fails or is cancelled halfway never leaves a file that looks like a good one.
	part := dst + ".part"
	_ = os.Remove(part)
	if err := s.db.Exec("VACUUM INTO ?", part).Error; err != nil {
		_ = os.Remove(part)
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	if err := os.Rename(part, dst); err != nil {
		_ = os.Remove(part)
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	if !record {
		return nil
	}
	if err := s.recordBackup(s.Now()); err != nil {
		return fmt.Errorf("backup to %s written, its time not recorded: %w", dst, err)
	}
	return nil
}

// BackupName proposes a file name for a backup taken now, such as 群活备份-20261126-0930.db.
func (s *Store) BackupName() string {
	return "群活备份-" + s.now().Local().Format("20060102-1504") + ".db"
}

var errCorrupt = errors.New("database is corrupt")

// classifyOpenError turns a driver error into an *OpenError with a kind the GUI can explain.
func classifyOpenError(path string, err error) error {
	var oe *OpenError
	if errors.As(err, &oe) {
		return oe
	}
	msg := strings.ToLower(err.Error())
	kind := OpenFailed
	switch {
	case errors.Is(err, errNewerSchema):
		kind = OpenNewerSchema
	case errors.Is(err, errCorrupt),
		strings.Contains(msg, "not a database"),
		strings.Contains(msg, "malformed"),
		strings.Contains(msg, "corrupt"):
		kind = OpenCorrupt
	case strings.Contains(msg, "locked"), strings.Contains(msg, "busy"):
		kind = OpenLocked
	case strings.Contains(msg, "readonly"), strings.Contains(msg, "read-only"),
		strings.Contains(msg, "unable to open"), strings.Contains(msg, "permission denied"):
		kind = OpenReadOnly
	}
	return &OpenError{Kind: kind, Path: path, Err: err}
}
