package stories

import (
	"hash/fnv"
	"strings"
)

// SameStatement says whether two statements of one speaker are the same words: equal once
// normalised to words, or, for statements of at least MinStatementWords words, sharing nearly
// all word pairs of the shorter one (a copy that drops a clause or cuts the quote short, a
// typo fixed). Shorter statements must be equal: "We hope so" and "We doubt so" are not one.
func SameStatement(a, b string) bool {
	wa, wb := Words(a), Words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if strings.Join(wa, " ") == strings.Join(wb, " ") {
		return true
	}
	if min(len(wa), len(wb)) < MinStatementWords {
		return false
	}
	pa, pb := pairs(wa), pairs(wb)
	small, large := pa, pb
	if len(small) > len(large) {
		small, large = large, small
	}
	shared := 0
	for p := range small {
		if _, ok := large[p]; ok {
			shared++
		}
	}
	return float64(shared) >= SameStatementShare*float64(len(small))
}

// Statement matching thresholds.
const (
	MinStatementWords  = 6
	SameStatementShare = 0.85
)

func pairs(words []string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	if len(words) == 1 {
		m[words[0]] = struct{}{}
	}
	for i := 0; i+1 < len(words); i++ {
		m[words[i]+" "+words[i+1]] = struct{}{}
	}
	return m
}

// StatementKeys are index keys under which a statement of one speaker (key: the speaker, or
// the story for unattributed words) is found again: its whole normalised text, its first and
// its last StatementEdgeWords words. A copy that cuts the quote at either end, or edits its
// middle, still shares one, so candidates come from an index, not from every statement the
// speaker made that week; SameStatement then decides.
func StatementKeys(key, text string) []int64 {
	w := Words(text)
	if len(w) == 0 {
		return nil
	}
	keys := []int64{keyHash(key, "all", w)}
	if len(w) >= MinStatementWords {
		n := min(StatementEdgeWords, len(w))
		keys = append(keys, keyHash(key, "head", w[:n]), keyHash(key, "tail", w[len(w)-n:]))
	}
	return keys
}

// StatementEdgeWords is how many words the head and tail keys take.
const StatementEdgeWords = 5

func keyHash(key, part string, words []string) int64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	h.Write([]byte{0})
	h.Write([]byte(part))
	for _, w := range words {
		h.Write([]byte{0})
		h.Write([]byte(w))
	}
	return int64(h.Sum64())
}
