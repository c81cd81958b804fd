package dates

import (
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Windows: a rule whose every match holds a digit, or one of a few literal strings, and spans a
// bounded number of words need not read a whole paragraph: its regexp runs only on the words
// around each such word. The patterns have no anchors or \b, so a match depends on its own bytes
// only; if every possible match lies inside one window (the anchor's word and as many words either
// side as the pattern has space runs), the windows' matches are exactly the paragraph's, in the
// same order and with the same extents, rejected ones included.

// window is how a rule's regexp may be confined.
type window struct {
	reach int      // words either side of the anchor's word a match can reach; -1: not windowed
	digit bool     // every match holds a digit
	lits  []string // every match holds one of these (with digit: the paragraph's rarer is used)
	upper bool     // every match holds a word that starts with an upper-case letter (anchors on those)
	year  bool     // every match holds a YEAR: with digit, the anchors are the words holding 19dd or 20dd
	// after: with upper, the word before that capitalised one ends with one of these (nil: any
	// word, or none). "in" or "by" then "May": a name after "said" is no anchor.
	after []string
}

// windowing reads a pattern's window off its syntax: -1 reach when a match may lack both a digit
// and a literal, span unboundedly many words or depend on what surrounds it.
func windowing(pattern string) window {
	t, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return window{reach: -1}
	}
	w := window{reach: spaceRuns(t)}
	if w.reach < 0 {
		return w
	}
	w.digit = mustDigit(t)
	w.year = w.digit && needsYear(pattern)
	if !w.digit && upperAfterSpace(t) { // "in" or "by" fill every sentence; capitalised words are fewer
		w.upper = true
		w.after = upperAfter(t)
		return w
	}
	w.lits = contains(t)
	if w.digit && shortest(w.lits) < 3 {
		w.lits = nil // a digit is the better anchor than a short literal
	}
	if !w.digit && len(w.lits) == 0 {
		w.reach = -1
	}
	return w
}

// maxLits bounds the literal sets built from alternations and small classes.
const maxLits = 64

// exact returns the strings t matches when they are few and t matches nothing else, else nil.
func exact(t *syntax.Regexp) []string {
	switch t.Op {
	case syntax.OpLiteral:
		out := []string{""}
		for _, r := range t.Rune {
			forms := []string{string(r)}
			if t.Flags&syntax.FoldCase != 0 { // [Ii]n parses as a case-folded "in"
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					forms = append(forms, string(f))
				}
			}
			if len(out)*len(forms) > maxLits {
				return nil
			}
			out = cross(out, forms)
		}
		return out
	case syntax.OpCharClass:
		return classStrings(t, func(r rune) rune { return r })
	case syntax.OpCapture:
		return exact(t.Sub[0])
	case syntax.OpQuest:
		if e := exact(t.Sub[0]); e != nil {
			return append(e, "")
		}
	case syntax.OpEmptyMatch:
		return []string{""}
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			e := exact(s)
			if e == nil {
				return nil
			}
			out = append(out, e...)
		}
		if len(out) <= maxLits {
			return out
		}
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range t.Sub {
			e := exact(s)
			if e == nil || len(out)*len(e) > maxLits {
				return nil
			}
			out = cross(out, e)
		}
		return out
	}
	return nil
}

func cross(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// contains returns strings one of which every match of t holds, nil when it finds none: whole
// runs of exact pieces, the rarest (longest shortest string) of a concatenation's parts.
func contains(t *syntax.Regexp) []string { return heldStrings(t, exact, usable) }

// heldStrings returns strings one of which every match of t holds, nil when it finds none:
// exact gives the few strings a part matches (nil when many), keep the set a screen may use (nil
// when it may not). The window counter and the screened regexps share it with their own forms.
func heldStrings(t *syntax.Regexp, exact func(*syntax.Regexp) []string, keep func([]string) []string) []string {
	if e := exact(t); e != nil {
		return keep(e)
	}
	switch t.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return heldStrings(t.Sub[0], exact, keep)
	case syntax.OpRepeat:
		if t.Min > 0 {
			return heldStrings(t.Sub[0], exact, keep)
		}
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			c := heldStrings(s, exact, keep)
			if c == nil {
				return nil
			}
			out = append(out, c...)
		}
		return out
	case syntax.OpConcat:
		var best []string
		consider := func(c []string) {
			if c != nil && (best == nil || shortest(c) > shortest(best)) {
				best = c
			}
		}
		run := []string{""}
		for _, s := range t.Sub {
			if e := exact(s); e != nil && len(run)*len(e) <= maxLits {
				run = cross(run, e)
				continue
			}
			consider(keep(run))
			run = []string{""}
			if e := exact(s); e != nil {
				run = e
				continue
			}
			consider(heldStrings(s, exact, keep))
		}
		consider(keep(run))
		return best
	}
	return nil
}

