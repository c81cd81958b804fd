package lexicon

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/armswatch/armswatch/internal/randtext"
)

// hasCyrillic skips ASCII bytes without decoding them: every token gets the answer asking each
// rune gave, on random tokens of Latin, Cyrillic of every block, look-alikes and invalid bytes.
func TestHasCyrillicByByte(t *testing.T) {
	pieces := []string{"S", "s", "N", "Д", "ё", "С", "\u0500", "\u1c80", "\u2de0", "\ua640", "\ufe2e", "\U0001E030",
		"é", "\u0370", "\xd0", "\xff", "3", "-"}
	rng := rand.New(rand.NewSource(24))
	yes := 0
	for range 20000 {
		s := randtext.Join(rng, pieces, rng.Intn(6)+1)
		want := strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0
		if got := hasCyrillic(s); got != want {
			t.Fatalf("hasCyrillic(%q) = %v, rune by rune %v", s, got, want)
		} else if got {
			yes++
		}
	}
	if yes < 2000 || yes > 18000 {
		t.Fatalf("%d of 20000 tokens Cyrillic: the test reads too few of one kind", yes)
	}
}
