package requests

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// With work on real goroutines (run under -race): the capture loads members, catalog,
// synonyms and template off the UI goroutine, copies the reply at once and records it
// off it; the screen's lists load the same way. (Fyne's test driver runs fyne.Do on
// the calling goroutine, so the test waits for each piece of work before the next
// action: a window runs them one after the other on its own.)
func TestCaptureOnGoroutines(t *testing.T) {
	e := uitest.NewEnvWithTasks(t)
	g, xm := requestFixture(t, e)
	c := NewCapture(e, nil)
	c.SetGroup(&g)
	c.Show()
	e.Tasks.Wait()
	test.Type(c.Member, "xiaoming")
	enter(c.Member)
	test.Type(c.Text, "求王者点券")
	test.Tap(c.CopyButton)
	if got := e.App.Clipboard().Content(); !strings.HasPrefix(got, "@广州-小明 你要的 王者荣耀点券 有货") {
		t.Fatalf("clipboard %q", got)
	}
	e.Tasks.Wait()
	e.Tasks.Wait() // the reload the save started
	rs, err := e.Store.Requests(g.ID, 0, data.RequestReplied)
	if err != nil || len(rs) != 1 || rs[0].MemberID != xm.ID {
		t.Fatalf("replied %+v (%v)", rs, err)
	}

	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	e.Tasks.Wait()
	if s.Replied.count() != 1 || s.Waiting.count() != 0 {
		t.Fatalf("the lists show %d replied, %d waiting", s.Replied.count(), s.Waiting.count())
	}
}
