package lang

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/internal/randtext"
)

// ASCIICase and AppendLowerASCII answer what the plain readings answer: strings.ToLower for
// ASCII text, byte offsets kept for any text.
func TestASCIICase(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"Peskov", "NEW", "start", "U.S.", "9M729", " ", "@", "[", "`", "{", "Z", "a", "Песков", "É", "\xff", "\u212a"}
	for n := 0; n < 20000; n++ {
		s := randtext.Join(rng, pieces, rng.Intn(5))
		ascii, upper := ASCIICase(s)
		wantASCII := !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) && !strings.Contains(s, "\xff")
		if ascii != wantASCII || ascii && upper != (strings.ToLower(s) != s) {
			t.Fatalf("ASCIICase(%q) = %v, %v", s, ascii, upper)
		}
		low := string(AppendLowerASCII([]byte("x"), s))
		if len(low) != len(s)+1 || low[0] != 'x' || ascii && low[1:] != strings.ToLower(s) {
			t.Fatalf("AppendLowerASCII(%q) = %q", s, low)
		}
	}
}
