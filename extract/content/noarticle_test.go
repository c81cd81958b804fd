package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// Pages without an article give an empty body and a warning, never a body made of what is there.
func TestNoArticle(t *testing.T) {
	for _, name := range []string{"404", "listing"} {
		t.Run(name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "noarticle", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Extract(Input{HTML: page, URL: "https://defense-news.example/arms-control/x"})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Paragraphs) != 0 {
				t.Errorf("body %q, want none", r.Paragraphs)
			}
			if len(r.Warnings) == 0 || !strings.HasPrefix(r.Warnings[len(r.Warnings)-1], "no article body found") {
				t.Errorf("warnings %q, want a no-article warning", r.Warnings)
			}
		})
	}
}

func TestHeadlineWith404IsAnArticle(t *testing.T) {
	page := `<html><head><title>Russia keeps 404 deployed launchers, data show</title></head><body>
<article><h1>Russia keeps 404 deployed launchers, data show</h1>
<p>MOSCOW, October 1. /TASS/. Russia has 404 deployed ICBMs, SLBMs and heavy bombers, according to the data exchanged under the treaty.</p></article></body></html>`
	r, err := Extract(Input{HTML: []byte(page), URL: "https://example.org/news/1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Paragraphs) != 1 {
		t.Errorf("paragraphs %q, warnings %q: a headline with 404 in it is not an error page", r.Paragraphs, r.Warnings)
	}
}

// maybeErrorTitle may skip errorTitleRe only where it cannot match: every alternative holds one
// of errorTitleWords, and every rune of those words is what strings.ToLower makes of every rune
// case-insensitive matching takes for it.
func TestMaybeErrorTitle(t *testing.T) {
	for _, head := range []string{"404", "  404 - Example", "Error 404", "404 Not Found", "404 fehler", "Fehler 404",
		"ОШИБКА 404", "Erreur 404", "PAGE NOT FOUND", "File Not Found", "Not found", "Page Does Not Exist",
		"page doesn't exist", "СТРАНИЦА НЕ НАЙДЕНА", "Seite nicht gefunden", "Page introuvable", "Página no encontrada",
		"Pagina non trovata"} {
		if !errorTitleRe().MatchString(head) {
			t.Fatalf("%q: not an error title; update the samples", head)
		}
		if !maybeErrorTitle(head) {
			t.Errorf("%q: skipped, yet errorTitleRe matches it", head)
		}
	}
	for _, w := range errorTitleWords {
		for _, r := range w {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if unicode.ToLower(f) != r {
					t.Errorf("%q: (?i) takes %q for %q, which lower-cases to %q", w, f, r, unicode.ToLower(f))
				}
			}
		}
	}
	if maybeErrorTitle("Lavrov: New START talks go on | TASS") {
		t.Error("an ordinary headline may be an error title")
	}
}

// An error title is read only with a short body: a body of 1,500 characters or more under a
// "404 Not Found" title stays an article, one of less does not.
func TestErrorTitleNeedsShortBody(t *testing.T) {
	for _, c := range []struct {
		words   int
		article bool
	}{{40, false}, {300, true}} {
		page := `<html><head><title>404 Not Found</title></head><body><article><h1>Page not found</h1><p>` +
			strings.Repeat("The treaty limits deployed warheads. ", c.words/5) + `</p></article></body></html>`
		r, err := Extract(Input{HTML: []byte(page), URL: "https://example.org/news/1"})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(r.Paragraphs) > 0; got != c.article {
			t.Errorf("%d words: article %v, want %v (warnings %q)", c.words, got, c.article, r.Warnings)
		}
	}
}
