package pubdate

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// TestIndexMatchesSelectors checks each field of the index against the goquery selector it
// replaces, on small pages built for the corner cases and on real pages (htmldate-eval, when
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
		for _, c := range checks {
			if !sameResult(c.got, c.want) {
				t.Errorf("page %d: %s differs from its selector: %v, want %v", i, c.name, c.got, c.want)
			}
		}
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
