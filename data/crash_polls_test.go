package data_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/pollcount"
	"gorm.io/gorm"
)

// writePoll makes a poll with 2–6 options (its question states how many), then, two
// saves in three, records counted votes (the votes, each option's count and the source
// in one transaction) or typed counts, and one save in three closes it. u.N is the
// total it recorded (0: none).
func writePoll(c *crashChild, u *crashUnit) error {
	n := 2 + u.Seq%5
	ops := make([]data.PollOptionDraft, n)
	for k := range ops {
		ops[k] = data.PollOptionDraft{Label: fmt.Sprintf("选项%d", k+1)}
	}
	p, err := c.s.CreatePoll(c.groupID, data.PollDraft{Question: fmt.Sprintf("poll %s options=%d", u.Key, n),
		ClosesAt: "2099-01-01 20:00", Options: ops}, time.UTC)
	if err != nil {
		return err
	}
	switch u.Seq % 3 {
	case 0:
		voters := 1 + u.Seq%9
		votes := make([]pollcount.Vote, voters)
		for k := range votes {
			votes[k] = pollcount.Vote{QQ: qqFor(c.round, u.Seq, k), Name: "v", Option: 1 + k%n, At: time.Now().UTC(), Line: k + 1, Text: "1"}
		}
		if err := c.s.RecordPollVotes(p.ID, votes); err != nil {
			return err
		}
		u.N = voters
	case 1:
		counts := make([]string, n)
		for k := range counts {
			counts[k] = fmt.Sprint(k + 1)
		}
		if err := c.s.RecordPollCounts(p.ID, counts); err != nil {
			return err
		}
		u.N = n * (n + 1) / 2
	}
	if u.Seq%3 != 1 {
		return nil
	}
	return c.s.ClosePoll(p.ID)
}

// presentPoll finds the unit's poll by its question, with the total it recorded and,
// when it was closed, closed.
func presentPoll(db *gorm.DB, u crashUnit) error {
	var rows []struct {
		ID     uint
		Closed bool
		Total  int
	}
	err := db.Raw(`SELECT p.id, p.closed_at IS NOT NULL AS closed,
		(SELECT COALESCE(SUM(votes), 0) FROM poll_options o WHERE o.poll_id = p.id) AS total
		FROM polls p WHERE p.question LIKE ?`, "poll "+u.Key+" options=%").Scan(&rows).Error
	switch {
	case err != nil:
		return err
	case len(rows) != 1:
		return fmt.Errorf("poll %s: %d polls, want 1", u.Key, len(rows))
	case rows[0].Total != u.N:
		return fmt.Errorf("poll %s: %d votes recorded, want %d", u.Key, rows[0].Total, u.N)
	case rows[0].Closed != (u.Seq%3 == 1):
		return fmt.Errorf("poll %s: closed %v", u.Key, rows[0].Closed)
	}
	return nil
}

// checkPolls: a poll has the options its question states, at positions 1…n; a poll
// counted from chat has exactly as many vote rows per option as the option's count,
// and a poll typed or not yet recorded has none (nor, unrecorded, any count); no vote
// names an option of another poll, and nothing outlives its poll.
func checkPolls(db *gorm.DB) ([]string, error) {
	var polls []struct {
		ID       uint
		Question string
		Source   string
		Options  int
		Top      int
		Total    int
		Votes    int
	}
	err := db.Raw(`SELECT p.id, p.question, p.source,
		(SELECT COUNT(*) FROM poll_options o WHERE o.poll_id = p.id) AS options,
		(SELECT COALESCE(MAX(position), 0) FROM poll_options o WHERE o.poll_id = p.id) AS top,
		(SELECT COALESCE(SUM(votes), 0) FROM poll_options o WHERE o.poll_id = p.id) AS total,
		(SELECT COUNT(*) FROM poll_votes v WHERE v.poll_id = p.id) AS votes
		FROM polls p WHERE p.question LIKE 'poll % options=%'`).Scan(&polls).Error
	if err != nil {
		return nil, err
	}
	var bad []string
	for _, p := range polls {
		var key string
		var n int
		if _, err := fmt.Sscanf(p.Question, "poll %s options=%d", &key, &n); err != nil || p.Options != n || p.Top != n {
			bad = append(bad, fmt.Sprintf("poll %d (%q): %d options, last at %d", p.ID, p.Question, p.Options, p.Top))
		}
		switch data.PollSource(p.Source) {
		case data.PollCounted:
			if p.Votes != p.Total {
				bad = append(bad, fmt.Sprintf("poll %d counted from chat: %d votes kept, options say %d", p.ID, p.Votes, p.Total))
			}
		case data.PollTyped, data.PollUncounted:
			if p.Votes != 0 || (p.Source == "" && p.Total != 0) {
				bad = append(bad, fmt.Sprintf("poll %d (source %q): %d vote rows, %d counted", p.ID, p.Source, p.Votes, p.Total))
			}
		}
	}
	var mismatched []string
	err = db.Raw(`SELECT 'poll option ' || o.id || ': ' || o.votes || ' counted, ' ||
		(SELECT COUNT(*) FROM poll_votes v WHERE v.option_id = o.id) || ' vote rows'
		FROM poll_options o JOIN polls p ON p.id = o.poll_id
		WHERE p.source = 'counted' AND o.votes <> (SELECT COUNT(*) FROM poll_votes v WHERE v.option_id = o.id)`).Scan(&mismatched).Error
	if err != nil {
		return nil, err
	}
	var orphans []string
	err = db.Raw(`SELECT 'poll vote ' || v.id || ' names an option of another poll or none' FROM poll_votes v
		WHERE NOT EXISTS (SELECT 1 FROM poll_options o WHERE o.id = v.option_id AND o.poll_id = v.poll_id)
		UNION ALL SELECT 'poll option ' || id || ' of no poll' FROM poll_options WHERE poll_id NOT IN (SELECT id FROM polls)`).Scan(&orphans).Error
	return append(append(bad, mismatched...), orphans...), err
}

// TestCrashCheckerCatchesBrokenPolls breaks polls by hand, each way a save that is not
// one transaction could leave them, and expects checkPolls to say so.
func TestCrashCheckerCatchesBrokenPolls(t *testing.T) {
	s, c, _ := crashFixture(t)
	prepare := crashUnits("poll", 3, 4, 6) // counted, typed and closed, counted
	const counted = "(SELECT MAX(id) FROM polls WHERE source = 'counted')"
	for _, tc := range []struct {
		name, sql string
	}{
		{"a poll saved without its last option", "DELETE FROM poll_options WHERE id = (SELECT MAX(id) FROM poll_options)"},
		{"votes kept, the counts not updated", "UPDATE poll_options SET votes = 0 WHERE poll_id = " + counted},
		{"counts updated, a vote row missing", "DELETE FROM poll_votes WHERE id = (SELECT MAX(id) FROM poll_votes WHERE poll_id = " + counted + ")"},
		{"typed counts kept, the old votes not removed", "UPDATE polls SET source = 'typed' WHERE id = " + counted},
		{"votes and counts kept, the source not set", "UPDATE polls SET source = '' WHERE id = " + counted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertBreakageCaught(t, s, c, prepare, breakSQL(tc.sql), "poll and its options and votes")
		})
	}
}
