package pubdate

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// TestIndexMatchesSelectors checks each field of the index against the goquery selector it
// replaces (and its text against the walk it replaces), on small pages built for the corner cases and on real pages (htmldate-eval, when
// present).
func TestIndexMatchesSelectors(t *testing.T) {
	pages := []string{
		`<html lang="en-US"><head><meta property="og:locale" content="en_US"><meta property="og:locale" content="de_DE">
		<meta name="date" content="2020-01-02"></head><body><h1>Site</h1><main><div><h1 itemprop="headline">Story</h1></div></main>
		<article><h1>Later</h1><span itemprop="datePublished">1 June 2020</span><time datetime="2020-06-01">x</time></article></body></html>`,
		`<html><body><div role="main"><h1>Role</h1></div><div role="navigation main"><h1>Not role main</h1></div>
		<svg><time>svg time</time></svg><meta itemprop="datePublished" content="2020-01-01"></body></html>`,
		`<html><body><div class="news"><div class="a news-header	b"><span><dateformat time="1603274700"></dateformat></span></div>
		<div class="news-header__date"><dateformat time="1"></dateformat></div><div class="news-header-x"><dateformat time="2"></dateformat></div>
		<dateformat mode="abs"></dateformat><div class="news-header"><dateformat></dateformat></div></div></body></html>`,
		`<html><body><dateformat time="4"></dateformat><div class="news-header__date"><dateformat time="5"></dateformat></div></body></html>`,
		`<html><body><p>no headline</p><dateformat time="1603274700"></dateformat></body></html>`,
		`<!DOCTYPE html><!-- c --><html lang="ru"><body><section role="main"><article><h1 role="main">x</h1></article></section></body></html><!-- after -->`,
		`<html><body><nav><h1>Hidden</h1></nav><div class="Comments"><p>c <time datetime="2020-01-01">x</time></p></div>
		<article><h1>Shown</h1><p>text</p><time datetime="2021-02-03">3 Feb</time><script>var a = 1;</script>` + strings.Repeat("<p>long</p>", 40) + `</article></body></html>`,
		"<html><body>" + strings.Repeat("<div>", 70) + "x" + strings.Repeat("</div>", 70) + "</body></html>",
		`<html><body><form><article><h1>In a form</h1></article></form><h1>Outside</h1></body></html>`,
		``,
	}
	if docs := evalPages(t, 150); docs != nil {
		pages = append(pages, docs...)
	}
	for i, src := range pages {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader([]byte(src)))
		if err != nil {
			t.Fatal(err)
		}
		x := newIndex(doc)
		first := func(s *goquery.Selection) *html.Node {
			if s.Length() == 0 {
				return nil
			}
			return s.Nodes[0]
		}
		checks := []struct {
			name      string
			got, want any
		}{
			{"metas", x.metas, doc.Find("meta").Nodes},
			{"itemprops", x.itemprops, doc.Find("[itemprop]").Not("meta").Nodes},
			{"times", x.times, doc.Find("time").Nodes},
			{"tassHeader", x.tassHeader, first(doc.Find(".news-header dateformat[time], .news-header__date dateformat[time]"))},
			{"dateformats", x.dateformats, doc.Find("dateformat[time]").Nodes},
			{"h1", x.h1, first(doc.Find("h1"))},
			{"mainH1", x.mainH1, first(doc.Find("article h1, main h1, [role=main] h1"))},
			{"articleH1", x.articleH1, first(doc.Find("article h1, main h1"))},
			{"lang", x.lang, doc.Find("html").AttrOr("lang", "")},
			{"locale", x.locale, doc.Find(`meta[property="og:locale"]`).AttrOr("content", "")},
		}
		if len(doc.Nodes) > 0 {
			want := refText{h1: -1, h1End: -1, headline: x.headline()}
			want.walk(doc.Nodes[0])
			checks = append(checks, []struct {
				name      string
				got, want any
			}{
				{"text", x.run.text, want.b.String()},
				{"nodes", x.run.nodes, want.nodes},
				{"times", x.run.times, want.times},
				{"h1", [2]int{x.run.h1, x.run.h1End}, [2]int{want.h1, want.h1End}},
			}...)
		}
		for _, c := range checks {
			if !sameResult(c.got, c.want) {
				t.Errorf("page %d: %s differs from its selector: %v, want %v", i, c.name, c.got, c.want)
			}
		}
	}
}

// refText is the text walk as it was before newIndex did it, for TestIndexMatchesSelectors.
type refText struct {
	b         strings.Builder
	h1, h1End int
	times     []timeAt
	nodes     []int
	headline  *html.Node
}

func (r *refText) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.nodes = append(r.nodes, r.b.Len())
		r.b.WriteString(n.Data)
		r.nodes = append(r.nodes, r.b.Len())
		return
	case html.ElementNode:
		if skipTags[n.Data] {
			return
		}
		for _, a := range n.Attr {
			if (a.Key == "class" || a.Key == "id") && strings.Contains(strings.ToLower(a.Val), "comment") {
				return
			}
		}
		if n.Data == "time" {
			for _, a := range n.Attr {
				if a.Key == "datetime" {
					r.times = append(r.times, timeAt{r.b.Len(), a.Val})
				}
			}
		}
	}
	if n == r.headline {
		r.h1 = r.b.Len()
	}
	r.b.WriteByte(' ')
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	r.b.WriteByte(' ')
	if n == r.headline {
		r.h1End = r.b.Len()
	}
}

// sameResult compares a field with its selector's result; an empty node list equals a nil one.
func sameResult(got, want any) bool {
	g, gok := got.([]*html.Node)
	w, wok := want.([]*html.Node)
	if gok && wok && len(g) == 0 && len(w) == 0 {
		return true
	}
	return reflect.DeepEqual(got, want)
}

// evalPages returns the HTML of the first n htmldate-eval pages, or nil when the corpus is absent.
func evalPages(t *testing.T, n int) []string {
	dir := "../../../shared/corpus/htmldate-eval"
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	var out []string
	for _, d := range loadEval(t, dir)[:n] {
		out = append(out, string(d.HTML))
	}
	return out
}
