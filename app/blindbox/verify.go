package blindbox

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data/draw"
)

// VerifyPane recomputes a published draw from the seed and list pasted out of a result
// post: any member's check, done here for the owner (or for a member's box).
type VerifyPane struct {
	Seed, Commitment, ListHash, Count, Winners *ui.Entry
	List                                       *ui.Entry
	Run                                        *widget.Button
	Result                                     *widget.Label
}

func newVerifyPane() *VerifyPane {
	v := &VerifyPane{Seed: ui.NewEntry(), Commitment: ui.NewEntry(), ListHash: ui.NewEntry(), Count: ui.NewEntry(),
		Winners: ui.NewEntry(), List: ui.NewMultiLineEntry()}
	v.Seed.SetPlaceHolder("开奖公告里的种子（64 位十六进制）")
	v.Commitment.SetPlaceHolder("开盒公告里的承诺（可不填）")
	v.ListHash.SetPlaceHolder("开奖公告里的名单哈希（可不填）")
	v.Count.SetPlaceHolder("抽取次数（含补抽），如 3")
	v.Winners.SetPlaceHolder("公布的中奖序号，按抽出顺序，如 5 4 1（可不填）")
	v.List.SetPlaceHolder("开奖公告里的名单，每行“序号 名称”")
	v.List.SetMinRowsVisible(8)
	v.Run = widget.NewButton("重新计算", v.verify)
	v.Run.Importance = widget.HighImportance
	v.Result = widget.NewLabel("把开奖公告里的种子、名单和抽取次数粘贴进来，点「重新计算」，看结果是否与公布的一致。")
	v.Result.Wrapping = fyne.TextWrapBreak
	return v
}

func (v *VerifyPane) content() fyne.CanvasObject {
	form := container.New(&formLayout{}, // two columns: label, field
		widget.NewLabel("种子"), v.Seed, widget.NewLabel("承诺"), v.Commitment,
		widget.NewLabel("名单哈希"), v.ListHash, widget.NewLabel("抽取次数"), v.Count,
		widget.NewLabel("中奖序号"), v.Winners, widget.NewLabel("名单"), v.List)
	recipe := widget.NewLabel(draw.Recipe)
	recipe.Wrapping = fyne.TextWrapBreak
	return container.NewVScroll(container.NewVBox(form, v.Run, v.Result, widget.NewSeparator(), recipe))
}

// verify recomputes and says what matched.
func (v *VerifyPane) verify() {
	count, err := strconv.Atoi(strings.TrimSpace(v.Count.Text))
	if err != nil || count < 1 {
		v.Result.SetText("抽取次数请填 1 以上的整数（中奖人数加补抽次数）。")
		return
	}
	var pub []int
	for _, f := range strings.FieldsFunc(v.Winners.Text, func(r rune) bool { return r == ' ' || r == ',' || r == '，' || r == '、' }) {
		n, err := strconv.Atoi(f)
		if err != nil {
			v.Result.SetText("中奖序号请只写数字，用空格隔开，如 5 4 1。")
			return
		}
		pub = append(pub, n)
	}
	c := draw.Verify(v.Seed.Text, v.List.Text, count, v.Commitment.Text, v.ListHash.Text, pub)
	v.Result.SetText(checkText(c))
}

func checkText(c draw.Check) string {
	switch {
	case c.SeedBad:
		return "种子不对：应为 64 位十六进制数字（0-9、a-f）。"
	case c.BadListLine != 0:
		return fmt.Sprintf("名单第 %d 行不是“序号 名称”的样子，或序号没有从 1 起连续。", c.BadListLine)
	case c.TooManyPicks:
		return fmt.Sprintf("抽取次数多于名单人数（%d 人）。", len(c.Labels))
	}
	var sb strings.Builder
	if c.OK() {
		sb.WriteString("【验证通过】结果与公布的一致。\n")
	} else {
		sb.WriteString("【验证不通过】\n")
	}
	mark := func(ok bool) string {
		if ok {
			return "一致"
		}
		return "不一致"
	}
	fmt.Fprintf(&sb, "种子的 SHA-256：%s（与承诺%s）\n", c.Commitment, mark(c.CommitmentOK))
	fmt.Fprintf(&sb, "名单哈希：%s（%d 人，与公布的%s）\n", c.ListHash, len(c.Labels), mark(c.ListHashOK))
	sb.WriteString("抽出顺序：")
	for i, p := range c.Picks {
		if i > 0 {
			sb.WriteString("，")
		}
		fmt.Fprintf(&sb, "第 %d 号 %s", p+1, c.Labels[p])
	}
	if c.PublishedPicks != nil {
		fmt.Fprintf(&sb, "\n与公布的中奖序号%s", mark(c.PicksOK))
	}
	return sb.String()
}

// formLayout lays pairs out as a narrow label column and a wide field column.
type formLayout struct{}

func (formLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, w float32
	for i := 0; i+1 < len(objs); i += 2 {
		h += fyne.Max(objs[i].MinSize().Height, objs[i+1].MinSize().Height) + 4
		w = fyne.Max(w, 90+objs[i+1].MinSize().Width)
	}
	return fyne.NewSize(w, h)
}

func (formLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	for i := 0; i+1 < len(objs); i += 2 {
		rh := fyne.Max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(86, rh))
		objs[i+1].Move(fyne.NewPos(90, y))
		objs[i+1].Resize(fyne.NewSize(size.Width-90, rh))
		y += rh + 4
	}
}
