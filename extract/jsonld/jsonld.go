// Package jsonld reads a page's JSON-LD blocks once, for the parts of the analyzer that use them
// (content's metadata and pubdate's publication dates).
package jsonld

import (
	"encoding/json"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
)

// scripts matches the JSON-LD blocks, compiled once: Find compiled it again on every page.
var scripts = sync.OnceValue(func() cascadia.Selector {
	return cascadia.MustCompile(`script[type="application/ld+json"]`)
})

// Block is one <script type="application/ld+json"> of a page.
type Block struct {
	Text  string // the script's text, for readers that fall back to patterns on broken JSON
	Value any    // the parsed JSON; nil when it does not parse (pages often carry broken JSON-LD)
}

// Blocks are a page's JSON-LD blocks in document order. A nil Blocks means "not read yet";
// an empty non-nil one, a page without any.
type Blocks []Block

// Parse reads every JSON-LD block of doc.
func Parse(doc *goquery.Document) Blocks {
	out := Blocks{}
	if doc == nil {
		return out
	}
	doc.FindMatcher(scripts()).Each(func(_ int, s *goquery.Selection) {
		b := Block{Text: s.Text()}
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(b.Text)), &v) == nil {
			b.Value = v
		}
		out = append(out, b)
	})
	return out
}
