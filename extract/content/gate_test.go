package content

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"

	"github.com/armswatch/armswatch/internal/randtext"
)

// The gate lets through every element the selectors match, on random pages whose class
// attributes hold the selectors' classes and others, split by every separator cascadia knows,
// repeated, and in two class attributes, and whose text nodes read like the tags.
func TestGateByClass(t *testing.T) {
	sels := []string{".a", "div.b.c", "p.c[x]", "span", ".a-b_1"}
	var compiled []cascadia.Selector
	for _, s := range sels {
		compiled = append(compiled, cascadia.MustCompile(s))
	}
	g := gateOf(sels)
	if g == nil {
		t.Fatal("no gate")
	}
	match := anyOf(compiled)
	classes := []string{"a", "b", "c", "a-b_1", "ab", "A", " ", "\t", "\n", "\r", "\f", "\u00a0", "x"}
	rng := rand.New(rand.NewSource(15))
	passed := 0
	for range 300 {
		var b strings.Builder
		b.WriteString("<html><body>")
		for n := rng.Intn(20); n >= 0; n-- {
			tag := []string{"div", "p", "span", "b"}[rng.Intn(4)]
			b.WriteString("<" + tag + ` class="` + randtext.Join(rng, classes, rng.Intn(5)) + `"`)
			if rng.Intn(3) == 0 {
				b.WriteString(` class="` + randtext.Join(rng, classes, rng.Intn(3)) + `" x="1"`)
			}
			b.WriteString(">" + []string{"t", "span", "a"}[rng.Intn(3)] + "</" + tag + ">") // text nodes named as tags
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		want := doc.FindMatcher(match).Nodes
		if got := doc.FindMatcher(g.gated(match)).Nodes; !slices.Equal(got, want) {
			t.Fatalf("%s: %d nodes behind the gate, %d without", b.String(), len(got), len(want))
		}
		passed += len(want)
	}
	if passed < 300 {
		t.Errorf("only %d matches: the pages test too little", passed)
	}
}
