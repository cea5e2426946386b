package data

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data/chatpaste"
	"github.com/qunhuo/qunhuo/data/draw"
	"github.com/qunhuo/qunhuo/data/mask"
	"gorm.io/gorm"
)

// Limits of a blind box.
const (
	MaxBoxWinners  = 100
	MaxBoxItems    = 50
	MaxBoxQuantity = 10000
	MaxShareDays   = 60
	// RequestFromBlindBox marks a request kept from a blind-box entry's demand.
	RequestFromBlindBox = "blindbox"
)

// ErrBoxState is a move the box's state does not allow (entering a box not 报名中,
// drawing one not 已截止…).
var ErrBoxState = errors.New("blind box is not in a state that allows this")

// BoxItemDraft is a line of contents as the form has it.
type BoxItemDraft struct {
	ResourceID *uint
	Name       string
	Quantity   int
}

// BoxDraft is a box as the form has it.
type BoxDraft struct {
	GroupID   *uint
	Title     string
	Winners   int
	OpensAt   time.Time
	ClosesAt  time.Time
	ShareDays int
	Items     []BoxItemDraft
}

// Check refuses a draft with a missing title, no contents, a bad number of winners or
// an entry window that closes before it opens, naming the field.
func (d BoxDraft) Check() error {
	var p problems
	checkText(&p, "title", "标题", d.Title, MaxNameLen, true)
	if d.Winners < 1 || d.Winners > MaxBoxWinners {
		p.add("winners", "中奖人数须为 1–%d", MaxBoxWinners)
	}
	if d.OpensAt.IsZero() || d.ClosesAt.IsZero() {
		p.add("closes", "请填写报名开始和截止时间")
	} else if !d.ClosesAt.After(d.OpensAt) {
		p.add("closes", "截止时间须晚于开始时间")
	}
	if d.ShareDays < 1 || d.ShareDays > MaxShareDays {
		p.add("share_days", "分享期限须为 1–%d 天", MaxShareDays)
	}
	switch {
	case len(d.Items) == 0:
		p.add("items", "盒内资源至少一项")
	case len(d.Items) > MaxBoxItems:
		p.add("items", "盒内资源最多 %d 项", MaxBoxItems)
	}
	for i, it := range d.Items {
		if strings.TrimSpace(it.Name) == "" || it.Quantity < 1 || it.Quantity > MaxBoxQuantity {
			p.add("items", "盒内资源第 %d 项须有名称，数量为 1–%d", i+1, MaxBoxQuantity)
			break
		}
	}
	return p.err()
}

// SaveBox creates a box (id 0) or changes one still 准备中.
func (s *Store) SaveBox(id uint, d BoxDraft) (BlindBox, error) {
	if err := d.Check(); err != nil {
		return BlindBox{}, err
	}
	b := BlindBox{ID: id, GroupID: d.GroupID, Title: strings.TrimSpace(d.Title), Winners: d.Winners,
		OpensAt: d.OpensAt.UTC(), ClosesAt: d.ClosesAt.UTC(), ShareDays: d.ShareDays, State: BoxPreparing}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if id != 0 {
			var old BlindBox
			if err := tx.First(&old, id).Error; err != nil {
				return boxNotFound(err)
			}
			if old.State != BoxPreparing {
				return ErrBoxState
			}
			b.CreatedAt = old.CreatedAt
			if err := tx.Where("box_id = ?", id).Delete(&BlindBoxItem{}).Error; err != nil {
				return err
			}
		}
		if err := tx.Omit("Items").Save(&b).Error; err != nil {
			return err
		}
		for _, it := range d.Items {
			item := BlindBoxItem{BoxID: b.ID, ResourceID: it.ResourceID, Name: strings.TrimSpace(it.Name), Quantity: it.Quantity}
			if err := tx.Create(&item).Error; err != nil {
				return err
			}
			b.Items = append(b.Items, item)
		}
		return nil
	})
	if err != nil {
		return BlindBox{}, wrapBox("save", err)
	}
	return b, nil
}

func boxNotFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}

func wrapBox(what string, err error) error {
	var ve ValidationError
	if errors.As(err, &ve) || errors.Is(err, ErrNotFound) || errors.Is(err, ErrBoxState) {
		return err
	}
	return fmt.Errorf("blind box %s: %w", what, err)
}

