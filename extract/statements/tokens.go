package statements

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
)

type tokKind uint8

const (
	tWord  tokKind = iota
	tPunct         // one punctuation rune (dashes, commas, colons, brackets, ...)
	tQuote         // a whole quotation part, marks included
)

// token is a word, a punctuation mark or a quotation of a paragraph, with body offsets.
type token struct {
	kind tokKind
	// cls is 1 + the entry of low in the class index (builtin().wordClasses.entry), set by
	// tokenize: the rules ask a token about several word classes, and hashing the word for each
	// question cost more than all of them. 0: not looked up (a token made elsewhere).
	cls        uint16
	part       int32 // which part of q (int32: with kind and cls in one word, a token is 64 bytes)
	text, low  string
	start, end int
	q          *quote // for tQuote
}

func (t token) is(s string) bool { return t.kind != tQuote && t.low == s }

// inClass is inClass(name, t.low).
func (t token) inClass(name string) bool { return classOf(name, t.low, t.cls) }

// cap tells whether a word starts with an upper-case letter.
func (t token) cap() bool { return t.kind == tWord && startsUpper(t.text) }

// isPunct tells whether t is one of the punctuation runes of set.
func (t token) isPunct(set string) bool {
	return t.kind == tPunct && strings.Contains(set, t.text)
}

const dashes = "—–-"

// tokenize splits body[start:end] into tokens; quotation parts (from qs, sorted) become one token.
func tokenize(body string, start, end int, parts []qpart) []token {
	// one allocation for most paragraphs: prose has about a token per six bytes, and growing
	// the slice by doubling allocated twice that and copied it
	toks := make([]token, 0, max(0, end-start)/5+1)
	ix := &builtin().wordClasses
	qcls := ix.entry("") + 1 // a quotation's low
	// the lower-case forms of the ASCII words with capitals, in order: one string for all of
	// them instead of one strings.ToLower allocation each; their tokens wait with low "" (no
	// word lowers to "") until the string is made
	var lows []byte
	i := start
	pi := 0
	for i < end {
		for pi < len(parts) && parts[pi].outer[1] <= i {
			pi++
		}
		if pi < len(parts) && parts[pi].outer[0] == i {
			p := parts[pi]
			toks = append(toks, token{kind: tQuote, cls: qcls, text: body[p.outer[0]:p.outer[1]], start: p.outer[0], end: p.outer[1], q: p.q, part: int32(p.idx)})
			i = p.outer[1]
			continue
		}
		r, w := rune(body[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(body[i:])
		}
		switch {
		case r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r):
			i += w
		case r < utf8.RuneSelf && asciiWord[r] || r >= utf8.RuneSelf && isWordRune(r):
			j := wordEnd(body, i, end)
			low := body[i:j]
			switch ascii, upper := lang.ASCIICase(low); {
			case ascii && upper:
				lows, low = lang.AppendLowerASCII(lows, low), ""
			case !ascii:
				if b, ok := appendLowerCyrillic(lows, low); ok {
					lows, low = b, ""
				} else {
					low = lower(low)
				}
			}
			toks = append(toks, token{kind: tWord, text: body[i:j], low: low, start: i, end: j})
			i = j
		default:
			toks = append(toks, token{kind: tPunct, cls: ix.entry(body[i:i+w]) + 1, text: body[i : i+w], low: body[i : i+w], start: i, end: i + w})
			i += w
		}
	}
	settleWords(toks, string(lows), ix)
	return toks
}

// settleWords gives the waiting word tokens their lower-case forms from lows, in order, and
// every word token its class index entry.
func settleWords(toks []token, lows string, ix *classIndex) {
	for k := range toks {
		t := &toks[k]
		if t.kind != tWord {
			continue
		}
		if t.low == "" {
			t.low, lows = lows[:len(t.text)], lows[len(t.text):] // ASCII: as long as the word
		}
		t.cls = ix.entry(t.low) + 1
	}
}

