package data

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// BackupsFolder is where automatic backups go, inside the data folder beside the
// database.
const BackupsFolder = "backups"

// Names of the copies this file writes. The time in a name is the computer's local
// time when the copy was taken, to the second, so two copies never share a name.
const (
	autoBackupPrefix    = "自动备份-"
	beforeRestorePrefix = "恢复前-"
	backupTimeLayout    = "20060102-150405"
	damagedTimeLayout   = "20060102-1504"
)

// Kept automatic backups unless the owner chose otherwise: see BackupPlan.
const (
	KeepDailyBackups  = 7
	KeepWeeklyBackups = 4
)

// Why CheckBackup refuses a file.
var (
	ErrBackupDamaged = errors.New("backup fails the integrity check")
	ErrBackupNotOurs = errors.New("file is not a QunHuo database")
	ErrBackupNewer   = fmt.Errorf("backup: %w", errNewerSchema)
)

// BackupInfo describes one backup file that passed CheckBackup.
type BackupInfo struct {
	Path      string
	Size      int64
	Taken     time.Time // from the name of an automatic copy, else the file's time
	Auto      bool      // written by AutoBackup (RotateBackups may delete it)
	Schema    string    // the newest schema step the file has had
	Groups    int
	Resources int
	Members   int
}

// AutoBackupName is the file name of an automatic backup taken at t.
func AutoBackupName(t time.Time) string {
	return autoBackupPrefix + t.Local().Format(backupTimeLayout) + ".db"
}

// parseBackupTime reads the time from the name of a copy this file wrote, with prefix.
func parseBackupTime(name, prefix string) (time.Time, bool) {
	if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
		return time.Time{}, false
	}
	s := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db")
	t, err := time.ParseInLocation(backupTimeLayout, s, time.Local)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// RotateBackups decides which automatic backups to delete, given the names of the files
// in the backups folder. Only names AutoBackupName writes take part; any other file
// (a copy made before a restore, one the owner put there) is never deleted.
//
// The rule, with days and weeks in the computer's zone and weeks starting on Monday
// (ISO weeks):
//   - daily: of the p.KeepDaily newest days that have a backup, the newest backup of
//     each day is kept;
//   - weekly: of the p.KeepWeekly newest weeks that have a backup, the newest backup of
//     each week is kept;
//   - every other automatic backup is deleted.
//
// A day or week counts only when a backup was taken in it, so an owner who opens the
// app twice a month still keeps a month or more of copies. The result is sorted.
func RotateBackups(names []string, p BackupPlan) (remove []string) {
	type auto struct {
		name string
		at   time.Time
	}
	var all []auto
	for _, n := range names {
		if t, ok := parseBackupTime(n, autoBackupPrefix); ok {
			all = append(all, auto{n, t})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].at.After(all[j].at) }) // newest first
	keep := make(map[string]bool)
	days := make(map[string]bool)
	weeks := make(map[string]bool)
	for _, a := range all {
		day := a.at.Format("2006-01-02")
		y, w := a.at.ISOWeek()
		week := fmt.Sprintf("%d-W%02d", y, w)
		if !days[day] && len(days) < p.KeepDaily {
			days[day] = true
			keep[a.name] = true
		}
		if !weeks[week] && len(weeks) < p.KeepWeekly {
			weeks[week] = true
			keep[a.name] = true
		}
	}
	for _, a := range all {
		if !keep[a.name] {
			remove = append(remove, a.name)
		}
	}
	sort.Strings(remove)
	return remove
}

// readOnlyDSN opens path for reading only, as a file: URI so that odd characters in
// folder names (#, %, spaces) are escaped rather than cut.
func readOnlyDSN(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/… on Windows
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: "mode=ro"}
	return u.String(), nil
}

