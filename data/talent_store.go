package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
	"github.com/qunhuo/qunhuo/data/talent"
	"gorm.io/gorm"
)

// settingTalentWeights keeps the owner's 资源达人 weights (talent.Weights.Encode).
const settingTalentWeights = "talent.weights"

// TalentWeights are the owner's 资源达人 weights, else the defaults.
func (s *Store) TalentWeights() (talent.Weights, error) { return talentWeights(s.db) }

func talentWeights(db *gorm.DB) (talent.Weights, error) {
	v, ok, err := getSetting(db, settingTalentWeights)
	if err != nil || !ok {
		return talent.DefaultWeights(), err
	}
	w, err := talent.Decode(v)
	if err != nil {
		return talent.DefaultWeights(), fmt.Errorf("talent weights: %w", err)
	}
	return w, nil
}

// SetTalentWeights keeps the owner's weights; refused at "weights" when one is out of
// range or all are 0.
func (s *Store) SetTalentWeights(w talent.Weights) error {
	if msg := w.Check(); msg != "" {
		return ValidationError{{Field: "weights", Message: msg}}
	}
	return setSetting(s.db, settingTalentWeights, w.Encode())
}

// TalentProposal is a month's 资源达人 as the app proposes it: the evidence of each
// member, ranked with the owner's weights, and the confirmed row when there is one.
type TalentProposal struct {
	Month     talent.Month
	Weights   talent.Weights
	Evidence  []talent.Evidence
	Standings []talent.Standing
	Confirmed *TalentMonth
	Over      bool // the month has ended, so it may be confirmed
}

// ProposeTalent gathers group's evidence for month m (in loc) and ranks it with the
// owner's weights. It reads one snapshot.
func (s *Store) ProposeTalent(groupID uint, m talent.Month, loc *time.Location) (TalentProposal, error) {
	p := TalentProposal{Month: m, Over: m.Over(s.Now(), loc)}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		if p.Weights, err = talentWeights(tx); err != nil {
			return err
		}
		if p.Evidence, err = talentEvidence(tx, groupID, m, loc); err != nil {
			return err
		}
		var row TalentMonth
		err = tx.Where("group_id = ? AND month = ?", groupID, m.String()).Take(&row).Error
		switch {
		case err == nil:
			p.Confirmed = &row
		case !errors.Is(err, gorm.ErrRecordNotFound):
			return err
		}
		return nil
	})
	if err != nil {
		return TalentProposal{}, fmt.Errorf("propose talent %s: %w", m, err)
	}
	p.Standings = talent.Rank(p.Evidence, p.Weights)
	return p, nil
}

// ConfirmTalent confirms winnerID as group's 资源达人 of month m, ranked with w (which
// are kept as the owner's weights), in one transaction: the month's row with its top
// three, the 资源达人 badge and 优先获取 for the next calendar month, both ending with
// it. Refused at "month" when the month is not over, already confirmed, or its next
// month has already ended; at "weights" when w is invalid; at "winner" when the member
// scored nothing that month.
func (s *Store) ConfirmTalent(groupID uint, m talent.Month, winnerID uint, w talent.Weights, loc *time.Location) (TalentMonth, error) {
	now := s.Now()
	var p problems
	if groupID == 0 {
		p.add("group", "请先选择一个群，资源达人是按群评的")
	}
	if !m.Over(now, loc) {
		p.add("month", "%s还没有结束，月底之后才能确认", m.Label())
	} else if m.Next().Over(now, loc) {
		p.add("month", "%s的奖励期（%s）已经过了，不能再确认", m.Label(), m.Next().Label())
	}
	if msg := w.Check(); msg != "" {
		p.add("weights", "%s", msg)
	}
	if len(p) > 0 {
		return TalentMonth{}, ValidationError(p)
	}
	var row TalentMonth
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&TalentMonth{}).Where("group_id = ? AND month = ?", groupID, m.String()).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return ValidationError{{Field: "month", Message: m.Label() + "的资源达人已经确认过了"}}
		}
		ev, err := talentEvidence(tx, groupID, m, loc)
		if err != nil {
			return err
		}
		ranked := talent.Rank(ev, w)
		var win *talent.Standing
		for i := range ranked {
			if ranked[i].Member == winnerID {
				win = &ranked[i]
			}
		}
		if win == nil {
			return ValidationError{{Field: "winner", Message: "这位成员" + m.Label() + "没有得分，请从排名里选"}}
		}
		top, err := json.Marshal(placesOf(ranked))
		if err != nil {
			return err
		}
		row = TalentMonth{GroupID: groupID, Month: m.String(), WinnerID: winnerID, WinnerName: win.Name,
			Score: win.Score, Weights: w.Encode(), Top: string(top), ByName: s.actorName(), ConfirmedAt: now}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		until := m.Next().End(loc)
		note := m.Label() + "资源达人"
		if _, err := grantBadge(tx, BadgeGrant{MemberID: winnerID, Name: TalentBadgeName, Source: BadgeFromTalent,
			SourceID: &row.ID, Note: note, ExpiresAt: &until}, now); err != nil {
			return err
		}
		if _, err := grantPrivilege(tx, winnerID, PrivilegePriority, BadgeFromTalent, &row.ID, note, now, until); err != nil {
			return err
		}
		return setSetting(tx, settingTalentWeights, w.Encode())
	})
	if err != nil {
		return TalentMonth{}, pointsError("confirm talent "+m.String(), err)
	}
	return row, nil
}

