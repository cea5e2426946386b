package data_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
)

// sessionMember is one of the round's three session members (speaker 0, attendees 1
// and 2), saved the first time it is needed.
func sessionMember(c *crashChild, i, seq int) (uint, error) {
	nick := fmt.Sprintf("ss-%d-%d", i, c.round)
	var m data.Member
	if err := data.DB(c.s).Where("nickname = ?", nick).Limit(1).Find(&m).Error; err != nil {
		return 0, err
	}
	if m.ID == 0 {
		m = data.Member{QQ: qqFor(c.round, seq, 600+i), Nickname: nick}
		if err := c.s.SaveMember(&m); err != nil {
			return 0, err
		}
	}
	return m.ID, nil
}

// writeSession holds one whole session: plans it (topic "crash <key>"), publishes it,
// records two attendees (one transaction), ends it and gives the points: the speaker's
// and both attendees' entries with their balances in one transaction.
func writeSession(c *crashChild, u *crashUnit) error {
	var ms [3]uint
	for i := range ms {
		id, err := sessionMember(c, i, u.Seq)
		if err != nil {
			return err
		}
		ms[i] = id
	}
	when := time.Now().Add(2 * time.Hour).In(time.Local).Format(data.DateMinLayout)
	x, err := c.s.CreateSession(c.groupID, data.SessionDraft{Topic: "crash " + u.Key, SpeakerID: ms[0], StartsAt: when,
		How: data.SessionVoice}, time.Local)
	if err != nil {
		return err
	}
	if err := c.s.MoveSession(x.ID, data.SessionPlanning, data.SessionPublished); err != nil {
		return err
	}
	if err := c.s.AddSessionAttendees(x.ID, ms[1:]); err != nil {
		return err
	}
	if err := c.s.MoveSession(x.ID, data.SessionPublished, data.SessionEnded); err != nil {
		return err
	}
	_, err = c.s.AwardSession(x.ID)
	return err
}

// presentSession finds the unit's session, ended, with its three entries.
func presentSession(db *gorm.DB, u crashUnit) error {
	var xs []data.ShareSession
	if err := db.Where("topic = ?", "crash "+u.Key).Find(&xs).Error; err != nil {
		return err
	}
	if len(xs) != 1 || xs[0].State != data.SessionEnded {
		return fmt.Errorf("session %s: %d sessions %+v, want one ended", u.Key, len(xs), xs)
	}
	var n int64
	if err := db.Model(&data.PointEntry{}).Where("link_kind = ? AND link_id = ?", data.LinkSession, xs[0].ID).Count(&n).Error; err != nil {
		return err
	}
	if n != 3 {
		return fmt.Errorf("session %s paid %d entries, want 3", u.Key, n)
	}
	return nil
}

// checkSessions: a session's points are given whole or not at all (the speaker's
// 主讲分享会 and each attendee's 参加分享会, or none), only once it ended, only to its
// speaker and attendees; published and ended sessions have their times; attendees of a
// session 筹备中 do not exist.
func checkSessions(db *gorm.DB) ([]string, error) {
	var xs []data.ShareSession
	if err := db.Preload("Attendees").Find(&xs).Error; err != nil {
		return nil, err
	}
	var es []data.PointEntry
	if err := db.Where("link_kind = ?", data.LinkSession).Find(&es).Error; err != nil {
		return nil, err
	}
	paid := map[uint][]data.PointEntry{}
	for _, e := range es {
		if e.LinkID != nil {
			paid[*e.LinkID] = append(paid[*e.LinkID], e)
		}
	}
	var bad []string
	for _, x := range xs {
		if (x.State != data.SessionPlanning && x.PublishedAt == nil) || (x.State == data.SessionEnded && x.EndedAt == nil) {
			bad = append(bad, fmt.Sprintf("session %d is %s without its time", x.ID, x.State))
		}
		if x.State == data.SessionPlanning && len(x.Attendees) > 0 {
			bad = append(bad, fmt.Sprintf("session %d is 筹备中 with %d attendees", x.ID, len(x.Attendees)))
		}
		got := paid[x.ID]
		if len(got) == 0 {
			continue
		}
		if x.State != data.SessionEnded {
			bad = append(bad, fmt.Sprintf("session %d is %s and paid %d entries", x.ID, x.State, len(got)))
		}
		want := map[uint]points.Reason{x.SpeakerID: points.Speak}
		for _, a := range x.Attendees {
			if a.MemberID != x.SpeakerID {
				want[a.MemberID] = points.Attend
			}
		}
		for _, e := range got {
			if r, ok := want[e.MemberID]; !ok || r != e.Reason {
				bad = append(bad, fmt.Sprintf("session %d paid member %d for %s", x.ID, e.MemberID, e.Reason))
			}
			delete(want, e.MemberID)
		}
		// Every session of the harness is paid after its last attendee, in one step.
		if strings.HasPrefix(x.Topic, "crash ") && len(want) > 0 {
			bad = append(bad, fmt.Sprintf("session %d paid %d of its members, %d not", x.ID, len(got), len(want)))
		}
	}
	return bad, nil
}

// TestCrashCheckerCatchesBrokenSessions breaks a paid session by hand, each way a save
// that is not one transaction could leave it, and expects checkSessions to say so.
func TestCrashCheckerCatchesBrokenSessions(t *testing.T) {
	s, c, _ := crashFixture(t)
	prepare := crashUnits("session", 7)
	const last = "(SELECT MAX(id) FROM share_sessions)"
	for _, tc := range []struct {
		name, sql string
	}{
		{"the speaker paid, an attendee not", "DELETE FROM point_entries WHERE link_kind = 'session' AND reason = 'attend' AND link_id = " + last +
			" AND id = (SELECT MAX(id) FROM point_entries WHERE link_kind = 'session')"},
		{"paid while still 已发布", "UPDATE share_sessions SET state = 'published' WHERE id = " + last},
		{"ended without its time", "UPDATE share_sessions SET ended_at = NULL WHERE id = " + last},
		{"an attendee paid as the speaker", "UPDATE point_entries SET reason = 'speak' WHERE link_kind = 'session' AND reason = 'attend' AND link_id = " + last +
			" AND id = (SELECT MAX(id) FROM point_entries WHERE link_kind = 'session')"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertBreakageCaught(t, s, c, prepare, breakSQL(tc.sql), "share session and its points")
		})
	}
}
