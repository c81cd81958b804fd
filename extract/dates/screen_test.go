package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
