package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/textutil"
)

// Span is a sentence: its byte range in the body and the index of its paragraph.
type Span struct {
	Start, End, Para int
}

// Sentences splits body into sentences, never across paragraphs: a sentence ends at . ! ? …
// (and closing quotes or brackets) before white space and a capital, digit or opening quote,
// unless the period closes an abbreviation, an initial or dotted letters ("U.S.").
func Sentences(body string) []Span {
	var out []Span
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
			if r == '.' && KeepsPeriod(text[:i-1]) {
				continue
			}
			out = append(out, Span{Start: start, End: p.Start + j, Para: p.Index})
			start = p.Start + k
		}
		if start < p.End {
			out = append(out, Span{Start: start, End: p.End, Para: p.Index})
		}
	}
	return out
}

// KeepsPeriod tells whether the word that ends text, just before a period, keeps the period from
// ending a sentence: an abbreviation ("approx", "Gen"), an initial ("V") or dotted letters
// ("U.S", "т.е").
func KeepsPeriod(text string) bool {
	w := text[strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })+1:]
	w = strings.TrimLeft(w, ".")
	return w != "" && (Abbreviation(w) || Initial(w) || DottedLetters(w))
}
