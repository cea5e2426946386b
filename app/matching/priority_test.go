package matching

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
	"github.com/qunhuo/qunhuo/data/talent"
)

// October's 资源达人 holds 优先获取 through November: the match list puts TA first,
// above better fits, with the mark.
func TestPriorityHolderListedFirst(t *testing.T) {
	f := newFixture(t)
	october := time.Date(2026, 10, 20, 12, 0, 0, 0, uitest.Loc)
	past, err := data.Open(f.e.Store.Path(), data.WithClock(func() time.Time { return october }))
	if err != nil {
		t.Fatal(err)
	}
	_, err = past.AddPoints(data.PointDraft{MemberID: f.ids["橘猫"], GroupID: &f.g.ID, Reason: points.ShareResource,
		Amount: points.ShareResource.DefaultAmount()})
	if cerr := past.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.e.Store.ConfirmTalent(f.g.ID, talent.Month{Year: 2026, Month: time.October}, f.ids["橘猫"],
		talent.DefaultWeights(), uitest.Loc); err != nil {
		t.Fatal(err)
	}

	l := ShowForResource(f.e, &f.g, f.r)
	f.e.Tasks.Wait()
	if len(l.fits) != 3 || l.fits[0].Member.ID != f.ids["橘猫"] || l.fits[1].Member.Name != "小鱼儿" {
		t.Fatalf("order: %v", fitNames(l))
	}
	cell := widget.NewLabel("")
	for row, want := range []string{"橘猫 「优先获取」", "小鱼儿"} {
		if l.fillCell(row, 1, cell); cell.Text != want {
			t.Errorf("member cell %d: %q, want %q", row, cell.Text, want)
		}
	}
	if shown := uifind.OverlayText(f.e.Win); !strings.Contains(shown, "橘猫 「优先获取」") {
		t.Errorf("the list does not show the mark: %s", shown)
	}
	names, _ := l.names()
	if strings.Join(names, " ") != "橘猫 小鱼儿 阿狸" {
		t.Errorf("post names %v: the mark stays out of the post", names)
	}
}

func fitNames(l *ResourceFits) []string {
	var out []string
	for _, f := range l.fits {
		out = append(out, f.Member.Name)
	}
	return out
}
