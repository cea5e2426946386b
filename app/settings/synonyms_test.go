package settings

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

// The owner adds a pair of words the search then knows, is refused naming the field,
// and removes it again.
func TestSynonymsAddedAndRemoved(t *testing.T) {
	e := uitest.NewEnv(t)
	s := NewScreen(e, Links{})
	uitest.Show(e, s.Content())
	s.Refresh()
	var sy *synonyms
	for _, sec := range s.sections {
		if v, ok := sec.(*synonyms); ok {
			sy = v
		}
	}
	if sy == nil {
		t.Fatal("no 同义词 section")
	}
	if sy.empty.Hidden || !strings.Contains(sy.empty.Text, "还没有你自己加的同义词") {
		t.Fatalf("empty list says %q", sy.empty.Text)
	}
	test.Type(sy.Word, "绿砖")
	test.Tap(sy.Add)
	if !strings.Contains(sy.Problem.Text, "等于的词不能为空") {
		t.Fatalf("problem %q, want the empty field named", sy.Problem.Text)
	}
	test.Type(sy.Means, "绿钻")
	test.Tap(sy.Add)
	if sy.Problem.Text != "" || sy.Word.Text != "" || !strings.Contains(uifind.LabelTexts(sy.list), "绿砖 = 绿钻") {
		t.Fatalf("after adding: problem %q, list %q", sy.Problem.Text, uifind.LabelTexts(sy.list))
	}
	th, err := e.Store.Thesaurus()
	if err != nil || !th.Known("绿砖") {
		t.Fatalf("the search does not know 绿砖 (%v)", err)
	}
	test.Type(sy.Word, "绿钻")
	test.Type(sy.Means, "绿砖")
	test.Tap(sy.Add)
	if !strings.Contains(sy.Problem.Text, "已经是同义词了") {
		t.Fatalf("a pair kept twice: problem %q", sy.Problem.Text)
	}
	test.Tap(uifind.FindButton(sy.list, "删除"))
	if own, _ := e.Store.Synonyms(); len(own) != 0 || sy.empty.Hidden {
		t.Fatalf("after deleting: %d pairs", len(own))
	}
}
