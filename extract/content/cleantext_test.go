package content

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/armswatch/armswatch/internal/randtext"
)

// cleanTextByRune is cleanText as it read before its fast paths: every rune decoded and written.
func cleanTextByRune(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\n', '\t', '\r', '\f', '\v', '\u200b', '\ufeff':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// cleanText's byte path and its no-copy path for tidy text give what the rune-by-rune reading
// gave, on random text of words, every collapsed rune, no-break spaces, U+FFFD and invalid bytes;
// tidy text comes back as the same string.
func TestCleanTextByRune(t *testing.T) {
	pieces := []string{"a", "Word", "Слово", " ", " ", " ", "\n", "\t", "\r", "\f", "\v", "\u200b", "\ufeff", "\u00a0",
		"\uFFFD", "\xff", "\xe2\x80", "—", "1"}
	rng := rand.New(rand.NewSource(20))
	same := 0
	for range 20000 {
		s := randtext.Join(rng, pieces, rng.Intn(12))
		got, want := cleanText(s), cleanTextByRune(s)
		if got != want {
			t.Fatalf("cleanText(%q) = %q, rune by rune %q", s, got, want)
		}
		if tidy(s) != (want == s) {
			t.Fatalf("tidy(%q) = %v, but cleanText gives %q", s, tidy(s), want)
		}
		if want == s {
			same++
		}
	}
	if same < 1000 {
		t.Fatalf("only %d tidy texts: the test reads too few", same)
	}
}

// nodeTextByWalk is nodeText without its one-text-child path.
func nodeTextByWalk(n *html.Node, skip map[*html.Node]bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if skip[n] {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br || n.DataAtom == atom.Td || n.DataAtom == atom.Th {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockTags[n.DataAtom] {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return cleanText(b.String())
}

// nodeText's path for an element with one text child gives what walking it gives, for every
// node of random pages of links, cells, breaks, blocks, scripts and skipped nodes.
func TestNodeTextOneChild(t *testing.T) {
	tags := []string{"a", "p", "td", "th", "br", "div", "span", "script", "li", "b"}
	texts := []string{"", " ", "word", " two words ", "\n", "Слово\u00a0x", "\xff"}
	rng := rand.New(rand.NewSource(21))
	oneChild := 0
	for range 300 {
		var b strings.Builder
		b.WriteString("<html><body>")
		for n := rng.Intn(30); n >= 0; n-- {
			tag := tags[rng.Intn(len(tags))]
			fmt.Fprintf(&b, "<%s>%s", tag, texts[rng.Intn(len(texts))])
			if rng.Intn(3) > 0 {
				fmt.Fprintf(&b, "</%s>", tag)
			}
			b.WriteString(texts[rng.Intn(len(texts))])
		}
		doc, err := html.Parse(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		var nodes []*html.Node
		var all func(*html.Node)
		all = func(n *html.Node) {
			nodes = append(nodes, n)
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				all(c)
			}
		}
		all(doc)
		skip := map[*html.Node]bool{}
		for _, n := range nodes {
			if rng.Intn(8) == 0 {
				skip[n] = true
			}
		}
		for _, n := range nodes {
			for _, sk := range []map[*html.Node]bool{nil, skip} {
				if got, want := nodeText(n, sk), nodeTextByWalk(n, sk); got != want {
					t.Fatalf("nodeText(<%s>) = %q, walking %q", n.Data, got, want)
				}
			}
			if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode {
				oneChild++
			}
		}
	}
	if oneChild < 1000 {
		t.Fatalf("only %d elements with one text child", oneChild)
	}
}
