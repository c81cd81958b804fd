package content

import (
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
		if root := doc.FindMatcher(p.root).First(); root.Length() > 0 {
			scope = root
		}
	}
	skip := map[*html.Node]bool{}
	if len(p.remove) > 0 {
		// one walk of the page for all the remove selectors, not one each
		for _, n := range doc.FindMatcher(anyOf(p.remove)).Nodes {
			skip[n] = true
		}
	}
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
	sel := scope.FindMatcher(p.tim)
	if sel.Length() == 0 && strings.HasPrefix(p.Time, "meta") {
		sel = doc.FindMatcher(p.tim) // meta tags live in <head>, outside any root
	}
	sel = sel.First()
	if sel.Length() == 0 {
		return stamp{}
	}
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
// skip does not hide and has text: what scope.FindMatcher(sel) would give first, without walking
// on to collect every later match (the title is near the top).
func firstText(scope []*html.Node, sel cascadia.Selector, skip map[*html.Node]bool) string {
	found := ""
	var walk func(n *html.Node) bool // true once found
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue // text and comments hold no elements
			}
			if sel(c) && !skip[c] && !hasAncestorIn(c, skip) {
				if t := nodeText(c, skip); t != "" {
					found = t
					return true
				}
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	for _, n := range scope {
		if walk(n) {
			break
		}
	}
	return found
}
