package dates

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/internal/randtext"
)

// Every rule's search tried only where a match can start finds what the plain search finds: on
// the corpus's lines and on random texts of date words, their pieces, spaces, capitals,
// Cyrillic and invalid bytes.
func TestStartsFindWhatTheRegexpFinds(t *testing.T) {
	texts := []string{"in May", "Since Marchesi", "the day before yesterday", "В\u00a0начале года", "\xffMay 5, 2020"}
	for _, dir := range []string{"polnear/dev", "statements-real", "figures-real"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", dir, "*.txt"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				texts = append(texts, strings.Split(string(b), "\n")...)
			}
		}
	}
	pieces := []string{" ", "  ", "\u00a0", "\u3000", ",", ".", "-", "–", "of ", "the ", "In ", "in", "since ", "Mid-",
		"end", "May", "March", "Sept.", "Monday", "on ", "last ", "Next ", "year", "week", "ago", "today", "Yesterday",
		"5", "21st", "2020", "1999", "19", "от", "в ", "В", "мая", "октября", "году", "г.", "назад", "прошлой", "неделе",
		"Ʞ", "K", "\u212a", "ſ", "\xff", "\xd0", "x", "At", "the beginning", "from ", "between ", "and ", "to "}
	rng := rand.New(rand.NewSource(15))
	random := 30000
	if raceEnabled {
		random = 2000
	}
	for n := 0; n < random; n++ {
		texts = append(texts, randtext.Join(rng, pieces, rng.Intn(16)))
	}
	screened := 0
	for _, r := range rules() {
		s := r.pat.starts()
		if s == nil {
			continue
		}
		screened++
		for _, text := range texts {
			want := r.pat.re().FindAllStringSubmatchIndex(text, -1)
			if got := s.findAll(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, %q: %v, want %v", r.name, text, got, want)
			}
		}
	}
	if screened < len(rules())/2 {
		t.Errorf("only %d of %d rules screen their starts", screened, len(rules()))
	}
}

// The first runes of a pattern: case-folded literals, classes, optional openings; none when a
// match may be empty or open with anything.
func TestStartsOf(t *testing.T) {
	for _, c := range []struct {
		pattern   string
		can, cant string
	}{
		{`(?i)kg`, "kK\u212a", "gx"},
		{`(?:[Ii]n|by)? \d`, "Iib ", "n5"},
		{`\p{Lu}[a-z]+`, "AМÉ", "aм5"},
		{`[вВ]о?\s`, "вВ", "оx"},
	} {
		s := startsOf(c.pattern)
		if s == nil {
			t.Fatalf("%s: no starts", c.pattern)
		}
		for _, r := range c.can {
			if !s.can(r) {
				t.Errorf("%s: %q cannot start a match", c.pattern, r)
			}
		}
		for _, r := range c.cant {
			if s.can(r) {
				t.Errorf("%s: %q can start a match", c.pattern, r)
			}
		}
	}
	for _, p := range []string{`a?`, `.x`, `^a`, `\bx`, `(?:a|b*)`} {
		if startsOf(p) != nil {
			t.Errorf("%s: starts, want none", p)
		}
	}
}
