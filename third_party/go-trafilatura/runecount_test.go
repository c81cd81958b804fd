package trafilatura

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// armswatch patch: runeCounter must count as utf8.RuneCountInString of the joined strings, with
// runes and invalid sequences split anywhere between them.
func TestRuneCounterMatchesJoined(t *testing.T) {
	pieces := []string{"a", "é", "\u2028", "😀", "\xff", "\xe2", "\x82", "\xac", "\xf0\x9f", "\x98\x80", "\xc3", ""}
	rng := rand.New(rand.NewSource(1))
	for trial := range 20000 {
		var parts []string
		for range rng.Intn(8) {
			var b strings.Builder
			for range rng.Intn(4) {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			s := b.String()
			if rng.Intn(3) == 0 && len(s) > 1 { // cut inside a rune
				s = s[:rng.Intn(len(s))]
			}
			parts = append(parts, s)
		}
		var c runeCounter
		for _, p := range parts {
			c.add(p)
		}
		if got, want := c.total(), utf8.RuneCountInString(strings.Join(parts, "")); got != want {
			t.Fatalf("trial %d: %q: counted %d, want %d", trial, parts, got, want)
		}
	}
}

func TestTextRuneCount(t *testing.T) {
	doc, err := html.Parse(strings.NewReader("<p>Привет, <b>мир</b>!</p><div>😀 \u2028<i>x</i></div>"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := textRuneCount(doc), utf8.RuneCountInString(dom.TextContent(doc)); got != want || got == 0 {
		t.Fatalf("counted %d, want %d", got, want)
	}
}