// classStrings gives the runes of a small character class as strings, each mapped by form and
// given once, or nil when the class holds more than four.
func classStrings(t *syntax.Regexp, form func(rune) rune) []string {
	var out []string
	for i := 0; i+1 < len(t.Rune); i += 2 {
		if t.Rune[i+1]-t.Rune[i] >= 4 {
			return nil
		}
		for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
			if k := string(form(r)); !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	if len(out) > 4 {
		return nil
	}
	return out
}

// usable returns set unless one of its strings is empty (then a match need hold none) or holds a
// space (windows are counted in words: an anchor must lie inside one).
func usable(set []string) []string {
	for _, s := range set {
		if s == "" || strings.ContainsAny(s, " \u00a0") {
			return nil
		}
	}
	return set
}

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// upperAfterSpace tells whether every match of t holds a run of spaces followed by an upper-case
// letter: a word of the paragraph that starts with one.
func upperAfterSpace(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpCapture:
		return upperAfterSpace(t.Sub[0])
	case syntax.OpConcat:
		for i, s := range t.Sub {
			if i+1 < len(t.Sub) && s.Op == syntax.OpPlus && onlySpaces(s.Sub[0]) && startsUpper(t.Sub[i+1]) {
				return true
			}
			if upperAfterSpace(s) {
				return true
			}
		}
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !upperAfterSpace(s) {
				return false
			}
		}
		return len(t.Sub) > 0
	}
	return false
}

// upperAfter returns, for a pattern that is a sequence of parts one of which is a run of spaces
// followed by a part that starts with an upper-case letter, strings one of which the part before
// the spaces ends with in every match; nil when it finds none. The spaces are those that separate
// words, so the word before the capitalised one ends with that string.
func upperAfter(t *syntax.Regexp) []string {
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	if t.Op != syntax.OpConcat {
		return nil
	}
	for i := 1; i+1 < len(t.Sub); i++ {
		s := t.Sub[i]
		if s.Op == syntax.OpPlus && onlySpaces(s.Sub[0]) && startsUpper(t.Sub[i+1]) {
			if end := tails(t.Sub[i-1]); end != nil {
				return end
			}
			// the parts before may end with an optional piece ([Mm]id-?): their exact strings
			for j := i - 1; j >= 0; j-- {
				e := exact(&syntax.Regexp{Op: syntax.OpConcat, Sub: t.Sub[j:i]})
				if e == nil {
					break
				}
				if e = usable(e); e != nil {
					return e
				}
			}
		}
	}
	return nil
}

// tails returns strings one of which every match of t ends with, none of them empty or holding a
// space; nil when it finds none.
func tails(t *syntax.Regexp) []string {
	if e := exact(t); e != nil {
		return usable(e)
	}
	switch t.Op {
	case syntax.OpCapture:
		return tails(t.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			e := tails(s)
			if e == nil {
				return nil
			}
			out = append(out, e...)
		}
		return out
	case syntax.OpConcat:
		if len(t.Sub) > 0 {
			return tails(t.Sub[len(t.Sub)-1])
		}
	}
	return nil
}

// startsUpper tells whether every match of t starts with an upper-case letter.
func startsUpper(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return startsUpper(t.Sub[0])
	case syntax.OpRepeat:
		return t.Min > 0 && startsUpper(t.Sub[0])
	case syntax.OpConcat:
		return len(t.Sub) > 0 && startsUpper(t.Sub[0])
	case syntax.OpLiteral:
		return t.Flags&syntax.FoldCase == 0 && len(t.Rune) > 0 && unicode.IsUpper(t.Rune[0])
	case syntax.OpCharClass:
		for i := 0; i+1 < len(t.Rune); i += 2 {
			for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
				if !unicode.IsUpper(r) {
					return false
				}
			}
		}
		return len(t.Rune) > 0
	}
	return false
}

// mustDigit tells whether every match of t holds an ASCII digit.
func mustDigit(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpLiteral:
		for _, r := range t.Rune {
			if '0' <= r && r <= '9' {
				return true
			}
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(t.Rune); i += 2 {
			if t.Rune[i] < '0' || t.Rune[i+1] > '9' {
				return false
			}
		}
		return len(t.Rune) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return mustDigit(t.Sub[0])
	case syntax.OpRepeat:
		return t.Min > 0 && mustDigit(t.Sub[0])
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if mustDigit(s) {
				return true
			}
		}
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !mustDigit(s) {
				return false
			}
		}
		return len(t.Sub) > 0
	}
	return false
}

