package draw

import (
	"crypto/sha256"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

func seedOf(i int) Seed { return Seed(sha256.Sum256([]byte(fmt.Sprint("seed ", i)))) }

func names(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("成员%d(123****%02d)", i+1, i)
	}
	return out
}

func TestSameSeedAndListSameWinners(t *testing.T) {
	a, err := Picks(seedOf(1), names(20), 5)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Picks(seedOf(1), names(20), 5)
	if !reflect.DeepEqual(a, b) || len(a) != 5 {
		t.Fatalf("%v vs %v", a, b)
	}
	seen := map[int]bool{}
	for _, p := range a {
		if p < 0 || p >= 20 || seen[p] {
			t.Fatalf("picks %v", a)
		}
		seen[p] = true
	}
	c, _ := Picks(seedOf(2), names(20), 5)
	if reflect.DeepEqual(a, c) {
		t.Errorf("another seed gave the same winners %v", a)
	}
}

func TestAnyChangeChangesHash(t *testing.T) {
	base := names(5)
	h := ListHash(base)
	changes := map[string][]string{
		"名字改一字": {base[0], base[1], "成员3(123****03)", base[3], base[4]},
		"换顺序":   {base[1], base[0], base[2], base[3], base[4]},
		"少一人":   base[:4],
		"多一人":   append(append([]string{}, base...), "新人"),
	}
	for name, l := range changes {
		if ListHash(l) == h {
			t.Errorf("%s: hash unchanged", name)
		}
	}
	if seedOf(1).Commitment() == seedOf(2).Commitment() {
		t.Error("seeds share a commitment")
	}
	var s Seed
	c := s.Commitment()
	s[31] ^= 1
	if s.Commitment() == c {
		t.Error("one bit of seed did not change the commitment")
	}
	if want := "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"; c != want {
		t.Errorf("commitment of zero seed = %s, want SHA-256 of 32 zero bytes", c)
	}
	if Canonical([]string{"a\tb\n c"}) != "1 a b c\n" {
		t.Errorf("canonical = %q", Canonical([]string{"a\tb\n c"}))
	}
}

// TestPickIsUnbiased: the first pick among 3 entries over 30,000 fixed seeds is
// uniform by a chi-square test (2 degrees of freedom; 13.82 is the 0.1% point). A
// pick by modulo of a biased source would still pass here, so the rejection step is
// tested directly below.
func TestPickIsUnbiased(t *testing.T) {
	const n, draws = 3, 30000
	var count [n]int
	l := names(n)
	for i := 0; i < draws; i++ {
		p, err := Picks(seedOf(i), l, 1)
		if err != nil {
			t.Fatal(err)
		}
		count[p[0]]++
	}
	chi := 0.0
	for _, c := range count {
		d := float64(c) - draws/n
		chi += d * d / (draws / n)
	}
	if chi > 13.82 {
		t.Errorf("chi-square %.2f for counts %v", chi, count)
	}
	// the second pick among the two left is uniform too
	var second [2]int
	for i := 0; i < draws; i++ {
		p, _ := Picks(seedOf(i), l, 2)
		if p[1] > p[0] {
			second[1]++
		} else {
			second[0]++
		}
	}
	d := float64(second[0]) - draws/2
	if chi2 := 2 * d * d / (draws / 2); chi2 > 10.83 {
		t.Errorf("second pick chi-square %.2f for %v", chi2, second)
	}
}

// TestRejection: a value in the biased tail is rejected, so with m = 3 the top
// 2^64 mod 3 = 1 value never picks.
func TestRejection(t *testing.T) {
	m := uint64(3)
	rem := (-m) % m
	if rem != 1 {
		t.Fatalf("2^64 mod 3 = %d", rem)
	}
	if !(math.MaxUint64 > ^uint64(0)-rem) || (math.MaxUint64-1 > ^uint64(0)-rem) {
		t.Error("rejection bound wrong")
	}
	m = 1 << 63
	if (-m)%m != 0 {
		t.Error("power of two should reject nothing")
	}
}

