package lang

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/textutil"
)

// sentencesByRune and firstEndByRune are Sentences and FirstSentenceEnd as they read before
// nextStop: every rune decoded and handed to stop.
func sentencesByRune(body string) []Span {
	var out []Span
	for _, p := range textutil.Paragraphs(body) {
		start := p.Start
		for i := 0; i < len(p.Text); {
			r, size := utf8.DecodeRuneInString(p.Text[i:])
			i += size
			end, next, ok := stop(p.Text, i, r)
			if !ok || next >= len(p.Text) {
				continue
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

func firstEndByRune(text string) int {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			return i
		}
		i += size
		if end, _, ok := stop(text, i, r); ok {
			return end
		}
	}
	return len(text)
}

// Reading bytes for the stops finds the sentences rune-by-rune reading found, on random text of
// stops, closers, abbreviations, Cyrillic, ellipses whole and cut, and invalid bytes.
func TestSentenceStopsByByte(t *testing.T) {
	pieces := []string{"He", "left", ".", "!", "?", "…", "\xe2\x80", "\xe2", "\xa6", "\xff", "\xf0\xe2\x80\xa6",
		" ", "  ", "\u00a0", "\n", "\n\n", "\"", "”", "»", "’", ")", "U.S.", "Gen.", "V.", "т.е.", "Он", "сказал",
		"2020", "«", "(", "approx.", "a", "B"}
	rng := rand.New(rand.NewSource(19))
	stops := 0
	for range 5000 {
		var b strings.Builder
		for n := rng.Intn(40); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		got, want := Sentences(s), sentencesByRune(s)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Sentences(%q) = %v, rune by rune %v", s, got, want)
		}
		stops += len(got)
		if g, w := FirstSentenceEnd(s), firstEndByRune(s); g != w {
			t.Fatalf("FirstSentenceEnd(%q) = %d, rune by rune %d", s, g, w)
		}
	}
	if stops < 5000 {
		t.Fatalf("only %d sentences: the random text ends too few", stops)
	}
}
