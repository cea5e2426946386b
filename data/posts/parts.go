package posts

import (
	"strings"

	"github.com/qunhuo/qunhuo/data"
)

// The owner's mode of the template editor. A post is written in parts (标题, 每个分类,
// 每个资源, 没有在售资源时, 结尾), each plain text with Chinese placeholders such as
// {名称}; Parts.Template turns them into the Go template the store keeps, and PartsOf
// turns a stored template back into parts when it can be shown that way.
//
// The rules an owner learns are two, both about values a resource may not have
// (原价, 兑换方式, 截止, 备注…):
//   - a line with such a placeholder is left out when it has no value;
//   - to leave out only a piece of a line, put the piece in square brackets:
//     "● {名称} {价格}[（原价{原价}）]". Brackets without such a placeholder inside are
//     ordinary text. A line that holds nothing but bracketed pieces (and spaces) is left
//     out when all of them are.
//
// Braces are only for placeholders, so the text of the parts never needs escaping.

// PartKey names one part of a post in the owner's mode.
type PartKey string

// The parts. A 上新 post has a header, its resource and a footer; the index has all.
const (
	PartHeader   PartKey = "header"   // 标题: the top of the post, once
	PartCategory PartKey = "category" // 每个分类: repeated for each category (index)
	PartResource PartKey = "resource" // 每个资源: each resource; 上新: the resource
	PartEmpty    PartKey = "empty"    // 没有在售资源时: instead of the list (index)
	PartFooter   PartKey = "footer"   // 结尾: the end of the post, once
)

// Placeholder is one value a part can show, written {Name} in the owner's text.
type Placeholder struct {
	Name        string // 名称
	Description string // what it shows, in Chinese, with an example

	field    string // the Go field: Name
	top      bool   // a field of the whole post: written $.Field inside a repeated part
	optional bool   // may have no value; see the rules above
	cond     string // the field whose value decides whether it has one, when not field
}

// Written is the placeholder as the owner types it: {名称}.
func (p Placeholder) Written() string { return "{" + p.Name + "}" }

// Optional tells whether the placeholder may have no value (原价 when there is none).
func (p Placeholder) Optional() bool { return p.optional }

// PartSpec describes one part of a kind of post for the editor.
type PartSpec struct {
	Key          PartKey
	Label        string        // 每个资源
	Help         string        // when it appears, in Chinese
	Rows         int           // how many lines its box shows
	Placeholders []Placeholder // what it can use, in the order the editor offers them
	nested       bool          // inside {{range}}: the post's own fields need $.
}

// The placeholders. Top-level fields are written $.Field inside a range.
var (
	phGroup    = Placeholder{Name: "群名", Description: "群名称", field: "GroupName", top: true}
	phDate     = Placeholder{Name: "日期", Description: "发公告的日期，如 2026-11-26", field: "Date", top: true}
	phTotal    = Placeholder{Name: "数量", Description: "在标题和结尾里：公告里在售资源的总数；没有在售资源时没有值", field: "Count", top: true, optional: true}
	phCatName  = Placeholder{Name: "分类", Description: "分类名称，如 游戏类", field: "Name"}
	phCatCount = Placeholder{Name: "数量", Description: "在每个分类里：这个分类在售资源的数量", field: "Count"}

	phName     = Placeholder{Name: "名称", Description: "资源名称", field: "Name"}
	phCategory = Placeholder{Name: "分类", Description: "资源所在的分类", field: "Category"}
	phPrice    = Placeholder{Name: "价格", Description: "现价，如 ¥12.5；价格为 0 时是“免费”", field: "Price"}
	phOriginal = Placeholder{Name: "原价", Description: "原价，如 ¥30；只有原价比现价高时才有", field: "OriginalPrice", optional: true}
	phSaving   = Placeholder{Name: "立省", Description: "比原价省多少，如 ¥17.5；没有原价时没有值", field: "Saving", optional: true, cond: "OriginalPrice"}
	phRedeem   = Placeholder{Name: "兑换方式", Description: "兑换方式，如 卡密自动发货；没填时没有值", field: "Redeem", optional: true}
	phStock    = Placeholder{Name: "库存", Description: "库存，如 20；不限库存时是“不限”", field: "Stock"}
	phDeadline = Placeholder{Name: "截止", Description: "限时资源的截止时间，如 12-31 23:59；不限时没有值", field: "Deadline", optional: true}
	phStart    = Placeholder{Name: "开售", Description: "开售时间；已经开售时没有值", field: "Start", optional: true}
	phNotes    = Placeholder{Name: "备注", Description: "备注；没填时没有值", field: "Notes", optional: true}
)