// Box loads a box with its contents.
func (s *Store) Box(id uint) (BlindBox, error) {
	var b BlindBox
	if err := s.db.Preload("Items", func(q *gorm.DB) *gorm.DB { return q.Order("id") }).First(&b, id).Error; err != nil {
		return b, wrapBox("load", boxNotFound(err))
	}
	return b, nil
}

// Boxes lists a group's boxes (every box when groupID is 0), newest first.
func (s *Store) Boxes(groupID uint) ([]BlindBox, error) {
	q := s.db.Preload("Items", func(q *gorm.DB) *gorm.DB { return q.Order("id") }).Order("id DESC")
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	var out []BlindBox
	if err := q.Find(&out).Error; err != nil {
		return nil, fmt.Errorf("blind boxes: %w", err)
	}
	return out, nil
}

// moveBox changes a box in from → its next state inside one transaction.
func (s *Store) moveBox(id uint, from BoxState, change func(tx *gorm.DB, b *BlindBox) error) (BlindBox, error) {
	var b BlindBox
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.First(&b, id).Error; err != nil {
			return boxNotFound(err)
		}
		if b.State != from {
			return ErrBoxState
		}
		if err := change(tx, &b); err != nil {
			return err
		}
		return tx.Omit("Items").Save(&b).Error
	})
	if err != nil {
		return BlindBox{}, wrapBox("move", err)
	}
	return b, nil
}

// OpenBox starts entries: the app makes the secret seed and fixes its commitment,
// which the opening post publishes.
func (s *Store) OpenBox(id uint) (BlindBox, error) {
	seed, err := draw.NewSeed()
	if err != nil {
		return BlindBox{}, err
	}
	return s.moveBox(id, BoxPreparing, func(_ *gorm.DB, b *BlindBox) error {
		now := s.Now()
		b.State, b.Seed, b.Commitment, b.OpenedAt = BoxOpen, seed.Hex(), seed.Commitment(), &now
		return nil
	})
}

// EntryLabel is how a member appears in a published list: name and masked QQ.
func EntryLabel(m Member) string {
	name := strings.TrimSpace(m.Nickname)
	if name == "" {
		name = "成员"
	}
	return draw.Label(mask.Text(name, mask.Rules{}) + "（" + mask.QQ(m.QQ) + "）")
}

// CloseBox freezes the entry list: entries are numbered in the order they came, each
// gets its published label, and the list's hash is kept.
func (s *Store) CloseBox(id uint) (BlindBox, error) {
	return s.moveBox(id, BoxOpen, func(tx *gorm.DB, b *BlindBox) error {
		var es []BlindBoxEntry
		if err := tx.Preload("Member").Where("box_id = ?", b.ID).Order("entered_at, id").Find(&es).Error; err != nil {
			return err
		}
		labels := make([]string, len(es))
		for i := range es {
			labels[i] = EntryLabel(*es[i].Member)
			if err := tx.Model(&BlindBoxEntry{}).Where("id = ?", es[i].ID).
				Updates(map[string]any{"number": i + 1, "label": labels[i]}).Error; err != nil {
				return err
			}
		}
		now := s.Now()
		b.State, b.ListHash, b.ClosedAt = BoxClosed, draw.ListHash(labels), &now
		return nil
	})
}

// frozen is a closed box's list, in number order.
func frozen(tx *gorm.DB, boxID uint) ([]BlindBoxEntry, []string, error) {
	var es []BlindBoxEntry
	if err := tx.Where("box_id = ? AND number > 0", boxID).Order("number").Find(&es).Error; err != nil {
		return nil, nil, err
	}
	labels := make([]string, len(es))
	for i, e := range es {
		labels[i] = e.Label
	}
	return es, labels, nil
}

