package sheet

import "github.com/qunhuo/qunhuo/data"

// ResourceField is a resource field a column of a price list or an exported catalog
// can be imported into.
type ResourceField string

// The fields of a resource, and ResourceFieldIgnore for a column that is not imported.
const (
	ResourceFieldIgnore        ResourceField = ""
	ResourceFieldCategory      ResourceField = "category"
	ResourceFieldName          ResourceField = "name"
	ResourceFieldPrice         ResourceField = "price"
	ResourceFieldOriginalPrice ResourceField = "original_price"
	ResourceFieldRedeem        ResourceField = "redeem"
	ResourceFieldStock         ResourceField = "stock"
	ResourceFieldValidFrom     ResourceField = "valid_from"
	ResourceFieldValidUntil    ResourceField = "valid_until"
	ResourceFieldSupplier      ResourceField = "supplier"
	ResourceFieldStatus        ResourceField = "status"
	ResourceFieldTags          ResourceField = "tags"
	ResourceFieldNotes         ResourceField = "notes"
)

// resourceFields are the importable fields in the order of the full catalog export.
var resourceFields = []ResourceField{
	ResourceFieldCategory, ResourceFieldName, ResourceFieldPrice, ResourceFieldOriginalPrice,
	ResourceFieldRedeem, ResourceFieldStock, ResourceFieldValidFrom, ResourceFieldValidUntil,
	ResourceFieldSupplier, ResourceFieldStatus, ResourceFieldTags, ResourceFieldNotes,
}

var resourceFieldLabels = map[ResourceField]string{
	ResourceFieldIgnore: "不导入", ResourceFieldCategory: "分类", ResourceFieldName: "名称",
	ResourceFieldPrice: "价格", ResourceFieldOriginalPrice: "原价", ResourceFieldRedeem: "兑换方式",
	ResourceFieldStock: "库存", ResourceFieldValidFrom: "开始时间", ResourceFieldValidUntil: "截止时间",
	ResourceFieldSupplier: "供应商", ResourceFieldStatus: "状态", ResourceFieldTags: "标签",
	ResourceFieldNotes: "备注",
}

// Label is the field's name in the owner's words; it is also the column header of the
// full catalog export. ResourceFieldIgnore is 不导入.
func (f ResourceField) Label() string { return resourceFieldLabels[f] }

func (ResourceField) kind() *fieldKind { return resourceFieldKind }

// resourceSynonyms are the headers owners' sheets use for each field, already
// normalized.
var resourceSynonyms = map[ResourceField][]string{
	ResourceFieldName:          {"名称", "资源名称", "商品名称", "商品名", "商品", "名字", "资源", "资源名", "产品名称", "产品", "name"},
	ResourceFieldCategory:      {"分类", "类别", "类目", "类型", "资源分类", "商品分类", "category"},
	ResourceFieldPrice:         {"价格", "售价", "现价", "单价", "群价", "price"},
	ResourceFieldOriginalPrice: {"原价", "市场价", "面值", "官方价", "官方价格", "原价格", "originalprice"},
	ResourceFieldRedeem:        {"兑换方式", "兑换", "充值方式", "发货方式", "使用方式"},
	ResourceFieldStock:         {"库存", "数量", "剩余", "库存数量", "剩余数量", "stock"},
	ResourceFieldValidFrom:     {"开始", "开始时间", "生效时间", "开始日期", "生效日期", "起始时间"},
	ResourceFieldValidUntil:    {"截止", "截止时间", "有效期至", "到期时间", "截止日期", "到期日期", "有效期", "结束时间", "过期时间"},
	ResourceFieldSupplier:      {"供应商", "货源", "上家", "渠道", "supplier"},
	ResourceFieldStatus:        {"状态", "上架状态", "status"},
	ResourceFieldTags:          {"标签", "tags", "tag"},
	ResourceFieldNotes:         {"备注", "说明", "notes"},
}

var resourceFieldKind = newFieldKind(resourceFields, resourceSynonyms, "名称、价格",
	ResourceFieldName, "请指定哪一列是资源名称")

// draftText points at the draft's text for a field.
var draftText = map[ResourceField]func(*data.ResourceDraft) *string{
	ResourceFieldCategory:      func(d *data.ResourceDraft) *string { return &d.Category },
	ResourceFieldName:          func(d *data.ResourceDraft) *string { return &d.Name },
	ResourceFieldPrice:         func(d *data.ResourceDraft) *string { return &d.Price },
	ResourceFieldOriginalPrice: func(d *data.ResourceDraft) *string { return &d.OriginalPrice },
	ResourceFieldRedeem:        func(d *data.ResourceDraft) *string { return &d.Redeem },
	ResourceFieldStock:         func(d *data.ResourceDraft) *string { return &d.Stock },
	ResourceFieldValidFrom:     func(d *data.ResourceDraft) *string { return &d.ValidFrom },
	ResourceFieldValidUntil:    func(d *data.ResourceDraft) *string { return &d.ValidUntil },
	ResourceFieldSupplier:      func(d *data.ResourceDraft) *string { return &d.Supplier },
	ResourceFieldStatus:        func(d *data.ResourceDraft) *string { return &d.Status },
	ResourceFieldTags:          func(d *data.ResourceDraft) *string { return &d.Tags },
	ResourceFieldNotes:         func(d *data.ResourceDraft) *string { return &d.Notes },
}
