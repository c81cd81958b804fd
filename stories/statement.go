package stories

import "strings"

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
