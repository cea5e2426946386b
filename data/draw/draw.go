// Package draw is the blind-box draw (盲盒开奖) that any member can check, not just
// trust:
//
//  1. When a box opens, the app makes a secret 32-byte seed (NewSeed, crypto/rand) and
//     publishes its commitment: SHA-256 of the seed bytes, in hex.
//  2. At close the entry list is frozen and numbered from 1; its canonical form
//     (Canonical) is one line per entry, "序号 名称\n", and its hash (ListHash) is the
//     SHA-256 of that text, in hex.
//  3. The picks follow from seed and list alone: block c (c = 0, 1, 2, …) is
//     SHA-256(seed ‖ listhash ‖ c as 8 bytes big-endian), with seed and listhash as
//     raw bytes; its first 8 bytes, big-endian, are v. With m entries not yet picked,
//     v is rejected when v ≥ 2^64 - (2^64 mod m) (so every entry is equally likely: no
//     modulo bias) and the next block tried; otherwise the pick is the (v mod m + 1)-th
//     of the entries not yet picked, in number order.
//  4. The winners are the first N picks. A redraw (one winner never answered) is the
//     next pick of the same stream, never one already picked, so the other winners
//     stay and the redraw is checked the same way.
//
// The result post reveals the seed, the list and its hash, and Recipe; the app's 验证
// screen recomputes a published draw from the pasted seed and list (Verify). The
// package imports neither the database nor the GUI.
package draw

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// SeedLen is the seed's length in bytes.
const SeedLen = 32

// Seed is a draw's secret.
type Seed [SeedLen]byte

// NewSeed makes a seed from crypto/rand.
func NewSeed() (Seed, error) {
	var s Seed
	if _, err := rand.Read(s[:]); err != nil {
		return s, fmt.Errorf("draw: seed: %w", err)
	}
	return s, nil
}

// Hex is the seed as published: 64 lower-case hex digits.
func (s Seed) Hex() string { return hex.EncodeToString(s[:]) }

// Commitment is SHA-256 of the seed bytes, in hex: published when the box opens.
func (s Seed) Commitment() string {
	h := sha256.Sum256(s[:])
	return hex.EncodeToString(h[:])
}

// ErrSeed is a seed that is not 64 hex digits.
var ErrSeed = errors.New("draw: seed is not 64 hex digits")

// ParseSeed reads a published seed (spaces around it and upper case allowed).
func ParseSeed(s string) (Seed, error) {
	var out Seed
	b, err := hex.DecodeString(strings.ToLower(strings.TrimSpace(s)))
	if err != nil || len(b) != SeedLen {
		return out, ErrSeed
	}
	copy(out[:], b)
	return out, nil
}

// Label is how an entry appears in the list: its name with line breaks, tabs and runs
// of spaces made single spaces, so the canonical text has one line per entry.
func Label(s string) string { return strings.Join(strings.Fields(s), " ") }

// Canonical is the list's published text: "序号 名称\n" for each entry, numbered from 1.
func Canonical(labels []string) string {
	var b strings.Builder
	for i, l := range labels {
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteByte(' ')
		b.WriteString(Label(l))
		b.WriteByte('\n')
	}
	return b.String()
}

// ListHash is SHA-256 of Canonical(labels), in hex.
func ListHash(labels []string) string {
	h := sha256.Sum256([]byte(Canonical(labels)))
	return hex.EncodeToString(h[:])
}

// Stream is the pick sequence of one seed and list.
type Stream struct {
	prefix []byte // seed ‖ listhash
	ctr    uint64
	picked []bool
	left   int
}

// NewStream starts the picks of seed over a list of n entries with hash listHash (hex).
func NewStream(seed Seed, listHash string, n int) (*Stream, error) {
	lh, err := hex.DecodeString(listHash)
	if err != nil || len(lh) != sha256.Size {
		return nil, errors.New("draw: list hash is not a SHA-256 in hex")
	}
	return &Stream{prefix: append(append([]byte{}, seed[:]...), lh...), picked: make([]bool, n), left: n}, nil
}

// ErrExhausted is a pick asked for when every entry has been picked.
var ErrExhausted = errors.New("draw: every entry has been picked")

// Next is the next pick: a 0-based index into the list, never one picked before.
func (s *Stream) Next() (int, error) {
	if s.left == 0 {
		return 0, ErrExhausted
	}
	k := s.uniform(uint64(s.left))
	for i, p := range s.picked {
		if p {
			continue
		}
		if k == 0 {
			s.picked[i] = true
			s.left--
			return i, nil
		}
		k--
	}
	panic("draw: unreachable")
}

