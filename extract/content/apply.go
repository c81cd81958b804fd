package content

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// applyProfile fills r from the page with the profile's selectors. The shared tree is not changed:
// removed elements are skipped while reading text, not deleted.
func applyProfile(doc *goquery.Document, p *profile, r *Result) {
	r.Profile, r.Source, r.Language = p.Name, p.Source, p.Language
	scope := doc.Selection
	if p.root != nil {
		if root := firstMatch(doc.Selection.Nodes, p.root, nil); root != nil {
			scope = doc.FindNodes(root)
		}
	}
	skip := removed(doc, scope, p)
	first := func(sel cascadia.Selector) string {
		if sel == nil {
			return ""
		}
		return firstText(scope.Nodes, sel, skip)
	}
	r.Title, r.Subtitle = first(p.title), first(p.lead)
	r.Section = first(p.section)
	r.Paragraphs = profileBody(scope, p.body, skip)
	r.Authors = profileAuthors(scope, p, skip)
	r.Published = profileTime(doc, scope, p, r)
}

// removed returns the elements the profile's remove selectors match where reading the fields
// can meet them: inside scope, and scope's own elements and their ancestors (an element under a
// removed one is skipped). Everything read is under scope, so the rest of the page (a TASS page's
// menus, footer and related news, most of it) is not walked. One walk for all the selectors.
func removed(doc *goquery.Document, scope *goquery.Selection, p *profile) map[*html.Node]bool {
	skip := map[*html.Node]bool{}
	if len(p.remove) == 0 {
		return skip
	}
	match := p.removeGate.gated(anyOf(p.remove))
	if removeWholePage {
		scope = doc.Selection
	}
	for _, n := range scope.FindMatcher(match).Nodes {
		skip[n] = true
	}
	for _, top := range scope.Nodes {
		for a := top; a != nil; a = a.Parent {
			if a.Type == html.ElementNode && match(a) {
				skip[a] = true
			}
		}
	}
	return skip
}

// removeWholePage walks the whole page for the remove selectors, as before removed read scope
// only; a variable for the test that compares the two.
var removeWholePage = false

// profileBody reads the body's paragraph elements in document order. An element inside another
// matched one (a <p> inside a matched <blockquote>) is already part of its text.
func profileBody(scope *goquery.Selection, body cascadia.Selector, skip map[*html.Node]bool) []string {
	nodes := scope.FindMatcher(body).Nodes
	matched := make(map[*html.Node]bool, len(nodes))
	for _, n := range nodes {
		matched[n] = true
	}
	var paras []string
	for _, n := range nodes {
		if skip[n] || hasAncestorIn(n, matched) || hasAncestorIn(n, skip) {
			continue
		}
		if t := nodeText(n, skip); t != "" {
			paras = append(paras, t)
		}
	}
	return paras
}

func profileAuthors(scope *goquery.Selection, p *profile, skip map[*html.Node]bool) []string {
	authors := []string{}
	if p.authors == nil {
		return authors
	}
	seen := map[string]bool{}
	for _, n := range scope.FindMatcher(p.authors).Nodes {
		t := nodeText(n, skip)
		if p.authorStrip != nil {
			t = strings.TrimSpace(p.authorStrip.ReplaceAllString(t, ""))
		}
		for _, a := range splitAuthors(t) {
			if !seen[a] {
				seen[a] = true
				authors = append(authors, a)
			}
		}
	}
	return authors
}

// profileTime reads the publication time from the profile's element; a value that does not parse
// leaves the time to the generic finder, with a warning naming the profile.
func profileTime(doc *goquery.Document, scope *goquery.Selection, p *profile, r *Result) stamp {
	if p.tim == nil {
		return stamp{}
	}
	n := firstMatch(scope.Nodes, p.tim, nil)
	if n == nil && strings.HasPrefix(p.Time, "meta") {
		n = firstMatch(doc.Selection.Nodes, p.tim, nil) // meta tags live in <head>, outside any root
	}
	if n == nil {
		return stamp{}
	}
	sel := doc.FindNodes(n)
	raw := ""
	if p.TimeAttr != "" {
		raw, _ = sel.Attr(p.TimeAttr)
	} else {
		raw = nodeText(sel.Nodes[0], nil)
	}
	if strings.TrimSpace(raw) == "" {
		return stamp{}
	}
	t, err := p.parseTime(raw)
	if err != nil {
		r.Warnings = append(r.Warnings, "profile "+p.Name+": time: "+err.Error())
		return stamp{}
	}
	return t
}

