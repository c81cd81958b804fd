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
			at, r, size := nextStop(text, i, false)
			if at < 0 {
				break
			}
			i = at + size
			end, next, ok := stop(text, i, r)
			if !ok || next >= len(text) {
				continue // the paragraph's end closes its last sentence below
			}
			out = append(out, Span{Start: start, End: p.Start + end, Para: p.Index})
			start = p.Start + next
		}
		if start < p.End {
			out = append(out, Span{Start: start, End: p.End, Para: p.Index})
		}
	}
	return out
}

// LastSentenceStart returns where the last sentence of text begins: just after the last
// sentence stop, which the end of text may follow ("He left. " before a mention), else 0. It
// reads from the end, so a long paragraph costs only its last sentence.
func LastSentenceStart(text string) int {
	for i := len(text); i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if _, next, ok := stop(text, i, r); ok {
			return next
		}
		i -= size
	}
	return 0
}

// FirstSentenceEnd returns where the first sentence of text ends (after its stop and closing
// quotes) or its first line, whichever comes first, else len(text).
func FirstSentenceEnd(text string) int {
	for i := 0; i < len(text); {
		at, r, size := nextStop(text, i, true)
		if at < 0 {
			break
		}
		if r == '\n' {
			return at
		}
		i = at + size
		if end, _, ok := stop(text, i, r); ok {
			return end
		}
	}
	return len(text)
}

// nextStop finds the first rune at or after byte i of text that may end a sentence (. ! ? …),
// or a line break too with lines: its offset (-1: none), the rune and its size. It reads bytes,
// not runes: those ASCII bytes are never part of another rune, and the bytes of … are always
// read as … where a rune-by-rune reading meets them (0xE2 continues no rune), so it finds what
// decoding every rune and asking stop about it found, without a call for each rune.
func nextStop(text string, i int, lines bool) (at int, r rune, size int) {
	for ; i < len(text); i++ {
		switch c := text[i]; c {
		case '.', '!', '?':
			return i, rune(c), 1
		case '\n':
			if lines {
				return i, '\n', 1
			}
		case 0xE2:
			if strings.HasPrefix(text[i:], "…") {
				return i, '…', len("…")
			}
		}
	}
	return -1, 0, 0
}

// stop tells whether the rune r that ends text[:i] ends a sentence: . ! ? or …, then closing
// quotes or brackets, then white space and a capital, digit or opening quote (or the end of
// text), and not the period of an abbreviation. end is where the sentence ends (after the
// closers), next where the following one starts (len(text) at the end).
func stop(text string, i int, r rune) (end, next int, ok bool) {
	if r != '.' && r != '!' && r != '?' && r != '…' {
		return 0, 0, false
	}
	j := i
	for j < len(text) {
		c, n := utf8.DecodeRuneInString(text[j:])
		if !strings.ContainsRune(`"'»”’)]`, c) {
			break
		}
		j += n
	}
	if c, _ := utf8.DecodeRuneInString(text[j:]); j >= len(text) || !unicode.IsSpace(c) {
		return 0, 0, false
	}
	k := j
	for k < len(text) {
		r2, s2 := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsSpace(r2) {
			break
		}
		k += s2
	}
	if k < len(text) {
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"'«“‘(`, next)) {
			return 0, 0, false
		}
	}
	if r == '.' && KeepsPeriod(text[:i-1]) {
		return 0, 0, false
	}
	return j, k, true
}

// KeepsPeriod tells whether the word that ends text, just before a period, keeps the period from
// ending a sentence: an abbreviation ("approx", "Gen"), an initial ("V") or dotted letters
// ("U.S", "т.е").
func KeepsPeriod(text string) bool {
	w := text[strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })+1:]
	w = strings.TrimLeft(w, ".")
	return w != "" && (Abbreviation(w) || Initial(w) || DottedLetters(w))
}
