package statements

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/textutil"
)

// quote is one quotation: its inner text in one or more parts (a quote running over several
// paragraphs has one part per paragraph), and the byte range of each part with its marks.
type quote struct {
	inner [][2]int // text between the marks, trimmed, per paragraph
	outer [][2]int // the same parts with their marks
	para  int      // paragraph of the opening mark
	used  bool     // already part of a statement
	body  string
	// attr is the range of an attribution inside the marks («…, — сказал он. — …»), or zero
	attr  [2]int
	words int // 1 + the words inside the marks once quoteWords counted them, else 0
}

func (q *quote) text(sp [2]int) string { return q.body[sp[0]:sp[1]] }

// closers maps each opening double mark to the marks that may close it.
var closers = map[rune]string{
	'"': `"”`, // a straight mark closed by a curly one: mixed marks in edited copy
	'“': `”“"`,
	'«': `»`,
	'„': `“”"`,
	'”': `”`,
}

// markAt decodes the rune at i of s, reading two apostrophes as one straight double mark:
// some newspapers (and their archives) write two apostrophes for a double quotation mark. Of
// three apostrophes, the first is a single mark closing a nested quotation.
func markAt(s string, i int) (rune, int) {
	if strings.HasPrefix(s[i:], "''") && !strings.HasPrefix(s[i:], "'''") {
		return '"', 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isOpener tells whether the mark at i of s can open a quotation.
func isOpener(s string, i int, r rune) bool {
	if _, ok := closers[r]; !ok {
		return false
	}
	if r == '"' || r == '”' {
		// a straight (or misused closing) mark opens after a space or at the start
		_, w := markAt(s, i)
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+w:])
		if i > 0 && !unicode.IsSpace(prev) && !strings.ContainsRune("([{—–-/:«„“", prev) {
			return false
		}
		return next != utf8.RuneError && !unicode.IsSpace(next)
	}
	return true
}

// isCloser tells whether the mark at i of s (a member of set) can close the quotation.
func isCloser(s string, i int, r rune, set string) bool {
	if !strings.ContainsRune(set, r) {
		return false
	}
	if r == '"' || r == '“' {
		prev, w := utf8.DecodeLastRuneInString(s[:i])
		if r == '"' && prev == ' ' && i > w {
			// "… 'inner,' " Magel said": some papers set a space between a closing single
			// mark and the double one that closes around it
			before, _ := utf8.DecodeLastRuneInString(s[:i-w])
			return before == '\'' || before == '’'
		}
		return i > 0 && !unicode.IsSpace(prev)
	}
	return true
}

// markLead marks the bytes a quotation mark can start with: '"', the apostrophe of two
// apostrophes, and the lead bytes of «» (0xC2) and of “”„ (0xE2). None of them is a UTF-8
// continuation byte, so the scans below step over every other byte one at a time and still stop
// at the same runes as a rune-by-rune scan: decoding each rune of a page and asking the closers
// map about it was most of the quotation finder's time.
var markLead = [256]bool{'"': true, '\'': true, 0xC2: true, 0xE2: true}

// nextMarkLead returns the first offset from i, before end, of a byte in markLead (else end).
func nextMarkLead(s string, i, end int) int {
	for i < end && !markLead[s[i]] {
		i++
	}
	return i
}

// maxStrays is how many marks that open no quotation a paragraph may hold before the rest of it
// is no longer searched for quotations. Each one is read to the paragraph's end, so a
// paragraph of thousands of unbalanced marks (a scraped data dump, hostile input) cost
// quadratic time: 20,000 in one 280 KB paragraph took over 30 s. Prose holds a few at most.
const maxStrays = 32

// findQuotes finds the quotations of body. Unbalanced marks are skipped; a quotation left open
// at the end of a paragraph continues when the next paragraph opens with a mark, and otherwise
// ends with its paragraph.
func findQuotes(body string, paras []textutil.Paragraph) []*quote {
	var out []*quote
	for pi := 0; pi < len(paras); pi++ {
		p := paras[pi]
		i := p.Start
		strays := 0
		for i < p.End {
			if strays > maxStrays {
				break // each stray mark scans to the paragraph's end: garbage, not prose
			}
			if i = nextMarkLead(body, i, p.End); i >= p.End {
				break
			}
			r, w := markAt(body[:p.End], i)
			if !isOpener(body[:p.End], i, r) || i == p.Start && markedTurn(body, p) {
				i += w
				continue
			}
			q, next, lastPara := scanQuote(body, paras, pi, i, r)
			if q != nil {
				out = append(out, q)
			} else {
				strays++
			}
			if lastPara != pi {
				pi = lastPara
				p = paras[pi]
			}
			i = next
		}
	}
	return out
}