// stream replays a box's stream past the picks already made.
func stream(b *BlindBox, labels []string, made int) (*draw.Stream, error) {
	seed, err := draw.ParseSeed(b.Seed)
	if err != nil {
		return nil, err
	}
	if draw.ListHash(labels) != b.ListHash {
		return nil, errors.New("blind box: frozen list no longer matches its hash")
	}
	st, err := draw.NewStream(seed, b.ListHash, len(labels))
	if err != nil {
		return nil, err
	}
	for i := 0; i < made; i++ {
		if _, err := st.Next(); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// DrawBox draws a closed box: the winners are the first picks of the stream of its
// seed and frozen list (fewer when fewer entered), each owing a share by ShareDays.
func (s *Store) DrawBox(id uint) (BlindBox, error) {
	return s.moveBox(id, BoxClosed, func(tx *gorm.DB, b *BlindBox) error {
		es, labels, err := frozen(tx, b.ID)
		if err != nil {
			return err
		}
		st, err := stream(b, labels, 0)
		if err != nil {
			return err
		}
		now := s.Now()
		for seq := 1; seq <= b.Winners && seq <= len(es); seq++ {
			i, err := st.Next()
			if err != nil {
				return err
			}
			d := BlindBoxDraw{BoxID: b.ID, Seq: seq, EntryID: es[i].ID, DrawnAt: now, ShareDue: now.AddDate(0, 0, b.ShareDays)}
			if err := tx.Create(&d).Error; err != nil {
				return err
			}
		}
		b.State, b.DrawnAt = BoxDrawn, &now
		return nil
	})
}

// ErrNoneLeft is a redraw asked for when every entry has been picked.
var ErrNoneLeft = errors.New("blind box: every entry has been drawn")

// RedrawWinner replaces one standing winner (who never answered, say) with the next
// pick of the same stream, never an entry picked before; the other winners stay. The
// replaced pick keeps its row, voided with reason.
func (s *Store) RedrawWinner(drawID uint, reason string) (BlindBoxDraw, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return BlindBoxDraw{}, ValidationError{{Field: "reason", Message: "请填写补抽原因"}}
	}
	var out BlindBoxDraw
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var old BlindBoxDraw
		if err := tx.First(&old, drawID).Error; err != nil {
			return boxNotFound(err)
		}
		if !old.Won() {
			return ErrBoxState
		}
		var b BlindBox
		if err := tx.First(&b, old.BoxID).Error; err != nil {
			return err
		}
		var made int64
		if err := tx.Model(&BlindBoxDraw{}).Where("box_id = ?", b.ID).Count(&made).Error; err != nil {
			return err
		}
		es, labels, err := frozen(tx, b.ID)
		if err != nil {
			return err
		}
		st, err := stream(&b, labels, int(made))
		if err != nil {
			return err
		}
		i, err := st.Next()
		if errors.Is(err, draw.ErrExhausted) {
			return ErrNoneLeft
		} else if err != nil {
			return err
		}
		now := s.Now()
		if err := tx.Model(&BlindBoxDraw{}).Where("id = ?", old.ID).
			Updates(map[string]any{"voided_at": now, "void_reason": reason}).Error; err != nil {
			return err
		}
		out = BlindBoxDraw{BoxID: b.ID, Seq: int(made) + 1, EntryID: es[i].ID, ReplacesID: &old.ID,
			DrawnAt: now, ShareDue: now.AddDate(0, 0, b.ShareDays)}
		return tx.Create(&out).Error
	})
	if errors.Is(err, ErrNoneLeft) {
		return BlindBoxDraw{}, err
	}
	if err != nil {
		return BlindBoxDraw{}, wrapBox("redraw", err)
	}
	return out, nil
}

