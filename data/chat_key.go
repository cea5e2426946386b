package data

import (
	"encoding/binary"
	"time"

	"github.com/qunhuo/qunhuo/data/chatlog"
)

// chatKeyer gives each message of one file its dedupe key: the message's second, and
// a 32-bit hash of the chat group, the time, the sender, the kind and the text, and of how many identical
// messages (same group, time, sender, kind and text) came before it in the same
// second of the file. The same file read again gives the same keys, so a re-import
// adds nothing; two identical messages in one second are both kept, as the first and
// second occurrence. The count restarts when a group's time moves on, so memory stays
// that of one second of chat.
type chatKeyer struct {
	groups map[string]*chatSecond
	buf    []byte
}

type chatSecond struct {
	at   time.Time
	seen map[uint64]uint32
}

func newChatKeyer() *chatKeyer {
	return &chatKeyer{groups: map[string]*chatSecond{}}
}

// key is m's dedupe key.
func (k *chatKeyer) key(m *chatlog.Message) int64 {
	b := k.buf[:0]
	b = append(b, m.Group...)
	b = append(b, 0)
	b = binary.LittleEndian.AppendUint64(b, uint64(m.At.UnixNano()))
	switch {
	case m.SenderQQ != "":
		b = append(b, 'q')
		b = append(b, m.SenderQQ...)
	case m.SenderMail != "":
		b = append(b, 'm')
		b = append(b, m.SenderMail...)
	default:
		b = append(b, 'n')
		b = append(b, m.SenderName...)
	}
	b = append(b, 0, byte(m.Kind))
	b = append(b, m.Text...)
	k.buf = b[:0]
	base := fnv64a(b)

	st := k.groups[m.Group]
	if st == nil {
		st = &chatSecond{seen: map[uint64]uint32{}}
		k.groups[m.Group] = st
	}
	if !st.at.Equal(m.At) {
		clear(st.seen)
		st.at = m.At
	}
	n := st.seen[base]
	st.seen[base] = n + 1
	// The second in the high half, the hash in the low half: keys of a chat grow with
	// its time, so a batch's keys go into a few neighbouring pages of the unique index
	// instead of all over it (which made every commit rewrite the whole index).
	sec := uint64(uint32(m.At.Unix() - chatKeyEpoch))
	return int64(sec<<32 | mix64(base+uint64(n)*0x9E3779B97F4A7C15)&0xFFFFFFFF)
}

// chatKeyEpoch is 2000-01-01 UTC: keys stay positive until 2068.
const chatKeyEpoch = 946684800

// fnv64a is the FNV-1a hash of b.
func fnv64a(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// mix64 is splitmix64's finaliser: it spreads the occurrence count over all bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}
