package data_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/draw"
	"gorm.io/gorm"
)

// writeBlindBox runs one blind box through its life, each step a save of its own: made
// and opened (seed and commitment), 1–5 entries (each an entry and its request, marked
// blindbox, in one transaction), closed (every entry numbered and labelled, the list
// hash kept), drawn (the picks and the state), and, every other unit, one redraw (the
// old pick voided and the new one appended). A kill between the steps leaves a box in
// an earlier state, which the invariant accepts; a kill inside one must leave nothing.
func writeBlindBox(c *crashChild, u *crashUnit) error {
	now := c.s.Now()
	b, err := c.s.SaveBox(0, data.BoxDraft{GroupID: &c.groupID, Title: "crash " + u.Key, Winners: 1 + u.Seq%2,
		OpensAt: now, ClosesAt: now.Add(time.Hour), ShareDays: 3, Items: []data.BoxItemDraft{{Name: "月卡", Quantity: 1}}})
	if err != nil {
		return err
	}
	if _, err := c.s.OpenBox(b.ID); err != nil {
		return err
	}
	n := 1 + u.Seq%5
	for k := range n {
		m := data.Member{QQ: qqFor(c.round, u.Seq, 600+k), Nickname: fmt.Sprintf("bb-%s-%d", u.Key, k)}
		if err := c.s.SaveMember(&m); err != nil {
			return err
		}
		if _, err := c.s.AddBoxEntry(b.ID, data.BoxEntryDraft{MemberID: m.ID, Demand: "盲盒 " + u.Key}); err != nil {
			return err
		}
	}
	if _, err := c.s.CloseBox(b.ID); err != nil {
		return err
	}
	if _, err := c.s.DrawBox(b.ID); err != nil {
		return err
	}
	u.N = min(1+u.Seq%2, n)
	if u.Seq%2 == 0 && n > u.N {
		ds, err := c.s.BoxDraws(b.ID)
		if err != nil {
			return err
		}
		if _, err := c.s.RedrawWinner(ds[0].ID, "crash"); err != nil {
			return err
		}
		u.N++
	}
	return nil
}

// presentBlindBox finds the unit's box drawn, with the picks it made.
func presentBlindBox(db *gorm.DB, u crashUnit) error {
	var bs []data.BlindBox
	if err := db.Where("title = ?", "crash "+u.Key).Find(&bs).Error; err != nil {
		return err
	}
	if len(bs) != 1 || bs[0].State != data.BoxDrawn {
		return fmt.Errorf("blind box %s: %d boxes, want one drawn", u.Key, len(bs))
	}
	var picks int64
	if err := db.Model(&data.BlindBoxDraw{}).Where("box_id = ?", bs[0].ID).Count(&picks).Error; err != nil {
		return err
	}
	if int(picks) != u.N {
		return fmt.Errorf("blind box %s: %d picks, want %d", u.Key, picks, u.N)
	}
	return nil
}

