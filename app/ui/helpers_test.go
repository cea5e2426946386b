package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/data"
)

// newTestEnv is uitest.NewEnv for this package's own tests (uitest imports ui, so ui's
// tests cannot import it).
func newTestEnv(t *testing.T) *Env {
	t.Helper()
	a := test.NewTempApp(t)
	UseChineseForFyne()
	a.Settings().SetTheme(NewTheme())
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, loc)
	store, err := data.Open(filepath.Join(t.TempDir(), data.DatabaseFile), data.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	e := NewEnv(a, a.NewWindow("群活"), store, loc)
	e.Tasks.Inline = true
	t.Cleanup(func() { e.Win.Close(); _ = store.Close() })
	return e
}