// CheckBackup opens the file at path read-only and tells what is in it. It refuses,
// with ErrBackupDamaged, ErrBackupNotOurs or ErrBackupNewer, a file that fails
// PRAGMA integrity_check, is no QunHuo database, or has a schema step this app does not
// know. Reading a large file takes a while: call it off the UI goroutine.
func CheckBackup(path string) (BackupInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("check backup: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return BackupInfo{}, fmt.Errorf("check backup %s: %w", path, ErrBackupNotOurs)
	}
	info := BackupInfo{Path: path, Size: fi.Size(), Taken: fi.ModTime()}
	if t, ok := parseBackupTime(filepath.Base(path), autoBackupPrefix); ok {
		info.Taken, info.Auto = t, true
	} else if t, ok := parseBackupTime(filepath.Base(path), beforeRestorePrefix); ok {
		info.Taken = t
	}
	dsn, err := readOnlyDSN(path)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("check backup: %w", err)
	}
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return BackupInfo{}, fmt.Errorf("check backup %s: %w: %v", path, ErrBackupDamaged, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return BackupInfo{}, fmt.Errorf("check backup %s: %w", path, err)
	}
	// A file in WAL mode (a copied qunhuo.db rather than a backup) gets -wal and -shm
	// files beside it even when read; those this check made are removed after it.
	var made []string
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Lstat(path + side); errors.Is(err, iofs.ErrNotExist) {
			made = append(made, path+side)
		}
	}
	defer func() {
		_ = sqlDB.Close()
		for _, m := range made {
			_ = os.Remove(m)
		}
	}()
	var results []string
	if err := db.Raw("PRAGMA integrity_check").Scan(&results).Error; err != nil {
		return BackupInfo{}, fmt.Errorf("check backup %s: %w: %v", path, ErrBackupDamaged, err)
	}
	if len(results) != 1 || results[0] != "ok" {
		return BackupInfo{}, fmt.Errorf("check backup %s: %w: %s", path, ErrBackupDamaged, strings.Join(results, "; "))
	}
	var steps []string
	if err := db.Raw("SELECT id FROM schema_migrations").Scan(&steps).Error; err != nil || len(steps) == 0 {
		return BackupInfo{}, fmt.Errorf("check backup %s: %w", path, ErrBackupNotOurs)
	}
	known := make(map[string]int, len(migrations))
	for i, m := range migrations {
		known[m.id] = i
	}
	newest := -1
	for _, s := range steps {
		i, ok := known[s]
		if !ok {
			return BackupInfo{}, fmt.Errorf("check backup %s: step %q: %w", path, s, ErrBackupNewer)
		}
		newest = max(newest, i)
	}
	info.Schema = migrations[newest].id
	for _, c := range []struct {
		table string
		n     *int
	}{{"groups", &info.Groups}, {"resources", &info.Resources}, {"members", &info.Members}} {
		var n int64
		if err := db.Table(c.table).Count(&n).Error; err != nil {
			return BackupInfo{}, fmt.Errorf("check backup %s: %w: %v", path, ErrBackupNotOurs, err)
		}
		*c.n = int(n)
	}
	return info, nil
}

// ListBackups lists the backup files (*.db) in the folders dirs, newest first by the
// time in their names or else the file's time, without opening them: CheckBackup tells
// what is in each. A missing folder lists nothing; a folder named twice lists once.
func ListBackups(dirs ...string) ([]string, error) {
	type f struct {
		path string
		at   time.Time
	}
	var fs []f
	seen := make(map[string]bool)
	for _, dir := range dirs {
		if seen[filepath.Clean(dir)] {
			continue
		}
		seen[filepath.Clean(dir)] = true
		entries, err := os.ReadDir(dir)
		if errors.Is(err, iofs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("list backups: %w", err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".db") {
				continue
			}
			fi, err := e.Info()
			if err != nil {
				continue
			}
			at := fi.ModTime()
			if t, ok := parseBackupTime(e.Name(), autoBackupPrefix); ok {
				at = t
			} else if t, ok := parseBackupTime(e.Name(), beforeRestorePrefix); ok {
				at = t
			}
			fs = append(fs, f{filepath.Join(dir, e.Name()), at})
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].at.After(fs[j].at) })
	out := make([]string, len(fs))
	for i, x := range fs {
		out[i] = x.path
	}
	return out, nil
}

