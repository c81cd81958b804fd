// Package stories tells copies of one article apart from other articles, and one statement
// repeated across articles from other statements: MinHash fingerprints over word shingles of a
// body, LSH band keys to find candidates through an index, and the rules that decide. It is
// pure (no I/O); store keeps the fingerprints and groups.
//
// Why MinHash and not SimHash: syndicated copies are often truncated (an aggregator keeps the
// first paragraphs), and MinHash estimates the shared shingles, from which the containment of
// the shorter text in the longer follows; SimHash's Hamming distance grows with the cut and
// says nothing of containment. The MinHash itself is a few lines over the standard library's
// FNV and a SplitMix64 finaliser: the Go packages that offer it (ekzhu/minhash-lsh,
// dgryski/go-minhash) bring an in-memory LSH index we cannot use (the index is a SQLite table).
package stories

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"unicode"
	"unicode/utf8"
)

// Shape of a fingerprint: Bands*Rows hashes. Two texts with shingle Jaccard similarity s
// share at least one band key with probability 1-(1-s^Rows)^Bands: 0.99 at s=0.3, 0.86 at
// s=0.2, 0.11 at s=0.05 (unrelated articles on one topic: under 0.05 in the labelled pairs),
// so candidates come from an index lookup per band, not a scan, and the copies that Same
// accepts (s >= 0.25) are almost never missed by the lookup.
const (
	ShingleWords = 4 // words per shingle: 3 lets common phrases collide, 5 loses edited copies
	Bands        = 48
	Rows         = 2
	Hashes       = Bands * Rows
)

// Fingerprint is a body's MinHash signature and its number of distinct shingles.
type Fingerprint struct {
	Sig      [Hashes]uint32
	Shingles int
}

// Of fingerprints a body. Words are runs of letters and digits, lowercased; each Han, kana or
// Thai character is a word of its own (those scripts do not separate words by spaces).
func Of(body string) Fingerprint {
	var f Fingerprint
	for i := range f.Sig {
		f.Sig[i] = ^uint32(0)
	}
	words := Words(body)
	if len(words) == 0 {
		return f
	}
	n := ShingleWords
	if len(words) < n {
		n = len(words)
	}
	seen := make(map[uint64]struct{}, len(words))
	for i := 0; i+n <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+n] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		if _, dup := seen[x]; dup {
			continue
		}
		seen[x] = struct{}{}
		for j := range f.Sig {
			if v := uint32(mix(x^seeds[j]) >> 32); v < f.Sig[j] {
				f.Sig[j] = v
			}
		}
	}
	f.Shingles = len(seen)
	return f
}

// seeds make the Hashes hash functions out of one: SplitMix64's sequence from a fixed start,
// so fingerprints stay comparable across processes and versions.
var seeds = func() (s [Hashes]uint64) {
	x := uint64(0x5eed_a2a5_c0de_0001)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()

// mix is SplitMix64's finaliser: a bijection that spreads every input bit.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Words splits text into lowercase words (see Of).
func Words(text string) []string {
	var words []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			words = append(words, lower(text[start:end]))
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case isSingle(r):
			flush(i)
			words = append(words, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(text))
	return words
}

func isSingle(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Thai, r))
}

// lower lowercases, allocating only when the word has upper case.
func lower(w string) string {
	for _, r := range w {
		if unicode.IsUpper(r) {
			b := make([]byte, 0, len(w))
			for _, r := range w {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			return string(b)
		}
	}
	return w
}

// BandKeys are the fingerprint's LSH keys, one per band: a hash of the band's number and its
// Rows values, as int64 for SQLite. Texts sharing a key are candidates.
func (f *Fingerprint) BandKeys() [Bands]int64 {
	var keys [Bands]int64
	var buf [4 + 4*Rows]byte
	for b := range keys {
		binary.LittleEndian.PutUint32(buf[:4], uint32(b))
		for r := 0; r < Rows; r++ {
			binary.LittleEndian.PutUint32(buf[4+4*r:], f.Sig[b*Rows+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		keys[b] = int64(h.Sum64())
	}
	return keys
}

// Bytes encodes the fingerprint for storage: the signature, little-endian.
func (f *Fingerprint) Bytes() []byte {
	b := make([]byte, 4*Hashes)
	for i, v := range f.Sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// Decode reads what Bytes wrote, with the shingle count stored beside it.
func Decode(b []byte, shingles int) (Fingerprint, error) {
	var f Fingerprint
	if len(b) != 4*Hashes {
		return f, errors.New("stories: fingerprint of wrong length")
	}
	for i := range f.Sig {
		f.Sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	f.Shingles = shingles
	return f, nil
}
