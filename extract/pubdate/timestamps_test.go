package pubdate

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// timestamps must find what the regexp it replaced found, in the same order.
func TestTimestampsMatchTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`(?:\d{4}-\d\d-\d\d|\d\d\.\d\d\.\d{4})[T ]\d\d:\d\d:\d\d`)
	cases := []string{
		"", ":", "2020-10-21T12:00:00", "x2020-10-21 12:00:00y", "21.10.2020 12:00:00",
		"2020-10-21T12:00:002020-10-21T13:00:00", "12020-10-21T12:00:00:00", "2020-10-21T12:00",
		`<time datetime="2020-10-21T12:34:56+03:00">21.10.2020 12:34:56</time>`, "2020-10-21t12:00:00",
		"٢٠٢٠-10-21T12:00:00", "2020-10-21T12:00:00:00:00",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789-.:T x"
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(60) {
			if rng.IntN(8) == 0 {
				b.WriteString([]string{"2020-10-21T12:00:00", "21.10.2020 12:00:00", "2020-10-21 1"}[rng.IntN(3)])
			}
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		for _, n := range []int{1, 2, 20} {
			want, got := re.FindAllString(s, n), timestamps(s, n)
			if !slices.Equal(want, got) {
				t.Fatalf("timestamps(%q, %d) = %q; the regexp finds %q", s, n, got, want)
			}
		}
	}
}