// MarkShared records that a winner shared their experience (分享体验), with a note
// (where, a link…).
func (s *Store) MarkShared(drawID uint, note string) error {
	note = strings.TrimSpace(note)
	if n := len([]rune(note)); n > 200 {
		return ValidationError{{Field: "note", Message: fmt.Sprintf("分享说明最多 200 个字，现在 %d 个字", n)}}
	}
	res := s.db.Model(&BlindBoxDraw{}).Where("id = ? AND voided_at IS NULL AND shared_at IS NULL", drawID).
		Updates(map[string]any{"shared_at": s.Now(), "share_note": note})
	if res.Error != nil {
		return fmt.Errorf("mark shared: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrBoxState
	}
	return nil
}

// BoxEntries lists a box's entries with their members: numbered ones in number order,
// then the rest in the order they came.
func (s *Store) BoxEntries(boxID uint) ([]BlindBoxEntry, error) {
	var es []BlindBoxEntry
	err := s.db.Preload("Member").Where("box_id = ?", boxID).Order("number, entered_at, id").Find(&es).Error
	if err != nil {
		return nil, fmt.Errorf("box entries: %w", err)
	}
	return es, nil
}

// BoxDraws lists a box's picks in stream order, with entries and members.
func (s *Store) BoxDraws(boxID uint) ([]BlindBoxDraw, error) {
	var ds []BlindBoxDraw
	err := s.db.Preload("Entry.Member").Where("box_id = ?", boxID).Order("seq").Find(&ds).Error
	if err != nil {
		return nil, fmt.Errorf("box draws: %w", err)
	}
	return ds, nil
}

// BoxEntryDraft is one entry as the form or a paste has it.
type BoxEntryDraft struct {
	MemberID  uint
	Demand    string
	EnteredAt time.Time // zero: now
}

// AddBoxEntry records a member's entry into an open box: one per member, with the
// demand, which is also kept as the member's request (source blindbox).
func (s *Store) AddBoxEntry(boxID uint, d BoxEntryDraft) (BlindBoxEntry, error) {
	var e BlindBoxEntry
	err := s.Transaction(func(tx *Store) error {
		var err error
		e, err = tx.addBoxEntry(boxID, d)
		return err
	})
	return e, err
}

func (s *Store) addBoxEntry(boxID uint, d BoxEntryDraft) (BlindBoxEntry, error) {
	var p problems
	demand := checkText(&p, "demand", "需求", d.Demand, MaxRequestLen, true)
	if d.MemberID == 0 {
		p.add("member", "请选择报名的成员")
	}
	if err := p.err(); err != nil {
		return BlindBoxEntry{}, err
	}
	var b BlindBox
	if err := s.db.First(&b, boxID).Error; err != nil {
		return BlindBoxEntry{}, wrapBox("entry", boxNotFound(err))
	}
	if b.State != BoxOpen {
		return BlindBoxEntry{}, ErrBoxState
	}
	var n int64
	if err := s.db.Model(&BlindBoxEntry{}).Where("box_id = ? AND member_id = ?", boxID, d.MemberID).Count(&n).Error; err != nil {
		return BlindBoxEntry{}, err
	}
	if n > 0 {
		return BlindBoxEntry{}, ValidationError{{Field: "member", Message: "这位成员已经报名了，每人每个盲盒只能报名一次"}}
	}
	at := d.EnteredAt
	if at.IsZero() || at.After(s.Now()) {
		at = s.Now()
	}
	r, err := s.CaptureRequest(RequestDraft{MemberID: d.MemberID, GroupID: b.GroupID, Text: demand, AskedAt: at})
	if err != nil {
		return BlindBoxEntry{}, err
	}
	if err := s.db.Table("requests").Where("id = ?", r.ID).Update("source", RequestFromBlindBox).Error; err != nil {
		return BlindBoxEntry{}, err
	}
	e := BlindBoxEntry{BoxID: boxID, MemberID: d.MemberID, RequestID: &r.ID, Demand: demand, EnteredAt: at.UTC()}
	if err := s.db.Omit("Member").Create(&e).Error; err != nil {
		return BlindBoxEntry{}, fmt.Errorf("box entry: %w", err)
	}
	return e, nil
}

// DeleteBoxEntry takes back an entry of a box still 报名中 (its request stays).
func (s *Store) DeleteBoxEntry(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var e BlindBoxEntry
		if err := tx.First(&e, id).Error; err != nil {
			return boxNotFound(err)
		}
		var b BlindBox
		if err := tx.First(&b, e.BoxID).Error; err != nil {
			return err
		}
		if b.State != BoxOpen {
			return ErrBoxState
		}
		return tx.Delete(&BlindBoxEntry{}, id).Error
	})
}

// PasteSkip is a line or message of a paste that gave no entry, and why (Chinese).
type PasteSkip struct {
	Line   int
	Text   string
	Reason string
}

// PasteResult is what PasteBoxEntries did.
type PasteResult struct {
	Added      []BlindBoxEntry
	NewMembers int // senders not in the member list, added by their QQ
	Skipped    []PasteSkip
}

// EntryKeyword starts an entry message: 参加盲盒 求原神月卡.
const EntryKeyword = "参加盲盒"