// scanQuote reads the quotation opening with mark r at i in paragraph pi. It returns the quote
// (nil when it has no text), the offset after it and the paragraph it ended in.
func scanQuote(body string, paras []textutil.Paragraph, pi, i int, r rune) (*quote, int, int) {
	set := closers[r]
	q := &quote{para: pi, body: body}
	start := i
	_, ow := markAt(body, i)
	j := i + ow // the mark may be two apostrophes
	depth := 0
	for {
		p := paras[pi]
		for j < p.End {
			if !markLead[body[j]] {
				j++ // no mark: none of the cases below applies
				continue
			}
			c, w := markAt(body[:p.End], j)
			switch {
			case c == r && r == '«':
				depth++ // «…«…»…»: nested guillemets
			case c == '"' && r == '"' && j > 0 && unicode.IsSpace(rune(body[j-1])) && isOpener(body[:p.End], j, c):
				depth++ // "… "nested" …": straight quotes inside straight quotes
			case isCloser(body[:p.End], j, c, set):
				if depth > 0 && (c == '»' || c == '"' && r == '"') {
					depth--
					break
				}
				q.addPart(body, start, j, j+w)
				return q.orNil(), j + w, pi
			}
			j += w
		}
		// open at the end of the paragraph: continue only if the next one opens with a mark
		if pi+1 < len(paras) {
			n := paras[pi+1]
			c, w := markAt(body[:n.End], n.Start)
			if _, ok := closers[c]; ok && n.End > n.Start && !markedTurn(body, n) {
				q.addPart(body, start, p.End, p.End)
				pi++
				start = n.Start
				j = n.Start + w
				r = c
				set = closers[c]
				depth = 0
				continue
			}
		}
		if len(q.inner) == 0 && !startsParagraph(body, paras[pi], start) {
			// a stray mark inside a sentence: not a quotation
			_, w := markAt(body, start)
			return nil, start + w, pi
		}
		q.addPart(body, start, p.End, p.End)
		return q.orNil(), p.End, pi
	}
}

// markedTurn tells whether paragraph p opens with a quotation mark and a transcript label
// ("\"PENCE: Well, look, ..."): in a transcript quoted in full the mark is the transcript's,
// and each turn is its speaker's, not one quotation running over all the turns.
func markedTurn(body string, p textutil.Paragraph) bool {
	r, w := markAt(body[:p.End], p.Start)
	if _, ok := closers[r]; !ok {
		return false
	}
	end := min(p.End, p.Start+w+80) // enough for a label of ten tokens and its colon
	if s := p.Start + w; s >= end || strings.IndexByte(body[s:end], ':') < 0 {
		return false // a label ends with a colon token, which only a ':' makes: no tokens to read
	}
	_, _, ok := labelAt(tokenize(body, p.Start+w, end, nil))
	return ok
}

func startsParagraph(body string, p textutil.Paragraph, i int) bool {
	return strings.TrimSpace(body[p.Start:i]) == ""
}

// addPart records the part whose opening mark is at open, whose text ends at closeAt and whose
// closing mark (if any) ends at end.
func (q *quote) addPart(body string, open, closeAt, end int) {
	_, w := markAt(body, open)
	s, e := trimSpan(body, open+w, closeAt)
	// a comma before the closing mark belongs to the sentence, not to the quote
	for e > s && strings.ContainsRune(",;:", rune(body[e-1])) {
		e--
		s, e = trimSpan(body, s, e)
	}
	if e > s {
		q.inner = append(q.inner, [2]int{s, e})
	}
	q.outer = append(q.outer, [2]int{open, end})
}

func (q *quote) orNil() *quote {
	if len(q.inner) == 0 {
		return nil
	}
	return q
}

// trimSpan shrinks [s,e) past spaces (U+00A0 included) on both sides.
func trimSpan(body string, s, e int) (int, int) {
	for s < e {
		r, w := utf8.DecodeRuneInString(body[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(body[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
	}
	return s, e
}

// words counts the words of s: the fields strings.FieldsFunc(s, notWordRune) would return,
// counted without building them.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := !notWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// innerAttr matches an attribution set off by dashes inside one pair of marks, Russian style:
// «Работы идут по графику, — сказал он. — Его дальность ...».
var innerAttr = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[,.!?]?\s+[—–]\s+(\p{Ll}[\p{L}-]*(?:\s+[\p{L}.()-]+){0,8}?)[.,]\s+[—–]\s+(\S)`)
})

// splitInner cuts a one-part quotation around an attribution between dashes inside it, when
// that attribution opens with a reporting verb.
func (q *quote) splitInner(cues *phraseSet) {
	if len(q.inner) != 1 {
		return
	}
	in := q.inner[0]
	text := q.body[in[0]:in[1]]
	if strings.Count(text, "—")+strings.Count(text, "–") < 2 {
		return // the pattern needs two dashes; most quotations have none, and the regexp is slow to say no
	}
	m := innerAttr().FindStringSubmatchIndex(text)
	if m == nil {
		return
	}
	a0, a1 := in[0]+m[2], in[0]+m[3]
	toks := tokenize(q.body, a0, a1, nil)
	if cues.match(toks, 0) == 0 {
		return
	}
	s1, e1 := in[0], in[0]+m[0]
	s1, e1 = trimSpan(q.body, s1, e1)
	s2 := in[0] + m[4] // the first letter of the second part
	if e1 <= s1 || s2 >= in[1] {
		return
	}
	q.inner = [][2]int{{s1, e1}, {s2, in[1]}}
	q.attr = [2]int{a0, a1}
}
