// Package randtext builds random texts from pieces, for the tests that hold a fast path (a byte
// scan, a screen) to the plain reading it replaced, on many texts of the characters that matter.
package randtext

import (
	"math/rand"
	"strings"
)

// Join joins n pieces drawn at random by rng.
func Join(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for ; n > 0; n-- {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}
