package dates

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// screenedRegexp is a regexp with strings one of which every match holds, compared in a
// case-blind form: text without any of them cannot match, and is not read by the regexp. The
// future markers, a long alternation, cost the date finder more than all its date patterns
// together, in sentences that mostly hold none of them.
type screenedRegexp struct {
	*regexp.Regexp
	keys  []string    // foldKey forms; nil: no screen
	index *groupIndex // of keys, one group: a text is read once for all of them
}

func compileScreened(pattern string) screenedRegexp {
	s := screenedRegexp{Regexp: regexp.MustCompile(pattern)}
	if t, err := syntax.Parse(pattern, syntax.Perl); err == nil {
		s.keys = heldKeys(t.Simplify())
	}
	if s.keys != nil {
		s.index = newGroupIndex([][]string{s.keys})
	}
	return s
}

// mayMatch reports whether text holds one of the keys (always true without keys).
func (s screenedRegexp) mayMatch(text string) bool {
	return s.keys == nil || s.index.held(foldKey(text)) != 0
}

// FindAllStringIndex is the regexp's, nil without reading the regexp when text holds no key.
func (s screenedRegexp) FindAllStringIndex(text string, n int) [][]int {
	if !s.mayMatch(text) {
		return nil
	}
	return s.Regexp.FindAllStringIndex(text, n)
}

// FindStringIndex is the regexp's, nil without reading the regexp when text holds no key.
func (s screenedRegexp) FindStringIndex(text string) []int {
	if !s.mayMatch(text) {
		return nil
	}
	return s.Regexp.FindStringIndex(text)
}

// MatchString is the regexp's, false without reading the regexp when text holds no key.
func (s screenedRegexp) MatchString(text string) bool {
	return s.mayMatch(text) && s.Regexp.MatchString(text)
}

// heldKeys returns foldKey forms of strings one of which every match of t holds, nil when it
// finds none.
func heldKeys(t *syntax.Regexp) []string { return heldStrings(t, exactKeys, nonEmpty) }

// nonEmpty returns keys unless one is empty (a match need then hold none of them).
func nonEmpty(keys []string) []string {
	if slices.Contains(keys, "") {
		return nil
	}
	return keys
}

// exactKeys returns the keys of all the strings t matches when they are few, else nil.
func exactKeys(t *syntax.Regexp) []string {
	switch t.Op {
	case syntax.OpLiteral:
		return []string{foldKey(string(t.Rune))}
	case syntax.OpCharClass:
		return classStrings(t, foldLeast)
	case syntax.OpCapture:
		return exactKeys(t.Sub[0])
	case syntax.OpAlternate, syntax.OpConcat:
		out := []string{""}
		if t.Op == syntax.OpAlternate {
			out = nil
		}
		for _, s := range t.Sub {
			e := exactKeys(s)
			if e == nil {
				return nil
			}
			if t.Op == syntax.OpAlternate {
				out = append(out, e...)
			} else {
				out = cross(out, e)
			}
			if len(out) > maxLits {
				return nil
			}
		}
		return out
	}
	return nil
}

// foldKey maps every rune of s to the least rune of its case-folding orbit ("k", "K" and KELVIN
// SIGN all to "K"): two strings that (?i) matching takes as equal have equal keys.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // most of the text: a byte, upper-cased, with no rune decoding
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:]) // an invalid byte is RuneError, as range gives it
		b.WriteRune(foldLeast(r))
		i += n
	}
	return b.String()
}

func foldLeast(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}
