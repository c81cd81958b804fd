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
	ps := strings.LastIndex(body[:start], "\n\n")
	if ps < 0 {
		ps = 0
	} else {
		ps += 2
	}
	pe := len(body)
	if i := strings.Index(body[end:], "\n\n"); i >= 0 {
		pe = end + i
	}
	s := ps
	for i := ps; i < start; i++ {
		if _, next, ok := sentenceStop(body, i, pe); ok && next <= start {
			s = next
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