// uniform is an unbiased number in [0, m) by rejection sampling over the blocks.
func (s *Stream) uniform(m uint64) uint64 {
	// limit = 2^64 - (2^64 mod m); 2^64 mod m = (2^64 − m) mod m.
	rem := (-m) % m
	buf := make([]byte, len(s.prefix)+8)
	copy(buf, s.prefix)
	for {
		binary.BigEndian.PutUint64(buf[len(s.prefix):], s.ctr)
		s.ctr++
		h := sha256.Sum256(buf)
		v := binary.BigEndian.Uint64(h[:8])
		if v > ^uint64(0)-rem { // v ≥ limit
			continue
		}
		return v % m
	}
}

// Picks are the first count picks (0-based indexes) of seed over labels: the winners
// then, in order, every redraw.
func Picks(seed Seed, labels []string, count int) ([]int, error) {
	st, err := NewStream(seed, ListHash(labels), len(labels))
	if err != nil {
		return nil, err
	}
	out := make([]int, 0, count)
	for len(out) < count {
		i, err := st.Next()
		if err != nil {
			return out, err
		}
		out = append(out, i)
	}
	return out, nil
}

// ParseList reads a published list back: lines "序号 名称", numbered 1, 2, 3… Blank
// lines are skipped. It returns the labels, or the 1-based line number that breaks the
// form.
func ParseList(text string) (labels []string, badLine int) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		num, rest, _ := strings.Cut(line, " ")
		n, err := strconv.Atoi(num)
		if err != nil || n != len(labels)+1 || strings.TrimSpace(rest) == "" {
			return nil, i + 1
		}
		labels = append(labels, Label(rest))
	}
	return labels, 0
}

// Check is what Verify found.
type Check struct {
	Labels         []string
	ListHash       string
	Commitment     string // SHA-256 of the pasted seed
	CommitmentOK   bool   // equals the published commitment (true when none was given)
	ListHashOK     bool   // equals the published list hash (true when none was given)
	Picks          []int  // 0-based
	BadListLine    int    // a line of the list that is not "序号 名称"; 0 when fine
	SeedBad        bool
	TooManyPicks   bool
	PublishedPicks []int // 0-based, as given; nil when none were given
	PicksOK        bool  // PublishedPicks equal Picks (true when none were given)
}

// OK says everything matched.
func (c Check) OK() bool {
	return !c.SeedBad && c.BadListLine == 0 && !c.TooManyPicks && c.CommitmentOK && c.ListHashOK && c.PicksOK
}

// Verify recomputes a published draw: the seed (hex), the list text, how many picks
// were made (winners plus redraws), and optionally the published commitment, list hash
// and picks (1-based numbers) to compare with.
func Verify(seedHex, listText string, count int, commitment, listHash string, published []int) Check {
	var c Check
	seed, err := ParseSeed(seedHex)
	if err != nil {
		c.SeedBad = true
		return c
	}
	c.Commitment = seed.Commitment()
	c.CommitmentOK = commitment == "" || strings.EqualFold(strings.TrimSpace(commitment), c.Commitment)
	c.Labels, c.BadListLine = ParseList(listText)
	if c.BadListLine != 0 {
		return c
	}
	c.ListHash = ListHash(c.Labels)
	c.ListHashOK = listHash == "" || strings.EqualFold(strings.TrimSpace(listHash), c.ListHash)
	if count > len(c.Labels) || count < 0 {
		c.TooManyPicks = true
		return c
	}
	c.Picks, _ = Picks(seed, c.Labels, count)
	c.PicksOK = true
	if published != nil {
		c.PublishedPicks = make([]int, len(published))
		for i, p := range published {
			c.PublishedPicks[i] = p - 1
		}
		c.PicksOK = len(published) == len(c.Picks)
		for i := 0; c.PicksOK && i < len(published); i++ {
			c.PicksOK = published[i]-1 == c.Picks[i]
		}
	}
	return c
}

// Recipe is the short recomputation recipe printed with a result.
const Recipe = `验证方法（任何人可自行计算）：
1. 核对：SHA-256（种子的 32 字节） 应等于开盒时公布的承诺。
2. 名单每行“序号 名称”，以换行结尾，整段文字的 SHA-256 即名单哈希。
3. 计数器 c 从 0 起：取 SHA-256（种子字节 ‖ 名单哈希字节 ‖ c 的 8 字节大端） 的前 8 字节为无符号整数 v，c 加 1；设未抽中的人数为 m，若 v ≥ 2^64 - (2^64 mod m) 则舍弃再算，否则抽中未抽中者（按序号）中的第 v mod m + 1 位。
4. 重复至抽满中奖人数；补抽沿同一序列继续抽下一位。`
