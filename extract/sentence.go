package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SentenceSpan returns the byte range of the sentence of body that holds [start, end): the
// context a figure is quoted in. Sentences never cross a paragraph ("\n\n"). A sentence ends at
// . ! or ? (and any closing quotes) followed by white space and a capital, digit or opening
// quote, unless the word before the stop is an abbreviation ("Mr.", "U.S.", "Feb.").
func SentenceSpan(body string, start, end int) (int, int) {
	start = clamp(start, 0, len(body))
	end = clamp(end, start, len(body))
	lo := runeStartAfter(body, max(0, start-maxSentence))
	hi := runeStartAfter(body, min(len(body), end+maxSentence))
	ps := lo
	if i := strings.LastIndex(body[lo:start], "\n\n"); i >= 0 {
		ps = lo + i + 2
	}
	pe := hi
	if i := strings.Index(body[end:hi], "\n\n"); i >= 0 {
		pe = end + i
	}
	s := ps
	for i := start - 1; i >= ps; i-- { // the last stop before the figure opens its sentence
		if _, next, ok := sentenceStop(body, i, pe); ok && next <= start {
			s = next
			break
		}
	}
	e := pe
	for i := end; i < pe; i++ {
		if stop, _, ok := sentenceStop(body, i, pe); ok {
			e = stop
			break
		}
	}
	return s, e
}

// maxSentence bounds how far a figure's sentence is looked for on each side of it. Without a
// bound each figure read its paragraph from the start, and a body of one paragraph from the
// top: a 400 KB run-on "sentence" of 10,000 figures (a scraped table, hostile input) took
// 40 s, past any analysis timeout. Prose sentences are far shorter.
const maxSentence = 4096

// runeStartAfter is i, or the start of the next rune when i falls inside one.
func runeStartAfter(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// sentenceStop tells whether body[i] ends a sentence; stop is the end of the sentence (after
// closing quotes), next the start of the following one.
func sentenceStop(body string, i, limit int) (stop, next int, ok bool) {
	if c := body[i]; c != '.' && c != '!' && c != '?' {
		return 0, 0, false
	}
	if body[i] == '.' && isAbbreviation(body[:i]) {
		return 0, 0, false
	}
	k := i + 1
	for k < limit {
		r, n := utf8.DecodeRuneInString(body[k:])
		if !strings.ContainsRune(`"')]”’»`, r) {
			break
		}
		k += n
	}
	m := k
	for m < limit {
		r, n := utf8.DecodeRuneInString(body[m:])
		if !unicode.IsSpace(r) {
			break
		}
		m += n
	}
	if m == k || m >= limit {
		return 0, 0, false
	}
	r, _ := utf8.DecodeRuneInString(body[m:])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`"'“‘«(`, r) {
		return 0, 0, false
	}
	return k, m, true
}

// isAbbreviation tells whether the word ending text (just before a period) is an abbreviation:
// a single letter ("U.S", "J"), or a common title or month abbreviation.
func isAbbreviation(text string) bool {
	w := text[strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })+1:]
	if w == "" {
		return false
	}
	if i := strings.LastIndexByte(w, '.'); i >= 0 { // "U.S" → "S"; "e.g" → "g"
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "adm", "sen", "rep", "gov",
		"st", "jr", "sr", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec", "approx", "est":
		return true
	}
	return false
}
