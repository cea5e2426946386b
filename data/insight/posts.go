package insight

import (
	"sort"
	"strings"
	"time"
)

// PostReach is one staff post in the chat and the distinct members who replied.
type PostReach struct {
	At       time.Time
	ByQQ     string
	Text     string // the first line
	Repliers int
}

// IsPost says whether a staff member's message is a post (see the package doc), the
// recorded posts' times given.
func IsPost(m Message, history []Post, r Rules) bool {
	t := strings.TrimSpace(m.Text)
	for _, p := range r.PostStarts {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	for _, p := range r.PostPhrases {
		if strings.Contains(t, p) {
			return true
		}
	}
	for _, p := range history {
		d := m.At.Sub(p.At)
		if d >= -r.PostMatch && d <= r.PostMatch {
			return true
		}
	}
	return false
}

// PostWindows are the times after each staff post in which replies count: what the
// store loads messages for. msgs need only hold the staff's messages.
func PostWindows(msgs []Message, roles map[string]Role, history []Post, r Rules) []Week {
	var ws []Week
	for _, p := range findPosts(msgs, roles, history, r) {
		ws = append(ws, Week{Start: p.At, End: p.At.Add(r.ReplyWindow)})
	}
	return ws
}

func findPosts(msgs []Message, roles map[string]Role, history []Post, r Rules) []PostReach {
	var posts []PostReach
	var lastPart time.Time
	for _, m := range msgs {
		if m.System || !roles[m.SenderQQ].Staff() || !IsPost(m, history, r) {
			continue
		}
		if len(posts) > 0 && m.At.Sub(lastPart) <= r.PostMatch {
			lastPart = m.At // another part of the same post
			continue
		}
		lastPart = m.At
		first, _, _ := strings.Cut(strings.TrimSpace(m.Text), "\n")
		posts = append(posts, PostReach{At: m.At, ByQQ: m.SenderQQ, Text: first})
	}
	return posts
}

// PostReaches finds the staff posts among msgs (sorted by time) and counts, for each,
// the distinct other senders of a non-system message within the reply window after it.
func PostReaches(msgs []Message, roles map[string]Role, history []Post, r Rules) []PostReach {
	posts := findPosts(msgs, roles, history, r)
	for i := range posts {
		p := &posts[i]
		seen := map[string]bool{}
		end := p.At.Add(r.ReplyWindow)
		from := sort.Search(len(msgs), func(i int) bool { return msgs[i].At.After(p.At) })
		for _, m := range msgs[from:] {
			if !m.At.Before(end) {
				break
			}
			if m.System || m.SenderQQ == "" || roles[m.SenderQQ].Staff() {
				continue
			}
			seen[m.SenderQQ] = true
		}
		p.Repliers = len(seen)
	}
	return posts
}

// JoinOrLeave reads a system message: 1 for a join, -1 for a leave, 0 otherwise.
func JoinOrLeave(text string) int {
	for _, w := range []string{"退出了群聊", "退出本群", "退出群聊", "移出了群聊", "移出本群", "移出群聊", "被移出"} {
		if strings.Contains(text, w) {
			return -1
		}
	}
	for _, w := range []string{"加入了群聊", "加入本群", "加入群聊", "进入本群"} {
		if strings.Contains(text, w) {
			return 1
		}
	}
	return 0
}
