package catalog

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

func categoryNames(c *categoriesDialog) string {
	var names []string
	for _, cat := range c.categories {
		names = append(names, cat.Name)
	}
	return strings.Join(names, ",")
}

func TestCategoriesAddMoveRenameDelete(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10"})
	changed := 0
	c := newCategoriesDialog(e, func() { changed++ })
	c.show()
	if got := categoryNames(c); got != "游戏类,影音类,生活类,话费类" {
		t.Fatalf("categories = %s", got)
	}
	test.Type(c.newName, "学习类")
	test.Tap(c.addButton)
	if got := categoryNames(c); got != "游戏类,影音类,生活类,话费类,学习类" || c.newName.Text != "" {
		t.Fatalf("after add: %s, entry %q", got, c.newName.Text)
	}
	test.Tap(c.upButton) // the new category is selected
	if got := categoryNames(c); got != "游戏类,影音类,生活类,学习类,话费类" {
		t.Errorf("after 上移: %s", got)
	}
	test.Type(c.newName, "游戏类")
	test.Tap(c.addButton)
	if strings.Count(categoryNames(c), "游戏类") != 1 {
		t.Errorf("adding an existing name made a second one: %s", categoryNames(c))
	}
	c.list.Select(0)
	test.Tap(c.deleteBtn)
	if !strings.Contains(c.problem.Text, "还有资源") {
		t.Errorf("deleting a category in use says %q", c.problem.Text)
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "完成"))
	if changed != 1 {
		t.Errorf("the catalog was told %d times to reload, want 1", changed)
	}
}