// PartSpecs lists the parts of kind in the order the post has them; nil for a kind
// without a template.
func PartSpecs(kind data.PostKind) []PartSpec {
	switch kind {
	case data.PostIndex:
		listing := []Placeholder{phName, phPrice, phOriginal, phSaving, phRedeem, phStock, phDeadline, phNotes, phCategory, phGroup, phDate}
		return []PartSpec{
			{Key: PartHeader, Label: "标题", Help: "公告开头，只出现一次", Rows: 3,
				Placeholders: []Placeholder{phGroup, phDate, phTotal}},
			{Key: PartCategory, Label: "每个分类", Help: "每个有在售资源的分类出现一次，在它的资源前面；第一行空着，分类之间就空一行", Rows: 2,
				Placeholders: []Placeholder{phCatName, phCatCount, phGroup, phDate}, nested: true},
			{Key: PartResource, Label: "每个资源", Help: "分类里每个在售资源出现一次", Rows: 3,
				Placeholders: listing, nested: true},
			{Key: PartEmpty, Label: "没有在售资源时", Help: "资源库里一个在售资源都没有时，代替上面的列表", Rows: 2,
				Placeholders: []Placeholder{phGroup, phDate}},
			{Key: PartFooter, Label: "结尾", Help: "公告最后，只出现一次", Rows: 3,
				Placeholders: []Placeholder{phGroup, phDate, phTotal}},
		}
	case data.PostNewStock:
		all := []Placeholder{phName, phPrice, phOriginal, phSaving, phRedeem, phStock, phDeadline, phNotes, phCategory, phStart, phGroup, phDate}
		return []PartSpec{
			{Key: PartHeader, Label: "标题", Help: "公告的第一行", Rows: 1, Placeholders: all},
			{Key: PartResource, Label: "资源", Help: "这个资源的介绍", Rows: 8, Placeholders: all},
			{Key: PartFooter, Label: "结尾", Help: "公告最后的话；第一行空着，和上面空开一行", Rows: 3, Placeholders: all},
		}
	case data.PostReply:
		return replyPartSpecs()
	}
	return nil
}

// PartSpecOf finds the spec of part key in kind.
func PartSpecOf(kind data.PostKind, key PartKey) (PartSpec, bool) {
	for _, s := range PartSpecs(kind) {
		if s.Key == key {
			return s, true
		}
	}
	return PartSpec{}, false
}

// find is the placeholder written {name} in this part, if it may be used here.
func (s PartSpec) find(name string) (Placeholder, bool) {
	for _, p := range s.Placeholders {
		if p.Name == name {
			return p, true
		}
	}
	return Placeholder{}, false
}

// ref is how the Go template names p's field in this part: .Price, or $.GroupName
// inside a range.
func (s PartSpec) ref(p Placeholder) string {
	if p.top && s.nested {
		return "$." + p.field
	}
	return "." + p.field
}

// condRef names the field whose value decides whether p has one.
func (s PartSpec) condRef(p Placeholder) string {
	if p.cond != "" {
		return s.ref(Placeholder{field: p.cond, top: p.top})
	}
	return s.ref(p)
}

// byRef finds the placeholder a Go template's field reference means in this part.
func (s PartSpec) byRef(ref string) (Placeholder, bool) {
	if !s.nested {
		ref = strings.TrimPrefix(ref, "$") // $.GroupName is .GroupName outside a range
	}
	for _, p := range s.Placeholders {
		if s.ref(p) == ref {
			return p, true
		}
	}
	return Placeholder{}, false
}

// Parts is a post template in the owner's mode: the text of each part.
type Parts struct {
	Kind data.PostKind
	Text map[PartKey]string
}

// Piece is an optional piece of a post an owner turns on or off with a switch.
type Piece struct {
	Label string   // 显示原价
	names []string // the placeholders it shows
}

// The switches of the owner's mode, in the order the editor shows them.
var (
	PieceOriginal = Piece{Label: "显示原价", names: []string{phOriginal.Name, phSaving.Name}}
	PieceDeadline = Piece{Label: "显示截止时间", names: []string{phDeadline.Name}}
	PieceStock    = Piece{Label: "显示库存", names: []string{phStock.Name}}
	Pieces        = []Piece{PieceOriginal, PieceDeadline, PieceStock}
)

func (pc Piece) has(name string) bool {
	for _, n := range pc.names {
		if n == name {
			return true
		}
	}
	return false
}