// BackupDirs are the folders that hold the backups of the data folder dataDir: the one
// its BackupPlan chose, then the backups folder beside the database when that is
// another one (backups taken before the owner chose a folder stay there).
func BackupDirs(dataDir string) []string {
	plan, _ := LoadBackupPlan(dataDir) // an unreadable plan is the default one
	dirs := []string{plan.Dir(dataDir)}
	if def := DefaultBackupPlan.Dir(dataDir); !sameFolder(def, dirs[0]) {
		dirs = append(dirs, def)
	}
	return dirs
}

// BackupsDir is where the store's automatic backups go: the folder of its BackupPlan.
func (s *Store) BackupsDir() string {
	p, _ := s.BackupPlan() // an unreadable plan is the default one
	return p.Dir(s.DataDir())
}

// AutoBackupToday tells whether the backups folder already has an automatic backup
// taken on now's day (the computer's zone), so start-up backs up once a day.
func (s *Store) AutoBackupToday(now time.Time) bool {
	names, _ := ListBackups(s.BackupsDir())
	day := now.Local().Format("20060102")
	for _, p := range names {
		if t, ok := parseBackupTime(filepath.Base(p), autoBackupPrefix); ok && t.Format("20060102") == day {
			return true
		}
	}
	return false
}

// AutoBackup writes an automatic backup into BackupsDir, checks it with CheckBackup
// (deleting a copy that fails) and rotates the folder with RotateBackups. A failure is
// recorded for the 今日 screen (Agenda.AutoBackupFailed) and returned; a success
// clears the record. It does not count for LastBackupAt: the 今日 reminder is about a
// copy off this computer, which only the owner can make.
func (s *Store) AutoBackup(now time.Time) (string, error) {
	plan, _ := s.BackupPlan() // an unreadable plan is the default one
	dir := plan.Dir(s.DataDir())
	dst := filepath.Join(dir, AutoBackupName(now))
	err := func() error {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := s.backup(dst, false); err != nil {
			return err
		}
		if _, err := CheckBackup(dst); err != nil {
			_ = os.Remove(dst)
			return err
		}
		return nil
	}()
	if err != nil {
		err = fmt.Errorf("automatic backup: %w", err)
		_ = s.recordAutoBackupFailure(now, err)
		return "", err
	}
	if err := s.clearAutoBackupFailure(); err != nil {
		return dst, fmt.Errorf("automatic backup: %w", err)
	}
	names, err := os.ReadDir(dir)
	if err != nil {
		return dst, fmt.Errorf("automatic backup: rotate: %w", err)
	}
	var ns []string
	for _, e := range names {
		ns = append(ns, e.Name())
	}
	for _, n := range RotateBackups(ns, plan) {
		if err := os.Remove(filepath.Join(dir, n)); err != nil {
			return dst, fmt.Errorf("automatic backup: rotate: %w", err)
		}
	}
	return dst, nil
}

// DamagedName is the name a damaged database is kept under, beside it, from at.
func DamagedName(at time.Time) string {
	return DatabaseFile + ".damaged-" + at.Local().Format(damagedTimeLayout)
}

// Restore makes the backup at backupPath the database of dataDir. The store must be
// closed. In order:
//  1. the backup is checked (CheckBackup); a refused one changes nothing;
//  2. it is copied beside the database as a .part file and the copy is checked again;
//  3. the current database, when there is one, is kept: a healthy one is backed up into
//     the backups folder as 恢复前-….db (its own -wal applied, as any open does); one
//     that cannot be opened as damaged is renamed DamagedName(now), with its -wal and
//     -shm, and never written;
//  4. the old database's -wal and -shm are removed, so they are never applied to the
//     restored file, and the copy is renamed over the database in one step.
//
// It returns where the current database was kept ("" when there was none).
func Restore(dataDir, backupPath string, now time.Time) (kept string, err error) {
	if _, err := CheckBackup(backupPath); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	dbPath := filepath.Join(dataDir, DatabaseFile)
	part := dbPath + ".restore.part"
	_ = os.Remove(part)
	if err := copyFile(backupPath, part); err != nil {
		_ = os.Remove(part)
		return "", fmt.Errorf("restore: copy: %w", err)
	}
	defer os.Remove(part) // gone by then unless something failed
	if _, err := CheckBackup(part); err != nil {
		return "", fmt.Errorf("restore: the copy: %w", err)
	}
	kept, err = keepCurrent(dbPath, now)
	if err != nil {
		return "", fmt.Errorf("restore: keep the current database: %w", err)
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(dbPath + side); err != nil && !errors.Is(err, iofs.ErrNotExist) {
			return kept, fmt.Errorf("restore: %w", err)
		}
	}
	if err := os.Rename(part, dbPath); err != nil {
		return kept, fmt.Errorf("restore: %w", err)
	}
	syncDir(dataDir)
	return kept, nil
}