func TestRedrawKeepsOtherWinners(t *testing.T) {
	l := names(10)
	winners, _ := Picks(seedOf(7), l, 3)
	st, _ := NewStream(seedOf(7), ListHash(l), len(l))
	for range winners {
		st.Next()
	}
	re, err := st.Next()
	if err != nil {
		t.Fatal(err)
	}
	all, _ := Picks(seedOf(7), l, 4)
	if !reflect.DeepEqual(all[:3], winners) || all[3] != re {
		t.Fatalf("winners %v, redraw %d, stream %v", winners, re, all)
	}
	for _, w := range winners {
		if w == re {
			t.Fatalf("redraw picked winner %d again", re)
		}
	}
	// every entry gets picked once, then the stream is exhausted
	full, _ := Picks(seedOf(7), l, 10)
	seen := map[int]bool{}
	for _, p := range full {
		seen[p] = true
	}
	if len(seen) != 10 {
		t.Errorf("full order %v", full)
	}
	if _, err := Picks(seedOf(7), l, 11); err != ErrExhausted {
		t.Errorf("11 of 10: %v", err)
	}
}

func TestVerifyRecomputesPublished(t *testing.T) {
	l := names(8)
	seed := seedOf(3)
	picks, _ := Picks(seed, l, 3)
	pub := []int{picks[0] + 1, picks[1] + 1, picks[2] + 1}
	c := Verify(strings.ToUpper(seed.Hex()), Canonical(l), 3, seed.Commitment(), ListHash(l), pub)
	if !c.OK() || !reflect.DeepEqual(c.Picks, picks) {
		t.Fatalf("check %+v", c)
	}
	cases := map[string]Check{
		"wrong commitment": Verify(seed.Hex(), Canonical(l), 3, seedOf(4).Commitment(), "", pub),
		"list changed":     Verify(seed.Hex(), strings.Replace(Canonical(l), "成员2", "成员X", 1), 3, "", ListHash(l), nil),
		"wrong winners":    Verify(seed.Hex(), Canonical(l), 3, "", "", []int{pub[1], pub[0], pub[2]}),
		"bad seed":         Verify("xyz", Canonical(l), 3, "", "", nil),
		"bad numbering":    Verify(seed.Hex(), "1 a\n3 b\n", 1, "", "", nil),
		"too many":         Verify(seed.Hex(), "1 a\n2 b\n", 3, "", "", nil),
	}
	for name, c := range cases {
		if c.OK() {
			t.Errorf("%s: verified", name)
		}
	}
	if c := cases["bad numbering"]; c.BadListLine != 2 {
		t.Errorf("bad line %d", c.BadListLine)
	}
}

func TestNewSeedDiffers(t *testing.T) {
	a, err := NewSeed()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewSeed()
	if a == b {
		t.Error("two seeds equal")
	}
	back, err := ParseSeed(a.Hex())
	if err != nil || back != a {
		t.Error("seed hex does not round-trip")
	}
}

func FuzzParseList(f *testing.F) {
	f.Add("1 a\n2 b\n")
	f.Add("1 a\n\n3 c")
	f.Fuzz(func(t *testing.T, s string) {
		l, bad := ParseList(s)
		if bad == 0 {
			if l2, bad2 := ParseList(Canonical(l)); bad2 != 0 || !reflect.DeepEqual(l2, l) && len(l) > 0 {
				t.Fatalf("round trip %q -> %q", l, l2)
			}
		}
	})
}

// BenchmarkPicks: 10 winners from a list of 3,000 entries.
func BenchmarkPicks(b *testing.B) {
	l := names(3000)
	for i := 0; i < b.N; i++ {
		if _, err := Picks(seedOf(i), l, 10); err != nil {
			b.Fatal(err)
		}
	}
}
