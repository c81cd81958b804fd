package content

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipTags never hold article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Head: true,
}

// blockTags end a paragraph when a block of text is split into paragraphs.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Tr: true,
	atom.Table: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Aside: true, atom.Main: true,
	atom.Hr: true, atom.Br: true, atom.Address: true, atom.Details: true, atom.Summary: true,
}

// nodeText is the text of n on one line, without the nodes in skip and the tags that never hold
// text; whitespace runs become one space, NO-BREAK SPACEs stay.
func nodeText(n *html.Node, skip map[*html.Node]bool) string {
	if c := n.FirstChild; n.Type == html.ElementNode && c != nil && c.NextSibling == nil && c.Type == html.TextNode &&
		!skipTags[n.DataAtom] && !skip[n] && !skip[c] {
		// one text child (a link, most paragraphs): its text without copying it first; the spaces
		// a <br>, cell or block adds around it are dropped by cleanText at either end
		return cleanText(c.Data)
	}
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

// blockParagraphs splits the text under n into paragraphs at block elements and line breaks:
// the shape of an extractor's output tree.
func blockParagraphs(n *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := cleanText(cur.String()); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
				cur.WriteByte(' ')
			}
			if blockTags[n.DataAtom] {
				flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockTags[n.DataAtom] {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}

// cleanText collapses whitespace runs to one space but keeps NO-BREAK SPACEs as the page wrote them.
func cleanText(s string) string {
	if tidy(s) {
		return s // most texts of a page: nothing to collapse, no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:]) // an invalid byte is RuneError, written as U+FFFD
		}
		i += n
		if isCollapsed(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if n == 1 && r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isCollapsed tells the runes cleanText turns into a single space.
func isCollapsed(r rune) bool {
	switch r {
	case ' ', '\n', '\t', '\r', '\f', '\v', '\u200b', '\ufeff':
		return true
	}
	return false
}

// tidy reports whether cleanText(s) is s: valid UTF-8 whose only collapsed runes are single
// spaces between other runes.
func tidy(s string) bool {
	space := true // a space at the start is dropped
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r, n = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && n == 1 {
				return false
			}
		}
		i += n
		switch {
		case r == ' ' && !space:
			space = true
		case isCollapsed(r):
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}

// hasAncestorIn reports whether a proper ancestor of n is in set.
func hasAncestorIn(n *html.Node, set map[*html.Node]bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if set[p] {
			return true
		}
	}
	return false
}

// compiled caches the selectors content looks for by string: goquery's Find compiles its
// selector on every call, and a page's analysis asks for the same few (title, h1, author
// meta tags) each time.
var compiled sync.Map // selector -> cascadia.Selector

// find is s.Find(sel) with sel compiled once per process. A selector that does not compile
// matches nothing, as in Find.
func find(s *goquery.Selection, sel string) *goquery.Selection {
	return s.FindMatcher(selector(sel))
}

// selector is sel compiled, once per process.
func selector(sel string) cascadia.Selector {
	m, ok := compiled.Load(sel)
	if !ok {
		c, err := cascadia.Compile(sel)
		if err != nil {
			c = func(*html.Node) bool { return false }
		}
		m, _ = compiled.LoadOrStore(sel, c)
	}
	return m.(cascadia.Selector)
}

// findWhere is find(doc.Selection, sel) for a selector that matches only elements pre accepts:
// one walk of the tree that asks the selector about those alone (a selector group costs a call
// per element and selector, and a page has thousands of elements).
func findWhere(doc *goquery.Document, sel string, pre func(*html.Node) bool) *goquery.Selection {
	m := selector(sel)
	var found []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue // text and comments hold no elements
			}
			if pre(c) && m(c) {
				found = append(found, c)
			}
			walk(c)
		}
	}
	for _, n := range doc.Selection.Nodes {
		walk(n)
	}
	return doc.FindNodes(found...)
}

// isMeta accepts <meta> elements: what a selector group of meta[...] selectors can match.
func isMeta(n *html.Node) bool { return n.Data == "meta" }

// hasItempropOrRel accepts the elements with an itemprop or rel attribute: what
// [itemprop=...] [itemprop=...] and [rel=...] selectors can match.
func hasItempropOrRel(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "itemprop" || a.Key == "rel" {
			return true
		}
	}
	return false
}

// firstOf is find(doc.Selection, sel).First(), found by a walk that stops at the first match
// (the title is near the top of a page).
func firstOf(doc *goquery.Document, sel string) *goquery.Selection {
	if n := firstMatch(doc.Selection.Nodes, selector(sel), nil); n != nil {
		return doc.FindNodes(n)
	}
	return doc.FindNodes()
}