// TalentHistory lists group's confirmed months, newest first.
func (s *Store) TalentHistory(groupID uint) ([]TalentMonth, error) {
	var ms []TalentMonth
	if err := s.db.Where("group_id = ?", groupID).Order("month DESC").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("talent history: %w", err)
	}
	return ms, nil
}

// deed is one member's one deed of a kind: the same deed found both in the ledger and
// in its own records counts once.
type deed struct {
	member uint
	kind   talent.Kind
	key    string
}

// talentEvidence counts each member's deeds of month m (in loc) in group:
//   - ledger awards of the month (帮助解答, 分享资源, 分享体验, 完成置换, 主讲分享会), leaving
//     out entries that were reversed; entries without a group count for members seated
//     in the group. Answered requests and resolved tickets count here: the ledger's
//     帮助解答 entry is what names the member who helped;
//   - swap deals completed in the month, for each member of the deal;
//   - blind-box winners who shared their experience in the month.
//
// An award linked to a swap deal or a blind-box draw is the same deed as the record.
func talentEvidence(tx *gorm.DB, groupID uint, m talent.Month, loc *time.Location) ([]talent.Evidence, error) {
	from, to := m.Start(loc).UTC(), m.End(loc).UTC()
	seen := map[deed]bool{}
	counts := map[uint]map[talent.Kind]int{}
	var order []uint
	add := func(d deed) {
		if seen[d] {
			return
		}
		seen[d] = true
		if counts[d.member] == nil {
			counts[d.member] = map[talent.Kind]int{}
			order = append(order, d.member)
		}
		counts[d.member][d.kind]++
	}

	// Only the month's range in SQL: with the reason or the group there too, SQLite
	// walks the reason or group index over the whole ledger instead of the month's
	// rows (the whole ledger instead of the month on BenchmarkProposeTalent); the rest is sifted here.
	type ledgerDeed struct {
		id, member uint
		group      *uint
		reason     points.Reason
		linkKind   string
		linkID     *uint
	}
	var entries []ledgerDeed
	rows, err := tx.Model(&PointEntry{}).Select("id", "member_id", "group_id", "reason", "link_kind", "link_id").
		Where("at >= ? AND at < ?", from, to).
		Where("id NOT IN (?)", tx.Model(&PointEntry{}).Select("reverses_id").Where("reverses_id IS NOT NULL")).
		Order("id").Rows()
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	for rows.Next() {
		var e ledgerDeed
		if err := rows.Scan(&e.id, &e.member, &e.group, &e.reason, &e.linkKind, &e.linkID); err != nil {
			rows.Close()
			return nil, fmt.Errorf("ledger: %w", err)
		}
		entries = append(entries, e)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	seated := map[uint]bool{}
	if groupID != 0 {
		var ids []uint
		if err := tx.Model(&Membership{}).Where("group_id = ?", groupID).Pluck("member_id", &ids).Error; err != nil {
			return nil, fmt.Errorf("seats: %w", err)
		}
		for _, id := range ids {
			seated[id] = true
		}
	}
	deeds := map[points.Reason]bool{}
	for _, r := range talentReasons() {
		deeds[r] = true
	}
	for _, e := range entries {
		if !deeds[e.reason] {
			continue
		}
		if groupID != 0 && !(e.group != nil && *e.group == groupID || e.group == nil && seated[e.member]) {
			continue
		}
		key := fmt.Sprintf("entry:%d", e.id)
		if e.linkID != nil && (e.linkKind == LinkSwapDeal || e.linkKind == LinkBlindBoxDraw) {
			key = fmt.Sprintf("%s:%d", e.linkKind, *e.linkID)
		}
		add(deed{e.member, talent.Kind(e.reason), key})
	}

	type rec struct {
		MemberID uint
		ID       uint
	}
	var swaps []rec
	sq := tx.Table("swap_deals AS d").Select("DISTINCT l.member_id, d.id").
		Joins("JOIN swap_deal_listings l ON l.deal_id = d.id").
		Joins("JOIN swap_deal_events ev ON ev.deal_id = d.id AND ev.to_state = ?", SwapDealCompleted).
		Where("d.state = ? AND ev.at >= ? AND ev.at < ?", SwapDealCompleted, from, to)
	if groupID != 0 {
		sq = sq.Where("d.group_id = ?", groupID)
	}
	if err := sq.Order("d.id").Order("l.member_id").Scan(&swaps).Error; err != nil {
		return nil, fmt.Errorf("swap deals: %w", err)
	}
	for _, r := range swaps {
		add(deed{r.MemberID, talent.Swap, fmt.Sprintf("%s:%d", LinkSwapDeal, r.ID)})
	}

	var shares []rec
	bq := tx.Table("blind_box_draws AS d").Select("e.member_id, d.id").
		Joins("JOIN blind_box_entries e ON e.id = d.entry_id").
		Joins("JOIN blind_boxes b ON b.id = d.box_id").
		Where("d.voided_at IS NULL AND d.shared_at >= ? AND d.shared_at < ?", from, to)
	if groupID != 0 {
		bq = bq.Where("b.group_id = ?", groupID)
	}
	if err := bq.Order("d.id").Scan(&shares).Error; err != nil {
		return nil, fmt.Errorf("blind-box shares: %w", err)
	}
	for _, r := range shares {
		add(deed{r.MemberID, talent.ShareExperience, fmt.Sprintf("%s:%d", LinkBlindBoxDraw, r.ID)})
	}

	names, err := talentNames(tx, groupID, order)
	if err != nil {
		return nil, err
	}
	out := make([]talent.Evidence, 0, len(order))
	for _, id := range order {
		out = append(out, talent.Evidence{Member: id, Name: names[id], Counts: counts[id]})
	}
	return out, nil
}

// talentReasons are the ledger reasons that are deeds of the month.
func talentReasons() []points.Reason {
	out := make([]points.Reason, len(talent.Kinds))
	for i, k := range talent.Kinds {
		out[i] = points.Reason(k)
	}
	return out
}

// talentNames are the members' names as shown in group.
func talentNames(tx *gorm.DB, groupID uint, ids []uint) (map[uint]string, error) {
	out := make(map[uint]string, len(ids))
	for start := 0; start < len(ids); start += 500 {
		var ms []Member
		if err := tx.Preload("Memberships").Where("id IN ?", ids[start:min(len(ids), start+500)]).Find(&ms).Error; err != nil {
			return nil, fmt.Errorf("member names: %w", err)
		}
		for i := range ms {
			out[ms[i].ID] = ms[i].DisplayName(groupID)
		}
	}
	return out, nil
}

// AllTalentMonths lists every group's confirmed months, oldest first: the whole-database
// workbook's 资源达人 sheet.
func (s *Store) AllTalentMonths() ([]TalentMonth, error) {
	var ms []TalentMonth
	if err := s.db.Order("month, group_id, id").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("all talent months: %w", err)
	}
	return ms, nil
}
