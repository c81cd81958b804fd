package dates

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Start screening: Go's regexp tries a match at every rune of its input unless the pattern opens
// with a literal, and most date patterns open with an alternation or a class ("[Ii]n|[Ss]ince|...",
// "\p{Lu}"), so each rune costs a walk through every branch. A pattern's first runes are few
// against the text's, and a match can start only at one of them: the pattern, anchored, is tried
// there alone. The patterns have no anchors or word boundaries, so a match depends on its own
// bytes only, and the anchored match at the leftmost start that has one is the one the
// unanchored search finds (both take the first alternative that matches).

// starts is where a pattern's matches can start: the runes that can open one.
type starts struct {
	ascii    [utf8.RuneSelf]bool
	ranges   []rune // pairs lo, hi of the runes past ASCII, sorted and disjoint
	anchored *regexp.Regexp
}

// startsOf returns the starts of pattern, nil when a match may be empty or open with any rune
// (the plain search is then as good).
func startsOf(pattern string) *starts {
	t, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	rs, nullable, ok := firstRunes(t)
	if !ok || nullable {
		return nil
	}
	s := &starts{anchored: regexp.MustCompile(`^(?:` + pattern + `)`)}
	for i := 0; i+1 < len(rs); i += 2 {
		lo, hi := rs[i], rs[i+1]
		for r := lo; r <= min(hi, utf8.RuneSelf-1); r++ {
			s.ascii[r] = true
		}
		if hi >= utf8.RuneSelf {
			s.ranges = append(s.ranges, max(lo, utf8.RuneSelf), hi)
		}
	}
	s.ranges = mergeRanges(s.ranges)
	return s
}

// can tells whether a match can start with r.
func (s *starts) can(r rune) bool {
	if r < utf8.RuneSelf {
		return s.ascii[r]
	}
	i, _ := slices.BinarySearch(s.ranges, r) // the first bound >= r
	return i < len(s.ranges) && (i%2 == 1 || s.ranges[i] == r)
}

// findAll is re.FindAllStringSubmatchIndex(text, -1) for the pattern whose starts s are (see
// above; every match is non-empty, so each search goes on where the last match ended).
func (s *starts) findAll(text string) [][]int {
	var out [][]int
	for pos := 0; pos < len(text); {
		r, w := rune(text[pos]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[pos:]) // invalid bytes are RuneError, one byte, as regexp reads them
		}
		if !s.can(r) {
			pos += w
			continue
		}
		m := s.anchored.FindStringSubmatchIndex(text[pos:])
		if m == nil {
			pos += w
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += pos
			}
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// firstRunes returns the runes (pairs lo, hi) one of which opens every non-empty match of t,
// whether t matches the empty string, and false when it cannot tell (anchors, any rune).
func firstRunes(t *syntax.Regexp) (rs []rune, nullable, ok bool) {
	switch t.Op {
	case syntax.OpEmptyMatch:
		return nil, true, true
	case syntax.OpLiteral:
		if len(t.Rune) == 0 {
			return nil, true, true
		}
		r := t.Rune[0]
		rs = []rune{r, r}
		if t.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				rs = append(rs, f, f)
			}
		}
		return rs, false, true
	case syntax.OpCharClass:
		return slices.Clone(t.Rune), false, len(t.Rune) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(t.Sub[0])
	case syntax.OpQuest, syntax.OpStar:
		rs, _, ok = firstRunes(t.Sub[0])
		return rs, true, ok
	case syntax.OpRepeat:
		rs, nullable, ok = firstRunes(t.Sub[0])
		return rs, nullable || t.Min == 0, ok
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			srs, n, sok := firstRunes(s)
			if !sok {
				return nil, false, false
			}
			rs, nullable = append(rs, srs...), nullable || n
		}
		return rs, nullable, true
	case syntax.OpConcat:
		for _, s := range t.Sub {
			srs, n, sok := firstRunes(s)
			if !sok {
				return nil, false, false
			}
			rs = append(rs, srs...)
			if !n {
				return rs, false, true
			}
		}
		return rs, true, true
	}
	return nil, false, false
}

// mergeRanges sorts rune pairs and joins those that overlap or touch.
func mergeRanges(rs []rune) []rune {
	type pair struct{ lo, hi rune }
	ps := make([]pair, 0, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		ps = append(ps, pair{rs[i], rs[i+1]})
	}
	slices.SortFunc(ps, func(a, b pair) int { return int(a.lo - b.lo) })
	var out []rune
	for _, p := range ps {
		if n := len(out); n > 0 && p.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], p.hi)
			continue
		}
		out = append(out, p.lo, p.hi)
	}
	return out
}
