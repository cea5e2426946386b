package sheet

import (
	"strings"
	"unicode"

	"github.com/qunhuo/qunhuo/data"
	"golang.org/x/text/width"
)

// Field is a resource field a column can be imported into. Its value is the key that
// data.FieldError uses for the same field, so a problem can point at its column.
type Field string

// The fields of a resource, and FieldIgnore for a column that is not imported.
const (
	FieldIgnore        Field = ""
	FieldCategory      Field = "category"
	FieldName          Field = "name"
	FieldPrice         Field = "price"
	FieldOriginalPrice Field = "original_price"
	FieldRedeem        Field = "redeem"
	FieldStock         Field = "stock"
	FieldValidFrom     Field = "valid_from"
	FieldValidUntil    Field = "valid_until"
	FieldSupplier      Field = "supplier"
	FieldStatus        Field = "status"
	FieldTags          Field = "tags"
	FieldNotes         Field = "notes"
)

// Fields lists the importable fields in the order of the full catalog export, for a
// mapping picker. FieldIgnore is not in it.
var Fields = []Field{
	FieldCategory, FieldName, FieldPrice, FieldOriginalPrice, FieldRedeem, FieldStock,
	FieldValidFrom, FieldValidUntil, FieldSupplier, FieldStatus, FieldTags, FieldNotes,
}

var fieldLabels = map[Field]string{
	FieldIgnore: "不导入", FieldCategory: "分类", FieldName: "名称", FieldPrice: "价格",
	FieldOriginalPrice: "原价", FieldRedeem: "兑换方式", FieldStock: "库存",
	FieldValidFrom: "开始时间", FieldValidUntil: "截止时间", FieldSupplier: "供应商",
	FieldStatus: "状态", FieldTags: "标签", FieldNotes: "备注",
}

// Label is the field's name in the owner's words; it is also the column header of the
// full catalog export. FieldIgnore is 不导入.
func (f Field) Label() string { return fieldLabels[f] }

// fieldLabel names a field by its key, as data.FieldError holds it.
func fieldLabel(key string) string { return Field(key).Label() }

// FieldByLabel finds a field by its Label, for pickers that deal in strings.
func FieldByLabel(label string) (Field, bool) { return byLabel(fieldLabels, label) }

// byLabel finds the field whose label is label; the zero field means ignore.
func byLabel[F ~string](labels map[F]string, label string) (F, bool) {
	for f, l := range labels {
		if l == label {
			return f, true
		}
	}
	return "", false
}

// draftText points at the draft's text for a field.
var draftText = map[Field]func(*data.ResourceDraft) *string{
	FieldCategory:      func(d *data.ResourceDraft) *string { return &d.Category },
	FieldName:          func(d *data.ResourceDraft) *string { return &d.Name },
	FieldPrice:         func(d *data.ResourceDraft) *string { return &d.Price },
	FieldOriginalPrice: func(d *data.ResourceDraft) *string { return &d.OriginalPrice },
	FieldRedeem:        func(d *data.ResourceDraft) *string { return &d.Redeem },
	FieldStock:         func(d *data.ResourceDraft) *string { return &d.Stock },
	FieldValidFrom:     func(d *data.ResourceDraft) *string { return &d.ValidFrom },
	FieldValidUntil:    func(d *data.ResourceDraft) *string { return &d.ValidUntil },
	FieldSupplier:      func(d *data.ResourceDraft) *string { return &d.Supplier },
	FieldStatus:        func(d *data.ResourceDraft) *string { return &d.Status },
	FieldTags:          func(d *data.ResourceDraft) *string { return &d.Tags },
	FieldNotes:         func(d *data.ResourceDraft) *string { return &d.Notes },
}

// synonyms are the headers owners' sheets use for each field, already normalized.
var synonyms = map[Field][]string{
	FieldName:          {"名称", "资源名称", "商品名称", "商品名", "商品", "名字", "资源", "资源名", "产品名称", "产品", "name"},
	FieldCategory:      {"分类", "类别", "类目", "类型", "资源分类", "商品分类", "category"},
	FieldPrice:         {"价格", "售价", "现价", "单价", "群价", "price"},
	FieldOriginalPrice: {"原价", "市场价", "面值", "官方价", "官方价格", "原价格", "originalprice"},
	FieldRedeem:        {"兑换方式", "兑换", "充值方式", "发货方式", "使用方式"},
	FieldStock:         {"库存", "数量", "剩余", "库存数量", "剩余数量", "stock"},
	FieldValidFrom:     {"开始", "开始时间", "生效时间", "开始日期", "生效日期", "起始时间"},
	FieldValidUntil:    {"截止", "截止时间", "有效期至", "到期时间", "截止日期", "到期日期", "有效期", "结束时间", "过期时间"},
	FieldSupplier:      {"供应商", "货源", "上家", "渠道", "supplier"},
	FieldStatus:        {"状态", "上架状态", "status"},
	FieldTags:          {"标签", "tags", "tag"},
	FieldNotes:         {"备注", "说明", "notes"},
}

var headerFields = headerIndex(synonyms)

// headerIndex turns each field's synonyms into a lookup from header to field.
func headerIndex[F ~string](synonyms map[F][]string) map[string]F {
	m := make(map[string]F)
	for f, names := range synonyms {
		for _, n := range names {
			m[n] = f
		}
	}
	return m
}

// MatchField recognizes a column header: 商品名称, 价格(元), 截止时间（北京时间） and
// " 原价 " all find their field. Case, spaces, full-width forms, a required-field star
// and a unit or remark in brackets do not matter. Unknown headers give FieldIgnore.
func MatchField(header string) Field { return matchHeader(headerFields, header) }

// matchHeader looks header up in index as it is, then without a unit or remark;
// an unknown header gives the zero field, which means ignore.
func matchHeader[F ~string](index map[string]F, header string) F {
	h := normalizeHeader(header)
	if f, ok := index[h]; ok {
		return f
	}
	return index[stripUnit(h)]
}

// normalizeHeader folds full-width letters and brackets to half-width, lowercases,
// drops every space, and trims decorations owners put around a header.
func normalizeHeader(s string) string {
	s = strings.ToLower(width.Fold.String(s))
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimLeft(s, "*※")
	return strings.TrimRight(s, ":*")
}

// stripUnit removes a bracketed remark such as (元) or 【必填】 and a unit suffix such
// as /元 or 元.
func stripUnit(h string) string {
	if i := strings.IndexAny(h, "([【〔<《"); i > 0 {
		h = h[:i]
	}
	h = strings.TrimSuffix(h, "元")
	return strings.TrimRight(h, "/:")
}