// PasteBoxEntries reads a paste of QQ chat lines (see data/chatpaste) into entries of an
// open box: every message whose body starts with 参加盲盒 is an entry by its sender,
// the rest of the body its demand. Senders not yet members are added by QQ number.
// Every line that gave no entry is reported with why.
func (s *Store) PasteBoxEntries(boxID uint, text string, loc *time.Location) (PasteResult, error) {
	parsed := chatpaste.Parse(text, loc)
	var res PasteResult
	for _, p := range parsed.Problems {
		res.Skipped = append(res.Skipped, PasteSkip{Line: p.Line, Text: p.Text, Reason: chatReason(p.Reason)})
	}
	err := s.Transaction(func(tx *Store) error {
		for _, m := range parsed.Messages {
			skip := func(why string) {
				res.Skipped = append(res.Skipped, PasteSkip{Line: m.Line, Text: m.Name + "：" + firstLine(m), Reason: why})
			}
			body := strings.TrimSpace(m.Text())
			if !strings.HasPrefix(body, EntryKeyword) {
				skip("不是报名消息（没有以“参加盲盒”开头）")
				continue
			}
			demand := strings.TrimSpace(strings.Join(strings.Fields(strings.TrimPrefix(body, EntryKeyword)), " "))
			if demand == "" {
				skip("没有写需求")
				continue
			}
			if m.QQ == "" {
				skip("发送人没有QQ号（邮箱账号），请手动登记")
				continue
			}
			var mem Member
			err := tx.db.Where("qq = ?", m.QQ).Limit(1).Find(&mem).Error
			if err != nil {
				return err
			}
			if mem.ID == 0 {
				mem = Member{QQ: m.QQ, Nickname: cutRunes(m.Name, MaxNicknameLen)}
				if b := (BlindBox{}); tx.db.Select("group_id").First(&b, boxID).Error == nil && b.GroupID != nil {
					mem.Memberships = []Membership{{GroupID: *b.GroupID, Role: RoleMember}}
				}
				if err := tx.SaveMember(&mem); err != nil {
					skip("无法添加这位成员")
					continue
				}
				res.NewMembers++
			}
			e, err := tx.addBoxEntry(boxID, BoxEntryDraft{MemberID: mem.ID, Demand: cutRunes(demand, MaxRequestLen), EnteredAt: m.Time})
			var ve ValidationError
			switch {
			case errors.As(err, &ve):
				skip(ve[0].Message)
			case err != nil:
				return err
			default:
				e.Member = &mem
				res.Added = append(res.Added, e)
			}
		}
		return nil
	})
	if err != nil {
		return PasteResult{}, wrapBox("paste", err)
	}
	return res, nil
}

func firstLine(m chatpaste.Message) string {
	if len(m.Body) == 0 {
		return ""
	}
	return cutRunes(m.Body[0], 40)
}

func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

func chatReason(r chatpaste.Reason) string {
	switch r {
	case chatpaste.NoHeader:
		return "不在任何消息头（时间 昵称（QQ号））之后"
	case chatpaste.BadQQ:
		return "消息头的QQ号无法识别"
	case chatpaste.BadTime:
		return "消息头的日期或时间不存在"
	case chatpaste.NoBody:
		return "消息没有内容"
	case chatpaste.TooLong:
		return "这一行太长"
	case chatpaste.TooMany:
		return "超出一次可粘贴的行数"
	case chatpaste.BadText:
		return "含有无法识别的字符"
	}
	return "无法识别"
}

// BoxesDue are open boxes whose entry window has closed, and closed boxes not yet
// drawn: what 今日 asks the owner to close or draw.
func (s *Store) BoxesDue(now time.Time) ([]BlindBox, error) {
	var out []BlindBox
	err := s.db.Where("(state = ? AND closes_at <= ?) OR state = ?", BoxOpen, now.UTC(), BoxClosed).
		Order("closes_at, id").Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("boxes due: %w", err)
	}
	return out, nil
}

// OverdueShares are standing winners who have not shared by their due time.
func (s *Store) OverdueShares(now time.Time) ([]BlindBoxDraw, error) {
	var out []BlindBoxDraw
	err := s.db.Preload("Entry.Member").Where("voided_at IS NULL AND shared_at IS NULL AND share_due < ?", now.UTC()).
		Order("share_due, id").Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("overdue shares: %w", err)
	}
	return out, nil
}

// AllBlindBoxes reads every group's boxes (with contents), entries (with members) and
// draws, oldest first, for the whole-database workbook.
func (s *Store) AllBlindBoxes() ([]BlindBox, []BlindBoxEntry, []BlindBoxDraw, error) {
	var bs []BlindBox
	var es []BlindBoxEntry
	var ds []BlindBoxDraw
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Preload("Items", func(q *gorm.DB) *gorm.DB { return q.Order("id") }).Order("id").Find(&bs).Error; err != nil {
			return err
		}
		if err := tx.Preload("Member").Order("box_id, number, entered_at, id").Find(&es).Error; err != nil {
			return err
		}
		return tx.Order("box_id, seq").Find(&ds).Error
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("all blind boxes: %w", err)
	}
	return bs, es, ds, nil
}
