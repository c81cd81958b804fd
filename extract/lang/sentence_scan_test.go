package lang

import (
	"math/rand"
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/textutil"
	"github.com/armswatch/armswatch/internal/randtext"
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
		s := randtext.Join(rng, pieces, rng.Intn(40)+1)
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

// HasCyrillic skips ASCII bytes without decoding them: it answers what asking every rune does,
// on random text of ASCII, Latin-1, Cyrillic of every block, look-alikes and invalid bytes.
func TestHasCyrillicByByte(t *testing.T) {
	byRune := func(s string) bool {
		for _, r := range s {
			if unicode.Is(unicode.Cyrillic, r) {
				return true
			}
		}
		return false
	}
	pieces := []string{"a", "Z", " ", "é", "\u00a0", "Д", "ё", "\u0500", "\u1c80", "\u2de0", "\ua640", "\ufe2e",
		"\U0001E030", "\u0370", "\xd0", "\xff", "\xe2\x80", "—", "1"}
	rng := rand.New(rand.NewSource(23))
	yes := 0
	for range 20000 {
		s := randtext.Join(rng, pieces, rng.Intn(6)+1)
		if got, want := HasCyrillic(s), byRune(s); got != want {
			t.Fatalf("HasCyrillic(%q) = %v, rune by rune %v", s, got, want)
		} else if got {
			yes++
		}
	}
	if yes < 2000 || yes > 18000 {
		t.Fatalf("%d of 20000 texts Cyrillic: the test reads too few of one kind", yes)
	}
}