// appendLowerCyrillic appends the word w in lower case, as strings.ToLower writes it, when it
// is made of ASCII and basic Cyrillic letters (Russian text: strings.ToLower searches unicode's
// case tables for every letter). Each rune keeps its length, so the word's lower case is as long
// as the word. It reports false, having appended nothing, for any other word.
func appendLowerCyrillic(b []byte, w string) ([]byte, bool) {
	n := len(b)
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		case r >= 0x400 && r <= 0x40F:
			r += 0x50 // Ѐ..Џ -> ѐ..џ
		case r >= 0x410 && r <= 0x42F:
			r += 0x20 // А..Я -> а..я
		case !basicCyrillic(r):
			return b[:n], false
		}
		b = utf8.AppendRune(b, r)
	}
	return b, true
}

func isWordRune(r rune) bool { return basicCyrillic(r) || unicode.IsLetter(r) || unicode.IsDigit(r) }

// basicCyrillic tells whether r is one of U+0400..U+045F, the letters of Russian text (Ѐ..я..џ):
// each is a Cyrillic letter (a test checks), which the unicode tables would be searched for.
func basicCyrillic(r rune) bool { return r >= 0x400 && r <= 0x45F }

// asciiWord and asciiSpace hold isWordRune and unicode.IsSpace of every ASCII byte: most of a
// text is read from them, not decoded and asked.
var asciiWord, asciiSpace = func() (w, sp [utf8.RuneSelf]bool) {
	for c := range w {
		w[c], sp[c] = isWordRune(rune(c)), unicode.IsSpace(rune(c))
	}
	return w, sp
}()

// wordEnd finds the end of the word at i: letters and digits, with inner apostrophes, hyphens
// and periods ("Russia's", "non-deployed", "U.S", "В.Путин" stays one word only if no space), and
// numbers with inner colons and commas ("9:42", "1,550").
func wordEnd(s string, i, end int) int {
	j := i
	for j < end {
		if c := s[j]; c < utf8.RuneSelf && asciiWord[c] {
			j++ // most of a word: what isWordRune says of this byte, from a table
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) {
			j += w
			continue
		}
		if (r == ':' || r == ',') && j > i && j+w < end && isDigitAt(s, j-1) && isDigitAt(s, j+w) {
			j += w // "9:42 p.m.", "1,550": one number, not a clause's colon or comma
			continue
		}
		if strings.ContainsRune("'’-.", r) && j+w < end {
			n, _ := utf8.DecodeRuneInString(s[j+w:])
			if isWordRune(n) && !(r == '.' && unicode.IsUpper(n) && (isCyrillicRune(n) || joinedSentence(s, i, j, j+w, end))) {
				j += w
				continue
			}
		}
		break
	}
	return j
}

