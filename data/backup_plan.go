package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// BackupPlanFile is the file beside the database that says where automatic backups go
// and how many are kept. It is a plain file rather than a setting in the database:
// it must be readable when the database is not (the offer of the newest good backup),
// a restore must not turn it back to an old choice, and it belongs to this computer
// (a USB stick or a second disk), not to the data a team would share.
const BackupPlanFile = "backup-plan.json"

// BackupPlan is the owner's choice of where automatic backups go and how many are kept.
type BackupPlan struct {
	// Folder holds the automatic backups; "" means the backups folder beside the
	// database.
	Folder string `json:"folder,omitempty"`
	// KeepDaily and KeepWeekly are how many days and weeks keep a backup: see
	// RotateBackups.
	KeepDaily  int `json:"keep_daily"`
	KeepWeekly int `json:"keep_weekly"`
}

// The bounds of what an owner may choose to keep.
const (
	MinKeepDaily  = 1
	MaxKeepDaily  = 90
	MaxKeepWeekly = 104
)

// DefaultBackupPlan is the plan of a data folder where the owner chose nothing.
var DefaultBackupPlan = BackupPlan{KeepDaily: KeepDailyBackups, KeepWeekly: KeepWeeklyBackups}

// Why a plan is refused.
var (
	ErrKeepOutOfRange   = errors.New("backup plan: number kept out of range")
	ErrBackupFolderBad  = errors.New("backup plan: the folder cannot hold backups")
	ErrBackupFolderData = errors.New("backup plan: the folder is the data folder")
)

// Dir is the folder the plan puts automatic backups in, for the data folder dataDir.
func (p BackupPlan) Dir(dataDir string) string {
	if p.Folder == "" {
		return filepath.Join(dataDir, BackupsFolder)
	}
	return p.Folder
}

// Check refuses counts out of range: at least MinKeepDaily days, at most MaxKeepDaily
// days and MaxKeepWeekly weeks.
func (p BackupPlan) Check() error {
	if p.KeepDaily < MinKeepDaily || p.KeepDaily > MaxKeepDaily || p.KeepWeekly < 0 || p.KeepWeekly > MaxKeepWeekly {
		return fmt.Errorf("%w: %d days, %d weeks", ErrKeepOutOfRange, p.KeepDaily, p.KeepWeekly)
	}
	return nil
}

// LoadBackupPlan reads the plan of the data folder dataDir. A folder without one, or
// with one that cannot be read, has the default plan: a broken plan file never stops
// the backups, and the error says why it was not used.
func LoadBackupPlan(dataDir string) (BackupPlan, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, BackupPlanFile))
	if errors.Is(err, fs.ErrNotExist) {
		return DefaultBackupPlan, nil
	}
	if err != nil {
		return DefaultBackupPlan, fmt.Errorf("read the backup plan: %w", err)
	}
	p := DefaultBackupPlan
	if err := json.Unmarshal(b, &p); err != nil {
		return DefaultBackupPlan, fmt.Errorf("read the backup plan: %w", err)
	}
	if err := p.Check(); err != nil {
		return DefaultBackupPlan, err
	}
	if p.Folder != "" && !filepath.IsAbs(p.Folder) {
		return DefaultBackupPlan, fmt.Errorf("read the backup plan: folder %q: %w", p.Folder, ErrBackupFolderBad)
	}
	return p, nil
}

// SaveBackupPlan keeps p as the plan of dataDir, after checking it and, when it names a
// folder, that the folder can be made and written to and is not the data folder itself.
// The file is replaced in one step, so a crash leaves the old plan or the new one.
func SaveBackupPlan(dataDir string, p BackupPlan) error {
	if err := p.Check(); err != nil {
		return err
	}
	if p.Folder != "" {
		if err := checkBackupFolder(dataDir, p.Folder); err != nil {
			return err
		}
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	dst := filepath.Join(dataDir, BackupPlanFile)
	part := dst + ".part"
	if err := os.WriteFile(part, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("save the backup plan: %w", err)
	}
	if err := os.Rename(part, dst); err != nil {
		_ = os.Remove(part)
		return fmt.Errorf("save the backup plan: %w", err)
	}
	syncDir(dataDir)
	return nil
}

// checkBackupFolder makes sure folder is an absolute path other than the data folder,
// exists or can be made, and takes a file.
func checkBackupFolder(dataDir, folder string) error {
	if !filepath.IsAbs(folder) {
		return fmt.Errorf("%w: %q is not a full path", ErrBackupFolderBad, folder)
	}
	if sameFolder(dataDir, folder) {
		return ErrBackupFolderData
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return fmt.Errorf("%w: %v", ErrBackupFolderBad, err)
	}
	f, err := os.CreateTemp(folder, ".qunhuo-write-test-*")
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBackupFolderBad, err)
	}
	name := f.Name()
	_ = f.Close()
	return os.Remove(name)
}

// sameFolder tells whether a and b name the same folder, by what the system says when
// both exist, else by their cleaned paths.
func sameFolder(a, b string) bool {
	ai, aerr := os.Stat(a)
	bi, berr := os.Stat(b)
	if aerr == nil && berr == nil {
		return os.SameFile(ai, bi)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}

// DataDir is the folder that holds the store's database.
func (s *Store) DataDir() string { return filepath.Dir(s.path) }

// BackupPlan is the plan of the store's data folder: see LoadBackupPlan.
func (s *Store) BackupPlan() (BackupPlan, error) { return LoadBackupPlan(s.DataDir()) }