// anyOf matches the nodes that one of sels matches.
func anyOf(sels []cascadia.Selector) cascadia.Selector {
	return func(n *html.Node) bool {
		for _, s := range sels {
			if s(n) {
				return true
			}
		}
		return false
	}
}

// firstText is the text of the first element under scope, in document order, that sel matches,
// skip does not hide and has text.
func firstText(scope []*html.Node, sel cascadia.Selector, skip map[*html.Node]bool) string {
	found := ""
	firstMatch(scope, sel, func(n *html.Node) bool {
		if skip[n] || hasAncestorIn(n, skip) {
			return false
		}
		found = nodeText(n, skip)
		return found != ""
	})
	return found
}

// firstMatch is the first element under scope (its nodes' descendants), in document order, that
// sel matches and ok (nil: any) accepts: what scope.FindMatcher(sel) would give first, without
// walking on to collect every later match (the title and the article root are near the top).
func firstMatch(scope []*html.Node, sel cascadia.Selector, ok func(*html.Node) bool) *html.Node {
	var walk func(n *html.Node) *html.Node
	walk = func(n *html.Node) *html.Node {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue // text and comments hold no elements
			}
			if sel(c) && (ok == nil || ok(c)) {
				return c
			}
			if f := walk(c); f != nil {
				return f
			}
		}
		return nil
	}
	for _, n := range scope {
		if f := walk(n); f != nil {
			return f
		}
	}
	return nil
}

// elementGate tells, without running them, which elements a list of simple selectors ("figure",
// ".related", "div.share", "div.block[data-type=x]") may match: one whose class attribute holds
// the first class a selector names, or one of the tags named bare. The remove selectors are
// asked about every node of the page; most nodes pass neither test, and most elements that have
// a class hold none of the selectors' (a page's dozens of remove selectors each scanned their
// class attribute). Simple selectors match elements only. A nil gate lets every element through.
type elementGate struct {
	tags    map[string]bool // the tags of the bare tag selectors
	classes map[string]bool // the first class of each selector that names one
}

// simpleSelector is a tag, classes and attribute tests, each part optional.
var simpleSelector = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9-]*)?((?:\.[A-Za-z0-9_-]+)*)((?:\[[^\]]*\])*)$`)

// gateOf returns the gate of sels, nil when one is not simple or names neither a class nor a
// bare tag.
func gateOf(sels []string) *elementGate {
	g := &elementGate{tags: map[string]bool{}, classes: map[string]bool{}}
	for _, sel := range sels {
		m := simpleSelector.FindStringSubmatch(strings.TrimSpace(sel))
		switch {
		case m == nil:
			return nil
		case m[2] != "": // classes: the element's class attribute holds each, the first among them
			g.classes[strings.Split(m[2], ".")[1]] = true
		case m[1] != "" && m[3] == "":
			g.tags[strings.ToLower(m[1])] = true
		default:
			return nil
		}
	}
	return g
}

// gated is m behind the gate.
func (g *elementGate) gated(m cascadia.Selector) cascadia.Selector {
	if g == nil {
		return m
	}
	return func(n *html.Node) bool { return g.may(n) && m(n) }
}

// may tells whether one of the gate's selectors may match n.
func (g *elementGate) may(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false // a text node's Data, hashed for the tag lookup, was most of the gate's time
	}
	if g.tags[n.Data] {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "class" && g.holdsClass(a.Val) {
			return true
		}
	}
	return false
}

// holdsClass tells whether a class attribute's value holds one of the gate's classes, its words
// split where cascadia splits them for a class selector.
func (g *elementGate) holdsClass(val string) bool {
	for val != "" {
		i := strings.IndexAny(val, " \t\r\n\f")
		if i < 0 {
			return g.classes[val]
		}
		if g.classes[val[:i]] {
			return true
		}
		val = val[i+1:]
	}
	return false
}