// checkBlindBoxes: every entry's demand is its member's request, marked blindbox; an
// open box's commitment is its seed's and its entries are not numbered yet; a closed or
// drawn box's entries are numbered 1…n and hash to its list hash; a drawn box's picks
// are exactly the stream of its seed and list (min(winners, n) standing, one voided per
// redraw), and a box not drawn has none.
func checkBlindBoxes(db *gorm.DB) ([]string, error) {
	var bad []string
	var loose []string
	err := db.Raw(`SELECT 'box entry ' || e.id || ' without its blindbox request' FROM blind_box_entries e
		WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.id = e.request_id AND r.source = 'blindbox'
			AND r.text = e.demand AND r.member_id = e.member_id)
		UNION ALL SELECT 'blindbox request ' || r.id || ' of no entry' FROM requests r
		WHERE r.source = 'blindbox' AND NOT EXISTS (SELECT 1 FROM blind_box_entries e WHERE e.request_id = r.id)`).Scan(&loose).Error
	if err != nil {
		return nil, err
	}
	bad = append(bad, loose...)
	var bs []data.BlindBox
	if err := db.Order("id").Find(&bs).Error; err != nil {
		return nil, err
	}
	for _, b := range bs {
		var es []data.BlindBoxEntry
		if err := db.Where("box_id = ?", b.ID).Order("number, id").Find(&es).Error; err != nil {
			return nil, err
		}
		var ds []data.BlindBoxDraw
		if err := db.Where("box_id = ?", b.ID).Order("seq").Find(&ds).Error; err != nil {
			return nil, err
		}
		seed, serr := draw.ParseSeed(b.Seed)
		if b.State != data.BoxPreparing && (serr != nil || seed.Commitment() != b.Commitment) {
			bad = append(bad, fmt.Sprintf("box %d (%s): commitment is not its seed's", b.ID, b.State))
			continue
		}
		switch b.State {
		case data.BoxPreparing, data.BoxOpen:
			for _, e := range es {
				if e.Number != 0 {
					bad = append(bad, fmt.Sprintf("box %d is %s with entry %d numbered", b.ID, b.State, e.ID))
				}
			}
			if len(ds) > 0 || b.ListHash != "" {
				bad = append(bad, fmt.Sprintf("box %d is %s with %d picks, list hash %q", b.ID, b.State, len(ds), b.ListHash))
			}
			continue
		}
		labels := make([]string, len(es))
		numbered := true
		for i, e := range es {
			labels[i] = e.Label
			numbered = numbered && e.Number == i+1
		}
		if !numbered || draw.ListHash(labels) != b.ListHash {
			bad = append(bad, fmt.Sprintf("box %d is %s, its entries not numbered 1…%d or not its list hash", b.ID, b.State, len(es)))
			continue
		}
		if b.State == data.BoxClosed {
			if len(ds) > 0 {
				bad = append(bad, fmt.Sprintf("box %d is closed with %d picks", b.ID, len(ds)))
			}
			continue
		}
		standing, voided := 0, 0
		for _, d := range ds {
			if d.Won() {
				standing++
			} else {
				voided++
			}
		}
		picks, _ := draw.Picks(seed, labels, len(ds))
		same := len(picks) == len(ds)
		for i := 0; same && i < len(ds); i++ {
			same = ds[i].Seq == i+1 && ds[i].EntryID == es[picks[i]].ID
		}
		if !same || standing != min(b.Winners, len(es)) || voided != len(ds)-standing {
			bad = append(bad, fmt.Sprintf("box %d drawn: %d picks (%d standing, %d voided) not its stream", b.ID, len(ds), standing, voided))
		}
	}
	return bad, nil
}

// TestCrashCheckerCatchesBrokenBlindBoxes breaks blind boxes by hand, each way a save
// that is not one transaction could leave them, and expects checkBlindBoxes to say so.
func TestCrashCheckerCatchesBrokenBlindBoxes(t *testing.T) {
	s, c, _ := crashFixture(t)
	// A box with a redraw, whatever seqs the fixture's writers happened to get: an even
	// seq with more entries than winners.
	redraw := crashUnit{Kind: "blindbox", Key: "redraw", Seq: 8002}
	if err := writeBlindBox(c, &redraw); err != nil {
		t.Fatal(err)
	}
	const drawn = "(SELECT MAX(id) FROM blind_boxes WHERE state = 'drawn')"
	for _, tc := range []struct {
		name, sql string
	}{
		{"an entry saved, its request not marked", "UPDATE requests SET source = '' WHERE id = (SELECT MAX(request_id) FROM blind_box_entries)"},
		{"a request saved, its entry not", "DELETE FROM blind_box_entries WHERE id = (SELECT MAX(id) FROM blind_box_entries WHERE id NOT IN (SELECT entry_id FROM blind_box_draws))"},
		{"closed, an entry left unnumbered", "UPDATE blind_box_entries SET number = 0 WHERE id = (SELECT MAX(id) FROM blind_box_entries WHERE box_id = " + drawn + ")"},
		{"drawn, a pick not saved", "DELETE FROM blind_box_draws WHERE id = (SELECT MAX(id) FROM blind_box_draws WHERE box_id = " + drawn + ")"},
		{"a redraw saved, the old winner not voided", "UPDATE blind_box_draws SET voided_at = NULL WHERE box_id IN (SELECT id FROM blind_boxes WHERE state = 'drawn')"},
		{"picks saved, the box not marked drawn", "UPDATE blind_boxes SET state = 'closed' WHERE id = " + drawn},
		{"the seed changed after the commitment", "UPDATE blind_boxes SET seed = '" + strings.Repeat("0", 64) + "' WHERE id = " + drawn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertBreakageCaught(t, s, c, nil, breakSQL(tc.sql), "blind box, its entries and draws")
		})
	}
}