// spaceRuns bounds the runs of spaces (ASCII or no-break) inside a match of t, -1 when unbounded
// or when t's matches depend on their surroundings (anchors, word boundaries).
func spaceRuns(t *syntax.Regexp) int {
	switch t.Op {
	case syntax.OpLiteral:
		for _, r := range t.Rune {
			if isSpaceRune(r) {
				return -1 // a literal space would split a word without being counted: keep it simple
			}
		}
		return 0
	case syntax.OpCharClass:
		return classSpace(t)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpEmptyMatch:
		return 0
	case syntax.OpCapture:
		return spaceRuns(t.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		n := spaceRuns(t.Sub[0])
		if n <= 0 || t.Op == syntax.OpQuest || t.Op == syntax.OpRepeat && t.Max == 1 {
			return n
		}
		if onlySpaces(t.Sub[0]) { // [ \x{00A0}]+ is one run however long
			return 1
		}
		return -1
	case syntax.OpConcat:
		sum := 0
		for _, s := range t.Sub {
			n := spaceRuns(s)
			if n < 0 {
				return -1
			}
			sum += n
		}
		return sum
	case syntax.OpAlternate:
		most := 0
		for _, s := range t.Sub {
			n := spaceRuns(s)
			if n < 0 {
				return -1
			}
			most = max(most, n)
		}
		return most
	}
	return -1 // anchors, word boundaries
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\u00a0' }

// classSpace is 1 when the class holds a space, else 0.
func classSpace(t *syntax.Regexp) int {
	for i := 0; i+1 < len(t.Rune); i += 2 {
		if t.Rune[i] <= ' ' && ' ' <= t.Rune[i+1] || t.Rune[i] <= '\u00a0' && '\u00a0' <= t.Rune[i+1] {
			return 1
		}
	}
	return 0
}

// onlySpaces tells whether t is a class of nothing but spaces.
func onlySpaces(t *syntax.Regexp) bool {
	if t.Op != syntax.OpCharClass {
		return false
	}
	for i := 0; i+1 < len(t.Rune); i += 2 {
		for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
			if !isSpaceRune(r) {
				return false
			}
		}
	}
	return len(t.Rune) > 0
}

// words is a paragraph's words (runs of bytes between spaces) and which of them hold a digit, with
// the digit windows of each reach computed once.
type words struct {
	text    string
	words   [][2]int
	digits  []int          // indexes into words
	years   []int          // indexes of the words that hold a year-like number (19dd, 20dd)
	windows [2][8][][2]int // digit windows, then year windows, by reach (reaches are small)
	made    [2][8]bool     // which of windows are computed
}

func newWords(text string) *words {
	d := &words{text: text, words: make([][2]int, 0, len(text)/6+1)}
	start, digit := -1, false
	end := func(i int) {
		if start >= 0 {
			if digit {
				d.digits = append(d.digits, len(d.words))
				if hasYearLike(text[start:i]) {
					d.years = append(d.years, len(d.words))
				}
			}
			d.words = append(d.words, [2]int{start, i})
		}
		start, digit = -1, false
	}
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == ' ':
			end(i)
		case text[i] == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0:
			end(i)
			i++
		default:
			if start < 0 {
				start = i
			}
			if isDigit(text[i]) {
				digit = true
			}
		}
	}
	end(len(text))
	return d
}

// spansOf returns the byte spans a rule with window w must read.
func (d *words) spansOf(w window) [][2]int {
	if w.upper {
		return d.spans(d.capitalised(w.after), w.reach)
	}
	anchors, kind := d.digits, 0
	if w.year {
		anchors, kind = d.years, 1 // fewer: "1,550", "RS-24" and "5" are no anchors of a year
	}
	if w.lits != nil {
		at := d.holding(w.lits)
		if !w.digit || len(at) < len(anchors) {
			return d.spans(at, w.reach)
		}
	}
	if w.reach >= len(d.windows[kind]) {
		return d.spans(anchors, w.reach)
	}
	if !d.made[kind][w.reach] {
		d.windows[kind][w.reach], d.made[kind][w.reach] = d.spans(anchors, w.reach), true
	}
	return d.windows[kind][w.reach]
}

// holding returns the indexes, in order, of the words that hold one of lits (none holds a space).
func (d *words) holding(lits []string) []int {
	var at []int
	for _, l := range lits {
		for i := 0; ; {
			j := strings.Index(d.text[i:], l)
			if j < 0 {
				break
			}
			pos := i + j
			k := sort.Search(len(d.words), func(k int) bool { return d.words[k][1] > pos })
			if len(at) == 0 || at[len(at)-1] != k {
				at = append(at, k)
			}
			i = d.words[k][1] // the rest of this word adds nothing
		}
	}
	sort.Ints(at)
	return at
}

// capitalised returns the indexes of the words that start with an upper-case letter and, unless
// after is nil, follow a word that ends with one of after.
func (d *words) capitalised(after []string) []int {
	var at []int
	for k, w := range d.words {
		if r, _ := utf8.DecodeRuneInString(d.text[w[0]:w[1]]); unicode.IsUpper(r) && (after == nil || k > 0 && endsWithAny(d.text[d.words[k-1][0]:d.words[k-1][1]], after)) {
			at = append(at, k)
		}
	}
	return at
}

func endsWithAny(s string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// spans returns the byte spans, in order and disjoint, of the words within reach words of an
// anchor word (anchors: sorted word indexes, repeats allowed).
func (d *words) spans(anchors []int, reach int) [][2]int {
	var out [][2]int
	last := -1 // last word index covered
	for _, k := range anchors {
		lo, hi := max(0, k-reach), min(len(d.words)-1, k+reach)
		if len(out) > 0 && lo <= last+1 {
			out[len(out)-1][1] = d.words[hi][1]
		} else {
			out = append(out, [2]int{d.words[lo][0], d.words[hi][1]})
		}
		last = max(last, hi)
	}
	return out
}
