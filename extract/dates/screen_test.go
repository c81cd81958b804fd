package dates

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/internal/randtext"
)

// The screen of the future markers lets through every text the regexp matches (the corpus's
// sentences and their every prefix and suffix, fold forms of letters included), and turns away
// text without a marker.
func TestScreenedNeverHidesAMatch(t *testing.T) {
	s := compileScreened(futurePattern)
	if len(s.keys) < 20 {
		t.Fatalf("keys %q: the markers' words were not found", s.keys)
	}
	texts := []string{"They’ll go", "it WIʟL", "He Knew it wiKl", "Planſ to meet", "БУДЕТ", "the iſ due date", "won't"}
	for _, dir := range []string{"polnear/dev", "statements-real"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", dir, "*.txt"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				texts = append(texts, strings.Split(string(b), "\n")...)
			}
		}
	}
	for _, text := range texts {
		for _, part := range []string{text, text[:len(text)/2], text[len(text)/2:]} {
			if s.Regexp.MatchString(part) && !s.mayMatch(part) {
				t.Errorf("the screen hides the match in %q", part)
			}
		}
	}
	for _, text := range []string{"The talks ended on Friday.", "Он заявил в понедельник"} {
		if s.mayMatch(text) {
			t.Errorf("the screen lets %q through", text)
		}
	}
}

// endsLikeYearChain is false only where yearChain cannot match: on the corpus's sentences cut
// before each of their years, and on lists of years.
func TestEndsLikeYearChain(t *testing.T) {
	texts := []string{"the 2015 and", "The 2015, 2016 AND ", "its 1999 Or\u00a0", "their 2001,", "the 2015 an", "the 2015 sand"}
	for _, dir := range []string{"polnear/dev", "statements-real", "figures-real"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", dir, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			s := string(b)
			for i := 0; i+2 < len(s); i++ {
				if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && i > 0 {
					texts = append(texts, s[max(0, i-80):i])
				}
			}
		}
	}
	matched := 0
	for _, text := range texts {
		if yearChain().MatchString(text + " ") {
			matched++
			if !endsLikeYearChain(text) {
				t.Errorf("endsLikeYearChain(%q) = false; yearChain matches", text)
			}
		}
	}
	if matched < 3 {
		t.Errorf("yearChain matched %d texts: the test reads too few", matched)
	}
}

// foldKey's byte path for ASCII gives what folding every rune gives, on random text of ASCII,
// Cyrillic, letters with odd fold orbits (KELVIN SIGN, long s, dotless i) and invalid bytes.
func TestFoldKeyByRune(t *testing.T) {
	byRune := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(foldLeast(r))
		}
		return b.String()
	}
	pieces := []string{"a", "Z", "will", "WON'T", " ", "’", "\u212a", "ſ", "ı", "İ", "будет", "ПЛАНИРУЕТ", "ё", "\xff", "\xd0", "\xe2\x80", "é", "ß", "ẞ", "1", "\n"}
	rng := rand.New(rand.NewSource(18))
	for range 3000 {
		if s := randtext.Join(rng, pieces, rng.Intn(30)+1); foldKey(s) != byRune(s) {
			t.Fatalf("foldKey(%q) = %q, rune by rune %q", s, foldKey(s), byRune(s))
		}
	}
}
