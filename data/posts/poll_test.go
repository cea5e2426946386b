package posts

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

func pollSample(votes ...int) data.Poll {
	p := data.Poll{Question: "下周想要哪类资源？", ClosesAt: time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC), Source: data.PollCounted}
	for i, l := range []string{"游戏类", "影音类", "别的"} {
		p.Options = append(p.Options, data.PollOption{Position: i + 1, Label: l, Votes: votes[i]})
	}
	return p
}

func TestPollGolden(t *testing.T) {
	typed := pollSample(3, 3, 1)
	typed.Source = data.PollTyped
	for _, tt := range []struct{ name, got string }{
		{"poll", PollPost(pollSample(0, 0, 0), cst)},
		{"poll_result", PollResultPost(pollSample(6, 3, 0), cst)},
		{"poll_result_tie", PollResultPost(typed, cst)},
		{"poll_result_empty", PollResultPost(pollSample(0, 0, 0), cst)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if strings.ContainsAny(tt.got, "()?!,") {
				t.Errorf("half-width punctuation in %q", tt.got)
			}
			assertGolden(t, tt.name, tt.got)
		})
	}
}
