package data

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data/mask"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Member is one person, known by QQ number, who may be in several of the owner's groups.
type Member struct {
	ID          uint   `gorm:"primaryKey"`
	QQ          string `gorm:"column:qq;size:12;not null;uniqueIndex"`
	Nickname    string `gorm:"size:60;not null;default:''"`
	Notes       string `gorm:"size:500;not null;default:''"`
	SearchKey   string `gorm:"size:2000;not null;default:''"`
	Memberships []Membership
	Tags        []MemberTag
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Role is a member's place in one group.
type Role string

// The roles QQ knows.
const (
	RoleOwner  Role = "owner"  // 群主
	RoleAdmin  Role = "admin"  // 管理员
	RoleMember Role = "member" // 成员
)

// Roles lists the roles in the order forms offer them.
var Roles = []Role{RoleMember, RoleAdmin, RoleOwner}

var roleLabels = map[Role]string{RoleOwner: "群主", RoleAdmin: "管理员", RoleMember: "成员"}

// Label is the role in the owner's words.
func (r Role) Label() string { return roleLabels[r] }

// RoleByLabel finds a role by its Chinese label or code.
func RoleByLabel(label string) (Role, bool) {
	for r, l := range roleLabels {
		if l == label || string(r) == label {
			return r, true
		}
	}
	return "", false
}

// Membership is a member's seat in one group: the group card name and role there.
type Membership struct {
	ID       uint   `gorm:"primaryKey"`
	MemberID uint   `gorm:"not null;uniqueIndex:idx_membership"`
	GroupID  uint   `gorm:"not null;uniqueIndex:idx_membership;index"`
	CardName string `gorm:"size:60;not null;default:''"` // 群名片
	Role     Role   `gorm:"size:16;not null;default:member"`
	JoinedOn *time.Time
	// What QQ's member list says about the seat, when it came from there.
	LastSpokeAt *time.Time // 最后发言时间
	LevelName   string     `gorm:"size:30;not null;default:''"` // 群等级名称
	// LeftOn is set when a fresh full member list no longer had them (已退群); the seat
	// and the member are kept.
	LeftOn *time.Time `gorm:"index"`
}

// TagKind says what a member tag describes.
type TagKind string

// The three kinds of need tags from the article: why they come, what they like, who they are.
const (
	TagMotivation TagKind = "motivation" // 刚需获取 / 信息差红利 / 社交认同
	TagInterest   TagKind = "interest"   // 王者荣耀, 原神, 爱奇艺…
	TagSegment    TagKind = "segment"    // 学生, 上班族…
)

// Motivations are the three needs a member can come for.
var Motivations = []string{"刚需获取", "信息差红利", "社交认同"}

// SegmentSuggestions are segments offered in forms; owners may type others.
var SegmentSuggestions = []string{"学生", "上班族", "宝妈", "自由职业", "游戏玩家", "追剧党"}

// MemberTag is one need tag on a member.
type MemberTag struct {
	ID       uint    `gorm:"primaryKey"`
	MemberID uint    `gorm:"not null;uniqueIndex:idx_member_tag"`
	Kind     TagKind `gorm:"size:16;not null;uniqueIndex:idx_member_tag"`
	Value    string  `gorm:"size:30;not null;uniqueIndex:idx_member_tag"`
}

// TagValues lists the member's tags of one kind.
func (m *Member) TagValues(kind TagKind) []string {
	var vs []string
	for _, t := range m.Tags {
		if t.Kind == kind {
			vs = append(vs, t.Value)
		}
	}
	return vs
}

// In returns the member's seat in a group, or nil.
func (m *Member) In(groupID uint) *Membership {
	for i := range m.Memberships {
		if m.Memberships[i].GroupID == groupID {
			return &m.Memberships[i]
		}
	}
	return nil
}

// DisplayName is the name to show: the group card in that group, else the nickname,
// else the masked QQ number.
func (m *Member) DisplayName(groupID uint) string {
	if ms := m.In(groupID); ms != nil && ms.CardName != "" {
		return ms.CardName
	}
	if m.Nickname != "" {
		return m.Nickname
	}
	return MaskQQ(m.QQ)
}

// MaskQQ hides the middle of a QQ number: 123456789 → 123****789. Shorter numbers
// keep fewer digits so that most of them stays hidden: 1234567 → 12****7, 10001 → 1****1.
// Posts and the log mask QQ numbers in text the same way (package mask).
func MaskQQ(qq string) string { return mask.QQ(qq) }

// MemberDraft is a member as typed into a form.
type MemberDraft struct {
	QQ, Nickname, Notes string
	Motivations         []string
	Interests, Segments string // separated by commas or spaces
	Memberships         []MembershipDraft
}

// MembershipDraft is one group seat as typed into a form.
type MembershipDraft struct {
	GroupID  uint
	CardName string
	Role     Role
	JoinedOn string
}

// Parse checks the draft and returns the member it describes, dates read in loc.
func (d MemberDraft) Parse(loc *time.Location) (Member, error) {
	var p problems
	m := Member{
		QQ:       strings.TrimSpace(d.QQ),
		Nickname: checkText(&p, "nickname", "昵称", d.Nickname, MaxNicknameLen, false),
		Notes:    checkText(&p, "notes", "备注", d.Notes, MaxNotesLen, false),
	}
	p.addErr(CheckQQ("qq", "QQ号", d.QQ))
	for _, v := range d.Motivations {
		m.Tags = append(m.Tags, MemberTag{Kind: TagMotivation, Value: v})
	}
	for kind, text := range map[TagKind]string{TagInterest: d.Interests, TagSegment: d.Segments} {
		tags := SplitTags(text)
		checkTags(&p, string(kind), tagKindLabel[kind], tags)
		for _, v := range tags {
			m.Tags = append(m.Tags, MemberTag{Kind: kind, Value: v})
		}
	}
	for _, md := range d.Memberships {
		ms := Membership{GroupID: md.GroupID, Role: md.Role}
		ms.CardName = checkText(&p, "card_name", "群名片", md.CardName, MaxCardLen, false)
		ms.JoinedOn = parseDate(&p, "joined_on", "入群日期", md.JoinedOn, loc, false)
		if ms.Role == "" {
			ms.Role = RoleMember
		}
		m.Memberships = append(m.Memberships, ms)
	}
	sortTags(m.Tags)
	return m, p.err()
}

var tagKindLabel = map[TagKind]string{TagMotivation: "动机", TagInterest: "兴趣", TagSegment: "人群"}

func sortTags(ts []MemberTag) {
	order := map[TagKind]int{TagMotivation: 0, TagInterest: 1, TagSegment: 2}
	sort.SliceStable(ts, func(i, j int) bool { return order[ts[i].Kind] < order[ts[j].Kind] })
}

// Members lists the members of a group (groupID 0: everyone) with their tags and
// seats, by QQ number read as a number: 99999 before 100000.
func (s *Store) Members(groupID uint) ([]Member, error) {
	// Children in the order they were saved: without it SQLite returns tags in its
	// index's order, interests before motivations.
	byID := func(db *gorm.DB) *gorm.DB { return db.Order("id") }
	// QQ numbers are digits without a leading 0 (CheckQQ), so shorter is smaller and
	// equal lengths compare as text; LENGTH is in every SQL dialect, unlike a cast.
	q := s.db.Preload("Tags", byID).Preload("Memberships", byID).Order("LENGTH(qq), qq")
	if groupID != 0 {
		q = q.Where("id IN (?)", s.db.Model(&Membership{}).Select("member_id").Where("group_id = ?", groupID))
	}
	var ms []Member
	if err := q.Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	return ms, nil
}

// SaveMember checks m and creates or updates it with its tags and seats, all in one
// transaction. A QQ number another member already has is refused at the field.
func (s *Store) SaveMember(m *Member) error {
	return s.db.Transaction(func(tx *gorm.DB) error { return saveMember(tx, m) })
}

func saveMember(tx *gorm.DB, m *Member) error {
	if err := CheckQQ("qq", "QQ号", m.QQ); err != nil {
		return ValidationError{err.(*FieldError)}
	}
	var n int64
	if err := tx.Model(&Member{}).Where("qq = ? AND id <> ?", m.QQ, m.ID).Count(&n).Error; err != nil {
		return fmt.Errorf("save member: %w", err)
	}
	if n > 0 {
		return ValidationError{{Field: "qq", Message: "QQ号 " + m.QQ + " 已经是成员了，请编辑原来那位"}}
	}
	m.SearchKey = memberSearchKey(m)
	if err := tx.Omit(clause.Associations).Save(m).Error; err != nil {
		return fmt.Errorf("save member: %w", err)
	}
	for _, child := range []any{&MemberTag{}, &Membership{}} {
		if err := tx.Where("member_id = ?", m.ID).Delete(child).Error; err != nil {
			return fmt.Errorf("save member: %w", err)
		}
	}
	for i := range m.Tags {
		m.Tags[i].ID, m.Tags[i].MemberID = 0, m.ID
	}
	for i := range m.Memberships {
		m.Memberships[i].ID, m.Memberships[i].MemberID = 0, m.ID
	}
	if len(m.Tags) > 0 {
		if err := tx.Create(&m.Tags).Error; err != nil {
			return fmt.Errorf("save member tags: %w", err)
		}
	}
	if len(m.Memberships) > 0 {
		if err := tx.Create(&m.Memberships).Error; err != nil {
			return fmt.Errorf("save memberships: %w", err)
		}
	}
	return nil
}

func memberSearchKey(m *Member) string {
	parts := []string{m.QQ, m.Nickname}
	for _, ms := range m.Memberships {
		// The level name too, so searching 潜水 finds the silent members of QQ's list.
		parts = append(parts, ms.CardName, ms.LevelName)
	}
	for _, t := range m.Tags {
		parts = append(parts, t.Value)
	}
	return SearchKey(parts...)
}

// DeleteMember removes a member with their tags and seats. A member who bought or sold
// through escrow is kept, as the trades' record must stay whole: the error is ErrInUse
// and a ValidationError at "member" saying why, in the owner's words.
func (s *Store) DeleteMember(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		if err := memberOnRecord(tx, id); err != nil {
			return err
		}
		for _, child := range []any{&MemberTag{}, &Membership{}} {
			if err := tx.Where("member_id = ?", id).Delete(child).Error; err != nil {
				return fmt.Errorf("delete member: %w", err)
			}
		}
		res := tx.Delete(&Member{}, id)
		if res.Error != nil {
			return fmt.Errorf("delete member: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("delete member %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// memberOnRecord refuses to delete a member who has escrow trades, after-sales
// tickets, swap listings or points entries: those records are kept for good, and they name the member. The refusal is a
// ValidationError at "member" in the owner's words, and ErrInUse.
func memberOnRecord(tx *gorm.DB, memberID uint) error {
	var trades, tickets int64
	if err := tx.Model(&Trade{}).Where("buyer_id = ? OR seller_id = ?", memberID, memberID).Count(&trades).Error; err != nil {
		return fmt.Errorf("delete member: %w", err)
	}
	if err := tx.Model(&Ticket{}).Where("member_id = ?", memberID).Count(&tickets).Error; err != nil {
		return fmt.Errorf("delete member: %w", err)
	}
	var swaps int64
	if err := tx.Model(&SwapListing{}).Where("member_id = ?", memberID).Count(&swaps).Error; err != nil {
		return fmt.Errorf("delete member: %w", err)
	}
	var entries int64
	if err := tx.Model(&PointEntry{}).Where("member_id = ?", memberID).Count(&entries).Error; err != nil {
		return fmt.Errorf("delete member: %w", err)
	}
	var talks int64
	if err := tx.Model(&ShareSession{}).Where("speaker_id = ?", memberID).Count(&talks).Error; err != nil {
		return fmt.Errorf("delete member: %w", err)
	}
	var has []string
	if talks > 0 {
		has = append(has, fmt.Sprintf("%d 场分享会主讲", talks))
	}
	if entries > 0 {
		has = append(has, fmt.Sprintf("%d 条积分流水", entries))
	}
	if swaps > 0 {
		has = append(has, fmt.Sprintf("%d 条置换挂单", swaps))
	}
	if trades > 0 {
		has = append(has, fmt.Sprintf("%d 笔担保交易", trades))
	}
	if tickets > 0 {
		has = append(has, fmt.Sprintf("%d 张售后工单", tickets))
	}
	if len(has) == 0 {
		return nil
	}
	ve := ValidationError{{Field: "member", Message: "TA有 " + strings.Join(has, "和") + "的记录，不能删除：这些记录要一直留着，以备日后查证。"}}
	return fmt.Errorf("delete member %d with %d trades and %d tickets: %w", memberID, trades, tickets, errors.Join(ve, ErrInUse))
}

// FilterMembers returns the indexes of the members whose search key matches q.
func FilterMembers(ms []Member, q Query, into []int) []int {
	into = into[:0]
	for i := range ms {
		if q.Matches(ms[i].SearchKey) {
			into = append(into, i)
		}
	}
	return into
}

// MemberQQs lists every member's QQ number, so posts can mask them wherever they appear.
func (s *Store) MemberQQs() ([]string, error) {
	var qqs []string
	if err := s.db.Model(&Member{}).Pluck("qq", &qqs).Error; err != nil {
		return nil, fmt.Errorf("list member QQ numbers: %w", err)
	}
	return qqs, nil
}
