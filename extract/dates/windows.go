package dates

import "regexp/syntax"

// Windows: a rule whose every match holds a digit and spans a bounded number of words need not
// read a whole paragraph: its regexp runs only on the words around each digit. The patterns have
// no anchors or \b, so a match depends on its own bytes only; if every possible match lies inside
// one window (the digit's word and as many words either side as the pattern has space runs), the
// windows' matches are exactly the paragraph's, in the same order and with the same extents.

// windowing tells, for a pattern, how many words either side of a digit's word its matches reach,
// or -1 when the pattern is not windowed (a match may lack a digit, span unboundedly many words
// or depend on what surrounds it).
func windowing(pattern string) int {
	t, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil || !mustDigit(t) {
		return -1
	}
	return spaceRuns(t)
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

// digitWords is a paragraph's words (runs of bytes between spaces) and which of them hold a digit,
// with the windows of each reach computed once.
type digitWords struct {
	text    string
	words   [][2]int
	digits  []int // indexes into words
	windows map[int][][2]int
}

func newDigitWords(text string) *digitWords {
	d := &digitWords{text: text, windows: map[int][][2]int{}}
	start, digit := -1, false
	end := func(i int) {
		if start >= 0 {
			if digit {
				d.digits = append(d.digits, len(d.words))
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

// spans returns the byte spans, in order and disjoint, of the words within reach words of a
// digit's word.
func (d *digitWords) spans(reach int) [][2]int {
	if w, ok := d.windows[reach]; ok {
		return w
	}
	var out [][2]int
	last := -1 // last word index covered
	for _, k := range d.digits {
		lo, hi := max(0, k-reach), min(len(d.words)-1, k+reach)
		if len(out) > 0 && lo <= last+1 {
			out[len(out)-1][1] = d.words[hi][1]
		} else {
			out = append(out, [2]int{d.words[lo][0], d.words[hi][1]})
		}
		last = hi
	}
	d.windows[reach] = out
	return out
}

// whole is the one window of a rule that reads the whole paragraph.
func whole(text string) [][2]int { return [][2]int{{0, len(text)}} }