// joinedSentence tells whether the period at j, inside a word that starts at i, joins two
// sentences that lost the space between them ("the United States.Can they ...", as scraped
// pages print paragraph ends): three lower-case letters before it, and after it a capital
// followed by a lower-case letter. "U.S", "node.JS" and "В.Путин" stay one word.
func joinedSentence(s string, i, j, next, end int) bool {
	if j-i < 3 {
		return false
	}
	for k := j - 3; k < j; k++ {
		if s[k] < 'a' || s[k] > 'z' {
			return false
		}
	}
	r, w := utf8.DecodeRuneInString(s[next:])
	if !unicode.IsUpper(r) || next+w >= end {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(s[next+w:])
	return unicode.IsLower(r2)
}

func isDigitAt(s string, i int) bool { return s[i] >= '0' && s[i] <= '9' }

// isCyrillicRune: no rune below U+0400 is Cyrillic (a test checks), and those are most of the
// letters asked about, which the table search would look up.
func isCyrillicRune(r rune) bool { return r >= 0x400 && unicode.Is(unicode.Cyrillic, r) }

func isCyrillic(s string) bool {
	for _, r := range s {
		if basicCyrillic(r) {
			return true
		}
		if unicode.IsLetter(r) {
			return isCyrillicRune(r)
		}
	}
	return false
}

// opensSentence: a capitalised pronoun, article or conjunction after a period starts a sentence.
func opensSentence(t token) bool {
	if t.kind != tWord || !t.cap() {
		return false
	}
	return t.in(cPronouns) || t.in(cStopCaps)
}

// sentences splits tokens into sentences: after . ! ? (or a quotation ending in one) when a
// capital, a quotation or a dash follows.
func sentences(toks []token) [][]token {
	var out [][]token
	from := 0
	for i := range toks {
		if !endsSentence(toks, i) {
			continue
		}
		if i+1 < len(toks) && !startsSentence(toks[i+1]) {
			continue
		}
		if toks[i].kind == tQuote && askedOrExclaimed(toks[i]) && attributionAt(toks, i+1) {
			continue // "“…?” Trump added during the interview.": the quotation's own attribution
		}
		out = append(out, toks[from:i+1])
		from = i + 1
	}
	if from < len(toks) {
		out = append(out, toks[from:])
	}
	return capLength(out)
}

// maxSentence bounds the tokens of a sentence: text without sentence punctuation (lists, tables)
// would otherwise make the cue scan quadratic.
const maxSentence = 300

func capLength(sents [][]token) [][]token {
	long := false
	for _, s := range sents {
		long = long || len(s) > maxSentence
	}
	if !long {
		return sents
	}
	var out [][]token
	for _, s := range sents {
		for len(s) > maxSentence {
			out = append(out, s[:maxSentence])
			s = s[maxSentence:]
		}
		out = append(out, s)
	}
	return out
}

func endsSentence(toks []token, i int) bool {
	t := toks[i]
	switch t.kind {
	case tQuote:
		in := t.q.inner
		if int(t.part) >= len(in) {
			return false
		}
		// the text inside may end with . ! ? before the closing mark
		last := strings.TrimRight(t.text, "\"”“»' ")
		return strings.HasSuffix(last, ".") || strings.HasSuffix(last, "!") || strings.HasSuffix(last, "?")
	case tPunct:
		if t.text == "!" || t.text == "?" {
			return true
		}
		if t.text != "." || i == 0 {
			return false
		}
		p := toks[i-1]
		if p.kind == tWord && p.end == t.start {
			if lang.DottedLetters(p.text) && !lang.Abbreviation(p.low) {
				// "Rep. G.K. Butterfield" goes on; "Fort Mill, S.C. "It seems ..."" ends
				return !(i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].cap() && !opensSentence(toks[i+1]))
			}
			if lang.Abbreviation(p.low) {
				// "... in the U.S. He says": an abbreviation that leads no word may end a sentence
				// when a word that only opens sentences follows
				return !lang.Leading(p.low) && i+1 < len(toks) && opensSentence(toks[i+1])
			}
			if lang.Initial(p.text) {
				return false // an initial: "V. Putin"
			}
		}
		return true
	}
	return false
}

// askedOrExclaimed tells whether quotation token t ends with a question or exclamation mark
// inside its marks, where a comma would stand before an attribution.
func askedOrExclaimed(t token) bool {
	last := strings.TrimRight(t.text, "\"”“»' ")
	return strings.HasSuffix(last, "?") || strings.HasSuffix(last, "!")
}

// attributionAt tells whether toks[i:] opens with a speaker of a few words and a reporting verb
// ("Trump added", "Senate minority leader Harry Reid told"): after a quotation that ends with
// "?" or "!", that is the quotation's attribution, not a new sentence, whatever follows the verb.
func attributionAt(toks []token, i int) bool {
	cues := builtin().cues
	for k := i; k < len(toks) && k < i+6; k++ {
		if toks[k].kind != tWord {
			return false
		}
		if k > i && cues.match(toks, k) > 0 {
			return true
		}
	}
	return false
}

func startsSentence(t token) bool {
	switch t.kind {
	case tQuote:
		return true
	case tPunct:
		return strings.Contains(dashes+"/([«\"“", t.text)
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
