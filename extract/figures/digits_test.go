package figures

import (
	"math/rand"
	"reflect"
	"testing"

	"github.com/armswatch/armswatch/internal/randtext"
)

// findDigits finds what digitsRE finds, on random strings of digits, separators and letters.
func TestFindDigits(t *testing.T) {
	pieces := []string{"1", "2", "12", "123", "1234", "0", ",", ".", " ", "\u00a0", "\u202f", "\u2009", "a", "x1", "-", ",5", ".05", "٣"}
	rng := rand.New(rand.NewSource(15))
	for range 20000 {
		s := randtext.Join(rng, pieces, rng.Intn(12)+1)
		if got, want := findDigits(s), digitsRE().FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: findDigits %v, digitsRE %v", s, got, want)
		}
	}
}
