package sheet

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Field is what a column of a sheet can be imported into: a ResourceField for the
// catalog, a MemberField for a member list. Its value is the key data.FieldError
// uses for the same field, so a problem can point at its column; its zero value is
// a column that is not imported (不导入). Mappings, plans and the functions below
// serve every kind of field alike.
type Field interface {
	~string
	// Label is the field's name in the owner's words, as its form shows it; 不导入
	// for the zero value.
	Label() string
	// kind is what the fields of the type share; only this package's fields have it.
	kind() *fieldKind
}

// fieldKind is what the fields of one type share: the order a picker shows them in,
// the headers owners' sheets name them by, and what an import of them needs. It holds
// the fields as strings, which generic code converts to and from the field type.
type fieldKind struct {
	fields   []string          // importable, in the order of the form
	headers  map[string]string // normalized header → field
	example  string            // headers the owner would know, for a sheet without a header: 名称、价格
	required string            // the field every import maps
	missing  string            // what to do when the required field is not mapped
}

// newFieldKind indexes each field's synonyms, which are already normalized.
func newFieldKind[F ~string](fields []F, synonyms map[F][]string, example string, required F, missing string) *fieldKind {
	k := &fieldKind{headers: make(map[string]string), example: example, required: string(required), missing: missing}
	for _, f := range fields {
		k.fields = append(k.fields, string(f))
	}
	for f, names := range synonyms {
		for _, n := range names {
			k.headers[n] = string(f)
		}
	}
	return k
}

// known reports whether f is one of the fields or the zero field.
func (k *fieldKind) known(f string) bool { return f == "" || slices.Contains(k.fields, f) }

func kindOf[F Field]() *fieldKind {
	var f F
	return f.kind()
}

// Fields lists the importable fields of a kind in the order of its form, for a mapping
// picker; the zero field (不导入) is not in it.
func Fields[F Field]() []F {
	k := kindOf[F]()
	out := make([]F, len(k.fields))
	for i, f := range k.fields {
		out[i] = F(f)
	}
	return out
}

// FieldByLabel finds a field by its Label, for pickers that deal in strings; 不导入
// gives the zero field.
func FieldByLabel[F Field](label string) (F, bool) {
	var zero F
	if label == zero.Label() {
		return zero, true
	}
	for _, f := range Fields[F]() {
		if f.Label() == label {
			return f, true
		}
	}
	return zero, false
}

// MatchField recognizes a column header: 商品名称, 价格(元), 截止时间（北京时间）, " 原价 ",
// ＱＱ号（必填） and 入群时间 all find their field. Case, spaces, full-width forms, a
// required-field star and a unit or remark in brackets do not matter. Unknown headers,
// such as 进货价 or 性别, give the zero field.
func MatchField[F Field](header string) F {
	k := kindOf[F]()
	h := normalizeHeader(header)
	if f, ok := k.headers[h]; ok {
		return F(f)
	}
	return F(k.headers[stripUnit(h)])
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
