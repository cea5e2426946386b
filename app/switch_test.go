package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/data"
)

// Moving the data: the app opens the copy, lets go of the old folder (another QunHuo
// could take it), remembers the new folder for the next start, and says where both are.
func TestSwitchToAnotherFolder(t *testing.T) {
	dir := t.TempDir()
	o := testOpener(t, dir)
	o.open()
	if err := o.store.SaveGroup(&data.Group{Name: "搬家的群", Number: "55555"}); err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(t.TempDir(), "D盘")
	if err := o.store.CopyTo(to); err != nil {
		t.Fatal(err)
	}
	o.switchTo(to)
	o.restoring.Wait()
	if o.dir != to || filepath.Dir(o.store.Path()) != to {
		t.Fatalf("dir %s, store at %s; want %s", o.dir, o.store.Path(), to)
	}
	if gs, err := o.store.Groups(); err != nil || len(gs) != 1 || gs[0].Name != "搬家的群" {
		t.Fatalf("groups after the move: %v, %v", gs, err)
	}
	if got := chosenDataDir(o.app); got != to {
		t.Fatalf("next start opens %s, want %s", got, to)
	}
	if text := uifind.OverlayText(o.win); !strings.Contains(text, to) || !strings.Contains(text, dir) {
		t.Fatalf("the message does not name both folders: %q", text)
	}
	other, err := data.LockFolder(dir)
	if err != nil {
		t.Fatalf("the old folder is still held: %v", err)
	}
	_ = other.Unlock()
}

// A folder another QunHuo holds is refused and the data in use stays open.
func TestSwitchRefusedKeepsTheData(t *testing.T) {
	dir := t.TempDir()
	o := testOpener(t, dir)
	o.open()
	busy := t.TempDir()
	held, err := data.LockFolder(busy)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	o.switchTo(busy)
	o.restoring.Wait()
	if o.dir != dir || o.store == nil || filepath.Dir(o.store.Path()) != dir {
		t.Fatalf("after a refused switch: dir %s, store %v", o.dir, o.store)
	}
	if _, err := o.store.Groups(); err != nil {
		t.Fatalf("the data in use was closed: %v", err)
	}
	if text := uifind.OverlayText(o.win); !strings.Contains(text, "仍然用原来的数据") {
		t.Fatalf("dialog says %q", text)
	}
	if got := chosenDataDir(o.app); got == busy {
		t.Fatal("a refused folder was remembered")
	}
}

// The folder the data moved to is found again at the next start while it holds the
// data; a pointer to a folder without data, or moving back home, opens home.
func TestRememberedDataFolder(t *testing.T) {
	a := test.NewTempApp(t)
	home := a.Storage().RootURI().Path()
	if got := chosenDataDir(a); got != home {
		t.Fatalf("nothing remembered: %s, want %s", got, home)
	}
	moved := t.TempDir()
	if err := rememberDataDir(a, moved); err != nil {
		t.Fatal(err)
	}
	if got := chosenDataDir(a); got != home {
		t.Fatalf("a folder without data: %s, want home", got)
	}
	s, err := data.Open(filepath.Join(moved, data.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	if got := chosenDataDir(a); got != moved {
		t.Fatalf("moved: %s, want %s", got, moved)
	}
	if err := rememberDataDir(a, home); err != nil {
		t.Fatal(err)
	}
	if got := chosenDataDir(a); got != home {
		t.Fatalf("moved back: %s, want home", got)
	}
}
