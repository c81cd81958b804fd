package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/textutil"
)

// span is a byte range of the body with the paragraph it lies in.
type span struct {
	start, end, para int
}

// abbreviations end with a period without ending a sentence.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "lt": true,
	"col": true, "sen": true, "rep": true, "gov": true, "no": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "vs": true,
	"approx": true, "etc": true, "inc": true, "corp": true, "т": true, "г": true, "гг": true, "им": true, "тыс": true,
	"млн": true, "млрд": true, "трлн": true, "s": true, "u": true, "n": true, "k": true}

// sentences splits body into sentences, never across paragraphs: a sentence ends at . ! ? (and
// closing quotes or brackets) before a space and a capital, digit or quote, unless the period
// closes an abbreviation or an initial.
func sentences(body string) []span {
	var out []span
	for _, p := range textutil.Paragraphs(body) {
		start := p.Start
		text := p.Text
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if r != '.' && r != '!' && r != '?' && r != '…' {
				continue
			}
			j := i
			for j < len(text) && strings.ContainsRune(`"'»”’)]`, rune(text[j])) {
				j++
			}
			if j >= len(text) || !unicode.IsSpace(rune(text[j])) && text[j] != 0xc2 {
				continue
			}
			k := j
			for k < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[k:])
				if !unicode.IsSpace(r2) {
					break
				}
				k += s2
			}
			if k >= len(text) {
				continue
			}
			next, _ := utf8.DecodeRuneInString(text[k:])
			if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"'«“‘(`, next)) {
				continue
			}
			if r == '.' && abbreviations[strings.ToLower(textutil.LastWord(text[:i-1]))] {
				continue
			}
			if w := textutil.LastWord(text[:i-1]); r == '.' && utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
				continue
			}
			out = append(out, span{start: start, end: p.Start + j, para: p.Index})
			start = p.Start + k
		}
		if start < p.End {
			out = append(out, span{start: start, end: p.End, para: p.Index})
		}
	}
	return out
}