// keepCurrent keeps the database at dbPath before a restore replaces it: see Restore.
func keepCurrent(dbPath string, now time.Time) (string, error) {
	if _, err := os.Stat(dbPath); errors.Is(err, iofs.ErrNotExist) {
		return "", nil
	}
	s, err := Open(dbPath)
	if err != nil {
		var oe *OpenError
		if errors.As(err, &oe) && oe.Kind == OpenCorrupt {
			return KeepDamaged(dbPath, now)
		}
		return "", err
	}
	dir := s.BackupsDir()
	dst := filepath.Join(dir, beforeRestorePrefix+now.Local().Format(backupTimeLayout)+".db")
	err = os.MkdirAll(dir, 0o755)
	if err == nil {
		err = s.Backup(dst)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	return dst, nil
}

// KeepDamaged renames a database that cannot be opened, with its -wal and -shm, to
// DamagedName(now) beside it (adding -2, -3 … should that name be taken), so nothing
// ever writes over it. It returns the new name of the database file.
func KeepDamaged(dbPath string, now time.Time) (string, error) {
	base := filepath.Join(filepath.Dir(dbPath), DamagedName(now))
	dst := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); errors.Is(err, iofs.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s-%d", base, i)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if err := os.Rename(dbPath+side, dst+side); err != nil && !errors.Is(err, iofs.ErrNotExist) {
			return "", err
		}
	}
	if err := os.Rename(dbPath, dst); err != nil {
		return "", err
	}
	return dst, nil
}

// NewestGoodBackup is the newest backup in dirs that passes CheckBackup, for the offer
// made when the database cannot be opened; ok is false when there is none.
func NewestGoodBackup(dirs ...string) (info BackupInfo, ok bool) {
	paths, _ := ListBackups(dirs...)
	for _, p := range paths {
		if info, err := CheckBackup(p); err == nil {
			return info, true
		}
	}
	return BackupInfo{}, false
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

// syncDir makes a rename in dir durable where the system allows it (not on Windows).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// settingAutoBackupFailed keeps the last automatic backup that failed: its time
// (RFC 3339, UTC), a new line, and the error. Read it through lastAutoBackupFailure.
const settingAutoBackupFailed = "auto_backup_failed"

func (s *Store) recordAutoBackupFailure(at time.Time, err error) error {
	return setSetting(s.db, settingAutoBackupFailed, at.UTC().Format(time.RFC3339Nano)+"\n"+err.Error())
}

func (s *Store) clearAutoBackupFailure() error {
	return s.db.Where(&Setting{Key: settingAutoBackupFailed}).Delete(&Setting{}).Error
}

// lastAutoBackupFailure is when the last automatic backup failed and why; ok is false
// when the last one succeeded (or none was ever tried).
func lastAutoBackupFailure(db *gorm.DB) (at time.Time, why string, ok bool, err error) {
	v, ok, err := getSetting(db, settingAutoBackupFailed)
	if err != nil || !ok {
		return time.Time{}, "", false, err
	}
	ts, why, _ := strings.Cut(v, "\n")
	at, err = time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return time.Time{}, "", false, fmt.Errorf("setting %s = %q: %w", settingAutoBackupFailed, v, err)
	}
	return at, why, true, nil
}
