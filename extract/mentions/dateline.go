package mentions

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/textutil"
)

// datelinePattern finds a wire dateline at the start of a body ("MOSCOW, October 21. /TASS/.",
// "WASHINGTON (Reuters) -", "МОСКВА, 21 октября. /ТАСС/."). It is the fallback when the caller
// passes no Skip range: the agency tag there is the source, not a mention.
const datelinePattern = `^\p{Lu}[\p{L}\p{Zs}.'-]{1,40}?(?:\p{Zs}*/[^/\n]{1,40}/)?[,.]?\p{Zs}*(?:[^.\n/()]{1,25}[.,]?\p{Zs}*)?(?:/[\p{Lu}\p{Zs}-]{2,20}/\.?|\([^)\n]{1,30}\)\p{Zs}*[-–—]|[A-ZА-Я][A-ZА-Я.]{2,20}\p{Zs}*[-–—])`

var datelineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(datelinePattern) })

// datelineEnds: every dateline ends with an agency between slashes or a dash, so a paragraph
// whose head holds none of these is not read by the regexp, which backtracks through most of the
// head of any paragraph that starts with a capital.
const datelineEnds = "/-–—"

// datelineReach bounds the runes other than spaces (Zs) a dateline holds: the pattern's only
// unbounded parts are runs of spaces. A paragraph is read only that far (see nonSpacePrefix):
// the regexp read whole paragraphs, hundreds of bytes each, for a match of a few dozen.
var datelineReach = sync.OnceValue(func() int {
	t, err := syntax.Parse(datelinePattern, syntax.Perl)
	if err != nil {
		return -1
	}
	return nonSpaceBound(t)
})

// datelineSpan returns the byte range of a dateline opening one of the first three paragraphs
// (a headline may come first), or nil.
func datelineSpan(body string) [][2]int {
	for _, p := range textutil.FirstParagraphs(body, 3) {
		head := nonSpacePrefix(p.Text, datelineReach())
		if !strings.ContainsAny(head, datelineEnds) {
			continue
		}
		if loc := datelineRE().FindStringIndex(head); loc != nil {
			return [][2]int{{p.Start + loc[0], p.Start + loc[1]}}
		}
	}
	return nil
}

// nonSpacePrefix returns the longest prefix of text that holds at most n runes other than spaces
// (Zs); all of text when n < 0. Every match the bounded pattern finds in text lies inside it, so
// the regexp finds the same match there (it has no end anchor, and each match is one of its own
// bytes).
func nonSpacePrefix(text string, n int) string {
	if n < 0 {
		return text
	}
	for i := 0; i < len(text); {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		if r != ' ' && (r < utf8.RuneSelf || !unicode.Is(unicode.Zs, r)) {
			if n == 0 {
				return text[:i]
			}
			n--
		}
		i += w
	}
	return text
}

// nonSpaceBound bounds the runes other than spaces (Zs) a match of t holds, -1 when unbounded:
// a repetition without a maximum is bounded only when it repeats spaces alone.
func nonSpaceBound(t *syntax.Regexp) int {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		return len(t.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return nonSpaceBound(t.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		if t.Op == syntax.OpRepeat && t.Max >= 0 {
			n := nonSpaceBound(t.Sub[0])
			if n < 0 {
				return -1
			}
			return n * t.Max
		}
		if onlySpaces(t.Sub[0]) {
			return 0
		}
		return -1
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, s := range t.Sub {
			n := nonSpaceBound(s)
			if n < 0 {
				return -1
			}
			if t.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return -1
}

// onlySpaces tells whether t is a space (Zs) or a class of spaces alone.
func onlySpaces(t *syntax.Regexp) bool {
	if t.Op == syntax.OpLiteral && len(t.Rune) == 1 {
		return unicode.Is(unicode.Zs, t.Rune[0])
	}
	if t.Op != syntax.OpCharClass || len(t.Rune) == 0 {
		return false
	}
	for i := 0; i+1 < len(t.Rune); i += 2 {
		for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
			if !unicode.Is(unicode.Zs, r) {
				return false
			}
		}
	}
	return true
}
